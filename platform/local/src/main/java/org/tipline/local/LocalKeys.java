package org.tipline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.tipline.security.ApiKeys;
import org.tipline.security.FieldKeys;

/**
 * The credentials local mode runs with, generated on the first start under {@code <data-dir>/keys/} (readable by
 * the owner only) and kept, so a restart reads what was sealed and accepted before: one demo channel adapter's API
 * key, an analyst's and an oversight reader's key for the audit API, an operator's key for dispatch, and the field
 * encryption keysets. The services are given only the hashes of the API keys and only the keyset each needs.
 */
record LocalKeys(Path directory) {

	static final String ADAPTER = "demo-adapter.key";

	static final String ANALYST = "analyst.key";

	static final String OVERSIGHT = "oversight.key";

	static final String OPERATOR = "operator.key";

	static final String PRIVATE_KEYSET = "field-encryption-private.json";

	static final String PUBLIC_KEYSET = "field-encryption-public.json";

	static LocalKeys ensure(Path dataDir) throws IOException {
		Path directory = Files.createDirectories(dataDir.resolve("keys"));
		for (String key : new String[] { ADAPTER, ANALYST, OVERSIGHT, OPERATOR }) {
			writeOnce(directory.resolve(key), ApiKeys::generate);
		}
		Path privateKeyset = directory.resolve(PRIVATE_KEYSET);
		writeOnce(privateKeyset, FieldKeys::generatePrivateKeyset);
		writeOnce(directory.resolve(PUBLIC_KEYSET), () -> FieldKeys.publicKeysetOf(FieldKeys.read(privateKeyset)));
		return new LocalKeys(directory);
	}

	String adapterKey() throws IOException {
		return read(ADAPTER);
	}

	String analystKey() throws IOException {
		return read(ANALYST);
	}

	String oversightKey() throws IOException {
		return read(OVERSIGHT);
	}

	String operatorKey() throws IOException {
		return read(OPERATOR);
	}

	Path privateKeyset() {
		return directory.resolve(PRIVATE_KEYSET);
	}

	Path publicKeyset() {
		return directory.resolve(PUBLIC_KEYSET);
	}

	Path file(String name) {
		return directory.resolve(name);
	}

	String hashOf(String name) throws IOException {
		return ApiKeys.sha256Hex(read(name));
	}

	private String read(String name) throws IOException {
		return Files.readString(directory.resolve(name)).trim();
	}

	private static void writeOnce(Path file, Supplier<String> content) throws IOException {
		if (Files.exists(file)) {
			return;
		}
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, content.get() + System.lineSeparator());
	}
}
