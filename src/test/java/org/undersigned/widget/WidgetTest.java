package org.undersigned.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Browser;
import org.undersigned.testing.KnownAddress;
import org.undersigned.testing.Mails;
import org.undersigned.testing.PartnerPage;
import org.undersigned.testing.TestLetters;

/**
 * The widget in a real headless Chromium, on a partner's page served from another origin: it loads,
 * shows the count, checks the public log's signature, shows the field errors of a bad submission,
 * and signs.
 */
@QuarkusTest
@QuarkusTestResource(PartnerPage.class)
@TestProfile(KnownAddress.class)
class WidgetTest {

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

  private SearchContext widget(String slug, String lang) {
    String base = service.toString().replaceAll("/$", "");
    browser.get(
        PartnerPage.origin()
            + "/?lang="
            + lang
            + "&slug="
            + slug
            + "&service="
            + URLEncoder.encode(base, StandardCharsets.UTF_8));
    return until(d -> d.findElement(By.tagName("undersigned-letter")).getShadowRoot());
  }

  private <T> T until(Function<WebDriver, T> condition) {
    return Browser.until(browser, condition);
  }

  private String text(SearchContext root, String css) {
    return root.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void theWidgetShowsTheLetterAndItsLiveCountInThePagesLanguage() {
    // Other tests sign the bundled letter too: compare with what the API says now.
    int total = given().get("/api/v1/letters/" + TestLetters.BUNDLED + "/counts").path("total");
    SearchContext root = widget(TestLetters.BUNDLED, "fr");
    until(d -> text(root, ".count").equals(total + " signatures") ? true : null);
    assertEquals("Une lettre ouverte", text(root, "h2"));
    assertEquals("Nom à publier", text(root, "label[for=name]"));
  }

  @Test
  void theWidgetLetsTheSignerReadTheLetterBeforeSigning() throws Exception {
    String first =
        given().get("/api/v1/letters/" + TestLetters.BUNDLED + "?lang=fr").path("paragraphs[0]");
    SearchContext root = widget(TestLetters.BUNDLED, "fr");
    WebElement disclosure =
        until(
            d ->
                root.findElements(By.cssSelector("details.text:not([hidden])")).stream()
                    .findFirst()
                    .orElse(null));
    assertEquals("Lire la lettre", disclosure.findElement(By.tagName("summary")).getText());
    assertEquals(null, disclosure.getAttribute("open"), "folded until asked");
    disclosure.findElement(By.tagName("summary")).click();
    until(d -> disclosure.getAttribute("open") != null ? true : null);
    assertEquals(first, disclosure.findElements(By.cssSelector(".letter p")).get(1).getText());
    assertEquals(List.of(), Browser.seriousViolations(browser), "WCAG 2.2 AA, letter open");
  }

  @Test
  void aBadSubmissionShowsEachFieldsErrorReadByScreenReaders() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    SearchContext root = widget(letter.slug, "en");
    until(d -> text(root, ".count").contains("0") ? true : null);
    assertEquals(List.of(), Browser.seriousViolations(browser), "WCAG 2.2 AA, empty form");
    root.findElement(By.cssSelector("#contactEmail")).sendKeys("not-an-email");
    root.findElement(By.cssSelector("button[type=submit]")).click();
    until(d -> text(root, "#consent-error").isEmpty() ? null : true);
    assertTrue(text(root, "#name-error").length() > 0);
    assertTrue(text(root, "#contactEmail-error").contains("e-mail"));
    assertEquals(
        "true", root.findElement(By.cssSelector("#contactEmail")).getAttribute("aria-invalid"));
    assertEquals(
        "contactEmail-error",
        root.findElement(By.cssSelector("#contactEmail")).getAttribute("aria-describedby"));
    assertEquals("polite", root.findElement(By.cssSelector(".status")).getAttribute("aria-live"));
    assertTrue(text(root, ".status").contains("attention"), text(root, ".status"));
    assertEquals(List.of(), Browser.seriousViolations(browser), "WCAG 2.2 AA, errors shown");
  }

  @Test
  void aPartnersVisitorSignsThroughTheWidget() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    SearchContext root = widget(letter.slug, "fr");
    String email = Mails.newAddress("example.org");
    root.findElement(By.cssSelector("#name")).sendKeys("Widget Signing Org");
    root.findElement(By.cssSelector("#country")).sendKeys("fr");
    root.findElement(By.cssSelector("#contactName")).sendKeys("Camille Martin");
    root.findElement(By.cssSelector("#contactEmail")).sendKeys(email);
    root.findElement(By.cssSelector("#consent")).click();
    root.findElement(By.cssSelector("button[type=submit]")).click();
    until(d -> text(root, ".status").contains("Merci") ? true : null);
    assertEquals(List.of(), Browser.seriousViolations(browser), "WCAG 2.2 AA, sent");
    Mails.Read mail = Mails.awaitOne(email);
    assertTrue(mail.subject().startsWith("Confirmez"), mail.subject());
  }

  /**
   * The widget checks the letter's public log in the browser: the checkpoint's Ed25519 signature
   * (WebCrypto) with the key the letter names, and says so; in a browser without Ed25519 it says
   * that it cannot.
   */
  @Test
  void theWidgetChecksThePublicLogsSignature() {
    SearchContext root = widget(TestLetters.BUNDLED, "en");
    String message = until(d -> text(root, ".log").isEmpty() ? null : text(root, ".log"));
    Boolean ed25519 =
        (Boolean)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "crypto.subtle.generateKey({name: 'Ed25519'}, false, ['sign', 'verify'])"
                        + ".then(() => done(true), () => done(false));");
    if (Boolean.TRUE.equals(ed25519)) {
      assertTrue(message.startsWith("Public log checked: its signed head ("), message);
    } else {
      assertEquals("This browser cannot check the public log's signature.", message);
    }
  }

  @Test
  void theWidgetIsServedCacheable() {
    String etag =
        given()
            .get("/widget.js")
            .then()
            .statusCode(200)
            .contentType(containsString("javascript"))
            .header("Cache-Control", "public, max-age=3600")
            .header("ETag", notNullValue())
            .body(containsString("customElements.define(\"undersigned-letter\""))
            .extract()
            .header("ETag");
    given().header("If-None-Match", etag).get("/widget.js").then().statusCode(304);
  }
}
