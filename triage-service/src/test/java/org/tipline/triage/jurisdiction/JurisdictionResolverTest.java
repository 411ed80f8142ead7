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

import static org.assertj.core.api.Assertions.assertThat;

class JurisdictionResolverTest {

	private static final JurisdictionResolver resolver = JurisdictionResolver.fromBundledData();

	@Test
	void statedStateWinsOverZipAndPhone() {
		Jurisdiction jurisdiction = resolver.resolve(tip(new Location(StateCode.of("OR"), null, "33101", null, null, null), "+12145550100"));

		assertThat(jurisdiction).isEqualTo(new Jurisdiction(StateCode.of("OR"), 1.0, JurisdictionBasis.STATED));
	}

	@Test
	void zipGivesTheStateWhenNoneIsStated() {
		Jurisdiction jurisdiction = resolver.resolve(tip(new Location(null, null, "33101", null, null, null), "+12145550100"));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("FL"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.ZIP);
	}

	@Test
	void callersAreaCodeIsTheLastResort() {
		Jurisdiction jurisdiction = resolver.resolve(tip(null, "+1 (214) 555-0100"));

		assertThat(jurisdiction.state()).isEqualTo(StateCode.of("TX"));
		assertThat(jurisdiction.basis()).isEqualTo(JurisdictionBasis.AREA_CODE);
		assertThat(jurisdiction.confidence()).isLessThan(1.0);
	}

	@Test
	void tollFreeOrMissingNumberLeavesTheStateUnknown() {
		assertThat(resolver.resolve(tip(null, "+18005550100"))).isEqualTo(Jurisdiction.unknown());
		assertThat(resolver.resolve(tip(null, null))).isEqualTo(Jurisdiction.unknown());
	}

	private static TipReceived tip(Location location, String callerPhone) {
		return new TipReceived(TipId.forSubmission(Channel.SMS, "m"), Instant.EPOCH, Channel.SMS, "m", "en", null,
				"narrative", location, callerPhone);
	}
}
