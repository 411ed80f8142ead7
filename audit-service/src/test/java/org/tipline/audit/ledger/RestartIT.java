package org.tipline.audit.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.audit.AuditApplication;
import org.tipline.audit.PipelineEvents;
import org.tipline.audit.checkpoint.CheckpointLog;
import org.tipline.audit.checkpoint.Checkpoint;
import org.tipline.audit.merkle.MerkleProofs;
import org.tipline.security.ApiKeys;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service stopped and started again on the same database and consumer group: the log goes on from where it
 * was, with no gap in its sequence numbers, no entry twice, and a tree that extends the one signed before.
 */
class RestartIT {

	@Test
	void theLogContinuesAfterARestartWithNoGapAndNoDuplicate() {
		UUID before = UUID.randomUUID();
		UUID after = UUID.randomUUID();
		Checkpoint signedBefore;
		try (PipelineEvents events = new PipelineEvents()) {
			try (ConfigurableApplicationContext service = start()) {
				JdbcClient jdbc = service.getBean(JdbcClient.class);
				events.received(before, Instant.parse("2026-02-01T08:00:00Z"));
				await().atMost(Duration.ofSeconds(60)).until(() -> entriesOf(jdbc, before) == 1);
				signedBefore = await().atMost(Duration.ofSeconds(20))
					.until(() -> service.getBean(CheckpointLog.class).latest().orElse(null),
							(checkpoint) -> checkpoint != null && checkpoint.treeSize() > maxSeq(jdbc, before));
			}
			// the same event again, as after a crash before the offset was committed, and a new one
			events.received(before, Instant.parse("2026-02-01T08:00:00Z"));
			events.received(after, Instant.parse("2026-02-01T08:05:00Z"));
			try (ConfigurableApplicationContext service = start()) {
				JdbcClient jdbc = service.getBean(JdbcClient.class);
				await().atMost(Duration.ofSeconds(60)).until(() -> entriesOf(jdbc, after) == 1);

				assertThat(entriesOf(jdbc, before)).isEqualTo(1);
				List<Long> seqs = jdbc.sql("SELECT seq FROM audit_entry ORDER BY seq").query(Long.class).list();
				for (int i = 0; i < seqs.size(); i++) {
					assertThat(seqs.get(i)).as("entry at position %d", i).isEqualTo(i);
				}
				assertThat(jdbc.sql("""
						SELECT count(*) FROM (SELECT event_source, event_id, hop FROM audit_entry
						GROUP BY 1, 2, 3 HAVING count(*) > 1) repeated""").query(Long.class).single()).isZero();

				LogTree tree = service.getBean(LogTree.class);
				long size = tree.currentSize();
				assertThat(MerkleProofs.verifyConsistency(signedBefore.treeSize(), size, signedBefore.rootHash(),
						tree.rootHash(size), tree.consistencyProof(signedBefore.treeSize(), size)))
					.isTrue();
			}
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AuditApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--spring.datasource.url=" + SharedPostgres.jdbcUrl("audit_restart"),
				"--spring.cloud.stream.bindings.recordHop-in-0.group=audit-restart",
				"--tipline.audit.checkpoint.every-entries=1",
				"--tipline.audit.readers.restart.key-sha256=" + ApiKeys.sha256Hex(ApiKeys.generate()),
				"--tipline.audit.readers.restart.role=OVERSIGHT");
	}

	private static long entriesOf(JdbcClient jdbc, UUID tip) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id = ?").param(tip).query(Long.class).single();
	}

	private static long maxSeq(JdbcClient jdbc, UUID tip) {
		return jdbc.sql("SELECT max(seq) FROM audit_entry WHERE tip_id = ?").param(tip).query(Long.class).single();
	}
}
