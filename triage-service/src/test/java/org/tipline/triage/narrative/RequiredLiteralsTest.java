package org.tipline.triage.narrative;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredLiteralsTest {

	@Test
	void everyMatchContainsOneOfTheLiteralsOfItsAlternatives() {
		RequiredLiterals.Known known = RequiredLiterals.of(Pattern.compile("\\b(?:escorts?|pimp\\w*|the life)\\b"));

		assertThat(known.contained()).hasValueSatisfying(
				(literals) -> assertThat(literals).containsExactlyInAnyOrder("escort", "pimp", "the life"));
		assertThat(known.starting()).hasValueSatisfying(
				(literals) -> assertThat(literals).containsExactlyInAnyOrder("escort", "pimp", "the life"));
	}

	@Test
	void theRarestRunOfLiteralsIsKept() {
		RequiredLiterals.Known known = RequiredLiterals.of(Pattern.compile("in \\d+ (?:minutes|mins)"));

		assertThat(known.contained()).hasValueSatisfying(
				(literals) -> assertThat(literals).containsExactlyInAnyOrder("0 minutes", "0 mins"));
		assertThat(known.starting()).hasValueSatisfying(
				(literals) -> assertThat(literals).containsExactly("in 0"));
	}

	@Test
	void anOptionalPartAddsTheEmptyAlternative() {
		RequiredLiterals.Known known = RequiredLiterals.of(Pattern.compile("colou?r(?:ed)?"));

		assertThat(known.contained()).hasValueSatisfying(
				(literals) -> assertThat(literals).containsExactlyInAnyOrder("color", "colour"));
	}

	@Test
	void whitespaceAndDigitsAreReadAsOneCharacterEach() {
		RequiredLiterals.Known known = RequiredLiterals.of(Pattern.compile("\\(?\\d{3}\\)?[\\s.-]\\d{4}"));

		assertThat(known.contained()).hasValueSatisfying((literals) -> assertThat(literals)
			.containsExactlyInAnyOrder("000 0000", "000.0000", "000-0000", "000) 0000", "000).0000", "000)-0000"));
		assertThat(RequiredLiterals.canonical('\t')).isEqualTo(' ');
		assertThat(RequiredLiterals.canonical('7')).isEqualTo('0');
	}

	@Test
	void nothingIsSaidOfWhatMayMatchAnything() {
		assertThat(RequiredLiterals.of(Pattern.compile("guns?|.")).contained()).isEmpty();
		assertThat(RequiredLiterals.of(Pattern.compile("(?:tonight)?")).contained()).isEmpty();
		assertThat(RequiredLiterals.of(Pattern.compile("[a-z]+")).contained()).isEmpty();
	}

	@Test
	void nothingIsSaidOfAPatternBeyondTheReading() {
		assertThat(RequiredLiterals.of(Pattern.compile("(?i)tonight"))).isEqualTo(RequiredLiterals.Known.NOTHING);
		assertThat(RequiredLiterals.of(Pattern.compile("tonight", Pattern.CASE_INSENSITIVE)))
			.isEqualTo(RequiredLiterals.Known.NOTHING);
		assertThat(RequiredLiterals.of(Pattern.compile("(a)\\1b"))).isEqualTo(RequiredLiterals.Known.NOTHING);
		assertThat(RequiredLiterals.of(Pattern.compile("[a-z&&[^e]]x"))).isEqualTo(RequiredLiterals.Known.NOTHING);
		assertThat(RequiredLiterals.of(Pattern.compile("\\Qa.b\\E"))).isEqualTo(RequiredLiterals.Known.NOTHING);
	}

	@Test
	void lookaroundsAndBoundariesConsumeNothing() {
		RequiredLiterals.Known known = RequiredLiterals.of(Pattern.compile("(?<![a-z])go\\b(?! home) with\\b"));

		assertThat(known.contained()).hasValueSatisfying(
				(literals) -> assertThat(literals).containsExactly("go with"));
	}
}
