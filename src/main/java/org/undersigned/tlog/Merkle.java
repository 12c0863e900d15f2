package org.undersigned.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 (the same as RFC 6962's): leaf hash {@code SHA-256(0x00 ||
 * entry)}, interior node {@code SHA-256(0x01 || left || right)}, the tree hash of n leaves, the
 * inclusion proof of a leaf and the consistency proof of two sizes, and their verification, each as
 * the RFC writes it. Works over leaf hashes; the log keeps those.
 *
 * <p>Over 300 lines because it follows RFC 9162 §2.1 step by step, each proof beside its
 * verification, and the tree's right edge the sequencer keeps.
 */
public final class Merkle {

  private Merkle() {}

  /** SHA-256 of nothing: the hash of the empty tree. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** The hash of a leaf: SHA-256(0x00 || entry). */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x00);
    return digest.digest(entry);
  }

  /** The hash of an interior node: SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x01);
    digest.update(left);
    return digest.digest(right);
  }

  /** MTH(D[n]) over the leaf hashes {@code [from, to)}. */
  public static byte[] root(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return emptyRoot();
    }
    if (n == 1) {
      return leaves.get(from);
    }
    int k = split(n);
    return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
  }

  /**
   * The right edge of a tree: the roots of the perfect subtrees that a tree of {@code size} leaves
   * is made of, left to right (one per bit set in the size, the largest first). The tree hash is
   * their fold from the right, so an append costs O(log n) hashes and needs no other leaf: the
   * sequencer keeps one per letter.
   */
  public static final class Frontier {
    private final List<byte[]> roots;
    private long size;

    private Frontier(List<byte[]> roots, long size) {
      if (roots.size() != Long.bitCount(size)) {
        throw new IllegalArgumentException(
            "a tree of "
                + size
                + " has "
                + Long.bitCount(size)
                + " perfect subtrees, not "
                + roots.size());
      }
      this.roots = roots;
      this.size = size;
    }

    /** The empty tree's. */
    public static Frontier empty() {
      return new Frontier(new ArrayList<>(), 0);
    }

    /** The frontier of the tree of these leaf hashes. */
    public static Frontier of(List<byte[]> leaves) {
      Frontier frontier = empty();
      leaves.forEach(frontier::append);
      return frontier;
    }

    /** A frontier kept as its hashes one after the other (from {@link #packed}). */
    public static Frontier unpack(byte[] packed, long size) {
      if (packed.length % 32 != 0) {
        throw new IllegalArgumentException("hashes of 32 bytes");
      }
      List<byte[]> roots = new ArrayList<>();
      for (int i = 0; i < packed.length; i += 32) {
        roots.add(java.util.Arrays.copyOfRange(packed, i, i + 32));
      }
      return new Frontier(roots, size);
    }

    /** Appends a leaf hash: merges the perfect subtrees it completes. */
    public void append(byte[] leafHash) {
      byte[] carry = leafHash;
      for (long m = size; (m & 1) == 1; m >>= 1) {
        carry = nodeHash(roots.remove(roots.size() - 1), carry);
      }
      roots.add(carry);
      size++;
    }

    /** MTH of the tree: the roots folded from the right. */
    public byte[] root() {
      if (roots.isEmpty()) {
        return emptyRoot();
      }
      byte[] root = roots.get(roots.size() - 1);
      for (int i = roots.size() - 2; i >= 0; i--) {
        root = nodeHash(roots.get(i), root);
      }
      return root;
    }

    public long size() {
      return size;
    }

    /** The hashes one after the other, to keep. */
    public byte[] packed() {
      byte[] packed = new byte[roots.size() * 32];
      for (int i = 0; i < roots.size(); i++) {
        System.arraycopy(roots.get(i), 0, packed, i * 32, 32);
      }
      return packed;
    }
  }

  /** MTH of the first {@code size} leaves. */
  public static byte[] root(List<byte[]> leaves, int size) {
    return root(leaves, 0, size);
  }

  /** PATH(m, D[n]): the inclusion proof of leaf {@code index} in the tree of {@code size}. */
  public static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
    if (index < 0 || index >= size || size > leaves.size()) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(leaves, index, 0, size, proof);
    return proof;
  }

  private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof) {
    int n = to - from;
    if (n <= 1) {
      return;
    }
    int k = split(n);
    if (m < k) {
      path(leaves, m, from, from + k, proof);
      proof.add(root(leaves, from + k, to));
    } else {
      path(leaves, m - k, from + k, to, proof);
      proof.add(root(leaves, from, from + k));
    }
  }

  /**
   * PROOF(m, D[n]): the consistency proof of the tree of {@code first} in that of {@code second}.
   */
  public static List<byte[]> consistencyProof(List<byte[]> leaves, int first, int second) {
    if (first < 0 || first > second || second > leaves.size()) {
      throw new IllegalArgumentException("no proof of " + first + " in " + second);
    }
    List<byte[]> proof = new ArrayList<>();
    if (first > 0) {
      subproof(leaves, first, 0, second, true, proof);
    }
    return proof;
  }

  private static void subproof(
      List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
    int n = to - from;
    if (m == n) {
      if (!whole) {
        proof.add(root(leaves, from, to));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(leaves, m, from, from + k, whole, proof);
      proof.add(root(leaves, from + k, to));
    } else {
      subproof(leaves, m - k, from + k, to, false, proof);
      proof.add(root(leaves, from, from + k));
    }
  }

  /**
   * RFC 9162 §2.1.3.2: whether {@code proof} shows the leaf at {@code index} under {@code root}.
   */
  public static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size || leafHash.length != 32) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || p.length != 32) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * RFC 9162 §2.1.4.2: whether {@code proof} shows the tree of {@code first} (hash {@code
   * firstRoot}) to be a prefix of that of {@code second} ({@code secondRoot}). Equal sizes need
   * equal hashes and an empty proof; an empty first tree is a prefix of every tree.
   */
  public static boolean verifyConsistency(
      long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    }
    if (first == 0) {
      return proof.isEmpty();
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0 || c.length != 32) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0
        && MessageDigest.isEqual(fr, firstRoot)
        && MessageDigest.isEqual(sr, secondRoot)
        && path.get(0).length == 32;
  }

  /** The largest power of two smaller than {@code n} (n > 1). */
  static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  /** The hashes of a level of the tree: the roots of its full subtrees of 2^height leaves. */
  public static List<byte[]> level(List<byte[]> leaves, int height, int size) {
    int width = 1 << height;
    List<byte[]> hashes = new ArrayList<>();
    for (int start = 0; start + width <= size; start += width) {
      hashes.add(root(leaves, start, start + width));
    }
    return hashes;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
