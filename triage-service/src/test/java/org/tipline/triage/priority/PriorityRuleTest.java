package org.tipline.triage.priority;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipline.events.Classification;
import org.tipline.events.Priority;
import org.tipline.events.ReporterRole;
import org.tipline.events.TraffickingType;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityRuleTest {

	@Test
	void imminentDangerIsP1EvenWhenItIsNotTrafficking() {
		assertThat(PriorityRule.priorityOf(classification(false, true, TraffickingType.NONE))).isEqualTo(Priority.P1);
	}

	@Test
	void aMinorWithoutImminentDangerIsP2() {
		assertThat(PriorityRule.priorityOf(classification(true, false, TraffickingType.SEX))).isEqualTo(Priority.P2);
	}

	@Test
	void otherTraffickingIsP3AndTheRestP4() {
		assertThat(PriorityRule.priorityOf(classification(false, false, TraffickingType.UNKNOWN)))
			.isEqualTo(Priority.P3);
		assertThat(PriorityRule.priorityOf(classification(false, false, TraffickingType.NONE))).isEqualTo(Priority.P4);
	}

	private static Classification classification(boolean minor, boolean imminent, TraffickingType type) {
		return new Classification(minor, imminent, type, ReporterRole.THIRD_PARTY, List.of());
	}
}
