package org.undersigned.testing;

import java.util.HashMap;
import java.util.Map;

/** Bodies of endorsement submissions for the tests. */
public final class Submissions {

  private Submissions() {}

  /** A valid submission; change any field with {@code with}. */
  public static Map<String, Object> valid(String name, String email) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "ORGANISATION");
    body.put("name", name);
    body.put("country", "FR");
    body.put("website", "https://www.example.org");
    body.put("contactName", "Marie Dupont");
    body.put("contactEmail", email);
    body.put("anonymous", false);
    body.put("language", "fr");
    body.put("consent", true);
    return body;
  }

  /** The same submission with one field changed (or removed, with null). */
  public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    if (value == null) {
      copy.remove(field);
    } else {
      copy.put(field, value);
    }
    return copy;
  }
}
