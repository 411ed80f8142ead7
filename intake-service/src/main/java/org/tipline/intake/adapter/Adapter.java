package org.tipline.intake.adapter;

/**
 * A channel adapter that proved who it is with its API key. It owns the tips it submitted: only it can read them
 * back or answer consent for them.
 *
 * @param name the adapter's name in {@code tipline.intake.adapters.<name>}
 */
public record Adapter(String name) {

	/** The request attribute under which {@link AdapterGate} leaves the adapter a request came from. */
	public static final String ATTRIBUTE = "tipline.intake.adapter";

}
