package org.tipline.dispatch.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.dispatch.endpoint.EndpointTls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint that requires a client certificate gets a tip only from a sender configured with one its CA issued,
 * and the sender delivers only to an endpoint whose certificate chains to the CAs configured for it.
 */
class MutualTlsTest {

	private static final TestCertificates stateCa = TestCertificates.authority("Florida test CA");

	@TempDir
	Path stores;

	private final StubEndpoint endpoint = new StubEndpoint(stateCa.serverContext(stateCa, "127.0.0.1"));

	private final WebhookSender sender = WebhookSenderTest.localMode(null);

	@AfterEach
	void stop() {
		sender.close();
		endpoint.close();
	}

	@Test
	void deliversWithTheClientCertificateTheEndpointRequires() {
		EndpointTls tls = tls(stateCa.clientKeyStore(stores, "tipline-dispatch"), stateCa.trustStore(stores));

		AttemptResult result = send(tls);

		assertThat(result.delivered()).isTrue();
		assertThat(endpoint.received()).singleElement().satisfies((request) -> assertThat(request.path()).isEqualTo("/states/FL/tips"));
	}

	@Test
	void withoutAClientCertificateTheEndpointRefusesTheConnection() {
		AttemptResult result = send(tls(null, stateCa.trustStore(stores)));

		assertThat(result.delivered()).isFalse();
		assertThat(result.status()).isNull();
		assertThat(result.error()).isNotBlank();
		assertThat(endpoint.received()).isEmpty();
	}

	@Test
	void aClientCertificateFromAnotherCaIsRefused() {
		TestCertificates stranger = TestCertificates.authority("Someone else's CA");

		AttemptResult result = send(tls(stranger.clientKeyStore(stores, "tipline-dispatch"), stateCa.trustStore(stores)));

		assertThat(result.delivered()).isFalse();
		assertThat(endpoint.received()).isEmpty();
	}

	@Test
	void anEndpointWhoseCertificateDoesNotChainToTheConfiguredCaGetsNothing() {
		TestCertificates otherCa = TestCertificates.authority("Not Florida's CA");

		AttemptResult result = send(tls(stateCa.clientKeyStore(stores, "tipline-dispatch"), otherCa.trustStore(stores)));

		assertThat(result.delivered()).isFalse();
		assertThat(result.error()).isNotBlank();
		assertThat(endpoint.received()).isEmpty();
	}

	@Test
	void anEndpointCertificateIssuedForAnotherAddressGetsNothing() {
		try (StubEndpoint impostor = new StubEndpoint(stateCa.serverContext(stateCa, "127.0.0.2"))) {
			AttemptResult result = sender.send(impostor.url("/states/FL/tips"), tls(
					stateCa.clientKeyStore(stores, "tipline-dispatch"), stateCa.trustStore(stores)), "dlv_1_FL", "{}",
					List.of(WebhookSenderTest.NEW_SECRET), Map.of());

			assertThat(result.delivered()).isFalse();
			assertThat(impostor.received()).isEmpty();
		}
	}

	private AttemptResult send(EndpointTls tls) {
		return sender.send(endpoint.url("/states/FL/tips"), tls, "dlv_1_FL", "{}", List.of(WebhookSenderTest.NEW_SECRET),
				Map.of());
	}

	private static EndpointTls tls(Path keyStore, Path trustStore) {
		return new EndpointTls((keyStore != null) ? keyStore.toString() : null, TestCertificates.PASSWORD, "PKCS12",
				trustStore.toString(), TestCertificates.PASSWORD, "PKCS12");
	}
}
