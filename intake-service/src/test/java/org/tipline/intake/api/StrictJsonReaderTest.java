package org.tipline.intake.api;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StrictJsonReaderTest {

	@Test
	void readsATip() {
		TipSubmission tip = read("""
				{"channel":"SMS","channelMessageId":"m-1","narrative":"he keeps my passport",
				 "reporter":{"role":"VICTIM","contact":{"phone":"+13055550100"}},
				 "location":{"state":"FL","lat":25.7}}""");

		assertThat(tip.reporter().contact().phone()).isEqualTo("+13055550100");
		assertThat(tip.location().lat()).isEqualTo(25.7);
	}

	@Test
	void refusesAnUnknownFieldByName() {
		assertThat(problemOf("{\"channel\":\"SMS\",\"callerphone\":\"+13055550100\"}"))
			.isEqualTo(new FieldProblem("callerphone", "is not a field of this request"));
		assertThat(problemOf("{\"reporter\":{\"contact\":{\"fax\":\"x\"}}}"))
			.isEqualTo(new FieldProblem("reporter.contact.fax", "is not a field of this request"));
	}

	@Test
	void namesAnUnknownFieldOnlyIfItsNameIsAnIdentifier() {
		assertThat(problemOf("{\"reporter\":{\"+1 305 555 0100\":true}}"))
			.isEqualTo(new FieldProblem("reporter.*", "is not a field of this request"));
	}

	@Test
	void refusesAFieldGivenTwice() {
		assertThat(problemOf("{\"narrative\":\"a\",\"narrative\":\"b\"}"))
			.isEqualTo(new FieldProblem("narrative", "appears more than once"));
		assertThat(problemOf("{\"reporter\":{\"role\":\"VICTIM\",\"role\":\"THIRD_PARTY\"}}"))
			.isEqualTo(new FieldProblem("reporter.role", "appears more than once"));
	}

	@Test
	void refusesAValueOfAnotherType() {
		assertThat(problemOf("{\"channelMessageId\":12}")).isEqualTo(wrongType("channelMessageId"));
		assertThat(problemOf("{\"narrative\":true}")).isEqualTo(wrongType("narrative"));
		assertThat(problemOf("{\"narrative\":[\"a\"]}")).isEqualTo(wrongType("narrative"));
		assertThat(problemOf("{\"location\":{\"lat\":\"25.7\"}}")).isEqualTo(wrongType("location.lat"));
		assertThat(problemOf("{\"location\":{\"lat\":false}}")).isEqualTo(wrongType("location.lat"));
		assertThat(problemOf("{\"reporter\":\"VICTIM\"}")).isEqualTo(wrongType("reporter"));
	}

	@Test
	void refusesNumbersThatAreNotJson() {
		assertThat(problemOf("{\"location\":{\"lat\":NaN}}")).isEqualTo(notJson());
		assertThat(problemOf("{\"location\":{\"lat\":Infinity}}")).isEqualTo(notJson());
		assertThat(problemOf("{\"location\":{\"lat\":0x1A}}")).isEqualTo(notJson());
	}

	@Test
	void refusesANumberTooLongToParse() {
		assertThat(problemOf("{\"location\":{\"lat\":1" + "0".repeat(5000) + "}}").message())
			.startsWith("exceeds a limit");
	}

	@Test
	void refusesNestingDeeperThanTheLimit() {
		String deep = "{\"reporter\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
		assertThat(problemOf(deep).field()).isIn("", "reporter");
		assertThat(problemOf("[".repeat(5000) + "]".repeat(5000))).isEqualTo(notAnObject());
	}

	@Test
	void refusesAnythingButOneObject() {
		assertThat(problemOf("[]")).isEqualTo(notAnObject());
		assertThat(problemOf("[{\"channel\":\"SMS\"}]")).isEqualTo(notAnObject());
		assertThat(problemOf("\"SMS\"")).isEqualTo(notAnObject());
		assertThat(problemOf("42")).isEqualTo(notAnObject());
		assertThat(problemOf("null")).isEqualTo(notAnObject());
		assertThat(problemOf("{} {}")).isEqualTo(notAnObject());
		assertThat(problemOf("{}x")).isEqualTo(notJson());
	}

	@Test
	void refusesAnEmptyBody() {
		assertThat(problemOf("")).isEqualTo(new FieldProblem("", "a JSON body is required"));
		assertThat(problemOf(" \r\n\t")).isEqualTo(new FieldProblem("", "a JSON body is required"));
		assertThat(problemOf((byte[]) null))
			.isEqualTo(new FieldProblem("", "a JSON body is required"));
	}

	@Test
	void refusesBytesThatAreNotUtf8() {
		byte[] latin1 = "{\"narrative\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(problemOf(latin1)).isEqualTo(notUtf8());
		assertThat(problemOf("{\"narrative\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_16))).isEqualTo(notUtf8());
		byte[] overlong = { '{', '"', 'n', 'a', 'r', 'r', 'a', 't', 'i', 'v', 'e', '"', ':', '"', (byte) 0xC0,
				(byte) 0xAF, '"', '}' };
		assertThat(problemOf(overlong)).isEqualTo(notUtf8());
	}

	@Test
	void toleratesAByteOrderMark() {
		assertThat(read("\uFEFF{\"narrative\":\"caf\u00e9\"}").narrative()).isEqualTo("caf\u00e9");
	}

	@Test
	void neverQuotesTheBodyInAProblem() {
		String secret = "Maria Lopez 305-555-0100";
		for (String body : new String[] { "{\"narrative\":\"" + secret + "\",\"narrative\":1}",
				"{\"" + secret + "\":1}", "{\"narrative\":\"" + secret + "\"",
				"{\"location\":{\"lat\":\"" + secret + "\"}}", "{\"reporter\":\"" + secret + "\"}" }) {
			FieldProblem problem = problemOf(body);
			assertThat(problem.field() + " " + problem.message()).doesNotContain("Maria", "555");
		}
	}

	private static TipSubmission read(String json) {
		return StrictJsonReader.read(json.getBytes(StandardCharsets.UTF_8), TipSubmission.class);
	}

	private static FieldProblem problemOf(String json) {
		return problemOf(json.getBytes(StandardCharsets.UTF_8));
	}

	private static FieldProblem problemOf(byte[] body) {
		Throwable thrown = catchThrowable(() -> StrictJsonReader.read(body, TipSubmission.class));
		assertThat(thrown).isInstanceOf(InvalidTipException.class);
		return ((InvalidTipException) thrown).problems().get(0);
	}

	private static FieldProblem wrongType(String field) {
		return new FieldProblem(field, "has the wrong type");
	}

	private static FieldProblem notJson() {
		return new FieldProblem("", "the body is not valid JSON");
	}

	private static FieldProblem notUtf8() {
		return new FieldProblem("", "the body is not UTF-8");
	}

	private static FieldProblem notAnObject() {
		return new FieldProblem("", "the body must be one JSON object");
	}
}
