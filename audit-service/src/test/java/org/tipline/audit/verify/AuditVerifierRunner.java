package org.tipline.audit.verify;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the verifier as the command line does, for tests in other packages: "exit-code output". */
public final class AuditVerifierRunner {

	private AuditVerifierRunner() {
	}

	public static String run(Path export, Path publicKey) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = AuditVerifier.run(new String[] { export.toString(), "--public-key", publicKey.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		return exit + " " + out.toString(StandardCharsets.UTF_8);
	}
}
