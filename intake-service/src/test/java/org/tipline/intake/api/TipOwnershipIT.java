package org.tipline.intake.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.events.Topics;
import org.tipline.intake.RunningIntake;
import org.tipline.intake.TestAdapters;

import static org.assertj.core.api.Assertions.assertThat;

@RunningIntake
class TipOwnershipIT {

	@Autowired
	WebTestClient http;

	@Test
	void anAdapterReadsBackWhatIntakeKnowsOfItsTipButNeitherNarrativeNorContact() {
		String messageId = "SM-" + UUID.randomUUID();
		Map<?, ?> receipt = submit(TestAdapters.SMS_GATEWAY_KEY, messageId);

		byte[] status = http.get()
			.uri("/v1/tips/{id}", receipt.get("tipId"))
			.headers(TestAdapters.as(TestAdapters.SMS_GATEWAY_KEY))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tipId")
			.isEqualTo(receipt.get("tipId"))
			.jsonPath("$.channel")
			.isEqualTo("SMS")
			.jsonPath("$.receivedAt")
			.isEqualTo(receipt.get("receivedAt"))
			.jsonPath("$.consent")
			.doesNotExist()
			.returnResult()
			.getResponseBodyContent();

		assertThat(new String(status, StandardCharsets.UTF_8)).doesNotContain("passport", "+13055550100",
				"her@example.org", messageId);
	}

	@Test
	void theStatusShowsTheLatestConsentAnswer() {
		String tipId = submit(TestAdapters.SMS_GATEWAY_KEY, "SM-" + UUID.randomUUID()).get("tipId").toString();

		answerConsent(TestAdapters.SMS_GATEWAY_KEY, tipId, "DECLINED").expectStatus().isAccepted();
		answerConsent(TestAdapters.SMS_GATEWAY_KEY, tipId, "GRANTED").expectStatus().isAccepted();

		http.get()
			.uri("/v1/tips/{id}", tipId)
			.headers(TestAdapters.as(TestAdapters.SMS_GATEWAY_KEY))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.consent")
			.isEqualTo("GRANTED")
			.jsonPath("$.consentUpdatedAt")
			.exists();
	}

	@Test
	void anotherAdaptersTipIsAsUnknownAsATipThatDoesNotExist() {
		String tipId = submit(TestAdapters.SMS_GATEWAY_KEY, "SM-" + UUID.randomUUID()).get("tipId").toString();

		String foreign = lookUp(TestAdapters.WEB_FORM_KEY, tipId);
		String unknown = lookUp(TestAdapters.WEB_FORM_KEY, UUID.randomUUID().toString());
		String malformed = lookUp(TestAdapters.WEB_FORM_KEY, "not-a-tip-id");

		assertThat(foreign).isEqualTo(unknown).isEqualTo(malformed).doesNotContain(tipId);
	}

	@Test
	void onlyTheSubmittingAdapterCanAnswerConsentForATip() {
		String tipId = submit(TestAdapters.SMS_GATEWAY_KEY, "SM-" + UUID.randomUUID()).get("tipId").toString();

		String foreign = answerConsent(TestAdapters.WEB_FORM_KEY, tipId, "GRANTED").expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String unknown = answerConsent(TestAdapters.WEB_FORM_KEY, UUID.randomUUID().toString(), "GRANTED")
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(unknown));
		assertThat(KeyedRecords.of(Topics.TIPS_CONSENT, tipId)).isEmpty();
	}

	@Test
	void theSameChannelMessageFromTwoAdaptersIsTwoTipsEachSeeingOnlyItsOwn() {
		String messageId = "SM-" + UUID.randomUUID();

		String smsTip = submit(TestAdapters.SMS_GATEWAY_KEY, messageId).get("tipId").toString();
		String webTip = submit(TestAdapters.WEB_FORM_KEY, messageId).get("tipId").toString();

		assertThat(webTip).isNotEqualTo(smsTip);
		assertThat(submit(TestAdapters.WEB_FORM_KEY, messageId).get("tipId")).isEqualTo(webTip);
		assertThat(lookUp(TestAdapters.WEB_FORM_KEY, smsTip)).contains("\"status\":404");
		assertThat(lookUp(TestAdapters.SMS_GATEWAY_KEY, webTip)).contains("\"status\":404");
		assertThat(KeyedRecords.of(Topics.TIPS_RECEIVED, smsTip)).hasSize(1);
		assertThat(KeyedRecords.of(Topics.TIPS_RECEIVED, webTip)).hasSize(1);
	}

	private Map<?, ?> submit(String key, String messageId) {
		return http.post()
			.uri("/v1/tips")
			.headers(TestAdapters.as(key))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"channel":"SMS","channelMessageId":"%s",
					 "reporter":{"role":"VICTIM","consentToLawEnforcement":"NOT_ASKED",
					             "contact":{"phone":"+13055550100","email":"her@example.org"}},
					 "narrative":"he keeps my passport"}""".formatted(messageId))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec answerConsent(String key, String tipId, String consent) {
		return http.post()
			.uri("/v1/tips/{id}/consent", tipId)
			.headers(TestAdapters.as(key))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"consent\":\"" + consent + "\"}")
			.exchange();
	}

	private String lookUp(String key, String tipId) {
		return withoutInstance(http.get()
			.uri("/v1/tips/{id}", tipId)
			.headers(TestAdapters.as(key))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	/** A problem without its instance, the path that was asked for. */
	private static String withoutInstance(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
	}
}
