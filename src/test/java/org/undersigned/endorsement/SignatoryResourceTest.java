package org.undersigned.endorsement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.TestLetters;

@QuarkusTest
class SignatoryResourceTest {

  private static final String SIGNATORIES =
      "/api/v1/letters/" + TestLetters.BUNDLED + "/signatories";

  @Inject TestLetters fixtures;

  /** The named signatories in the order of the published letter (the test's own copy). */
  private static List<String> publishedNames() throws IOException {
    try (InputStream in =
        SignatoryResourceTest.class
            .getClassLoader()
            .getResourceAsStream("seed/published-letter.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> l.startsWith("- "))
          .map(l -> l.substring(2))
          .toList();
    }
  }

  private static List<String> allPages(String sort, int limit) {
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = api().queryParam("sort", sort).queryParam("limit", limit);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get(SIGNATORIES).then().statusCode(200).extract().jsonPath();
      List<String> items = page.getList("items.name");
      assertTrue(items.size() <= limit);
      names.addAll(items);
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 100);
    return names;
  }

  @Test
  void pagesInTheOrderOfTheSourceCoverEveryNamedSignatoryOnce() throws IOException {
    assertEquals(publishedNames(), allPages("added", 100));
  }

  @Test
  void defaultOrderIsTheSourcesAndDefaultLimitIsFifty() throws IOException {
    api()
        .get(SIGNATORIES)
        .then()
        .statusCode(200)
        .body("items", hasSize(50))
        .body("items[0].name", equalTo("21Wilberforce"))
        .body("items[0].kind", equalTo("ORGANISATION"))
        .body("items[0].id", notNullValue())
        .body("nextCursor", notNullValue());
  }

  @Test
  void sortByNameFollowsTheCollationOfTheLettersLanguage() throws IOException {
    List<String> byName = allPages("name", 200);
    List<String> expected = new ArrayList<>(publishedNames());
    // ICU's French collation, punctuation ignored at the first level (CLDR's "ka-shifted").
    expected.sort(Collator.getInstance(ULocale.forLanguageTag("fr-u-ka-shifted")));
    assertEquals(expected, byName);
    // Accents do not push a name after the unaccented ones, as String.compareTo would.
    assertTrue(
        byName.indexOf("Défenseur des droits de l'Homme au Niger")
            < byName.indexOf("Democracy China Media"));
    assertTrue(
        byName.indexOf("Defensa en Accion")
            < byName.indexOf("Défenseur des droits de l'Homme au Niger"));
  }

  @ParameterizedTest
  @CsvSource({
    "defenseur, Défenseur des droits de l'Homme au Niger",
    "DÉFENSEURS DES DROITS HUMAINS, Coalition Burkinabé des Défenseurs des Droits Humains ( CBDDH)",
    "acat-FRANCE, ACAT-France",
    "правозащитный, Правозащитный совет Санкт-Петербурга",
    "САХАРОВСКИЙ, Сахаровский Центр",
    "台灣南社, 台灣南社",
    "ウイグル, 日本ウイグル協会",
    "مرصد, مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان",
    "lien doan cong giao, Liên Đoàn Công Giáo Việt Nam tại Đức",
    "香港の夜明け, '香港黎明, Dawn of Hong Kong, 香港の夜明け'",
  })
  void searchIgnoresCaseAndAccentsInEveryScript(String query, String expected) {
    api()
        .queryParam("q", query)
        .get(SIGNATORIES)
        .then()
        .statusCode(200)
        .body("items.name", hasItem(expected));
  }

  @Test
  void searchPagesToo() {
    JsonPath first =
        api().queryParam("q", "hong kong").queryParam("limit", 5).get(SIGNATORIES).jsonPath();
    List<String> names = new ArrayList<>(first.getList("items.name"));
    String cursor = first.getString("nextCursor");
    while (cursor != null) {
      JsonPath next =
          api()
              .queryParam("q", "hong kong")
              .queryParam("limit", 5)
              .queryParam("cursor", cursor)
              .get(SIGNATORIES)
              .jsonPath();
      names.addAll(next.getList("items.name"));
      cursor = next.getString("nextCursor");
    }
    assertTrue(names.size() > 5);
    assertTrue(
        names.stream().allMatch(n -> n.toLowerCase().contains("hong kong")), names::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "_", "\\", "zzzz-nothing-like-this"})
  void searchWildcardsAreTakenLiterally(String query) {
    api().queryParam("q", query).get(SIGNATORIES).then().statusCode(200).body("items", empty());
  }

