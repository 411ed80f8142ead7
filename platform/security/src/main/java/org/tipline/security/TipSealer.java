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
 * Encrypts the personal fields of a tip under the public keyset. Each tip gets a fresh AES-256-GCM data key, sealed
 * once with HPKE (X25519, HKDF-SHA256, AES-256-GCM) and bound to the tip; each field is encrypted under that data
 * key and bound to its tip and field, so a sealed narrative copied into another tip, or into the phone field, does
 * not open. One HPKE operation per tip rather than per field: X25519 in Java costs hundreds of microseconds, and
 * per field it was most of intake's and triage's CPU under load. Holding only the public keyset, intake can seal
 * but not open.
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

	private final HybridEncrypt encrypt;

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
		return PersonalFields.transform(tip, new Envelope()::seal);
	}

	public static boolean isSealed(String value) {
		return value != null && value.startsWith(SEALED);
	}

	/** The context of a tip's data key (HPKE's info): the data key of one tip does not open for another. */
	static byte[] dataKeyBoundTo(TipId tipId) {
		return ("tipline/" + tipId + "/data-key").getBytes(StandardCharsets.UTF_8);
	}

	/** The context of each field's ciphertext (associated data). */
	static byte[] boundTo(TipId tipId, String field) {
		return ("tipline/" + tipId + "/" + field).getBytes(StandardCharsets.UTF_8);
	}

	/** The data key of one tip, made when its first field is sealed. */
	private final class Envelope {

		private String sealedDataKey;

		private Aead dataKey;

		String seal(TipId tipId, String field, String value) {
			if (isSealed(value)) {
				return value;
			}
			try {
				if (dataKey == null) {
					byte[] key = Random.randBytes(DATA_KEY_BYTES);
					sealedDataKey = Base64.getEncoder().encodeToString(encrypt.encrypt(key, dataKeyBoundTo(tipId)));
					dataKey = new AesGcmJce(key);
				}
				byte[] ciphertext = dataKey.encrypt(value.getBytes(StandardCharsets.UTF_8), boundTo(tipId, field));
				return V2_PREFIX + sealedDataKey + ":" + Base64.getEncoder().encodeToString(ciphertext);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("the " + field + " of tip " + tipId + " could not be sealed", ex);
			}
		}
	}
}
