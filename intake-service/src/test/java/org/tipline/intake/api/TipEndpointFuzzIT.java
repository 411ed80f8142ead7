package org.tipline.intake.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.tipline.intake.IntakeApplication;
import org.tipline.intake.RunningIntake;
import org.tipline.intake.TestAdapters;
import org.tipline.testing.FuzzRandom;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests against a running intake with the real broker and database: hostile bodies with the adapter's
 * key, and hostile methods, paths and headers. Whatever arrives, intake answers below 500 and logs no error. The
 * tries are fixed so that the suite stays well under a minute.
 */
class TipEndpointFuzzIT {

	private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS, HttpMethod.HEAD);

	private static final List<String> OTHER_CONTENT_TYPES = List.of("application/json;charset=UTF-8",
			"application/json; charset=UTF-16", "application/json;charset=x-nonsense", "APPLICATION/JSON",
			"application/problem+json", "application/*", "*/*", "text/plain", "application/xml",
			"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "json", "", ";;;",
			"application/json;q", "x/y/z");

	private static final List<String> KNOWN_PATHS = List.of("/v1/tips", "/v1/tips/", "/v1", "/", "/actuator/health",
			"/actuator/prometheus", "/actuator/env", "/actuator/../v1/tips", "/v1//tips", "/v1/tips?x=1", "/V1/TIPS");

	private static final List<String> ODD_TIP_IDS = List.of("00000000-0000-0000-0000-000000000000", "1-1-1-1-1",
			"..", "%00", "%2e%2e%2f");

	private static final List<String> AUTHORIZATIONS = List.of("Bearer " + TestAdapters.SMS_GATEWAY_KEY,
			"bearer " + TestAdapters.SMS_GATEWAY_KEY, "Bearer  " + TestAdapters.SMS_GATEWAY_KEY,
			"Bearer " + TestAdapters.WEB_FORM_KEY, "Bearer", "Basic dXNlcjpwYXNz", "Bearer tpl_",
			"Bearer " + "A".repeat(4000));

	private static final List<String> ACCEPTS = List.of("application/json", "text/plain", "application/xml", "*/*",
			"application/problem+json", "image/png;q=0", "nonsense", "");

	private static final List<String> CONTENT_ENCODINGS = List.of("gzip", "br", "deflate", "identity", "nonsense");

	private static final List<String> TRACEPARENTS = List.of(
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-00000000000000000000000000000000-0000000000000000-01", "ff-x-y-z", "00--", "");

	private static final Queue<ILoggingEvent> errors = new ConcurrentLinkedQueue<>();

	private static ConfigurableApplicationContext intake;

	private static WebTestClient http;

	private static AppenderBase<ILoggingEvent> errorRecorder;

	@BeforeAll
	static void startIntake() {
		List<String> arguments = new ArrayList<>();
		RunningIntake.Infrastructure.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--server.port=0");
		// the fuzzer is one adapter sending as fast as intake answers; the rate limit has tests of its own
		arguments.add("--tipline.intake.adapters." + TestAdapters.SMS_GATEWAY + ".requests-per-second=1000000");
		arguments.add("--tipline.intake.adapters." + TestAdapters.SMS_GATEWAY + ".burst=1000000");
		intake = new SpringApplicationBuilder(IntakeApplication.class).run(arguments.toArray(String[]::new));
		// a connection of its own per request, so that no request goes out on a connection intake may be dropping
		// after answering before it read a hostile body. What is checked is each answer, not the client's pool;
		// the 30 s wait one CI run saw on a pooled connection was Reactor Netty's keep-alive defect (KeepAliveIT).
		http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
			.baseUrl("http://localhost:" + intake.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		errorRecorder = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
					errors.add(event);
				}
			}
		};
		errorRecorder.start();
		rootLogger().addAppender(errorRecorder);
	}

	@AfterAll
	static void stopIntake() {
		rootLogger().detachAppender(errorRecorder);
		intake.close();
	}

	@Test
	void aTipOfAnyShapeIsNeverAServerError() {
		FuzzRandom.forEachTry(250, (random) -> {
			byte[] body = HostileBodies.any(random);
			String contentType = contentType(random);

			int status = http.post()
				.uri("/v1/tips")
				.headers(TestAdapters.as(TestAdapters.SMS_GATEWAY_KEY))
				.header(HttpHeaders.CONTENT_TYPE, contentType)
				.body(BodyInserters.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.value();

			assertThat(status).isBetween(200, 499);
			assertNoErrorLogged();
		});
	}

	@Test
	void anyMethodPathAndHeadersAreNeverAServerError() {
		FuzzRandom.forEachTry(150, (random) -> {
			HttpMethod method = random.oneOf(METHODS);
			String path = path(random);
			List<Header> headers = headers(random);
			byte[] body = HostileBodies.any(random);

			int status = http.method(method)
				.uri(path)
				.headers((all) -> headers.forEach((header) -> all.add(header.name(), header.value())))
				.body(BodyInserters.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.value();

			assertThat(status).isBetween(200, 499);
			assertNoErrorLogged();
		});
	}

	private static String contentType(FuzzRandom random) {
		// mostly the right type, so that most bodies reach the reader
		return (random.nextInt(13) < 12) ? "application/json" : random.oneOf(OTHER_CONTENT_TYPES);
	}

	private static String path(FuzzRandom random) {
		return switch (random.nextInt(3)) {
			case 0 -> random.oneOf(KNOWN_PATHS);
			case 1 -> "/v1/tips/" + tipId(random);
			default -> "/v1/tips/" + tipId(random) + "/consent";
		};
	}

	private static String tipId(FuzzRandom random) {
		return switch (random.nextInt(3)) {
			case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
			case 1 -> encoded(random.anyText(0, 60));
			default -> random.oneOf(ODD_TIP_IDS);
		};
	}

	/** Up to six headers, with the adapter's key added when none of them is an Authorization header. */
	private static List<Header> headers(FuzzRandom random) {
		List<Header> headers = new ArrayList<>();
		int count = random.nextInt(7);
		for (int index = 0; index < count; index++) {
			headers.add(header(random));
		}
		if (headers.stream().noneMatch((header) -> header.name().equals(HttpHeaders.AUTHORIZATION))) {
			headers.add(new Header(HttpHeaders.AUTHORIZATION, "Bearer " + TestAdapters.SMS_GATEWAY_KEY));
		}
		return headers;
	}

	private static Header header(FuzzRandom random) {
		return switch (random.nextInt(10)) {
			case 0 -> new Header(HttpHeaders.AUTHORIZATION, random.oneOf(AUTHORIZATIONS));
			case 1 -> new Header(HttpHeaders.AUTHORIZATION, "Bearer " + visible(random));
			case 2 -> new Header(HttpHeaders.CONTENT_TYPE, contentType(random));
			case 3 -> new Header(HttpHeaders.ACCEPT, random.oneOf(ACCEPTS));
			case 4 -> new Header(HttpHeaders.CONTENT_ENCODING, random.oneOf(CONTENT_ENCODINGS));
			case 5 -> new Header("traceparent", random.oneOf(TRACEPARENTS));
			case 6 -> new Header("traceparent", visible(random));
			case 7 -> new Header("Origin", visible(random));
			case 8 -> new Header("Accept-Language", visible(random));
			default -> new Header("X-" + random.textOf(FuzzRandom.ALPHANUMERIC + "-", 1, 30), visible(random));
		};
	}

	/** What an HTTP client lets through in a header value: printable ASCII, no white space at either end. */
	private static String visible(FuzzRandom random) {
		return random.textOf(FuzzRandom.PRINTABLE, 0, 120).strip();
	}

	private static void assertNoErrorLogged() {
		assertThat(errors).as("errors logged").extracting(TipEndpointFuzzIT::describe).isEmpty();
	}

	private static String describe(ILoggingEvent event) {
		return event.getLoggerName() + ": " + event.getFormattedMessage()
				+ ((event.getThrowableProxy() != null) ? " " + event.getThrowableProxy().getClassName() : "");
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static Logger rootLogger() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private record Header(String name, String value) {
	}
}
