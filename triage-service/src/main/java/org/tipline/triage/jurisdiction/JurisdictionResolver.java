package org.tipline.triage.jurisdiction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tipline.events.Jurisdiction;
import org.tipline.events.JurisdictionBasis;
import org.tipline.events.Location;
import org.tipline.events.StateCode;
import org.tipline.events.TipReceived;
import org.tipline.triage.jurisdiction.PlaceMention.Kind;
import org.tipline.triage.jurisdiction.PlaceMention.Role;
import org.tipline.triage.narrative.Narrative;

/**
 * Finds the state whose law enforcement can act on a tip, strongest evidence first: the location fields (state,
 * ZIP, coordinates, a city name found in one state only, an address), then the places the narrative names, then
 * the caller's area code. A place in the narrative beats the caller's phone, since people call about where
 * someone else is. Unknown is an honest answer, routed to a fallback by dispatch.
 */
public final class JurisdictionResolver {

	private static final Pattern ZIP5 = Pattern.compile("(\\d{5})(-\\d{4})?");

	/** How much the caller's area code counts towards settling a city name found in several states. */
	private static final double AREA_CODE_HINT = 0.8;

	/** The least share of a name's population a place needs for the caller's area code to count for it. */
	private static final double MIN_SHARE_FOR_AREA_CODE = 0.05;

	private final StateTable zips;

	private final CallerArea callerArea;

	private final StateBoundaries boundaries;

	private final Gazetteer gazetteer;

	private final PlaceFinder places;

	JurisdictionResolver(StateTable zips, CallerArea callerArea, StateBoundaries boundaries, Gazetteer gazetteer) {
		this.zips = zips;
		this.callerArea = callerArea;
		this.boundaries = boundaries;
		this.gazetteer = gazetteer;
		this.places = new PlaceFinder(gazetteer, zips);
	}

	public static JurisdictionResolver fromBundledData() {
		StateTable zips = StateTable.fromResource("zip-states.csv");
		return new JurisdictionResolver(zips, new CallerArea(StateTable.fromResource("area-code-states.csv")),
				StateBoundaries.fromBundledData(), Gazetteer.fromBundledData());
	}

	public Jurisdiction resolve(TipReceived tip) {
		return resolve(tip, Narrative.of(tip.narrative()));
	}

	public Jurisdiction resolve(TipReceived tip, Narrative narrative) {
		return resolveWithTowns(tip, narrative).jurisdiction();
	}

	/**
	 * A tip's jurisdiction, and the towns it names within that state: the city field, and the cities and towns of
	 * the narrative and address that were resolved to it ("dothan", "oklahoma city"), each written as its words
	 * are. States, counties, nicknames and ZIP codes are left out: two reports of one incident name its town.
	 */
	public record Resolution(Jurisdiction jurisdiction, Set<String> towns) {
	}

	public Resolution resolveWithTowns(TipReceived tip, Narrative narrative) {
		Location location = (tip.location() != null) ? tip.location()
				: new Location(null, null, null, null, null, null);
		Optional<StateCode> byArea = callerArea.stateOf(callerPhone(tip));
		PlaceFinder.Found found = places.find(narrative);
		List<PlaceMention> mentions = new ArrayList<>(found.mentions());
		if (location.address() != null) {
			mentions.addAll(places.find(Narrative.of(location.address())).mentions());
		}

		Map<StateCode, Double> hints = found.hints();
		Map<PlaceMention, StateCode> resolved = resolveAll(mentions, hints, byArea);
		Jurisdiction jurisdiction = jurisdictionOf(location, found, mentions, resolved, hints, byArea);
		return new Resolution(jurisdiction, townsIn(jurisdiction, location, mentions, resolved));
	}

