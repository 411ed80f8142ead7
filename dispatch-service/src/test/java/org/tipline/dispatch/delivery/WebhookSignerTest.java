package org.tipline.dispatch.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What dispatch signs, an independent Standard Webhooks implementation (as a state would use) verifies, and
 * nothing else: for any payload, id, timestamp and secret. Tries are bounded so the suite stays fast; jqwik's
 * default edge cases (empty, surrogates, extremes) come first.
 */
class WebhookSignerTest {

	private static final int TRIES = 500;

	/** The verifier refuses timestamps more than 5 minutes from now; signing itself takes any. */
	private static final long TOLERANCE_SECONDS = 290;

	@Property(tries = TRIES)
	void whatItSignsVerifiesWithAStandardWebhooksLibrary(@ForAll String payload, @ForAll("ids") String id,
			@ForAll @LongRange(min = -TOLERANCE_SECONDS, max = TOLERANCE_SECONDS) long skew,
			@ForAll("secrets") String secret) throws Exception {
		long timestamp = Instant.now().getEpochSecond() + skew;

		String signature = WebhookSigner.signatures(id, timestamp, payload, List.of(secret));

		assertThatCode(() -> new Webhook(secret).verify(payload, headers(id, Long.toString(timestamp), signature)))
			.doesNotThrowAnyException();
	}

	@Property(tries = TRIES)
	void signsExactlyAsTheLibraryDoesForAnyTimestamp(@ForAll String payload, @ForAll("ids") String id,
			@ForAll long timestamp, @ForAll("secrets") String secret) throws Exception {
		assertThat(WebhookSigner.signatures(id, timestamp, payload, List.of(secret)))
			.isEqualTo(new Webhook(secret).sign(id, timestamp, payload));
	}

	@Property(tries = TRIES)
	void eitherSecretOfARotationVerifies(@ForAll String payload, @ForAll("ids") String id,
			@ForAll("secrets") String newSecret, @ForAll("secrets") String oldSecret) {
		long timestamp = Instant.now().getEpochSecond();

		String signatures = WebhookSigner.signatures(id, timestamp, payload, List.of(newSecret, oldSecret));

		Map<String, List<String>> headers = headers(id, Long.toString(timestamp), signatures);
		assertThatCode(() -> new Webhook(newSecret).verify(payload, headers)).doesNotThrowAnyException();
		assertThatCode(() -> new Webhook(oldSecret).verify(payload, headers)).doesNotThrowAnyException();
	}

	@Property(tries = TRIES)
	void anyChangedByteOfPayloadIdTimestampOrSignatureFailsVerification(@ForAll String payload,
			@ForAll("ids") String id, @ForAll("secrets") String secret, @ForAll("parts") Part part,
			@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where, @ForAll @IntRange(min = 1, max = 255) int flip) {
		long timestamp = Instant.now().getEpochSecond();
		String signature = WebhookSigner.signatures(id, timestamp, payload, List.of(secret));
		String[] sent = { payload, id, Long.toString(timestamp), signature };
		Assume.that(!sent[part.ordinal()].isEmpty());

		String[] received = sent.clone();
		received[part.ordinal()] = withOneByteChanged(sent[part.ordinal()], where, flip);
		Assume.that(!received[part.ordinal()].equals(sent[part.ordinal()]));

		assertThatThrownBy(() -> new Webhook(secret).verify(received[0], headers(received[1], received[2], received[3])))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Property(tries = TRIES)
	void neverThrows(@ForAll String payload, @ForAll String id, @ForAll long timestamp,
			@ForAll("secrets") String secret) {
		assertThatCode(() -> WebhookSigner.signatures(id, timestamp, payload, List.of(secret)))
			.doesNotThrowAnyException();
	}

	enum Part {

		PAYLOAD, ID, TIMESTAMP, SIGNATURE

	}

	@Provide
	Arbitrary<Part> parts() {
		return Arbitraries.of(Part.class);
	}

	/** A header value: visible ASCII, as HTTP carries it. */
	@Provide
	Arbitrary<String> ids() {
		return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64);
	}

	/** {@code whsec_} and 1 to 64 random bytes: Standard Webhooks recommends 24 to 64. */
	@Provide
	Arbitrary<String> secrets() {
		return Arbitraries.bytes()
			.array(byte[].class)
			.ofMinSize(1)
			.ofMaxSize(64)
			.map((key) -> WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(key));
	}

	/**
	 * Changes one byte of the UTF-8 form, as a network or an attacker would. A change that decodes to the same
	 * text is no change the verifier can see; the assumption in the property skips it.
	 */
	private static String withOneByteChanged(String value, int where, int flip) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		int index = where % bytes.length;
		bytes[index] = (byte) (bytes[index] ^ flip);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static Map<String, List<String>> headers(String id, String timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp), "webhook-signature",
				List.of(signature));
	}
}
