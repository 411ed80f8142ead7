package org.tipline.triage.jurisdiction;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tipline.events.Channel;
import org.tipline.events.Jurisdiction;
import org.tipline.events.JurisdictionBasis;
import org.tipline.events.Location;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.triage.narrative.Narrative;

import static org.assertj.core.api.Assertions.assertThat;

class JurisdictionResolverTest {

	private static final JurisdictionResolver resolver = JurisdictionResolver.fromBundledData();

	@Test
	void statedStateWinsOverZipAndPhoneAndNamesTheCallersStateSecond() {
		Jurisdiction jurisdiction = resolver
			.resolve(tip("narrative", new Location(StateCode.of("OR"), null, "33101", null, null, null), "+12145550100"));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("OR"));
		assertThat(jurisdiction.confidence()).isEqualTo(1.0);
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.STATED);
		assertThat(jurisdiction.secondState()).isEqualTo(StateCode.of("TX"));
	}

	@Test
	void zipGivesTheStateWhenNoneIsStated() {
		Jurisdiction jurisdiction = resolver.resolve(tip("narrative", location(null, "33101", null, null), "+12145550100"));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("FL"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.ZIP);
	}

	@Test
	void coordinatesAreLocatedInsideTheStateBoundary() {
		Jurisdiction jurisdiction = resolver.resolve(tip("sharing my location", location(null, null, 39.74, -104.99), null));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("CO"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.COORDINATES);
	}

	@Test
	void aPointAtSeaHasNoState() {
		assertThat(resolver.resolve(tip("we are on a boat", location(null, null, 30.0, -40.0), null)))
			.isEqualTo(Jurisdiction.unknown());
	}

	@Test
	void aCityFieldFoundInOneStateGivesThatState() {
		Jurisdiction jurisdiction = resolver.resolve(tip("narrative", location("Tuscaloosa", null, null, null), null));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("AL"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.CITY);
	}

	@Test
	void anAmbiguousCityFieldIsSettledByTheCallersAreaCode() {
		Jurisdiction maine = resolver.resolve(tip("women kept above a shop", location("Portland", null, null, null),
				"+12075550100"));
		Jurisdiction oregon = resolver.resolve(tip("women kept above a shop", location("Portland", null, null, null),
				"+15035550100"));

		assertThat(maine.state()).isEqualTo(StateCode.of("ME"));
		assertThat(oregon.state()).isEqualTo(StateCode.of("OR"));
	}

	@Test
	void anAmbiguousCityIsSettledByATownNamedNearIt() {
		Jurisdiction jurisdiction = resolver.resolve(tip(
				"She works at a laundry in Springfield, the one near Chicopee, and they hold her passport.", null,
				null));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("MA"));
	}

	@Test
	void cityAndStateInTheNarrativeBeatTheCallersAreaCode() {
		Jurisdiction jurisdiction = resolver
			.resolve(tip("My niece is being held at a house in Lubbock, Texas.", null, "+16145550100"));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("TX"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.CITY);
		assertThat(jurisdiction.secondState()).isEqualTo(StateCode.of("OH"));
	}

	@Test
	void whereTheVictimIsNowWinsOverWhereSheIsBeingTaken() {
		Jurisdiction jurisdiction = resolver.resolve(tip(
				"They are at a truck stop in Albuquerque and he is driving her to Phoenix tonight.", null, null));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("NM"));
		assertThat(jurisdiction.secondState()).isEqualTo(StateCode.of("AZ"));
	}

	@Test
	void theReportersOwnCityCountsLessThanTheIncidents() {
		Jurisdiction jurisdiction = resolver.resolve(tip(
				"I live in Denver but my friend moved to Boise and now she can't leave the house.", null, null));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("ID"));
	}

	@Test
	void aWellKnownCityAloneIsEnough() {
		assertThat(resolver.resolve(tip("girls at a massage place in milwaukee", null, null)).state())
			.isEqualTo(StateCode.of("WI"));
	}

	@Test
	void aCityNicknameIsEnough() {
		assertThat(resolver.resolve(tip("she is on the track in nola tonight", null, null)).state())
			.isEqualTo(StateCode.of("LA"));
	}

	@Test
	void aZipCodeInTheTextIsAPlaceButAnAmountIsNot() {
		assertThat(resolver.resolve(tip("we sleep at the plant, 60629", null, null)).state())
			.isEqualTo(StateCode.of("IL"));
		assertThat(resolver.resolve(tip("he says I owe him $10001 for the trip", null, null)))
			.isEqualTo(Jurisdiction.unknown());
	}

	@Test
	void aStreetNamedLikeACityIsNotThatCity() {
		Jurisdiction jurisdiction = resolver.resolve(tip("she walks Denver Ave every night", null, "+19185550100"));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("OK"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.AREA_CODE);
	}

	@Test
	void ordinaryWordsThatAreAlsoTownsAreNotPlaces() {
		assertThat(resolver.resolve(tip("They live in mobile homes and work in the fields for no pay.", null, null)))
			.isEqualTo(Jurisdiction.unknown());
		assertThat(resolver.resolve(tip("It started in August and she works every Sunday.", null, null)))
			.isEqualTo(Jurisdiction.unknown());
	}

	@Test
	void spanishPlacePhrasesAreRead() {
		assertThat(resolver.resolve(tip("trabajamos en una lechería cerca de Yuma, Arizona", null, null)).state())
			.isEqualTo(StateCode.of("AZ"));
	}

	@Test
	void callersAreaCodeIsTheLastResort() {
		Jurisdiction jurisdiction = resolver.resolve(tip("narrative", null, "+1 (214) 555-0100"));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("TX"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.AREA_CODE);
		assertThat(jurisdiction.confidence()).isLessThan(1.0);
	}

	@Test
	void puertoRicanNumbersBelongToPuertoRico() {
		assertThat(resolver.resolve(tip("narrative", null, "+17875550100")).state()).isEqualTo(StateCode.of("PR"));
	}

	@Test
	void tollFreeOrMissingNumberLeavesTheStateUnknown() {
		assertThat(resolver.resolve(tip("narrative", null, "+18005550100"))).isEqualTo(Jurisdiction.unknown());
		assertThat(resolver.resolve(tip("narrative", null, null))).isEqualTo(Jurisdiction.unknown());
	}

	@Test
	void namesTheTownsOfItsOwnStateButNotRegionsOrOtherStatesTowns() {
		String narrative = "She works at a truck stop near Amarillo, Texas (79101) and they will drive her to Denver";

		JurisdictionResolver.Resolution resolution = resolver.resolveWithTowns(tip(narrative, null, null),
				Narrative.of(narrative));

		assertThat(resolution.jurisdiction().state()).isEqualTo(StateCode.of("TX"));
		assertThat(resolution.towns()).containsExactly("amarillo");
	}

	@Test
	void namesTheCityFieldWordByWord() {
		TipReceived tip = tip("kept in a house", new Location(StateCode.of("MN"), "St. Cloud", "56301", null, null,
				null), null);

		assertThat(resolver.resolveWithTowns(tip, Narrative.of("kept in a house")).towns())
			.containsExactly("st cloud");
	}

	private static Location location(String city, String zip, Double lat, Double lon) {
		return new Location(null, city, zip, null, lat, lon);
	}

	private static TipReceived tip(String narrative, Location location, String callerPhone) {
		return new TipReceived(TipId.forSubmission("test-adapter", Channel.SMS, "m"), Instant.EPOCH, Channel.SMS, "m", "en", null,
				narrative, location, callerPhone);
	}
}
