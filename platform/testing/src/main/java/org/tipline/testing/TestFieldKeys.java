package org.tipline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tipline.events.TipReceived;
import org.tipline.security.FieldKeys;
import org.tipline.security.TipOpener;
import org.tipline.security.TipSealer;

/**
 * One field-encryption keyset per test JVM, written to files as a deployment would mount them, so services under
 * test seal and open personal fields for real, and tests can seal what they publish and open what they read.
 */
public final class TestFieldKeys {

	private static final String PRIVATE_KEYSET = FieldKeys.generatePrivateKeyset();

	private static final String PUBLIC_KEYSET = FieldKeys.publicKeysetOf(PRIVATE_KEYSET);

	private static final Path DIRECTORY = write();

	private static final TipOpener OPENER = TipOpener.withPrivateKeyset(PRIVATE_KEYSET);

	private TestFieldKeys() {
	}

	/** For {@code tipline.field-encryption.public-keyset-file} (intake). */
	public static String publicKeysetFile() {
		return DIRECTORY.resolve("field-encryption-public.json").toString();
	}

	/** For {@code tipline.field-encryption.private-keyset-file} (triage, dispatch). */
	public static String privateKeysetFile() {
		return DIRECTORY.resolve("field-encryption-private.json").toString();
	}

	/** The tip as intake would publish it: personal fields sealed. */
	public static TipReceived seal(TipReceived tip) {
		return OPENER.seal(tip);
	}

	/** The tip with its personal fields readable again. */
	public static TipReceived open(TipReceived sealed) {
		return OPENER.open(sealed);
	}

	private static Path write() {
		try {
			Path directory = Files.createTempDirectory("tipline-test-keys-");
			Files.writeString(directory.resolve("field-encryption-private.json"), PRIVATE_KEYSET);
			Files.writeString(directory.resolve("field-encryption-public.json"), PUBLIC_KEYSET);
			directory.toFile().deleteOnExit();
			directory.resolve("field-encryption-private.json").toFile().deleteOnExit();
			directory.resolve("field-encryption-public.json").toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
