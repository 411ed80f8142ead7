package org.tipline.audit.oversight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** A tip with no terminal hop this long after it entered is flagged as incomplete. */
@ConfigurationProperties("tipline.audit.completeness")
record OversightProperties(@DefaultValue("24h") Duration gracePeriod) {
}
