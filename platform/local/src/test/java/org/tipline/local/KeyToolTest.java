package org.tipline.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.events.Channel;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.security.ApiKeys;
import org.tipline.security.TipOpener;
import org.tipline.security.TipSealer;

import static org.assertj.core.api.Assertions.assertThat;

class KeyToolTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void printsANewApiKeyWithTheHashToConfigure() throws Exception {
		assertThat(run("api-key")).isZero();
		String[] lines = out.toString().split("\n");
		String key = lines[0].substring("key     ".length());
		String hash = lines[1].substring("sha256  ".length());
		assertThat(ApiKeys.matches(key, hash)).isTrue();
	}

	@Test
	void writesKeysetsOnlyTheOwnerCanReadAndRotatesThemWithoutLosingOldCiphertexts(@TempDir Path directory)
			throws Exception {
		assertThat(run("keyset", directory.toString())).isZero();
		Path privateKeyset = directory.resolve("field-encryption-private.json");
		Path publicKeyset = directory.resolve("field-encryption-public.json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKeyset))).isEqualTo("rw-------");
		TipReceived tip = new TipReceived(new TipId(UUID.randomUUID()), Instant.parse("2026-11-29T10:00:00Z"),
				Channel.WEB, "m-1", "en", null, "kept at the farm", null, null);
		TipReceived sealedBefore = TipSealer.withPublicKeyset(Files.readString(publicKeyset)).seal(tip);

		assertThat(run("keyset", directory.toString())).as("never overwrites a keyset").isEqualTo(1);
		assertThat(run("rotate", directory.toString())).isZero();
		TipOpener opener = TipOpener.withPrivateKeyset(Files.readString(privateKeyset));
		TipReceived sealedAfter = TipSealer.withPublicKeyset(Files.readString(publicKeyset)).seal(tip);
		assertThat(opener.open(sealedBefore)).isEqualTo(tip);
		assertThat(opener.open(sealedAfter)).isEqualTo(tip);
		assertThat(out.toString()).doesNotContain("privateKey", "keyValue");
	}

	@Test
	void explainsItselfWhenCalledWrongly() throws Exception {
		assertThat(run("frobnicate")).isEqualTo(2);
		assertThat(err.toString()).contains("usage: ./tipline keys api-key");
	}

	private int run(String... args) throws Exception {
		return KeyTool.run(args, new PrintStream(out, true), new PrintStream(err, true));
	}
}
