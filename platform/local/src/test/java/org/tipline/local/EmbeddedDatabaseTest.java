package org.tipline.local;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

	@Test
	void writesEveryCommitToDiskBeforeAcknowledgingIt(@TempDir Path directory) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("postgres"), port)) {
			assertThat(database.setting("fsync")).isEqualTo("on");
			assertThat(database.setting("synchronous_commit")).isEqualTo("on");
		}
	}
}
