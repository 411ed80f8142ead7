package org.tipline.dispatch.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.ResourceUtils;

/**
 * Mutual TLS with one endpoint, under {@code tipline.dispatch.endpoints.tls.<endpoint>}: the key store holds the
 * client certificate and private key dispatch presents; the trust store the CA certificates the endpoint's own
 * certificate must chain to (the JVM's default CAs when none is set). Each store is a file path or a
 * {@code classpath:} resource.
 *
 * @param keyStore the client certificate and its private key
 * @param keyStorePassword opens the key store and its key
 * @param keyStoreType {@code PKCS12} or {@code JKS}
 * @param trustStore the CAs the endpoint's certificate is checked against instead of the JVM's default ones
 * @param trustStorePassword opens the trust store
 * @param trustStoreType {@code PKCS12} or {@code JKS}
 */
public record EndpointTls(String keyStore, String keyStorePassword, @DefaultValue("PKCS12") String keyStoreType,
		String trustStore, String trustStorePassword, @DefaultValue("PKCS12") String trustStoreType) {

	/** An endpoint without TLS settings of its own: no client certificate, the JVM's default CAs. */
	public static final EndpointTls NONE = new EndpointTls(null, null, "PKCS12", null, null, "PKCS12");

	/** The client certificate to present, or null when there is none. */
	public KeyManagerFactory keyManagers() throws GeneralSecurityException, IOException {
		if (keyStore == null) {
			return null;
		}
		KeyStore store = load(keyStore, keyStorePassword, keyStoreType);
		if (Collections.list(store.aliases()).stream().noneMatch((alias) -> isKey(store, alias))) {
			throw new GeneralSecurityException("the key store holds no private key");
		}
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, password(keyStorePassword));
		return factory;
	}

	/** The CAs to trust, or null for the JVM's default ones. */
	public TrustManagerFactory trustManagers() throws GeneralSecurityException, IOException {
		if (trustStore == null) {
			return null;
		}
		KeyStore store = load(trustStore, trustStorePassword, trustStoreType);
		if (store.size() == 0) {
			throw new GeneralSecurityException("the trust store holds no certificate");
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		return factory;
	}

	private static KeyStore load(String location, String password, String type)
			throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance(type);
		try (InputStream in = ResourceUtils.getURL(location).openStream()) {
			store.load(in, password(password));
		}
		return store;
	}

	private static boolean isKey(KeyStore store, String alias) {
		try {
			return store.isKeyEntry(alias);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static char[] password(String password) {
		return (password != null) ? password.toCharArray() : null;
	}

	/** Without the passwords, so that logging these settings never prints one. */
	@Override
	public String toString() {
		return "EndpointTls[keyStore=" + keyStore + ", keyStoreType=" + keyStoreType + ", trustStore=" + trustStore
				+ ", trustStoreType=" + trustStoreType + "]";
	}
}
