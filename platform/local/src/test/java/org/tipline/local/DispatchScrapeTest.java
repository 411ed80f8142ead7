package org.tipline.local;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchScrapeTest {

	@Test
	void countsTheSharedDeliveryQueueOnceWhateverTheNumberOfInstances() {
		DispatchScrape scrape = new DispatchScrape(List.of("""
				# TYPE tipline_dispatch_undelivered_tips gauge
				tipline_dispatch_undelivered_tips{application="dispatch-service"} 42.0
				tipline_dispatch_held_tips{application="dispatch-service"} 7.0
				""", """
				tipline_dispatch_undelivered_tips{application="dispatch-service"} 40.0
				"""));

		assertThat(scrape.undelivered()).isEqualTo(42);
	}

	@Test
	void readsNothingUndeliveredFromAnInstanceThatDoesNotReportIt() {
		assertThat(new DispatchScrape(List.of("tipline_dispatch_held_tips 3.0\n")).undelivered()).isZero();
	}

	@Test
	void readsTheDecisionsFromTheSameScrape() {
		DispatchScrape scrape = new DispatchScrape(List.of("""
				tipline_dispatch_decisions_total{application="dispatch-service",decision="FORWARD",reason="state-policy"} 5.0
				tipline_dispatch_undelivered_tips{application="dispatch-service"} 1.0
				"""));

		assertThat(scrape.decisions().breakdown()).isEqualTo("5 FORWARD");
	}
}
