package org.undersigned.endorsement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Smtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/** The whole life of an endorsement, through the API and the real e-mails it sends. */
@QuarkusTest
@QuarkusTestResource(Smtp.class)
class SigningTest {

  @Inject TestLetters fixtures;

  private static String submit(String slug, Map<String, Object> body) {
    return api()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/letters/" + slug + "/endorsements")
        .then()
        .statusCode(202)
        .contentType("application/json")
        .body("status", equalTo("PENDING_CONFIRMATION"))
        .body("id", notNullValue())
        .extract()
        .path("id");
  }

  private static io.restassured.response.ValidatableResponse confirm(String token) {
    return api()
        .contentType("application/json")
        .body(Map.of("token", token))
        .post("/api/v1/confirmations")
        .then();
  }

  @Test
  void submissionIsAcceptedAndAConfirmationMailIsSentInTheSignersLanguage() {
    String email = Mails.newAddress("amnesty.org");
    submit(TestLetters.BUNDLED, Submissions.valid("Amnesty Test Section", email));
    Mails.Read mail = Mails.awaitOne(email);
    assertTrue(mail.subject().startsWith("Confirmez votre signature"), mail.subject());
    assertTrue(mail.subject().contains("« Une lettre ouverte »"), mail.subject());
    assertNotNull(mail.text());
    assertNotNull(mail.html());
    assertTrue(mail.text().contains("Amnesty Test Section"));
    assertTrue(mail.text().contains("http://localhost:8080/confirm?token="), mail.text());
    assertTrue(mail.html().contains("/confirm?token="), mail.html());
    assertEquals(43, mail.token().length());
  }

  @Test
  void englishSignersGetEnglishMail() {
    String email = Mails.newAddress("example.org");
    submit(
        TestLetters.BUNDLED,
        Submissions.with(Submissions.valid("English Speaking Org", email), "language", "en-GB"));
    Mails.Read mail = Mails.awaitOne(email);
    assertTrue(mail.subject().startsWith("Confirm your signature"), mail.subject());
  }

  @Test
  void confirmationProvesTheAddressAndWaitsForAModeratorOnTheBundledLetter() {
    String email = Mails.newAddress("amnesty.org");
    String id =
        submit(
            TestLetters.BUNDLED,
            Submissions.with(
                Submissions.valid("Confirmed Org", email), "website", "https://www.amnesty.org"));
    String token = Mails.awaitOne(email).token();
    confirm(token).statusCode(200).body("id", equalTo(id)).body("status", equalTo("CONFIRMED"));
    Endorsement stored = fixtures.find(UUID.fromString(id));
    assertNotNull(stored.emailConfirmedAt);
    assertTrue(stored.domainVerified);
    api()
        .queryParam("q", "Confirmed Org")
        .get("/api/v1/letters/" + TestLetters.BUNDLED + "/signatories")
        .then()
        .body("items.name", not(hasItem("Confirmed Org")));
  }

  @Test
  void openingTheLinkNeverConfirms() {
    String email = Mails.newAddress("example.org");
    String id = submit(TestLetters.BUNDLED, Submissions.valid("Scanned Link Org", email));
    String token = Mails.awaitOne(email).token();
    // The pages at the links are for people, not part of the API contract.
    io.restassured.RestAssured.given()
        .queryParam("token", token)
        .get("/confirm")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", containsString("default-src 'none'"))
        .body(containsString("<form method=\"post\" action=\"/confirm\">"))
        .body(containsString("value=\"" + token + "\""));
    assertEquals(EndorsementStatus.PENDING_CONFIRMATION, fixtures.find(UUID.fromString(id)).status);
  }

  @Test
  void thePageAtTheLinkConfirmsWhenItsButtonPosts() {
    String email = Mails.newAddress("example.org");
    String id = submit(TestLetters.BUNDLED, Submissions.valid("Button Org", email));
    String token = Mails.awaitOne(email).token();
    io.restassured.RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .formParam("lang", "fr")
        .post("/confirm")
        .then()
        .statusCode(200)
        .body(containsString("Adresse confirmée"));
    assertEquals(EndorsementStatus.CONFIRMED, fixtures.find(UUID.fromString(id)).status);
  }

