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
   * The whole test database as a backup holds it: every row of every table of every schema, written
   * by the server's own {@code COPY ... TO STDOUT} (what pg_dump writes its data with), read over
   * the tests' own connection settings, so it works with the embedded server too.
   */
  private static String dumpAllRows() throws Exception {
    org.eclipse.microprofile.config.Config config =
        org.eclipse.microprofile.config.ConfigProvider.getConfig();
    StringBuilder text = new StringBuilder();
    try (java.sql.Connection c =
        java.sql.DriverManager.getConnection(
            config.getValue("quarkus.datasource.jdbc.url", String.class),
            config.getValue("quarkus.datasource.username", String.class),
            config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
      org.postgresql.copy.CopyManager copy =
          c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      java.util.List<String> tables = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
                      + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        java.io.StringWriter rows = new java.io.StringWriter();
        copy.copyOut("COPY " + table + " TO STDOUT", rows);
        text.append("COPY ").append(table).append('\n').append(rows);
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(
        text.toString().contains("COPY public.endorsements"), "a dump");
    return text.toString();
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

    // What a thief of a backup would hold: every row of the whole database.
    String dump = dumpAllRows().toLowerCase(Locale.ROOT);
    org.junit.jupiter.api.Assertions.assertTrue(
        dump.contains(letter.slug), "the dump has the data");
    for (String secret :
        new String[] {
          email, email.substring(0, email.indexOf('@')), "qvarn", "yselde", "privatperson"
        }) {
      assertFalse(
          dump.contains(secret.toLowerCase(Locale.ROOT)),
          "a backup holds a personal datum in clear");
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
