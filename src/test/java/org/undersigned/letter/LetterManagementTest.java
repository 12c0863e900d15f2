package org.undersigned.letter;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/** The coalition's admins create letters, translate them, open, close and embargo them. */
@QuarkusTest
class LetterManagementTest {

  @Inject TestLetters fixtures;

  private static RequestSpecification asAdmin() {
    return api()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"));
  }

  private static Map<String, Object> text(String lang) {
    return Map.of(
        "title", "Title " + lang,
        "recipients", List.of("To whom it may concern (" + lang + ")"),
        "paragraphs", List.of("First paragraph " + lang, "Second paragraph " + lang),
        "closing", "Sincerely (" + lang + ")",
        "countSentence", "* " + lang + ": {total} in all, {named} named, {anonymous} anonymous.");
  }

  private static String create() {
    String slug = "managed-" + UUID.randomUUID().toString().substring(0, 8);
    asAdmin()
        .contentType("application/json")
        .body(Map.of("slug", slug, "language", "fr", "text", text("fr")))
        .post("/api/v1/letters")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/letters/" + slug))
        .body("status", equalTo("DRAFT"))
        .body("moderationPolicy", equalTo("PUBLISH_ON_APPROVAL"))
        .body("texts[0].language", equalTo("fr"))
        .body("texts[0].textVersion", equalTo(1));
    return slug;
  }

  private static Map<String, Object> settings(String status) {
    Map<String, Object> s = new HashMap<>();
    s.put("status", status);
    s.put("moderationPolicy", "PUBLISH_ON_CONFIRMATION");
    s.put("countsDuringEmbargo", true);
    return s;
  }

  private static void configure(String slug, Map<String, Object> settings) {
    asAdmin()
        .contentType("application/json")
        .body(settings)
        .put("/api/v1/letters/" + slug)
        .then()
        .statusCode(200)
        .body("status", equalTo(settings.get("status")));
  }

  @Test
  void aNewLetterIsADraftOnlyTheCoalitionSees() {
    String slug = create();
    api().get("/api/v1/letters/" + slug).then().statusCode(404);
    api().get("/api/v1/letters").then().body("items.slug", not(hasItem(slug)));
    api()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .get("/api/v1/admin/letters/" + slug)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"));
  }

  @Test
  void onlyAdminsManageLetters() {
    String body = "{\"slug\":\"nope\",\"language\":\"fr\"}";
    badRequest()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/letters")
        .then()
        .statusCode(401);
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .contentType("application/json")
        .body(Map.of("slug", "nope", "language", "fr", "text", text("fr")))
        .post("/api/v1/letters")
        .then()
        .statusCode(403);
    badRequest()
        .contentType("application/json")
        .body(settings("OPEN"))
        .put("/api/v1/letters/" + TestLetters.BUNDLED)
        .then()
        .statusCode(401);
  }

  @Test
  void aTakenSlugIsRefused() {
    asAdmin()
        .contentType("application/json")
        .body(Map.of("slug", TestLetters.BUNDLED, "language", "fr", "text", text("fr")))
        .post("/api/v1/letters")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:undersigned:problem:slug-taken"));
  }

