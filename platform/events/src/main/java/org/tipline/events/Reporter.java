package org.tipline.events;

/** Who reported, as the channel adapter knows it; every field may be absent. */
public record Reporter(ReporterRole role, Consent consentToLawEnforcement, Contact contact) {
}
