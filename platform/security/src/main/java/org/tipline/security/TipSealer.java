package org.tipline.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.HybridEncrypt;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

/**
 * Encrypts the personal fields of a tip with the public keyset (HPKE: X25519, HKDF-SHA256, AES-256-GCM). Each
 * ciphertext is bound to its tip and field: a sealed narrative copied into another tip, or into the phone field,
 * does not open. Holding only the public keyset, intake can seal but not open.
 */
public final class TipSealer {

	/** Marks a sealed value; after it, base64 of Tink's ciphertext, which starts with the id of the key used. */
	public static final String SEALED_PREFIX = "sealed:v1:";

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

	public TipReceived seal(TipReceived tip) {
		return PersonalFields.transform(tip, this::seal);
	}

	public static boolean isSealed(String value) {
		return value != null && value.startsWith(SEALED_PREFIX);
	}

	private String seal(TipId tipId, String field, String value) {
		if (isSealed(value)) {
			return value;
		}
		try {
			byte[] ciphertext = encrypt.encrypt(value.getBytes(StandardCharsets.UTF_8), boundTo(tipId, field));
			return SEALED_PREFIX + Base64.getEncoder().encodeToString(ciphertext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the " + field + " of tip " + tipId + " could not be sealed", ex);
		}
	}

	/** The context every ciphertext is bound to (HPKE's info, Tink's associated data for hybrid encryption). */
	static byte[] boundTo(TipId tipId, String field) {
		return ("tipline/" + tipId + "/" + field).getBytes(StandardCharsets.UTF_8);
	}
}
