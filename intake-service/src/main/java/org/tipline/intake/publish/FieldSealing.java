package org.tipline.intake.publish;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipline.security.FieldKeys;
import org.tipline.security.TipSealer;

/**
 * Intake seals a tip's personal fields before the tip enters Kafka, with the public keyset only: it can seal but
 * never read a tip back. Without a keyset it does not start, since it would otherwise publish victims' details in
 * the clear.
 */
@Configuration(proxyBeanMethods = false)
class FieldSealing {

	@Bean
	TipSealer tipSealer(@Value("${tipline.field-encryption.public-keyset-file:}") String publicKeysetFile) {
		return TipSealer.withPublicKeyset(FieldKeys.readConfigured("tipline.field-encryption.public-keyset-file",
				publicKeysetFile, "intake seals narratives and contact details with it before they enter Kafka"));
	}
}
