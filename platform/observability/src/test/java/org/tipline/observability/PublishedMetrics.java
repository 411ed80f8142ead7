package org.tipline.observability;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the services publish (docs/observability.md describes each), and how to find the metric names a
 * PromQL expression reads. Alert rules and dashboards may use only these, so that a renamed metric breaks the
 * build here instead of silently emptying a panel or an alert.
 */
final class PublishedMetrics {

	static final Set<String> TIPLINE = Set.of(
			// intake
			"tipline_intake_tips_received_total", "tipline_intake_tips_duplicate_total",
			"tipline_intake_publish_failures_total", "tipline_intake_requests_unauthenticated_total",
			"tipline_intake_requests_limited_total",
			// triage
			"tipline_triage_tips_total",
			// dispatch
			"tipline_dispatch_decisions_total", "tipline_dispatch_delivery_attempts_total",
			"tipline_dispatch_sla_breaches_total", "tipline_dispatch_held_tips", "tipline_dispatch_undelivered_tips",
			"tipline_dispatch_endpoints_disabled", "tipline_dispatch_dead_letters",
			"tipline_delivery_latency_seconds_bucket", "tipline_delivery_latency_seconds_count",
			"tipline_delivery_latency_seconds_sum",
			// audit
			"tipline_audit_entries_total", "tipline_audit_tips_stuck", "tipline_audit_reads_total");

	/** Published by every service through its libraries, or by Prometheus itself. */
	static final Set<String> PLATFORM = Set.of("up", "ALERTS", "spring_cloud_stream_binder_kafka_offset",
			"kafka_producer_record_error_total");

	private static final Set<String> PLATFORM_PREFIXES = Set.of("jvm_", "process_");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "bool", "inf", "nan", "atan2");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");

	private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern LABEL_LIST = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	/** An identifier not preceded by a word character, a dot or a colon, and not a function call. */
	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][\\w:]*+)(?!\\s*\\()");

	private PublishedMetrics() {
	}

	static boolean isPublished(String metric) {
		return TIPLINE.contains(metric) || PLATFORM.contains(metric)
				|| PLATFORM_PREFIXES.stream().anyMatch(metric::startsWith);
	}

	/**
	 * The metric names an expression reads. Strings, label matchers, ranges, label lists of {@code by}/{@code on}
	 * and Grafana's {@code $variables} are removed first; what remains that is neither a function nor a keyword is
	 * a metric name.
	 */
	static Set<String> readBy(String promql) {
		String rest = STRING.matcher(promql).replaceAll("\"\"");
		rest = GRAFANA_VARIABLE.matcher(rest).replaceAll(" ");
		rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
		rest = RANGE.matcher(rest).replaceAll(" ");
		rest = LABEL_LIST.matcher(rest).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			if (!KEYWORDS.contains(identifier.group(1).toLowerCase())) {
				names.add(identifier.group(1));
			}
		}
		return names;
	}

}
