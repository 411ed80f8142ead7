package org.tipline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A JVM the launcher started, its output in a log file under the data directory. */
final class ChildProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildProcess startJava(String name, Path logDir, List<String> jvmOptions, List<String> mainAndArgs)
			throws IOException {
		Files.createDirectories(logDir);
		Path log = logDir.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(mainAndArgs);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new ChildProcess(name, process, log);
	}

	String name() {
		return name;
	}

	long pid() {
		return process.pid();
	}

	Path log() {
		return log;
	}

	/** Waits until {@code ready} holds, failing early, with the log's place, when the process dies. */
	void awaitReady(BooleanSupplier ready, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!ready.getAsBoolean()) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
			}
			Thread.sleep(250);
		}
	}

	/** Waits until the process exits by itself, e.g. a one-off tool, and returns its exit code. */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " did not finish in " + timeout.toSeconds() + " s; see " + log);
		}
		return process.exitValue();
	}

	static boolean answers200(URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** SIGKILL, and waits until the process is gone. */
	void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	/** Asks the process to stop (SIGTERM, a graceful shutdown for Spring Boot and Kafka), then insists. */
	void stop(Duration grace) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
