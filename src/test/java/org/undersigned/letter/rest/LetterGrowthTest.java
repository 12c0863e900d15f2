package org.undersigned.letter.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.TestLetters;

/**
 * How a letter's counts grew and where its named signatories are, as partners' pages read them: one
 * point an interval, each the counts at its end, the last the live count; countries of the named
 * only, an anonymous signatory changing nothing in them.
 */
@QuarkusTest
class LetterGrowthTest {

  @Inject TestLetters fixtures;
  @Inject org.undersigned.common.cache.ReadCache cache;

  private static String history(String slug) {
    return "/api/v1/letters/" + slug + "/counts/history";
  }

  @Test
  void theBundledLettersHistoryEndsWithItsCount() {
    JsonPath counts =
        api()
            .get("/api/v1/letters/" + TestLetters.BUNDLED + "/counts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath h =
        api()
            .get(history(TestLetters.BUNDLED))
            .then()
            .statusCode(200)
            .header("ETag", org.hamcrest.Matchers.notNullValue())
            .body("interval", equalTo("day"))
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = h.getList("items");
    Map<String, Object> last = items.get(items.size() - 1);
    assertEquals(counts.getLong("total"), ((Number) last.get("total")).longValue());
    assertEquals(262L, ((Number) last.get("named")).longValue());
    assertEquals(39L, ((Number) last.get("anonymous")).longValue());
  }

  @Test
  void eachHourHasOnePointWithTheCountsAtItsEnd() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_APPROVAL, "en");
    Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(48));
    Endorsement a =
        fixtures.publishedAt(letter, "Growth One", false, "FR", base.plus(Duration.ofMinutes(20)));
    fixtures.publishedAt(letter, "Growth Two", true, "FR", base.plus(Duration.ofMinutes(40)));
    fixtures.publishedAt(
        letter, "Growth Three", false, "DE", base.plus(Duration.ofMinutes(2 * 60 + 5)));
    fixtures.withdrawnAt(a.id, base.plus(Duration.ofMinutes(3 * 60 + 30)));

    JsonPath h =
        api()
            .queryParam("interval", "hour")
            .queryParam("from", base.toString())
            .queryParam("to", base.plus(Duration.ofMinutes(4 * 60 + 59)).toString())
            .get(history(letter.slug))
            .then()
            .statusCode(200)
            .body("interval", equalTo("hour"))
            .extract()
            .jsonPath();
    // Ends of the hours 0 to 4: {total, named, anonymous} after each.
    long[][] expected = {{2, 1, 1}, {2, 1, 1}, {3, 2, 1}, {2, 1, 1}, {2, 1, 1}};
    assertEquals(expected.length, h.getList("items").size(), "one point an hour");
    for (int i = 0; i < expected.length; i++) {
      String item = "items[" + i + "].";
      assertEquals(
          base.plus(Duration.ofHours(i + 1)), Instant.parse(h.getString(item + "at")), item);
      assertEquals(expected[i][0], h.getLong(item + "total"), item);
      assertEquals(expected[i][1], h.getLong(item + "named"), item);
      assertEquals(expected[i][2], h.getLong(item + "anonymous"), item);
    }

    // By day, from the first publication to today: one point a day, the last the live count.
    JsonPath days = api().get(history(letter.slug)).then().statusCode(200).extract().jsonPath();
    long dayCount =
        ChronoUnit.DAYS.between(
                base.truncatedTo(ChronoUnit.DAYS), Instant.now().truncatedTo(ChronoUnit.DAYS))
            + 1;
    assertEquals(dayCount, days.getList("items").size(), "one point a day");
    JsonPath counts =
        api()
            .get("/api/v1/letters/" + letter.slug + "/counts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    int last = days.getList("items").size() - 1;
    assertEquals(counts.getLong("total"), days.getLong("items[" + last + "].total"));
    assertEquals(counts.getLong("anonymous"), days.getLong("items[" + last + "].anonymous"));
  }

  @Test
  void badHistoryQueriesAreProblemsNamingTheParameter() {
    String path = history(TestLetters.BUNDLED);
    Map<String, Map<String, String>> cases =
        Map.of(
            "interval", Map.of("interval", "week"),
            "from", Map.of("from", "yesterday"),
            "to", Map.of("to", "2026-13-45T00:00:00Z"));
    cases.forEach(
        (field, query) ->
            badRequest()
                .queryParams(query)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:undersigned:problem:validation-failed"))
                .body("errors[0].field", equalTo(field)));
    badRequest()
        .queryParam("from", "2026-11-30T00:00:00Z")
        .queryParam("to", "2026-11-29T00:00:00Z")
        .get(path)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
    badRequest()
        .queryParam("interval", "hour")
        .queryParam("from", "2020-01-01T00:00:00Z")
        .queryParam("to", "2026-01-01T00:00:00Z")
        .get(path)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
    badRequest()
        .get(history("no-such-letter"))
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:letter-not-found"));
    badRequest()
        .get(history("Not A Slug!"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void countriesCountTheNamedOnlyAndAnAnonymousSignatoryChangesNothing() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_APPROVAL, "en");
    Instant at = Instant.now().minus(Duration.ofHours(1));
    fixtures.publishedAt(letter, "Country One", false, "FR", at);
    fixtures.publishedAt(letter, "Country Two", false, "FR", at);
    fixtures.publishedAt(letter, "Country Three", false, "DE", at);
    fixtures.publishedAt(letter, "Country Four", false, null, at);
    fixtures.publishedAt(letter, "Country Hidden", true, "NO", at);
    String path = "/api/v1/letters/" + letter.slug + "/countries";
    Response before = api().get(path).then().statusCode(200).extract().response();
    JsonPath json = before.jsonPath();
    assertEquals(List.of("FR", "DE"), json.getList("items.country"));
    assertEquals(List.of(2, 1), json.getList("items.count"));
    assertEquals(1, json.getInt("withoutCountry"));

    // An anonymous signatory from a country no named one gives: the answer is the same bytes.
    fixtures.publishedAt(letter, "Country Hidden Too", true, "SE", at);
    Response after = api().get(path).then().statusCode(200).extract().response();
    assertEquals(before.asString(), after.asString());
    assertEquals(before.header("ETag"), after.header("ETag"));

    // Under an embargo of the list, where its signatories are is not told either.
    fixtures.embargo(letter, Instant.now().plus(Duration.ofDays(3)));
    cache.clear(); // the fixture's bulk update bypasses the entity's own invalidation
    badRequest()
        .get(path)
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:undersigned:problem:letter-not-found"));
  }
}