	private Jurisdiction jurisdictionOf(Location location, PlaceFinder.Found found, List<PlaceMention> mentions,
			Map<PlaceMention, StateCode> resolved, Map<StateCode, Double> hints, Optional<StateCode> byArea) {
		Optional<Jurisdiction> fromFields = fromLocationFields(location, mentions, hints, byArea);
		if (fromFields.isPresent()) {
			return withSecondState(fromFields.get(), mentions, resolved, byArea);
		}
		Optional<Jurisdiction> fromNarrative = fromMentions(mentions, resolved,
				location.address() != null && found.mentions().isEmpty());
		if (fromNarrative.isPresent()) {
			return withSecondState(fromNarrative.get(), mentions, resolved, byArea);
		}
		return byArea.map((state) -> new Jurisdiction(state, 0.5, JurisdictionBasis.AREA_CODE))
			.orElse(Jurisdiction.unknown());
	}

	private static Set<String> townsIn(Jurisdiction jurisdiction, Location location, List<PlaceMention> mentions,
			Map<PlaceMention, StateCode> resolved) {
		if (!jurisdiction.hasState()) {
			return Set.of();
		}
		Set<String> towns = new TreeSet<>();
		if (location.city() != null && !location.city().isBlank()) {
			// written as the narrative's names are, word by word: "St. Louis" as "st louis"
			towns.add(Narrative.of(location.city()).words().stream().map(Narrative.Word::text)
				.collect(Collectors.joining(" ")));
		}
		for (PlaceMention mention : mentions) {
			boolean town = mention.kind() != Kind.REGION && !ZIP5.matcher(mention.name()).matches();
			if (town && jurisdiction.state().equals(resolved.get(mention))) {
				towns.add(mention.name());
			}
		}
		return towns;
	}

	private Optional<Jurisdiction> fromLocationFields(Location location, List<PlaceMention> mentions,
			Map<StateCode, Double> hints, Optional<StateCode> byArea) {
		if (location.state() != null) {
			return Optional.of(new Jurisdiction(location.state(), 1.0, JurisdictionBasis.STATED));
		}
		if (location.zip() != null) {
			Matcher zip = ZIP5.matcher(location.zip().trim());
			if (zip.matches()) {
				Optional<StateCode> state = zips.stateOf(zip.group(1));
				if (state.isPresent()) {
					return Optional.of(new Jurisdiction(state.get(), 0.95, JurisdictionBasis.ZIP));
				}
			}
		}
		if (location.lat() != null && location.lon() != null) {
			Optional<StateCode> state = boundaries.stateAt(location.lat(), location.lon());
			if (state.isPresent()) {
				return Optional.of(new Jurisdiction(state.get(), 0.9, JurisdictionBasis.COORDINATES));
			}
		}
		if (location.city() != null && !location.city().isBlank()) {
			return fromCityField(Narrative.fold(location.city().trim()), mentions, hints, byArea);
		}
		return Optional.empty();
	}

	/**
	 * A city field names one state outright, or several (Springfield, Portland): then whatever the narrative and
	 * the caller's area code say picks among them, and failing that the biggest place of that name.
	 */
	private Optional<Jurisdiction> fromCityField(String city, List<PlaceMention> mentions,
			Map<StateCode, Double> hints, Optional<StateCode> byArea) {
		Map<StateCode, Integer> candidates = new LinkedHashMap<>();
		gazetteer.places(city).forEach((place) -> candidates.merge(place.state(), place.population(), Math::max));
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		if (candidates.size() == 1) {
			return Optional.of(new Jurisdiction(candidates.keySet().iterator().next(), 0.85, JurisdictionBasis.CITY));
		}
		PlaceMention field = new PlaceMention(Map.copyOf(candidates), Kind.EXPLICIT, Role.HERE, -1, city);
		Choice choice = choose(field, mentions, hints, byArea);
		return Optional.of(new Jurisdiction(choice.state(), choice.supported() ? 0.7 : 0.5, JurisdictionBasis.CITY));
	}

