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
			new Place("Denver", "CO", "80202", "303"), new Place("Seattle", "WA", "98101", "206"),
			new Place("Boise", "ID", "83702", "208"), new Place("Omaha", "NE", "68102", "402"),
			new Place("Memphis", "TN", "38103", "901"), new Place("Albuquerque", "NM", "87102", "505"),
			new Place("Louisville", "KY", "40202", "502"), new Place("Tulsa", "OK", "74103", "918"),
			new Place("Richmond", "VA", "23219", "804"), new Place("Detroit", "MI", "48226", "313"),
			new Place("Portland", "OR", "97204", "503"));

	/*
	 * A narrative is a sentence frame of function words with one word drawn from each list, and the made-up name
	 * of the place. Two unrelated tips from one town then share six story words (what triage links by) about once
	 * in a billion pairs; with whole template sentences every tip read as a re-report of hundreds of others, and
	 * linking, not the pipeline, was what the benchmark measured.
	 */
	private static final List<String> WITNESSES = List.of("neighbour", "nurse", "teacher", "trucker", "cousin",
			"customer", "coworker", "landlord", "guard", "pastor", "clerk", "bartender", "mechanic", "student",
			"janitor", "paramedic", "plumber", "electrician", "waitress", "barber", "librarian", "coach",
			"firefighter", "pharmacist", "mailman", "dentist", "gardener", "courier", "roommate", "volunteer");

	private static final List<String> COUNTS = List.of("two", "three", "four", "five", "six", "seven", "eight",
			"nine", "ten", "eleven", "twelve", "fourteen", "fifteen", "twenty");

	private static final List<String> PEOPLE = List.of("women", "girls", "boys", "men", "workers", "teenagers",
			"laborers", "dancers", "cooks", "maids", "nannies", "farmhands", "dishwashers", "housekeepers",
			"masseuses", "welders", "painters", "pickers", "roofers", "caregivers");

	private static final List<String> VENUES = List.of("salon", "motel", "farm", "warehouse", "spa", "cantina",
			"orchard", "dairy", "bakery", "laundromat", "restaurant", "nightclub", "carwash", "factory", "ranch",
			"apartment", "trailer", "boat", "quarry", "greenhouse", "kitchen", "diner", "hostel", "bodega", "casino",
			"garage", "mansion", "sweatshop", "nursery", "cannery");

	private static final List<String> LANDMARKS = List.of("airport", "stadium", "mall", "depot", "harbor",
			"interstate", "cemetery", "hospital", "university", "fairgrounds", "racetrack", "river", "railyard",
			"courthouse", "library", "marina", "overpass", "refinery", "zoo", "lake", "park", "bridge", "reservoir",
			"plaza", "terminal", "boardwalk", "freeway", "canal", "levee", "prison");

	private static final List<String> CONTROLLERS = List.of("boss", "manager", "recruiter", "owner", "foreman",
			"uncle", "boyfriend", "landlady", "supervisor", "contractor", "pimp", "smuggler", "sponsor", "chef",
			"husband", "stepfather", "agent", "coyote", "madam", "broker");

	private static final List<String> THREATS = List.of("hides them", "watches them", "beats them", "drugs them",
			"starves them", "locks them in", "moves them around", "photographs them", "fines them",
			"rents them out", "blackmails them", "isolates them", "shouts at them", "follows them", "films them",
			"sells them", "threatens them", "underpays them", "transports them", "confines them");

	private static final List<String> BELONGINGS = List.of("passports", "phones", "wages", "documents", "visas",
			"licenses", "paychecks", "earnings", "keys", "shoes", "savings", "tickets", "cards", "birth certificates",
			"papers");

	private static final List<String> SYLLABLES = List.of("ka", "lo", "ver", "mi", "dan", "so", "tre", "bo", "ri",
			"nak", "pel", "zu", "gor", "an", "shi", "te", "mar", "vo", "lin", "qu");

	private static final List<String> ROLES = List.of("THIRD_PARTY", "THIRD_PARTY", "FAMILY", "PROFESSIONAL", "VICTIM",
			"ANONYMOUS");

	private static final List<String> CONSENTS = List.of("GRANTED", "GRANTED", "DECLINED", "NOT_ASKED");

	private static final int REPEAT_CALLER_PERCENT = 2;

	private static final List<String> CHANNELS = List.of("SMS", "PHONE", "EMAIL", "WEB", "CHAT");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<URI> tips;

	private final String run;

	private final String authorization;

	private final Random random = new Random(20261129);

	private final AtomicLong sequence = new AtomicLong();

	private final String[] recentPhones = new String[1000];

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private volatile Latencies latencies = new Latencies();

	/** Posts to each of {@code intakes} in turn, as a load balancer in front of several intake instances would. */
	ChannelAdapterSimulator(List<URI> intakes, String adapterKey, String run) {
		this.tips = intakes.stream().map((intake) -> intake.resolve("/v1/tips")).toList();
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
		HttpRequest request = HttpRequest.newBuilder(tips.get((int) (requests.getAndIncrement() % tips.size())))
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
		String narrative = "A %s saw %s %s at the %s %s by the %s in %s. The %s %s and has their %s."
			.formatted(pick(WITNESSES), pick(COUNTS), pick(PEOPLE), madeUpName(), pick(VENUES), pick(LANDMARKS),
					place.city(), pick(CONTROLLERS), pick(THREATS), pick(BELONGINGS));
		if (random.nextInt(20) == 0) {
			narrative += " They are being moved tonight and he has a gun.";
		}
		String role = ROLES.get(random.nextInt(ROLES.size()));
		String consent = CONSENTS.get(random.nextInt(CONSENTS.size()));
		String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
		long n = sequence.incrementAndGet();
		// every caller has a number of their own, except the share who call again about what they reported, as
		// in real traffic: linking then finds the occasional repeat
		String phone = (n > 1 && random.nextInt(100) < REPEAT_CALLER_PERCENT) ? earlierCallerPhone(n)
				: "+1" + place.areaCode() + (2_000_000 + n % 8_000_000);
		recentPhones[(int) (n % recentPhones.length)] = phone;
		boolean stated = random.nextInt(3) > 0;
		String location = stated ? ",\"location\":{\"state\":\"" + place.state() + "\",\"city\":\"" + place.city()
				+ "\",\"zip\":\"" + place.zip() + "\"}" : "";
		return """
				{"channel":"%s","channelMessageId":"bench-%s-%d","language":"en",\
				"reporter":{"role":"%s","consentToLawEnforcement":"%s"},"narrative":"%s"%s,"callerPhone":"%s"}"""
			.formatted(channel, run, n, role, consent, narrative, location, phone);
	}

	/** The number of one of the (at most) thousand callers before tip {@code n}. */
	private String earlierCallerPhone(long n) {
		int back = 1 + random.nextInt((int) Math.min(n - 1, recentPhones.length));
		return recentPhones[(int) ((n - back) % recentPhones.length)];
	}

	private String pick(List<String> words) {
		return words.get(random.nextInt(words.size()));
	}

	/** A name no dictionary has, so that it is a detail of this tip alone. */
	private String madeUpName() {
		StringBuilder name = new StringBuilder();
		for (int syllable = 0; syllable < 3; syllable++) {
			name.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
		}
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
