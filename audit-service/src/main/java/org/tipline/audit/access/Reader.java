package org.tipline.audit.access;

/**
 * Whoever presented one of the configured keys: {@code name} is the {@code <name>} of
 * {@code tipline.audit.readers.<name>}, which the access log records. Handlers of the audit API find the reader
 * under {@link #ATTRIBUTE} of the exchange.
 */
public record Reader(String name, ReaderRole role) {

	public static final String ATTRIBUTE = "org.tipline.audit.access.Reader";
}
