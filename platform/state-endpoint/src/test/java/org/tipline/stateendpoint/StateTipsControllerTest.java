package org.tipline.stateendpoint;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class StateTipsControllerTest {

	@TempDir
	static Path storage;

	@Autowired
	WebTestClient http;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("tipline.state-endpoint.storage-dir", () -> storage.toString());
	}

	@Test
	void keepsEachDeliveryExactlyAsReceivedAndOnDisk() throws Exception {
		String body = "{ \"tipId\" : \"t-1\",\n \"spacing\": \"kept\" }";
		http.post()
			.uri("/states/FL/tips")
			.contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", "dlv_1")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.caseNumber")
			.isEqualTo("FL-000001");

		http.get()
			.uri("/states/FL/tips")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].body")
			.isEqualTo(body)
			.jsonPath("$[0].headers.webhook-id")
			.isEqualTo("dlv_1");
		assertThat(storage.resolve("FL.jsonl")).content().contains("dlv_1");
		assertThat(new DeliveryStore(new StateEndpointProperties(storage), json).of("FL")).hasSize(1);
	}

	@Test
	void refusesAPathThatIsNoState() {
		http.get().uri("/states/../tips").exchange().expectStatus().is4xxClientError();
		http.get().uri("/states/florida/tips").exchange().expectStatus().isNotFound();
	}
}
