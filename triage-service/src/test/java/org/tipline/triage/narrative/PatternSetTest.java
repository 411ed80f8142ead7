package org.tipline.triage.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatternSetTest {

	/** One of each construct the rules use, and a few the literal reading has to give up on. */
	private static final List<Pattern> PATTERNS = List.of(
			Pattern.compile("\\b(?:guns?|knife|knives|armed|cuchillo)\\b"),
			Pattern.compile(
					"(?<![\\d$])(?:\\+?1[\\s.-]?)?\\(?([2-9]\\d{2})\\)?[\\s.-]?(\\d{3})[\\s.-]?(\\d{4})(?!\\d)"),
			Pattern.compile("\\b(?:no|not|never|sin)\\b(?:\\s+\\S+){0,3}\\s*$|n't(?:\\s+\\S+){0,3}\\s*$"),
			Pattern.compile("\\b(1[0-7]|[1-9]|fifteen)\\s*(?:-|\\s)?\\s*(?:yo|years?[ -]old|anos)\\b"),
			Pattern.compile("\\blocked\\b[^.;]{0,30}\\b(?:inside|in|up)\\b|\\bwon'?t let (?:her|him) out\\b"),
			Pattern.compile("\\b(?:in|near)\\s+(?:the\\s+)?(?:[1-9]|1[0-2])(?:st|nd|rd|th)\\s+grade\\b"),
			Pattern.compile("(?:motel|hotel)[\\s\\S]{0,40}?\\bmake (?:quota|\\$?\\d+)"),
			Pattern.compile("(?<![a-z0-9])['\"“‘]([^'\"“”‘’\\n]{1,20})['\"”’](?![a-z0-9])"),
			Pattern.compile("^\\s*(?:math|class(?:es)?)\\b"),
			Pattern.compile("\\b(?:lol|prank)\\b|\\uD83D\\uDE02"),
			Pattern.compile("\\bmy\\s+((?:best |ex[- ])?[a-z-]+)('s|s')?\\b"),
			Pattern.compile("(a+)\\1"),
			Pattern.compile("(?i)tonight"),
			Pattern.compile("x*"));

	private static final String[] WORDS = { "no", "not", "never", "gun", "guns", "knife", "armed", "locked", "in",
			"up", "won't", "let", "her", "him", "out", "15", "16", "yo", "years", "old", "-", "year-old", "anos", "the",
			"9th", "grade", "near", "motel", "hotel", "make", "$300", "quota", "'", "\"", "“", "”", "math", "class",
			"lol", "😂", "my", "best", "friend's", "ex-boss", "(312)", "555-0142", "312.555.0142", "+1", "aaaa",
			"Tonight", "TONIGHT", "sin", "cuchillo", ".", ";", "\n", "\t", "  ", "isn't", "ahí", "niña" };

	@Test
	void findsWhatTheMatcherFindsInEveryText() {
		PatternSet set = PatternSet.of(PATTERNS.toArray(Pattern[]::new));
		Random random = new Random(42);
		for (int n = 0; n < 5_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int w = random.nextInt(40); w > 0; w--) {
				text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
			}
			PatternSet.Scan scan = set.scan(text.toString());
			for (Pattern pattern : PATTERNS) {
				assertThat(found(scan.matches(pattern))).as("%s in [%s]", pattern, text)
					.isEqualTo(found(pattern.matcher(text)));
				String part = text.substring(0, text.length() / 2);
				assertThat(scan.find(pattern, part)).as("%s in part [%s]", pattern, part)
					.isEqualTo(pattern.matcher(part).find());
			}
		}
	}

	@Test
	void aPatternIsNotTriedOnATextWithoutItsLiterals() {
		Pattern weapon = PATTERNS.get(0);
		PatternSet set = PatternSet.of(weapon);

		assertThat(set.scan("she says he keeps her papers").mayMatch(weapon)).isFalse();
		assertThat(set.scan("he showed a gun").mayMatch(weapon)).isTrue();
		// "gunther" holds the literal without matching: the scan says it may match, the matcher says it does not
		assertThat(set.scan("a man named gunther").find(weapon)).isFalse();
	}

	@Test
	void aPatternBeyondTheReadingIsAlwaysTried() {
		Pattern backReference = PATTERNS.get(11);
		Pattern caseless = PATTERNS.get(12);
		PatternSet set = PatternSet.of(backReference, caseless);

		assertThat(set.scan("nothing here").mayMatch(backReference)).isTrue();
		assertThat(set.scan("nothing here").mayMatch(caseless)).isTrue();
		assertThat(set.scan("leaving TONIGHT").find(caseless)).isTrue();
	}

	private static List<String> found(Matcher matcher) {
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(describe(matcher.start(), matcher.end(), matcher.toMatchResult()));
		}
		return found;
	}

	private static List<String> found(PatternSet.Matches matches) {
		List<String> found = new ArrayList<>();
		while (matches.find()) {
			found.add(describe(matches.start(), matches.end(), matches));
		}
		return found;
	}

	private static String describe(int start, int end, MatchResult match) {
		StringBuilder described = new StringBuilder().append(start).append('-').append(end);
		for (int group = 1; group <= match.groupCount(); group++) {
			described.append(' ').append(match.start(group)).append(':').append(match.group(group));
		}
		return described.toString();
	}
}
