package org.tipline.triage.jurisdiction;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipline.events.Jurisdiction;
import org.tipline.events.JurisdictionBasis;
import org.tipline.events.Location;
import org.tipline.events.TipReceived;

/**
 * Finds the state whose law enforcement can act on a tip, strongest evidence first: the stated state, the
 * stated ZIP code, then the caller's area code. Unknown is an honest answer, routed to a fallback by dispatch.
 */
public final class JurisdictionResolver {

	private static final Pattern ZIP5 = Pattern.compile("(\\d{5})(-\\d{4})?");

	private final StateTable zips;

	private final StateTable areaCodes;

	JurisdictionResolver(StateTable zips, StateTable areaCodes) {
		this.zips = zips;
		this.areaCodes = areaCodes;
	}

	public static JurisdictionResolver fromBundledData() {
		return new JurisdictionResolver(StateTable.fromResource("zip-states.csv"),
				StateTable.fromResource("area-code-states.csv"));
	}

	public Jurisdiction resolve(TipReceived tip) {
		Location location = tip.location();
		if (location != null && location.state() != null) {
			return new Jurisdiction(location.state(), 1.0, JurisdictionBasis.STATED);
		}
		Optional<Jurisdiction> byZip = Optional.ofNullable(location)
			.map(Location::zip)
			.map(ZIP5::matcher)
			.filter(Matcher::matches)
			.flatMap((zip) -> zips.stateOf(zip.group(1)))
			.map((state) -> new Jurisdiction(state, 0.95, JurisdictionBasis.ZIP));
		if (byZip.isPresent()) {
			return byZip.get();
		}
		return areaCodeOf(callerPhone(tip)).flatMap(areaCodes::stateOf)
			.map((state) -> new Jurisdiction(state, 0.5, JurisdictionBasis.AREA_CODE))
			.orElse(Jurisdiction.unknown());
	}

	private static String callerPhone(TipReceived tip) {
		if (tip.callerPhone() != null) {
			return tip.callerPhone();
		}
		if (tip.reporter() != null && tip.reporter().contact() != null) {
			return tip.reporter().contact().phone();
		}
		return null;
	}

	static Optional<String> areaCodeOf(String phone) {
		if (phone == null) {
			return Optional.empty();
		}
		String digits = phone.replaceAll("\\D", "");
		if (digits.length() == 11 && digits.startsWith("1")) {
			digits = digits.substring(1);
		}
		return (digits.length() == 10) ? Optional.of(digits.substring(0, 3)) : Optional.empty();
	}
}
