package org.undersigned.letter;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.importing.SeedLoader;
import org.undersigned.testing.TestLetters;

@QuarkusTest
class LetterResourceTest {

  private static final String LETTERS = "/api/v1/letters";
  private static final String BUNDLED = LETTERS + "/" + TestLetters.BUNDLED;

  @Inject TestLetters fixtures;
  @Inject SeedLoader seeds;

  @Test
  void listShowsTheBundledLetterWithCountsFromTheData() {
    api()
        .get(LETTERS)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("items.slug", hasItem(TestLetters.BUNDLED))
        .body("items.find { it.slug == '" + TestLetters.BUNDLED + "' }.counts.total", equalTo(301))
        .body("items.find { it.slug == '" + TestLetters.BUNDLED + "' }.counts.named", equalTo(262))
        .body(
            "items.find { it.slug == '" + TestLetters.BUNDLED + "' }.counts.anonymous", equalTo(39))
        .body("items.find { it.slug == '" + TestLetters.BUNDLED + "' }.open", equalTo(true));
  }

  @Test
  void draftsAreNeitherListedNorFound() {
    Letter draft = fixtures.letter(LetterStatus.DRAFT, "en");
    api().get(LETTERS).then().statusCode(200).body("items.slug", not(hasItem(draft.slug)));
    api()
        .get(LETTERS + "/" + draft.slug)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:letter-not-found"));
  }

  @Test
  void closedLettersAreListedAsNotOpen() {
    Letter closed = fixtures.letter(LetterStatus.CLOSED, "en");
    api()
        .get(LETTERS + "/" + closed.slug)
        .then()
        .statusCode(200)
        .body("open", equalTo(false))
        .body("counts.total", equalTo(0));
  }

  @Test
  void bundledLetterHasTheFieldsOfTheDesign() {
    api()
        .get(BUNDLED)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("Content-Language", "fr")
        .body("slug", equalTo(TestLetters.BUNDLED))
        .body("language", equalTo("fr"))
        .body("languages", contains("fr"))
        .body("title", equalTo("Une lettre ouverte :"))
        .body("recipients", hasSize(3))
        .body("recipients[0]", equalTo("Au Secrétaire général de l’ONU Antonio Guterres"))
        .body("paragraphs", hasSize(8))
        .body("paragraphs[0]", startsWith("Nous, les organisations soussignées"))
        .body("closing", equalTo("Sincères salutations,"))
        .body("open", equalTo(true))
        .body("closesAt", nullValue())
        .body("counts.total", equalTo(301))
        .body("counts.named", equalTo(262))
        .body("counts.anonymous", equalTo(39));
  }

  @Test
  void unknownLanguageFallsBackToTheOriginal() {
    api()
        .queryParam("lang", "de")
        .get(BUNDLED)
        .then()
        .statusCode(200)
        .header("Content-Language", "fr")
        .body("language", equalTo("fr"));
    api()
        .header("Accept-Language", "de-DE, en;q=0.8")
        .get(BUNDLED)
        .then()
        .statusCode(200)
        .header("Content-Language", "fr");
  }

