package org.tipline.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** The Ed25519 key checkpoints are signed with, and the public key and key id that go with it. */
public final class SigningKey {

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
	}

	public static SigningKey generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return new SigningKey(pair.getPrivate(), pair.getPublic());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the JDK has no Ed25519", ex);
		}
	}

	/** A key as {@code openssl genpkey -algorithm ed25519 -outform DER} writes it: PKCS#8. */
	public static SigningKey fromPkcs8(byte[] pkcs8) {
		try {
			PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return new SigningKey(privateKey, publicKeyOf((EdECPrivateKey) privateKey));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8", ex);
		}
	}

	/**
	 * JDK 17 cannot derive an Ed25519 public key from a private one directly, but its key pair generator makes
	 * the private key from 32 random bytes: fed the private key's own seed, it makes the same pair again.
	 */
	private static PublicKey publicKeyOf(EdECPrivateKey privateKey) throws GeneralSecurityException {
		byte[] seed = privateKey.getBytes().orElseThrow(() -> new GeneralSecurityException("key has no seed"));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
		generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
			@Override
			public void nextBytes(byte[] bytes) {
				System.arraycopy(seed, 0, bytes, 0, bytes.length);
			}
		});
		return generator.generateKeyPair().getPublic();
	}

	/** A public key as base64 of its X.509 SubjectPublicKeyInfo, or the same as a PEM block. */
	public static PublicKey parsePublicKey(String text) {
		String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key (base64 X.509 or PEM)", ex);
		}
	}

	/** The first 16 bytes of SHA-256 of the public key's X.509 encoding, in hex: names the key in a checkpoint. */
	public static String keyIdOf(PublicKey publicKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String pem(PublicKey publicKey) {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
			.encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
	}

	public String keyId() {
		return keyIdOf(publicKey);
	}

	public PublicKey publicKey() {
		return publicKey;
	}

	byte[] pkcs8() {
		return privateKey.getEncoded();
	}

	public byte[] sign(byte[] message) {
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initSign(privateKey);
			ed25519.update(message);
			return ed25519.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("could not sign a checkpoint", ex);
		}
	}
}
