package org.tipline.triage.classification;

import java.util.List;
import java.util.regex.Pattern;

import org.tipline.events.ReporterRole;
import org.tipline.triage.narrative.Narrative;
import org.tipline.triage.narrative.PatternSet;

/**
 * Who is writing, when the adapter did not say: someone who will not say who they are, a professional reporting
 * from their job, the person being exploited, a relative of the person the tip is about, or anyone else.
 */
final class ReporterRule {

	private static final Pattern ANONYMOUS = Pattern.compile("\\b(?:(?:rather|prefer) not (?:to )?say who"
			+ "|not (?:going to|gonna) say who|won'?t say who|dont ask who|don'?t ask who|keep my identity"
			+ "|(?:would not|wouldn'?t|will not|refuses? to|refused to|declined to) (?:say|give|tell|share) (?:who|her name or"
			+ "|his name or|how)|(?:would not|wouldn'?t) say who|no quiero decir quien|no voy a decir quien)\\b");

	private static final String PROFESSIONS = "(?:teacher|counselor|counsellor|nurse|social worker|case ?manager"
			+ "|caseworker|case worker|outreach worker|interpreter|translator|attorney|lawyer|public defender"
			+ "|probation officer|parole officer|chaplain|pastor|priest|minister|rabbi|imam|doctor|physician|emt"
			+ "|paramedic|principal|school (?:counselor|nurse|social worker|teacher|psychologist|principal|staff)|coach"
			+ "|bus driver|(?:hotel|motel|casino) (?:manager|clerk|owner|staff|employee|security|housekeeper)"
			+ "|front desk|night auditor"
			+ "|housekeeping supervisor|inspector|researcher|recruiter|advocate|therapist|psychologist|pediatrician"
			+ "|midwife|clinician|maestra|maestro|enfermera|enfermero|trabajadora social|abogad[oa]|medic[oa])";

	private static final Pattern PROFESSIONAL = Pattern.compile("\\b(?:(?:i'?m|i am|caller is|caller identifies (?:herself"
			+ "|himself|themselves) as|this is|soy|la que llama es|el que llama es)\\s+(?:a|an|the|una?|la|el)\\b"
			+ "|i work as|i serve as|works as|this is [^.,]{1,20},)[^.]{0,40}?\\b" + PROFESSIONS + "\\b|\\b" + PROFESSIONS + "\\b(?:\\.|,)?\\s+(?:one of )?my (?:students?|patients?|clients?)"
			+ "|\\bi teach\\b|\\bi supervise\\b[^.]{0,60}\\bprobation\\b|\\bmy (?:patient|client)s?\\b(?! (?:is|was) my)");

	private static final Pattern SELF = Pattern.compile("\\b(?:(?:hit|hits|beat|beats|took|takes|keeps|holds|made"
			+ "|makes|forces|forced|sells|sold|posts|posted|pimps|threatens|threatened|locked|advertising|got) me\\b"
			+ "|(?:took|takes|keeps|has|holds|keep|hold) my (?:id|phone|passport|papers|documents|pay|money|license)"
			+ "|i owe|im owe|i'?m being|i am being|i was trafficked|i can'?t leave|i cannot leave|my (?:boss|pimp"
			+ "|trafficker)|my ex\\b|(?:using|uses|used) my (?:photos|pictures|name)|i lost my (?:job|home|apartment)"
			+ "|about to (?:get|be) evicted|we are \\d+|we work|we sleep|our (?:passports|pay|boss|papers)"
			+ "|me (?:tiene|tienen|obliga|obligan|trajeron|trajo|dejo|venden|cobra|descuenta|enseno|debe|quito)"
			+ "|nos (?:paga|pagan|tiene|tienen|cobra|obliga|encerro|cerraron|trajeron|mueven|venden|quita)"
			+ "|somos \\d+|somos de|estamos|ayudenme|ayudame|tengo \\d+|(?:el hombre|la mujer|el senor|la senora"
			+ "|el trabajador|la trabajadora) que llama (?:dice que )?trabaja|un trabajador llama)");

