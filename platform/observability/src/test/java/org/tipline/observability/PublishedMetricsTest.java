package org.tipline.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedMetricsTest {

	@Test
	void readsMetricNamesButNotFunctionsLabelsKeywordsOrDurations() {
		String promql = """
				histogram_quantile(0.95, sum by (state, priority, le) (
				    rate(tipline_delivery_latency_seconds_bucket{state=~"FL|TX", le!="+Inf"}[5m])))
				  / on (state) group_left (priority)
				sum without (instance) (increase(tipline_dispatch_sla_breaches_total[1h] offset 5m))
				  or max(up{job="tipline"}) > bool 1e3 unless absent(process_cpu_usage)
				""";

		assertThat(PublishedMetrics.readBy(promql)).containsExactlyInAnyOrder(
				"tipline_delivery_latency_seconds_bucket", "tipline_dispatch_sla_breaches_total", "up",
				"process_cpu_usage");
	}

	@Test
	void readsThroughGrafanaVariablesAndStrings() {
		String promql = "sum by (endpoint) (rate(tipline_dispatch_delivery_attempts_total{endpoint=~\"$endpoint\","
				+ " outcome=\"failed\"}[$__rate_interval])) * 60 + label_replace(vector(0), \"x\", \"$1\", \"y\", \"(.*)\")";

		assertThat(PublishedMetrics.readBy(promql)).containsExactly("tipline_dispatch_delivery_attempts_total");
	}

	@Test
	void readsAMisspelledMetricSoTheChecksCanRejectIt() {
		assertThat(PublishedMetrics.readBy("max(tipline_dispatch_dead_letter)"))
			.containsExactly("tipline_dispatch_dead_letter");
		assertThat(PublishedMetrics.isPublished("tipline_dispatch_dead_letter")).isFalse();
	}

	@Test
	void acceptsTheListedMetricsAndTheStandardOnesOnly() {
		assertThat(PublishedMetrics.isPublished("tipline_delivery_latency_seconds_bucket")).isTrue();
		assertThat(PublishedMetrics.isPublished("spring_cloud_stream_binder_kafka_offset")).isTrue();
		assertThat(PublishedMetrics.isPublished("jvm_memory_used_bytes")).isTrue();
		assertThat(PublishedMetrics.isPublished("up")).isTrue();
		assertThat(PublishedMetrics.isPublished("tipline_delivery_latency_seconds_max")).isFalse();
		assertThat(PublishedMetrics.isPublished("tipline_dispatch_sla_breaches")).isFalse();
		assertThat(PublishedMetrics.isPublished("http_server_requests_seconds_count")).isFalse();
	}

}
