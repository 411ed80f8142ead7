package org.tipline.dispatch.delivery;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.resolver.AddressResolverGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tipline.dispatch.endpoint.EndpointTls;
import org.tipline.dispatch.endpoint.PublicAddresses;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one signed POST of a delivery. A redirect is a failure and is never followed, so a tip cannot be steered
 * to an address configuration did not name. Outside local mode a connection is only ever opened to a public
 * address: the check runs on the address the host name resolved to at that moment, so a name that resolves inwards
 * later (DNS rebinding) gets no connection. The reply is read up to {@link #MAX_REPLY_BYTES}, for a case number; a
 * longer one fails the attempt, and a reply is never logged, only its status and size.
 */
class WebhookSender implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	static final int MAX_REPLY_BYTES = 64 * 1024;

	private final HttpClient plain;

	private final Map<EndpointTls, HttpClient> mutualTls = new ConcurrentHashMap<>();

	private final List<ConnectionProvider> pools = new CopyOnWriteArrayList<>();

	private final Duration connectTimeout;

	private final int maxConnections;

	private final boolean publicAddressesOnly;

	private final AddressResolverGroup<?> resolver;

	private final Duration requestTimeout;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * @param publicAddressesOnly false only in local mode, where endpoints run on this machine
	 * @param resolver how host names become addresses; null for Reactor Netty's DNS resolver
	 */
	WebhookSender(Duration connectTimeout, Duration requestTimeout, int maxConnections, boolean publicAddressesOnly,
			AddressResolverGroup<?> resolver, JsonMapper json, Clock clock) {
		this.connectTimeout = connectTimeout;
		this.maxConnections = maxConnections;
		this.publicAddressesOnly = publicAddressesOnly;
		this.resolver = resolver;
		this.requestTimeout = requestTimeout;
		this.json = json;
		this.clock = clock;
		this.plain = client("state-endpoints");
	}

	/** Every connection through it is checked the same way; each client has its own pool of connections. */
	private HttpClient client(String poolName) {
		ConnectionProvider pool = ConnectionProvider.builder(poolName)
			.maxConnections(maxConnections)
			// endpoints close idle keep-alive connections; reusing one they already closed would fail an attempt
			.maxIdleTime(Duration.ofSeconds(20))
			.build();
		pools.add(pool);
		HttpClient client = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
			.followRedirect(false);
		if (resolver != null) {
			client = client.resolver(resolver);
		}
		if (publicAddressesOnly) {
			client = client.doOnChannelInit((observer, channel, remoteAddress) -> channel.pipeline()
				.addFirst(PublicAddressesOnly.INSTANCE));
		}
		return client;
	}

	/**
	 * @param tls the endpoint's client certificate and CAs, {@link EndpointTls#NONE} for the JVM's defaults
	 * @param traceHeaders W3C traceparent, so the state's systems can join the tip's trace
	 */
	AttemptResult send(URI url, EndpointTls tls, String deliveryId, String body, List<String> secrets,
			Map<String, String> traceHeaders) {
		long timestamp = clock.instant().getEpochSecond();
		String signatures = WebhookSigner.signatures(deliveryId, timestamp, body, secrets);
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		long started = System.nanoTime();
		try {
			Reply reply = clientFor(tls).headers((headers) -> {
				headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
				headers.set(HttpHeaderNames.CONTENT_LENGTH, content.length);
				headers.set("webhook-id", deliveryId);
				headers.set("webhook-timestamp", Long.toString(timestamp));
				headers.set("webhook-signature", signatures);
				traceHeaders.forEach(headers::set);
			})
				.post()
				.uri(url)
				.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(content)))
				.responseConnection(WebhookSender::read)
				.next()
				.timeout(requestTimeout)
				.block();
			return resultOf(url, reply, elapsedMillis(started));
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return new AttemptResult(null, elapsedMillis(started), null, null, "interrupted");
			}
			return new AttemptResult(null, elapsedMillis(started), null, null, errorOf(ex));
		}
	}

	private AttemptResult resultOf(URI url, Reply reply, long latency) {
		int status = reply.status();
		Duration retryAfter = (status == 429 || status == 503) ? retryAfter(reply.retryAfter()) : null;
		if (reply.body() == null) {
			log.warn("Endpoint {} answered {} with a reply over {} bytes, which was not read: the attempt failed",
					url.getHost(), status, MAX_REPLY_BYTES);
			return new AttemptResult(status, latency, retryAfter, null, "reply over " + MAX_REPLY_BYTES + " bytes");
		}
		log.debug("Endpoint {} answered {} with {} bytes in {} ms", url.getHost(), status, reply.body().length,
				latency);
		String error = (status >= 300 && status < 400) ? "redirect not followed" : null;
		return new AttemptResult(status, latency, retryAfter, (status < 300) ? caseNumber(reply.body()) : null, error);
	}

	/** The status, Retry-After and body of a reply; {@code body} null when the reply was over the cap. */
	private record Reply(int status, String retryAfter, byte[] body) {
	}

	/**
	 * A reply over the cap closes the connection: draining it would keep reading what an endpoint may send
	 * without end.
	 */
	private static Mono<Reply> read(HttpClientResponse response, Connection connection) {
		int status = response.status().code();
		String retryAfter = response.responseHeaders().get("Retry-After");
		if (declaresMoreThanTheCap(response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH))) {
			connection.dispose();
			return Mono.just(new Reply(status, retryAfter, null));
		}
		return connection.inbound()
			.receive()
			.asByteArray()
			.reduceWith(ByteArrayOutputStream::new, (read, chunk) -> {
				if (read.size() + chunk.length > MAX_REPLY_BYTES) {
					throw new ReplyTooLong();
				}
				read.writeBytes(chunk);
				return read;
			})
			.map((read) -> new Reply(status, retryAfter, read.toByteArray()))
			.onErrorResume(ReplyTooLong.class, (tooLong) -> {
				connection.dispose();
				return Mono.just(new Reply(status, retryAfter, null));
			});
	}

	private static boolean declaresMoreThanTheCap(String contentLength) {
		try {
			return contentLength != null && Long.parseLong(contentLength.trim()) > MAX_REPLY_BYTES;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** Stops reading at the cap; it becomes a failed attempt and never leaves the sender. */
	private static final class ReplyTooLong extends RuntimeException {

		ReplyTooLong() {
			super(null, null, false, false);
		}
	}

	private HttpClient clientFor(EndpointTls tls) {
		if (EndpointTls.NONE.equals(tls)) {
			return plain;
		}
		return mutualTls.computeIfAbsent(tls, (settings) -> {
			KeyManagerFactory keys;
			TrustManagerFactory trust;
			try {
				keys = settings.keyManagers();
				trust = settings.trustManagers();
			}
			catch (Exception ex) {
				throw new EndpointTlsUnusable(ex);
			}
			// a pool of its own: a connection that presented one endpoint's client certificate serves no other
			return client("state-endpoint-tls-" + pools.size()).secure((spec) -> spec.sslContext(Http11SslContextSpec.forClient().configure((builder) -> {
					if (keys != null) {
						builder.keyManager(keys);
					}
					if (trust != null) {
						builder.trustManager(trust);
					}
				})));
		});
	}

	private static final class EndpointTlsUnusable extends RuntimeException {

		EndpointTlsUnusable(Exception cause) {
			super("TLS settings of the endpoint cannot be used: " + cause.getMessage(), cause);
		}
	}

	@Override
	public void close() {
		pools.forEach(ConnectionProvider::dispose);
	}

	/** Why no answer arrived, in words an operator can act on, never holding the request or the reply. */
	private static String errorOf(RuntimeException thrown) {
		Throwable cause = Exceptions.unwrap(thrown);
		for (Throwable link = cause; link != null; link = link.getCause()) {
			if (link instanceof RefusedAddress || link instanceof EndpointTlsUnusable) {
				return link.getMessage();
			}
			if (link instanceof TimeoutException) {
				return "timed out";
			}
		}
		return cause.getClass().getSimpleName();
	}

	/** Seconds or an HTTP date, as RFC 9110 allows; anything else is ignored. */
	Duration retryAfter(String header) {
		if (header == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unparseable) {
				return null;
			}
		}
	}

	/** A state may answer with its own case number: {@code {"caseNumber": "…"}}. */
	private String caseNumber(byte[] reply) {
		if (reply.length == 0) {
			return null;
		}
		try {
			JsonNode node = json.readTree(reply).path("caseNumber");
			String value = node.isString() ? node.asString() : null;
			return (value != null && !value.isBlank() && value.length() <= 128) ? value : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static long elapsedMillis(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
	}

	/**
	 * Sits on every channel to an endpoint and fails a connect to an address that is not public before any packet
	 * is sent. It sees the address actually connected to, after resolution, whatever the URL held.
	 */
	@ChannelHandler.Sharable
	static final class PublicAddressesOnly extends ChannelOutboundHandlerAdapter {

		static final PublicAddressesOnly INSTANCE = new PublicAddressesOnly();

		@Override
		public void connect(ChannelHandlerContext context, SocketAddress remote, SocketAddress local,
				ChannelPromise promise) {
			if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
				promise.setFailure(new RefusedAddress(String.valueOf(remote), "not a resolved IP address"));
				return;
			}
			Optional<String> refusal = PublicAddresses.refusalOf(inet.getAddress());
			if (refusal.isPresent()) {
				String ip = inet.getAddress().getHostAddress();
				String name = inet.getHostString();
				promise.setFailure(new RefusedAddress(name.equals(ip) ? ip : name + " at " + ip, refusal.get()));
				return;
			}
			context.connect(remote, local, promise);
		}
	}

	static final class RefusedAddress extends RuntimeException {

		RefusedAddress(String address, String rule) {
			super("refused to connect to " + address + ", " + rule + ": endpoints must be at public addresses", null,
					false, false);
		}
	}
}
