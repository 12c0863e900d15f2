package org.undersigned.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/** What partner sites rely on: CORS for their origins only, and attribution of what they bring. */
@QuarkusTest
class PartnersTest {

  private static final String PARTNER = "https://partner.example";
  private static final String STRANGER = "https://stranger.example";
  private static final String LETTER = "/api/v1/letters/" + TestLetters.BUNDLED;

  @Inject TestLetters fixtures;

  @Test
  void aPartnerOriginGetsItsPreflightAnswered() {
    given()
        .header("Origin", PARTNER)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type, idempotency-key")
        .options(LETTER + "/endorsements")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", PARTNER)
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
        .header("Access-Control-Allow-Headers", not(containsString("Authorization")))
        .header("Access-Control-Allow-Credentials", nullValue())
        .header("Vary", containsString("Origin"));
  }

  @Test
  void anUnknownOriginGetsNoGrant() {
    given()
        .header("Origin", STRANGER)
        .header("Access-Control-Request-Method", "POST")
        .options(LETTER + "/endorsements")
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Methods", nullValue());
    api()
        .header("Origin", STRANGER)
        .get(LETTER)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void aPartnerPageReadsTheLetterAndItsCacheHeaders() {
    api()
        .header("Origin", PARTNER)
        .get(LETTER)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", PARTNER)
        .header("Access-Control-Expose-Headers", containsString("ETag"))
        .header("Access-Control-Allow-Credentials", nullValue())
        .header("Vary", containsString("Origin"));
  }

  @Test
  void aSubmissionNamesThePartnerThatBroughtIt() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    for (String source : List.of("partner-one", "partner-one", "partner-two")) {
      api()
          .header("Origin", PARTNER)
          .contentType("application/json")
          .body(
              Submissions.with(
                  Submissions.valid("Brought Org", Mails.newAddress("example.org")),
                  "source",
                  source))
          .post("/api/v1/letters/" + letter.slug + "/endorsements")
          .then()
          .statusCode(202)
          .header("Access-Control-Allow-Origin", PARTNER);
    }
    api()
        .contentType("application/json")
        .body(Submissions.valid("Direct Org", Mails.newAddress("example.org")))
        .post("/api/v1/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(202);
    api()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .get("/api/v1/admin/letters/" + letter.slug + "/sources")
        .then()
        .statusCode(200)
        .body("items.find { it.partner == 'partner-one' }.total", equalTo(2))
        .body("items.find { it.partner == 'partner-one' }.source", equalTo("PARTNER"))
        .body("items.find { it.partner == 'partner-two' }.total", equalTo(1))
        .body("items.find { it.source == 'WEB' }.total", equalTo(1))
        .body("items.find { it.source == 'WEB' }.published", equalTo(0));
  }

  @Test
  void anUnknownPartnerIsRefused() {
    badRequest()
        .contentType("application/json")
        .body(
            Submissions.with(
                Submissions.valid("Org", Mails.newAddress("example.org")),
                "source",
                "not-a-partner"))
        .post(LETTER + "/endorsements")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("source"));
  }

  @Test
  void moderatorsExportEveryEndorsementWithContacts() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Open Org", false);
    fixtures.published(letter, "=Hidden Org", true);
    String csv =
        api()
            .header(
                "Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
            .get("/api/v1/admin/letters/" + letter.slug + "/endorsements.csv")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .header("Cache-Control", containsString("no-store"))
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals(3, lines.size());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "id,status,kind,name,anonymous,country,website,contact_name,contact_email"));
    assertTrue(lines.get(1).contains(",PUBLISHED,ORGANISATION,Open Org,false,FR,"), lines.get(1));
    assertTrue(lines.get(1).contains("@example.org"), lines.get(1));
    assertTrue(lines.get(1).contains("EMAIL_CONFIRMED;MODERATOR_APPROVED"), lines.get(1));
    assertTrue(lines.get(2).contains(",'=Hidden Org,true,"), lines.get(2));
  }

  @Test
  void theExportIsForModeratorsOnly() {
    badRequest()
        .get("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/endorsements.csv")
        .then()
        .statusCode(401);
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("someone@test", "signer"))
        .get("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/endorsements.csv")
        .then()
        .statusCode(403);
  }
}
