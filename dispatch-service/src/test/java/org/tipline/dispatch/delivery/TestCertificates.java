package org.tipline.dispatch.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test, valid for a day: it issues an endpoint's server certificate and
 * dispatch's client certificates, written as the PKCS12 stores dispatch is configured with.
 */
public final class TestCertificates {

	public static final String PASSWORD = "test-store-password";

	private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

	private final X500Name name;

	private final KeyPair keys;

	private final X509Certificate certificate;

	private TestCertificates(X500Name name, KeyPair keys, X509Certificate certificate) {
		this.name = name;
		this.keys = keys;
		this.certificate = certificate;
	}

	public static TestCertificates authority(String commonName) {
		X500Name name = new X500Name("CN=" + commonName);
		KeyPair keys = keyPair();
		X509v3CertificateBuilder builder = builder(name, name, keys);
		try {
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new TestCertificates(name, keys, sign(builder, keys));
	}

	/** A PKCS12 trust store holding this authority's certificate. */
	public Path trustStore(Path directory) {
		try {
			KeyStore store = emptyStore();
			store.setCertificateEntry("ca", certificate);
			return write(store, directory.resolve("trust-" + SERIALS.incrementAndGet() + ".p12"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A PKCS12 key store with a client certificate this authority issued, and its private key. */
	public Path clientKeyStore(Path directory, String commonName) {
		return write(issued(commonName, KeyPurposeId.id_kp_clientAuth, null),
				directory.resolve("client-" + SERIALS.incrementAndGet() + ".p12"));
	}

	/**
	 * TLS for an endpoint with a certificate this authority issued for {@code ipAddress}, accepting the client
	 * certificates {@code clients} issued.
	 */
	public SSLContext serverContext(TestCertificates clients, String ipAddress) {
		try {
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(issued(ipAddress, KeyPurposeId.id_kp_serverAuth,
					new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress))), PASSWORD.toCharArray());
			KeyStore trusted = emptyStore();
			trusted.setCertificateEntry("ca", clients.certificate);
			TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private KeyStore issued(String commonName, KeyPurposeId purpose, GeneralNames alternativeNames) {
		KeyPair leafKeys = keyPair();
		X509v3CertificateBuilder builder = builder(name, new X500Name("CN=" + commonName), leafKeys);
		try {
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
			if (alternativeNames != null) {
				builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
			}
			KeyStore store = emptyStore();
			store.setKeyEntry("key", leafKeys.getPrivate(), PASSWORD.toCharArray(),
					new Certificate[] { sign(builder, keys), certificate });
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
				subjectKeys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
		}
		catch (OperatorCreationException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore emptyStore() throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try {
			store.load(null, null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return store;
	}

	private static Path write(KeyStore store, Path file) {
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, PASSWORD.toCharArray());
			return file;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
