package org.tipline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.tipline.security.ApiKeys;
import org.tipline.security.FieldKeys;

/**
 * {@code ./tipline keys}: what an operator needs to set up a production deployment's credentials without reading
 * code. An API key is printed once with the hash the service is configured with; keysets are written to files
 * readable by their owner only, never printed.
 */
public final class KeyTool {

	private static final String USAGE = """
			usage: ./tipline keys api-key                     a new API key (tpl_…) and the SHA-256 to configure
			       ./tipline keys hash                        the SHA-256 of a key read from standard input
			       ./tipline keys keyset DIR                  new field-encryption keysets: DIR/field-encryption-private.json
			                                                  (triage, dispatch) and DIR/field-encryption-public.json (intake)
			       ./tipline keys rotate DIR                  add a new primary key to DIR's keysets, keeping the old keys""";

	private KeyTool() {
	}

	public static void main(String[] args) throws IOException {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
		String command = (args.length > 0) ? args[0] : "";
		switch (command) {
			case "api-key" -> {
				String key = ApiKeys.generate();
				out.println("key     " + key);
				out.println("sha256  " + ApiKeys.sha256Hex(key));
				out.println("Give the key to its holder once; configure the service with the sha256 only.");
				return 0;
			}
			case "hash" -> {
				String key = new String(System.in.readAllBytes()).trim();
				out.println(ApiKeys.sha256Hex(key));
				return 0;
			}
			case "keyset", "rotate" -> {
				if (args.length != 2) {
					err.println(USAGE);
					return 2;
				}
				Path directory = Path.of(args[1]);
				Path privateKeyset = directory.resolve(LocalKeys.PRIVATE_KEYSET);
				String keyset;
				if ("keyset".equals(command)) {
					if (Files.exists(privateKeyset)) {
						err.println(privateKeyset + " exists; use `rotate` to add a key to it");
						return 1;
					}
					Files.createDirectories(directory);
					keyset = FieldKeys.generatePrivateKeyset();
				}
				else {
					keyset = FieldKeys.rotate(FieldKeys.read(privateKeyset));
				}
				writeOwnerOnly(privateKeyset, keyset);
				writeOwnerOnly(directory.resolve(LocalKeys.PUBLIC_KEYSET), FieldKeys.publicKeysetOf(keyset));
				out.println("wrote " + privateKeyset + " (triage, dispatch) and "
						+ directory.resolve(LocalKeys.PUBLIC_KEYSET) + " (intake)");
				if ("rotate".equals(command)) {
					out.println("Deploy the private keyset to triage and dispatch first, then the public one to intake.");
				}
				return 0;
			}
			default -> {
				err.println(USAGE);
				return 2;
			}
		}
	}

	private static void writeOwnerOnly(Path file, String content) throws IOException {
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keyset-", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(temporary, content + System.lineSeparator());
		Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}
}
