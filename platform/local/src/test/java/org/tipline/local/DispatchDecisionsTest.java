package org.tipline.local;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchDecisionsTest {

	private static final String FIRST_INSTANCE = """
			# HELP tipline_dispatch_decisions_total
			# TYPE tipline_dispatch_decisions_total counter
			tipline_dispatch_decisions_total{application="dispatch-service",decision="FORWARD",reason="state-policy"} 90.0
			tipline_dispatch_decisions_total{application="dispatch-service",decision="FORWARD",reason="fallback"} 4.0
			tipline_dispatch_decisions_total{application="dispatch-service",decision="WITHHOLD",reason="no-consent"} 6.0
			tipline_dispatch_deliveries_total{application="dispatch-service",outcome="DELIVERED"} 94.0
			""";

	private static final String SECOND_INSTANCE = """
			tipline_dispatch_decisions_total{application="dispatch-service",decision="FORWARD",reason="state-policy"} 10.0
			""";

	@Test
	void sumsEachDecisionOverItsReasonsAndTheInstances() {
		DispatchDecisions decisions = DispatchDecisions.fromExpositions(List.of(FIRST_INSTANCE, SECOND_INSTANCE));

		assertThat(decisions.total()).isEqualTo(110);
		assertThat(decisions.breakdown()).isEqualTo("104 FORWARD, 6 WITHHOLD");
	}

	@Test
	void countsOnlyTheDecisionsMadeSinceAnEarlierReading() {
		DispatchDecisions earlier = DispatchDecisions.fromExpositions(List.of(SECOND_INSTANCE));
		DispatchDecisions now = DispatchDecisions.fromExpositions(List.of(FIRST_INSTANCE, SECOND_INSTANCE));

		assertThat(now.since(earlier).total()).isEqualTo(100);
		assertThat(now.since(earlier).breakdown()).isEqualTo("94 FORWARD, 6 WITHHOLD");
	}
}
