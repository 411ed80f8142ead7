package org.tipline.triage.narrative;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NarrativeTest {

	@Test
	void foldingDropsAccentsAndCaseButKeepsOffsets() {
		Narrative narrative = Narrative.of("La Niña tiene 15 años, en Señor's Café");

		assertThat(narrative.folded()).isEqualTo("la nina tiene 15 anos, en senor's cafe");
		assertThat(narrative.folded()).hasSameSizeAs(narrative.original());
	}

	@Test
	void wordsRememberHowTheyWereWritten() {
		Narrative narrative = Narrative.of("Call NYPD from Dothan");

		assertThat(narrative.words()).extracting(Narrative.Word::text).containsExactly("call", "nypd", "from", "dothan");
		assertThat(narrative.words().get(1).allCaps()).isTrue();
		assertThat(narrative.words().get(3).capitalized()).isTrue();
	}

	@Test
	void lowerCaseTextWithOneAcronymIsNotMixedCase() {
		assertThat(Narrative.of("at the truck stop off I-70 in columbus").mixedCase()).isFalse();
		assertThat(Narrative.of("She lives in Columbus.").mixedCase()).isTrue();
	}

	@Test
	void quotedWordsCanBeReadAsProseOrLeftOut() {
		Narrative narrative = Narrative.of("she must 'go with' customers and said 'help me' to him, it's bad");

		assertThat(narrative.unquoted()).contains("must go with customers").contains("it's bad");
		assertThat(narrative.withoutQuotations()).doesNotContain("help me").contains("it's bad");
	}
}