	private Optional<Jurisdiction> fromMentions(List<PlaceMention> mentions, Map<PlaceMention, StateCode> resolved,
			boolean onlyFromAddress) {
		Map<StateCode, Double> scores = new HashMap<>();
		for (PlaceMention mention : mentions) {
			scores.merge(resolved.get(mention), mention.weight(), Double::sum);
		}
		Optional<StateCode> best = scores.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey);
		return best.map((state) -> {
			PlaceMention strongest = mentions.stream()
				.filter((mention) -> resolved.get(mention).equals(state))
				.max((a, b) -> Double.compare(a.weight(), b.weight()))
				.orElseThrow();
			JurisdictionBasis basis = onlyFromAddress ? JurisdictionBasis.ADDRESS : JurisdictionBasis.CITY;
			return new Jurisdiction(state, confidenceOf(strongest), basis);
		});
	}

	private static double confidenceOf(PlaceMention mention) {
		double confidence = switch (mention.kind()) {
			case EXPLICIT -> 0.85;
			case REGION, WELL_KNOWN_PLACE -> 0.75;
			case PLACE -> 0.65;
		};
		if (mention.ambiguous()) {
			confidence -= 0.15;
		}
		return (mention.role() == Role.HERE) ? confidence : confidence - 0.1;
	}

	private Map<PlaceMention, StateCode> resolveAll(List<PlaceMention> mentions, Map<StateCode, Double> hints,
			Optional<StateCode> byArea) {
		Map<PlaceMention, StateCode> resolved = new HashMap<>();
		for (PlaceMention mention : mentions) {
			resolved.put(mention, mention.ambiguous() ? choose(mention, mentions, hints, byArea).state()
					: mention.candidates().keySet().iterator().next());
		}
		return resolved;
	}

	private record Choice(StateCode state, boolean supported) {
	}

	/**
	 * Picks the state of a name found in several: each candidate scores the square root of its share of the
	 * population of all places so named (so Portland, Oregon starts ahead of Portland, Maine), plus what the rest
	 * of the tip says for it: other places named, nearby towns, counties, the caller's area code.
	 */
	private static Choice choose(PlaceMention mention, List<PlaceMention> mentions, Map<StateCode, Double> hints,
			Optional<StateCode> byArea) {
		double population = mention.candidates().values().stream().mapToDouble(Integer::doubleValue).sum();
		StateCode best = null;
		double bestScore = -1;
		boolean supported = false;
		for (Map.Entry<StateCode, Integer> candidate : mention.candidates().entrySet()) {
			StateCode state = candidate.getKey();
			double share = (population > 0) ? candidate.getValue() / population : 1.0 / mention.candidates().size();
			double support = hints.getOrDefault(state, 0.0);
			// The caller's area code only settles between places of a size to be confused, not for a hamlet.
			if (byArea.filter(state::equals).isPresent() && share >= MIN_SHARE_FOR_AREA_CODE) {
				support += AREA_CODE_HINT;
			}
			for (PlaceMention other : mentions) {
				if (other != mention && other.candidates().containsKey(state)) {
					support += other.weight() / other.candidates().size();
				}
			}
			double score = Math.sqrt(share) + support;
			if (score > bestScore) {
				best = state;
				bestScore = score;
				supported = support > 0;
			}
		}
		return new Choice(best, supported);
	}

	/** The second state a tip names: where the victim is being taken, another place named, or the caller's. */
	private static Jurisdiction withSecondState(Jurisdiction jurisdiction, List<PlaceMention> mentions,
			Map<PlaceMention, StateCode> resolved, Optional<StateCode> byArea) {
		Map<StateCode, Double> others = new HashMap<>();
		for (PlaceMention mention : mentions) {
			StateCode state = resolved.get(mention);
			if (!state.equals(jurisdiction.state())) {
				double weight = (mention.role() == Role.DESTINATION) ? 10 + mention.weight() : mention.weight();
				others.merge(state, weight, Double::sum);
			}
		}
		Optional<StateCode> second = others.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.or(() -> byArea.filter((state) -> !state.equals(jurisdiction.state())));
		return new Jurisdiction(jurisdiction.state(), jurisdiction.confidence(), jurisdiction.basis(),
				second.orElse(null));
	}

	private static String callerPhone(TipReceived tip) {
		if (tip.callerPhone() != null && !tip.callerPhone().isBlank()) {
			return tip.callerPhone();
		}
		if (tip.reporter() != null && tip.reporter().contact() != null) {
			return tip.reporter().contact().phone();
		}
		return null;
	}
}
