package org.tipline.triage.classification;

import java.util.List;
import java.util.regex.Pattern;

import org.tipline.events.TraffickingType;
import org.tipline.triage.narrative.Narrative;
import org.tipline.triage.narrative.PatternSet;

/**
 * What kind of exploitation a tip describes. Sex: commercial sex in any of its words. Labor: work in a setting
 * (farm, kitchen, house, plant, street selling, forced drug selling) under coercion (no pay, debt, documents
 * held, threats). Both: a separate work element beside commercial sex. Unknown: control or confinement with no
 * work or sex described. None: nothing of the kind, or the reporter says outright that there is no force.
 */
final class TypeRule {

	private static final Pattern SEX = Pattern.compile("\\b(?:escorts?|escorting|pimp\\w*|padrote|proxeneta|the life"
			+ "|brothel|casa de citas|prostitut\\w*|johns|sex acts?|have sex|sex with|for sex|sex for|sexo|sleep with"
			+ "|acostar\\w* con|estar con (?:los )?hombres|con los hombres|ir con ellos|go with (?:men|customers|clients"
			+ "|his friends)|do dates|date truckers|(?:sets? up|set up|setting up)[^.]{0,30}dates?|'dates'|see \\d+ guys"
			+ "|meet a client|atend\\w* clientes|with customers|(?:men|hombres|guys|johns|friends|amigos)\\b[^.]{0,30}"
			+ "\\b(?:pay|pays|paid|pagan|le pagan|le dan dinero|give him money)\\b|pay (?:him|the man|the dealer|her pimp)"
			+ "|for money|por dinero|(?:motel|hotel)[\\s\\S]{0,150}\\bmake (?:quota|\\$?\\d+)|make (?:quota|\\$?\\d+)"
			+ "[\\s\\S]{0,150}\\b(?:motel|hotel)|working (?:till|until) (?:morning|dawn)|work at a (?:hotel|motel)|on the (?:corner|track"
			+ "|blade)|walk\\w* (?:the )?(?:track|blade|street)|truck to truck|cab doors|(?:several|different|multiple|\\d+"
			+ "|two|three|four|five) (?:different )?men (?:have )?(?:gone up|go up|going up|knock\\w*|come|coming|visit\\w*)"
			+ "|men (?:pick her up|come and go|going in|goin in)|collects? (?:money )?from (?:her|them)|company'"
			+ "|extra service|posts? (?:her|me|them|all three)\\b[^.]{0,20}\\b(?:online|ads?|on)|postin|posting her"
			+ "|puts? her on|sells? her|selling her|sold to men|renting (?:her|him)|nos venden|la (?:estan )?vend\\w*"
			+ "|vendiendo|in exchange for|favors|fichar|lingerie|online ads|escort ads?|trap house|'company'|massage"
			+ "|(?:men|hombres) (?:come|llegan)[^.]{0,30}(?:pay|cobra)|les cobra a los hombres|grown men)\\b");

	private static final Pattern WORK = Pattern.compile("\\b(?:farms?|farmworkers?|fields?|crew|crews|construction"
			+ "|construccion|roofing|landscaping|demolition|restaurant|restaurante|kitchen|cook|cooks|cocin\\w*|dishes"
			+ "|clean|cleans|cleaning|limpia\\w*|housekeep\\w*|housekeeper|nanny|au pair|babysit\\w*|look after their"
			+ "|cuida|caregiv\\w*|caretaker|domestic (?:worker|work|servant|servitude|helper)|domestica|live-in|factory|plants?|planta|processing|warehouse"
			+ "|salon|nail|car wash|store work|behind the counter|door to door|door-to-door|selling (?:candy|meat|magazines)"
			+ "|peddl\\w*|begging|beg|sell (?:pills|drugs)|vender droga|fishing|vessel|boats?|dairy|lecheria|ordenamos"
			+ "|picking|pick|pickers|pizca|harvest|orchards?|tabaco|tobacco|tomatoes|blueberries|mushroom|bakery|bakers"
			+ "|panaderia|carnival|ride operators|racetrack|grooms|sales crew|empacadora|bodega|seafood|crawfish"
			+ "|buffet|teach in|recruited|recruitment|trabaj\\w* de|trabaj\\w* en|trabajando|casa de una familia"
			+ "|serv\\w* drinks|laundry|motel cleaning|cleaning rooms|unpaid)\\b");

