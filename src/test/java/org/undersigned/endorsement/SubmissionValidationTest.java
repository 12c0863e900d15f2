package org.undersigned.endorsement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/** Every bad submission is a clear 400 (or 404, 409, 413, 415, 422), and nothing is written. */
@QuarkusTest
class SubmissionValidationTest {

  private static final String ENDORSEMENTS =
      "/api/v1/letters/" + TestLetters.BUNDLED + "/endorsements";

  @Inject TestLetters fixtures;

  private static Map<String, Object> valid() {
    return Submissions.valid("Valid Org", Mails.newAddress("example.org"));
  }

  private static ValidatableResponse post(Object body) {
    return badRequest().contentType("application/json").body(body).post(ENDORSEMENTS).then();
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        Arguments.of("kind", null),
        Arguments.of("name", null),
        Arguments.of("name", ""),
        Arguments.of("name", "   "),
        Arguments.of("name", "x".repeat(301)),
        Arguments.of("name", "Evil\u202EOrg"),
        Arguments.of("name", "Bell\u0007Org"),
        Arguments.of("name", "Line\nBreak"),
        Arguments.of("name", "Isolate\u2066Org"),
        Arguments.of("country", "fr"),
        Arguments.of("country", "XX"),
        Arguments.of("country", "FRA"),
        Arguments.of("website", "javascript:alert(1)"),
        Arguments.of("website", "ftp://example.org"),
        Arguments.of("website", "https://user:pass@example.org"),
        Arguments.of("website", "not a url"),
        Arguments.of("contactName", null),
        Arguments.of("contactName", ""),
        Arguments.of("contactEmail", null),
        Arguments.of("contactEmail", "not-an-email"),
        Arguments.of("contactEmail", "a@b"),
        Arguments.of("contactEmail", "two@@example.org"),
        Arguments.of("anonymous", null),
        Arguments.of("consent", null),
        Arguments.of("consent", false),
        Arguments.of("language", "français"));
  }

  @ParameterizedTest
  @MethodSource("badFields")
  void badFieldIsAProblemNamingIt(String field, Object value) {
    Map<String, Object> body = Submissions.with(valid(), field, value);
    if (value == null) {
      body.remove(field);
    }
    post(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:validation-failed"))
        .body("errors.field", hasItem(field));
  }

  @Test
  void everyFieldAtFaultIsListed() {
    Map<String, Object> body = Map.of("kind", "ORGANISATION", "anonymous", true);
    post(body)
        .statusCode(400)
        .body("errors.field", hasItems("name", "contactName", "contactEmail", "consent"));
  }

  @Test
  void problemsSpeakTheCallersLanguage() {
    Map<String, Object> body = Submissions.with(valid(), "consent", false);
    badRequest()
        .header("Accept-Language", "fr-FR, fr;q=0.9")
        .contentType("application/json")
        .body(body)
        .post(ENDORSEMENTS)
        .then()
        .statusCode(400)
        .header("Content-Language", "fr")
        .body("title", equalTo("La requête n’est pas valide"))
        .body("errors[0].message", containsString("doit valoir true"));
    badRequest()
        .header("Accept-Language", "en")
        .contentType("application/json")
        .body(body)
        .post(ENDORSEMENTS)
        .then()
        .statusCode(400)
        .header("Content-Language", "en")
        .body("title", equalTo("The request is not valid"))
        .body("errors[0].message", containsString("must be true"));
  }

  @ParameterizedTest
  @MethodSource("serverFields")
  void fieldsOnlyTheServerSetsAreRefused(String field, Object value) {
    post(Submissions.with(valid(), field, value))
        .statusCode(400)
        .body("errors.field", hasItem(field));
  }

  static Stream<Arguments> serverFields() {
    return Stream.of(
        Arguments.of("id", "0b7e3f9c-2d54-4a8e-9a51-6c2f4e1d8b3a"),
        Arguments.of("status", "PUBLISHED"),
        Arguments.of("publishedAt", "2020-01-01T00:00:00Z"),
        Arguments.of("source", "IMPORTED"));
  }

  @Test
  void unknownKindIsAProblem() {
    post(Submissions.with(valid(), "kind", "GOVERNMENT"))
        .statusCode(400)
        .body("errors.field", hasItem("kind"));
  }

  @Test
  void malformedJsonIsAProblem() {
    post("{\"name\": ")
        .statusCode(400)
        .body("type", equalTo("urn:undersigned:problem:malformed-request"));
    post("[]").statusCode(400);
    post("null").statusCode(400);
  }

  @Test
  void missingBodyIsAProblem() {
    badRequest().contentType("application/json").post(ENDORSEMENTS).then().statusCode(400);
  }

  @Test
  void otherMediaTypesAreRefused() {
    badRequest()
        .contentType("text/plain")
        .body("name=Foo")
        .post(ENDORSEMENTS)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = "{\"name\":\"" + "x".repeat(20_000) + "\"}";
    badRequest()
        .contentType("application/json")
        .body(huge)
        .post(ENDORSEMENTS)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:payload-too-large"));
  }

  @Test
  void unknownLetterIsAProblem() {
    api()
        .contentType("application/json")
        .body(valid())
        .post("/api/v1/letters/no-such-letter/endorsements")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:letter-not-found"));
  }

  @Test
  void closedLetterRefusesSignatures() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.close(letter);
    api()
        .contentType("application/json")
        .body(valid())
        .post("/api/v1/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:undersigned:problem:letter-closed"));
  }

  @Test
  void draftLetterTakesNoSignature() {
    Letter letter = fixtures.letter(LetterStatus.DRAFT, "en");
    api()
        .contentType("application/json")
        .body(valid())
        .post("/api/v1/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(404);
  }

  @Test
  void namesAreStoredTrimmedAndInNfc() {
    String decomposed = "  Fe\u0301de\u0301ration Test  ";
    String id =
        api()
            .contentType("application/json")
            .body(Submissions.with(valid(), "name", decomposed))
            .post(ENDORSEMENTS)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertEquals("Fédération Test", fixtures.find(java.util.UUID.fromString(id)).name);
  }

  @Test
  void sameIdempotencyKeyAndBodyGiveTheSameAnswerAndOneEndorsement() {
    Map<String, Object> body = valid();
    String key = java.util.UUID.randomUUID().toString();
    String first =
        api()
            .header("Idempotency-Key", key)
            .contentType("application/json")
            .body(body)
            .post(ENDORSEMENTS)
            .then()
            .statusCode(202)
            .extract()
            .asString();
    String second =
        api()
            .header("Idempotency-Key", key)
            .contentType("application/json")
            .body(body)
            .post(ENDORSEMENTS)
            .then()
            .statusCode(202)
            .extract()
            .asString();
    assertEquals(first, second);
    String email = (String) body.get("contactEmail");
    org.undersigned.testing.Mails.awaitOne(email);
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertEquals(1, org.undersigned.testing.Smtp.messagesTo(email).size());
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIsRefused() {
    String key = java.util.UUID.randomUUID().toString();
    api()
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(valid())
        .post(ENDORSEMENTS)
        .then()
        .statusCode(202);
    api()
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(valid())
        .post(ENDORSEMENTS)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:undersigned:problem:idempotency-key-reused"));
  }

  @Test
  void malformedIdempotencyKeyIsAProblem() {
    badRequest()
        .header("Idempotency-Key", "spaces are not allowed")
        .contentType("application/json")
        .body(valid())
        .post(ENDORSEMENTS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("Idempotency-Key"));
  }

  @Test
  void resubmittingANameThatSignedAnsweresExactlyAsANewOne() {
    Map<String, Object> existing =
        Submissions.valid("Amnesty International", Mails.newAddress("example.org"));
    Map<String, Object> fresh =
        Submissions.valid("Some Brand New Org", Mails.newAddress("example.org"));
    var a =
        api()
            .contentType("application/json")
            .body(existing)
            .post(ENDORSEMENTS)
            .then()
            .statusCode(202)
            .extract();
    var b =
        api()
            .contentType("application/json")
            .body(fresh)
            .post(ENDORSEMENTS)
            .then()
            .statusCode(202)
            .extract();
    assertEquals(a.jsonPath().getString("status"), b.jsonPath().getString("status"));
    assertEquals(
        a.headers().asList().stream().map(h -> h.getName()).sorted().toList(),
        b.headers().asList().stream().map(h -> h.getName()).sorted().toList());
    assertEquals(a.asString().length(), b.asString().length());
    org.hamcrest.MatcherAssert.assertThat(a.asString(), not(containsString("Amnesty")));
  }
}
