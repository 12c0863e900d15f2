package org.undersigned.letter.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.TestLetters;

/**
 * A coalition that names a country only from three named signatories on: a country with fewer is
 * counted under "other", so that a lone signatory's country does not point at it.
 */
@QuarkusTest
@TestProfile(CountriesGroupedTest.FromThree.class)
class CountriesGroupedTest {

  public static class FromThree implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("undersigned.partners.countries-minimum", "3");
    }
  }

  @Inject TestLetters fixtures;

  @Test
  void countriesWithFewerNamedSignatoriesAreCountedUnderOther() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_APPROVAL, "en");
    Instant at = Instant.now().minus(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      fixtures.publishedAt(letter, "Grouped France " + i, false, "FR", at);
    }
    fixtures.publishedAt(letter, "Grouped Germany", false, "DE", at);
    fixtures.publishedAt(letter, "Grouped Italy One", false, "IT", at);
    fixtures.publishedAt(letter, "Grouped Italy Two", false, "IT", at);
    JsonPath json =
        api()
            .get("/api/v1/letters/" + letter.slug + "/countries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("FR", "other"), json.getList("items.country"));
    assertEquals(List.of(3, 3), json.getList("items.count"));
  }
}
