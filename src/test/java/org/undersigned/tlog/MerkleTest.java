package org.undersigned.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162's tree against the published vectors of an implementation that is not ours: the RFC 6962
 * test data of transparency-dev/merkle ({@code testonly/constants.go}, {@code
 * proof/verify_test.go}): eight leaves, the root of every size, the inclusion and consistency
 * proofs. Then every proof of every tree up to 70 leaves verifies, and no corrupted one does.
 */
class MerkleTest {

  private static byte[] h(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static List<byte[]> hs(String... hex) {
    List<byte[]> list = new ArrayList<>();
    for (String s : hex) {
      list.add(h(s));
    }
    return list;
  }

  static final List<byte[]> INPUTS =
      hs(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  static final List<byte[]> ROOTS =
      hs(
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  static List<byte[]> leaves(List<byte[]> inputs) {
    return inputs.stream().map(Merkle::leafHash).toList();
  }

  @Test
  void everyRootIsThePublishedOne() {
    List<byte[]> leaves = leaves(INPUTS);
    for (int size = 0; size <= 8; size++) {
      assertArrayEquals(ROOTS.get(size), Merkle.root(leaves, size), "size " + size);
    }
  }

  @Test
  void theLevelsAreThePublishedNodeHashes() {
    List<byte[]> leaves = leaves(INPUTS);
    assertArrayEquals(
        h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"), leaves.get(1));
    List<byte[]> level1 = Merkle.level(leaves, 1, 8);
    assertArrayEquals(
        h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"), level1.get(3));
    List<byte[]> level2 = Merkle.level(leaves, 2, 8);
    assertArrayEquals(
        h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), level2.get(1));
  }

  /** (leaf index, tree size, proof) as published (their table counts leaves from 1). */
  record Inclusion(int index, int size, List<byte[]> proof) {}

  static final List<Inclusion> INCLUSIONS =
      List.of(
          new Inclusion(
              0,
              8,
              hs(
                  "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                  "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
          new Inclusion(
              5,
              8,
              hs(
                  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                  "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
          new Inclusion(
              2, 3, hs("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
          new Inclusion(
              1,
              5,
              hs(
                  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
          new Inclusion(0, 1, List.of()));

  record Consistency(int first, int second, List<byte[]> proof) {}

  static final List<Consistency> CONSISTENCIES =
      List.of(
          new Consistency(1, 1, List.of()),
          new Consistency(
              1,
              8,
              hs(
                  "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                  "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
          new Consistency(
              6,
              8,
              hs(
                  "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                  "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
          new Consistency(
              2,
              5,
              hs(
                  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
          new Consistency(
              6,
              7,
              hs(
                  "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                  "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

  private static void assertSame(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "element " + i);
    }
  }

  @Test
  void inclusionProofsAreThePublishedOnesAndVerify() {
    List<byte[]> leaves = leaves(INPUTS);
    for (Inclusion v : INCLUSIONS) {
      assertSame(v.proof(), Merkle.inclusionProof(leaves, v.index(), v.size()));
      assertTrue(
          Merkle.verifyInclusion(
              v.index(), v.size(), leaves.get(v.index()), v.proof(), ROOTS.get(v.size())));
    }
  }

  @Test
  void consistencyProofsAreThePublishedOnesAndVerify() {
    List<byte[]> leaves = leaves(INPUTS);
    for (Consistency v : CONSISTENCIES) {
      assertSame(v.proof(), Merkle.consistencyProof(leaves, v.first(), v.second()));
      assertTrue(
          Merkle.verifyConsistency(
              v.first(), v.second(), ROOTS.get(v.first()), ROOTS.get(v.second()), v.proof()),
          v.first() + " in " + v.second());
    }
  }

  @Test
  void everyProofOfEveryTreeUpTo70LeavesVerifiesAndNoCorruptedOne() {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      leaves.add(Merkle.leafHash(("entry " + i).getBytes()));
    }
    for (int size = 1; size <= 70; size++) {
      byte[] root = Merkle.root(leaves, size);
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = Merkle.inclusionProof(leaves, index, size);
        assertTrue(Merkle.verifyInclusion(index, size, leaves.get(index), proof, root));
        assertFalse(Merkle.verifyInclusion(index, size, leaves.get((index + 1) % 70), proof, root));
        if (size > 1) {
          assertFalse(
              Merkle.verifyInclusion((index + 1) % size, size, leaves.get(index), proof, root));
          // (A wrong size can share the right one's path: as the reference implementation,
          // doubled.)
          assertFalse(Merkle.verifyInclusion(index, size * 2, leaves.get(index), proof, root));
        }
        if (!proof.isEmpty()) {
          List<byte[]> flipped = new ArrayList<>(proof);
          byte[] first = flipped.get(0).clone();
          first[0] ^= 8;
          flipped.set(0, first);
          assertFalse(Merkle.verifyInclusion(index, size, leaves.get(index), flipped, root));
          assertFalse(
              Merkle.verifyInclusion(
                  index, size, leaves.get(index), proof.subList(0, proof.size() - 1), root));
        }
      }
      for (int first = 1; first < size; first++) {
        byte[] firstRoot = Merkle.root(leaves, first);
        List<byte[]> proof = Merkle.consistencyProof(leaves, first, size);
        assertTrue(Merkle.verifyConsistency(first, size, firstRoot, root, proof));
        assertFalse(Merkle.verifyConsistency(first, size, root, firstRoot, proof));
        assertFalse(Merkle.verifyConsistency(first, size, firstRoot, root, List.of()));
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertFalse(Merkle.verifyConsistency(first, size, firstRoot, root, longer));
        // A tree that rewrote an entry is not a prefix of this one.
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(first - 1, Merkle.leafHash("rewritten".getBytes()));
        assertFalse(
            Merkle.verifyConsistency(first, size, Merkle.root(rewritten, first), root, proof));
      }
    }
  }

  @Test
  void trivialConsistencies() {
    byte[] root = ROOTS.get(3);
    assertTrue(Merkle.verifyConsistency(0, 3, Merkle.emptyRoot(), root, List.of()));
    assertTrue(Merkle.verifyConsistency(3, 3, root, root, List.of()));
    assertFalse(Merkle.verifyConsistency(3, 3, root, ROOTS.get(4), List.of()));
    assertFalse(Merkle.verifyConsistency(4, 3, ROOTS.get(4), root, List.of()));
  }

  /**
   * The right edge kept by the sequencer gives the published roots, and the tree hash of every size
   * to 600 (folding perfect subtrees from the right is RFC 9162's MTH), appended one leaf at a time
   * or rebuilt from its packed hashes.
   */
  @Test
  void theRightEdgeGivesTheTreeHashAtEverySize() {
    List<byte[]> leaves = INPUTS.stream().map(Merkle::leafHash).toList();
    Merkle.Frontier frontier = Merkle.Frontier.empty();
    assertArrayEquals(ROOTS.get(0), frontier.root());
    for (int size = 1; size <= leaves.size(); size++) {
      frontier.append(leaves.get(size - 1));
      assertArrayEquals(ROOTS.get(size), frontier.root(), "size " + size);
    }
    List<byte[]> many = new java.util.ArrayList<>();
    Merkle.Frontier growing = Merkle.Frontier.empty();
    for (int i = 0; i < 600; i++) {
      many.add(Merkle.leafHash(("entry " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      growing.append(many.get(i));
      assertArrayEquals(Merkle.root(many, i + 1), growing.root(), "size " + (i + 1));
      Merkle.Frontier kept = Merkle.Frontier.unpack(growing.packed(), i + 1);
      assertArrayEquals(growing.root(), kept.root());
      assertEquals(Long.bitCount(i + 1) * 32, growing.packed().length);
    }
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Merkle.Frontier.unpack(new byte[64], 4));
  }
}
