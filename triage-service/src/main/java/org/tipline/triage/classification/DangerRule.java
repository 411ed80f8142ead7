package org.tipline.triage.classification;

import java.util.List;
import java.util.regex.Pattern;

import org.tipline.triage.narrative.Narrative;
import org.tipline.triage.narrative.PatternSet;

/**
 * Harm or movement expected now or within hours: a weapon present, a threat to kill tied to tonight, being moved
 * tonight, locked in now, a medical emergency, exploitation happening as the reporter writes. Past violence,
 * routine exploitation, "this weekend" and a trafficker who is away are not imminent.
 */
final class DangerRule {

	private static final Pattern NEGATED = Pattern.compile(
			"\\b(?:no|not|any|never|without|sin|ningun|ninguna|nor)\\b(?:\\s+\\S+){0,3}\\s*$|n't(?:\\s+\\S+){0,3}\\s*$");

	private static final Pattern WEAPON = Pattern.compile("\\b(?:guns?|pistols?|handguns?|rifles?|shotguns?|knife|knives"
			+ "|machete|weapons?|armed|pistola|arma|armas|cuchillo|navaja)\\b");

	private static final Pattern KILL = Pattern.compile("\\b(?:kill|killing|murder|you'?re dead|be dead|matar|matarla"
			+ "|matarlo|matarme|mata|matara)\\b");

	/** Within hours: tonight, this evening, in an hour, within the hour, after closing, esta noche. */
	private static final Pattern NEAR_TIME = Pattern.compile("\\b(?:tonight|tonite|this evening|this afternoon|today"
			+ "|in an? (?:hour|hr)|within the hour|in \\d+ (?:minutes|mins)|after (?:we )?clos(?:e|ing)|esta noche"
			+ "|hoy en la noche|hoy|en una hora|al rato|right back)\\b");

	private static final Pattern MOVING = Pattern.compile("\\b(?:moving|taking|driving|pulls? out|leaving|shipping"
			+ "|transporting|released to|release (?:her|him) to|will (?:\\w+ )?(?:take|drive|move|pick|ship|come)"
			+ "|going to (?:take|drive|move)|van a (?:llevar|mover|sacar)|la van a|lo van a|nos van a|la lleva|se la llev"
			+ "|la llevan|viene)\\b");

	private static final Pattern HARM = Pattern.compile("\\b(?:beat|hurt|hit|kill|gon beat|golpear|pegar|mata|matar)\\b");

	private static final Pattern EXPLOITATION = Pattern.compile("\\b(?:see \\d+ guys|\\d+ guys|guys|men|clients?|buyers?"
			+ "|compradora?s?|coming to (?:get|pick up|meet|take) (?:her|him|them|me)"
			+ "|customers?|johns?|dates?|party|parties|fiestas?|quota|hombres|clientes?|make \\d+)\\b");

	private static final Pattern CONFINED = Pattern.compile("\\blocked\\b[^.;]{0,30}\\b(?:inside|in|up|from the outside"
			+ "|outside)\\b|\\block(?:s|ed)? (?:the |her |them |us |me |him )?(?:doors?|room) from the outside\\b"
			+ "|\\b(?:chained|tied up|handcuffed|zip[- ]tied)\\b|\\bwon'?t let (?:em|them|her|him|me|us) out\\b"
			+ "|\\bcan'?t get out\\b|\\bencerrad[oa]s?\\b|\\bencerr(?:o|aron)\\b|\\bcerr(?:o|aron) por fuera\\b"
			+ "|\\bno hay salida\\b|\\bcon llave\\b");

	private static final Pattern MEDICAL = Pattern.compile("\\b(?:unconscious|not breathing|barely responsive"
			+ "|unresponsive|lost consciousness|overdos\\w*|od'?d|seizing|having a seizure|bleeding|heat stroke"
			+ "|heatstroke|passed out|inconsciente|no responde|sangrando|vomitando|no respira|desmay\\w*"
			+ "|no hay agua ni aire|se cayo[^.]{0,30}calor|head injury)\\b");

