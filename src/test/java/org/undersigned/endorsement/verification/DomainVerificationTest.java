package org.undersigned.endorsement.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.LoopbackDns;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Smtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/**
 * Domain verification against a real DNS server on loopback ({@link LoopbackDns}), as a signer, a
 * reader and a moderator see it: the challenge in the confirmation's answer and its e-mail; a check
 * that finds the record missing, wrong, split over several strings, behind a CNAME, too long for
 * UDP; a domain that does not exist, a DNS that fails or never answers (a prompt 200 each time);
 * the proof and the list showing DOMAIN_DNS, and no longer once a re-check finds the record gone;
 * an anonymous organisation verified for the moderators alone.
 */
@QuarkusTest
@QuarkusTestResource(Smtp.class)
@QuarkusTestResource(LoopbackDns.class)
class DomainVerificationTest {

  @Inject TestLetters fixtures;
  @Inject DomainVerification verification;
  @Inject EntityManager entityManager;

  private static String moderator() {
    return "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator");
  }

  /** A signature with a website in a fresh domain, confirmed: its id, domain, e-mail, challenge. */
  private record Signed(String id, String domain, String email, JsonPath challenge) {}

  private Signed signAndConfirm(Letter letter, String name, boolean anonymous) {
    String domain = "ngo-" + UUID.randomUUID().toString().substring(0, 8) + ".org";
    // An address elsewhere than the website: the domain is proved by DNS alone, not DOMAIN_MATCH.
    String email = Mails.newAddress(Mails.newDomain());
    Map<String, Object> body =
        Submissions.with(
            Submissions.with(Submissions.valid(name, email), "website", "https://www." + domain),
            "anonymous",
            anonymous);
    Submissions.Confirmed confirmed =
        Submissions.confirmed(letter.slug, Submissions.with(body, "language", "en"));
    return new Signed(
        confirmed.id(), domain, email, confirmed.answer().setRootPath("domainChallenge"));
  }

  private static JsonPath check(String token) {
    long began = System.nanoTime();
    JsonPath answer =
        api()
            .contentType("application/json")
            .header("Accept-Language", "en")
            .body(Map.of("token", token))
            .post("/api/v1/domain-checks")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .extract()
            .jsonPath();
    assertTrue(
        System.nanoTime() - began < Duration.ofSeconds(10).toNanos(), "answered within 10 s");
    return answer;
  }

  @Transactional
  void makeDueForRecheck(String id) {
    entityManager
        .createNativeQuery(
            "UPDATE endorsements SET domain_checked_at = now() - interval '2 days' WHERE id = :id")
        .setParameter("id", UUID.fromString(id))
        .executeUpdate();
  }

  @Test
  void aPublishedRecordVerifiesTheDomainForReadersUntilARecheckFindsItGone() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    Signed s = signAndConfirm(letter, "Domain Proving Org", false);
    JsonPath c = s.challenge();
    assertEquals(s.domain(), c.getString("domain"), "the registrable domain of www." + s.domain());
    assertEquals("_undersigned." + s.domain(), c.getString("dnsName"));
    assertTrue(c.getString("dnsValue").matches("undersigned-verification=[A-Za-z0-9_-]{43}"));
    String token = c.getString("checkToken");
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"));

    // The same, e-mailed in the signer's language, with a link to the check page.
    Mails.Read mail = Mails.read(Smtp.awaitMessagesTo(s.email(), 2, Duration.ofSeconds(30)).get(1));
    assertTrue(mail.text().contains(c.getString("dnsValue")), mail.text());
    assertTrue(mail.text().contains("_undersigned." + s.domain()), mail.text());
    assertTrue(mail.text().contains("/check-domain?token=" + token), mail.text());

    String name = c.getString("dnsName");
    JsonPath missing = check(token);
    assertEquals(false, missing.getBoolean("verified"));
    assertEquals("RECORD_MISSING", missing.getString("reason"));
    assertTrue(missing.getString("detail").contains(name));
    assertEquals(s.domain(), missing.getString("domain"));

    LoopbackDns.txt(name, "undersigned-verification=not-the-value");
    assertEquals("RECORD_WRONG", check(token).getString("reason"));

    // The right value beside the wrong one, split over two strings as long values are.
    String value = c.getString("dnsValue");
    LoopbackDns.txt(name, value.substring(0, 20), value.substring(20));
    JsonPath verified = check(token);
    assertEquals(true, verified.getBoolean("verified"));
    assertEquals("DOMAIN_DNS", verified.getString("method"));
    assertEquals(null, verified.getString("reason"));

    // Readers see it on the proof and in the list; moderators see it with its audit trail.
    String proof = "/api/v1/letters/" + letter.slug + "/signatories/" + s.id();
    api()
        .get(proof)
        .then()
        .statusCode(200)
        .body("verification.methods", hasItem("DOMAIN_DNS"))
        .body("verification.domain", equalTo(s.domain()))
        .body("verification.domainLastSeenAt", notNullValue());
    api()
        .get("/api/v1/letters/" + letter.slug + "/signatories")
        .then()
        .statusCode(200)
        .body("items[0].verification.methods", hasItem("DOMAIN_DNS"))
        .body("items[0].verification.domain", equalTo(s.domain()));
    api()
        .header("Authorization", moderator())
        .get("/api/v1/admin/endorsements/" + s.id())
        .then()
        .statusCode(200)
        .body("methods", hasItem("DOMAIN_DNS"))
        .body("domainCheck.domain", equalTo(s.domain()))
        .body("domainCheck.verifiedAt", notNullValue())
        .body("decisions.findAll { it.action == 'DOMAIN_CHECK' }.size()", equalTo(3))
        .body("decisions[-1].actor", equalTo("signer"));

    // The record is removed: the next re-check takes DOMAIN_DNS away; moderators keep when it was
    // last seen.
    LoopbackDns.remove(name);
    makeDueForRecheck(s.id());
    assertTrue(verification.recheckDue() >= 1);
    api()
        .get(proof)
        .then()
        .statusCode(200)
        .body("verification.methods", not(hasItem("DOMAIN_DNS")))
        .body("verification.domainLastSeenAt", nullValue());
    api()
        .header("Authorization", moderator())
        .get("/api/v1/admin/endorsements/" + s.id())
        .then()
        .body("methods", not(hasItem("DOMAIN_DNS")))
        .body("domainCheck.verifiedAt", nullValue())
        .body("domainCheck.lastSeenAt", notNullValue())
        .body("domainCheck.reason", equalTo("RECORD_MISSING"))
        .body("decisions[-1].actor", equalTo("recheck"));
  }

  @Test
  void everyFailureOfTheDnsIsAPromptAnswerNeverAnError() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Signed nx = signAndConfirm(letter, "Nx Domain Org", false);
    LoopbackDns.nxdomain(nx.challenge().getString("dnsName"));
    assertEquals(
        "DOMAIN_NOT_FOUND", check(nx.challenge().getString("checkToken")).getString("reason"));

    Signed failing = signAndConfirm(letter, "Failing Dns Org", false);
    LoopbackDns.servfail(failing.challenge().getString("dnsName"));
    assertEquals(
        "DNS_FAILED", check(failing.challenge().getString("checkToken")).getString("reason"));

    Signed silent = signAndConfirm(letter, "Silent Dns Org", false);
    LoopbackDns.silent(silent.challenge().getString("dnsName"));
    JsonPath noAnswer = check(silent.challenge().getString("checkToken"));
    assertEquals(false, noAnswer.getBoolean("verified"));
    assertEquals("DNS_NO_ANSWER", noAnswer.getString("reason"));
  }

  @Test
  void aCnameIsFollowedAndAnAnswerTooLongForUdpComesOverTcp() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Signed s = signAndConfirm(letter, "Delegating Org", false);
    String target = "verify-" + UUID.randomUUID().toString().substring(0, 8) + ".dnshost.net";
    LoopbackDns.cname(s.challenge().getString("dnsName"), target);
    for (int i = 0; i < 6; i++) {
      LoopbackDns.txt(target, "v=spf1 include:_spf.example.net ~all and some padding " + i);
    }
    LoopbackDns.txt(target, s.challenge().getString("dnsValue"));
    int tcpBefore = LoopbackDns.tcpQueries();
    assertEquals(true, check(s.challenge().getString("checkToken")).getBoolean("verified"));
    assertTrue(LoopbackDns.tcpQueries() > tcpBefore, "the truncated answer was asked over TCP");
  }

  @Test
  void anAnonymousOrganisationVerifiesForTheModeratorsAndNothingPublicMoves() {
    // Moderated: a letter that publishes on confirmation takes no anonymous signature.
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "A Named Neighbour", false);
    Signed s = signAndConfirm(letter, "A Hidden Org", true);
    String before = given().get("/api/v1/letters/" + letter.slug).asString();
    String listBefore = given().get("/api/v1/letters/" + letter.slug + "/signatories").asString();
    LoopbackDns.txt(s.challenge().getString("dnsName"), s.challenge().getString("dnsValue"));
    assertEquals(true, check(s.challenge().getString("checkToken")).getBoolean("verified"));
    assertEquals(before, given().get("/api/v1/letters/" + letter.slug).asString());
    assertEquals(
        listBefore, given().get("/api/v1/letters/" + letter.slug + "/signatories").asString());
    given().get("/api/v1/letters/" + letter.slug + "/signatories/" + s.id()).then().statusCode(404);
    api()
        .header("Authorization", moderator())
        .get("/api/v1/admin/endorsements/" + s.id())
        .then()
        .body("anonymous", equalTo(true))
        .body("methods", hasItem("DOMAIN_DNS"))
        .body("domainCheck.domain", equalTo(s.domain()));
    // Its domain identifies it: no readable column holds it (its website is sealed).
    for (String table : new String[] {"endorsements", "moderation_decisions", "outbox"}) {
      assertTrue(!fixtures.tableAsText(table).contains(s.domain()), table);
    }
  }

  @Test
  void checkTokensAreRefusedLikeTheOtherTokens() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    for (String token :
        new String[] {"Vb3k9Qm2Lx8Tn5Rw1Yc7Hf4Gd0Sa6Ze3Up9Oi2Qj8Kw", "not a token", ""}) {
      badRequest()
          .contentType("application/json")
          .body(Map.of("token", token))
          .post("/api/v1/domain-checks")
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:undersigned:problem:token-unknown"));
    }
    badRequest()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/domain-checks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    // Withdrawn: its check token is no longer valid.
    Signed s = signAndConfirm(letter, "Soon Gone Org", false);
    api()
        .contentType("application/json")
        .body(Map.of("email", s.email()))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    String withdrawal =
        Smtp.awaitMessagesTo(s.email(), 3, Duration.ofSeconds(30)).stream()
            .map(Mails::read)
            .filter(m -> m.text().contains("/withdraw?token="))
            .findFirst()
            .orElseThrow()
            .token();
    api()
        .contentType("application/json")
        .body(Map.of("token", withdrawal))
        .post("/api/v1/withdrawals")
        .then()
        .statusCode(200);
    api()
        .contentType("application/json")
        .body(Map.of("token", s.challenge().getString("checkToken")))
        .post("/api/v1/domain-checks")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:token-unknown"));

    // A website without a registrable domain gets no challenge.
    String email = Mails.newAddress(Mails.newDomain());
    api()
        .contentType("application/json")
        .body(
            Submissions.with(Submissions.valid("Local Org", email), "website", "https://localhost"))
        .post("/api/v1/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(202);
    api()
        .contentType("application/json")
        .body(Map.of("token", Mails.awaitOne(email).token()))
        .post("/api/v1/confirmations")
        .then()
        .statusCode(200)
        .body("domainChallenge", nullValue());
  }

  @Test
  void theCheckPageShowsAButtonThenTheOutcome() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Signed s = signAndConfirm(letter, "Page Checking Org", false);
    String token = s.challenge().getString("checkToken");
    given()
        .queryParam("token", token)
        .queryParam("lang", "en")
        .get("/check-domain")
        .then()
        .statusCode(200)
        .header("Referrer-Policy", "no-referrer")
        .body(containsString("Check the domain’s record"));
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .formParam("lang", "en")
        .post("/check-domain")
        .then()
        .statusCode(200)
        .body(containsString("Not yet verified"))
        .body(containsString("No TXT record at"));
    LoopbackDns.txt(s.challenge().getString("dnsName"), s.challenge().getString("dnsValue"));
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .formParam("lang", "fr")
        .post("/check-domain")
        .then()
        .statusCode(200)
        .body(containsString("Domaine vérifié"))
        .body(containsString(s.domain()));
  }
}
