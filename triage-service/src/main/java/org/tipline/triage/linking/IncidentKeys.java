package org.tipline.triage.linking;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.tipline.events.StateCode;
import org.tipline.events.TipReceived;
import org.tipline.triage.linking.IncidentKey.Kind;
import org.tipline.triage.narrative.Narrative;
import org.tipline.triage.narrative.PatternSet;

/**
 * Reads what two reports of one incident can share: phone numbers, e-mail addresses, plates, street addresses,
 * ad URLs, full names given as names, the narrative's wording, and its story told of a town it names. Each is
 * normalised ("(214) 555-0100" and "+12145550100" alike) and kept only as an HMAC-SHA-256 digest under a secret
 * key, so the index cannot be read back into victims' details without that key.
 */
public final class IncidentKeys {

	/** A narrative shorter than this ("STOP", "test") says nothing about which incident it is. */
	private static final int MIN_NARRATIVE_WORDS = 12;

	private static final int SHINGLE = 3;

	static final int BANDS = 20;

	private static final int ROWS = 3;

	/** A tip naming more towns in its state than this has its story kept under the first ones only. */
	private static final int MOST_STORY_TOWNS = 2;

	private static final Pattern PHONE = Pattern
		.compile("(?<![\\d$])(?:\\+?1[\\s.-]?)?\\(?([2-9]\\d{2})\\)?[\\s.-]?(\\d{3})[\\s.-]?(\\d{4})(?!\\d)");

	private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");

	private static final Pattern URL = Pattern.compile(
			"(?:https?://|www\\.)[^\\s,;)\"']+|\\b[a-z0-9-]+\\.(?:com|net|org|ly|me|io|co|us|xxx)/[^\\s,;)\"']*");

	private static final Pattern PLATE = Pattern.compile(
			"\\b(?:plates?|tags?|placas?|license)\\s*(?:number|no\\.?|#|:)?\\s*(?:is\\s+|es\\s+)?([a-z0-9]{1,4}[ -]?[a-z0-9]{2,5})\\b");

	private static final Pattern STREET_ADDRESS = Pattern.compile("\\b(\\d{1,6})\\s+((?:[nsew]\\.?\\s+)?[a-z0-9]+"
			+ "(?:\\s+[a-z0-9]+)?)\\s+(st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|hwy|highway|way"
			+ "|ct|court|pl|place|pkwy|parkway|cir|circle|ter|terrace)\\b");

	private static final Pattern FULL_NAME = Pattern.compile("(?:\\b(?:named|called|name is|names are|goes by"
			+ "|known as|se llama|llamad[oa]|Mr\\.?|Mrs\\.?|Ms\\.?)\\s+)((?:\\p{Lu}[\\p{L}'-]+\\s+){1,2}\\p{Lu}[\\p{L}'-]+)");

	private static final PatternSet IN_NARRATIVE = PatternSet.of(PHONE, EMAIL, URL, PLATE, STREET_ADDRESS);

	private static final PatternSet NAMES = PatternSet.of(FULL_NAME);

	private final SecretKeySpec secret;

	public IncidentKeys(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("the link-key secret must not be empty");
		}
		this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * The keys of a tip; the address and plate are read together with its state, so "12 Main St" is local, and
	 * the words of its story together with each town it names in that state.
	 */
	public Set<IncidentKey> of(TipReceived tip, Narrative narrative, StateCode state, Set<String> towns) {
		Mac mac = mac();
		Set<IncidentKey> keys = new HashSet<>();
		String text = narrative.folded();
		PatternSet.Scan scan = IN_NARRATIVE.scan(text);
		String where = (state != null) ? state.value() : "";
		for (PatternSet.Matches m = scan.matches(PHONE); m.find();) {
			keys.add(key(mac, Kind.PHONE, m.group(1) + m.group(2) + m.group(3)));
		}
		if (tip.callerPhone() != null) {
			phones(tip.callerPhone(), mac, keys);
		}
		if (tip.reporter() != null && tip.reporter().contact() != null) {
			phones(String.valueOf(tip.reporter().contact().phone()), mac, keys);
			if (tip.reporter().contact().email() != null) {
				keys.add(key(mac, Kind.EMAIL, tip.reporter().contact().email().trim().toLowerCase()));
			}
		}
		for (PatternSet.Matches m = scan.matches(EMAIL); m.find();) {
			keys.add(key(mac, Kind.EMAIL, m.group()));
		}
		for (PatternSet.Matches m = scan.matches(URL); m.find();) {
			keys.add(key(mac, Kind.URL, m.group().replaceFirst("^(?:https?://)?(?:www\\.)?", "").replaceAll("/+$", "")));
		}
		for (PatternSet.Matches m = scan.matches(PLATE); m.find();) {
			String plate = m.group(1).replaceAll("[ -]", "");
			if (plate.length() >= 5 && plate.chars().anyMatch(Character::isDigit)
					&& plate.chars().anyMatch(Character::isLetter)) {
				keys.add(key(mac, Kind.PLATE, plate));
			}
		}
		for (PatternSet.Matches m = scan.matches(STREET_ADDRESS); m.find();) {
			keys.add(key(mac, Kind.ADDRESS, where + "|" + m.group(1) + " " + m.group(2) + " " + suffix(m.group(3))));
		}
		if (tip.location() != null && tip.location().address() != null && !tip.location().address().isBlank()) {
			String address = Narrative.fold(tip.location().address()).replaceAll("[^a-z0-9]+", " ").trim();
			keys.add(key(mac, Kind.ADDRESS, where + "|" + address));
		}
		for (PatternSet.Matches m = NAMES.scan(narrative.original()).matches(FULL_NAME); m.find();) {
			keys.add(key(mac, Kind.NAME, Narrative.fold(m.group(1)).replaceAll("\\s+", " ").trim()));
		}
		narrativeBands(narrative, mac, keys);
		if (state != null) {
			story(tip, narrative, state, towns, mac, keys);
		}
		return keys;
	}

