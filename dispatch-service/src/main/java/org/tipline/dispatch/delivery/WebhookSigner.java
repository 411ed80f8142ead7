package org.tipline.dispatch.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.tipline.dispatch.endpoint.WebhookSecret;

/**
 * Signs deliveries as Standard Webhooks does: HMAC-SHA256 over {@code id.timestamp.body} with each secret,
 * {@code v1,<base64>} per secret, space-separated. Signing with the new and the old secret during a rotation lets
 * a state verify with either.
 */
final class WebhookSigner {

	private WebhookSigner() {
	}

	static String signatures(String webhookId, long timestampSeconds, String body, List<String> secrets) {
		String signed = webhookId + "." + timestampSeconds + "." + body;
		return secrets.stream().map((secret) -> "v1," + hmac(secret, signed)).collect(Collectors.joining(" "));
	}

	private static String hmac(String secret, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(WebhookSecret.keyOf(secret), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}
}
