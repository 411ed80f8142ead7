package org.tipline.triage.linking;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.tipline.events.Location;
import org.tipline.triage.narrative.Narrative;

/**
 * The words that say what a report is about, so that two people's accounts of one incident can be compared: the
 * narrative's and the address field's folded words, without the words every text has (English and Spanish
 * function words), without the hotline's own vocabulary ("caller", "report", "law enforcement"), and without the
 * names of the towns the story is kept under. Each word is cut to a rough stem, so "passports" and "passport",
 * "closing" and "close" read alike, and numbers up to twenty are read as digits ("six" and "6"). Only the first
 * terms are kept: a report says first what it is about, and a long call note would otherwise share words with
 * any other by chance.
 */
final class StoryTerms {

	/** Words with fewer letters than this are function words or noise; numbers are kept at any length. */
	private static final int SHORTEST = 3;

	/** Terms kept, in the order the narrative (then the address) gives them. */
	private static final int MOST = 32;

	private static final Set<String> STOP_WORDS = new HashSet<>(Arrays.asList((""
			// English function words, auxiliaries and the commonest verbs and adverbs
			+ "a about above after again against all almost also although always am among an and another any anybody"
			+ " anyone anything are aren't around as at be became because been before being below beside besides"
			+ " between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down"
			+ " during each either else ever every everyone everything few for from further get gets getting got"
			+ " gotten had hadn't has hasn't have haven't having he he'd he'll he's her here hers herself him himself"
			+ " his how however i i'd i'll i'm i've if in into is isn't it it's its itself just let let's many may"
			+ " me might mine more most much must mustn't my myself neither never no nobody none nor not nothing now"
			+ " of off often on once one only onto or other others otherwise our ours ourselves out over own per"
			+ " perhaps quite rather really same several shall she she'd she'll she's should shouldn't since so some"
			+ " somebody someone something sometimes somewhere still such than that that's the their theirs them"
			+ " themselves then there there's these they they'd they'll they're they've thing things this those"
			+ " though through thru till to too toward towards under until up upon us very via was wasn't we we'd"
			+ " we'll we're we've were weren't what what's whatever when whenever where whether which while who"
			+ " who's whoever whole whom whose why will with within without won't would wouldn't yeah yes yet you"
			+ " you'd you'll you're you've your yours yourself yourselves"
			+ " im ive id ill youre theyre thats whats theres dont doesnt didnt isnt wasnt werent cant couldnt"
			+ " wouldnt shouldnt wont hes shes lets ok okay like even maybe probably actually basically"
			+ " go goes going gone went come comes coming came make makes making made take takes taking took taken"
			+ " give gives gave given say says saying said tell tells telling told know knows knew known think"
			+ " thinks thought see sees seeing saw seen want wants wanted seem seems seemed try tried trying"
			// when, said the way every report says it ("tonight" and a time of day stay)
			+ " time times day days week weeks month months year years ago today yesterday lately recently back"
			+ " right minute minutes"
			// Spanish function words and the commonest verbs
			+ " al algo alguien algun alguna algunas alguno algunos ante antes aqui asi aun aunque bien cada como"
			+ " con contra cual cuales cuando de del desde donde el ella ellas ello ellos en entre era eran eres"
			+ " es esa esas ese eso esos esta estaba estaban estamos estan estar estas este esto estos estoy fue"
			+ " fueron ha hace hacen hacer han has hasta hay la las le les lo los mas me mi mis mucho muy nada ni no"
			+ " nos nosotros nuestra nuestro o otra otras otro otros para pero poco por porque pues que quien se sea"
			+ " ser si sido sin sobre solo son su sus tambien tan tanto te tener tengo tiene tienen todo todos tu tus"
			+ " un una unas uno unos usted ustedes va van vez y ya yo dice dicen dijo dijeron sabe dia dias semana"
			+ " semanas mes meses ano anos hoy ayer"
			// the hotline's own vocabulary: every report has it, so it says nothing about which incident
			+ " caller callers call calls called calling report reports reported reporting reporter tip tips hotline"
			+ " law enforcement police information info contact contacted consent number phone text texted texting"
			+ " message messages messaged email emailed please help thank thanks hello hi anonymous llama llamo"
			+ " llamada informacion ayuda favor gracias policia").split(" ")));