  @Test
  void languageComesFromLangThenAcceptLanguage() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "fr", "en");
    String path = LETTERS + "/" + letter.slug;
    api()
        .header("Accept-Language", "en-GB, fr;q=0.5")
        .get(path)
        .then()
        .statusCode(200)
        .header("Content-Language", "en")
        .body("title", equalTo("Title en"))
        .body("languages", contains("en", "fr"));
    api()
        .header("Accept-Language", "fr-CH, en;q=0.5")
        .get(path)
        .then()
        .header("Content-Language", "fr");
    api()
        .header("Accept-Language", "fr")
        .queryParam("lang", "en")
        .get(path)
        .then()
        .header("Content-Language", "en")
        .body("closing", equalTo("Closing en"));
    api().get(path).then().header("Content-Language", "fr");
  }

  @Test
  void malformedAcceptLanguageIsIgnored() {
    api()
        .header("Accept-Language", ";;;q=abc,")
        .get(BUNDLED)
        .then()
        .statusCode(200)
        .header("Content-Language", "fr");
  }

  @Test
  void malformedLangIsAProblem() {
    badRequest()
        .queryParam("lang", "not a language!")
        .get(BUNDLED)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:validation-failed"))
        .body("errors[0].field", equalTo("lang"));
  }

  @Test
  void unknownLetterIsAProblem() {
    api()
        .get(LETTERS + "/no-such-letter")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:letter-not-found"))
        .body("title", equalTo("Letter not found"))
        .body("status", equalTo(404))
        .body("detail", notNullValue());
  }

  @Test
  void answersCarryAStrongETagAndCacheControl() {
    api()
        .get(BUNDLED)
        .then()
        .statusCode(200)
        .header("ETag", matchesPattern("^\"[A-Za-z0-9_-]+\"$"))
        .header("Cache-Control", containsString("max-age="))
        .header("Vary", containsString("Accept"));
  }

  @Test
  void matchingIfNoneMatchGets304WithoutBody() {
    String etag = api().get(BUNDLED).then().statusCode(200).extract().header("ETag");
    api()
        .header("If-None-Match", etag)
        .get(BUNDLED)
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .body(emptyString());
    api().header("If-None-Match", "\"other\"").get(BUNDLED).then().statusCode(200);
  }

  @Test
  void eachRepresentationHasItsOwnETag() {
    String json = api().get(BUNDLED).then().extract().header("ETag");
    String text = api().accept("text/plain").get(BUNDLED).then().extract().header("ETag");
    assertNotEquals(json, text);
  }

  @Test
  void eTagChangesWhenTheCountsDo() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String path = LETTERS + "/" + letter.slug;
    String before =
        api().get(path).then().body("counts.total", equalTo(0)).extract().header("ETag");
    fixtures.published(letter, "A New Signatory", false);
    String after = api().get(path).then().body("counts.total", equalTo(1)).extract().header("ETag");
    assertNotEquals(before, after);
    api().header("If-None-Match", before).get(path).then().statusCode(200);
  }

  @Test
  void unsupportedAcceptIsAProblem() {
    badRequest()
        .accept("application/xml")
        .get(BUNDLED)
        .then()
        .statusCode(406)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:not-acceptable"));
  }

  @Test
  void wildcardAcceptGetsJson() {
    api().accept("*/*").get(BUNDLED).then().statusCode(200).contentType("application/json");
  }

  @Test
  void countsFollowTheStatusOfEndorsements() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Named One", false);
    fixtures.published(letter, "Hidden One", true);
    fixtures.endorsement(letter, "Pending", false, EndorsementStatus.PENDING_CONFIRMATION);
    fixtures.endorsement(letter, "Confirmed", false, EndorsementStatus.CONFIRMED);
    fixtures.endorsement(letter, "Rejected", false, EndorsementStatus.REJECTED);
    fixtures.endorsement(letter, "Withdrawn", true, EndorsementStatus.WITHDRAWN);
    api()
        .get(LETTERS + "/" + letter.slug)
        .then()
        .body("counts.total", equalTo(2))
        .body("counts.named", equalTo(1))
        .body("counts.anonymous", equalTo(1));
  }

  @Test
  void bundledLetterIsNeverLoadedTwice() {
    assertFalse(seeds.load(SeedLoader.read("000_8b384728fad9123b")));
    api().get(BUNDLED).then().body("counts.total", equalTo(301)).body("counts.named", equalTo(262));
  }

  @Test
  void samePathAnswersEveryMethodItDoesNotServeWith405() {
    io.restassured.RestAssured.given()
        .delete(BUNDLED)
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:method-not-allowed"));
  }

  @Test
  void renderingsOfTwoLanguagesDiffer() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "fr", "en");
    String fr = api().accept("text/plain").get(LETTERS + "/" + letter.slug).asString();
    String en =
        api()
            .accept("text/plain")
            .queryParam("lang", "en")
            .get(LETTERS + "/" + letter.slug)
            .asString();
    assertNotEquals(fr, en);
    assertEquals("Title en", en.lines().findFirst().orElseThrow());
  }

  @Test
  void countsAreSmallFreshAndCacheable() {
    String etag =
        api()
            .get(BUNDLED + "/counts")
            .then()
            .statusCode(200)
            .header("Cache-Control", "public, max-age=5")
            .body("total", equalTo(301))
            .body("named", equalTo(262))
            .body("anonymous", equalTo(39))
            .extract()
            .header("ETag");
    api().header("If-None-Match", etag).get(BUNDLED + "/counts").then().statusCode(304);
    api().get(LETTERS + "/no-such-letter/counts").then().statusCode(404);
  }
}
