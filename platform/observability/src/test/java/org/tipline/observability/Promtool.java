package org.tipline.observability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Prometheus' own checker, run in this module's directory. A newcomer's machine may not have it: the tests that
 * need it are then skipped, except on CI (environment variable {@code CI=true}), which must run them.
 */
final class Promtool {

	private final Path executable;

	private Promtool(Path executable) {
		this.executable = executable;
	}

	/** promtool from the PATH; aborts the calling test without it, or fails it on CI. */
	static Promtool required() {
		Optional<Path> found = onPath(System.getenv("PATH"));
		if (found.isPresent()) {
			return new Promtool(found.get());
		}
		if ("true".equals(System.getenv("CI"))) {
			fail("promtool missing; .ci/run installs the Debian package prometheus");
		}
		return abort("promtool not found on the PATH, so the alert rules and dashboard queries are not checked; "
				+ "install it (Debian/Ubuntu: apt-get install prometheus) to run these tests");
	}

	static Optional<Path> onPath(String path) {
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (!dir.isBlank()) {
				Path candidate = Path.of(dir, "promtool");
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	/** Runs {@code promtool args…} in {@code directory}, returning its exit code and merged output. */
	Run run(Path directory, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(executable.toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		process.getOutputStream().close();
		// read before waiting: a full pipe would block promtool
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail(String.join(" ", command) + " did not finish within 2 minutes; output so far:\n" + output);
		}
		return new Run(String.join(" ", command), process.exitValue(), output);
	}

	record Run(String command, int exitCode, String output) {

		/** What a failing assertion shows: the command and everything promtool printed. */
		String report() {
			return command + " exited with " + exitCode + ":\n" + output;
		}

	}

}
