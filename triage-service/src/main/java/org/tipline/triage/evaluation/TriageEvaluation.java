package org.tipline.triage.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipline.events.Channel;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.events.TraffickingType;
import org.tipline.triage.Triage;
import org.tipline.triage.classification.TipClassifier;
import org.tipline.triage.jurisdiction.JurisdictionResolver;
import org.tipline.triage.linking.IncidentKeys;
import org.tipline.triage.linking.MemoryLinkIndex;
import org.tipline.triage.linking.TipLinker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs triage on a labeled file (one {@code {"id", "tip", "expected", "notes"}} object per line) and prints how
 * well it did, field by field; the last line is one JSON object with the headline figures. Prints tip ids, never
 * narratives. Run as {@code ./tipline evaluate-triage FILE.jsonl}.
 */
public final class TriageEvaluation {

	private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	private static final Pattern OTHER_TIP = Pattern.compile("\\b[a-z]+-\\d{3,}\\b");

	private TriageEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: TriageEvaluation FILE.jsonl");
			System.exit(2);
		}
		Report report = evaluate(Path.of(args[0]));
		report.print(System.out);
	}

	/** One labeled tip and what triage made of it. */
	record Outcome(String id, Expected expected, TipTriaged triaged, Set<String> expectedLinks) {
	}

	record Expected(String state, boolean minor, boolean imminentDanger, TraffickingType traffickingType,
			String reporterRole) {
	}

	/** A tip of a labeled file, given an id and a time of receipt one minute after the tip before it. */
	record LabeledTip(String id, TipReceived tip, Expected expected, Set<String> expectedLinks) {
	}

	/** The tips of a labeled file, in order, as intake would have published them. */
	public static List<TipReceived> tips(Path file) throws IOException {
		return read(file).stream().map(LabeledTip::tip).toList();
	}

	static List<LabeledTip> read(Path file) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<LabeledTip> tips = new ArrayList<>();
		int line = 0;
		for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (text.isBlank()) {
				continue;
			}
			line++;
			JsonNode labeled = json.readTree(text);
			String id = labeled.path("id").asString("line-" + line);
			TipReceived raw = json.treeToValue(labeled.get("tip"), TipReceived.class);
			Channel channel = (raw.channel() != null) ? raw.channel() : Channel.WEB;
			String messageId = (raw.channelMessageId() != null) ? raw.channelMessageId() : id;
			TipReceived tip = new TipReceived(TipId.forSubmission("evaluation", channel, messageId),
					START.plus(Duration.ofMinutes(line)), channel, messageId, raw.language(), raw.reporter(),
					raw.narrative(), raw.location(), raw.callerPhone());
			JsonNode expected = labeled.path("expected");
			Set<String> expectedLinks = new TreeSet<>();
			Matcher others = OTHER_TIP.matcher(labeled.path("notes").asString(""));
			while (others.find()) {
				if (!others.group().equals(id)) {
					expectedLinks.add(others.group());
				}
			}
			tips.add(new LabeledTip(id, tip,
					new Expected(expected.path("state").isNull() ? null : expected.path("state").asString(null),
							expected.path("minor").asBoolean(), expected.path("imminentDanger").asBoolean(),
							TraffickingType.valueOf(expected.path("traffickingType").asString("NONE")),
							expected.path("reporterRole").asString("")),
					expectedLinks));
		}
		return tips;
	}

	public static Report evaluate(Path file) throws IOException {
		Triage triage = new Triage(JurisdictionResolver.fromBundledData(), new TipClassifier(),
				new TipLinker(new IncidentKeys("evaluation"), new MemoryLinkIndex(Duration.ofDays(30))),
				Clock.fixed(START, ZoneOffset.UTC));
		List<Outcome> outcomes = new ArrayList<>();
		Map<TipId, String> idsByTip = new LinkedHashMap<>();
		for (LabeledTip labeled : read(file)) {
			idsByTip.put(labeled.tip().tipId(), labeled.id());
			outcomes.add(new Outcome(labeled.id(), labeled.expected(), triage.apply(labeled.tip()).triaged(),
					labeled.expectedLinks()));
		}
		return new Report(outcomes, idsByTip);
	}

	/** The figures of one evaluation. */
	public static final class Report {

		private final List<Outcome> outcomes;

		private final Map<TipId, String> idsByTip;

		Report(List<Outcome> outcomes, Map<TipId, String> idsByTip) {
			this.outcomes = outcomes;
			this.idsByTip = idsByTip;
		}

		public int size() {
			return outcomes.size();
		}

		public double stateAccuracy() {
			return fraction(outcomes.stream().filter((o) -> Objects.equals(o.expected().state(), stateOf(o))).count());
		}

		public double minorPrecision() {
			return precision((o) -> o.triaged().classification().minor(), (o) -> o.expected().minor());
		}

		public double minorRecall() {
			return recall((o) -> o.triaged().classification().minor(), (o) -> o.expected().minor());
		}

		public double imminentPrecision() {
			return precision((o) -> o.triaged().classification().imminentDanger(), (o) -> o.expected().imminentDanger());
		}

		public double imminentRecall() {
			return recall((o) -> o.triaged().classification().imminentDanger(), (o) -> o.expected().imminentDanger());
		}

		public double typeMacroF1() {
			double sum = 0;
			for (TraffickingType type : TraffickingType.values()) {
				double p = precision((o) -> o.triaged().classification().traffickingType() == type,
						(o) -> o.expected().traffickingType() == type);
				double r = recall((o) -> o.triaged().classification().traffickingType() == type,
						(o) -> o.expected().traffickingType() == type);
				sum += (p + r == 0) ? 0 : 2 * p * r / (p + r);
			}
			return sum / TraffickingType.values().length;
		}

		public double reporterRoleAccuracy() {
			return fraction(outcomes.stream()
				.filter((o) -> o.expected().reporterRole().equals(o.triaged().classification().reporterRole().name()))
				.count());
		}

		void print(PrintStream out) {
			out.printf(Locale.ROOT, "tips: %d%n", outcomes.size());
			out.printf(Locale.ROOT, "state accuracy:          %.3f  wrong: %s%n", stateAccuracy(),
					wrong((o) -> Objects.equals(o.expected().state(), stateOf(o)),
							(o) -> o.expected().state() + "->" + stateOf(o)));
			out.printf(Locale.ROOT, "minor accuracy:          %.3f  precision %.3f  recall %.3f  wrong: %s%n",
					accuracy((o) -> o.expected().minor() == o.triaged().classification().minor()), minorPrecision(),
					minorRecall(), wrong((o) -> o.expected().minor() == o.triaged().classification().minor(),
							(o) -> String.valueOf(o.triaged().classification().minor())));
			out.printf(Locale.ROOT, "imminent accuracy:       %.3f  precision %.3f  recall %.3f  wrong: %s%n",
					accuracy((o) -> o.expected().imminentDanger() == o.triaged().classification().imminentDanger()),
					imminentPrecision(), imminentRecall(),
					wrong((o) -> o.expected().imminentDanger() == o.triaged().classification().imminentDanger(),
							(o) -> String.valueOf(o.triaged().classification().imminentDanger())));
			out.printf(Locale.ROOT, "type accuracy:           %.3f  macro-F1 %.3f  wrong: %s%n",
					accuracy((o) -> o.expected().traffickingType() == o.triaged().classification().traffickingType()),
					typeMacroF1(),
					wrong((o) -> o.expected().traffickingType() == o.triaged().classification().traffickingType(),
							(o) -> o.expected().traffickingType() + "->" + o.triaged().classification().traffickingType()));
			out.printf(Locale.ROOT, "reporter role accuracy:  %.3f  wrong: %s%n", reporterRoleAccuracy(),
					wrong((o) -> o.expected().reporterRole()
						.equals(o.triaged().classification().reporterRole().name()),
							(o) -> o.expected().reporterRole() + "->" + o.triaged().classification().reporterRole()));
			out.printf(Locale.ROOT, "priority (derived):      %s%n", priorities());
			out.println("traffickingType confusion (rows expected, columns triaged):");
			out.print(String.format(Locale.ROOT, "%-9s", ""));
			for (TraffickingType column : TraffickingType.values()) {
				out.print(String.format(Locale.ROOT, "%8s", column));
			}
			out.println();
			for (TraffickingType row : TraffickingType.values()) {
				out.print(String.format(Locale.ROOT, "%-9s", row));
				for (TraffickingType column : TraffickingType.values()) {
					long count = outcomes.stream()
						.filter((o) -> o.expected().traffickingType() == row
								&& o.triaged().classification().traffickingType() == column)
						.count();
					out.print(String.format(Locale.ROOT, "%8d", count));
				}
				out.println();
			}
			printLinks(out);
			out.printf(Locale.ROOT,
					"{\"state_accuracy\": %.4f, \"minor_precision\": %.4f, \"minor_recall\": %.4f, "
							+ "\"imminent_precision\": %.4f, \"imminent_recall\": %.4f, \"type_macro_f1\": %.4f, "
							+ "\"reporter_role_accuracy\": %.4f, \"link_precision\": %.4f, \"link_recall\": %.4f}%n",
					stateAccuracy(), minorPrecision(), minorRecall(), imminentPrecision(), imminentRecall(),
					typeMacroF1(), reporterRoleAccuracy(), linkPrecision(), linkRecall());
		}

		/** Links found against the pairs the labels name ("same incident as dev-021"). */
		private void printLinks(PrintStream out) {
			Set<String> found = linkedPairs();
			Set<String> expected = labeledPairs();
			Set<String> right = new TreeSet<>(found);
			right.retainAll(expected);
			Set<String> falseLinks = new TreeSet<>(found);
			falseLinks.removeAll(expected);
			Set<String> missed = new TreeSet<>(expected);
			missed.removeAll(found);
			out.printf(Locale.ROOT, "linked pairs: %d found, %d labeled, %d of them found; found: %s%n", found.size(),
					expected.size(), right.size(), found);
			out.printf(Locale.ROOT, "link precision:          %.3f  recall %.3f  false links: %s  missed: %s%n",
					linkPrecision(), linkRecall(), falseLinks, missed);
		}

		/** Of the pairs of tips linked, the share the labels name as one incident; 1 when none were linked. */
		public double linkPrecision() {
			Set<String> found = linkedPairs();
			if (found.isEmpty()) {
				return labeledPairs().isEmpty() ? 1.0 : 0.0;
			}
			Set<String> right = new TreeSet<>(found);
			right.retainAll(labeledPairs());
			return (double) right.size() / found.size();
		}

		/** Of the pairs the labels name as one incident, the share linked. */
		public double linkRecall() {
			Set<String> expected = labeledPairs();
			if (expected.isEmpty()) {
				return 1.0;
			}
			Set<String> right = new TreeSet<>(expected);
			right.retainAll(linkedPairs());
			return (double) right.size() / expected.size();
		}

		private Set<String> linkedPairs() {
			Set<String> found = new TreeSet<>();
			for (Outcome outcome : outcomes) {
				outcome.triaged().linkedTipIds().forEach((other) -> found.add(pair(outcome.id(), idsByTip.get(other))));
			}
			return found;
		}

		private Set<String> labeledPairs() {
			Set<String> expected = new TreeSet<>();
			for (Outcome outcome : outcomes) {
				outcome.expectedLinks().forEach((other) -> expected.add(pair(outcome.id(), other)));
			}
			return expected;
		}

		private static String pair(String a, String b) {
			return (a.compareTo(b) < 0) ? a + "+" + b : b + "+" + a;
		}

		private Map<String, Long> priorities() {
			Map<String, Long> counts = new java.util.TreeMap<>();
			outcomes.forEach((o) -> counts.merge(o.triaged().priority().name(), 1L, Long::sum));
			return counts;
		}

		private static String stateOf(Outcome outcome) {
			return outcome.triaged().jurisdiction().hasState() ? outcome.triaged().jurisdiction().state().value()
					: null;
		}

		private String wrong(java.util.function.Predicate<Outcome> right,
				java.util.function.Function<Outcome, String> what) {
			List<String> wrong = new ArrayList<>();
			outcomes.stream().filter(right.negate()).forEach((o) -> wrong.add(o.id() + " " + what.apply(o)));
			return wrong.toString();
		}

		private double accuracy(java.util.function.Predicate<Outcome> right) {
			return fraction(outcomes.stream().filter(right).count());
		}

		private double precision(java.util.function.Predicate<Outcome> predicted,
				java.util.function.Predicate<Outcome> actual) {
			long predictedCount = outcomes.stream().filter(predicted).count();
			long both = outcomes.stream().filter(predicted.and(actual)).count();
			if (predictedCount == 0) {
				return outcomes.stream().anyMatch(actual) ? 0.0 : 1.0;
			}
			return (double) both / predictedCount;
		}

		private double recall(java.util.function.Predicate<Outcome> predicted,
				java.util.function.Predicate<Outcome> actual) {
			long actualCount = outcomes.stream().filter(actual).count();
			long both = outcomes.stream().filter(predicted.and(actual)).count();
			return (actualCount == 0) ? 1.0 : (double) both / actualCount;
		}

		private double fraction(long count) {
			return outcomes.isEmpty() ? 0 : (double) count / outcomes.size();
		}
	}
}
