package org.undersigned.letter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.testing.TestLetters;

@QuarkusTest
class LetterRenderingTest {

  private static final String BUNDLED = "/api/v1/letters/" + TestLetters.BUNDLED;

  @Inject TestLetters fixtures;

  /**
   * The letter as the coalition published it (an independent copy of the seed, kept with the
   * tests): the service's plain text must reproduce it line for line, but for the figures of the
   * last sentence, which it computes from what it holds.
   */
  private static List<String> publishedLines() throws IOException {
    try (InputStream in =
        LetterRenderingTest.class
            .getClassLoader()
            .getResourceAsStream("seed/published-letter.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void plainTextReproducesThePublishedLetterLineForLine() throws IOException {
    List<String> expected = new ArrayList<>(publishedLines());
    String last = expected.remove(expected.size() - 1);
    assertEquals(
        "* Cette lettre a été signée par 321 organisations, dont 282 citées ci-dessus, et 39 qui"
            + " ont préféré garder l’anonymat.",
        last);
    // The published sentence claims 282 named signatories; the list holds 262.
    expected.add(last.replace("321", "301").replace("282", "262"));

    String body =
        api()
            .accept("text/plain")
            .get(BUNDLED)
            .then()
            .statusCode(200)
            .contentType(startsWith("text/plain"))
            .header("Content-Language", "fr")
            .extract()
            .asString();
    assertEquals(expected, body.lines().toList());
  }

  @Test
  void markdownIsTheLetterWithEveryNameAsAListItem() {
    String body =
        api()
            .accept("text/markdown")
            .get(BUNDLED)
            .then()
            .statusCode(200)
            .contentType(startsWith("text/markdown"))
            .extract()
            .asString();
    assertTrue(body.startsWith("# Une lettre ouverte :\n\n"));
    assertTrue(body.contains("\n- Amnesty International\n"));
    // Markup characters in names are escaped, so the name shows as written.
    assertTrue(body.contains("\n- Body \\& Data\n"));
    assertTrue(body.contains("\n- Cambodian Alliance of Trade Union \\[CATU\\]\n"));
    assertTrue(body.contains("\n\\* Cette lettre a été signée par 301 organisations, dont 262"));
  }

  @Test
  void htmlEscapesEveryName() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "<script>alert('x')</script> & \"Friends\"", false);
    String body =
        api()
            .accept("text/html")
            .get("/api/v1/letters/" + letter.slug)
            .then()
            .statusCode(200)
            .contentType(startsWith("text/html"))
            .header("Content-Language", "en")
            .extract()
            .asString();
    assertFalse(body.contains("<script>"));
    assertTrue(
        body.contains(
            "<li dir=\"auto\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Friends&quot;</li>"),
        body);
    assertTrue(body.contains("<html lang=\"en\">"));
  }

  @Test
  void htmlOfTheBundledLetterListsEverySignatory() {
    String body =
        api().accept("text/html").get(BUNDLED).then().statusCode(200).extract().asString();
    assertEquals(262, body.split("<li dir=\"auto\">", -1).length - 1);
    assertTrue(body.contains("<li dir=\"auto\">Body &amp; Data</li>"));
    assertTrue(body.contains("301 organisations, dont 262 citées ci-dessus, et 39"));
  }

  @Test
  void plainTextCountSentenceUsesTheRealFigures() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "First", false);
    fixtures.published(letter, "Second", false);
    fixtures.published(letter, "Third Hidden", true);
    api()
        .accept("text/plain")
        .get("/api/v1/letters/" + letter.slug)
        .then()
        .statusCode(200)
        .body(containsString("- First\n- Second\n* en: 3 in all, 2 named, 1 anonymous."))
        .body(not(containsString("Third Hidden")));
  }
}
