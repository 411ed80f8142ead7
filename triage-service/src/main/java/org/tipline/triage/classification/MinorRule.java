package org.tipline.triage.classification;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tipline.triage.narrative.Narrative;
import org.tipline.triage.narrative.PatternSet;

/**
 * Is a possible victim under 18 now? A number is an age only where the words around it make it one ("16yo",
 * "she is 15", "tiene 15 años", "looks about 14", "(13)", "ages 12 and 14"); "15 minutes", "room 216", "$17 an
 * hour" are not. An age in the past ("was 16 when it started") does not count, nor do the reporter's own kids.
 */
final class MinorRule {

	private static final String AGE = "(1[0-7]|[1-9]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)";

	/** Words after a number that make it a count, a time or an amount, never an age. */
	private static final String NOT_AN_AGE_AFTER = "(?!\\s*(?:%|:|\\$|-?\\s*(?:minutes?|mins?|hours?|hrs?|hour|days?|weeks?"
			+ "|months?|years? (?:ago|later)|dollars|bucks|pm|am|p\\.m|a\\.m|percent|people|men|women|guys|girls|boys"
			+ "|workers|others?|of (?:us|them)|times|miles|blocks|cars|floors?|rooms?|doors?|units?|weeks|semanas|horas"
			+ "|minutos|dias|meses|hombres|mujeres|personas|pesos|th|st|nd|rd|to \\d)\\b))";

	/** Words just before a number that put the age in the past or make it something else. */
	private static final Pattern PAST_OR_OTHER_BEFORE = Pattern.compile(
			"(?:\\b(?:was|were|when|since|until|till|from|at age|era|tenia|cuando|desde|hace|room|batch|no|number|apt"
					+ "|unit|suite|hwy|route|rt|interstate|exit|highway|gate|floor|lot|aisle|bus|ref|ticket|grade|page|x)"
					+ "\\s*(?:age\\s*)?|[$#/-])$");

	private static final List<Signal> SIGNALS = List.of(
			new Signal("minor:stated-age", Pattern.compile("\\b" + AGE
					+ "\\s*(?:-|\\s)?\\s*(?:yo|y/o|y\\.o\\.?|yrs?\\.? old|years?[ -]old|year-old|-year-old|anos|ano|anitos)\\b")),
			new Signal("minor:stated-age", Pattern.compile("\\b(?:ages?|aged|edad de|age of)\\s*:?\\s*" + AGE + "\\b"
					+ NOT_AN_AGE_AFTER)),
			new Signal("minor:stated-age", Pattern.compile("\\b(?:i'?m|im|i am|she'?s|shes|he'?s|hes|she is|he is|is|tiene"
					+ "|tengo|cumple|cumplio|turned|turns|turning|just turned)\\s+(?:only |just |about |like |maybe )?"
					+ AGE + "\\b" + NOT_AN_AGE_AFTER)),
			new Signal("minor:stated-age", Pattern.compile("\\(\\s*" + AGE + "\\s*\\)")),
			new Signal("minor:stated-age", Pattern.compile("\\b(?:sis|sister|brother|bro|daughter|son|niece|nephew"
					+ "|cousin|girl|boy|kid|child|children|kids|hija|hijo|sobrina|sobrino|prima|primo|nina|nino|chica"
					+ "|chico|ninos|ninas|students?)\\b,?\\s+(?:ages?\\s+)?" + AGE + "\\b" + NOT_AN_AGE_AFTER)),
			new Signal("minor:estimated-age", Pattern.compile("\\b(?:looks?|looking|look like|looked|appears?|seems?"
					+ "|estimated?|estimates|parece|parecen|aparenta|aparentan)\\s+(?:to be\\s+|like\\s+|at\\s+|de\\s+)?"
					+ "(?:about\\s+|around\\s+|maybe\\s+|like\\s+|unos\\s+|como\\s+)?" + AGE + "\\b" + NOT_AN_AGE_AFTER)),
			new Signal("minor:estimated-age", Pattern.compile("\\b(?:girl|boy|kid|child|children|kids|teen|nina|nino"
					+ "|chica|chico|ninos|ninas|daughter|son)\\b[^.;]{0,25}\\b(?:about|around|maybe|approximately|roughly"
					+ "|between about|between)\\s+" + AGE + "\\b" + NOT_AN_AGE_AFTER)),
			new Signal("minor:school-grade", Pattern.compile("\\b(?:in|is in|en)\\s+(?:the\\s+)?(?:[1-9]|1[0-2])(?:st|nd|rd|th)\\s+grade\\b"
					+ "|\\b(?:[1-9]|1[0-2])(?:st|nd|rd|th)[ -]grader?s?\\s+(?:student|girl|boy|kid)s?\\b"
					+ "|\\b(?:[1-9]|1[0-2])(?:st|nd|rd|th)[ -]graders?\\b|\\b(?:high|middle|junior high) ?schoolers?\\b"
					+ "|\\b(?:va|esta) en (?:la )?(?:secundaria|prepa|preparatoria)\\b")),
			new Signal("minor:word", Pattern.compile("\\b(?:underage|under age|under-age|minors?|a minor|juvenile"
					+ "|teenage|teenagers?|teens?|adolescentes?|menor(?:es)? de edad|(?:a|the|this|that) (?:little |young )?"
					+ "(?:child|kid|toddler|baby|infant)|(?:una|la|esta) nina|(?:un|el|este) nino)\\b")));

