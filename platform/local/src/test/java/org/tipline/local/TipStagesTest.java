package org.tipline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TipStagesTest {

	private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

	@Test
	void showsWhichStageTheSlowestTipsSpentTheirTimeIn() {
		List<TipStages.Tip> tips = new ArrayList<>();
		for (int i = 0; i < 198; i++) {
			tips.add(tip(i, 5, 10, 2, 3));
		}
		tips.add(tip(198, 5, 400, 2, 3));
		tips.add(tip(199, 5, 10, 2, 900));

		TipStages stages = new TipStages(tips);

		assertThat(stages.slowest()).extracting((tip) -> tip.toDelivered().toMillis()).containsExactly(917L, 410L);
		assertThat(stages.report())
			.contains("| stage p50 / p95 / p99: received to triaged (intake's send, the hop, triage) | 5.0 / 5.0 / 5.0 ms |")
			.contains("| stage p50 / p95 / p99: triaged to decided (links and send, the hop, dispatch) | 10.0 / 10.0 / 10.0 ms |")
			.contains("| stage p50 / p95 / p99: delivery attempt (HTTP round trip) | 3.0 / 3.0 / 3.0 ms |")
			.contains("| the slowest 1 % (2 tips, 410 ms and more): median of each stage above | 5.0 / 10.0 / 2.0 / 3.0 ms |");
	}

	@Test
	void saysSoWhenTheAuditLogHasNoDeliveredTipOfTheWindow() {
		assertThat(new TipStages(List.of()).report()).contains("no delivered tip of the window");
	}

	private static TipStages.Tip tip(int second, long triageMillis, long decideMillis, long queueMillis,
			long attemptMillis) {
		Instant received = START.plusSeconds(second);
		Instant triaged = received.plusMillis(triageMillis);
		Instant decided = triaged.plusMillis(decideMillis);
		return new TipStages.Tip(received, triaged, decided, decided.plusMillis(queueMillis),
				Duration.ofMillis(attemptMillis));
	}
}
