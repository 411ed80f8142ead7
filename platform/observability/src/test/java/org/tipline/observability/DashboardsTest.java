package org.tipline.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.observability.ModuleFiles.MODULE;
import static org.tipline.observability.ModuleFiles.list;
import static org.tipline.observability.ModuleFiles.map;
import static org.tipline.observability.ModuleFiles.yaml;

/**
 * The provisioned Grafana dashboards: they parse, are told apart, query the provisioned Prometheus with valid
 * PromQL over published metrics only, and are wired into docker-compose.yml where the provisioning expects them.
 */
class DashboardsTest {

	private static final Path DASHBOARDS = MODULE.resolve("grafana/dashboards");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)",
			Pattern.DOTALL);

	private static final ObjectMapper json = JsonMapper.builder().build();

	private static Map<String, JsonNode> dashboards;

	@BeforeAll
	static void readDashboards() throws IOException {
		dashboards = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				dashboards.put(file.getFileName().toString(), json.readTree(Files.readString(file)));
			}
		}
	}

	@Test
	void provisionsTheFourDashboardsOfTheIssue() {
		assertThat(dashboards.values()).extracting((d) -> d.path("uid").asString())
			.containsExactlyInAnyOrder("tipline-overview", "tipline-state-sla", "tipline-decisions",
					"tipline-delivery");
	}

	@Test
	void everyDashboardHasAUniqueUidAndTitle() {
		List<String> uids = dashboards.values().stream().map((d) -> d.path("uid").asString()).toList();
		List<String> titles = dashboards.values().stream().map((d) -> d.path("title").asString()).toList();

		assertThat(uids).doesNotHaveDuplicates().allSatisfy((uid) -> assertThat(uid).isNotBlank());
		assertThat(titles).doesNotHaveDuplicates().allSatisfy((title) -> assertThat(title).isNotBlank());
	}

	@Test
	void everyChartHasAQuery() {
		dashboards.forEach((file, dashboard) -> panels(dashboard).stream()
			.filter((panel) -> !Set.of("row", "text").contains(panel.path("type").asString()))
			.forEach((panel) -> assertThat(panel.path("targets").values())
				.as(file + ": " + panel.path("title").asString())
				.isNotEmpty()
				.allSatisfy((target) -> assertThat(target.path("expr").asString()).isNotBlank())));
	}

	@Test
	void everyQueryReadsOnlyPublishedMetrics() {
		List<String> problems = new ArrayList<>();
		Set<String> read = new TreeSet<>();
		queries().forEach((where, promql) -> {
			Set<String> metrics = PublishedMetrics.readBy(promql);
			if (metrics.isEmpty()) {
				problems.add(where + " reads no metric");
			}
			metrics.stream()
				.filter((metric) -> !PublishedMetrics.isPublished(metric))
				.forEach((metric) -> problems.add(where + " reads " + metric + ", which no service publishes"));
			read.addAll(metrics);
		});

		assertThat(problems).isEmpty();
		assertThat(read).as("the dashboards show every tipline metric").containsAll(PublishedMetrics.TIPLINE
			.stream()
			.filter((metric) -> !metric.equals("tipline_delivery_latency_seconds_sum")
					&& !metric.equals("tipline_audit_entries_total"))
			.toList());
	}

	@Test
	void everyQueryIsValidPromQl(@TempDir Path dir) throws Exception {
		Promtool promtool = Promtool.required();
		List<Map<String, Object>> rules = new ArrayList<>();
		queries().forEach((where, promql) -> rules.add(Map.of("record", "tipline:dashboard_query:" + rules.size(),
				"expr", asPrometheusWouldReceiveIt(promql))));
		Path file = dir.resolve("dashboard-queries.yml");
		Files.writeString(file, new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

		Promtool.Run run = promtool.run(dir, "check", "rules", file.getFileName().toString());

		assertThat(run.exitCode()).as(run.report() + "\nqueries, in order: " + queries().keySet()).isZero();
	}

	@Test
	void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
		Map<String, Object> datasource = map(
				list(yaml("grafana/provisioning/datasources/prometheus.yml").get("datasources")).get(0));
		Object uid = datasource.get("uid");

		dashboards.forEach((file, dashboard) -> panels(dashboard).stream()
			.filter((panel) -> panel.has("targets"))
			.forEach((panel) -> {
				assertThat(panel.path("datasource").path("uid").asString()).as(file + ": " + panel.path("title"))
					.isEqualTo(uid);
				panel.path("targets")
					.values()
					.forEach((target) -> assertThat(target.path("datasource").path("uid").asString())
						.as(file + ": " + panel.path("title"))
						.isEqualTo(uid));
			}));
	}

	@Test
	void everyVariableAQueryUsesIsDefined() {
		dashboards.forEach((file, dashboard) -> {
			Set<String> defined = new TreeSet<>();
			dashboard.path("templating").path("list").values().forEach((v) -> defined.add(v.path("name").asString()));
			queries(file, dashboard).forEach((where, promql) -> {
				Matcher variable = VARIABLE.matcher(promql);
				while (variable.find()) {
					String name = (variable.group(1) != null) ? variable.group(1) : variable.group(2);
					if (!name.startsWith("__")) {
						assertThat(defined).as(where + " uses $" + name).contains(name);
					}
				}
			});
		});
	}

	@Test
	void perStateSlaDashboardFiltersEveryQueryByStateAndPriority() {
		JsonNode sla = dashboards.values()
			.stream()
			.filter((d) -> d.path("uid").asString().equals("tipline-state-sla"))
			.findFirst()
			.orElseThrow();

		assertThat(sla.path("templating").path("list").values()).extracting((v) -> v.path("name").asString())
			.contains("state", "priority");
		panels(sla).stream()
			.flatMap((panel) -> panel.path("targets").values().stream())
			.map((target) -> target.path("expr").asString())
			.forEach((promql) -> assertThat(promql).contains("$state", "$priority"));
	}

	@Test
	void dockerComposeMountsTheDashboardsWhereProvisioningLooksForThem() throws IOException {
		Map<String, Object> provider = map(
				list(yaml("grafana/provisioning/dashboards/dashboards.yml").get("providers")).get(0));
		String path = (String) map(provider.get("options")).get("path");
		Map<String, Object> grafana = map(
				map(yaml(MODULE.resolve("../../docker-compose.yml").normalize()).get("services")).get("grafana"));

		assertThat(list(grafana.get("volumes"))).contains(
				"./platform/observability/grafana/dashboards:" + path + ":ro",
				"./platform/observability/grafana/provisioning:/etc/grafana/provisioning:ro");
		String home = (String) map(grafana.get("environment")).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
		assertThat(home).startsWith(path + "/");
		assertThat(DASHBOARDS.resolve(home.substring(path.length() + 1))).exists();
	}

	/** Grafana replaces its variables before Prometheus sees a query; any value of the right kind will do here. */
	private static String asPrometheusWouldReceiveIt(String promql) {
		return promql.replace("$__rate_interval", "1m")
			.replace("$__interval", "1m")
			.replace("$__range", "6h")
			.replaceAll("\\$\\{\\w+(?::\\w+)?}|\\$\\w+", ".*");
	}

	/** Every PromQL query of every dashboard, by where it is. */
	private static Map<String, String> queries() {
		Map<String, String> queries = new LinkedHashMap<>();
		dashboards.forEach((file, dashboard) -> queries.putAll(queries(file, dashboard)));
		assertThat(queries).isNotEmpty();
		return queries;
	}

	private static Map<String, String> queries(String file, JsonNode dashboard) {
		Map<String, String> queries = new LinkedHashMap<>();
		for (JsonNode panel : panels(dashboard)) {
			for (JsonNode target : panel.path("targets").values()) {
				queries.put(file + ": " + panel.path("title").asString() + " " + target.path("refId").asString(),
						target.path("expr").asString());
			}
		}
		for (JsonNode variable : dashboard.path("templating").path("list").values()) {
			if (variable.path("type").asString().equals("query")) {
				String query = variable.path("query").isObject() ? variable.path("query").path("query").asString()
						: variable.path("query").asString();
				Matcher labelValues = LABEL_VALUES.matcher(query);
				queries.put(file + ": variable " + variable.path("name").asString(),
						labelValues.matches() ? labelValues.group(1) : query);
			}
		}
		return queries;
	}

	/** The panels, those inside collapsed rows included. */
	private static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels").values()) {
			panels.add(panel);
			panels.addAll(panel.path("panels").values());
		}
		return panels;
	}

}
