package org.undersigned.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * C2SP signed-note: a UTF-8 text ending in a newline, a blank line, then one line per signature,
 * {@code "— <name> <base64(key hash || signature)>"}. What a checkpoint is written in.
 */
public final class SignedNote {

  private static final String DASH = "\u2014 ";

  private SignedNote() {}

  /** The note: the text, a blank line, and the key's signature of the text. */
  public static String sign(String text, NoteKey key) {
    return sign(text, List.of(key));
  }

  /** The note: the text, a blank line, and one signature line per key, in their order. */
  public static String sign(String text, List<NoteKey> keys) {
    checkText(text);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("A note is signed by at least one key");
    }
    StringBuilder note = new StringBuilder(text).append('\n');
    for (NoteKey key : keys) {
      byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
      byte[] line =
          ByteBuffer.allocate(4 + signature.length).put(key.keyId()).put(signature).array();
      note.append(DASH)
          .append(key.name())
          .append(' ')
          .append(Base64.getEncoder().encodeToString(line))
          .append('\n');
    }
    return note.toString();
  }

  /**
   * The text of a note that the key signed; throws when the note is malformed or carries no
   * signature of that key that verifies. Signatures of other keys are ignored.
   */
  public static String open(String note, NoteKey verifier) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new IllegalArgumentException("malformed note");
    }
    String text = note.substring(0, split + 1);
    checkText(text);
    boolean verified = false;
    for (String line : note.substring(split + 2).split("\n")) {
      if (!line.startsWith(DASH)) {
        throw new IllegalArgumentException("malformed note");
      }
      String[] parts = line.substring(DASH.length()).split(" ");
      if (parts.length != 2) {
        throw new IllegalArgumentException("malformed note");
      }
      byte[] signature;
      try {
        signature = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed note");
      }
      if (signature.length < 5) {
        throw new IllegalArgumentException("malformed note");
      }
      if (parts[0].equals(verifier.name())
          && MessageDigest.isEqual(Arrays.copyOf(signature, 4), verifier.keyId())) {
        if (!verifier.verify(
            text.getBytes(StandardCharsets.UTF_8),
            Arrays.copyOfRange(signature, 4, signature.length))) {
          throw new IllegalArgumentException("invalid signature for key " + verifier.name());
        }
        verified = true;
      }
    }
    if (!verified) {
      throw new IllegalArgumentException("note has no verifiable signatures");
    }
    return text;
  }

  private static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("malformed note");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new IllegalArgumentException("malformed note");
      }
    }
  }
}