	private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("zero", "0"),
			Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
			Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
			Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("thirteen", "13"),
			Map.entry("fourteen", "14"), Map.entry("fifteen", "15"), Map.entry("sixteen", "16"),
			Map.entry("seventeen", "17"), Map.entry("eighteen", "18"), Map.entry("nineteen", "19"),
			Map.entry("twenty", "20"), Map.entry("thousand", "000"), Map.entry("dos", "2"), Map.entry("tres", "3"),
			Map.entry("cuatro", "4"), Map.entry("cinco", "5"), Map.entry("seis", "6"), Map.entry("siete", "7"),
			Map.entry("ocho", "8"), Map.entry("nueve", "9"), Map.entry("diez", "10"), Map.entry("doce", "12"),
			Map.entry("trece", "13"), Map.entry("catorce", "14"), Map.entry("quince", "15"),
			Map.entry("dieciseis", "16"), Map.entry("diecisiete", "17"), Map.entry("dieciocho", "18"),
			Map.entry("diecinueve", "19"), Map.entry("veinte", "20"), Map.entry("mil", "000"));

	private StoryTerms() {
	}

	/** The first terms of a tip's narrative and address, leaving out the words of the towns named. */
	static Set<String> of(Narrative narrative, Location location, Set<String> towns) {
		Set<String> townWords = new HashSet<>();
		towns.forEach((town) -> townWords.addAll(Arrays.asList(town.split(" "))));
		Set<String> terms = new LinkedHashSet<>();
		add(narrative, townWords, terms);
		if (location != null && location.address() != null) {
			add(Narrative.of(location.address()), townWords, terms);
		}
		return terms;
	}

	private static void add(Narrative narrative, Set<String> townWords, Set<String> terms) {
		for (Narrative.Word word : narrative.words()) {
			if (terms.size() == MOST) {
				return;
			}
			String text = word.text();
			if (STOP_WORDS.contains(text) || townWords.contains(text)) {
				continue;
			}
			String term = NUMBER_WORDS.getOrDefault(text, text);
			if (isNumber(term)) {
				terms.add(term);
			}
			else if (term.length() >= SHORTEST) {
				terms.add(stem(term));
			}
		}
	}

	/**
	 * A rough stem, the same for the forms a reworded report is likely to use: "girls" and "girl", "ladies" and
	 * "lady", "worked", "working" and "works", "close" and "closing", "mujeres" and "mujer". It need not be a word.
	 */
	static String stem(String word) {
		String stem = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
		if (stem.length() > 4 && stem.endsWith("ies")) {
			stem = stem.substring(0, stem.length() - 3) + "y";
		}
		else if (stem.length() > 4 && (stem.endsWith("sses") || stem.endsWith("xes") || stem.endsWith("ches")
				|| stem.endsWith("shes"))) {
			stem = stem.substring(0, stem.length() - 2);
		}
		else if (stem.length() > 3 && stem.endsWith("s") && !stem.endsWith("ss") && !stem.endsWith("us")
				&& !stem.endsWith("is")) {
			stem = stem.substring(0, stem.length() - 1);
		}
		if (stem.length() > 5 && stem.endsWith("ing")) {
			stem = undoubled(stem.substring(0, stem.length() - 3));
		}
		else if (stem.length() > 4 && stem.endsWith("ed")) {
			stem = undoubled(stem.substring(0, stem.length() - 2));
		}
		if (stem.length() > 3 && stem.endsWith("e")) {
			stem = stem.substring(0, stem.length() - 1);
		}
		return stem;
	}

	/** "stopp" (from "stopped") to "stop"; "kill", "pass" and "buzz" keep their double letter. */
	private static String undoubled(String stem) {
		int last = stem.length() - 1;
		if (last > 0 && stem.charAt(last) == stem.charAt(last - 1) && "aeioulsz".indexOf(stem.charAt(last)) < 0) {
			return stem.substring(0, last);
		}
		return stem;
	}

	private static boolean isNumber(String term) {
		return !term.isEmpty() && term.chars().allMatch(Character::isDigit);
	}
}
