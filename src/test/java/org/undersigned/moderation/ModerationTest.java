package org.undersigned.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/** Moderators behind real JWTs: every endorsement, approval, rejection, the audit, duplicates. */
@QuarkusTest
class ModerationTest {

  @Inject TestLetters fixtures;

  private static RequestSpecification asModerator() {
    return api()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"));
  }

  /** Submits through the API and confirms through the e-mailed link: a CONFIRMED endorsement. */
  private static String confirmed(String slug, String name) {
    return Submissions.confirmed(slug, Submissions.valid(name, Mails.newAddress("example.org")))
        .id();
  }

  @Test
  void withoutATokenTheAdminApiIs401() {
    badRequest()
        .get("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/endorsements")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("type", equalTo("urn:undersigned:problem:unauthorized"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "expired", "issuer", "stranger", "audience", "too-old"})
  void anInvalidTokenIs401(String kind) {
    String token =
        switch (kind) {
          case "expired" -> Tokens.expired("m@test", "moderator");
          case "issuer" -> Tokens.otherIssuer("m@test", "moderator");
          case "stranger" -> Tokens.signedByAStranger("m@test", "moderator");
          // Same provider, key and issuer, but minted for another application.
          case "audience" -> Tokens.otherAudience("m@test", "moderator");
          // Issued longer ago than mp.jwt.verify.token.age, though not expired.
          case "too-old" -> Tokens.tooOld("m@test", "moderator");
          default -> "not.a.jwt";
        };
    api()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/endorsements")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aTokenWithoutTheRoleIs403() {
    api()
        .header("Authorization", "Bearer " + Tokens.withRoles("someone@test", "signer"))
        .get("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/endorsements")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:forbidden"));
  }

  @Test
  void adminsModerateToo() {
    api()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"))
        .get("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/endorsements?limit=1")
        .then()
        .statusCode(200);
  }

  @Test
  void moderatorsSeeEveryEndorsementWithContactsAndAnonymousNames() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Named Org", false);
    fixtures.published(letter, "Secret Org", true);
    fixtures.endorsement(letter, "Pending Org", false, EndorsementStatus.PENDING_CONFIRMATION);
    asModerator()
        .get("/api/v1/admin/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body("items", hasSize(3))
        .body("items.name", hasItem("Secret Org"))
        .body("items.contactEmail", everyItem(notNullValue()));
    asModerator()
        .queryParam("status", "PENDING_CONFIRMATION")
        .get("/api/v1/admin/letters/" + letter.slug + "/endorsements")
        .then()
        .body("items.name", equalTo(List.of("Pending Org")));
  }

  @Test
  void listPagesWithACursor() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    for (int i = 0; i < 5; i++) {
      fixtures.published(letter, "Org " + i, false);
    }
    String cursor =
        asModerator()
            .queryParam("limit", 3)
            .get("/api/v1/admin/letters/" + letter.slug + "/endorsements")
            .then()
            .body("items", hasSize(3))
            .extract()
            .path("nextCursor");
    asModerator()
        .queryParam("limit", 3)
        .queryParam("cursor", cursor)
        .get("/api/v1/admin/letters/" + letter.slug + "/endorsements")
        .then()
        .body("items.name", equalTo(List.of("Org 3", "Org 4")));
  }

