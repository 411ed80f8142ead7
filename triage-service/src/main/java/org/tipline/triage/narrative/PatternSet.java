package org.tipline.triage.narrative;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns one rule tries on one text, each tried only where it can match. From each pattern's source
 * ({@link RequiredLiterals}) come the literals every match contains and those every match starts with; one pass
 * over the text (Aho-Corasick over all the set's literals) finds where they are. A pattern none of whose literals
 * is in the text is not tried at all, and one whose matches start with a literal is tried only where such a
 * literal starts. A regular expression with a long alternation costs tens of microseconds to try at every place
 * of a text even when it finds nothing; these are the same answers, found at a few places.
 */
public final class PatternSet {

	private static final Pattern NOTHING = Pattern.compile("(?!)");

	private static final int[] NO_STARTS = new int[0];

	private final Map<Pattern, Integer> indexes = new IdentityHashMap<>();

	/** Patterns with no literal that every match contains: never ruled out by a scan. */
	private long neverRuledOut;

	/** Patterns with literals that every match starts with: tried only where one starts. */
	private long triedWhereTheyStart;

	/** Character classes of the automaton: 0 for characters in no literal. */
	private final int[] asciiClass = new int[128];

	private final Map<Character, Integer> otherClass = new HashMap<>();

	private final int classes;

	/** The automaton's next state, {@code states × classes}. */
	private final int[] next;

	/** Per state: whether any literal ends there; most states are passed through without output. */
	private final boolean[] emits;

	/** Per state: the patterns of which a contained literal ends there (following the failure links). */
	private final long[] contained;

	/** Per state: pattern index and length (index + 64 × length) of each starting literal that ends there. */
	private final int[][] starting;

	private PatternSet(List<Pattern> patterns) {
		if (patterns.size() > Long.SIZE) {
			throw new IllegalArgumentException("a pattern set holds at most 64 patterns");
		}
		Map<String, Long> containedBy = new HashMap<>();
		Map<String, Long> startingBy = new HashMap<>();
		for (int i = 0; i < patterns.size(); i++) {
			indexes.putIfAbsent(patterns.get(i), i);
			long bit = 1L << i;
			RequiredLiterals.Known known = RequiredLiterals.of(patterns.get(i));
			if (known.contained().isPresent()) {
				known.contained().get().forEach((literal) -> containedBy.merge(literal, bit, (a, b) -> a | b));
			}
			else {
				neverRuledOut |= bit;
			}
			if (known.starting().isPresent()) {
				triedWhereTheyStart |= bit;
				known.starting().get().forEach((literal) -> startingBy.merge(literal, bit, (a, b) -> a | b));
			}
		}
		int classCount = 1;
		List<String> literals = new ArrayList<>(containedBy.keySet());
		startingBy.keySet().stream().filter((literal) -> !containedBy.containsKey(literal)).forEach(literals::add);
		for (String literal : literals) {
			for (char c : literal.toCharArray()) {
				if (c < 128 && asciiClass[c] == 0) {
					asciiClass[c] = classCount++;
				}
				else if (c >= 128 && !otherClass.containsKey(c)) {
					otherClass.put(c, classCount++);
				}
			}
		}
		this.classes = classCount;
		// A text's characters are read as the literals are written: '7' as '0', a tab as a space.
		for (char c = 0; c < 128; c++) {
			asciiClass[c] = asciiClass[RequiredLiterals.canonical(c)];
		}

		List<int[]> trie = new ArrayList<>();
		List<String> literalAt = new ArrayList<>();
		trie.add(new int[classes]);
		literalAt.add(null);
		for (String literal : literals) {
			int state = 0;
			for (char c : literal.toCharArray()) {
				int cls = classOf(c);
				if (trie.get(state)[cls] == 0) {
					trie.get(state)[cls] = trie.size();
					trie.add(new int[classes]);
					literalAt.add(null);
				}
				state = trie.get(state)[cls];
			}
			literalAt.set(state, literal);
		}

		int states = trie.size();
		this.next = new int[states * classes];
		this.emits = new boolean[states];
		this.contained = new long[states];
		this.starting = new int[states][];
		starting[0] = NO_STARTS;
		int[] failure = new int[states];
		Queue<Integer> queue = new ArrayDeque<>();
		for (int cls = 0; cls < classes; cls++) {
			next[cls] = trie.get(0)[cls];
			if (next[cls] != 0) {
				queue.add(next[cls]);
			}
		}
		while (!queue.isEmpty()) {
			int state = queue.remove();
			String literal = literalAt.get(state);
			contained[state] = contained[failure[state]];
			List<Integer> starts = new ArrayList<>();
			for (int output : starting[failure[state]]) {
				starts.add(output);
			}
			if (literal != null) {
				contained[state] |= containedBy.getOrDefault(literal, 0L);
				long startBits = startingBy.getOrDefault(literal, 0L);
				for (int i = 0; i < patterns.size(); i++) {
					if ((startBits & (1L << i)) != 0) {
						starts.add(i + Long.SIZE * literal.length());
					}
				}
			}
			starting[state] = starts.isEmpty() ? NO_STARTS : starts.stream().mapToInt(Integer::intValue).toArray();
			emits[state] = contained[state] != 0 || !starts.isEmpty();
			for (int cls = 0; cls < classes; cls++) {
				int child = trie.get(state)[cls];
				if (child != 0) {
					failure[child] = next[failure[state] * classes + cls];
					next[state * classes + cls] = child;
					queue.add(child);
				}
				else {
					next[state * classes + cls] = next[failure[state] * classes + cls];
				}
			}
		}
	}

	public static PatternSet of(Pattern... patterns) {
		return new PatternSet(Arrays.asList(patterns));
	}

	/** Reads the text once; the answer tries each pattern on it only where the pattern can match. */
	public Scan scan(String text) {
		long possible = neverRuledOut;
		long[] starts = new long[16];
		int startCount = 0;
		int state = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			state = next[state * classes + ((c < 128) ? asciiClass[c] : otherClass.getOrDefault(c, 0))];
			if (!emits[state]) {
				continue;
			}
			possible |= contained[state];
			for (int output : starting[state]) {
				if (startCount == starts.length) {
					starts = Arrays.copyOf(starts, startCount * 2);
				}
				int start = i + 1 - output / Long.SIZE;
				starts[startCount++] = ((long) (output % Long.SIZE) << 32) | start;
			}
		}
		starts = Arrays.copyOf(starts, startCount);
		Arrays.sort(starts);
		return new Scan(text, possible, starts);
	}

	private int classOf(char c) {
		return (c < 128) ? asciiClass[c] : otherClass.getOrDefault(c, 0);
	}

	private int indexOf(Pattern pattern) {
		Integer index = indexes.get(pattern);
		if (index == null) {
			throw new IllegalArgumentException("not in this pattern set: " + pattern);
		}
		return index;
	}

	/** One text as scanned: which of the set's patterns can match in it, and where their matches can start. */
	public final class Scan {

		private final String text;

		private final long possible;

		/** Pattern index (high half) and start (low half) of each starting literal found, sorted. */
		private final long[] starts;

		private Scan(String text, long possible, long[] starts) {
			this.text = text;
			this.possible = possible;
			this.starts = starts;
		}

		/** False only when the pattern cannot match anywhere in the scanned text, nor in any part of it. */
		public boolean mayMatch(Pattern pattern) {
			return (possible & (1L << indexOf(pattern))) != 0;
		}

		/** As {@code pattern.matcher(text).find()}. */
		public boolean find(Pattern pattern) {
			return matches(pattern).find();
		}

		/** As {@code pattern.matcher(part).find()}, for a part of the scanned text (one sentence of it). */
		public boolean find(Pattern pattern, String part) {
			return mayMatch(pattern) && pattern.matcher(part).find();
		}

		/** The pattern's successive matches in the text, as {@code pattern.matcher(text)} finds them. */
		public Matches matches(Pattern pattern) {
			int index = indexOf(pattern);
			if ((possible & (1L << index)) == 0) {
				return new Matches(NOTHING.matcher(""), null, 0, 0);
			}
			Matcher matcher = pattern.matcher(text);
			if ((triedWhereTheyStart & (1L << index)) == 0) {
				return new Matches(matcher, null, 0, 0);
			}
			long key = (long) index << 32;
			int from = Arrays.binarySearch(starts, key);
			from = (from < 0) ? -from - 1 : from;
			int to = Arrays.binarySearch(starts, key | Integer.MAX_VALUE);
			to = (to < 0) ? -to - 1 : to;
			return new Matches(matcher.useTransparentBounds(true).useAnchoringBounds(false), starts, from, to);
		}
	}

	/**
	 * Successive matches of one pattern, found as {@link Matcher#find()} finds them. Where the pattern's matches
	 * start with known literals, only the places where one starts are tried, each with
	 * {@link Matcher#lookingAt()} over the rest of the text, whose bounds stay transparent so that {@code \b} and
	 * lookbehinds see what comes before: in order, that is the same search {@code find()} makes at every place.
	 */
	public static final class Matches implements MatchResult {

		private final Matcher matcher;

		private final int length;

		/** Null when every place is tried (a plain {@code find()}). */
		private final long[] starts;

		private int nextStart;

		private final int lastStart;

		/** Where the next search begins, as {@code find()} would: after the last match, or one past an empty one. */
		private int searchFrom;

		private Matches(Matcher matcher, long[] starts, int from, int to) {
			this.matcher = matcher;
			this.length = matcher.regionEnd();
			this.starts = starts;
			this.nextStart = from;
			this.lastStart = to;
		}

		public boolean find() {
			if (starts == null) {
				return matcher.find();
			}
			int tried = -1;
			while (nextStart < lastStart) {
				int start = (int) starts[nextStart++];
				if (start < searchFrom || start == tried) {
					continue;
				}
				tried = start;
				matcher.region(start, length);
				if (matcher.lookingAt()) {
					searchFrom = (matcher.end() == matcher.start()) ? matcher.end() + 1 : matcher.end();
					return true;
				}
			}
			return false;
		}

		@Override
		public int start() {
			return matcher.start();
		}

		@Override
		public int start(int group) {
			return matcher.start(group);
		}

		@Override
		public int end() {
			return matcher.end();
		}

		@Override
		public int end(int group) {
			return matcher.end(group);
		}

		@Override
		public String group() {
			return matcher.group();
		}

		@Override
		public String group(int group) {
			return matcher.group(group);
		}

		@Override
		public int groupCount() {
			return matcher.groupCount();
		}
	}
}
