package org.tipline.triage.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.tipline.events.TipReceived;
import org.tipline.triage.Triage;
import org.tipline.triage.classification.TipClassifier;
import org.tipline.triage.evaluation.TriageEvaluation;
import org.tipline.triage.jurisdiction.JurisdictionResolver;
import org.tipline.triage.linking.IncidentKeys;
import org.tipline.triage.linking.LinkIndex;
import org.tipline.triage.linking.TipLinker;

/**
 * Triage logic alone on the dev set, one thread: jurisdiction, classification and the incident keys' digests.
 * The link index answers nothing here, so neither Kafka nor PostgreSQL is measured. One operation is one tip,
 * cycling through the set. Run with {@code ./mvnw -o -pl triage-service -Pbenchmark verify -DskipTests}; the dev
 * set's path can be given with {@code -Dtriage.benchmark.tips=FILE}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class TriageBenchmark {

	private List<TipReceived> tips;

	private Triage triage;

	private int next;

	@Setup
	public void setUp() throws IOException {
		tips = TriageEvaluation
			.tips(Path.of(System.getProperty("triage.benchmark.tips", "../../shared/data/triage-dev.jsonl")));
		LinkIndex nothingRemembered = (tipId, receivedAt, keys) -> Set.of();
		triage = new Triage(JurisdictionResolver.fromBundledData(), new TipClassifier(),
				new TipLinker(new IncidentKeys("benchmark"), nothingRemembered), Clock.systemUTC());
	}

	@Benchmark
	public Triage.Result triageOneTip() {
		TipReceived tip = tips.get(next);
		next = (next + 1 == tips.size()) ? 0 : next + 1;
		return triage.apply(tip);
	}
}
