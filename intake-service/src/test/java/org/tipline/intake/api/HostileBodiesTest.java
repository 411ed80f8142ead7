package org.tipline.intake.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.testing.FuzzRandom;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader and validator on thousands of generated bodies: whatever arrives is a tip that travels as an event, or
 * an invalid tip with its problems; nothing else is thrown, and no problem quotes what was sent.
 */
class HostileBodiesTest {

	private static final JsonMapper EVENTS = JsonMapper.builder().build();

	@Test
	void everyBodyBecomesATipThatTravelsOrAnInvalidTip() {
		FuzzRandom.forEachTry(4000, (random) -> assertTravelsAsAnEventOrIsInvalid(HostileBodies.any(random)));
	}

	@Test
	void noProblemQuotesWhatTheAdapterSent() {
		FuzzRandom.forEachTry(1500, (random) -> assertNoProblemQuotes(HostileBodies.marked(random)));
	}

	private static void assertTravelsAsAnEventOrIsInvalid(byte[] body) throws CharacterCodingException {
		TipSubmission tip;
		try {
			tip = StrictJsonReader.read(body, TipSubmission.class);
		}
		catch (InvalidTipException ex) {
			assertThat(ex.problems()).isNotEmpty();
			return;
		}
		List<FieldProblem> problems = TipSubmissionValidator.problemsOf(tip);
		if (problems.isEmpty()) {
			TipReceived event = tip.toEvent(TipId.parse("00000000-0000-0000-0000-000000000001"), Instant.EPOCH);
			byte[] published = EVENTS.writeValueAsBytes(event);
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(published));
			assertThat(EVENTS.readValue(published, TipReceived.class)).isEqualTo(event);
		}
	}

	private static void assertNoProblemQuotes(byte[] body) {
		List<FieldProblem> problems;
		try {
			problems = TipSubmissionValidator.problemsOf(StrictJsonReader.read(body, TipSubmission.class));
		}
		catch (InvalidTipException ex) {
			problems = ex.problems();
		}
		assertThat(problems).allSatisfy((problem) -> assertThat(problem.field() + " " + problem.message())
			.doesNotContain("555-0", "Maria"));
	}
}
