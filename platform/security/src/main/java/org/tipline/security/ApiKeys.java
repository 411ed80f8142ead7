package org.tipline.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API keys as Tipline issues them: {@code tpl_} and 43 characters of URL-safe base64 (32 random bytes). The
 * prefix is there so secret scanners recognise a leaked key. Services store only the SHA-256 of a key (a key has
 * 256 bits of entropy, so an unsalted hash cannot be reversed by guessing) and compare in constant time.
 */
public final class ApiKeys {

	public static final String PREFIX = "tpl_";

	private static final Pattern SHAPE = Pattern.compile("tpl_[A-Za-z0-9_-]{43}");

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeys() {
	}

	public static String generate() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** The form a key is configured and stored in: lower-case hex SHA-256 of the whole key, prefix included. */
	public static String sha256Hex(String key) {
		return HexFormat.of().formatHex(sha256(key));
	}

	/**
	 * What is wrong with a configured key hash, said without repeating it (it may be a key pasted in the wrong
	 * place, which must not reach a log); empty when it is a well-formed SHA-256 once {@link #normalizedHash
	 * normalised}. Each service puts its property name in front.
	 */
	public static Optional<String> problemOfConfiguredHash(String configured) {
		String hash = normalizedHash(configured);
		if (hash.isEmpty()) {
			return Optional.of("is missing");
		}
		if (hash.startsWith(PREFIX)) {
			return Optional.of("holds a key, not its SHA-256: configure the hash only, and replace that key, which "
					+ "is now written in the configuration");
		}
		return isWellFormedHash(hash) ? Optional.empty() : Optional.of("is not a SHA-256 hash (64 hex digits)");
	}

	/** A configured hash as compared: surrounding spaces dropped, lower case. */
	public static String normalizedHash(String configured) {
		return (configured == null) ? "" : configured.strip().toLowerCase(Locale.ROOT);
	}

	public static boolean isWellFormedHash(String hash) {
		return hash != null && SHA256_HEX.matcher(hash).matches();
	}

	/**
	 * Whether {@code presented} is the key whose hash is {@code expectedSha256Hex}. The comparison of the two
	 * digests takes the same time wherever they differ; a malformed key is refused after hashing all the same.
	 */
	public static boolean matches(String presented, String expectedSha256Hex) {
		byte[] expected = HexFormat.of().parseHex(expectedSha256Hex);
		byte[] actual = sha256((presented == null) ? "" : presented);
		boolean equal = MessageDigest.isEqual(actual, expected);
		return equal && presented != null && SHAPE.matcher(presented).matches();
	}

	/** The key of an {@code Authorization: Bearer tpl_...} header, if that is what the header holds. */
	public static Optional<String> fromAuthorization(String header) {
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		String token = header.substring(7).trim();
		return token.isEmpty() ? Optional.empty() : Optional.of(token);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime provides SHA-256", ex);
		}
	}
}
