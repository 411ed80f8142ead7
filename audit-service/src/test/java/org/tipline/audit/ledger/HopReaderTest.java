package org.tipline.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HopReaderTest {

	private final HopReader reader = new HopReader(JsonMapper.builder().build());

	@Test
	void recordsALinkWithOnlyKindsOfEvidenceNeverAValueInTheirPlace() {
		UUID earlier = UUID.randomUUID();
		UUID later = UUID.randomUUID();
		String linked = """
				{"tipId":"%s","linkedTipId":"%s","linkedAt":"2026-03-01T11:00:00Z",
				 "evidence":["PHONE","+13125550142","john smith","STORY",7]}""".formatted(earlier, later);

		List<HopEntry> entries = reader.read("org.tipline.tip.linked.v1", "/tipline/triage",
				earlier + "/linked/" + later, linked.getBytes(StandardCharsets.UTF_8));

		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.tipId()).isEqualTo(earlier);
			assertThat(entry.hop()).isEqualTo(Hop.LINKED);
			assertThat(entry.details()).containsEntry("linkedTipId", later.toString())
				.containsEntry("evidence", List.of("PHONE", "STORY"));
		});
	}

	@Test
	void recordsWhichOperatorReplayedATip() {
		UUID tipId = UUID.randomUUID();
		String replayed = """
				{"tipId":"%s","replayedAt":"2026-03-01T11:00:00Z","what":"DELIVERY","reference":"dlv_x_FL",
				 "operator":"on-call"}""".formatted(tipId);

		List<HopEntry> entries = reader.read("org.tipline.tip.replayed.v1", "/tipline/dispatch",
				"dlv_x_FL/replay/1772362800000", replayed.getBytes(StandardCharsets.UTF_8));

		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.hop()).isEqualTo(Hop.REPLAYED);
			assertThat(entry.details()).containsEntry("what", "DELIVERY")
				.containsEntry("reference", "dlv_x_FL")
				.containsEntry("operator", "on-call");
		});
	}
}
