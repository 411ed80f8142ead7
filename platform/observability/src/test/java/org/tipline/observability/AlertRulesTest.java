package org.tipline.observability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.observability.ModuleFiles.MODULE;
import static org.tipline.observability.ModuleFiles.list;
import static org.tipline.observability.ModuleFiles.map;
import static org.tipline.observability.ModuleFiles.yaml;

/**
 * The alert rules: valid, loaded by prometheus.yml, passing their promtool unit tests, each tested firing and not
 * firing, each telling on-call what it means and what to do, and reading only metrics the services publish.
 */
class AlertRulesTest {

	/** The alerts issue 6 asks for; the rules may have more. */
	private static final Set<String> REQUIRED = Set.of("TiplineDeadlineBreached", "TiplineEndpointDisabled",
			"TiplineTipsStuck", "TiplineConsumerLagGrowing", "TiplineDeadLettersPresent", "TiplineServiceDown");

	@Test
	void prometheusConfigurationIsValid() throws Exception {
		Promtool.Run run = Promtool.required().run(MODULE, "check", "config", "prometheus.yml");

		assertThat(run.exitCode()).as(run.report()).isZero();
	}

	@Test
	void alertRulesAreValid() throws Exception {
		Promtool.Run run = Promtool.required().run(MODULE, "check", "rules", "alert-rules.yml");

		assertThat(run.exitCode()).as(run.report()).isZero();
	}

	@Test
	void alertRulesPassTheirUnitTests() throws Exception {
		Promtool.Run run = Promtool.required().run(MODULE, "test", "rules", "alert-rules.test.yml");

		assertThat(run.exitCode()).as(run.report()).isZero();
		assertThat(run.output()).as(run.report()).contains("SUCCESS");
	}

	@Test
	void prometheusLoadsTheAlertRules() throws IOException {
		Map<String, Object> config = yaml("prometheus.yml");

		assertThat(list(config.get("rule_files"))).containsExactly("alert-rules.yml");
	}

	@Test
	void hasTheAlertsTheIssueAsksFor() throws IOException {
		assertThat(alerts().keySet()).containsAll(REQUIRED);
	}

	@Test
	void everyAlertTellsOnCallHowBadItIsWhatItMeansAndWhatToDo() throws IOException {
		alerts().forEach((name, rule) -> {
			Map<String, Object> labels = map(rule.get("labels"));
			Map<String, Object> annotations = map(rule.get("annotations"));
			assertThat(labels.get("severity")).as(name + " severity").isIn("critical", "warning");
			for (String annotation : List.of("summary", "description", "runbook")) {
				assertThat((String) annotations.get(annotation)).as(name + " " + annotation).isNotBlank();
			}
			if (REQUIRED.contains(name)) {
				assertThat((String) annotations.get("runbook")).as(name + " runbook names an operator API")
					.contains("/v1/");
			}
		});
	}

	@Test
	void everyAlertIsTestedBothFiringAndNotFiring() throws IOException {
		Set<String> fired = new TreeSet<>();
		Set<String> quiet = new TreeSet<>();
		for (Object test : list(yaml("alert-rules.test.yml").get("tests"))) {
			for (Object ruleTest : list(map(test).getOrDefault("alert_rule_test", List.of()))) {
				Map<String, Object> check = map(ruleTest);
				List<Object> expected = list(check.getOrDefault("exp_alerts", List.of()));
				(expected.isEmpty() ? quiet : fired).add((String) check.get("alertname"));
			}
		}

		assertThat(fired).as("alerts tested firing").containsAll(alerts().keySet());
		assertThat(quiet).as("alerts tested not firing").containsAll(alerts().keySet());
	}

	@Test
	void alertExpressionsReadOnlyPublishedMetrics() throws IOException {
		List<String> problems = new ArrayList<>();
		alerts().forEach((name, rule) -> {
			Set<String> metrics = PublishedMetrics.readBy((String) rule.get("expr"));
			if (metrics.isEmpty()) {
				problems.add(name + " reads no metric");
			}
			metrics.stream()
				.filter((metric) -> !PublishedMetrics.isPublished(metric))
				.forEach((metric) -> problems.add(name + " reads " + metric + ", which no service publishes"));
		});

		assertThat(problems).isEmpty();
	}

	/** Alert name to rule, in file order. */
	private static Map<String, Map<String, Object>> alerts() throws IOException {
		Map<String, Map<String, Object>> alerts = new TreeMap<>();
		for (Object group : list(yaml("alert-rules.yml").get("groups"))) {
			for (Object rule : list(map(group).get("rules"))) {
				Map<String, Object> alert = map(rule);
				if (!alert.containsKey("alert")) {
					continue; // a recording rule
				}
				assertThat(alerts.put((String) alert.get("alert"), alert)).as("alert names are unique").isNull();
			}
		}
		assertThat(alerts).isNotEmpty();
		return alerts;
	}

}
