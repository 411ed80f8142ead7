package org.tipline.triage.jurisdiction;

import java.util.Optional;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.tipline.events.StateCode;

/**
 * The state a caller's number belongs to. Google's libphonenumber parses the number and knows the territories
 * that share +1 (787 and 939 are Puerto Rico) and the toll-free codes, which belong to no state; the bundled
 * area-code table maps the rest. Numbers move with people, so this is the weakest evidence there is.
 */
final class CallerArea {

	private static final Set<String> TERRITORIES = Set.of("PR", "GU", "VI", "AS", "MP");

	private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

	private final StateTable areaCodes;

	CallerArea(StateTable areaCodes) {
		this.areaCodes = areaCodes;
	}

	Optional<StateCode> stateOf(String phone) {
		if (phone == null || phone.isBlank()) {
			return Optional.empty();
		}
		PhoneNumber number;
		try {
			number = phones.parse(phone, "US");
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
		if (number.getCountryCode() != 1 || !phones.isPossibleNumber(number)
				|| phones.getNumberType(number) == PhoneNumberType.TOLL_FREE) {
			return Optional.empty();
		}
		String region = phones.getRegionCodeForNumber(number);
		if (region != null && TERRITORIES.contains(region)) {
			return Optional.of(StateCode.of(region));
		}
		String national = phones.getNationalSignificantNumber(number);
		return (national.length() == 10) ? areaCodes.stateOf(national.substring(0, 3)) : Optional.empty();
	}
}
