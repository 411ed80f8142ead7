package org.tipline.testing;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The seeded random that fuzz tests in every service draw their inputs from, and the loop that runs a fixed number
 * of tries on it. The build draws the same inputs every time, so that its result depends on the code and not on
 * luck; {@code -D}{@value #SEED_PROPERTY}{@code =random} explores fresh inputs, and any other value names a seed. A
 * failure names the seed, and rerunning with it draws the same inputs in the same order. One seed serves the whole
 * test JVM: every {@link #forEachTry} starts its own random from it.
 */
public final class FuzzRandom extends Random {

	public static final String SEED_PROPERTY = "tipline.fuzz.seed";

	/** Printable ASCII, space to tilde. */
	public static final String PRINTABLE = IntStream.rangeClosed(' ', '~')
		.mapToObj(Character::toString)
		.collect(Collectors.joining());

	public static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	public static final String DIGITS = "0123456789";

	/** The seed of every build: the one whose inputs found the empty Accept header that made Boot answer 500. */
	private static final long BUILD_SEED = -578311944471397588L;

	private static final long SEED = seed();

	private FuzzRandom() {
		super(SEED);
	}

	/** Runs {@code oneTry} {@code tries} times on one random and stops at the first failure. */
	public static void forEachTry(int tries, ThrowingConsumer<FuzzRandom> oneTry) {
		// printed before the first try as well: a try that hangs until the build times out fails with no message
		System.out.printf("%d fuzz tries with -D%s=%d%n", tries, SEED_PROPERTY, SEED);
		FuzzRandom random = new FuzzRandom();
		for (int attempt = 1; attempt <= tries; attempt++) {
			try {
				oneTry.accept(random);
			}
			// a StackOverflowError on a deep input is a finding like any other, and needs its seed as much
			catch (Throwable failure) {
				throw new AssertionError("try %d of %d failed; replay it with -D%s=%d".formatted(attempt, tries,
						SEED_PROPERTY, SEED), failure);
			}
		}
	}

	public <T> T oneOf(List<T> values) {
		return values.get(nextInt(values.size()));
	}

	/** Text of {@code minLength} to {@code maxLength} characters, each from {@code alphabet}. */
	public String textOf(String alphabet, int minLength, int maxLength) {
		int length = nextInt(minLength, maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int index = 0; index < length; index++) {
			text.append(alphabet.charAt(nextInt(alphabet.length())));
		}
		return text.toString();
	}

	/**
	 * Text of any UTF-16 units. Drawn evenly from all 65,536, control characters and lone surrogates would be rare;
	 * they are what JSON, UTF-8 and PostgreSQL treat specially, so they get a share of their own.
	 */
	public String anyText(int minLength, int maxLength) {
		int length = nextInt(minLength, maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int index = 0; index < length; index++) {
			text.append(switch (nextInt(4)) {
				case 0 -> (char) nextInt(0x20);
				case 1 -> (char) nextInt(' ', '~' + 1);
				case 2 -> (char) nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1);
				default -> (char) nextInt(Character.MAX_VALUE + 1);
			});
		}
		return text.toString();
	}

	private static long seed() {
		String given = System.getProperty(SEED_PROPERTY, Long.toString(BUILD_SEED)).strip();
		return "random".equals(given) ? ThreadLocalRandom.current().nextLong() : Long.parseLong(given);
	}
}
