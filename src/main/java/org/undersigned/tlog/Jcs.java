package org.undersigned.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 (JCS) for the log's entries: flat objects of strings, booleans and integers, their
 * members sorted by the UTF-16 code units of their names, no white space, strings escaped as
 * ECMAScript's JSON.stringify does (only {@code "}, {@code \} and the controls, the common ones as
 * {@code \b \t \n \f \r}, the others as a backslash, {@code u} and four lowercase hex digits),
 * integers in decimal.
 */
final class Jcs {

  private Jcs() {}

  static byte[] object(Map<String, Object> members) {
    StringBuilder out = new StringBuilder("{");
    // String's natural order is that of UTF-16 code units, as RFC 8785 §3.2.3 sorts.
    for (Map.Entry<String, Object> member : new TreeMap<>(members).entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      string(out, member.getKey());
      out.append(':');
      Object value = member.getValue();
      if (value instanceof String s) {
        string(out, s);
      } else if (value instanceof Boolean b) {
        out.append(b);
      } else if (value instanceof Long || value instanceof Integer) {
        long n = ((Number) value).longValue();
        if (Math.abs(n) > (1L << 53) - 1) {
          throw new IllegalArgumentException("Beyond the integers JSON numbers hold exactly");
        }
        out.append(n);
      } else {
        throw new IllegalArgumentException("Not a string, boolean or integer: " + value);
      }
    }
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