	/** Words before a mention that make it the reporter's own or their audience, not a victim. */
	private static final Pattern NOT_A_VICTIM_BEFORE = Pattern.compile(
			"(?:\\b(?:our|i have|we have|tengo|tenemos|my own|i was an?|when i was an?|was an?|when she was an?"
					+ "|when he was an?|teach|teaches|i teach)\\s+(?:\\w+\\s+)?)$");

	private static final Pattern NOT_A_VICTIM_AFTER = Pattern
		.compile("^\\s*(?:math|science|english|history|class(?:es)?|teachers?|students|kids)\\b");

	private static final Pattern PAST_AGE = Pattern
		.compile("(?s)^\\s*(?:when|until|back then|at the time|cuando)\\b.*");

	private static final PatternSet PATTERNS = PatternSet.of(Stream
		.concat(SIGNALS.stream().map(Signal::pattern),
				Stream.of(NOT_A_VICTIM_BEFORE, NOT_A_VICTIM_AFTER, PAST_OR_OTHER_BEFORE))
		.toArray(Pattern[]::new));

	private record Signal(String indicator, Pattern pattern) {
	}

	boolean applies(Narrative narrative, List<String> indicators) {
		String text = narrative.folded();
		PatternSet.Scan scan = PATTERNS.scan(text);
		boolean minor = false;
		for (Signal signal : SIGNALS) {
			if (indicators.contains(signal.indicator())) {
				continue;
			}
			PatternSet.Matches matcher = scan.matches(signal.pattern());
			while (matcher.find()) {
				if (counts(text, matcher, scan)) {
					indicators.add(signal.indicator());
					minor = true;
					break;
				}
			}
		}
		return minor;
	}

	private static boolean counts(String text, MatchResult matcher, PatternSet.Scan scan) {
		String before = text.substring(Math.max(0, matcher.start() - 30), matcher.start());
		if (scan.find(NOT_A_VICTIM_BEFORE, before)) {
			return false;
		}
		if (scan.find(NOT_A_VICTIM_AFTER, text.substring(matcher.end()))) {
			return false;
		}
		int number = matcher.groupCount() >= 1 ? matcher.start(1) : -1;
		if (number >= 0) {
			String beforeNumber = text.substring(Math.max(0, number - 20), number);
			if (scan.find(PAST_OR_OTHER_BEFORE, beforeNumber)) {
				return false;
			}
		}
		return !pastAge(text, matcher.end());
	}

	/** "...was 16 when it started, she's 23 now": an age followed by a grown-up age of now is in the past. */
	private static boolean pastAge(String text, int end) {
		String after = text.substring(end, Math.min(text.length(), end + 25));
		return PAST_AGE.matcher(after).matches();
	}
}
