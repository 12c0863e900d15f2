package org.undersigned.endorsement;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Smtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/**
 * A copy of the database (a backup, a dump, a replica) holds no contact e-mail, no contact name and
 * no anonymous organisation's name in clear, in any table; moderators still read them.
 */
@QuarkusTest
@QuarkusTestResource(Smtp.class)
class PersonalDataAtRestTest {

  private static final String[] TABLES = {
    "endorsements",
    "endorsement_tokens",
    "moderation_decisions",
    "outbox",
    "idempotency_keys",
    "rate_limit_counters",
    "webhook_deliveries"
  };

  @Inject TestLetters fixtures;

  /**
   * The test database as PostgreSQL's own pg_dump writes it (the client comes with PostgreSQL on
   * the project's machines): schema, every table, every row.
   */
  private static String pgDump() throws Exception {
    java.net.URI url =
        java.net.URI.create(
            org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .substring("jdbc:".length()));
    String user =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.datasource.username", String.class);
    Process dump =
        new ProcessBuilder(
                "pg_dump",
                "--host=" + url.getHost(),
                "--port=" + (url.getPort() > 0 ? url.getPort() : 5432),
                "--username=" + user,
                "--no-password",
                url.getPath().substring(1))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String text =
        new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertEquals(0, dump.waitFor(), "pg_dump ran");
    org.junit.jupiter.api.Assertions.assertTrue(
        text.contains("COPY public.endorsements"), "a dump");
    return text;
  }

  @Test
  void noTableHoldsPersonalDataInClear() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_APPROVAL, "en");
    String email = Mails.newAddress("rest-secret.example");
    String anonymousName = "Qvarn Hidden Collective";
    String contactName = "Yselde Privatperson";
    Map<String, Object> body = Submissions.valid(anonymousName, email);
    body.put("anonymous", true);
    body.put("contactName", contactName);
    // Its website names it as surely as its name does.
    body.put("website", "https://www.qvarn-collective.example/about");
    String id =
        api()
            .contentType("application/json")
            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
            .body(body)
            .post("/api/v1/letters/" + letter.slug + "/endorsements")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    api()
        .contentType("application/json")
        .body(Map.of("token", Mails.awaitOne(email).token()))
        .post("/api/v1/confirmations")
        .then()
        .statusCode(200);
    api()
        .contentType("application/json")
        .body(Map.of("email", email))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    Mails.awaitLink(email, "/withdraw");

    // What a thief of a backup would hold: the whole database as pg_dump writes it.
    String dump = pgDump().toLowerCase(Locale.ROOT);
    org.junit.jupiter.api.Assertions.assertTrue(
        dump.contains(letter.slug), "the dump has the data");
    for (String secret :
        new String[] {
          email, email.substring(0, email.indexOf('@')), "qvarn", "yselde", "privatperson"
        }) {
      assertFalse(
          dump.contains(secret.toLowerCase(Locale.ROOT)),
          "pg_dump holds a personal datum in clear");
    }
    for (String table : TABLES) {
      String rows = fixtures.tableAsText(table).toLowerCase(Locale.ROOT);
      for (String secret :
          new String[] {
            email, email.substring(0, email.indexOf('@')), "qvarn", "yselde", "privatperson"
          }) {
        assertFalse(
            rows.contains(secret.toLowerCase(Locale.ROOT)),
            () -> "table " + table + " holds a personal datum in clear");
      }
    }

    api()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .get("/api/v1/admin/endorsements/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo(anonymousName))
        .body("contactName", equalTo(contactName))
        .body("contactEmail", equalTo(email));
  }
}
