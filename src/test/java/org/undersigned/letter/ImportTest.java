package org.undersigned.letter;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/** Endorsements collected elsewhere, imported by an admin, idempotently. */
@QuarkusTest
class ImportTest {

  @Inject TestLetters fixtures;

  private static RequestSpecification asAdmin() {
    return api()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"));
  }

  private static final String CSV =
      "reference,name,country,contact_email,anonymous\r\n"
          + "r1,Imported Alliance,FR,one@example.org,false\r\n"
          + "r2,,,,true\r\n"
          + "r3,\"EXISTING   org\",,,no\r\n"
          + "r4,Bad Country Org,xx,,false\r\n"
          + "r5,,,,false\r\n"
          + "r6,\"Quoted, With Comma\",BE,,false\r\n";

  @Test
  void aCsvImportTakesMergesAndRefusesRowsAndChangesNothingTheSecondTime() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Existing Org", false);
    String path = "/api/v1/admin/letters/" + letter.slug + "/imports";
    asAdmin()
        .contentType("text/csv")
        .body(CSV)
        .post(path)
        .then()
        .statusCode(200)
        .body("taken", equalTo(3))
        .body("merged", equalTo(1))
        .body("unchanged", equalTo(0))
        .body("refused.row", equalTo(List.of(4, 5)))
        .body("refused[0].reference", equalTo("r4"))
        .body("refused[0].errors.field", hasItem("country"))
        .body("refused[1].errors.field", hasItem("name"));
    api()
        .get("/api/v1/letters/" + letter.slug)
        .then()
        .body("counts.total", equalTo(4))
        .body("counts.named", equalTo(3))
        .body("counts.anonymous", equalTo(1));
    api()
        .get("/api/v1/letters/" + letter.slug + "/signatories")
        .then()
        .body(
            "items.name",
            equalTo(List.of("Existing Org", "Imported Alliance", "Quoted, With Comma")));

    asAdmin()
        .contentType("text/csv")
        .body(CSV)
        .post(path)
        .then()
        .statusCode(200)
        .body("taken", equalTo(0))
        .body("merged", equalTo(0))
        .body("unchanged", equalTo(4));
    api().get("/api/v1/letters/" + letter.slug).then().body("counts.total", equalTo(4));
  }

  @Test
  void aJsonImportWithoutReferencesIsIdempotentToo() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    List<Map<String, Object>> rows =
        List.of(
            Map.of("name", "Json Org", "kind", "ORGANISATION"),
            Map.of("anonymous", true),
            Map.of("anonymous", true),
            Map.of("name", "Expert Person", "kind", "INDIVIDUAL"));
    String path = "/api/v1/admin/letters/" + letter.slug + "/imports";
    asAdmin()
        .contentType("application/json")
        .body(rows)
        .post(path)
        .then()
        .statusCode(200)
        .body("taken", equalTo(4));
    asAdmin()
        .contentType("application/json")
        .body(rows)
        .post(path)
        .then()
        .statusCode(200)
        .body("taken", equalTo(0))
        .body("unchanged", equalTo(4));
    api()
        .get("/api/v1/letters/" + letter.slug)
        .then()
        .body("counts.total", equalTo(4))
        .body("counts.anonymous", equalTo(2));
  }

  @Test
  void aCsvWithUnknownColumnsIsAProblem() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"))
        .contentType("text/csv")
        .body("name,shoe_size\r\nOrg,42\r\n")
        .post("/api/v1/admin/letters/" + letter.slug + "/imports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("header"));
  }

  @Test
  void onlyAdminsImport() {
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .contentType("text/csv")
        .body(CSV)
        .post("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/imports")
        .then()
        .statusCode(403);
    badRequest()
        .contentType("text/csv")
        .body(CSV)
        .post("/api/v1/admin/letters/" + TestLetters.BUNDLED + "/imports")
        .then()
        .statusCode(401);
  }

  @Test
  void anUnknownLetterIsAProblem() {
    asAdmin()
        .contentType("text/csv")
        .body(CSV)
        .post("/api/v1/admin/letters/no-such-letter/imports")
        .then()
        .statusCode(404);
  }
}
