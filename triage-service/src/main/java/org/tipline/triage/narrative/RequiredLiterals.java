package org.tipline.triage.narrative;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Literal strings of which every match of a regular expression contains one, and those it starts with, read from
 * the pattern's source: {@code \b(?:escorts?|pimp\w*)\b} gives "escort" and "pimp", {@code in \d+ (?:minutes|mins)}
 * contains "0 minutes" or "0 mins" (digits read as 0) and starts with "in 0". A text holding none of the first
 * cannot match, and a match can start only where one of the second does.
 * <p>
 * The reading is deliberately cautious: whatever it does not understand (flags, back-references, nested classes,
 * an escape it does not know) makes it answer nothing, and the pattern is then tried everywhere. Each construct it
 * does understand only ever widens the answer: zero-width assertions and lookarounds consume nothing and are
 * skipped, a class of more than a few characters or a wildcard ends a literal run, an optional part adds the
 * empty alternative, and a set that would grow too large is cut short or given up.
 */
final class RequiredLiterals {

	/** Larger sets of alternatives than this are given up (a run is cut short, or nothing is said). */
	private static final int MOST = 512;

	/** A character class is spelled out as literals only up to this many characters: {@code ['’]}, {@code [2-9]}. */
	private static final int SMALL_CLASS = 10;

	/** "Every match starts, ends or contains one of these": the set holding only "" says nothing. */
	private static final Set<String> ANYTHING = Set.of("");

	private static final int UNBOUNDED = Integer.MAX_VALUE;

	/** {@code \s} and {@code \d}, each one character once read by {@link #canonical(char)}. */
	private static final Set<String> WHITESPACE = Set.of(" ");

	private static final Set<String> DIGITS = Set.of("0");

	private final String source;

	private int at;

	private RequiredLiterals(String source) {
		this.source = source;
	}

