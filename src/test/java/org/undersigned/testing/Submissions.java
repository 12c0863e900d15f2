package org.undersigned.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Bodies of endorsement submissions for the tests, and the usual way to a confirmed one. */
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

  /** A confirmed signature: its id, and the confirmation's answer. */
  public record Confirmed(String id, JsonPath answer) {}

  /**
   * Submits through the API (202) and confirms with the token the e-mail brings (200), as a signer
   * does.
   */
  public static Confirmed confirmed(String slug, Map<String, Object> body) {
    return confirmed(Contract.api(), slug, body);
  }

  /** The same, the submission sent with this request (its headers, say). */
  public static Confirmed confirmed(
      RequestSpecification submission, String slug, Map<String, Object> body) {
    String id =
        submission
            .contentType("application/json")
            .body(body)
            .post("/api/v1/letters/" + slug + "/endorsements")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    JsonPath answer =
        Contract.api()
            .contentType("application/json")
            .body(Map.of("token", Mails.awaitOne((String) body.get("contactEmail")).token()))
            .post("/api/v1/confirmations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return new Confirmed(id, answer);
  }
}
