package org.tipline.triage.classification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.tipline.events.Classification;
import org.tipline.events.ReporterRole;
import org.tipline.events.TipReceived;
import org.tipline.events.TraffickingType;

/**
 * First, keyword and age rules over the narrative in English and Spanish. Each rule that fires is named in the
 * indicators, so an analyst can see why a tip was classified as it was.
 */
public final class TipClassifier {

	public static final String VERSION = "rules-0.1";

	private static final List<Rule> MINOR = List.of(
			rule("minor:stated-age",
					"\\b(?:[1-9]|1[0-7])\\s*(?:yo|y/o|yrs?\\b|years?[ -]old|year-old|-year-old|anos|años)"),
			rule("minor:age-estimate", "\\b(?:looks?|about|maybe|around|aged?)\\s+(?:about\\s+)?(?:[1-9]|1[0-7])\\b(?!\\s*(?:minutes|min|hours|dollars|%))"),
			rule("minor:school-grade", "\\b(?:[5-9]|1[0-2])(?:th|st|nd|rd)\\s+grade\\b|\\bhigh school(?:er)?\\b|\\bmiddle school\\b"),
			rule("minor:word", "\\b(?:underage|under age|minor|minors|teenage|teen|child|children|kid|menor de edad|menores|nina|nino)\\b"),
			rule("minor:spanish-age", "\\btiene\\s+(?:[1-9]|1[0-7])\\s+anos\\b"));

	private static final List<Rule> IMMINENT = List.of(
			rule("danger:weapon", "\\b(?:gun|guns|knife|pistol|rifle|weapon|armed|pistola|arma|cuchillo)\\b"),
			rule("danger:threat-to-kill", "\\b(?:kill|killed|dead tonight|matar|matarla|matarlo)\\b"),
			rule("danger:moved-now", "\\b(?:tonight|right now|this evening|in an hour|esta noche|ahora mismo)\\b"),
			rule("danger:confined", "\\b(?:locked in|locked up|chained|tied up|can't get out|encerrad[ao]s?)\\b"),
			rule("danger:medical", "\\b(?:unconscious|bleeding|overdos\\w*|not breathing|inconsciente|sangrando)\\b"));

	private static final List<Rule> SEX = List.of(
			rule("sex:commercial-sex", "\\b(?:escort\\w*|pimp|daddy|the life|brothel|prostitut\\w*|johns?|dates|clients|sex|sexual|massage parlor|casa de citas|prostitucion)\\b"));

	private static final List<Rule> LABOR = List.of(
			rule("labor:forced-work", "\\b(?:passports?|debt|owe|unpaid|no pay|wages|farm|fields|construction|restaurant|kitchen|factory|crew|pasaportes?|deuda|trabajo|trabajar|sin pago)\\b"));

	private static final List<Rule> CONTROL = List.of(
			rule("trafficking:control", "\\b(?:can't leave|cannot leave|not allowed to leave|won't let|took (?:my|her|his|their) (?:id|phone)|held|trapped|no puede salir|no me deja)\\b"));

	private static final List<Rule> FAMILY = List.of(rule("reporter:family",
			"\\bmy (?:daughter|son|sister|brother|niece|nephew|cousin|mother|father|mom|dad|wife|husband|aunt|uncle|granddaughter|grandson|stepdaughter)\\b|\\bmi (?:hija|hijo|hermana|hermano|sobrina|prima|esposa)\\b"));

	private static final List<Rule> PROFESSIONAL = List.of(rule("reporter:professional",
			"\\b(?:i am|i'm|caller is) an? (?:teacher|nurse|counselor|social worker|case manager|doctor|emt|paramedic|attorney|chaplain|pastor|hotel manager|front desk|inspector)\\b"));

	private static final List<Rule> VICTIM = List.of(rule("reporter:self",
			"\\b(?:help me|i can't leave|they took my|he took my|i owe|i am being|i'm being|ayudame|ayúdame|no me deja)\\b"));

	public Classification classify(TipReceived tip) {
		String text = normalised(tip.narrative());
		List<String> indicators = new ArrayList<>();
		boolean minor = fired(MINOR, text, indicators);
		boolean imminent = fired(IMMINENT, text, indicators);
		boolean sex = fired(SEX, text, indicators);
		boolean labor = fired(LABOR, text, indicators);
		boolean control = fired(CONTROL, text, indicators);
		TraffickingType type = typeOf(sex, labor, control);
		ReporterRole role = (tip.reporter() != null && tip.reporter().role() != null) ? tip.reporter().role()
				: inferredRole(text, indicators);
		return new Classification(minor, imminent, type, role, indicators);
	}

	private static TraffickingType typeOf(boolean sex, boolean labor, boolean control) {
		if (sex && labor) {
			return TraffickingType.BOTH;
		}
		if (sex) {
			return TraffickingType.SEX;
		}
		if (labor) {
			return TraffickingType.LABOR;
		}
		return control ? TraffickingType.UNKNOWN : TraffickingType.NONE;
	}

	private static ReporterRole inferredRole(String text, List<String> indicators) {
		if (fired(FAMILY, text, indicators)) {
			return ReporterRole.FAMILY;
		}
		if (fired(PROFESSIONAL, text, indicators)) {
			return ReporterRole.PROFESSIONAL;
		}
		if (fired(VICTIM, text, indicators)) {
			return ReporterRole.VICTIM;
		}
		return ReporterRole.THIRD_PARTY;
	}

	private static boolean fired(List<Rule> rules, String text, List<String> indicators) {
		boolean any = false;
		for (Rule rule : rules) {
			if (rule.pattern().matcher(text).find()) {
				indicators.add(rule.name());
				any = true;
			}
		}
		return any;
	}

	/** Lower case without accents, so "años" and "anos", "Niña" and "nina" match the same rule. */
	static String normalised(String narrative) {
		String lower = (narrative == null) ? "" : narrative.toLowerCase(Locale.ROOT);
		return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	private static Rule rule(String name, String regex) {
		return new Rule(name, Pattern.compile(normalised(regex)));
	}

	private record Rule(String name, Pattern pattern) {
	}
}
