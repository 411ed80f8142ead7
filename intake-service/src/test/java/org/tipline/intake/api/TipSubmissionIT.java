package org.tipline.intake.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.tipline.events.TipReceived;
import org.tipline.events.Topics;
import org.tipline.intake.RunningIntake;
import org.tipline.intake.TestAdapters;
import org.tipline.testing.TestFieldKeys;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@RunningIntake
class TipSubmissionIT {

	@Autowired
	WebTestClient http;

	@BeforeEach
	void asAnAdapter() {
		http = http.mutate().defaultHeaders(TestAdapters.as(TestAdapters.SMS_GATEWAY_KEY)).build();
	}

	@Test
	void acceptsATipOnlyOnceKafkaHoldsItWithCloudEventsHeaders() {
		String messageId = "SM-" + UUID.randomUUID();

		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String tipId = http.post()
			.uri("/v1/tips")
			.contentType(MediaType.APPLICATION_JSON)
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.bodyValue(tip(messageId))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("tipId")
			.toString();

		List<ConsumerRecord<String, byte[]>> records = recordsFor(tipId);
		assertThat(records).hasSize(1);
		ConsumerRecord<String, byte[]> record = records.get(0);
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_type")).isEqualTo("org.tipline.tip.received.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/tipline/intake");
		assertThat(header(record, "ce_id")).isEqualTo(tipId);
		assertThat(header(record, "ce_time")).isNotBlank();
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(header(record, "traceparent")).as("the tip's trace continues from the adapter's request")
			.startsWith("00-" + traceId + "-");
		String published = new String(record.value(), StandardCharsets.UTF_8);
		assertThat(published).as("personal fields enter Kafka sealed, routing fields readable")
			.contains("\"narrative\":\"sealed:v2:", "\"callerPhone\":\"sealed:v2:", "\"state\":\"FL\"")
			.doesNotContain("Two girls", "3055550100");
		TipReceived opened = TestFieldKeys.open(JsonMapper.builder().build().readValue(record.value(), TipReceived.class));
		assertThat(opened.narrative()).startsWith("Two girls kept at the motel");
		assertThat(opened.callerPhone()).isEqualTo("+13055550100");
	}

