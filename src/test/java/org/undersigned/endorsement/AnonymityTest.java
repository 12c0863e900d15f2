package org.undersigned.endorsement;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.TestLetters;

/** An anonymous endorsement counts, and its name appears in no public answer of any kind. */
@QuarkusTest
class AnonymityTest {

  private static final String SECRET = "Zyxwv Secret Anonymous Organisation";

  @Inject TestLetters fixtures;

  private Letter letter;
  private Endorsement anonymous;
  private String path;

  @BeforeEach
  void letterWithAnAnonymousSignatory() {
    letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Public Organisation", false);
    anonymous = fixtures.published(letter, SECRET, true);
    path = "/api/v1/letters/" + letter.slug;
  }

  @Test
  void anonymousEndorsementCountsInTotalAndAnonymous() {
    api()
        .get(path)
        .then()
        .body("counts.total", equalTo(2))
        .body("counts.named", equalTo(1))
        .body("counts.anonymous", equalTo(1));
  }

  @Test
  void anonymousNameNeverAppearsInRenderings() {
    for (String type :
        new String[] {"application/json", "text/plain", "text/markdown", "text/html"}) {
      String body = api().accept(type).get(path).then().statusCode(200).extract().asString();
      assertHidden(body);
    }
    assertHidden(api().get("/api/v1/letters").asString());
  }

  @Test
  void anonymousNameNeverAppearsInListsSearchesOrExports() {
    assertHidden(api().get(path + "/signatories").asString());
    assertHidden(api().queryParam("sort", "name").get(path + "/signatories").asString());
    for (String query : new String[] {SECRET, "zyxwv", "secret anonymous"}) {
      api()
          .queryParam("q", query)
          .get(path + "/signatories")
          .then()
          .statusCode(200)
          .body("items.size()", equalTo(0));
    }
    assertHidden(api().get(path + "/signatories.csv").asString());
  }

  @Test
  void anonymousSignatoryIsNotFoundExactlyLikeAnUnknownOne() {
    String ofAnonymous =
        api()
            .get(path + "/signatories/" + anonymous.id)
            .then()
            .statusCode(404)
            .extract()
            .asString();
    String ofUnknown =
        api()
            .get(path + "/signatories/" + UUID.randomUUID())
            .then()
            .statusCode(404)
            .extract()
            .asString();
    assertEquals(ofUnknown, ofAnonymous);
    assertHidden(ofAnonymous);
  }

  @Test
  void cursorMadeOfAnAnonymousIdIsRefusedLikeAForgedOne() {
    String ofAnonymous =
        api()
            .queryParam("cursor", cursor(anonymous.id))
            .get(path + "/signatories")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    String ofUnknown =
        api()
            .queryParam("cursor", cursor(UUID.randomUUID()))
            .get(path + "/signatories")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertEquals(ofUnknown, ofAnonymous);
  }

  private static String cursor(UUID id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("v1:name:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static void assertHidden(String body) {
    assertFalse(body.toLowerCase().contains("zyxwv"), body);
  }
}
