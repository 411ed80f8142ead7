package org.tipline.triage.jurisdiction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tipline.events.StateCode;
import org.tipline.triage.narrative.Narrative;
import org.tipline.triage.narrative.Narrative.Word;
import org.tipline.triage.jurisdiction.PlaceMention.Kind;
import org.tipline.triage.jurisdiction.PlaceMention.Role;

/**
 * Finds the places a narrative names: ZIP codes, "city, ST", state and county names, nicknames, and city names
 * alone, longest name first ("Kansas City" before "Kansas"). A name that is also an ordinary word ("Mobile",
 * "Mesa"), a street ("Aurora Ave") or a person ("Tyler Smith") is not taken for a place; a small town only
 * where the text puts it after "in", "near", "cerca de".
 */
final class PlaceFinder {

	/** A city this big is known by its name alone; a smaller one needs a word that says it is a place. */
	static final int WELL_KNOWN_POPULATION = 50_000;

	private static final Set<String> STREET_WORDS = Set.of("st", "street", "ave", "avenue", "av", "blvd",
			"boulevard", "rd", "road", "dr", "drive", "hwy", "highway", "pkwy", "parkway", "ln", "lane", "way",
			"cir", "circle", "ct", "court", "park", "river", "creek", "lake", "mall", "plaza", "bridge", "expressway",
			"fwy", "freeway", "pike", "trail", "terrace", "industrial", "club", "county", "parish", "plates", "plate",
			"tags", "high", "school", "university", "college", "hospital", "apartments");

	/** Abbreviations that end in a period inside a place name: "St. Louis", "Ft. Worth". */
	private static final Set<String> ABBREVIATIONS = Set.of("st", "ste", "ft", "mt", "n", "s", "e", "w");