	@Test
	void sameChannelMessageAgainReturnsTheSameTipAndPublishesNothingNew() {
		String messageId = "SM-" + UUID.randomUUID();
		String first = receiptTipId(messageId);

		String second = receiptTipId(messageId);

		assertThat(second).isEqualTo(first);
		assertThat(recordsFor(first)).hasSize(1);
		String metrics = http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).contains("tipline_intake_tips_received_total{", "tipline_intake_tips_duplicate_total{")
			.containsPattern("tipline_intake_tips_duplicate_total\\{[^}]*channel=\"SMS\"[^}]*} [1-9]");
	}

	@Test
	void namesEveryMissingRequiredField() {
		post("{\"language\":\"en\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("channel", "channelMessageId", "narrative"));
	}

	@Test
	void namesEachBadValueWithoutEchoingIt() {
		String body = """
				{"channel":"PIGEON","channelMessageId":"m-1","narrative":"text",
				 "reporter":{"role":"NEIGHBOUR","consentToLawEnforcement":"MAYBE","contact":{"email":"secret-not-an-email"}},
				 "location":{"state":"Florida","zip":"3310","lat":123.0},"callerPhone":"call me"}""";

		String problem = post(body).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(problem).contains("\"channel\"", "\"reporter.role\"", "\"reporter.consentToLawEnforcement\"",
				"\"reporter.contact.email\"", "\"location.state\"", "\"location.zip\"", "\"location.lat\"",
				"\"callerPhone\"");
		assertThat(problem).doesNotContain("secret-not-an-email", "PIGEON", "Florida");
	}

	@Test
	void namesAFieldOfTheWrongType() {
		post("{\"channel\":\"SMS\",\"channelMessageId\":\"m\",\"narrative\":\"n\",\"location\":{\"lat\":\"north\"}}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("location.lat");
	}

	@Test
	void refusesMalformedJson() {
		post("{\"channel\":").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesAFieldItDoesNotKnowByName() {
		post("{\"channel\":\"SMS\",\"channelMessageId\":\"m\",\"narrative\":\"n\",\"callerphone\":\"+13055550100\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("callerphone")
			.jsonPath("$.errors[0].message")
			.isEqualTo("is not a field of this request");
	}

	@Test
	void refusesAFieldGivenTwice() {
		post("{\"channel\":\"SMS\",\"channelMessageId\":\"m\",\"narrative\":\"n\",\"narrative\":\"m\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("narrative");
	}

	@Test
	void refusesBodiesThatAreNotOneJsonObjectOfUtf8Text() {
		byte[] latin1 = "{\"channel\":\"SMS\",\"channelMessageId\":\"m\",\"narrative\":\"caf\u00e9\"}"
			.getBytes(StandardCharsets.ISO_8859_1);
		for (byte[] body : List.of(latin1, bytes(""), bytes("[]"), bytes("[{\"channel\":\"SMS\"}]"), bytes("null"),
				bytes("{\"location\":{\"lat\":NaN}}"), bytes("{\"location\":{\"lat\":1" + "0".repeat(400) + "}}"),
				bytes("[".repeat(10_000) + "]".repeat(10_000)))) {
			post(body).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void refusesTextTheDatabaseCouldNotStore() {
		post("{\"channel\":\"SMS\",\"channelMessageId\":\"m\\u0000\",\"narrative\":\"n\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("channelMessageId");
	}

	@Test
	void refusesANarrativeOverItsLimitByName() {
		post("{\"channel\":\"SMS\",\"channelMessageId\":\"m\",\"narrative\":\"" + "n".repeat(20_001) + "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("narrative");
	}

	@Test
	void refusesABodyOver64KiB() {
		String narrative = "x".repeat(70 * 1024);
		post("{\"channel\":\"WEB\",\"channelMessageId\":\"big\",\"narrative\":\"" + narrative + "\"}").expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesABodyOver64KiBSentWithoutItsLength() {
		byte[] body = bytes(
				"{\"channel\":\"WEB\",\"channelMessageId\":\"big\",\"narrative\":\"" + "x".repeat(70 * 1024) + "\"}");
		http.post()
			.uri("/v1/tips")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesAnotherContentType() {
		http.post()
			.uri("/v1/tips")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("help")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesACompressedBodyNamingTheEncoding() throws IOException {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			gzip.write(bytes(tip("SM-" + UUID.randomUUID())));
		}
		http.post()
			.uri("/v1/tips")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_ENCODING, "gzip")
			.bodyValue(compressed.toByteArray())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Content-Encoding is not supported: send the body uncompressed");
	}

	@Test
	void acceptsABodyMarkedAsNotEncoded() {
		http.post()
			.uri("/v1/tips")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_ENCODING, "identity")
			.bodyValue(bytes(tip("SM-" + UUID.randomUUID())))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	private String receiptTipId(String messageId) {
		return post(tip(messageId)).expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("tipId")
			.toString();
	}

	private WebTestClient.ResponseSpec post(String json) {
		return post(bytes(json));
	}

	private WebTestClient.ResponseSpec post(byte[] body) {
		return http.post().uri("/v1/tips").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String tip(String messageId) {
		return """
				{"channel":"SMS","channelMessageId":"%s","language":"en",
				 "reporter":{"role":"THIRD_PARTY","consentToLawEnforcement":"GRANTED"},
				 "narrative":"Two girls kept at the motel on the highway, a man collects the money.",
				 "location":{"state":"FL","city":"Miami"},"callerPhone":"+13055550100"}""".formatted(messageId);
	}

	private static List<ConsumerRecord<String, byte[]>> recordsFor(String tipId) {
		return KeyedRecords.of(Topics.TIPS_RECEIVED, tipId);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}
}
