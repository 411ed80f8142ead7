package org.tipline.events;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A USPS code of one of the 50 states, DC or a territory: the unit of jurisdiction tips are routed by. */
public record StateCode(String value) {

	private static final Set<String> CODES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
			"HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
			"NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
			"VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP");

	public StateCode {
		if (value == null || !CODES.contains(value)) {
			throw new IllegalArgumentException("not a US state or territory code: " + value);
		}
	}

	@JsonCreator
	public static StateCode of(String value) {
		return new StateCode(value);
	}

	public static boolean isValid(String value) {
		return value != null && CODES.contains(value);
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
