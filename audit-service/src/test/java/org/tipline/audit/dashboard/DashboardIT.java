package org.tipline.audit.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.audit.AuditServiceTest;
import org.tipline.audit.PipelineEvents;
import org.tipline.events.EventType;
import org.tipline.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The built-in dashboard on a pipeline run published to the real topics: its JSON endpoint checked against
 * percentiles computed here from the plan, and the page itself in Debian's headless chromium, which must ask for a
 * reader's key, show an analyst what the role may see and oversight the whole run, pick up a later tip without a
 * reload, and leave a screenshot in {@code target/dashboard-screenshot.png}.
 */
class DashboardIT extends AuditServiceTest {

	/** Debian's packages; elsewhere give {@code -Dtipline.chromium=…} and {@code -Dtipline.chromedriver=…}. */
	private static final Path CHROMIUM = Path.of(System.getProperty("tipline.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("tipline.chromedriver", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	/** One planned tip: {@code latencyMinutes} null means never delivered. States no other test uses. */
	record Plan(UUID tip, String state, String priority, Instant receivedAt, String decision, String reason,
			Integer latencyMinutes) {

		Instant deadline() {
			return forwards() ? receivedAt.plus(Duration.ofMinutes("P1".equals(priority) ? 60 : 240)) : null;
		}

		boolean forwards() {
			return decision.startsWith("FORWARD");
		}

		Instant deliveredAt() {
			return (latencyMinutes == null) ? null : receivedAt.plus(Duration.ofMinutes(latencyMinutes));
		}

		boolean breached() {
			return forwards() && (deliveredAt() == null || deliveredAt().isAfter(deadline()));
		}
	}

	private static final List<Plan> RUN = List.of(
			// VT: four delivered, the last one 90 minutes after intake on a 60-minute deadline
			forward("VT", "P1", 8 * 60, 2), forward("VT", "P1", 6 * 60, 4), forward("VT", "P1", 4 * 60, 6),
			forward("VT", "P1", 2 * 60, 90),
			// WY: two delivered in time, two withheld, one held for the victim's consent
			forward("WY", "P2", 7 * 60, 10), forward("WY", "P2", 5 * 60, 20),
			new Plan(UUID.randomUUID(), "WY", "P3", NOW.minus(Duration.ofMinutes(450)), "WITHHOLD",
					"VICTIM_DECLINED_CONSENT", null),
			new Plan(UUID.randomUUID(), "WY", "P3", NOW.minus(Duration.ofMinutes(210)), "WITHHOLD",
					"VICTIM_DECLINED_CONSENT", null),
			new Plan(UUID.randomUUID(), "WY", "P3", NOW.minus(Duration.ofMinutes(60)), "HOLD_FOR_CONSENT",
					"VICTIM_CONSENT_NOT_GIVEN", null),
			// NM: one delivered in time, one forwarded three hours ago and never delivered
			forward("NM", "P1", 9 * 60, 30), forward("NM", "P1", 3 * 60, null));

	/** Published only after the page showed the run: it must appear without a reload. */
	private static final Plan LATE_TIP = forward("AK", "P2", 10, 3);

	private static boolean runPublished;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private static Plan forward(String state, String priority, int minutesAgo, Integer latencyMinutes) {
		return new Plan(UUID.randomUUID(), state, priority, NOW.minus(Duration.ofMinutes(minutesAgo)), "FORWARD",
				"REPORTER_NOT_VICTIM", latencyMinutes);
	}

	private static synchronized void publishTheRun() {
		if (!runPublished) {
			publish(RUN);
			runPublished = true;
		}
	}

	private static void publish(List<Plan> plans) {
		try (PipelineEvents events = new PipelineEvents()) {
			for (Plan plan : plans) {
				events.received(plan.tip(), plan.receivedAt());
				events.triaged(plan.tip(), plan.receivedAt().plusSeconds(2), plan.state(), plan.priority());
				events.decided(plan.tip(), "decided-" + plan.tip(), plan.receivedAt().plusSeconds(3), plan.decision(),
						plan.reason(), plan.state(), plan.priority(), plan.deadline());
				if (plan.deliveredAt() != null) {
					events.delivered(plan.tip(), plan.deliveredAt(), plan.state());
				}
				if (plan.breached()) {
					events.breached(plan.tip(), plan.deadline(), plan.deadline().plusSeconds(1), plan.state(),
							plan.priority());
				}
			}
		}
	}

	@Test
	void servesThePageAtTheRootWithoutAKeyOrExternalResources() {
		String page = anonymous.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
		assertThat(page).contains("<title>Tipline — pipeline at a glance</title>", "dashboard.js", "dashboard.css")
			.doesNotContain("http://", "https://");
		for (String asset : List.of("/dashboard.js", "/dashboard.css")) {
			String body = anonymous.get().uri(asset).exchange().expectStatus().isOk().expectBody(String.class)
				.returnResult().getResponseBody();
			// the one URL in the script is the SVG namespace, which is a name and never fetched
			assertThat(body.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://", "//cdn");
		}
	}

	@Test
	void bucketsLatencyPerStateByTheIntervalOfDeliveryWithNearestRankPercentiles() {
		publishTheRun();
		Duration bucket = Duration.ofHours(6);
		String uri = "/v1/audit/dashboard/latency?from=" + NOW.minus(Duration.ofHours(12)) + "&to="
				+ NOW.plusSeconds(60) + "&bucket=" + bucket;

		// expected per state: the tips delivered in each 6-hour interval since the epoch, and their percentiles
		Map<String, Map<Instant, List<Long>>> expected = new TreeMap<>();
		for (Plan plan : RUN) {
			if (plan.deliveredAt() != null) {
				long size = bucket.toMillis();
				Instant start = Instant.ofEpochMilli(Math.floorDiv(plan.deliveredAt().toEpochMilli(), size) * size);
				expected.computeIfAbsent(plan.state(), (state) -> new TreeMap<>())
					.computeIfAbsent(start, (key) -> new ArrayList<>())
					.add(plan.latencyMinutes() * 60_000L);
			}
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Map<String, Map<Instant, List<Long>>> actual = new TreeMap<>();
			JsonNode answer = json.readTree(analyst().get().uri(uri).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody());
			assertThat(answer.path("bucket").asString()).isEqualTo("PT6H");
			for (JsonNode series : answer.path("states")) {
				String state = series.path("state").asString();
				if (!expected.containsKey(state)) {
					continue;
				}
				int delivered = 0;
				for (JsonNode point : series.path("points")) {
					List<Long> values = List.of(point.path("p50Millis").asLong(), point.path("p95Millis").asLong(),
							point.path("p99Millis").asLong(), (long) point.path("delivered").asInt());
					actual.computeIfAbsent(state, (key) -> new TreeMap<>())
						.put(Instant.parse(point.path("start").asString()), values);
					delivered += point.path("delivered").asInt();
				}
				assertThat(series.path("delivered").asInt()).isEqualTo(delivered);
			}
			Map<String, Map<Instant, List<Long>>> expectedPercentiles = new TreeMap<>();
			expected.forEach((state, buckets) -> buckets.forEach((start, latencies) -> {
				List<Long> sorted = latencies.stream().sorted().toList();
				expectedPercentiles.computeIfAbsent(state, (key) -> new TreeMap<>())
					.put(start, List.of(nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99),
							(long) sorted.size()));
			}));
			assertThat(actual).isEqualTo(expectedPercentiles);
		});

		analyst().get().uri("/v1/audit/dashboard/latency?bucket=PT1S").exchange().expectStatus().isBadRequest();
		analyst().get().uri("/v1/audit/dashboard/latency?bucket=soon").exchange().expectStatus().isBadRequest();
		analyst().get().uri("/v1/audit/dashboard/latency?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").exchange()
			.expectStatus().isBadRequest();
	}

	@Test
	void countsATipInTheIntervalOfItsFirstDeliveryOnly() {
		Plan plan = forward("RI", "P2", 20 * 60, 30);
		publish(List.of(plan));
		try (PipelineEvents events = new PipelineEvents()) {
			// delivered again 18 hours later (a replay): its latency stays the first delivery's
			events.publish(Topics.TIPS_DELIVERIES, EventType.TIP_DELIVERY_ATTEMPTED, "/tipline/dispatch",
					"delivery-" + plan.tip() + "/2", plan.tip(), """
							{"tipId":"%s","deliveryId":"d-%s","attempt":2,"attemptedAt":"%s","endpoint":"RI",
							 "outcome":"DELIVERED","statusCode":202,"latencyMillis":40}"""
						.formatted(plan.tip(), plan.tip(), NOW.minus(Duration.ofHours(2))));
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id = ? AND hop = 'DELIVERED'")
				.param(plan.tip())
				.query(Long.class)
				.single() == 2);

		String sinceTheFirst = "/v1/audit/dashboard/latency?from=" + NOW.minus(Duration.ofHours(21)) + "&to=" + NOW
				+ "&bucket=PT1H";
		analyst().get().uri(sinceTheFirst).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.states[?(@.state == 'RI')].delivered").isEqualTo(List.of(1))
			.jsonPath("$.states[?(@.state == 'RI')].points[*].p99Millis").isEqualTo(List.of(30 * 60_000));
		String afterTheFirst = "/v1/audit/dashboard/latency?from=" + NOW.minus(Duration.ofHours(12)) + "&to=" + NOW
				+ "&bucket=PT1H";
		analyst().get().uri(afterTheFirst).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.states[?(@.state == 'RI')]").isEmpty();
	}

	private static long nearestRank(List<Long> sorted, int percentile) {
		return sorted.get((int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
	}

	@Test
	void showsThePipelineRunLiveInHeadlessChromiumAndSavesAScreenshot() throws Exception {
		requireChromiumAndItsDriver();
		Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,1000");
		ChromeDriver browser = new ChromeDriver(service, options);
		try {
			Instant opened = Instant.now();
			browser.get("http://localhost:" + port + "/");
			assertThat(browser.getTitle()).isEqualTo("Tipline — pipeline at a glance");
			assertThat(text(browser, "h1")).isEqualTo("Tipline — pipeline at a glance");

			// the page needs no key, its figures do: it asks once, and says so when a key is refused
			waitFor(browser, Duration.ofSeconds(30), () -> browser.findElement(By.id("key-form")).isDisplayed()
					&& text(browser, "#status").startsWith("Enter a reader key"));
			enterKey(browser, "tpl_" + "x".repeat(43));
			waitFor(browser, Duration.ofSeconds(30), () -> text(browser, "#status")
				.equals("That key was not accepted (401): check it and enter it again."));
			assertThat(browser.executeScript("return sessionStorage.getItem('tipline.audit.key')")).isNull();

			// an analyst sees every panel but the reasons for withholding, which say so instead of failing the page
			enterKey(browser, ANALYST_KEY);
			waitFor(browser, Duration.ofSeconds(30), () -> text(browser, "#status").startsWith("Updated"));
			assertThat(text(browser, "#reader")).startsWith("Reading as " + ANALYST_READER + " (analyst)");
			publishTheRun();
			waitFor(browser, Duration.ofSeconds(90), () -> showsTheRun(browser));
			assertThat(text(browser, "#decisions [data-needs='OVERSIGHT']"))
				.startsWith("Shown to oversight readers only");
			assertThat(text(browser, "[data-tile='Withheld'] .value")).isEqualTo("—");
			// the key lives in this tab's sessionStorage only, and the page never asked for what the role may not see
			assertThat(browser.executeScript("return sessionStorage.getItem('tipline.audit.key')"))
				.isEqualTo(ANALYST_KEY);
			assertThat(browser.executeScript("return localStorage.length + ':' + document.cookie")).isEqualTo("0:");
			assertThat(readsSince(opened, ANALYST_READER, "/v1/audit/oversight/withheld")).isZero();
			assertThat(readsSince(opened, ANALYST_READER, "/v1/audit/oversight/pending")).isPositive();

			// forgetting the key clears the figures; oversight sees everything
			browser.findElement(By.id("forget")).click();
			waitFor(browser, Duration.ofSeconds(10), () -> browser.findElement(By.id("key-form")).isDisplayed()
					&& count(browser, "#deadline tr") == 0);
			enterKey(browser, OVERSIGHT_KEY);
			waitFor(browser, Duration.ofSeconds(90),
					() -> showsTheRun(browser) && count(browser, "#decisions tr[data-reason]") > 0);
			assertThat(text(browser, "#reader")).startsWith("Reading as " + OVERSIGHT_READER + " (oversight)");

			// share within deadline per state: VT 3 of 4 (one 90 minutes late), WY 2 of 2, NM 1 of 2 (one overdue)
			assertThat(cells(browser, "#deadline tr[data-state='VT']")).containsExactly("VT", "", "75%", "3 of 4");
			assertThat(cells(browser, "#deadline tr[data-state='WY']")).containsExactly("WY", "", "100%", "2 of 2");
			// latency per state: VT delivered in four different hours, so four points of p50, p95 and p99 each
			assertThat(count(browser, "#latency [data-state='VT'] svg circle")).isEqualTo(12);
			assertThat(text(browser, "#latency [data-state='WY'] .count")).isEqualTo("2 tips delivered in the window");
			// nearest rank of 2, 4, 6 and 90 minutes: p50 4 min, p95 and p99 90 min
			assertThat(cells(browser, "#latency [data-state='VT'] tr[data-priority='P1']"))
				.containsExactly("P1", "4", "4 min", "1.5 h", "1.5 h", "3 of 4");
			// withheld and held by reason, with the states they came from
			assertThat(text(browser, "#decisions tr[data-reason='VICTIM_DECLINED_CONSENT']")).contains("WY 2");
			assertThat(text(browser, "#decisions tr[data-reason='VICTIM_CONSENT_NOT_GIVEN']")).contains("WY 1");
			// held and undelivered right now, and the breaches
			assertThat(cells(browser, "#pending tr[data-state='NM']")).containsExactly("NM", "0", "1", "1", "0");
			assertThat(cells(browser, "#breaches tr[data-state='NM']")).containsExactly("NM", "1", "", "0", "1");
			String undelivered = RUN.get(RUN.size() - 1).tip().toString();
			assertThat(text(browser, "#pending tr[data-tip='" + undelivered + "']")).contains(undelivered.substring(0, 8),
					"awaiting delivery", "NM", "P1", "passed");
			assertThat(text(browser, "body")).doesNotContain("PERSONAL-NARRATIVE", "3055550100");

			// live: a tip published now appears at the next refresh, without a reload
			assertThat(count(browser, "#latency [data-state='AK']")).isZero();
			publish(List.of(LATE_TIP));
			// recorded first, so a timeout below is the page's and not the log's
			await().atMost(Duration.ofSeconds(60))
				.until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id = ? AND hop = 'DELIVERED'")
					.param(LATE_TIP.tip())
					.query(Long.class)
					.single() == 1);
			waitFor(browser, Duration.ofSeconds(60),
					() -> cells(browser, "#deadline tr[data-state='AK']").equals(List.of("AK", "", "100%", "1 of 1")));
			assertThat(text(browser, "#latency [data-state='AK'] .count")).isEqualTo("1 tip delivered in the window");
		}
		finally {
			screenshot(browser);
			browser.quit();
			service.stop();
		}
		assertThat(SCREENSHOT).isNotEmptyFile();
	}

	private static boolean showsTheRun(JavascriptExecutor browser) {
		return cells(browser, "#deadline tr[data-state='NM']").equals(List.of("NM", "", "50%", "1 of 2"))
				&& cells(browser, "#pending tr[data-state='WY']").equals(List.of("WY", "1", "0", "0", "0"))
				&& cells(browser, "#breaches tr[data-state='VT']").equals(List.of("VT", "1", "", "1", "0"))
				&& text(browser, "#latency [data-state='VT'] .count").startsWith("4 tips");
	}

	private static void enterKey(ChromeDriver browser, String key) {
		WebElement input = browser.findElement(By.id("key"));
		input.clear();
		input.sendKeys(key);
		browser.findElement(By.id("key-submit")).click();
	}

	/** As the access log recorded them. */
	private long readsSince(Instant since, String reader, String path) {
		return jdbc.sql("SELECT count(*) FROM audit_access WHERE at >= ? AND reader = ? AND path = ?")
			.params(Timestamp.from(since), reader, path)
			.query(Long.class)
			.single();
	}

	/** Skipped where chromium is not installed, except on CI, which must have it. */
	private static void requireChromiumAndItsDriver() {
		List<String> missing = new ArrayList<>();
		for (Path path : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(path)) {
				missing.add(path.toString());
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		if ("true".equals(System.getenv("CI"))) {
			fail(".ci/run installs chromium and chromium-driver, yet " + missing + " is missing");
		}
		Assumptions.abort("the dashboard's browser test needs Debian's chromium and chromium-driver, missing "
				+ missing + ": install them with apt-get install -y chromium chromium-driver");
	}

	/** The whole page, not just the window: the viewport is made as tall as the document first. */
	private static void screenshot(ChromeDriver browser) throws Exception {
		Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1440, "height",
				Math.min(height.intValue(), 8000), "deviceScaleFactor", 1, "mobile", false));
		File shot = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
	}

	/** On timeout the message carries the page's status line, which says whether the page stopped refreshing. */
	private static void waitFor(ChromeDriver browser, Duration timeout, java.util.function.BooleanSupplier condition) {
		WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(500));
		wait.withMessage(() -> "the page's status line reads '" + text(browser, "#status") + "'");
		wait.until((driver) -> condition.getAsBoolean());
	}

	/**
	 * Read in one script so a refresh replacing the DOM between two calls cannot leave a stale element; empty when
	 * there is no such element.
	 */
	private static String text(JavascriptExecutor browser, String selector) {
		Object text = browser.executeScript(
				"var node = document.querySelector(arguments[0]); return node ? node.innerText.trim() : ''", selector);
		return (String) text;
	}

	@SuppressWarnings("unchecked")
	private static List<String> cells(JavascriptExecutor browser, String rowSelector) {
		return (List<String>) browser.executeScript("""
				var row = document.querySelector(arguments[0]);
				return row ? Array.from(row.cells).map(function (cell) { return cell.innerText.trim(); }) : [];""",
				rowSelector);
	}

	private static long count(JavascriptExecutor browser, String selector) {
		return (Long) browser.executeScript("return document.querySelectorAll(arguments[0]).length", selector);
	}
}
