package org.undersigned.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A second verifier of the public log, for the tests: written from RFC 9162 and the C2SP
 * signed-note specification, sharing no code with the service's (org.undersigned.tlog). It checks a
 * checkpoint's Ed25519 signature with the JDK directly, and rebuilds the tree hash from the
 * entries.
 */
public final class IndependentLogVerifier {

  private IndependentLogVerifier() {}

  /** The signed text of a checkpoint if the verifier key signed it; null otherwise. */
  public static String signedText(String note, String verifierKey) throws Exception {
    String[] key = verifierKey.split("\\+", 3);
    byte[] keyBytes = Base64.getDecoder().decode(key[2]);
    if (keyBytes.length != 33 || keyBytes[0] != 1) {
      return null;
    }
    byte[] publicKey = Arrays.copyOfRange(keyBytes, 1, 33);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update((key[0] + "\n").getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 1);
    byte[] keyHash = Arrays.copyOf(sha256.digest(publicKey), 4);
    if (!HexFormat.of().formatHex(keyHash).equals(key[1])) {
      return null;
    }
    int split = note.lastIndexOf("\n\n");
    String text = note.substring(0, split + 1);
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initVerify(
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(
                    concat(HexFormat.of().parseHex("302a300506032b6570032100"), publicKey))));
    for (String line : note.substring(split + 2).split("\n")) {
      String[] parts = line.split(" ");
      if (parts.length != 3 || !parts[0].equals("\u2014") || !parts[1].equals(key[0])) {
        continue;
      }
      byte[] signature = Base64.getDecoder().decode(parts[2]);
      if (signature.length == 68 && Arrays.equals(Arrays.copyOf(signature, 4), keyHash)) {
        ed25519.update(text.getBytes(StandardCharsets.UTF_8));
        if (ed25519.verify(Arrays.copyOfRange(signature, 4, 68))) {
          return text;
        }
      }
    }
    return null;
  }

  /** RFC 9162 §2.1.1: the hash of the tree of these entries. */
  public static byte[] treeHash(List<byte[]> entries) throws Exception {
    if (entries.isEmpty()) {
      return MessageDigest.getInstance("SHA-256").digest();
    }
    if (entries.size() == 1) {
      return hash((byte) 0, entries.get(0));
    }
    int k = 1;
    while (k * 2 < entries.size()) {
      k *= 2;
    }
    return hash(
        (byte) 1,
        concat(treeHash(entries.subList(0, k)), treeHash(entries.subList(k, entries.size()))));
  }

  private static byte[] hash(byte prefix, byte[] data) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(prefix);
    return sha256.digest(data);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
