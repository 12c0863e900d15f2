package org.undersigned.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Browser;
import org.undersigned.testing.Mails;
import org.undersigned.testing.TestLetters;

/**
 * The letter's public page (its HTML rendering) in a real browser, under the
 * Content-Security-Policy it is served with: the text, every name, the count and its growth, the
 * signing widget; WCAG 2.2 AA by axe-core; usable from the keyboard; signing from it ends in the
 * confirmation e-mail.
 */
@QuarkusTest
class LetterPageTest {

  @TestHTTPResource("/")
  URL service;

  @Inject TestLetters fixtures;

  private WebDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String page(String slug) {
    return service.toString().replaceAll("/$", "") + "/api/v1/letters/" + slug;
  }

  @Test
  void theBundledLettersPageShowsItsNamesCountAndGrowthAndMeetsWcag() throws Exception {
    // Other tests sign the bundled letter too: compare with what the API says now.
    JsonPath counts = given().get("/api/v1/letters/" + TestLetters.BUNDLED + "/counts").jsonPath();
    int days =
        given()
            .get("/api/v1/letters/" + TestLetters.BUNDLED + "/counts/history")
            .jsonPath()
            .getList("items")
            .size();
    browser.get(page(TestLetters.BUNDLED));
    assertEquals("Une lettre ouverte :", browser.findElement(By.tagName("h1")).getText());
    assertEquals(
        counts.getInt("named"),
        browser.findElements(By.cssSelector("ul.signatories li")).size(),
        "every named signatory");
    String count = browser.findElement(By.cssSelector("p.count")).getText();
    assertTrue(count.contains(counts.getInt("total") + " organisations"), count);
    String points =
        browser.findElement(By.cssSelector("svg.sparkline polyline")).getAttribute("points");
    assertEquals(days, points.trim().split("\\s+").length, "one point a day");
    // The widget ran under the page's policy: its form is there, in the page's language.
    SearchContext widget =
        Browser.until(
            browser, d -> d.findElement(By.tagName("undersigned-letter")).getShadowRoot());
    Browser.until(
        browser, d -> widget.findElements(By.cssSelector("#name")).isEmpty() ? null : true);
    assertEquals("Nom à publier", widget.findElement(By.cssSelector("label[for=name]")).getText());
    assertEquals(List.of(), Browser.seriousViolations(browser), "WCAG 2.2 AA");
    Object errors =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return performance.getEntriesByType('resource')"
                    + ".filter(r => r.responseStatus >= 400).map(r => r.name)");
    assertEquals(List.of(), errors, "nothing the page loads fails");
  }

  @Test
  void aKeyboardAloneReachesTheFormAndSignsFromThePage() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    browser.get(page(letter.slug));
    SearchContext widget =
        Browser.until(
            browser, d -> d.findElement(By.tagName("undersigned-letter")).getShadowRoot());
    Browser.until(
        browser, d -> widget.findElements(By.cssSelector("#name")).isEmpty() ? null : true);
    // Tab from the top of the page until the name field has the focus.
    String focused = null;
    for (int i = 0; i < 30 && !"name".equals(focused); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      focused =
          (String)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "let e = document.activeElement;"
                          + " while (e && e.shadowRoot && e.shadowRoot.activeElement)"
                          + " e = e.shadowRoot.activeElement; return e && e.id;");
    }
    assertEquals("name", focused, "the name field is reached with Tab");
    String email = Mails.newAddress("example.org");
    new Actions(browser).sendKeys("Keyboard Signing Org").perform();
    fill(widget, "#contactName", "Kim Keyboard");
    fill(widget, "#contactEmail", email);
    WebElement consent = widget.findElement(By.cssSelector("#consent"));
    consent.sendKeys(Keys.SPACE);
    assertTrue(consent.isSelected(), "the consent box is ticked from the keyboard");
    widget.findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);
    Browser.until(
        browser,
        d -> widget.findElement(By.cssSelector(".status")).getText().contains("Thank you"));
    assertEquals(List.of(), Browser.seriousViolations(browser), "WCAG 2.2 AA, sent");
    Mails.Read mail = Mails.awaitOne(email);
    assertTrue(mail.subject().startsWith("Confirm"), mail.subject());
  }

  @Test
  void thePagesSearchFindsSignatoriesWithoutJavaScriptAndShowsRightToLeftNamesSo()
      throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Éducation Sans Frontières", false);
    fixtures.published(letter, "Education Watch", false);
    fixtures.published(letter, "منظمة حقوق الإنسان", false);
    fixtures.published(letter, "Hidden Education Circle", true);
    browser.get(page(letter.slug));
    WebElement arabic =
        browser.findElements(By.cssSelector("ul.signatories li")).stream()
            .filter(li -> li.getText().startsWith("منظمة"))
            .findFirst()
            .orElseThrow();
    assertEquals("rtl", arabic.getCssValue("direction"), "a right-to-left name reads so");
    WebElement query = browser.findElement(By.cssSelector("form.search input[name=q]"));
    query.sendKeys("education");
    query.submit();
    Browser.until(browser, d -> d.getCurrentUrl().contains("q=education") ? true : null);
    List<String> found =
        browser.findElements(By.cssSelector("ul.signatories li")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("Éducation Sans Frontières", "Education Watch"), found);
    assertTrue(
        browser.findElement(By.cssSelector("p.matches")).getText().startsWith("2 of 3"),
        "how many of the named signatories hold it; the anonymous one is neither found nor counted");
    assertEquals(List.of(), Browser.seriousViolations(browser), "WCAG 2.2 AA, a search");

    // The search is text on the page, never markup.
    String html =
        given()
            .accept("text/html")
            .queryParam("q", "<b>x</b>")
            .get("/api/v1/letters/" + letter.slug)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;") && !html.contains("<b>x</b>"), "escaped");
    given()
        .accept("text/html")
        .queryParam("q", "x".repeat(301))
        .get("/api/v1/letters/" + letter.slug)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  /** The content of the page's meta element with this attribute. */
  private static String meta(String html, String attribute) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<meta " + java.util.regex.Pattern.quote(attribute) + " content=\"([^\"]*)\">")
            .matcher(html);
    assertTrue(m.find(), attribute);
    return m.group(1);
  }

  private static void fill(SearchContext root, String css, String text) {
    root.findElement(By.cssSelector(css)).sendKeys(text);
  }

  @Test
  void aSharedLinkShowsTheTitleAndCountOnACardOfTheStatedSize() throws Exception {
    String html =
        given()
            .accept("text/html")
            .get("/api/v1/letters/" + TestLetters.BUNDLED)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals("Une lettre ouverte :", meta(html, "property=\"og:title\""));
    assertTrue(
        meta(html, "property=\"og:description\"").contains("organisations"),
        "the count in the description");
    String image = meta(html, "property=\"og:image\"");
    assertTrue(image.endsWith("/api/v1/letters/" + TestLetters.BUNDLED + "/share.png?lang=fr"));
    assertEquals("summary_large_image", meta(html, "name=\"twitter:card\""));

    io.restassured.response.Response png =
        given()
            .get("/api/v1/letters/" + TestLetters.BUNDLED + "/share.png?lang=fr")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .response();
    java.awt.image.BufferedImage card =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.asByteArray()));
    assertEquals(1200, card.getWidth());
    assertEquals(630, card.getHeight());
    // Text was drawn: the title's area holds dark pixels on the light card.
    int dark = 0;
    for (int x = 80; x < 1120; x += 2) {
      for (int y = 80; y < 200; y += 2) {
        if ((card.getRGB(x, y) & 0xff) < 0x80) {
          dark++;
        }
      }
    }
    assertTrue(dark > 500, "the title is drawn: " + dark + " dark pixels");
    // Kept until the count changes: the same bytes, revalidated with its ETag.
    given()
        .header("If-None-Match", png.header("ETag"))
        .get("/api/v1/letters/" + TestLetters.BUNDLED + "/share.png?lang=fr")
        .then()
        .statusCode(304);
    given()
        .get("/api/v1/letters/no-such-letter/share.png")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
