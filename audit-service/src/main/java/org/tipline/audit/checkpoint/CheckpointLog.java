package org.tipline.audit.checkpoint;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed checkpoints, append-only like the log they sign. */
@Repository
public class CheckpointLog {

	private static final RowMapper<Checkpoint> CHECKPOINT = (rs, row) -> new Checkpoint(rs.getLong("tree_size"),
			rs.getBytes("root_hash"), rs.getTimestamp("issued_at").toInstant(), rs.getString("key_id"),
			rs.getBytes("signature"));

	private final JdbcClient jdbc;

	CheckpointLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a checkpoint unless one of that size exists already; returns the one stored for the size. */
	Checkpoint add(Checkpoint checkpoint) {
		jdbc.sql("""
				INSERT INTO audit_checkpoint (tree_size, root_hash, issued_at, key_id, signature)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (tree_size) DO NOTHING""")
			.params(checkpoint.treeSize(), checkpoint.rootHash(), Timestamp.from(checkpoint.issuedAt()),
					checkpoint.keyId(), checkpoint.signature())
			.update();
		return ofSize(checkpoint.treeSize()).orElseThrow();
	}

	public Optional<Checkpoint> latest() {
		return jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1").query(CHECKPOINT).optional();
	}

	public Optional<Checkpoint> ofSize(long treeSize) {
		return jdbc.sql("SELECT * FROM audit_checkpoint WHERE tree_size = ?")
			.param(treeSize)
			.query(CHECKPOINT)
			.optional();
	}

	/** Every checkpoint of a tree larger than {@code aboveSize}, smallest first. */
	public List<Checkpoint> above(long aboveSize) {
		return jdbc.sql("SELECT * FROM audit_checkpoint WHERE tree_size > ? ORDER BY tree_size")
			.param(aboveSize)
			.query(CHECKPOINT)
			.list();
	}
}
