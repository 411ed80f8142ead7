package org.tipline.audit.verify;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipline.audit.checkpoint.SigningKey;
import org.tipline.audit.merkle.Merkle;

import static org.assertj.core.api.Assertions.assertThat;

class ExportVerifierTest {

	private final SignedExport log = new SignedExport(23);

	private final String export = log.lines(0, 5);

	@Test
	void acceptsAnUntouchedExportAndReportsWhatItChecked() {
		ExportVerifier.Verdict verdict = verify(export);

		assertThat(verdict.problem()).isNull();
		assertThat(verdict.entries()).isEqualTo(23);
		assertThat(verdict.checkpoints()).isEqualTo(5);
		assertThat(verdict.treeSize()).isEqualTo(23);
		assertThat(verdict.rootHash()).isEqualTo(HexFormat.of().formatHex(log.tree.rootHash(23)));
	}

	@Test
	void acceptsAnExportThatStartsFromAFrontier() {
		for (long from : List.of(1L, 5L, 8L, 16L, 22L)) {
			ExportVerifier.Verdict verdict = verify(log.lines(from, 5));
			assertThat(verdict.problem()).as("from %d", from).isNull();
			assertThat(verdict.firstSeq()).isEqualTo(from);
			assertThat(verdict.entries()).isEqualTo(23 - from);
		}
	}

	@Test
	void namesTheEntryWhoseByteWasChanged() {
		List<String> lines = lines(export);
		int line = lineOfEntry(lines, 7);
		lines.set(line, lines.get(line).replace("OUTCOME-7", "OUTCOME-8"));

		assertThat(verify(lines).problem()).startsWith("entry 7: its content does not match its leaf hash");
	}

	@Test
	void namesTheSignedRangeWhenTheLeafHashWasForgedToo() {
		List<String> lines = lines(export);
		int line = lineOfEntry(lines, 7);
		String forged = lines.get(line).replace("OUTCOME-7", "OUTCOME-8");
		String entry = forged.substring("{\"entry\":".length(), forged.indexOf(",\"leafHash\""));
		String forgedHash = HexFormat.of().formatHex(Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8)));
		lines.set(line, forged.replaceAll("\"leafHash\":\"[0-9a-f]+\"", "\"leafHash\":\"" + forgedHash + "\""));

		assertThat(verify(lines).problem()).startsWith("entry 5 or one after it up to entry 9 does not match");
	}

	@Test
	void namesTheEntryWhereARowWasDeleted() {
		List<String> lines = lines(export);
		lines.remove(lineOfEntry(lines, 12));

		assertThat(verify(lines).problem()).startsWith("entry 12: found seq 13 where entry 12 belongs");
	}

	@Test
	void namesTheFirstOfTwoSwappedRows() {
		List<String> lines = lines(export);
		Collections.swap(lines, lineOfEntry(lines, 3), lineOfEntry(lines, 4));

		assertThat(verify(lines).problem()).startsWith("entry 3: found seq 4 where entry 3 belongs");
	}

	@Test
	void refusesRowsTruncatedAfterTheLastCheckpointOrInTheMiddleOfALine() {
		List<String> lines = lines(export);
		List<String> cutAfterEntry = new ArrayList<>(lines.subList(0, lineOfEntry(lines, 17) + 1));
		assertThat(verify(cutAfterEntry).problem())
			.startsWith("entry 15 and the 2 after it are covered by no checkpoint");

		List<String> cutInALine = new ArrayList<>(lines.subList(0, lineOfEntry(lines, 17) + 1));
		String last = cutInALine.remove(cutInALine.size() - 1);
		cutInALine.add(last.substring(0, last.length() / 2));
		assertThat(verify(cutInALine).problem()).startsWith("entry 17 (line");
	}

	@Test
	void refusesAnExportCutAtACheckpointWhenALargerTreeIsRequired() {
		List<String> lines = lines(export);
		List<String> cutAtCheckpoint = new ArrayList<>(lines.subList(0, lineOfEntry(lines, 14) + 2));
		assertThat(verify(cutAtCheckpoint).problem()).isNull();

		ExportVerifier.Verdict verdict = new ExportVerifier(List.of(log.key.publicKey()), 23)
			.verify(new BufferedReader(new StringReader(String.join("\n", cutAtCheckpoint))));
		assertThat(verdict.problem()).contains("ends at 15 entries, not the 23 required");
	}

	@Test
	void refusesACheckpointSignedByAnotherKey() {
		PublicKey stranger = SigningKey.generate().publicKey();
		ExportVerifier.Verdict verdict = new ExportVerifier(List.of(stranger), 0)
			.verify(new BufferedReader(new StringReader(export)));

		assertThat(verdict.problem()).startsWith("checkpoint of size 5: signed by key " + log.key.keyId());
	}

	@Test
	void refusesACheckpointWhoseSignedRootWasChanged() {
		List<String> lines = lines(export);
		int checkpoint = lineOfEntry(lines, 9) + 1;
		String root = HexFormat.of().formatHex(log.tree.rootHash(10));
		String other = HexFormat.of().formatHex(log.tree.rootHash(9));
		lines.set(checkpoint, lines.get(checkpoint).replace(root, other));

		assertThat(verify(lines).problem()).isEqualTo("checkpoint of size 10: the signature does not verify");
	}

	@Test
	void noSingleChangedByteAnywhereInTheExportGoesUnnoticed() {
		SignedExport small = new SignedExport(6);
		byte[] bytes = small.lines(0, 3).getBytes(StandardCharsets.UTF_8);
		for (int position = 0; position < bytes.length - 1; position++) {
			byte[] tampered = bytes.clone();
			tampered[position] ^= 0x01;
			ExportVerifier.Verdict verdict = new ExportVerifier(List.of(small.key.publicKey()), 0)
				.verify(new BufferedReader(new StringReader(new String(tampered, StandardCharsets.UTF_8))));
			assertThat(verdict.holds()).as("byte %d changed", position).isFalse();
		}
	}

	private ExportVerifier.Verdict verify(String lines) {
		return new ExportVerifier(List.of(log.key.publicKey()), 0).verify(new BufferedReader(new StringReader(lines)));
	}

	private ExportVerifier.Verdict verify(List<String> lines) {
		return verify(String.join("\n", lines) + "\n");
	}

	private static List<String> lines(String export) {
		return new ArrayList<>(List.of(export.split("\n")));
	}

	private static int lineOfEntry(List<String> lines, int seq) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains("\"seq\":" + seq + ",")) {
				return i;
			}
		}
		throw new IllegalArgumentException("no entry " + seq);
	}
}
