package org.tipline.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

/**
 * Encrypts the personal fields of tips under the public keyset, as envelope encryption: a random AES-256-GCM data
 * key is sealed with HPKE (X25519, HKDF-SHA256, AES-256-GCM) and each field is encrypted under the data key with its
 * tip and field as associated data, so a sealed narrative copied into another tip, or into the phone field, does
 * not open. A data key serves the tips sealed within {@value #DATA_KEY_MILLIS} ms, at most {@value #DATA_KEY_TIPS}
 * of them, and is then forgotten: X25519 in Java costs hundreds of microseconds, and one HPKE operation per field,
 * then per tip, was the largest CPU cost of intake, triage and dispatch under load. The services that open cache
 * the few data keys in use. Holding only the public keyset, intake can seal but not open.
 */
public final class TipSealer {

	/**
	 * Marks a sealed value: {@code sealed:v2:<data key sealed with HPKE>:<field under the data key>}, both base64.
	 * The sealed data key starts with the id of the keyset key used.
	 */
	static final String V2_PREFIX = "sealed:v2:";

	/** Each field sealed with HPKE on its own: still opened, no longer written. */
	static final String V1_PREFIX = "sealed:v1:";

	private static final String SEALED = "sealed:";

	private static final int DATA_KEY_BYTES = 32;

	static final long DATA_KEY_MILLIS = 1000;

	static final int DATA_KEY_TIPS = 1000;

	/** HPKE's context info for a data key; fields are bound to their tip by their own associated data. */
	static final byte[] DATA_KEY_CONTEXT = "tipline/data-key".getBytes(StandardCharsets.UTF_8);

	private final HybridEncrypt encrypt;

	private DataKey current;

	private TipSealer(HybridEncrypt encrypt) {
		this.encrypt = encrypt;
	}

	public static TipSealer withPublicKeyset(String publicKeysetJson) {
		try {
			return new TipSealer(FieldKeys.parsePublic(publicKeysetJson)
				.getPrimitive(FieldKeys.CONFIGURATION, HybridEncrypt.class));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a public HPKE keyset: " + ex.getMessage(), ex);
		}
	}

	static TipSealer withPrivateKeyset(String privateKeysetJson) {
		return withPublicKeyset(FieldKeys.publicKeysetOf(privateKeysetJson));
	}

	/** The tip with its personal fields sealed; fields sealed already are kept as they are. */
	public TipReceived seal(TipReceived tip) {
		DataKey key = dataKey();
		return PersonalFields.transform(tip, key::seal);
	}

	public static boolean isSealed(String value) {
		return value != null && value.startsWith(SEALED);
	}

	/** The context of each field's ciphertext (associated data). */
	static byte[] boundTo(TipId tipId, String field) {
		return ("tipline/" + tipId + "/" + field).getBytes(StandardCharsets.UTF_8);
	}

	/** The data key in use, or a new one when it is too old or has served enough tips. */
	private synchronized DataKey dataKey() {
		long now = System.nanoTime();
		if (current == null || now - current.madeAtNanos > DATA_KEY_MILLIS * 1_000_000 || current.tips >= DATA_KEY_TIPS) {
			current = new DataKey(now);
		}
		current.tips++;
		return current;
	}

	private final class DataKey {

		private final long madeAtNanos;

		private final String sealedKey;

		private final Aead aead;

		private int tips;

		DataKey(long madeAtNanos) {
			this.madeAtNanos = madeAtNanos;
			byte[] key = Random.randBytes(DATA_KEY_BYTES);
			try {
				this.sealedKey = Base64.getEncoder().encodeToString(encrypt.encrypt(key, DATA_KEY_CONTEXT));
				this.aead = new AesGcmJce(key);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("no data key could be sealed with the public keyset", ex);
			}
		}

		String seal(TipId tipId, String field, String value) {
			if (isSealed(value)) {
				return value;
			}
			try {
				byte[] ciphertext = aead.encrypt(value.getBytes(StandardCharsets.UTF_8), boundTo(tipId, field));
				return V2_PREFIX + sealedKey + ":" + Base64.getEncoder().encodeToString(ciphertext);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("the " + field + " of tip " + tipId + " could not be sealed", ex);
			}
		}
	}
}