	/**
	 * A character as the literals are written and texts are scanned: every whitespace character ({@code \s}) as a
	 * space and every digit ({@code \d}) as 0, so {@code \s} and {@code \d{3}} stay one literal each instead of
	 * multiplying. A text holding a literal still holds it after both are read this way.
	 */
	static char canonical(char c) {
		if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
			return ' ';
		}
		return (c >= '0' && c <= '9') ? '0' : c;
	}

	/**
	 * What is known of a pattern's matches, in literals written with {@link #canonical(char)}: each match contains
	 * one of {@code contained} and starts with one of {@code starting}; either is empty when nothing is known.
	 */
	record Known(Optional<Set<String>> contained, Optional<Set<String>> starting) {

		static final Known NOTHING = new Known(Optional.empty(), Optional.empty());

	}

	/** What is known of the pattern's matches; nothing when the pattern is beyond this reading. */
	static Known of(Pattern pattern) {
		int unsafeFlags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.COMMENTS | Pattern.LITERAL
				| Pattern.CANON_EQ | Pattern.UNICODE_CHARACTER_CLASS;
		if ((pattern.flags() & unsafeFlags) != 0) {
			return Known.NOTHING;
		}
		RequiredLiterals reading = new RequiredLiterals(pattern.pattern());
		Part whole;
		try {
			whole = reading.alternation();
			if (reading.at != reading.source.length()) {
				return Known.NOTHING;
			}
		}
		catch (Unsupported ex) {
			return Known.NOTHING;
		}
		return new Known(known(whole.contained(), String::contains), known(whole.starts(), String::startsWith));
	}

	/**
	 * The literals, less those that hold another of them (where it stands, for literals a match starts with): a
	 * text with "escorts" in it has "escort" too, at the same place.
	 */
	private static Optional<Set<String>> known(Set<String> literals, BiPredicate<String, String> holds) {
		if (literals.contains("")) {
			return Optional.empty();
		}
		Set<String> fewest = new LinkedHashSet<>();
		for (String literal : literals) {
			if (literals.stream().noneMatch((other) -> !other.equals(literal) && holds.test(literal, other))) {
				fewest.add(literal);
			}
		}
		return Optional.of(Set.copyOf(fewest));
	}

	/** A construct this reading leaves alone; the pattern is then always tried. */
	private static final class Unsupported extends RuntimeException {

		Unsupported() {
			super(null, null, false, false);
		}

	}

	/**
	 * What is known of the strings one part of a pattern matches: all of them when they are few ({@code exact},
	 * else null), and sets of which each match starts with, ends with, or contains one.
	 */
	private record Part(Set<String> exact, Set<String> starts, Set<String> ends, Set<String> contained) {

		static Part literal(String text) {
			StringBuilder canonical = new StringBuilder(text.length());
			for (int i = 0; i < text.length(); i++) {
				canonical.append(canonical(text.charAt(i)));
			}
			return spelledOut(Set.of(canonical.toString()));
		}

		static Part spelledOut(Set<String> strings) {
			Set<String> known = orAnything(strings);
			return new Part(strings, known, known, known);
		}

		static Part zeroWidth() {
			return new Part(Set.of(""), ANYTHING, ANYTHING, ANYTHING);
		}

		static Part unknown() {
			return new Part(null, ANYTHING, ANYTHING, ANYTHING);
		}

	}

	private Part alternation() {
		List<Part> branches = new ArrayList<>();
		branches.add(sequence());
		while (at < source.length() && source.charAt(at) == '|') {
			at++;
			branches.add(sequence());
		}
		if (branches.size() == 1) {
			return branches.get(0);
		}
		Set<String> exact = new LinkedHashSet<>();
		Set<String> starts = new LinkedHashSet<>();
		Set<String> ends = new LinkedHashSet<>();
		Set<String> contained = new LinkedHashSet<>();
		for (Part branch : branches) {
			if (exact != null && branch.exact() != null) {
				exact.addAll(branch.exact());
			}
			else {
				exact = null;
			}
			starts.addAll(branch.starts());
			ends.addAll(branch.ends());
			contained.addAll(branch.contained());
		}
		return new Part((exact != null && exact.size() <= MOST) ? exact : null, orAnything(starts), orAnything(ends),
				orAnything(contained));
	}

	private Part sequence() {
		List<Part> items = new ArrayList<>();
		while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
			items.add(quantified(atom()));
		}
		if (items.size() == 1) {
			return items.get(0);
		}
		Set<String> exact = Set.of("");
		for (Part item : items) {
			exact = (exact != null && item.exact() != null) ? product(exact, item.exact()) : null;
		}
		Set<String> starts = Set.of("");
		for (Part item : items) {
			Set<String> longer = product(starts, (item.exact() != null) ? item.exact() : item.starts());
			if (longer == null || item.exact() == null) {
				starts = (longer != null) ? longer : starts;
				break;
			}
			starts = longer;
		}
		Set<String> ends = Set.of("");
		for (int i = items.size() - 1; i >= 0; i--) {
			Part item = items.get(i);
			Set<String> longer = product((item.exact() != null) ? item.exact() : item.ends(), ends);
			if (longer == null || item.exact() == null) {
				ends = (longer != null) ? longer : ends;
				break;
			}
			ends = longer;
		}
		// Each run of spelled-out parts, with what the parts around it start and end with, is a candidate;
		// any one of them is a safe answer, and the most telling one is kept.
		Set<String> contained = ANYTHING;
		Set<String> run = Set.of("");
		for (Part item : items) {
			if (item.exact() != null) {
				Set<String> longer = product(run, item.exact());
				run = (longer != null) ? longer : item.exact();
				contained = moreTelling(contained, run);
			}
			else {
				Set<String> intoNext = product(run, item.starts());
				if (intoNext != null) {
					contained = moreTelling(contained, intoNext);
				}
				contained = moreTelling(contained, item.contained());
				run = item.ends();
			}
		}
		return new Part(exact, orAnything(starts), orAnything(ends), contained);
	}

	private Part quantified(Part part) {
		if (at >= source.length()) {
			return part;
		}
		int least;
		int most;
		char c = source.charAt(at);
		if (c == '?') {
			least = 0;
			most = 1;
			at++;
		}
		else if (c == '*') {
			least = 0;
			most = UNBOUNDED;
			at++;
		}
		else if (c == '+') {
			least = 1;
			most = UNBOUNDED;
			at++;
		}
		else if (c == '{') {
			int close = source.indexOf('}', at);
			if (close < 0) {
				throw new Unsupported();
			}
			String[] bounds = source.substring(at + 1, close).split(",", -1);
			try {
				least = Integer.parseInt(bounds[0]);
				most = (bounds.length == 1) ? least
						: bounds[1].isEmpty() ? UNBOUNDED : Integer.parseInt(bounds[1]);
			}
			catch (NumberFormatException ex) {
				throw new Unsupported();
			}
			if (bounds.length > 2) {
				throw new Unsupported();
			}
			at = close + 1;
		}
		else {
			return part;
		}
		// Lazy and possessive forms match no string the greedy form could not.
		if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
			at++;
		}
		if (least == 1 && most == 1) {
			return part;
		}
		if (least == 0) {
			Set<String> exact = null;
			if (most == 1 && part.exact() != null) {
				exact = new LinkedHashSet<>(part.exact());
				exact.add("");
			}
			return new Part(exact, ANYTHING, ANYTHING, ANYTHING);
		}
		Set<String> exact = null;
		if (least == most && part.exact() != null) {
			exact = Set.of("");
			for (int i = 0; i < least && exact != null; i++) {
				exact = product(exact, part.exact());
			}
		}
		return new Part(exact, part.starts(), part.ends(), part.contained());
	}

	private Part atom() {
		char c = source.charAt(at++);
		switch (c) {
			case '(':
				return group();
			case '[':
				return characterClass();
			case '.':
				return Part.unknown();
			case '^':
			case '$':
				return Part.zeroWidth();
			case '\\':
				return escaped();
			case '*':
			case '+':
			case '?':
			case '{':
				throw new Unsupported();
			default:
				return Part.literal(withLowSurrogate(c));
		}
	}

	private Part group() {
		boolean zeroWidth = false;
		if (source.startsWith("?:", at)) {
			at += 2;
		}
		else if (source.startsWith("?=", at) || source.startsWith("?!", at)) {
			at += 2;
			zeroWidth = true;
		}
		else if (source.startsWith("?<=", at) || source.startsWith("?<!", at)) {
			at += 3;
			zeroWidth = true;
		}
		else if (source.startsWith("?", at)) {
			// inline flags, named and atomic groups
			throw new Unsupported();
		}
		Part inner = alternation();
		if (at >= source.length() || source.charAt(at) != ')') {
			throw new Unsupported();
		}
		at++;
		return zeroWidth ? Part.zeroWidth() : inner;
	}

	private Part escaped() {
		if (at >= source.length()) {
			throw new Unsupported();
		}
		char c = source.charAt(at++);
		switch (c) {
			case 'b':
			case 'B':
			case 'A':
			case 'z':
			case 'Z':
			case 'G':
				return Part.zeroWidth();
			case 's':
				return Part.spelledOut(WHITESPACE);
			case 'd':
				return Part.spelledOut(DIGITS);
			case 'S':
			case 'D':
			case 'w':
			case 'W':
			case 'h':
			case 'H':
			case 'v':
			case 'V':
			case 'R':
			case 'X':
				return Part.unknown();
			case 'p':
			case 'P':
				skipProperty();
				return Part.unknown();
			default:
				return Part.literal(withLowSurrogate(escapedCharacter(c)));
		}
	}

	/** The one character an escape inside or outside a class stands for: {@code \.}, {@code \n}, {@code \u2019}. */
	private char escapedCharacter(char c) {
		switch (c) {
			case 'n':
				return '\n';
			case 't':
				return '\t';
			case 'r':
				return '\r';
			case 'f':
				return '\f';
			case 'u':
				if (at + 4 > source.length()) {
					throw new Unsupported();
				}
				try {
					char unicode = (char) Integer.parseInt(source.substring(at, at + 4), 16);
					at += 4;
					return unicode;
				}
				catch (NumberFormatException ex) {
					throw new Unsupported();
				}
			default:
				if (Character.isLetterOrDigit(c)) {
					throw new Unsupported();
				}
				return c;
		}
	}

	/** A character taken with the low surrogate that follows it, so "😂" is one literal, as the matcher reads it. */
	private String withLowSurrogate(char c) {
		if (!Character.isHighSurrogate(c) || at >= source.length()) {
			return String.valueOf(c);
		}
		int before = at;
		char next = source.charAt(at++);
		if (next == '\\' && source.startsWith("u", at)) {
			at++;
			next = escapedCharacter('u');
		}
		if (Character.isLowSurrogate(next)) {
			return new String(new char[] { c, next });
		}
		at = before;
		throw new Unsupported();
	}

	private void skipProperty() {
		if (at < source.length() && source.charAt(at) == '{') {
			int close = source.indexOf('}', at);
			if (close < 0) {
				throw new Unsupported();
			}
			at = close + 1;
		}
		else {
			at++;
		}
	}

	/** {@code ['’]} and {@code [2-9]} are spelled out; anything wider or negated is an unknown character. */
	private Part characterClass() {
		boolean spelledOut = true;
		if (at < source.length() && source.charAt(at) == '^') {
			spelledOut = false;
			at++;
		}
		Set<String> members = new LinkedHashSet<>();
		boolean first = true;
		while (true) {
			if (at >= source.length()) {
				throw new Unsupported();
			}
			char c = source.charAt(at++);
			if (c == ']' && !first) {
				break;
			}
			if (c == ']' || c == '[' || (c == '&' && source.startsWith("&", at))) {
				throw new Unsupported();
			}
			first = false;
			char member;
			if (c == '\\') {
				if (at >= source.length()) {
					throw new Unsupported();
				}
				char escape = source.charAt(at++);
				if (escape == 's' || escape == 'd') {
					members.add(String.valueOf(canonical((escape == 's') ? ' ' : '0')));
					continue;
				}
				if ("SDwWhHvV".indexOf(escape) >= 0) {
					spelledOut = false;
					continue;
				}
				if (escape == 'p' || escape == 'P') {
					skipProperty();
					spelledOut = false;
					continue;
				}
				member = escapedCharacter(escape);
			}
			else {
				member = c;
			}
			if (Character.isSurrogate(member)) {
				throw new Unsupported();
			}
			if (at + 1 < source.length() && source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
				at++;
				char last = source.charAt(at++);
				if (last == '\\' || last == '[' || Character.isSurrogate(last) || last < member) {
					throw new Unsupported();
				}
				if (last - member + 1 > SMALL_CLASS) {
					spelledOut = false;
				}
				else {
					for (char m = member; m <= last; m++) {
						members.add(String.valueOf(canonical(m)));
					}
				}
				continue;
			}
			members.add(String.valueOf(canonical(member)));
		}
		return (spelledOut && members.size() <= SMALL_CLASS) ? Part.spelledOut(members) : Part.unknown();
	}

	/** Every concatenation of one string of each, or null when there would be too many. */
	private static Set<String> product(Set<String> before, Set<String> after) {
		if ((long) before.size() * after.size() > MOST) {
			return null;
		}
		Set<String> joined = new LinkedHashSet<>();
		for (String a : before) {
			for (String b : after) {
				joined.add(a + b);
			}
		}
		return joined;
	}

	/** A set that admits the empty string, or is too large to look for, says nothing. */
	private static Set<String> orAnything(Set<String> strings) {
		return (strings.contains("") || strings.size() > MOST) ? ANYTHING : strings;
	}

	/** The set less likely to turn up in a text by chance: fewer strings, and longer ones. */
	private static Set<String> moreTelling(Set<String> current, Set<String> candidate) {
		Set<String> usable = orAnything(candidate);
		return (chance(usable) < chance(current)) ? usable : current;
	}

	/** Roughly how often one of the strings turns up at a place in a text, taking each character as one in 8. */
	private static double chance(Set<String> strings) {
		double chance = 0;
		for (String string : strings) {
			chance += Math.pow(8, -string.length());
		}
		return chance;
	}
}
