package org.tipline.triage.classification;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

	@ParameterizedTest
	@ValueSource(strings = { "a 16yo girl is posted in escort ads", "la niña tiene 15 años y la venden",
			"my daughter is 14 and he picks her up from school", "she's in 9th grade and he posts her online",
			"the boy looks about 13", "two kids (12) working the stand", "es menor de edad y la tienen en un bar",
			"an underage girl at the club", "the girls, ages 15 and 19, are sold at the motel",
			"a sixteen-year-old cousin works there", "im 17 and he makes me see guys",
			"her ID shows she turned 16 last month", "los niños de 11 años venden dulces en la calle" })
	void possibleVictimUnder18IsAMinor(String narrative) {
		assertThat(classify(narrative).minor()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "he pays $17 an hour and keeps her passport, 15 minutes away",
			"she was 16 when it started, she's 23 now", "room 16 at the inn, my battery is 9%",
			"I teach 8th grade science and one of my colleagues is being held", "there are 14 men in the trailer",
			"I have two kids, 5 and 9, and need rent help", "my sister is 20 and he sells her",
			"the ad says must be 18-25", "our high schoolers want a workshop", "call me back at 3:15",
			"hace 5 años que trabaja sin pago" })
	void numbersAndWordsThatAreNotAVictimsAgeAreNotMinors(String narrative) {
		assertThat(classify(narrative).minor()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "he has a gun in the car and says she works tonight",
			"he locked us in the shed and we can't get out",
			"she is unconscious on the bathroom floor of the motel",
			"they are moving her to another city tonight after closing",
			"me tiene encerrada en el cuarto", "the buyer is coming in an hour to meet her",
			"men are going in and out of her room right now", "mi compañero está inconsciente por el calor",
			"he said he will kill her when he gets back tonight" })
	void presentOrNearTermHarmIsImminent(String narrative) {
		assertThat(classify(narrative).imminentDanger()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "he beat her last year and she is still afraid",
			"every night he makes her see men, she is safe at her aunt's tonight",
			"they move the workers on Monday", "no weapons were mentioned and nobody is hurt",
			"if she ever leaves he says he will find her", "he is out of town until next week" })
	void pastViolenceRoutineOrLaterEventsAreNotImminent(String narrative) {
		assertThat(classify(narrative).imminentDanger()).isFalse();
	}

	@Test
	void weaponPresentIsNamedAsTheIndicator() {
		assertThat(classify("he has a gun in the car").indicators()).contains("danger:weapon");
	}

	@Test
	void commercialSexAndForcedWorkTogetherAreBoth() {
		assertThat(classify("they clean the house unpaid and at night he sells her to men who pay him")
			.traffickingType()).isEqualTo(TraffickingType.BOTH);
	}

	@Test
	void heldDocumentsAtAFarmAreLabor() {
		assertThat(classify("the crew leader at the farm keeps their passports and they owe a debt for the trailer")
			.traffickingType()).isEqualTo(TraffickingType.LABOR);
	}

	@Test
	void spanishForcedWorkIsLabor() {
		assertThat(classify("trabajamos en la construcción y el patrón no nos paga y tiene nuestros papeles")
			.traffickingType()).isEqualTo(TraffickingType.LABOR);
	}

	@Test
	void pimpAndAdsAreSex() {
		assertThat(classify("her pimp posts her online and keeps the money").traffickingType())
			.isEqualTo(TraffickingType.SEX);
	}

	@Test
	void aJobThatWasOnlyPromisedIsNotLabor() {
		assertThat(classify("they promised her a job in a restaurant but he sells her to men who pay him")
			.traffickingType()).isEqualTo(TraffickingType.SEX);
	}

	@Test
	void controlWithoutWorkOrSexIsUnknown() {
		assertThat(classify("a woman I know can't leave, he took her passport").traffickingType())
			.isEqualTo(TraffickingType.UNKNOWN);
	}

	@Test
	void aWageDisputeWithFreedomToLeaveIsNotTrafficking() {
		assertThat(classify("my boss at the restaurant owes me two weeks of pay but I can quit whenever I want")
			.traffickingType()).isEqualTo(TraffickingType.NONE);
	}

	@Test
	void aTestMessageIsNotTrafficking() {
		assertThat(classify("test message please ignore").traffickingType()).isEqualTo(TraffickingType.NONE);
	}

	@Test
	void adapterStatedRoleIsKeptAndMissingRoleIsInferred() {
		TipReceived stated = new TipReceived(TipId.forSubmission("test-adapter", Channel.WEB, "w"), Instant.EPOCH, Channel.WEB, "w",
				"en", new Reporter(ReporterRole.PROFESSIONAL, Consent.GRANTED, null), "my daughter is held", null,
				null);
		assertThat(classifier.classify(stated).reporterRole()).isEqualTo(ReporterRole.PROFESSIONAL);
		assertThat(classify("my daughter is held by her boyfriend").reporterRole()).isEqualTo(ReporterRole.FAMILY);
	}

	@Test
	void reporterRoleIsInferredFromHowTheWriterSpeaks() {
		assertThat(classify("I'm a school nurse and a student told me she is sold").reporterRole())
			.isEqualTo(ReporterRole.PROFESSIONAL);
		assertThat(classify("he took my passport and I owe him for the trip").reporterRole())
			.isEqualTo(ReporterRole.VICTIM);
		assertThat(classify("mi hermana trabaja sin pago en una casa").reporterRole()).isEqualTo(ReporterRole.FAMILY);
		assertThat(classify("I won't say who I am but the girls at the spa are kept there").reporterRole())
			.isEqualTo(ReporterRole.ANONYMOUS);
		assertThat(classify("my coworker's sister is kept at a house").reporterRole())
			.isEqualTo(ReporterRole.THIRD_PARTY);
		assertThat(classify("a woman slipped me a note saying 'help me, he keeps my papers'").reporterRole())
			.isEqualTo(ReporterRole.THIRD_PARTY);
	}

	private Classification classify(String narrative) {
		return classifier.classify(new TipReceived(TipId.forSubmission("test-adapter", Channel.SMS, narrative), Instant.EPOCH,
				Channel.SMS, "m", "en", null, narrative, null, null));
	}
}
