package org.tipline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Local mode signs deliveries to the demo state endpoints with one Standard Webhooks secret, generated on the first
 * start and kept in the data directory (readable by the owner only), so deliveries can be verified against it.
 */
final class WebhookSecrets {

	static final String FILE_NAME = "dispatch-webhook-secrets.yml";

	private WebhookSecrets() {
	}

	/** Returns the configuration file dispatch imports, creating it with a fresh secret the first time. */
	static Path ensure(Path dataDir) throws IOException {
		Path file = dataDir.resolve(FILE_NAME);
		if (Files.exists(file)) {
			return file;
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, """
				# Standard Webhooks secret that local mode's dispatch signs every delivery with (all demo states share it).
				# Verify a delivery with any Standard Webhooks library and this secret. Generated on first start; keep it private.
				tipline:
				  dispatch:
				    endpoints:
				      default-secrets:
				        - whsec_%s
				""".formatted(Base64.getEncoder().encodeToString(secret)));
		return file;
	}

	/** The secret in {@code file}, as written by {@link #ensure}. */
	static String read(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.map(String::trim)
			.filter((line) -> line.startsWith("- whsec_"))
			.map((line) -> line.substring(2))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no secret in " + file));
	}
}
