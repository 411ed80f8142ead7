package org.tipline.triage.linking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipline.events.Channel;
import org.tipline.events.LinkEvidence;
import org.tipline.events.Location;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.triage.narrative.Narrative;

import static org.assertj.core.api.Assertions.assertThat;

class TipLinkerTest {

	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	private final TipLinker linker = new TipLinker(new IncidentKeys("test-key"), new MemoryLinkIndex(Duration.ofDays(30)));

	@Test
	void theSameNumberWrittenDifferentlyLinksTwoTips() {
		TipReceived first = tip("a", NOW, "the ad says to text (312) 555-0142 for a date", null);
		TipReceived second = tip("b", NOW.plus(Duration.ofDays(2)), "call 312.555.0142, they sell a girl", null);

		link(first);

		assertThat(link(second)).containsExactly(first.tipId());
	}

	@Test
	void aFloodOfReportsSharingOneNumberLinksEachNewOneToTenEarlierOnesThoseWithMostEvidenceFirst() {
		TipReceived strongest = tip("strongest", NOW, "text 312-555-0199 for a girl, plate 9XYZ999", null);
		link(strongest);
		for (int i = 0; i < 20; i++) {
			link(tip("flood-" + i, NOW.plusSeconds(i + 1), "report " + i + " says text 312-555-0199", null));
		}

		List<TipLinker.Link> links = links(tip("last", NOW.plusSeconds(60), "312 555 0199, plate 9XYZ-999", null));

		assertThat(links).hasSize(TipLinker.MOST_LINKS_PER_TIP);
		assertThat(links).extracting(TipLinker.Link::tipId).contains(strongest.tipId());
	}

	@Test
	void theSamePlateOrAddressLinksTwoTips() {
		TipReceived first = tip("a", NOW, "white van, plate number 7ABC123, at 1420 Elm Street", null);
		TipReceived second = tip("b", NOW.plusSeconds(60), "they live at 1420 elm st and are never let out", null);
		TipReceived third = tip("c", NOW.plusSeconds(120), "saw the van again, plates 7ABC-123", null);

		link(first);

		assertThat(link(second)).containsExactly(first.tipId());
		assertThat(link(third)).containsExactly(first.tipId());
	}

	@Test
	void aLinkNamesEveryKindOfEvidenceThatWasEnoughOnItsOwn() {
		TipReceived first = tip("a", NOW, "white van, plate number 7ABC123, text (312) 555-0142 for a date", null);
		TipReceived second = tip("b", NOW.plusSeconds(60), "call 312.555.0142, the van has plates 7ABC-123", null);

		link(first);

		assertThat(links(second)).containsExactly(
				new TipLinker.Link(first.tipId(), List.of(LinkEvidence.PHONE, LinkEvidence.PLATE)));
	}

	@Test
	void aNearDuplicateNarrativeLinksButADifferentOneDoesNot() {
		String text = "Caller reports three women living above the nail salon on the corner, the owner keeps their "
				+ "passports and they work every day from nine to nine without any pay at all";
		TipReceived first = tip("a", NOW, text, null);
		TipReceived resent = tip("b", NOW.plusSeconds(600), text.replace("Caller reports", "Reporting"), null);
		TipReceived other = tip("c", NOW.plusSeconds(900), "A man at the car wash says his boss holds his passport "
				+ "and he owes six thousand dollars for the trip from the border and sleeps in the back", null);

		link(first);

		assertThat(link(resent)).containsExactly(first.tipId());
		assertThat(link(other)).isEmpty();
	}

	@Test
	void shortMessagesAreNotLinkedByTheirWording() {
		link(tip("a", NOW, "STOP", null));

		assertThat(link(tip("b", NOW.plusSeconds(5), "STOP", null))).isEmpty();
	}

	@Test
	void tipsFurtherApartThanTheWindowAreNotLinked() {
		link(tip("a", NOW, "text 312-555-0142", null));

		assertThat(link(tip("b", NOW.plus(Duration.ofDays(31)), "text 312-555-0142", null))).isEmpty();
	}

	@Test
	void aTipTriagedAgainDoesNotLinkToItself() {
		TipReceived tip = tip("a", NOW, "text 312-555-0142", "+13125550199");

		link(tip);

		assertThat(link(tip)).isEmpty();
	}

