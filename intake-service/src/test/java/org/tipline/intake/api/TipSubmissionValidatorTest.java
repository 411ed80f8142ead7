package org.tipline.intake.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TipSubmissionValidatorTest {

	@Test
	void acceptsACompleteTip() {
		assertThat(TipSubmissionValidator.problemsOf(tip("m-1", "Two girls kept at the motel\non the highway.",
				new TipSubmission.LocationPart("FL", "Miami", "33101", "1 Ocean Dr", 25.7, -80.2))))
			.isEmpty();
	}

	@Test
	void limitsEachTextField() {
		assertThat(TipSubmissionValidator.problemsOf(tip("m".repeat(201), "n".repeat(20_001),
				new TipSubmission.LocationPart(null, "c".repeat(321), null, "a".repeat(321), null, null))))
			.containsExactlyInAnyOrder(new FieldProblem("channelMessageId", "must be at most 200 characters"),
					new FieldProblem("narrative", "must be at most 20000 characters"),
					new FieldProblem("location.city", "must be at most 320 characters"),
					new FieldProblem("location.address", "must be at most 320 characters"));
		assertThat(TipSubmissionValidator.problemsOf(tip("m".repeat(200), "n".repeat(20_000),
				new TipSubmission.LocationPart(null, "c".repeat(320), null, "a".repeat(320), null, null))))
			.isEmpty();
	}

	@Test
	void refusesTextThatPostgresqlOrUtf8CannotCarry() {
		assertThat(TipSubmissionValidator.problemsOf(tip("m\u0000", "broken \ud800 text", null)))
			.extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("channelMessageId", "narrative");
		assertThat(TipSubmissionValidator.problemsOf(tip("m", "a reversed pair \udc00\ud800", null)))
			.extracting(FieldProblem::field)
			.containsExactly("narrative");
	}

	@Test
	void allowsTabsLineBreaksAndCharactersBeyondTheBasicPlane() {
		assertThat(TipSubmissionValidator.problemsOf(tip("m", "line one\r\n\tline two \uD83D\uDE22 \u00e9", null)))
			.isEmpty();
	}

	@Test
	void refusesCoordinatesThatAreNotOnEarth() {
		assertThat(TipSubmissionValidator.problemsOf(tip("m", "n",
				new TipSubmission.LocationPart(null, null, null, null, Double.POSITIVE_INFINITY, Double.NaN))))
			.extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("location.lat", "location.lon");
	}

	@Test
	void refusesAnEmailWithAControlCharacter() {
		TipSubmission tip = new TipSubmission("WEB", "m", null,
				new TipSubmission.ReporterPart(null, null, new TipSubmission.ContactPart(null, "a\u0000b@example.org")),
				"n", null, null);
		assertThat(TipSubmissionValidator.problemsOf(tip)).extracting(FieldProblem::field)
			.containsExactly("reporter.contact.email");
	}

	private static TipSubmission tip(String messageId, String narrative, TipSubmission.LocationPart location) {
		return new TipSubmission("SMS", messageId, "en", null, narrative, location, null);
	}
}
