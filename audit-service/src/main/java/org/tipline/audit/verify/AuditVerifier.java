package org.tipline.audit.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.tipline.audit.checkpoint.SigningKey;

/**
 * {@code ./tipline verify-audit EXPORT.jsonl --public-key KEY [--public-key OLD_KEY] [--tree-size N]}: checks an
 * export of the audit log with nothing but the public keys. Exits 0 when everything holds, 1 naming the first
 * entry or checkpoint that does not, 2 when it was called wrongly. Plain Java: no Spring context starts.
 */
public final class AuditVerifier {

	private AuditVerifier() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Path export = null;
		List<PublicKey> keys = new ArrayList<>();
		long requiredTreeSize = 0;
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--public-key" -> keys.add(publicKey(args[++i]));
					case "--tree-size" -> requiredTreeSize = Long.parseLong(args[++i]);
					default -> {
						if (export != null || args[i].startsWith("--")) {
							throw new IllegalArgumentException("unexpected argument " + args[i]);
						}
						export = Path.of(args[i]);
					}
				}
			}
			if (export == null || keys.isEmpty()) {
				throw new IllegalArgumentException("an export and at least one --public-key are needed");
			}
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			err.println("verify-audit: " + ex.getMessage());
			err.println("usage: verify-audit EXPORT.jsonl --public-key KEY [--public-key KEY ...] [--tree-size N]");
			err.println("  KEY: a file holding the public key (PEM or base64 X.509), or the base64 itself");
			return 2;
		}
		try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
			ExportVerifier.Verdict verdict = new ExportVerifier(keys, requiredTreeSize).verify(reader);
			if (!verdict.holds()) {
				err.println("FAILED: " + verdict.problem());
				return 1;
			}
			out.println("OK: entries " + verdict.firstSeq() + ".." + (verdict.treeSize() - 1) + " ("
					+ verdict.entries() + ") under " + verdict.checkpoints() + " signed checkpoints; tree size "
					+ verdict.treeSize() + ", root " + verdict.rootHash());
			return 0;
		}
		catch (IOException ex) {
			err.println("verify-audit: cannot read " + export + ": " + ex.getMessage());
			return 2;
		}
	}

	private static PublicKey publicKey(String argument) {
		Path file = Path.of(argument);
		String key;
		try {
			key = Files.isRegularFile(file) ? Files.readString(file) : argument;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + argument + ": " + ex.getMessage());
		}
		if (key.strip().startsWith("{")) {
			throw new IllegalArgumentException(argument + " holds JSON, as GET /v1/audit/public-key answers by "
					+ "default: save GET /v1/audit/public-key?format=pem instead");
		}
		return SigningKey.parsePublicKey(key);
	}
}
