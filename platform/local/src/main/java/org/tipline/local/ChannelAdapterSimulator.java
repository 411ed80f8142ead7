package org.tipline.local;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts realistic tips to intake the way channel adapters do, at a given rate or as fast as intake answers, and
 * measures how long intake takes to answer. Every tip is a new channel message; in-flight requests are bounded.
 */
final class ChannelAdapterSimulator {

	private record Place(String city, String state, String zip, String areaCode) {
	}

	private static final List<Place> PLACES = List.of(new Place("Miami", "FL", "33101", "305"),
			new Place("Houston", "TX", "77002", "713"), new Place("Atlanta", "GA", "30303", "404"),
			new Place("Columbus", "OH", "43215", "614"), new Place("Phoenix", "AZ", "85004", "602"),
			new Place("Newark", "NJ", "07102", "973"), new Place("Las Vegas", "NV", "89101", "702"),
			new Place("Fresno", "CA", "93721", "559"), new Place("Charlotte", "NC", "28202", "704"),
			new Place("Denver", "CO", "80202", "303"));

	private static final List<String> NARRATIVES = List.of(
			"Caller reports two young women living in the back of a nail salon in %s. The manager drives them to and from work and keeps their passports. They say they owe him for the trip.",
			"A girl who looks about 15 is being posted in online escort ads. The man with her was seen at a motel in %s, he takes the money from every date.",
			"Farm workers near %s say the crew leader deducts rent and rides from their pay, holds their IDs and threatens to call immigration if they leave.",
			"Neighbour reports a man with a gun moving three women out of an apartment in %s tonight. They looked scared and did not speak English.",
			"I work at a restaurant in %s, the owner keeps my documents and I sleep in the storage room. I owe him money for the visa and cannot leave.",
			"Hotel staff in %s noticed many men visiting one room, a teenage girl answered the door and said her boyfriend handles the bookings.",
			"My cousin in %s says her employer locks her in the house and does not pay her. She cleans all day and he takes her phone at night.",
			"Caller saw a van dropping off workers at a construction site in %s at 5 am every day, they are picked up at midnight and never paid directly.");

	private static final List<String> FIRST_NAMES = List.of("Ana", "Maria", "Luis", "Grace", "Tomas", "Mei", "Omar",
			"Rosa", "Daniel", "Fatima", "Ivan", "Lucia");

	private static final List<String> ROLES = List.of("THIRD_PARTY", "THIRD_PARTY", "FAMILY", "PROFESSIONAL", "VICTIM",
			"ANONYMOUS");

	private static final List<String> CONSENTS = List.of("GRANTED", "GRANTED", "DECLINED", "NOT_ASKED");

	private static final List<String> CHANNELS = List.of("SMS", "PHONE", "EMAIL", "WEB", "CHAT");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI tips;

	private final String run;

	private final String authorization;

	private final Random random = new Random(20261129);

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private volatile Latencies latencies = new Latencies();

	ChannelAdapterSimulator(URI intake, String adapterKey, String run) {
		this.tips = intake.resolve("/v1/tips");
		this.authorization = "Bearer " + adapterKey;
		this.run = run;
	}

	/**
	 * Posts for {@code duration}; {@code ratePerSecond} 0 means as fast as intake answers with {@code maxInFlight}
	 * requests outstanding. Returns when every request was answered.
	 */
	void post(double ratePerSecond, Duration duration, int maxInFlight, String phase, PrintStream progress)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(maxInFlight);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long sent = 0;
		long nextProgress = start;
		while (System.nanoTime() < end) {
			if (ratePerSecond > 0) {
				long due = start + (long) (sent * 1e9 / ratePerSecond);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
			inFlight.acquire();
			send(inFlight);
			sent++;
			if (System.nanoTime() >= nextProgress) {
				printProgress(progress, phase, start, end, sent);
				nextProgress = System.nanoTime() + 1_000_000_000L;
			}
		}
		inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS);
		printProgress(progress, phase, start, end, sent);
		progress.println();
	}

	void reset() {
		latencies = new Latencies();
		accepted.set(0);
		refused.set(0);
	}

	Latencies latencies() {
		return latencies;
	}

	long accepted() {
		return accepted.get();
	}

	long refused() {
		return refused.get();
	}

	private void send(Semaphore inFlight) {
		long started = System.nanoTime();
		Latencies recordTo = latencies;
		HttpRequest request = HttpRequest.newBuilder(tips)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(nextTip()))
			.build();
		http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
			if (error == null && response.statusCode() == 202) {
				recordTo.record((System.nanoTime() - started) / 1000);
				accepted.incrementAndGet();
			}
			else {
				refused.incrementAndGet();
			}
			inFlight.release();
		});
	}

	private synchronized String nextTip() {
		Place place = PLACES.get(random.nextInt(PLACES.size()));
		String narrative = NARRATIVES.get(random.nextInt(NARRATIVES.size())).formatted(place.city());
		String role = ROLES.get(random.nextInt(ROLES.size()));
		String consent = CONSENTS.get(random.nextInt(CONSENTS.size()));
		String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
		long n = sequence.incrementAndGet();
		// every caller has a number of their own and every tip its own details, as in real traffic, so linking
		// finds the occasional repeat rather than one incident reported thousands of times
		String phone = "+1" + place.areaCode() + "555" + String.format("%04d", n % 10_000);
		narrative = narrative + " " + FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " saw it around "
				+ (1 + random.nextInt(12)) + ":" + String.format("%02d", random.nextInt(60)) + ", about "
				+ (2 + random.nextInt(9)) + " people, near number " + (100 + random.nextInt(9900)) + ".";
		boolean stated = random.nextInt(3) > 0;
		String location = stated ? ",\"location\":{\"state\":\"" + place.state() + "\",\"city\":\"" + place.city()
				+ "\",\"zip\":\"" + place.zip() + "\"}" : "";
		return """
				{"channel":"%s","channelMessageId":"bench-%s-%d","language":"en",\
				"reporter":{"role":"%s","consentToLawEnforcement":"%s"},"narrative":"%s"%s,"callerPhone":"%s"}"""
			.formatted(channel, run, n, role, consent, narrative, location, phone);
	}

	private void printProgress(PrintStream out, String phase, long start, long end, long sent) {
		double elapsed = (System.nanoTime() - start) / 1e9;
		double total = (end - start) / 1e9;
		int width = 30;
		int done = (int) Math.min(width, Math.round(width * elapsed / total));
		out.printf("\r  %-9s [%s%s] %4.0f/%4.0f s  %8d sent  %6.0f tips/s  %d refused   ", phase, "#".repeat(done),
				".".repeat(width - done), Math.min(elapsed, total), total, sent, sent / Math.max(elapsed, 0.001),
				refused.get());
	}
}