	/** "right now", "rn", "just", "for the past hour", "20 minutes ago": the reporter is watching it happen. */
	private static final Pattern NOW = Pattern.compile("\\b(?:right now|rn|ahora mismo|ahorita mismo|as we speak"
			+ "|happening now|at this moment|en este momento|can (?:still )?(?:see|hear) (?:them|voices|her|him)"
			+ "|(?:for|over|in) the (?:past|last) (?:hour|\\d+ (?:minutes|mins))|\\d+ (?:minutes|mins) ago"
			+ "|just (?:mouthed|asked|texted|knocked|pulled|took|left|grabbed|dragged|walked|went))\\b");

	private static final Pattern ONGOING = Pattern.compile("\\b(?:men|guys|clients?|customers?|johns?|postin|posting"
			+ "|party|fiesta|fiestas|knock\\w*|let in|goin in|going in|truck to truck|walk\\w*|crying|help|dragg\\w*"
			+ "|pull\\w*|heading|drove off|driving|moving|taking|locked|room number|up there)\\b");

	/** The reporter says the victim is safe or the trafficker away: the soft signs of "now" do not count. */
	private static final Pattern SAFE = Pattern.compile("\\b(?:safe|asleep|at work|out of town|(?:is|he'?s|she'?s"
			+ "|hes|shes|he is|she is|they are|they're) away|i'?m ok|i am ok"
			+ "|is ok|okay for now|ok for now|not in (?:any |immediate |visible )?(?:danger|distress)|no immediate"
			+ "|nothing (?:is )?happening|back at work|estoy bien|a salvo)\\b"
			+ "|(?:does not|doesn'?t|don'?t|do not) (?:believe|think)[^.]{0,60}\\bdanger\\b");

	/** Sentences end at ".", "!", "?" or ";" before a space, or at a line break. */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n");

	private static final PatternSet PATTERNS = PatternSet.of(NEGATED, WEAPON, KILL, NEAR_TIME, MOVING, HARM,
			EXPLOITATION, CONFINED, MEDICAL, NOW, ONGOING, SAFE);

	boolean applies(Narrative narrative, List<String> indicators) {
		String text = narrative.unquoted();
		PatternSet.Scan scan = PATTERNS.scan(text);
		boolean imminent = false;
		if (unnegated(text, scan, WEAPON)) {
			indicators.add("danger:weapon");
			imminent = true;
		}
		if (unnegated(text, scan, CONFINED)) {
			indicators.add("danger:confined");
			imminent = true;
		}
		if (unnegated(text, scan, MEDICAL) && !text.contains("not in immediate medical danger")) {
			indicators.add("danger:medical");
			imminent = true;
		}
		boolean safe = scan.find(SAFE);
		boolean nearTime = scan.mayMatch(NEAR_TIME);
		boolean now = !safe && scan.mayMatch(NOW) && scan.mayMatch(ONGOING);
		if (!nearTime && !now) {
			return imminent;
		}
		String[] sentences = SENTENCE_END.split(text);
		for (String sentence : sentences) {
			if (!scan.find(NEAR_TIME, sentence) || scan.find(SAFE, sentence)) {
				continue;
			}
			if (scan.find(KILL) && !indicators.contains("danger:threat-to-kill")) {
				indicators.add("danger:threat-to-kill");
				imminent = true;
			}
			if (scan.find(MOVING, sentence) && !indicators.contains("danger:moved-soon")) {
				indicators.add("danger:moved-soon");
				imminent = true;
			}
			if ((scan.find(HARM, sentence) || scan.find(EXPLOITATION, sentence)) && !safe
					&& !indicators.contains("danger:harm-within-hours")) {
				indicators.add("danger:harm-within-hours");
				imminent = true;
			}
		}
		if (!safe) {
			for (String sentence : sentences) {
				if (scan.find(NOW, sentence) && scan.find(ONGOING, sentence) && !scan.find(SAFE, sentence)) {
					indicators.add("danger:happening-now");
					imminent = true;
					break;
				}
			}
		}
		return imminent;
	}

	private static boolean unnegated(String text, PatternSet.Scan scan, Pattern pattern) {
		PatternSet.Matches matcher = scan.matches(pattern);
		while (matcher.find()) {
			String before = text.substring(Math.max(0, matcher.start() - 40), matcher.start());
			if (!scan.find(NEGATED, before)) {
				return true;
			}
		}
		return false;
	}
}