  @Test
  void unknownStatusFilterIsAProblem() {
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .queryParam("status", "LOST")
        .get("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/endorsements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }

  @Test
  void approvalPublishesAndIsAudited() {
    // A letter of its own, publishing after approval as the bundled one does: the bundled
    // letter's figures stay as other tests expect them.
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String id = confirmed(letter.slug, "Approved Org " + UUID.randomUUID());
    asModerator()
        .post("/api/v1/admin/endorsements/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("approvedBy", equalTo("moira@coalition.test"))
        .body("decisions[0].actor", equalTo("moira@coalition.test"))
        .body("decisions[0].action", equalTo("APPROVE"))
        .body("decisions[0].fromStatus", equalTo("CONFIRMED"))
        .body("decisions[0].toStatus", equalTo("PUBLISHED"))
        .body("decisions[0].decidedAt", notNullValue());
    api()
        .get("/api/v1/letters/" + letter.slug + "/signatories/" + id)
        .then()
        .statusCode(200)
        .body("verification.methods", hasItem("MODERATOR_APPROVED"));
  }

  @Test
  void rejectionNeedsAReasonAndRemovesAPublishedEndorsement() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    String id = confirmed(letter.slug, "Spam Org");
    api().get("/api/v1/letters/" + letter.slug).then().body("counts.total", equalTo(1));
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .contentType("application/json")
        .body(Map.of("reason", " "))
        .post("/api/v1/admin/endorsements/" + id + "/reject")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    asModerator()
        .contentType("application/json")
        .body(Map.of("reason", "A bot's submission"))
        .post("/api/v1/admin/endorsements/" + id + "/reject")
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejectionReason", equalTo("A bot's submission"))
        .body("decisions[0].fromStatus", equalTo("PUBLISHED"))
        .body("decisions[0].reason", equalTo("A bot's submission"));
    api().get("/api/v1/letters/" + letter.slug).then().body("counts.total", equalTo(0));
  }

  @Test
  void unconfirmedEndorsementsCannotBeApproved() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Endorsement e =
        fixtures.endorsement(letter, "Unproved", false, EndorsementStatus.PENDING_CONFIRMATION);
    asModerator()
        .post("/api/v1/admin/endorsements/" + e.id + "/approve")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:undersigned:problem:invalid-transition"));
  }

  @Test
  void unknownEndorsementIsAProblem() {
    asModerator()
        .get("/api/v1/admin/endorsements/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:endorsement-not-found"));
  }

  @Test
  void theSameOrganisationIsNeverPublishedTwiceWhateverItsSpelling() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String base = "Dup Org " + UUID.randomUUID().toString().substring(0, 6);
    String first = confirmed(letter.slug, base);
    String second = confirmed(letter.slug, "  " + base.toUpperCase().replace(" ", "   ") + " ");
    asModerator().post("/api/v1/admin/endorsements/" + first + "/approve").then().statusCode(200);
    asModerator()
        .get("/api/v1/admin/endorsements/" + second)
        .then()
        .body("status", equalTo("CONFIRMED"));
    asModerator()
        .post("/api/v1/admin/endorsements/" + second + "/approve")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:undersigned:problem:duplicate-organisation"));
  }

  @Test
  void racingConfirmationsOfOneOrganisationPublishItOnce() throws Exception {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    String base = "Race Org";
    List<String> spellings =
        List.of(
            base,
            "RACE ORG",
            "race  org",
            " Race Org ",
            "ＲＡＣＥ ＯＲＧ", // full-width forms: the same after NFKC
            "Race\u00A0Org"); // a no-break space
    List<String> tokens =
        spellings.stream()
            .map(
                name -> {
                  String email = Mails.newAddress("example.org");
                  api()
                      .contentType("application/json")
                      .body(Submissions.valid(name, email))
                      .post("/api/v1/letters/" + letter.slug + "/endorsements")
                      .then()
                      .statusCode(202);
                  return email;
                })
            .toList()
            .stream()
            .map(email -> Mails.awaitOne(email).token())
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
    try {
      List<Callable<String>> confirmations =
          tokens.stream()
              .map(
                  token ->
                      (Callable<String>)
                          () ->
                              api()
                                  .contentType("application/json")
                                  .body(Map.of("token", token))
                                  .post("/api/v1/confirmations")
                                  .then()
                                  .statusCode(200)
                                  .extract()
                                  .path("status"))
              .toList();
      List<String> statuses = new java.util.ArrayList<>();
      for (Future<String> f : pool.invokeAll(confirmations)) {
        statuses.add(f.get());
      }
      // Every signer is told PUBLISHED: its organisation is on the list. Which confirmation
      // published it and which were held is for the moderators alone (an answer that told them
      // apart would tell whether a name had signed).
      assertEquals(
          List.of("PUBLISHED"), statuses.stream().distinct().toList(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    api()
        .get("/api/v1/letters/" + letter.slug)
        .then()
        .body("counts.total", equalTo(1))
        .body("counts.named", equalTo(1));
    asModerator()
        .queryParam("status", "CONFIRMED")
        .get("/api/v1/admin/letters/" + letter.slug + "/endorsements")
        .then()
        .body("items", hasSize(spellings.size() - 1))
        .body("items.duplicateOf", everyItem(notNullValue()));
  }
}
