package org.tipline.triage.narrative;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tip's narrative read once for every rule: folded to lower case without accents (so "años" and "anos",
 * "Niña" and "nina" read alike) and cut into words that remember where they stand and how they were written.
 * The folded text keeps the original's length, so an offset in one is an offset in the other.
 */
public final class Narrative {

	private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:['’][a-z]+)?");

	/** A quoted passage: quote marks that are not an apostrophe inside a word. */
	private static final Pattern QUOTED = Pattern
		.compile("(?<![a-z0-9])['\"“‘]([^'\"“”‘’\n]{1,120})['\"”’](?![a-z0-9])");

	/** Most narratives quote nothing, and are then their own unquoted text. */
	private static final PatternSet QUOTATIONS = PatternSet.of(QUOTED);

	private final String original;

	private final String folded;

	private final List<Word> words;

	/** Read on first use, once for every rule that wants them. */
	private String unquoted;

	private String withoutQuotations;

	private Narrative(String original) {
		this.original = original;
		this.folded = fold(original);
		this.words = wordsOf(original, folded);
	}

	public static Narrative of(String text) {
		return new Narrative((text == null) ? "" : text);
	}

	public String original() {
		return original;
	}

	public String folded() {
		return folded;
	}

	public List<Word> words() {
		return words;
	}

	/** The folded text with quote marks taken out, so "'go with' customers" reads as "go with customers". */
	public String unquoted() {
		if (unquoted == null) {
			unquoted = replaceQuotations(true);
		}
		return unquoted;
	}

	/** The folded text without what it quotes, so a victim's quoted plea is not read as the writer's own words. */
	public String withoutQuotations() {
		if (withoutQuotations == null) {
			withoutQuotations = replaceQuotations(false);
		}
		return withoutQuotations;
	}

	/** Each quoted passage by what it quotes, or by a space: {@code replaceAll("$1")} or {@code replaceAll(" ")}. */
	private String replaceQuotations(boolean keepQuoted) {
		PatternSet.Matches quotation = QUOTATIONS.scan(folded).matches(QUOTED);
		if (!quotation.find()) {
			return folded;
		}
		StringBuilder replaced = new StringBuilder(folded.length());
		int copied = 0;
		do {
			replaced.append(folded, copied, quotation.start()).append(keepQuoted ? quotation.group(1) : " ");
			copied = quotation.end();
		}
		while (quotation.find());
		return replaced.append(folded, copied, folded.length()).toString();
	}

	/**
	 * True when the writer uses capitals as capitals: the text starts with one, or two words or more are
	 * capitalised. A text typed in lower case with one "I-70" in it says nothing by its capitals.
	 */
	public boolean mixedCase() {
		int firstLetter = 0;
		while (firstLetter < original.length() && !Character.isLetter(original.charAt(firstLetter))) {
			firstLetter++;
		}
		if (firstLetter < original.length() && Character.isUpperCase(original.charAt(firstLetter))
				&& words.stream().anyMatch((word) -> !word.allCaps())) {
			return true;
		}
		return words.stream().filter((word) -> word.capitalized() && !word.allCaps()).limit(2).count() == 2;
	}

	/**
	 * Lower case without accents, one char for one char so offsets survive: a letter whose accent is stripped
	 * stays one letter, and anything that would change the length is kept as it was.
	 */
	public static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 128) {
				folded.append(Character.toLowerCase(c));
				continue;
			}
			String stripped = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "")
				.toLowerCase(Locale.ROOT);
			folded.append((stripped.length() == 1) ? stripped.charAt(0) : Character.toLowerCase(c));
		}
		return folded.toString();
	}

	private static List<Word> wordsOf(String original, String folded) {
		List<Word> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(folded);
		while (matcher.find()) {
			char first = original.charAt(matcher.start());
			boolean allUpper = true;
			for (int i = matcher.start(); i < matcher.end(); i++) {
				allUpper &= !Character.isLowerCase(original.charAt(i));
			}
			words.add(new Word(words.size(), matcher.group().replace('’', '\''), matcher.start(), matcher.end(),
					Character.isUpperCase(first), allUpper && Character.isLetter(first)));
		}
		return Collections.unmodifiableList(words);
	}

	/**
	 * One word: its folded text, where it stands, whether it was written with a capital or all in capitals.
	 */
	public record Word(int index, String text, int start, int end, boolean capitalized, boolean allCaps) {
	}
}
