package org.tipline.dispatch.policy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFileTest {

	@Test
	void theBundledNationalDefaultIsValid() throws IOException {
		try (Reader reader = new InputStreamReader(PolicyFileTest.class.getResourceAsStream("/forwarding-policy.yml"),
				StandardCharsets.UTF_8)) {
			assertThat(PolicyFile.parse("forwarding-policy.yml", reader).versionTag()).isEqualTo("national-default@1");
		}
	}

	@Test
	void namesTheLineOfEveryProblemAtOnce() {
		String yaml = """
				policy: broken
				version: 3
				defaults:
				  consentDeclined: FORWARD
				  consentNotAsked: HOLD_FOR_CONSENT
				  consentWindow: a day
				  afterConsentWindow: WITHHOLD
				  redact: [reporter.contact, victim.soul]
				  deadlines: {P1: 15m, P2: 1h, P3: 24h, P9: 1h}
				  colour: blue
				states:
				  Florida:
				    consentDeclined: WITHHOLD
				""";

		assertThatThrownBy(() -> PolicyFile.parse("broken.yml", new StringReader(yaml)))
			.isInstanceOf(InvalidPolicyException.class)
			.satisfies((ex) -> assertThat(((InvalidPolicyException) ex).problems()).containsExactlyInAnyOrder(
					"line 10: unknown key 'colour'; expected one of [afterConsentWindow, consentDeclined, consentNotAsked, consentWindow, deadlines, redact]",
					"line 4: 'FORWARD' is not allowed here; use one of [FORWARD_REDACTED, WITHHOLD]",
					"line 6: 'a day' is not a duration; write e.g. 90s, 15m, 24h or 2d",
					"line 8: 'victim.soul' cannot be redacted; choose from [callerPhone, location.address, location.coordinates, narrative, reporter.contact, reporter.contact.email, reporter.contact.phone]",
					"line 9: 'P9' is not a priority; use P1, P2, P3 or P4",
					"line 9: defaults.deadlines must set P4",
					"line 12: 'Florida' is not a USPS state or territory code"))
			.hasMessageContaining("broken.yml");
	}

	@Test
	void defaultsMustSetEveryParameter() {
		String yaml = """
				policy: thin
				version: 1
				defaults:
				  consentDeclined: WITHHOLD
				""";

		assertThatThrownBy(() -> PolicyFile.parse("thin.yml", new StringReader(yaml)))
			.hasMessageContaining("line 4: defaults must set consentWindow")
			.hasMessageContaining("defaults must set deadlines");
	}

	@Test
	void versionMustBeAPositiveNumber() {
		assertThatThrownBy(() -> PolicyFile.parse("v.yml", new StringReader("policy: p\nversion: latest\ndefaults: {}\n")))
			.hasMessageContaining("line 2: version must be a positive whole number");
	}

	@Test
	void refusesWhatIsNotYaml() {
		assertThatThrownBy(() -> PolicyFile.parse("x.yml", new StringReader("policy: [unclosed")))
			.isInstanceOf(InvalidPolicyException.class)
			.hasMessageContaining("not valid YAML");
	}
}
