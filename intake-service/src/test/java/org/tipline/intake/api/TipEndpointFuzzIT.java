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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.tipline.intake.IntakeApplication;
import org.tipline.intake.RunningIntake;
import org.tipline.intake.TestAdapters;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests against a running intake with the real broker and database: hostile bodies with the adapter's
 * key, and hostile methods, paths and headers. Whatever arrives, intake answers below 500 and logs no error. The
 * tries are fixed so that the suite stays well under a minute.
 */
class TipEndpointFuzzIT {

	private static final Queue<ILoggingEvent> errors = new ConcurrentLinkedQueue<>();

	private static ConfigurableApplicationContext intake;

	private static WebTestClient http;

	private static AppenderBase<ILoggingEvent> errorRecorder;

	@BeforeContainer
	static void startIntake() {
		List<String> arguments = new ArrayList<>();
		RunningIntake.Infrastructure.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--server.port=0");
		// the fuzzer is one adapter sending as fast as intake answers; the rate limit has tests of its own
		arguments.add("--tipline.intake.adapters." + TestAdapters.SMS_GATEWAY + ".requests-per-second=1000000");
		arguments.add("--tipline.intake.adapters." + TestAdapters.SMS_GATEWAY + ".burst=1000000");
		intake = new SpringApplicationBuilder(IntakeApplication.class).run(arguments.toArray(String[]::new));
		http = WebTestClient.bindToServer()
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

	@AfterContainer
	static void stopIntake() {
		rootLogger().detachAppender(errorRecorder);
		intake.close();
	}

	@Property(tries = 250)
	void aTipOfAnyShapeIsNeverAServerError(@ForAll("bodies") byte[] body, @ForAll("contentTypes") String contentType) {
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
	}

	@Property(tries = 150)
	void anyMethodPathAndHeadersAreNeverAServerError(@ForAll("methods") HttpMethod method, @ForAll("paths") String path,
			@ForAll("headers") List<Tuple2<String, String>> headers, @ForAll("bodies") byte[] body) {
		int status = http.method(method)
			.uri(path)
			.headers((all) -> headers.forEach((header) -> all.add(header.get1(), header.get2())))
			.body(BodyInserters.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();

		assertThat(status).isBetween(200, 499);
		assertNoErrorLogged();
	}

	@Provide
	Arbitrary<byte[]> bodies() {
		return HostileBodies.any();
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json")),
				Tuple.of(1, Arbitraries.of("application/json;charset=UTF-8", "application/json; charset=UTF-16",
						"application/json;charset=x-nonsense", "APPLICATION/JSON", "application/problem+json",
						"application/*", "*/*", "text/plain", "application/xml", "multipart/form-data; boundary=x",
						"application/x-www-form-urlencoded", "json", "", ";;;", "application/json;q", "x/y/z")));
	}

	@Provide
	Arbitrary<HttpMethod> methods() {
		return Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH,
				HttpMethod.OPTIONS, HttpMethod.HEAD);
	}

	@Provide
	Arbitrary<String> paths() {
		Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()),
				Arbitraries.strings().all().ofMaxLength(60).map(TipEndpointFuzzIT::encoded),
				Arbitraries.of("00000000-0000-0000-0000-000000000000", "1-1-1-1-1", "..", "%00", "%2e%2e%2f"));
		return Arbitraries.oneOf(Arbitraries.of("/v1/tips", "/v1/tips/", "/v1", "/", "/actuator/health",
				"/actuator/prometheus", "/actuator/env", "/actuator/../v1/tips", "/v1//tips", "/v1/tips?x=1",
				"/V1/TIPS"),
				ids.map((id) -> "/v1/tips/" + id), ids.map((id) -> "/v1/tips/" + id + "/consent"));
	}

	@Provide
	Arbitrary<List<Tuple2<String, String>>> headers() {
		// what an HTTP client lets through: printable ASCII, no white space at either end
		Arbitrary<String> visible = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120).map(String::strip);
		Arbitrary<String> names = Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(30);
		Arbitrary<Tuple2<String, String>> header = Arbitraries.oneOf(
				Arbitraries.of("Bearer " + TestAdapters.SMS_GATEWAY_KEY, "bearer " + TestAdapters.SMS_GATEWAY_KEY,
						"Bearer  " + TestAdapters.SMS_GATEWAY_KEY, "Bearer " + TestAdapters.WEB_FORM_KEY,
						"Bearer", "Basic dXNlcjpwYXNz", "Bearer tpl_", "Bearer " + "A".repeat(4000))
					.map((value) -> Tuple.of(HttpHeaders.AUTHORIZATION, value)),
				visible.map((value) -> Tuple.of(HttpHeaders.AUTHORIZATION, "Bearer " + value)),
				contentTypes().map((value) -> Tuple.of(HttpHeaders.CONTENT_TYPE, value)),
				Arbitraries.of("application/json", "text/plain", "application/xml", "*/*", "application/problem+json",
						"image/png;q=0", "nonsense", "")
					.map((value) -> Tuple.of(HttpHeaders.ACCEPT, value)),
				Arbitraries.of("gzip", "br", "deflate", "identity", "nonsense")
					.map((value) -> Tuple.of(HttpHeaders.CONTENT_ENCODING, value)),
				Arbitraries.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
						"00-00000000000000000000000000000000-0000000000000000-01", "ff-x-y-z", "00--", "")
					.map((value) -> Tuple.of("traceparent", value)),
				visible.map((value) -> Tuple.of("traceparent", value)),
				visible.map((value) -> Tuple.of("Origin", value)),
				visible.map((value) -> Tuple.of("Accept-Language", value)),
				Combinators.combine(names, visible).as((name, value) -> Tuple.of("X-" + name, value)));
		return header.list().ofMaxSize(6).map((list) -> {
			List<Tuple2<String, String>> withKey = new ArrayList<>(list);
			if (list.stream().noneMatch((entry) -> entry.get1().equals(HttpHeaders.AUTHORIZATION))) {
				withKey.add(Tuple.of(HttpHeaders.AUTHORIZATION, "Bearer " + TestAdapters.SMS_GATEWAY_KEY));
			}
			return withKey;
		});
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
}