  @Test
  void aBadDraftIsAProblemNamingEachField() {
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"))
        .contentType("application/json")
        .body(Map.of("slug", "Not A Slug!", "language", "French"))
        .post("/api/v1/letters")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("slug"))
        .body("errors.field", hasItem("language"))
        .body("errors.field", hasItem("text"));
  }

  @Test
  void openingALetterLetsItTakeSignaturesAndClosingStopsThemButKeepsTheList() {
    String slug = create();
    configure(slug, settings("OPEN"));
    api().get("/api/v1/letters/" + slug).then().statusCode(200).body("open", equalTo(true));
    assertEquals(
        "PUBLISHED",
        Submissions.confirmed(
                slug, Submissions.valid("Early Signer", Mails.newAddress("example.org")))
            .answer()
            .getString("status"));

    configure(slug, settings("CLOSED"));
    api()
        .contentType("application/json")
        .body(Submissions.valid("Late Signer", Mails.newAddress("example.org")))
        .post("/api/v1/letters/" + slug + "/endorsements")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:undersigned:problem:letter-closed"));
    api()
        .get("/api/v1/letters/" + slug + "/signatories")
        .then()
        .body("items.name", contains("Early Signer"));
    api().get("/api/v1/letters/" + slug).then().body("open", equalTo(false));
  }

  @Test
  void aPublicLetterCannotGoBackToDraft() {
    String slug = create();
    configure(slug, settings("OPEN"));
    asAdmin()
        .contentType("application/json")
        .body(settings("DRAFT"))
        .put("/api/v1/letters/" + slug)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:undersigned:problem:invalid-transition"));
  }

  @Test
  void addingATranslationIsOneRequestAndEachEditIsANewVersion() {
    String slug = create();
    configure(slug, settings("OPEN"));
    asAdmin()
        .contentType("application/json")
        .body(text("en"))
        .put("/api/v1/letters/" + slug + "/translations/en")
        .then()
        .statusCode(201);
    api()
        .queryParam("lang", "en")
        .get("/api/v1/letters/" + slug)
        .then()
        .header("Content-Language", "en")
        .body("title", equalTo("Title en"))
        .body("languages", contains("en", "fr"));

    String first =
        api()
            .contentType("application/json")
            .body(
                Submissions.with(
                    Submissions.valid("Reader Of V1", Mails.newAddress("example.org")),
                    "language",
                    "en"))
            .post("/api/v1/letters/" + slug + "/endorsements")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    Map<String, Object> edited = new HashMap<>(text("en"));
    edited.put("title", "Title en, revised");
    asAdmin()
        .contentType("application/json")
        .body(edited)
        .put("/api/v1/letters/" + slug + "/translations/en")
        .then()
        .statusCode(200)
        .body("texts.find { it.language == 'en' }.textVersion", equalTo(2));
    String second =
        api()
            .contentType("application/json")
            .body(
                Submissions.with(
                    Submissions.valid("Reader Of V2", Mails.newAddress("example.org")),
                    "language",
                    "en"))
            .post("/api/v1/letters/" + slug + "/endorsements")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertEquals("en v1", fixtures.textSeenBy(UUID.fromString(first)));
    assertEquals("en v2", fixtures.textSeenBy(UUID.fromString(second)));
    api()
        .queryParam("lang", "en")
        .get("/api/v1/letters/" + slug)
        .then()
        .body("title", equalTo("Title en, revised"));
  }

  @Test
  void aBadLanguageInTheTranslationPathIsAProblem() {
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"))
        .contentType("application/json")
        .body(text("en"))
        .put("/api/v1/letters/" + TestLetters.BUNDLED + "/translations/ENGLISH")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("language"));
  }

  @Test
  void anEmbargoHidesTheListAndTheCountsIfTheLetterSaysSo() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Embargoed Org", false);
    Map<String, Object> embargo = settings("OPEN");
    embargo.put(
        "embargoUntil",
        Instant.now()
            .plusSeconds(3600)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString());
    embargo.put("countsDuringEmbargo", false);
    configure(letter.slug, embargo);
    String path = "/api/v1/letters/" + letter.slug;
    api()
        .get(path)
        .then()
        .statusCode(200)
        .body("$", not(org.hamcrest.Matchers.hasKey("counts")))
        .body("embargoUntil", equalTo(embargo.get("embargoUntil")));
    api().get(path + "/signatories").then().body("items.size()", equalTo(0));
    api()
        .accept("text/plain")
        .get(path)
        .then()
        .body(not(containsString("Embargoed Org")))
        .body(not(containsString("in all")));
    api().get(path + "/signatories.csv").then().body(not(containsString("Embargoed Org")));

    embargo.put("countsDuringEmbargo", true);
    configure(letter.slug, embargo);
    api().get(path).then().body("counts.total", equalTo(1));
    api().get(path + "/signatories").then().body("items.size()", equalTo(0));

    embargo.put("embargoUntil", null);
    configure(letter.slug, embargo);
    api().get(path + "/signatories").then().body("items.name", contains("Embargoed Org"));
  }
}
