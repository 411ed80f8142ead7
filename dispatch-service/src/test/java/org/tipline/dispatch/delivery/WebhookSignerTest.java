package org.tipline.dispatch.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;
import org.tipline.dispatch.endpoint.WebhookSecret;
import org.tipline.testing.FuzzRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What dispatch signs, an independent Standard Webhooks implementation (as a state would use) verifies, and
 * nothing else: for any payload, id, timestamp and secret. Tries are bounded so the suite stays fast; a share of
 * every input is an edge case (empty payload, extreme timestamps, shortest and longest secrets).
 */
class WebhookSignerTest {

	private static final int TRIES = 500;

	/** The verifier refuses timestamps more than 5 minutes from now; signing itself takes any. */
	private static final long TOLERANCE_SECONDS = 290;

	/** A header value: visible ASCII, as HTTP carries it. */
	private static final String VISIBLE = FuzzRandom.PRINTABLE.strip();

	private static final List<Long> EDGE_TIMESTAMPS = List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L,
			Long.MAX_VALUE - 1, Long.MAX_VALUE);

	private static final List<Part> PARTS = List.of(Part.values());

	@Test
	void whatItSignsVerifiesWithAStandardWebhooksLibrary() {
		FuzzRandom.forEachTry(TRIES, (random) -> {
			String payload = payload(random);
			String id = id(random);
			String secret = secret(random);
			long timestamp = Instant.now().getEpochSecond()
					+ random.nextLong(-TOLERANCE_SECONDS, TOLERANCE_SECONDS + 1);

			String signature = WebhookSigner.signatures(id, timestamp, payload, List.of(secret));

			assertThatCode(() -> new Webhook(secret).verify(payload, headers(id, Long.toString(timestamp), signature)))
				.doesNotThrowAnyException();
		});
	}

	@Test
	void signsExactlyAsTheLibraryDoesForAnyTimestamp() {
		FuzzRandom.forEachTry(TRIES, (random) -> {
			String payload = payload(random);
			String id = id(random);
			long timestamp = anyTimestamp(random);
			String secret = secret(random);

			assertThat(WebhookSigner.signatures(id, timestamp, payload, List.of(secret)))
				.isEqualTo(new Webhook(secret).sign(id, timestamp, payload));
		});
	}

	@Test
	void eitherSecretOfARotationVerifies() {
		FuzzRandom.forEachTry(TRIES, (random) -> {
			String payload = payload(random);
			String id = id(random);
			String newSecret = secret(random);
			String oldSecret = secret(random);
			long timestamp = Instant.now().getEpochSecond();

			String signatures = WebhookSigner.signatures(id, timestamp, payload, List.of(newSecret, oldSecret));

			Map<String, List<String>> headers = headers(id, Long.toString(timestamp), signatures);
			assertThatCode(() -> new Webhook(newSecret).verify(payload, headers)).doesNotThrowAnyException();
			assertThatCode(() -> new Webhook(oldSecret).verify(payload, headers)).doesNotThrowAnyException();
		});
	}

	@Test
	void anyChangedByteOfPayloadIdTimestampOrSignatureFailsVerification() {
		AtomicInteger changed = new AtomicInteger();
		FuzzRandom.forEachTry(TRIES, (random) -> {
			String payload = payload(random);
			String id = id(random);
			String secret = secret(random);
			Part part = random.oneOf(PARTS);
			long timestamp = Instant.now().getEpochSecond();
			String signature = WebhookSigner.signatures(id, timestamp, payload, List.of(secret));
			String[] sent = { payload, id, Long.toString(timestamp), signature };

			String[] received = sent.clone();
			received[part.ordinal()] = withOneByteChanged(random, sent[part.ordinal()]);
			if (!differsOnTheWire(sent[part.ordinal()], received[part.ordinal()])) {
				return;
			}
			changed.incrementAndGet();

			assertThatThrownBy(
					() -> new Webhook(secret).verify(received[0], headers(received[1], received[2], received[3])))
				.isInstanceOf(WebhookVerificationException.class);
		});
		// an empty payload or a change that decodes to the same bytes is skipped; most tries must still count
		assertThat(changed).hasValueGreaterThan(TRIES * 3 / 4);
	}

	@Test
	void neverThrows() {
		FuzzRandom.forEachTry(TRIES, (random) -> {
			String payload = payload(random);
			String id = random.anyText(0, 64);
			long timestamp = anyTimestamp(random);
			String secret = secret(random);

			assertThatCode(() -> WebhookSigner.signatures(id, timestamp, payload, List.of(secret)))
				.doesNotThrowAnyException();
		});
	}

	enum Part {

		PAYLOAD, ID, TIMESTAMP, SIGNATURE

	}

	/** Any text: empty now and then, control characters, lone surrogates and pairs among the rest. */
	private static String payload(FuzzRandom random) {
		return (random.nextInt(20) == 0) ? "" : random.anyText(1, 255);
	}

	private static String id(FuzzRandom random) {
		return random.textOf(VISIBLE, 1, 64);
	}

	private static long anyTimestamp(FuzzRandom random) {
		return (random.nextInt(8) == 0) ? random.oneOf(EDGE_TIMESTAMPS) : random.nextLong();
	}

	/** {@code whsec_} and 1 to 64 random bytes: Standard Webhooks recommends 24 to 64. */
	private static String secret(FuzzRandom random) {
		int length = switch (random.nextInt(8)) {
			case 0 -> 1;
			case 1 -> 64;
			default -> random.nextInt(1, 65);
		};
		byte[] key = new byte[length];
		random.nextBytes(key);
		return WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** Changes one byte of the UTF-8 form, as a network or an attacker would. */
	private static String withOneByteChanged(FuzzRandom random, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		if (bytes.length == 0) {
			return value;
		}
		int index = random.nextInt(bytes.length);
		bytes[index] = (byte) (bytes[index] ^ random.nextInt(1, 256));
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * The verifier signs the UTF-8 form, so only a change there is one it can see. Comparing text is not enough: a
	 * lone surrogate encodes as {@code ?}, and a changed byte that decodes to U+FFFD may encode as the bytes sent.
	 */
	private static boolean differsOnTheWire(String sent, String received) {
		return !Arrays.equals(sent.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, List<String>> headers(String id, String timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp), "webhook-signature",
				List.of(signature));
	}
}
