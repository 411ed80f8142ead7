package org.tipline.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.subtle.AesGcmJce;
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

	private final DataKeys dataKeys = new DataKeys();

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

	private static UnsealedFieldException doesNotOpen(TipId tipId, String field) {
		return new UnsealedFieldException("the " + field + " of tip " + tipId
				+ " does not open with this keyset: another tip's or field's ciphertext, or an unknown key");
	}

	private String open(TipId tipId, String field, String value) {
		if (value.startsWith(TipSealer.V2_PREFIX)) {
			return openV2(tipId, field, value.substring(TipSealer.V2_PREFIX.length()));
		}
		if (value.startsWith(TipSealer.V1_PREFIX)) {
			return openV1(tipId, field, value.substring(TipSealer.V1_PREFIX.length()));
		}
		throw new UnsealedFieldException("the " + field + " of tip " + tipId + " arrived unsealed");
	}

	private String openV2(TipId tipId, String field, String sealed) {
		int separator = sealed.indexOf(':');
		if (separator < 0) {
			throw doesNotOpen(tipId, field);
		}
		try {
			Aead dataKey = dataKeys.get(sealed.substring(0, separator));
			byte[] ciphertext = Base64.getDecoder().decode(sealed.substring(separator + 1));
			return new String(dataKey.decrypt(ciphertext, TipSealer.boundTo(tipId, field)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw doesNotOpen(tipId, field);
		}
	}

	private String openV1(TipId tipId, String field, String sealed) {
		try {
			byte[] ciphertext = Base64.getDecoder().decode(sealed);
			return new String(decrypt.decrypt(ciphertext, TipSealer.boundTo(tipId, field)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw doesNotOpen(tipId, field);
		}
	}

	/**
	 * The data keys recently seen, unsealed: intake makes about one a second, so each is unsealed once rather than
	 * once per tip. Tips replayed from long ago unseal theirs again.
	 */
	private final class DataKeys {

		private static final int KEPT = 64;

		private final Map<String, Aead> unsealed = new LinkedHashMap<>(KEPT, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Aead> eldest) {
				return size() > KEPT;
			}
		};

		synchronized Aead get(String sealedKey) throws GeneralSecurityException {
			Aead key = unsealed.get(sealedKey);
			if (key == null) {
				key = new AesGcmJce(decrypt.decrypt(Base64.getDecoder().decode(sealedKey), TipSealer.DATA_KEY_CONTEXT));
				unsealed.put(sealedKey, key);
			}
			return key;
		}
	}
}
