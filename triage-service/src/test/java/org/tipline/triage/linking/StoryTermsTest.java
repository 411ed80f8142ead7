package org.tipline.triage.linking;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipline.events.Location;
import org.tipline.triage.narrative.Narrative;

import static org.assertj.core.api.Assertions.assertThat;

class StoryTermsTest {

	@Test
	void leavesOutFunctionWordsTheHotlinesOwnWordsAndThePlace() {
		Set<String> terms = StoryTerms.of(Narrative.of("Caller reports that her niece is working at a bakery in "
				+ "Grand Forks and the owner keeps her passport"), null, Set.of("grand forks"));

		assertThat(terms).containsExactlyInAnyOrder("niec", "work", "bakery", "owner", "keep", "passport");
	}

	@Test
	void readsWordFormsAndSpelledNumbersAlike() {
		Set<String> one = StoryTerms.of(Narrative.of("six cooks, the boss kept their passports, closing time"), null,
				Set.of());
		Set<String> other = StoryTerms.of(Narrative.of("6 cook, boss keeps passport until we close"), null, Set.of());

		assertThat(one).containsAll(Set.of("6", "cook", "boss", "passport", "clos"));
		assertThat(other).containsAll(Set.of("6", "cook", "boss", "passport", "clos"));
	}

	@Test
	void readsTheAddressFieldToo() {
		Set<String> terms = StoryTerms.of(Narrative.of("she is kept upstairs"),
				new Location(null, null, null, "1200 Cottonwood Rd", null, null), Set.of());

		assertThat(terms).contains("cottonwood", "1200");
	}

	@Test
	void stemsTheSameForTheFormsAReworderIsLikelyToUse() {
		assertThat(StoryTerms.stem("girls")).isEqualTo(StoryTerms.stem("girl"));
		assertThat(StoryTerms.stem("ladies")).isEqualTo(StoryTerms.stem("lady"));
		assertThat(StoryTerms.stem("stopped")).isEqualTo(StoryTerms.stem("stop"));
		assertThat(StoryTerms.stem("driving")).isEqualTo(StoryTerms.stem("drive"));
		assertThat(StoryTerms.stem("mujeres")).isEqualTo(StoryTerms.stem("mujer"));
		assertThat(StoryTerms.stem("owner's")).isEqualTo(StoryTerms.stem("owner"));
	}
}
