package org.tipline.dispatch.endpoint;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.tipline.dispatch.InvalidSettingsException;
import org.tipline.dispatch.delivery.TestCertificates;
import org.tipline.dispatch.policy.ForwardingPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointCheckTest {

	private static final String PUBLIC_ADDRESS = "203.0.113.10";

	/** 24 bytes, as Standard Webhooks recommends at least; not a real one. */
	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private final Map<String, String> settings = new HashMap<>(Map.of(
			"tipline.dispatch.endpoints.url-template", "https://tips.example.gov/states/{state}/tips",
			"tipline.dispatch.endpoints.fallback-url", "https://national.example.gov/tips",
			"tipline.dispatch.endpoints.default-secrets[0]", SECRET));

	/** Names resolve as the test says; none of these addresses is ever connected to. */
	private final Map<String, String> dns = new HashMap<>(Map.of("tips.example.gov", PUBLIC_ADDRESS,
			"national.example.gov", PUBLIC_ADDRESS));

	@TempDir
	Path stores;

	@Test
	void startsWithHttpsEndpointsAtPublicAddresses() {
		assertThatCode(() -> check(false)).doesNotThrowAnyException();
	}

	@Test
	void refusesAPlainHttpEndpointNamingTheStateAndTheRule() {
		settings.put("tipline.dispatch.endpoints.states.FL", "http://tips.example.gov/fl");

		assertThatThrownBy(() -> check(false)).isInstanceOf(InvalidSettingsException.class)
			.hasMessageContaining("FL (tipline.dispatch.endpoints.states.FL): uses http; outside local mode every "
					+ "endpoint must use https");
	}

	@Test
	void refusesAHostThatResolvesToTheCloudMetadataService() {
		settings.put("tipline.dispatch.endpoints.escalation.NV", "https://escalation.nv.example.gov/tips");
		dns.put("escalation.nv.example.gov", "169.254.169.254");

		assertThatThrownBy(() -> check(false)).hasMessageContaining(
				"NV/escalation (tipline.dispatch.endpoints.escalation.NV): host escalation.nv.example.gov resolves to "
						+ "169.254.169.254, a link-local address");
	}

	@Test
	void refusesAnAddressWrittenIntoTheUrl() {
		settings.put("tipline.dispatch.endpoints.fallback-url", "https://10.1.2.3/tips");
		settings.put("tipline.dispatch.endpoints.states.GA", "https://[::ffff:127.0.0.1]/tips");

		assertThatThrownBy(() -> check(false))
			.hasMessageContaining("FALLBACK (tipline.dispatch.endpoints.fallback-url): host 10.1.2.3 is a private address")
			.hasMessageContaining("GA (tipline.dispatch.endpoints.states.GA): host ::ffff:127.0.0.1 resolves to "
					+ "127.0.0.1, a loopback address");
	}

	@Test
	void reportsEveryEndpointThatBreaksARuleAtOnce() {
		settings.put("tipline.dispatch.endpoints.url-template", "http://localhost:8090/states/{state}/tips");
		settings.put("tipline.dispatch.endpoints.states.TX", "https://tx.example.gov/tips");
		dns.put("localhost", "127.0.0.1");
		dns.put("tx.example.gov", "192.168.4.4");

		assertThatThrownBy(() -> check(false)).satisfies((thrown) -> assertThat(thrown.getMessage().lines())
			.contains("  every state without its own URL (tipline.dispatch.endpoints.url-template): uses http; "
					+ "outside local mode every endpoint must use https",
					"  every state without its own URL (tipline.dispatch.endpoints.url-template): host localhost "
							+ "resolves to 127.0.0.1, a loopback address; outside local mode only public addresses are "
							+ "allowed",
					"  TX (tipline.dispatch.endpoints.states.TX): host tx.example.gov resolves to 192.168.4.4, a "
							+ "private address; outside local mode only public addresses are allowed"));
	}

	@Test
	void aHostThatDoesNotResolveAtStartIsLeftToTheCheckAtEachConnection() {
		settings.put("tipline.dispatch.endpoints.states.WY", "https://down.wy.example.gov/tips");

		assertThatCode(() -> check(false)).doesNotThrowAnyException();
	}

	@Test
	void aHostPerStateIsCheckedWhenItIsConnectedTo() {
		settings.put("tipline.dispatch.endpoints.url-template", "https://{state}.tips.example.gov/tips");

		assertThatCode(() -> check(false)).doesNotThrowAnyException();
	}

	@Test
	void localModeAllowsHttpOnThisMachine() {
		settings.put("tipline.dispatch.endpoints.url-template", "http://localhost:8090/states/{state}/tips");
		settings.put("tipline.dispatch.endpoints.fallback-url", "http://127.0.0.1:8090/states/NATIONAL/tips");
		dns.put("localhost", "127.0.0.1");

		assertThatCode(() -> check(true)).doesNotThrowAnyException();
	}

	@Test
	void acceptsUsableMutualTlsSettings() {
		TestCertificates ca = TestCertificates.authority("Florida test CA");
		tls("FL", "key-store", ca.clientKeyStore(stores, "tipline-dispatch").toString());
		tls("FL", "key-store-password", TestCertificates.PASSWORD);
		tls("FL", "trust-store", ca.trustStore(stores).toString());
		tls("FL", "trust-store-password", TestCertificates.PASSWORD);

		StateEndpoints endpoints = check(false);

		assertThat(endpoints.tlsOf("FL").keyStore()).endsWith(".p12");
		assertThat(endpoints.tlsOf("FL/escalation")).as("an escalation presents its state's certificate")
			.isEqualTo(endpoints.tlsOf("FL"));
		assertThat(endpoints.tlsOf("GA")).isEqualTo(EndpointTls.NONE);
		assertThat(endpoints.tlsOf("FL").toString()).doesNotContain(TestCertificates.PASSWORD);
	}

	@Test
	void refusesMutualTlsSettingsThatCannotBeUsed() {
		TestCertificates ca = TestCertificates.authority("Florida test CA");
		tls("FL", "key-store", ca.clientKeyStore(stores, "tipline-dispatch").toString());
		tls("FL", "key-store-password", "not-the-password");
		tls("GA", "trust-store", stores.resolve("missing.p12").toString());
		tls("Florida", "trust-store", ca.trustStore(stores).toString());
		tls("Florida", "trust-store-password", TestCertificates.PASSWORD);

		assertThatThrownBy(() -> check(false)).satisfies((thrown) -> assertThat(thrown.getMessage())
			.contains("tipline.dispatch.endpoints.tls.FL.key-store: cannot be used:",
					"tipline.dispatch.endpoints.tls.GA.trust-store: cannot be used:",
					"tipline.dispatch.endpoints.tls.Florida: 'Florida' is not a USPS state or territory code, nor FALLBACK")
			.doesNotContain("not-the-password"));
	}

	private void tls(String endpoint, String property, String value) {
		settings.put("tipline.dispatch.endpoints.tls." + endpoint + "." + property, value);
	}

	@Test
	void refusesToStartWithoutAnyWebhookSecret() {
		settings.remove("tipline.dispatch.endpoints.default-secrets[0]");

		assertThatThrownBy(() -> check(true)).isInstanceOf(InvalidSettingsException.class)
			.hasMessageContaining("tipline.dispatch.endpoints.default-secrets: no webhook secret is configured");
	}

	@Test
	void startsWithOnlyPerStateSecrets() {
		settings.remove("tipline.dispatch.endpoints.default-secrets[0]");
		settings.put("tipline.dispatch.endpoints.secrets.FL[0]", SECRET);

		assertThatCode(() -> check(false)).doesNotThrowAnyException();
	}

	@Test
	void refusesASecretThatIsNotOneNamingThePropertyButNotTheValue() {
		settings.put("tipline.dispatch.endpoints.secrets.TX[0]", SECRET);
		settings.put("tipline.dispatch.endpoints.secrets.TX[1]", "whsec_not*base64");
		settings.put("tipline.dispatch.endpoints.default-secrets[1]", "whsec_c2hvcnQ=");

		assertThatThrownBy(() -> check(false)).satisfies((thrown) -> assertThat(thrown.getMessage())
			.contains("tipline.dispatch.endpoints.secrets.TX[1]: is not a Standard Webhooks secret (whsec_ followed "
					+ "by base64)")
			.contains("tipline.dispatch.endpoints.default-secrets[1]: is a key of 5 bytes; at least 16 are needed")
			.doesNotContain("not*base64", "c2hvcnQ", "secrets.TX[0]", "default-secrets[0]"));
	}

	@Test
	void refusesSecretsForSomethingThatIsNotAnEndpoint() {
		settings.put("tipline.dispatch.endpoints.secrets.Florida[0]", SECRET);

		assertThatThrownBy(() -> check(false)).hasMessageContaining(
				"tipline.dispatch.endpoints.secrets.Florida: 'Florida' is not a USPS state or territory code, nor FALLBACK");
	}

	@Test
	void perStateSettingsFromEnvironmentVariablesApplyToTheirState() {
		Map<String, Object> environment = Map.of(
				"TIPLINE_DISPATCH_ENDPOINTS_URL_TEMPLATE", "https://tips.example.gov/states/{state}/tips",
				"TIPLINE_DISPATCH_ENDPOINTS_FALLBACK_URL", "https://national.example.gov/tips",
				"TIPLINE_DISPATCH_ENDPOINTS_STATES_FL", "https://fl.example.gov/tips",
				"TIPLINE_DISPATCH_ENDPOINTS_SECRETS_FL_0_", SECRET,
				"TIPLINE_DISPATCH_ENDPOINTS_SECRETS_FALLBACK_0_", SECRET);
		dns.put("fl.example.gov", PUBLIC_ADDRESS);
		StateEndpoints endpoints = new Binder(
				ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.bindOrCreate("tipline.dispatch.endpoints", StateEndpoints.class);

		assertThatCode(() -> new EndpointCheck(endpoints, new OutboundProperties(false), this::lookup))
			.doesNotThrowAnyException();
		assertThat(endpoints.urlOf("FL")).isEqualTo(URI.create("https://fl.example.gov/tips"));
		assertThat(endpoints.urlOf(ForwardingPolicy.FALLBACK_ENDPOINT))
			.isEqualTo(URI.create("https://national.example.gov/tips"));
		assertThat(endpoints.secretsOf("FL")).containsExactly(SECRET);
		assertThat(endpoints.secretsOf(ForwardingPolicy.FALLBACK_ENDPOINT)).containsExactly(SECRET);
	}

	@Test
	void refusesOneStateSetTwiceInDifferentCase() {
		settings.put("tipline.dispatch.endpoints.states.FL", "https://tips.example.gov/fl");
		settings.put("tipline.dispatch.endpoints.states.fl", "https://tips.example.gov/florida");

		assertThatThrownBy(() -> check(false)).satisfies((thrown) -> assertThat(thrown)
			.rootCause()
			.hasMessage("tipline.dispatch.endpoints.states: sets FL twice (as 'FL' and 'fl')"));
	}

	private StateEndpoints check(boolean allowInsecureLocalEndpoints) {
		StateEndpoints endpoints = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("tipline.dispatch.endpoints", StateEndpoints.class);
		new EndpointCheck(endpoints, new OutboundProperties(allowInsecureLocalEndpoints), this::lookup);
		return endpoints;
	}

	private InetAddress[] lookup(String host) throws UnknownHostException {
		if (host.contains(":") || host.matches("[0-9.]+")) {
			return new InetAddress[] { InetAddress.getByName(host) };
		}
		String address = dns.get(host);
		if (address == null) {
			throw new UnknownHostException(host);
		}
		return new InetAddress[] { InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()) };
	}
}
