package org.tipline.triage.classification;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tipline.events.Channel;
import org.tipline.events.Classification;
import org.tipline.events.Consent;
import org.tipline.events.Reporter;
import org.tipline.events.ReporterRole;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.events.TraffickingType;

import static org.assertj.core.api.Assertions.assertThat;

class TipClassifierTest {

	private final TipClassifier classifier = new TipClassifier();

	@Test
	void statedAgeUnder18IsAMinor() {
		assertThat(classify("a 16yo girl is posted in escort ads").minor()).isTrue();
		assertThat(classify("la niña tiene 15 años y la venden").minor()).isTrue();
	}

	@Test
	void numbersThatAreNotAgesAreNotMinors() {
		assertThat(classify("he pays $17 an hour and keeps her passport, 15 minutes away").minor()).isFalse();
	}

	@Test
	void weaponPresentIsImminentDanger() {
		Classification classification = classify("he has a gun in the car and says she works tonight");

		assertThat(classification.imminentDanger()).isTrue();
		assertThat(classification.indicators()).contains("danger:weapon");
	}

	@Test
	void commercialSexAndForcedWorkTogetherAreBoth() {
		assertThat(classify("they clean the house unpaid and are sold to clients at night").traffickingType())
			.isEqualTo(TraffickingType.BOTH);
	}

	@Test
	void heldDocumentsAtAFarmAreLabor() {
		assertThat(classify("the crew leader keeps their passports and they owe a debt for the trailer")
			.traffickingType()).isEqualTo(TraffickingType.LABOR);
	}

	@Test
	void aTestMessageIsNotTrafficking() {
		assertThat(classify("test message please ignore").traffickingType()).isEqualTo(TraffickingType.NONE);
	}

	@Test
	void adapterStatedRoleIsKeptAndMissingRoleIsInferred() {
		TipReceived stated = new TipReceived(TipId.forSubmission(Channel.WEB, "w"), Instant.EPOCH, Channel.WEB, "w",
				"en", new Reporter(ReporterRole.PROFESSIONAL, Consent.GRANTED, null), "my daughter is held", null,
				null);
		assertThat(classifier.classify(stated).reporterRole()).isEqualTo(ReporterRole.PROFESSIONAL);
		assertThat(classify("my daughter is held by her boyfriend").reporterRole()).isEqualTo(ReporterRole.FAMILY);
	}

	private Classification classify(String narrative) {
		return classifier.classify(new TipReceived(TipId.forSubmission(Channel.SMS, narrative), Instant.EPOCH,
				Channel.SMS, "m", "en", null, narrative, null, null));
	}
}
