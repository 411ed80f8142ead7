package org.tipline.dispatch.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A state endpoint for tests: answers each POST as the test tells it (status, headers, body, delay) and keeps
 * every request it got, headers and raw body. Plain HTTP, or HTTPS that requires a client certificate.
 */
public final class StubEndpoint implements AutoCloseable {

	/** {@code chunked}: the body is sent without a Content-Length, so its size shows only as it is read. */
	public record Answer(int status, Map<String, String> headers, String body, long delayMillis, boolean chunked) {

		public Answer(int status, Map<String, String> headers, String body, long delayMillis) {
			this(status, headers, body, delayMillis, false);
		}

		public static Answer status(int status) {
			return new Answer(status, Map.of(), "", 0);
		}
	}

	public record Received(String path, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}

	private final HttpServer server;

	private final String scheme;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile Function<Received, Answer> answers = (request) -> Answer.status(202);

	public StubEndpoint() {
		this(null);
	}

	/** With {@code tls}, HTTPS that completes no request without a client certificate {@code tls} trusts. */
	public StubEndpoint(SSLContext tls) {
		try {
			if (tls == null) {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				scheme = "http";
			}
			else {
				HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				https.setHttpsConfigurator(new HttpsConfigurator(tls) {
					@Override
					public void configure(HttpsParameters parameters) {
						SSLParameters ssl = tls.getDefaultSSLParameters();
						ssl.setNeedClientAuth(true);
						parameters.setSSLParameters(ssl);
					}
				});
				server = https;
				scheme = "https";
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
	}

	public URI url(String path) {
		return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	public String urlTemplate() {
		return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/states/{state}/tips";
	}

	public void answer(Function<Received, Answer> answers) {
		this.answers = answers;
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		Received request = new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		received.add(request);
		Answer answer = answers.apply(request);
		if (answer.delayMillis() > 0) {
			try {
				Thread.sleep(answer.delayMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), (body.length == 0) ? -1 : answer.chunked() ? 0 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
