package org.tipline.dispatch.endpoint;

import java.util.Base64;

/** A Standard Webhooks secret as configured: {@code whsec_} and the base64 of the key bytes. */
public final class WebhookSecret {

	public static final String PREFIX = "whsec_";

	/** Shorter keys are guessable; Standard Webhooks recommends 24 to 64 bytes. */
	static final int MINIMUM_BYTES = 16;

	private WebhookSecret() {
	}

	/** The HMAC key the secret stands for; the {@code whsec_} prefix may be left out. */
	public static byte[] keyOf(String secret) {
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		return Base64.getDecoder().decode(encoded);
	}
}
