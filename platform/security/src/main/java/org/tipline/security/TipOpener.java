package org.tipline.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.HybridDecrypt;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

/**
 * Decrypts the personal fields of a tip with the private keyset, for the services that must read them (triage to
 * classify, dispatch to deliver). A field that is not sealed, or was sealed for another tip or field, is refused:
 * a tip with personal data in the clear means something upstream is misconfigured and must not pass quietly.
 */
public final class TipOpener {

	private final HybridDecrypt decrypt;

	private final TipSealer sealer;

	private TipOpener(HybridDecrypt decrypt, TipSealer sealer) {
		this.decrypt = decrypt;
		this.sealer = sealer;
	}

	public static TipOpener withPrivateKeyset(String privateKeysetJson) {
		try {
			return new TipOpener(FieldKeys.parsePrivate(privateKeysetJson)
				.getPrimitive(FieldKeys.CONFIGURATION, HybridDecrypt.class),
					TipSealer.withPrivateKeyset(privateKeysetJson));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a private HPKE keyset: " + ex.getMessage(), ex);
		}
	}

	/** The tip with its personal fields in the clear. */
	public TipReceived open(TipReceived sealed) {
		return PersonalFields.transform(sealed, this::open);
	}

	/** Seals again, for a service that passes the tip on (triage publishes it inside {@code TipTriaged}). */
	public TipReceived seal(TipReceived tip) {
		return sealer.seal(tip);
	}

	private String open(TipId tipId, String field, String value) {
		if (!TipSealer.isSealed(value)) {
			throw new UnsealedFieldException("the " + field + " of tip " + tipId + " arrived unsealed");
		}
		try {
			byte[] ciphertext = Base64.getDecoder().decode(value.substring(TipSealer.SEALED_PREFIX.length()));
			return new String(decrypt.decrypt(ciphertext, TipSealer.boundTo(tipId, field)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new UnsealedFieldException("the " + field + " of tip " + tipId
					+ " does not open with this keyset: another tip's or field's ciphertext, or an unknown key");
		}
	}
}