	/**
	 * The story's terms under each town named (at most two): two reports of one incident name the same town and
	 * tell much of the same story, even when no phrase of one is in the other.
	 */
	private void story(TipReceived tip, Narrative narrative, StateCode state, Set<String> towns, Mac mac,
			Set<IncidentKey> keys) {
		if (towns.isEmpty()) {
			return;
		}
		Set<String> terms = StoryTerms.of(narrative, tip.location(), towns);
		towns.stream().sorted().limit(MOST_STORY_TOWNS).forEach((town) -> {
			for (String term : terms) {
				keys.add(key(mac, Kind.STORY, state.value() + "|" + town + "|" + term));
			}
		});
	}

	private void phones(String text, Mac mac, Set<IncidentKey> keys) {
		for (Matcher m = PHONE.matcher(text); m.find();) {
			keys.add(key(mac, Kind.PHONE, m.group(1) + m.group(2) + m.group(3)));
		}
	}

	/**
	 * MinHash of the narrative's three-word shingles, cut into bands: two texts share a band with a probability
	 * that rises steeply with their resemblance, so "shares three bands or more" finds near-duplicates without
	 * keeping the text.
	 */
	private void narrativeBands(Narrative narrative, Mac mac, Set<IncidentKey> keys) {
		List<String> words = new ArrayList<>();
		narrative.words().forEach((word) -> words.add(word.text()));
		if (words.size() < MIN_NARRATIVE_WORDS) {
			return;
		}
		long[] minima = new long[BANDS * ROWS];
		java.util.Arrays.fill(minima, Long.MAX_VALUE);
		for (int i = 0; i + SHINGLE <= words.size(); i++) {
			long shingle = mix(joinedHash(words, i));
			for (int h = 0; h < minima.length; h++) {
				long value = mix(shingle ^ (0x9E3779B97F4A7C15L * (h + 1)));
				if (value < minima[h]) {
					minima[h] = value;
				}
			}
		}
		for (int band = 0; band < BANDS; band++) {
			StringBuilder rows = new StringBuilder().append(band);
			for (int row = 0; row < ROWS; row++) {
				rows.append(':').append(minima[band * ROWS + row]);
			}
			keys.add(key(mac, Kind.NARRATIVE, rows.toString()));
		}
	}

	/**
	 * {@code String.join(" ", words.subList(i, i + SHINGLE)).hashCode()}, from the words' own (cached) hashes
	 * without building the string: the hash of "a b" is that of "a", times 31 for each character after it, plus
	 * that of " b".
	 */
	private static int joinedHash(List<String> words, int i) {
		int hash = 0;
		for (int k = i; k < i + SHINGLE; k++) {
			String word = words.get(k);
			if (k > i) {
				hash = 31 * hash + ' ';
			}
			for (int c = 0; c < word.length(); c++) {
				hash *= 31;
			}
			hash += word.hashCode();
		}
		return hash;
	}

	/** A 64-bit finaliser (SplitMix64) that spreads the bits of a hash. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static String suffix(String suffix) {
		return switch (suffix) {
			case "street" -> "st";
			case "avenue" -> "ave";
			case "road" -> "rd";
			case "boulevard" -> "blvd";
			case "drive" -> "dr";
			case "lane" -> "ln";
			case "highway" -> "hwy";
			case "court" -> "ct";
			case "place" -> "pl";
			case "parkway" -> "pkwy";
			case "circle" -> "cir";
			case "terrace" -> "ter";
			default -> suffix;
		};
	}

	private static IncidentKey key(Mac mac, Kind kind, String value) {
		byte[] digest = mac.doFinal((kind.name() + "|" + value).getBytes(StandardCharsets.UTF_8));
		return new IncidentKey(kind, HexFormat.of().formatHex(digest, 0, 16));
	}

	private Mac mac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}
}
