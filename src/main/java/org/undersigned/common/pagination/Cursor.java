package org.undersigned.common.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An opaque position in a list: the order it belongs to and the public id of the last item
 * returned. It holds nothing a caller could not already see, and no database sequence.
 */
public record Cursor(String order, UUID after) {

  private static final Pattern ORDER = Pattern.compile("^[a-z]{1,16}$");

  /** The text a caller sends back in {@code cursor}. */
  public String encode() {
    String plain = "v1:" + order + ":" + after;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a text stands for, or empty when it was not made by {@link #encode}. */
  public static Optional<Cursor> decode(String text) {
    if (text == null || text.isEmpty() || text.length() > 128) {
      return Optional.empty();
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length != 3 || !parts[0].equals("v1") || !ORDER.matcher(parts[1]).matches()) {
        return Optional.empty();
      }
      UUID after = UUID.fromString(parts[2]);
      if (!after.toString().equals(parts[2])) {
        return Optional.empty();
      }
      return Optional.of(new Cursor(parts[1], after));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
