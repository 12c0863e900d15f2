package org.undersigned.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for the tests of what people see (Debian's chromium and
 * chromium-driver; a test that needs it is skipped, saying why, where they are missing), and
 * axe-core, Deque's accessibility engine (npm, in src/lint), to check a page against WCAG 2.2 AA.
 */
public final class Browser {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path AXE = Path.of("src", "lint", "node_modules", "axe-core", "axe.min.js");

  private Browser() {}

  /** A new headless Chromium, or the test skipped where there is none. */
  public static WebDriver start() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(driver, options);
  }

  /** Waits up to 15 seconds for a condition to give something other than null or false. */
  public static <T> T until(WebDriver browser, Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
  }

  /**
   * The WCAG 2.0, 2.1 and 2.2 A and AA violations axe-core finds in the page as it is now (open
   * shadow roots included) whose impact is serious or critical, each as "rule: target".
   */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(WebDriver browser) throws Exception {
    Assumptions.assumeTrue(
        Files.exists(AXE), "axe-core is needed: npm ci in src/lint (the build's lint step does)");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(Files.readString(AXE));
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                + " 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".flatMap(v => v.nodes.map(n => v.id + ': ' + JSON.stringify(n.target)))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /** What the page's element with this CSS selector says, or null where there is none. */
  public static String text(WebDriver browser, String css) {
    Object text =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const e = document.querySelector(arguments[0]); return e && e.textContent;", css);
    return (String) text;
  }
}