  @Test
  void replayedTokenIsRefused() {
    String email = Mails.newAddress("example.org");
    submit(TestLetters.BUNDLED, Submissions.valid("Replay Org", email));
    String token = Mails.awaitOne(email).token();
    confirm(token).statusCode(200);
    confirm(token)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:token-used"))
        .body(not(containsString("Replay Org")))
        .body(not(containsString(email)));
  }

  @Test
  void expiredTokenIsRefused() {
    String email = Mails.newAddress("example.org");
    String id = submit(TestLetters.BUNDLED, Submissions.valid("Late Org", email));
    String token = Mails.awaitOne(email).token();
    fixtures.expireTokens(UUID.fromString(id));
    confirm(token)
        .statusCode(410)
        .body("type", equalTo("urn:undersigned:problem:token-expired"))
        .body(not(containsString("Late Org")));
    assertEquals(EndorsementStatus.PENDING_CONFIRMATION, fixtures.find(UUID.fromString(id)).status);
  }

  @Test
  void unknownTokenIsRefused() {
    confirm("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:token-unknown"));
    confirm("not a token at all")
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:token-unknown"));
  }

  @Test
  void aLetterThatPublishesOnConfirmationListsTheSignatoryAtOnce() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    String email = Mails.newAddress("example.org");
    String id = submit(letter.slug, Submissions.valid("Instant Org", email));
    confirm(Mails.awaitOne(email).token()).statusCode(200).body("status", equalTo("PUBLISHED"));
    api()
        .get("/api/v1/letters/" + letter.slug + "/signatories/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Instant Org"))
        .body("verification.methods", hasItem("EMAIL_CONFIRMED"));
    api().get("/api/v1/letters/" + letter.slug).then().body("counts.total", equalTo(1));
  }

  @Test
  void anAnonymousSignatureCountsButIsNeverNamed() {
    // Anonymous signatures need a letter that publishes after approval (see
    // SignerIndistinguishabilityTest for why).
    Letter letter = fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_APPROVAL, "en");
    String email = Mails.newAddress("example.org");
    String id =
        submit(
            letter.slug,
            Submissions.with(
                Submissions.valid("Qwzx Hidden Collective", email), "anonymous", true));
    confirm(Mails.awaitOne(email).token()).statusCode(200);
    api()
        .header(
            "Authorization",
            "Bearer " + org.undersigned.testing.Tokens.withRoles("moira@test", "moderator"))
        .post("/api/v1/admin/endorsements/" + id + "/approve")
        .then()
        .statusCode(200);
    api()
        .get("/api/v1/letters/" + letter.slug)
        .then()
        .body("counts.total", equalTo(1))
        .body("counts.anonymous", equalTo(1))
        .body("counts.named", equalTo(0));
    for (String type : new String[] {"text/plain", "text/markdown", "text/html"}) {
      assertFalse(
          api().accept(type).get("/api/v1/letters/" + letter.slug).asString().contains("Qwzx"));
    }
    assertFalse(
        api()
            .get("/api/v1/letters/" + letter.slug + "/signatories?q=qwzx")
            .asString()
            .contains("Qwzx"));
    assertFalse(
        api()
            .get("/api/v1/letters/" + letter.slug + "/signatories.csv")
            .asString()
            .contains("Qwzx"));
  }

  @Test
  void withdrawalLinkIsMailedToAnAddressThatSignedAndWithdrawsAtOnce() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    String email = Mails.newAddress("example.org");
    String id = submit(letter.slug, Submissions.valid("Leaving Org", email));
    confirm(Mails.awaitOne(email).token()).statusCode(200);
    api().get("/api/v1/letters/" + letter.slug).then().body("counts.total", equalTo(1));

    api()
        .contentType("application/json")
        .body(Map.of("email", email.toUpperCase()))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    Mails.Read withdrawal = Mails.awaitLink(email, "/withdraw");
    assertTrue(withdrawal.text().contains("/withdraw?token="), withdrawal.text());

    api()
        .contentType("application/json")
        .body(Map.of("token", withdrawal.token()))
        .post("/api/v1/withdrawals")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo("WITHDRAWN"));
    api().get("/api/v1/letters/" + letter.slug).then().body("counts.total", equalTo(0));
    api().get("/api/v1/letters/" + letter.slug + "/signatories/" + id).then().statusCode(404);
    assertFalse(
        api()
            .accept("text/plain")
            .get("/api/v1/letters/" + letter.slug)
            .asString()
            .contains("Leaving Org"));
  }

  @Test
  void withdrawalRequestForAnAddressThatNeverSignedLooksTheSameAndMailsNothing() throws Exception {
    String stranger = Mails.newAddress("example.org");
    var answer =
        api()
            .contentType("application/json")
            .body(Map.of("email", stranger))
            .post("/api/v1/letters/" + TestLetters.BUNDLED + "/withdrawal-requests")
            .then()
            .statusCode(202)
            .extract();
    assertEquals("", answer.asString());
    Thread.sleep(1500);
    assertEquals(0, Smtp.messagesTo(stranger).size());
  }

  @Test
  void mailsWaitForTheMailServerAndLeaveOnceWhenItReturns() throws Exception {
    Smtp.stopServer();
    String email = Mails.newAddress("example.org");
    try {
      submit(TestLetters.BUNDLED, Submissions.valid("Patient Org", email));
      Thread.sleep(1500);
    } finally {
      Smtp.startServer();
    }
    Mails.awaitOne(email);
    Thread.sleep(2500);
    assertEquals(1, Smtp.messagesTo(email).size());
  }

  @Test
  void resubmittingANameThatSignedAnonymouslyAnswersAsAnyNewSubmission() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Whisper Network", true);
    var ofAnonymous =
        api()
            .contentType("application/json")
            .body(Submissions.valid("Whisper Network", Mails.newAddress("example.org")))
            .post("/api/v1/letters/" + letter.slug + "/endorsements")
            .then()
            .statusCode(202)
            .extract();
    var ofNew =
        api()
            .contentType("application/json")
            .body(Submissions.valid("Brand New Network", Mails.newAddress("example.org")))
            .post("/api/v1/letters/" + letter.slug + "/endorsements")
            .then()
            .statusCode(202)
            .extract();
    assertEquals(ofNew.jsonPath().getString("status"), ofAnonymous.jsonPath().getString("status"));
    assertEquals(
        ofNew.headers().asList().stream().map(h -> h.getName()).sorted().toList(),
        ofAnonymous.headers().asList().stream().map(h -> h.getName()).sorted().toList());
    assertEquals(ofNew.asString().length(), ofAnonymous.asString().length());
    assertFalse(ofAnonymous.asString().contains("Whisper"));
  }

  @Test
  void openingAWithdrawalLinkNeverWithdraws() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    String email = Mails.newAddress("example.org");
    String id = submit(letter.slug, Submissions.valid("Staying Org", email));
    confirm(Mails.awaitOne(email).token()).statusCode(200);
    api()
        .contentType("application/json")
        .body(Map.of("email", email))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    String token = Mails.awaitLink(email, "/withdraw").token();
    io.restassured.RestAssured.given()
        .queryParam("token", token)
        .queryParam("lang", "en")
        .get("/withdraw")
        .then()
        .statusCode(200)
        .body(containsString("Withdraw the signature"));
    assertEquals(EndorsementStatus.PUBLISHED, fixtures.find(UUID.fromString(id)).status);
    io.restassured.RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .formParam("lang", "en")
        .post("/withdraw")
        .then()
        .statusCode(200)
        .body(containsString("Signature withdrawn"));
    assertEquals(EndorsementStatus.WITHDRAWN, fixtures.find(UUID.fromString(id)).status);
    io.restassured.RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .formParam("lang", "en")
        .post("/withdraw")
        .then()
        .statusCode(409)
        .body(containsString("Link already used"));
  }

  @Test
  void confirmingAfterWithdrawingChangesNothing() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    String email = Mails.newAddress("example.org");
    String id = submit(letter.slug, Submissions.valid("Changed Mind Org", email));
    String confirmation = Mails.awaitOne(email).token();
    api()
        .contentType("application/json")
        .body(Map.of("email", email))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    String withdrawal = Mails.awaitLink(email, "/withdraw").token();
    api()
        .contentType("application/json")
        .body(Map.of("token", withdrawal))
        .post("/api/v1/withdrawals")
        .then()
        .statusCode(200);
    // Withdrawing spends every other link of the endorsement.
    confirm(confirmation).statusCode(409);
    assertEquals(EndorsementStatus.WITHDRAWN, fixtures.find(UUID.fromString(id)).status);
    api().get("/api/v1/letters/" + letter.slug).then().body("counts.total", equalTo(0));
  }
}
