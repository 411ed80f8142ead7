package org.tipline.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;

/**
 * The keysets that protect personal data in events: a private keyset that triage and dispatch decrypt with, and
 * the public keyset derived from it that intake encrypts with, so intake can seal a tip but never read one back.
 * Both are Tink JSON keysets; each ciphertext starts with the id of the key that made it, so a keyset can hold old
 * keys next to a new primary while ciphertexts made under the old ones still exist.
 */
public final class FieldKeys {

	private static final HpkeParameters HPKE_X25519_AES_256_GCM = hpke();

	/** Where the hybrid primitives are looked up; registered once for the whole JVM. */
	static final Configuration CONFIGURATION = registeredHybridConfiguration();

	private FieldKeys() {
	}

	/** A new private keyset with one key, as Tink JSON. */
	public static String generatePrivateKeyset() {
		try {
			return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(HPKE_X25519_AES_256_GCM),
					InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink could not generate an HPKE key", ex);
		}
	}

	/**
	 * The private keyset with a new key made primary and every old key kept, so what was sealed before still opens.
	 * Roll it out to the services that decrypt first, then give intake the new {@link #publicKeysetOf public keyset}.
	 */
	public static String rotate(String privateKeysetJson) {
		try {
			KeysetHandle current = parsePrivate(privateKeysetJson);
			KeysetHandle rotated = KeysetHandle.newBuilder(current)
				.addEntry(KeysetHandle.generateEntryFromParameters(HPKE_X25519_AES_256_GCM).withRandomId().makePrimary())
				.build();
			return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("the private keyset could not be rotated: " + ex.getMessage(), ex);
		}
	}

	/** What intake is given: the public halves of every key, the same primary. Holds no secret. */
	public static String publicKeysetOf(String privateKeysetJson) {
		try {
			return TinkJsonProtoKeysetFormat
				.serializeKeysetWithoutSecret(parsePrivate(privateKeysetJson).getPublicKeysetHandle());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("no public keyset can be derived: " + ex.getMessage(), ex);
		}
	}

	/** Reads a keyset file, naming the file (never its content) when it cannot. */
	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the keyset file " + file + " cannot be read", ex);
		}
	}

	/**
	 * The keyset a service is configured with, in the file {@code property} names. A service that seals or opens
	 * personal fields does not start without one, saying {@code purpose}; never with the fields in the clear.
	 */
	public static String readConfigured(String property, String file, String purpose) {
		if (file == null || file.isBlank()) {
			throw new IllegalStateException(property + " is not set: " + purpose
					+ " (create the keysets with ./tipline keys keyset DIR)");
		}
		return read(Path.of(file));
	}

	static KeysetHandle parsePrivate(String json) throws GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
	}

	static KeysetHandle parsePublic(String json) throws GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json);
	}

	private static Configuration registeredHybridConfiguration() {
		try {
			HybridConfig.register();
			return RegistryConfiguration.get();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink's hybrid encryption could not be registered", ex);
		}
	}

	private static HpkeParameters hpke() {
		try {
			return HpkeParameters.builder()
				.setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
				.setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
				.setAeadId(HpkeParameters.AeadId.AES_256_GCM)
				.setVariant(HpkeParameters.Variant.TINK)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