	private static final String RELATIVES = "(?:(?:lil|little|big|older|younger|baby|twin|half|step)[ -]?)?(?:daughter"
			+ "|son|sister|sis|brother|bro|niece|nephew|cousin|mother|mom|mum|father|dad|wife|husband|aunt|uncle"
			+ "|granddaughter|grandson|grandchild|grandmother|grandfather|grandma|grandpa|stepdaughter|stepson"
			+ "|sister-in-law|brother-in-law|daughter-in-law|son-in-law|mother-in-law|father-in-law|child|kid|kids"
			+ "|children|hija|hijo|hermana|hermano|sobrina|sobrino|prima|primo|nieta|nieto|esposa|esposo|tia|tio"
			+ "|madre|padre|mama|papa|cunada|cunado|suegra|suegro)";

	/** The first person the writer calls "my ...": a relative, or someone else. */
	private static final Pattern MY_PERSON = Pattern.compile("\\b(?:my|mi|mis)\\s+((?:best |former |old |ex[- ]|lil |little |big "
			+ "|older |younger |baby )?[a-z-]+)('s|s')?\\b");

	private static final Pattern RELATIVE = Pattern.compile("^" + RELATIVES + "$");

	private static final Pattern CALLER_RELATIVE = Pattern.compile("\\b(?:caller is the|i am the|i'?m the|caller'?s"
			+ "|llamo por mi|la senora[^.]{0,40}su (?:hija|hijo|sobrina|sobrino)|su (?:hija|hijo))\\b[^.]{0,20}?\\b"
			+ RELATIVES + "\\b");

	private static final Pattern NOT_A_PERSON = Pattern.compile("^(?:phone|id|car|house|home|apartment|job|work|name"
			+ "|location|number|address|papers|documents|passport|pay|money|own|life|way|time|family|kids'|boss"
			+ "|manager|trafficker|pimp|little|big|best|ex|former|old|students?|patients?|clients?|class|classmates?)$");

	/** "best", "former", "lil" before the person: "my best friend" is a friend. */
	private static final Pattern QUALIFIER = Pattern
		.compile("^(?:best|former|old|ex[- ]|lil|little|big|older|younger|baby) ");

	private static final PatternSet PATTERNS = PatternSet.of(ANONYMOUS, PROFESSIONAL, SELF, CALLER_RELATIVE,
			MY_PERSON);

	ReporterRole infer(Narrative narrative, List<String> indicators) {
		String text = narrative.withoutQuotations();
		PatternSet.Scan scan = PATTERNS.scan(text);
		if (scan.find(ANONYMOUS)) {
			indicators.add("reporter:anonymous");
			return ReporterRole.ANONYMOUS;
		}
		if (scan.find(PROFESSIONAL)) {
			indicators.add("reporter:professional");
			return ReporterRole.PROFESSIONAL;
		}
		if (scan.find(SELF)) {
			indicators.add("reporter:self");
			return ReporterRole.VICTIM;
		}
		if (scan.find(CALLER_RELATIVE) || firstPersonIsRelative(scan)) {
			indicators.add("reporter:family");
			return ReporterRole.FAMILY;
		}
		return ReporterRole.THIRD_PARTY;
	}

	private static boolean firstPersonIsRelative(PatternSet.Scan scan) {
		PatternSet.Matches matcher = scan.matches(MY_PERSON);
		while (matcher.find()) {
			String person = QUALIFIER.matcher(matcher.group(1)).replaceFirst("");
			if (NOT_A_PERSON.matcher(person).matches()) {
				continue;
			}
			// "my daughter's friend": the tip is about the friend, who is no relative of the writer.
			boolean possessive = matcher.group(2) != null;
			return !possessive && RELATIVE.matcher(person).matches();
		}
		return false;
	}
}
