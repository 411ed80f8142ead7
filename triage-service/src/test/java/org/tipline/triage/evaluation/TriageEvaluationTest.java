package org.tipline.triage.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality bar of issue 3, on the labeled development set that lives beside the repository (shared/data),
 * never inside it.
 */
class TriageEvaluationTest {

	static final Path DEV_SET = Path.of("../../shared/data/triage-dev.jsonl");

	@Test
	void meetsTheQualityBarOnTheDevelopmentSet() throws IOException {
		assertThat(Files.isReadable(DEV_SET))
			.as("the labeled dev set %s is missing: triage quality cannot be checked without it "
					+ "(CI clones the repository beside a copy of shared/)", DEV_SET.toAbsolutePath().normalize())
			.isTrue();

		TriageEvaluation.Report report = TriageEvaluation.evaluate(DEV_SET);

		assertThat(report.size()).isGreaterThanOrEqualTo(100);
		assertThat(report.stateAccuracy()).as("state accuracy").isGreaterThanOrEqualTo(0.97);
		assertThat(report.minorRecall()).as("minor recall").isGreaterThanOrEqualTo(0.98);
		assertThat(report.minorPrecision()).as("minor precision").isGreaterThanOrEqualTo(0.90);
		assertThat(report.imminentRecall()).as("imminent recall").isGreaterThanOrEqualTo(0.95);
		assertThat(report.imminentPrecision()).as("imminent precision").isGreaterThanOrEqualTo(0.85);
		assertThat(report.typeMacroF1()).as("trafficking type macro-F1").isGreaterThanOrEqualTo(0.85);
		assertThat(report.reporterRoleAccuracy()).as("reporter role accuracy").isGreaterThanOrEqualTo(0.90);
		assertThat(report.linkPrecision()).as("link precision").isGreaterThanOrEqualTo(0.75);
		assertThat(report.linkRecall()).as("link recall").isGreaterThanOrEqualTo(0.66);
	}

	@Test
	void printsTheHeadlineFiguresAsOneJsonObjectOnTheLastLine(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		Path file = dir.resolve("two.jsonl");
		Files.writeString(file, """
				{"id": "t-1", "tip": {"channel": "SMS", "channelMessageId": "x1", "narrative": "im 15 and he has a gun, we are in Tulsa"}, "expected": {"state": "OK", "minor": true, "imminentDanger": true, "traffickingType": "UNKNOWN", "reporterRole": "VICTIM"}}
				{"id": "t-2", "tip": {"channel": "WEB", "channelMessageId": "x2", "narrative": "testing 1 2 3", "callerPhone": "+12145550100"}, "expected": {"state": "TX", "minor": false, "imminentDanger": false, "traffickingType": "NONE", "reporterRole": "THIRD_PARTY"}}
				""");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		TriageEvaluation.evaluate(file).print(new PrintStream(out, true, StandardCharsets.UTF_8));

		String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
		assertThat(lines[lines.length - 1]).startsWith("{\"state_accuracy\": 1.0000")
			.contains("\"minor_precision\": 1.0000", "\"minor_recall\": 1.0000", "\"imminent_precision\"",
					"\"imminent_recall\"", "\"type_macro_f1\"", "\"reporter_role_accuracy\"", "\"link_precision\"",
					"\"link_recall\"")
			.endsWith("}");
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Tulsa");
	}
}
