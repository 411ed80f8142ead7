package org.tipline.triage.linking;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipline.events.Channel;
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
	void theSamePlateOrAddressLinksTwoTips() {
		TipReceived first = tip("a", NOW, "white van, plate number 7ABC123, at 1420 Elm Street", null);
		TipReceived second = tip("b", NOW.plusSeconds(60), "they live at 1420 elm st and are never let out", null);
		TipReceived third = tip("c", NOW.plusSeconds(120), "saw the van again, plates 7ABC-123", null);

		link(first);

		assertThat(link(second)).containsExactly(first.tipId());
		assertThat(link(third)).containsExactly(first.tipId());
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
		Set<IncidentKey> keys = new IncidentKeys("test-key").of(
				tip("a", NOW, "call 312-555-0142, a man named John Smith", "+13125550199"),
				Narrative.of("call 312-555-0142, a man named John Smith"), StateCode.of("IL"));

		assertThat(keys).isNotEmpty();
		assertThat(keys).allSatisfy((key) -> assertThat(key.digest()).matches("[0-9a-f]{32}")
			.doesNotContain("3125550142"));
		assertThat(keys).extracting(IncidentKey::kind).contains(IncidentKey.Kind.PHONE, IncidentKey.Kind.NAME);
	}

	private java.util.List<TipId> link(TipReceived tip) {
		return linker.linkedTips(tip, Narrative.of(tip.narrative()), StateCode.of("IL"));
	}

	private static TipReceived tip(String id, Instant at, String narrative, String callerPhone) {
		return new TipReceived(TipId.forSubmission(Channel.SMS, id), at, Channel.SMS, id, "en", null, narrative,
				new Location(null, null, null, null, null, null), callerPhone);
	}
}
