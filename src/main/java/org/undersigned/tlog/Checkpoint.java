package org.undersigned.tlog;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * C2SP tlog-checkpoint: the origin line, the tree size in decimal, the root hash in base64, each
 * ending in a newline; signed as a note ({@link SignedNote}).
 */
public record Checkpoint(String origin, long size, byte[] root) {

  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

  public Checkpoint {
    if (origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException("An origin is one non-empty line");
    }
    if (size < 0 || root.length != 32) {
      throw new IllegalArgumentException("A size is not negative and a root has 32 bytes");
    }
  }

  /** The checkpoint's text, before its signatures. */
  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
  }

  /** The signed checkpoint. */
  public String sign(NoteKey key) {
    return SignedNote.sign(body(), java.util.List.of(key));
  }

  /** The checkpoint signed by each key, in order (during a key rotation: the new and the old). */
  public String sign(java.util.List<NoteKey> keys) {
    return SignedNote.sign(body(), keys);
  }

  /** A signed checkpoint's content, its signature by the key verified first. */
  public static Checkpoint open(String note, NoteKey verifier) {
    String[] lines = SignedNote.open(note, verifier).split("\n");
    if (lines.length < 3 || !SIZE.matcher(lines[1]).matches()) {
      throw new IllegalArgumentException("malformed checkpoint");
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed checkpoint");
    }
    return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
  }
}