	@Test
	void keysHoldNoPlaintext() {
		String narrative = "call 312-555-0142, a man named John Smith keeps the girls at the Lakeview motel";
		Set<IncidentKey> keys = new IncidentKeys("test-key").of(tip("a", NOW, narrative, "+13125550199"),
				Narrative.of(narrative), StateCode.of("IL"), Set.of("joliet"));

		assertThat(keys).isNotEmpty();
		assertThat(keys).allSatisfy((key) -> assertThat(key.digest()).matches("[0-9a-f]{32}")
			.doesNotContain("3125550142")
			.doesNotContain(HexFormat.of().formatHex("lakeview".getBytes(StandardCharsets.UTF_8))));
		assertThat(keys).extracting(IncidentKey::kind)
			.contains(IncidentKey.Kind.PHONE, IncidentKey.Kind.NAME, IncidentKey.Kind.STORY);
	}

	@Test
	void rewordedReportsOfOneIncidentInOneTownAreLinkedByTheirStory() {
		TipReceived housekeeper = tip("a", NOW, "I clean rooms at a motel off War Memorial Drive in Peoria. A girl "
				+ "who looks about 15 has been in room 112 with an older man since Friday. Different men knock on the "
				+ "door every hour and the older man collects cash from them in the parking lot.", null);
		TipReceived guest = tip("b", NOW.plus(Duration.ofHours(5)), "im staying at a motel in peoria and the girl "
				+ "in 112 cant be more than 15. all night different guys knocking on her door, and an older man "
				+ "waits in the parking lot and takes their cash", null);

		link(housekeeper, "peoria");

		assertThat(links(guest, "peoria"))
			.containsExactly(new TipLinker.Link(housekeeper.tipId(), List.of(LinkEvidence.STORY)));
	}

	@Test
	void unrelatedTipsAboutTheSameKindOfPlaceInOneTownAreNotLinked() {
		TipReceived motel = tip("a", NOW, "I clean rooms at a motel off War Memorial Drive in Peoria. A girl who "
				+ "looks about 15 has been in room 112 with an older man since Friday. Different men knock on the door "
				+ "every hour and the older man collects cash from them in the parking lot.", null);
		TipReceived otherMotel = tip("b", NOW.plus(Duration.ofDays(3)), "A motel on Adams Street in Peoria: a "
				+ "woman in her twenties is dropped off every evening by a man in a red car, and she walks between "
				+ "the trucks parked at the lot next door until morning.", null);
		TipReceived salon = tip("c", NOW.plus(Duration.ofDays(4)), "My cousin works at a nail salon in Peoria. The "
				+ "owner took her passport, she sleeps in the back room with four other women, and she has not been "
				+ "paid since March.", null);

		link(motel, "peoria");

		assertThat(link(otherMotel, "peoria")).isEmpty();
		assertThat(link(salon, "peoria")).isEmpty();
	}

	@Test
	void theSameStoryToldOfAnotherTownIsNotLinked() {
		TipReceived inPeoria = tip("a", NOW, "I clean rooms at a motel off War Memorial Drive in Peoria. A girl "
				+ "who looks about 15 has been in room 112 with an older man since Friday. Different men knock on the "
				+ "door every hour and the older man collects cash from them in the parking lot.", null);
		TipReceived inRockford = tip("b", NOW.plus(Duration.ofHours(5)), "im staying at a motel in rockford and "
				+ "the girl in 112 cant be more than 15. all night different guys knocking on her door, and an older "
				+ "man waits in the parking lot and takes their cash", null);

		link(inPeoria, "peoria");

		assertThat(link(inRockford, "rockford")).isEmpty();
	}

	@Test
	void aTipNamingNoTownIsNotLinkedByItsStoryAlone() {
		String story = "A girl who looks about 15 has been in room 112 of a motel with an older man since Friday. "
				+ "Different men knock on the door every hour and the older man collects cash from them outside.";
		link(tip("a", NOW, story, null));

		assertThat(link(tip("b", NOW.plusSeconds(60), "Different men knock on room 112 every hour, the girl "
				+ "there looks 15 and an older man at the motel collects their cash", null))).isEmpty();
	}

	private List<TipId> link(TipReceived tip, String... towns) {
		return links(tip, towns).stream().map(TipLinker.Link::tipId).toList();
	}

	private List<TipLinker.Link> links(TipReceived tip, String... towns) {
		return linker.links(tip, Narrative.of(tip.narrative()), StateCode.of("IL"), Set.of(towns));
	}

	private static TipReceived tip(String id, Instant at, String narrative, String callerPhone) {
		return new TipReceived(TipId.forSubmission("test-adapter", Channel.SMS, id), at, Channel.SMS, id, "en", null, narrative,
				new Location(null, null, null, null, null, null), callerPhone);
	}
}