	private static final Pattern COERCION = Pattern.compile("\\b(?:passports?|pasaportes?|papeles|visas?|credencial"
			+ "|(?:holds?|keeps?|kept|took|takes|has|have|guard\\w*|tiene) (?:\\w+ )?(?:documents|ids?|licenses|permits?"
			+ "|social security card|snap cards|papers|documentos)|owes?|owed|owing|debt"
			+ "|deuda|debe|debo|unpaid|no pay|not paid|not been paid|never been paid|without pay|for free|sin pago|no (?:le|les|nos|me)"
			+ " (?:pagan|paga|han pagado)|no (?:nos|les|le) paga|no me han pagado|not paid|doesn'?t pay|doesnt pay|paid nothing"
			+ "|takes? (?:most of )?(?:their|his|her|my|our) pay|collects? their paychecks|takes \\$|deducts?|descuenta"
			+ "|cobra|charges?|fee|fees|can'?t quit|cannot quit|not (?:permitted|allowed) to leave|not fed|no food"
			+ "|deport\\w*|immigration|migra|inmigracion|encerr\\w*|se queda con|keeps? (?:all )?(?:the|their|his|her) "
			+ "(?:money|earnings|pay))\\b");

	private static final Pattern CONTROL = Pattern.compile("\\b(?:can'?t leave|cannot leave|not allowed to|isn'?t allowed"
			+ "|won'?t let|don'?t let|let (?:them|her|him) out|held|being held|kept|keeps? (?:her|him|them|my|their) "
			+ "(?:passport|papers|id|phone)|took (?:her|his|my|their|our) (?:passport|papers|id|phone)|they keep my papers"
			+ "|controlled|control|trafficked|trafficking (?:people|them)|sellin ppl|selling people|owes?|debt|deuda|debe"
			+ "|locked|encerr\\w*|cerraron|covered with foil|blacked out|tapadas|never go out|nunca hablan|no salen"
			+ "|dragged her back|note that said|slipped me a note|folded note|no puede irse|no puede salir|works? for him"
			+ "|trabaja para el|can'?t leave|smuggl\\w*|coyote|ransom|no hay agua|help me|pasaporte|passports?|papeles"
			+ "|sleeper|quit talking|mouthed help)\\b");

	/** The reporter says in so many words that there is no force, no exploitation, or that it is not a tip. */
	private static final Pattern NOT_TRAFFICKING = Pattern.compile("\\b(?:can quit|could quit|free to leave|come and go"
			+ "|go home every night|still have (?:all )?(?:my|his|her|their) (?:documents|papers|passport)"
			+ "|has (?:her|his) own documents|tiene sus documentos|puede dejar el trabajo|paid normally|pagaban normal"
			+ "|le pagan normal|gets paid and|no signs? of (?:force|coercion|control|exploitation)"
			+ "|ninguna senal de explotacion|no indication of trafficking|no (?:work|sex)[^.]{0,30}(?:involved|exchange)"
			+ "|nobody is making (?:me|her|him|them)|nadie (?:me|la|lo) obliga|keeps (?:her|his) (?:own )?money"
			+ "|makes her own schedule|hoax|lmao+|lol|prank|jk|congratulations|lottery|claim (?:ur|your) (?:prize|reward)"
			+ "|free iphone|opt out|unsubscribe|wrong number|no one is making money)\\b|\\uD83D\\uDE02");

	private static final Pattern PROMISED = Pattern.compile("\\b(?:promise[sd]?|promesa|prometieron|dijeron que iba"
			+ "|told (?:her|him|them|me) (?:she|he|they|i) would|iba a|offered)\\b[^.]{0,40}$");

	private static final PatternSet PATTERNS = PatternSet.of(NOT_TRAFFICKING, SEX, WORK, COERCION, CONTROL, PROMISED);

	TraffickingType classify(Narrative narrative, List<String> indicators) {
		String text = narrative.unquoted();
		PatternSet.Scan scan = PATTERNS.scan(text);
		if (scan.find(NOT_TRAFFICKING)) {
			indicators.add("none:stated-no-exploitation");
			return TraffickingType.NONE;
		}
		boolean sex = scan.find(SEX);
		boolean work = actualWork(text, scan);
		boolean coercion = scan.find(COERCION);
		boolean labor = work && coercion;
		if (sex) {
			indicators.add("sex:commercial-sex");
		}
		if (labor) {
			indicators.add("labor:forced-work");
		}
		if (sex && labor) {
			return TraffickingType.BOTH;
		}
		if (sex) {
			return TraffickingType.SEX;
		}
		if (labor) {
			return TraffickingType.LABOR;
		}
		if (scan.find(CONTROL)) {
			indicators.add("trafficking:control");
			return TraffickingType.UNKNOWN;
		}
		return TraffickingType.NONE;
	}

	/** Work someone does, not work they were promised ("promised a job in a restaurant"). */
	private static boolean actualWork(String text, PatternSet.Scan scan) {
		PatternSet.Matches matcher = scan.matches(WORK);
		while (matcher.find()) {
			String before = text.substring(Math.max(0, matcher.start() - 60), matcher.start());
			if (!scan.find(PROMISED, before)) {
				return true;
			}
		}
		return false;
	}
}