  @Test
  void emptySearchListsEveryone() {
    api().queryParam("q", "  ").get(SIGNATORIES).then().statusCode(200).body("items", hasSize(50));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "0", "201", "abc", "1.5", "99999999999"})
  void limitOutOfRangeIsAProblem(String limit) {
    badRequest()
        .queryParam("limit", limit)
        .get(SIGNATORIES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:validation-failed"))
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void limitOfTwoHundredIsServed() {
    api()
        .queryParam("limit", 200)
        .get(SIGNATORIES)
        .then()
        .statusCode(200)
        .body("items", hasSize(200));
  }

  @Test
  void unknownSortIsAProblem() {
    badRequest()
        .queryParam("sort", "votes")
        .get(SIGNATORIES)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sort"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "djE6YWRkZWQ6bm90LWEtdXVpZA", // v1:added:not-a-uuid
        "!!!!",
      })
  void forgedCursorIsAProblem(String cursor) {
    badRequest()
        .queryParam("cursor", cursor)
        .get(SIGNATORIES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void cursorOfAnUnknownIdIsAProblem() {
    String cursor = encode("v1:added:" + UUID.randomUUID());
    api()
        .queryParam("cursor", cursor)
        .get(SIGNATORIES)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  /**
   * A cursor forged from the id of an endorsement that is not in the list answers as one made from
   * an unknown id: paging from it would tell where (and whether) that endorsement stands.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      value = EndorsementStatus.class,
      names = {"PENDING_CONFIRMATION", "CONFIRMED", "REJECTED", "WITHDRAWN"})
  void cursorOfAnEndorsementNotInTheListIsAProblem(EndorsementStatus status) {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Listed Org", false);
    Endorsement hidden = fixtures.endorsement(letter, "Unlisted Org " + status, false, status);
    for (String order : new String[] {"added", "name"}) {
      api()
          .queryParam("sort", order)
          .queryParam("cursor", encode("v1:" + order + ":" + hidden.id))
          .get("/api/v1/letters/" + letter.slug + "/signatories")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("cursor"));
    }
  }

  @Test
  void cursorOfAnotherOrderIsAProblem() {
    String cursor =
        api().queryParam("sort", "added").get(SIGNATORIES).jsonPath().getString("nextCursor");
    api()
        .queryParam("sort", "name")
        .queryParam("cursor", cursor)
        .get(SIGNATORIES)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void cursorOfAnotherLettersSignatoryIsAProblem() {
    Letter other = fixtures.letter(LetterStatus.OPEN, "en");
    Endorsement e = fixtures.published(other, "Elsewhere", false);
    api()
        .queryParam("cursor", encode("v1:added:" + e.id))
        .get(SIGNATORIES)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void lastPageHasNoCursor() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Only One", false);
    api()
        .get("/api/v1/letters/" + letter.slug + "/signatories")
        .then()
        .statusCode(200)
        .body("items.name", contains("Only One"))
        .body("nextCursor", nullValue());
  }

  @Test
  void unknownLetterIsAProblem() {
    api()
        .get("/api/v1/letters/no-such-letter/signatories")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:letter-not-found"));
  }

  @Test
  void oneSignatoryIsThePublicProofOfItsSignature() {
    String id =
        api()
            .queryParam("q", "Amnesty International")
            .get(SIGNATORIES)
            .jsonPath()
            .getString("items[0].id");
    api()
        .get(SIGNATORIES + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo("Amnesty International"))
        .body("kind", equalTo("ORGANISATION"))
        .body("publishedAt", notNullValue())
        .body("verification.methods", contains("IMPORTED"))
        .body("verification.verifiedAt", notNullValue());
  }

  @Test
  void individualsOfTheSourceAreIndividuals() {
    api()
        .queryParam("q", "Miloon Kothari")
        .get(SIGNATORIES)
        .then()
        .body("items[0].kind", equalTo("INDIVIDUAL"));
  }

  @Test
  void verificationOfAWebSignatureSaysHow() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Endorsement e = fixtures.published(letter, "Verified Org", false);
    api()
        .get("/api/v1/letters/" + letter.slug + "/signatories/" + e.id)
        .then()
        .statusCode(200)
        .body("verification.methods", contains("EMAIL_CONFIRMED", "MODERATOR_APPROVED"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-000000000000", "1"})
  void unknownSignatoryIsAProblem(String id) {
    badRequest()
        .get(SIGNATORIES + "/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:signatory-not-found"));
  }

  @Test
  void signatoryOfAnotherLetterIsNotFound() {
    Letter other = fixtures.letter(LetterStatus.OPEN, "en");
    Endorsement e = fixtures.published(other, "Elsewhere Too", false);
    api().get(SIGNATORIES + "/" + e.id).then().statusCode(404);
  }

  @Test
  void csvExportListsEverySignatoryInOrder() throws IOException {
    String csv =
        api()
            .get(SIGNATORIES + ".csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("ETag", notNullValue())
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals("id,name,kind,country,website", lines.get(0));
    assertEquals(publishedNames().size() + 1, lines.size());
    assertTrue(lines.get(1).endsWith(",21Wilberforce,ORGANISATION,,"), lines.get(1));
    assertTrue(lines.stream().anyMatch(l -> l.contains(",\"香港黎明, Dawn of Hong Kong, 香港の夜明け\",")));
  }

  @Test
  void csvDefusesFormulas() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "=HYPERLINK(\"http://evil\")", false);
    String csv = api().get("/api/v1/letters/" + letter.slug + "/signatories.csv").asString();
    assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","), csv);
  }

  @Test
  void csvOfAnUnknownLetterIsAProblem() {
    api()
        .get("/api/v1/letters/no-such-letter/signatories.csv")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static String encode(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  @Inject org.undersigned.letter.service.CollationRefresh collations;

  @Test
  void sortKeysOfAnOlderIcuAreComputedAgain() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "fr");
    fixtures.published(letter, "Zèbre", false);
    fixtures.published(letter, "Éléphant", false);
    fixtures.published(letter, "abeille", false);
    fixtures.outdateCollation(letter);
    assertTrue(collations.refreshAll() >= 1);
    api()
        .queryParam("sort", "name")
        .get("/api/v1/letters/" + letter.slug + "/signatories")
        .then()
        .body("items.name", contains("abeille", "Éléphant", "Zèbre"));
  }
}
