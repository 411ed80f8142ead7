package org.tipline.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree against public test vectors. The leaves, roots and proofs below are those of transparency-dev/merkle,
 * {@code proof/verify_test.go} (commit 02194e9afb6c1d95b5381350007963aa70fff472; the same vectors as Certificate
 * Transparency's {@code merkle_tree_test.cc}), and the hasher vectors of its {@code rfc6962/rfc6962_test.go}. Leaf
 * numbers in the proof tables are 1-based there and 0-based here.
 */
class MerkleTreeTest {

	private static final List<byte[]> LEAVES = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"),
			hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

	private static final List<String> ROOTS = List.of(
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	static Stream<Arguments> inclusionVectors() {
		return Stream.of(Arguments.of(0, 1, List.of()),
				Arguments.of(0, 8,
						List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
								"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
								"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
				Arguments.of(5, 8,
						List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
								"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
								"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
				Arguments.of(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
				Arguments.of(1, 5,
						List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
								"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
								"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
	}

	static Stream<Arguments> consistencyVectors() {
		return Stream.of(Arguments.of(1, 1, List.of()),
				Arguments.of(1, 8,
						List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
								"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
								"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
				Arguments.of(6, 8,
						List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
								"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
								"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
				Arguments.of(2, 5,
						List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
								"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
				Arguments.of(6, 7,
						List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
								"b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
								"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
	}

	@Test
	void hashesLeavesAndNodesWithTheirDomainPrefixes() {
		assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(HexFormat.of().formatHex(Merkle.leafHash(new byte[0])))
			.isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
		assertThat(HexFormat.of().formatHex(Merkle.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
		assertThat(HexFormat.of()
			.formatHex(Merkle.nodeHash("N123".getBytes(StandardCharsets.US_ASCII),
					"N456".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
	}

	@Test
	void computesTheRootOfEveryPublishedTreeSize() {
		MerkleTree tree = new MerkleTree(vectorLog());
		for (int size = 1; size <= 8; size++) {
			assertThat(HexFormat.of().formatHex(tree.rootHash(size))).as("root of %d leaves", size)
				.isEqualTo(ROOTS.get(size - 1));
		}
		assertThat(tree.rootHash(0)).isEqualTo(Merkle.emptyRoot());
	}

	@ParameterizedTest
	@MethodSource("inclusionVectors")
	void producesAndAcceptsThePublishedInclusionProofs(long index, long size, List<String> expected) {
		MerkleTree tree = new MerkleTree(vectorLog());
		List<byte[]> proof = tree.inclusionProof(index, size);

		assertThat(proof).map(HexFormat.of()::formatHex).containsExactlyElementsOf(expected);
		byte[] leaf = Merkle.leafHash(LEAVES.get((int) index));
		byte[] root = hex(ROOTS.get((int) size - 1));
		assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, root)).isTrue();
		for (Corruption corruption : corruptions(proof, root)) {
			assertThat(MerkleProofs.verifyInclusion(index, size, leaf, corruption.proof(), root))
				.as(corruption.name())
				.isFalse();
		}
		assertThat(MerkleProofs.verifyInclusion(index + 1, size, leaf, proof, root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(index, size * 2, leaf, proof, root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(index, size, Merkle.leafHash(hex("ff")), proof, root)).isFalse();
	}

	@ParameterizedTest
	@MethodSource("consistencyVectors")
	void producesAndAcceptsThePublishedConsistencyProofs(long first, long second, List<String> expected) {
		MerkleTree tree = new MerkleTree(vectorLog());
		List<byte[]> proof = tree.consistencyProof(first, second);

		assertThat(proof).map(HexFormat.of()::formatHex).containsExactlyElementsOf(expected);
		byte[] firstRoot = hex(ROOTS.get((int) first - 1));
		byte[] secondRoot = hex(ROOTS.get((int) second - 1));
		assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof)).isTrue();
		if (!proof.isEmpty()) {
			for (Corruption corruption : corruptions(proof, firstRoot)) {
				assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, corruption.proof()))
					.as(corruption.name())
					.isFalse();
			}
			assertThat(MerkleProofs.verifyConsistency(first, second, secondRoot, firstRoot, proof)).isFalse();
			assertThat(MerkleProofs.verifyConsistency(first - 1, second, firstRoot, secondRoot, proof)).isFalse();
			assertThat(MerkleProofs.verifyConsistency(first, second * 2, firstRoot, secondRoot, proof)).isFalse();
			assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, List.of())).isFalse();
		}
	}

	@Test
	void decidesTheTrivialConsistencyCasesAsTheReferenceDoes() {
		byte[] empty = Merkle.emptyRoot();
		byte[] other = Merkle.leafHash(hex("01"));
		assertThat(MerkleProofs.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
		assertThat(MerkleProofs.verifyConsistency(0, 1, empty, other, List.of())).isTrue();
		assertThat(MerkleProofs.verifyConsistency(1, 1, other, other, List.of())).isTrue();
		assertThat(MerkleProofs.verifyConsistency(1, 1, empty, other, List.of())).isFalse();
		assertThat(MerkleProofs.verifyConsistency(1, 0, empty, other, List.of())).isFalse();
		assertThat(MerkleProofs.verifyConsistency(1, 2, empty, other, List.of())).isFalse();
		assertThat(MerkleProofs.verifyConsistency(1, 1, empty, empty, List.of(empty))).isFalse();
		assertThat(MerkleProofs.verifyInclusion(0, 0, other, List.of(), empty)).isFalse();
	}

	@Test
	void everyProofOfRandomLogsVerifiesAcrossTheCachedSubtreeBoundary() {
		Random random = new Random(9162);
		GrowingLeafHashes leaves = new GrowingLeafHashes();
		MerkleTree tree = new MerkleTree(leaves);
		CompactRange range = CompactRange.empty();
		List<byte[]> roots = new ArrayList<>();
		roots.add(tree.rootHash(0));
		for (int i = 0; i < 700; i++) {
			byte[] entry = new byte[random.nextInt(40)];
			random.nextBytes(entry);
			leaves.append(i, Merkle.leafHash(entry));
			range.append(Merkle.leafHash(entry));
			roots.add(tree.rootHash(i + 1));
			assertThat(range.rootHash()).as("compact range at %d", i + 1).isEqualTo(roots.get(i + 1));
		}
		for (int probe = 0; probe < 400; probe++) {
			long size = 1 + random.nextInt(700);
			long index = random.nextInt((int) size);
			assertThat(MerkleProofs.verifyInclusion(index, size, leaves.leafHash(index),
					tree.inclusionProof(index, size), roots.get((int) size)))
				.as("leaf %d of %d", index, size)
				.isTrue();
			long first = random.nextInt((int) size + 1);
			assertThat(MerkleProofs.verifyConsistency(first, size, roots.get((int) first), roots.get((int) size),
					tree.consistencyProof(first, size)))
				.as("consistency %d to %d", first, size)
				.isTrue();
		}
	}

	@Test
	void aFrontierCarriesOnToTheSameHeadsAsTheWholeLog() {
		GrowingLeafHashes leaves = new GrowingLeafHashes();
		for (int i = 0; i < 300; i++) {
			leaves.append(i, Merkle.leafHash(new byte[] { (byte) i, (byte) (i >> 8) }));
		}
		MerkleTree tree = new MerkleTree(leaves);
		for (long start : List.of(0L, 1L, 7L, 128L, 255L, 256L, 299L)) {
			CompactRange range = CompactRange.of(start, tree.frontier(start));
			assertThat(range.rootHash()).isEqualTo(tree.rootHash(start));
			for (long i = start; i < 300; i++) {
				range.append(leaves.leafHash(i));
			}
			assertThat(range.rootHash()).as("from %d", start).isEqualTo(tree.rootHash(300));
		}
	}

	private record Corruption(String name, List<byte[]> proof) {
	}

	/** The corruptions the reference verifier tests reject: flipped bits, garbage before or after, a hash removed. */
	private static List<Corruption> corruptions(List<byte[]> proof, byte[] root) {
		List<Corruption> corruptions = new ArrayList<>();
		corruptions.add(new Corruption("trailing root", append(proof, root)));
		corruptions.add(new Corruption("preceding root", prepend(proof, root)));
		corruptions.add(new Corruption("trailing garbage", append(proof, new byte[0])));
		for (int i = 0; i < proof.size(); i++) {
			List<byte[]> flipped = new ArrayList<>(proof);
			byte[] hash = flipped.get(i).clone();
			hash[0] ^= 8;
			flipped.set(i, hash);
			corruptions.add(new Corruption("flipped bit in proof[" + i + "]", flipped));
		}
		if (!proof.isEmpty()) {
			corruptions.add(new Corruption("removed component", proof.subList(0, proof.size() - 1)));
		}
		return corruptions;
	}

	private static List<byte[]> append(List<byte[]> proof, byte[] hash) {
		List<byte[]> copy = new ArrayList<>(proof);
		copy.add(hash);
		return copy;
	}

	private static List<byte[]> prepend(List<byte[]> proof, byte[] hash) {
		List<byte[]> copy = new ArrayList<>(proof);
		copy.add(0, hash);
		return copy;
	}

	private static GrowingLeafHashes vectorLog() {
		GrowingLeafHashes leaves = new GrowingLeafHashes();
		for (int i = 0; i < LEAVES.size(); i++) {
			leaves.append(i, Merkle.leafHash(LEAVES.get(i)));
		}
		return leaves;
	}

	private static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}
}