	/** Months and weekdays are capitalised and follow "in" or "on", and some are towns: never a place here. */
	private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june",
			"july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
			"thursday", "friday", "saturday", "sunday", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
			"agosto", "septiembre", "octubre", "noviembre", "diciembre", "lunes", "martes", "miercoles", "jueves",
			"viernes", "sabado", "domingo", "christmas", "easter");

	private static final Set<String> PLACE_CUES = Set.of("in", "near", "outside", "around", "en", "from", "to",
			"desde", "between", "into", "toward", "towards", "of", "at");

	private static final Set<String> PERSON_CUES = Set.of("named", "called", "mr", "mrs", "ms", "dr", "my", "his",
			"her", "their", "guy", "man", "woman", "boy", "girl", "llamado", "llamada", "senor", "senora", "don",
			"dona");

	/** Two-letter codes that are also words: taken as states only right after a place or in capitals. */
	private static final Set<String> WORDLIKE_CODES = Set.of("in", "me", "or", "oh", "ok", "hi", "as", "id", "de",
			"la", "co", "al", "pa", "ma", "mi", "mo", "ga", "ne", "wa", "va", "md", "mt", "ar", "ky", "ct", "sd");

	private static final Set<String> NOT_ZIP = Set.of("dollars", "usd", "pesos", "miles", "mi", "km", "lbs",
			"people", "workers", "men", "women", "views", "followers", "times");

	private static final Pattern DESTINATION = Pattern.compile("\\b(?:taking|take|takes|driving|drive|drives"
			+ "|moving|move|moves|sending|send|sends|bringing|bring|heading|head|leaving|leave|leaves|going|go|goes"
			+ "|shipping|ship|pulls out|flying|fly|transferring|transfer|llevar|llevan|lleva|llevaran|mover|mueven"
			+ "|mandar|mandan|van)\\b[^.;!?]{0,50}\\b(?:to|for|toward|towards|into|a|al|hacia|para)\\s+(?:\\S+\\s+){0,5}$");

	private static final Pattern ORIGIN = Pattern.compile(
			"(?:\\b(?:from|left)\\s+(?:\\S+\\s+){0,4}|\\b(?:trajo|trajeron|traido|traida|vino|vinieron|llego"
					+ "|llegaron|vengo|venimos|soy|somos|salio|salieron)\\b[^.;!?]{0,30}\\bde\\s+(?:\\S+\\s+){0,2})$");

	private static final Pattern MESSAGED_FROM = Pattern.compile(
			"\\b(?:text|call|writ|messag|email|phon)\\w*\\b[^.;!?]{0,30}\\bfrom\\s+(?:\\S+\\s+){0,4}$");

	private static final Pattern REPORTER_HERE = Pattern.compile("\\b(?:i'?m|i am|i live|we live|i'?m at home"
			+ "|caller is|caller is at home|i'?m staying|i'?m currently|vivo|estoy)\\b(?:\\s+\\S+){0,3}?\\s+(?:in|en)\\s+$");

	private final Gazetteer gazetteer;

	private final StateTable zips;

	PlaceFinder(Gazetteer gazetteer, StateTable zips) {
		this.gazetteer = gazetteer;
		this.zips = zips;
	}

	/** The places named, and the states that other place names hint at (for settling an ambiguous one). */
	record Found(List<PlaceMention> mentions, Map<StateCode, Double> hints) {
	}

	Found find(Narrative narrative) {
		List<Word> words = narrative.words();
		List<PlaceMention> mentions = new ArrayList<>();
		Map<StateCode, Double> hints = new HashMap<>();
		boolean mixedCase = narrative.mixedCase();
		int i = 0;
		while (i < words.size()) {
			int used = 0;
			for (int n = longestPossibleName(narrative, i); n >= 1 && used == 0; n--) {
				used = match(narrative, i, n, mixedCase, mentions, hints);
			}
			i += Math.max(used, 1);
		}
		return new Found(mentions, hints);
	}

	/**
	 * How many words from i may still be one name: adjacent words, as long as the words so far begin some longer
	 * name. More words than that name nothing, so they need not be tried.
	 */
	private int longestPossibleName(Narrative narrative, int i) {
		List<Word> words = narrative.words();
		int limit = Math.min(gazetteer.longestName(), words.size() - i);
		if (limit == 1 || !gazetteer.startsLongerName(words.get(i).text()) || !adjacent(narrative, i, 2)) {
			return 1;
		}
		int n = 2;
		StringBuilder name = new StringBuilder(words.get(i).text()).append(' ').append(words.get(i + 1).text());
		while (n < limit && gazetteer.startsLongerName(name.toString()) && adjacent(narrative, i + n - 1, 2)) {
			name.append(' ').append(words.get(i + n).text());
			n++;
		}
		return n;
	}

	/** Tries the n words at i as one name; answers how many words it used, 0 if none. */
	private int match(Narrative narrative, int i, int n, boolean mixedCase, List<PlaceMention> mentions,
			Map<StateCode, Double> hints) {
		List<Word> words = narrative.words();
		if (!adjacent(narrative, i, n)) {
			return 0;
		}
		String name = name(words, i, n);
		Word first = words.get(i);
		if (n == 1 && first.text().length() == 5 && first.text().chars().allMatch(Character::isDigit)) {
			return zip(narrative, i, mentions);
		}
		StateCode stateNamed = gazetteer.stateNamed(name);
		List<Gazetteer.Place> places = gazetteer.places(name);
		if (!places.isEmpty()) {
			int withState = placeWithState(narrative, i, n, places, mentions);
			if (withState > 0) {
				return withState;
			}
		}
		if (stateNamed != null) {
			if (!followedBy(words, i + n, "plates", "plate", "tags", "placas")) {
				mentions.add(mention(Map.of(stateNamed, 0), Kind.REGION, narrative, i, n));
			}
			return n;
		}
		StateCode nickname = gazetteer.nicknamed(name);
		if (nickname != null && !followedBy(words, i + n, STREET_WORDS)) {
			mentions.add(mention(Map.of(nickname, 0), Kind.REGION, narrative, i, n));
			return n;
		}
		Set<StateCode> counties = gazetteer.counties(name);
		if (!counties.isEmpty() && followedBy(words, i + n, "county", "parish", "borough")) {
			Map<StateCode, Integer> candidates = new LinkedHashMap<>();
			counties.forEach((state) -> candidates.put(state, 0));
			mentions.add(mention(candidates, Kind.REGION, narrative, i, n));
			return n + 1;
		}
		if (n == 1 && first.allCaps() && mixedCase && StateCode.isValid(first.text().toUpperCase())
				&& !WORDLIKE_CODES.contains(first.text())) {
			mentions.add(mention(Map.of(StateCode.of(first.text().toUpperCase()), 0), Kind.REGION, narrative, i, 1));
			return 1;
		}
		if (n == 1 && first.text().length() == 2 && StateCode.isValid(first.text().toUpperCase())
				&& !WORDLIKE_CODES.contains(first.text()) && precededBy(words, i, "in", "en")) {
			mentions.add(mention(Map.of(StateCode.of(first.text().toUpperCase()), 0), Kind.REGION, narrative, i, 1));
			return 1;
		}
		if (!places.isEmpty()) {
			return bare(narrative, i, n, places, mixedCase, mentions, hints);
		}
		if (name.length() >= 5) {
			hint(counties, hints);
		}
		return 0;
	}

	/** A name that is no mention still says a little for each state that has it: "over the Kennebec". */
	private static void hint(Set<StateCode> states, Map<StateCode, Double> hints) {
		states.forEach((state) -> hints.merge(state, 0.5 / states.size(), Double::sum));
	}

	private int zip(Narrative narrative, int i, List<PlaceMention> mentions) {
		Word word = narrative.words().get(i);
		boolean money = word.start() > 0 && narrative.folded().charAt(word.start() - 1) == '$';
		boolean grouped = word.start() > 0 && narrative.folded().charAt(word.start() - 1) == ',';
		if (money || grouped || followedBy(narrative.words(), i + 1, NOT_ZIP)) {
			return 0;
		}
		return zips.stateOf(word.text()).map((state) -> {
			mentions.add(mention(Map.of(state, 0), Kind.EXPLICIT, narrative, i, 1));
			return 1;
		}).orElse(0);
	}

	/** "Dothan, Alabama", "Newark DE", "jackson ms": the place, then its state. */
	private int placeWithState(Narrative narrative, int i, int n, List<Gazetteer.Place> places,
			List<PlaceMention> mentions) {
		List<Word> words = narrative.words();
		int next = i + n;
		if (next >= words.size()) {
			return 0;
		}
		for (int m = Math.min(4, words.size() - next); m >= 1; m--) {
			if (!adjacent(narrative, next, m) || !closeAfter(narrative, next - 1, next)) {
				continue;
			}
			String following = name(words, next, m);
			StateCode state = gazetteer.stateNamed(following);
			if (state == null && m == 1 && following.length() == 2 && StateCode.isValid(following.toUpperCase())) {
				state = StateCode.of(following.toUpperCase());
			}
			if (state == null && "washington".equals(following)) {
				state = StateCode.of("WA");
			}
			StateCode named = state;
			if (named != null && places.stream().anyMatch((place) -> place.state().equals(named))) {
				mentions.add(mention(Map.of(named, 0), Kind.EXPLICIT, narrative, i, n));
				return n + m;
			}
		}
		return 0;
	}

	/** A place name alone: a well-known city, or a smaller place after a word that says it is one. */
	private int bare(Narrative narrative, int i, int n, List<Gazetteer.Place> places, boolean mixedCase,
			List<PlaceMention> mentions, Map<StateCode, Double> hints) {
		List<Word> words = narrative.words();
		Word first = words.get(i);
		String name = name(words, i, n);
		boolean common = places.stream().anyMatch(Gazetteer.Place::commonWord);
		boolean capitalized = first.capitalized() || !mixedCase;
		boolean cued = precededBy(words, i, PLACE_CUES) || (i >= 2 && "cerca".equals(words.get(i - 2).text())
				&& "de".equals(words.get(i - 1).text()));
		int population = places.stream().mapToInt(Gazetteer.Place::population).max().orElse(0);
		boolean street = followedBy(words, i + n, STREET_WORDS) || precededBy(words, i, "calle", "avenida", "on");
		boolean person = precededBy(words, i, PERSON_CUES)
				|| (mixedCase && i + n < words.size() && words.get(i + n).capitalized()
						&& !gazetteer.isPlace(words.get(i + n).text())
						&& gazetteer.stateNamed(words.get(i + n).text()) == null && adjacent(narrative, i, n + 1));
		if (street || person || !capitalized || name.length() < 4 || CALENDAR.contains(name)) {
			return 0;
		}
		boolean plainlyAPlace = cued && ((first.capitalized() && mixedCase)
				|| (!mixedCase && population >= 10_000 && endsClause(narrative, i + n - 1)));
		if (common && !plainlyAPlace) {
			return 0;
		}
		Kind kind;
		if (population >= WELL_KNOWN_POPULATION) {
			kind = Kind.WELL_KNOWN_PLACE;
		}
		else if (cued) {
			kind = Kind.PLACE;
		}
		else {
			if (!common) {
				hint(places.stream().map(Gazetteer.Place::state).collect(Collectors.toSet()), hints);
				hint(gazetteer.counties(name), hints);
			}
			return 0;
		}
		Map<StateCode, Integer> candidates = new LinkedHashMap<>();
		boolean anyKnown = population > 0;
		for (Gazetteer.Place place : places) {
			if (!anyKnown || place.population() > 0) {
				candidates.merge(place.state(), place.population(), Math::max);
			}
		}
		mentions.add(mention(candidates, kind, narrative, i, n));
		return n;
	}

	private PlaceMention mention(Map<StateCode, Integer> candidates, Kind kind, Narrative narrative, int i,
			int n) {
		return new PlaceMention(Map.copyOf(candidates), kind, roleOf(narrative, i), i,
				name(narrative.words(), i, n));
	}

	/** What part a place plays, read from the words of its clause before it. */
	private static Role roleOf(Narrative narrative, int i) {
		Word word = narrative.words().get(i);
		String folded = narrative.folded();
		int from = Math.max(0, word.start() - 80);
		int clause = Math.max(Math.max(folded.lastIndexOf('.', word.start() - 1), folded.lastIndexOf('!', word.start() - 1)),
				folded.lastIndexOf('?', word.start() - 1));
		String before = folded.substring(Math.max(from, clause + 1), word.start());
		if (DESTINATION.matcher(before).find()) {
			return Role.DESTINATION;
		}
		if (ORIGIN.matcher(before).find() && !MESSAGED_FROM.matcher(before).find()) {
			return Role.ORIGIN;
		}
		if (REPORTER_HERE.matcher(before).find()) {
			return Role.REPORTER;
		}
		return Role.HERE;
	}

	/** "here in augusta." : nothing follows the word in its clause, so it is not "in mobile homes". */
	private static boolean endsClause(Narrative narrative, int last) {
		String rest = narrative.folded().substring(narrative.words().get(last).end()).stripLeading();
		return rest.isEmpty() || ".,;!?)".indexOf(rest.charAt(0)) >= 0;
	}

	private static String name(List<Word> words, int i, int n) {
		if (n == 1) {
			return words.get(i).text();
		}
		StringBuilder name = new StringBuilder(words.get(i).text());
		for (int k = i + 1; k < i + n; k++) {
			name.append(' ').append(words.get(k).text());
		}
		return name.toString();
	}

	/** The n words at i stand together, separated by nothing but spaces, hyphens or periods. */
	private static boolean adjacent(Narrative narrative, int i, int n) {
		List<Word> words = narrative.words();
		if (i + n > words.size()) {
			return false;
		}
		String folded = narrative.folded();
		for (int k = i + 1; k < i + n; k++) {
			int from = words.get(k - 1).end();
			int to = words.get(k).start();
			boolean abbreviation = to - from == 2 && folded.charAt(from) == '.' && folded.charAt(from + 1) == ' '
					&& ABBREVIATIONS.contains(words.get(k - 1).text());
			if (!abbreviation && !spacesOrHyphens(folded, from, to)) {
				return false;
			}
		}
		return true;
	}

	private static boolean spacesOrHyphens(String text, int from, int to) {
		for (int c = from; c < to; c++) {
			if (text.charAt(c) != ' ' && text.charAt(c) != '-') {
				return false;
			}
		}
		return true;
	}

	/** A state follows its place after a space or a comma, as in "Dothan, Alabama" or "Newark DE". */
	private static boolean closeAfter(Narrative narrative, int previous, int next) {
		String between = narrative.folded()
			.substring(narrative.words().get(previous).end(), narrative.words().get(next).start())
			.trim();
		return between.isEmpty() || between.equals(",") || between.equals("(");
	}

	private static boolean precededBy(List<Word> words, int i, String... cues) {
		return precededBy(words, i, Set.of(cues));
	}

	private static boolean precededBy(List<Word> words, int i, Set<String> cues) {
		return i > 0 && cues.contains(words.get(i - 1).text());
	}

	private static boolean followedBy(List<Word> words, int next, String... cues) {
		return followedBy(words, next, Set.of(cues));
	}

	private static boolean followedBy(List<Word> words, int next, Set<String> cues) {
		return next < words.size() && cues.contains(words.get(next).text());
	}
}
