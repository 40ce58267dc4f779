package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /docs} in a real headless Chromium (Debian's, driven through its chromedriver): Swagger UI
 * renders the document the API serves, every operation of it, offline, with no failed request and
 * no console error; "Try it out" calls the local API with the token given to "Authorize". Leaves screenshots in {@code local/target/docs/} (the page, then one operation
 * open). Needs chromium and chromedriver: {@code scripts/tools.sh browser} installs them
 * ({@code make test} runs it), and {@code scripts/test.sh} passes their paths as {@code CHROMIUM}
 * and {@code CHROMEDRIVER}; without those, the Debian paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsPageIT {

  private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Path OUTPUT = Path.of("target", "docs");

  private LocalApiHarness harness;
  private ChromeDriver browser;

  @BeforeAll
  void start() {
    // The browser first: a missing one is the likelier failure, and its message should come first.
    browser = startBrowser();
    harness = LocalApiHarness.start();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void swaggerUiRendersEveryOperationOfTheServedDocumentWithNoFailedRequestOrConsoleError() throws IOException {
    JsonNode document = harness.get("/v1/openapi.json", null).expect(200).json();
    String title = document.path("info").path("title").asText();
    Set<String> operations = operations(document);
    assertTrue(operations.size() > 50 && operations.contains("POST /v1/projects/{project_id}/tasks")
        && operations.contains("GET /v1/tasks"), operations::toString);

    browser.get(harness.baseUrl() + "/docs");
    WebDriverWait wait = new WebDriverWait(browser, RENDER_TIMEOUT);
    Set<String> shown = new TreeSet<>();
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".information-container .title"),
          title));
      wait.until(driver -> !rendered().isEmpty());
      shown.addAll(shownWhileScrollingDown());
    } catch (TimeoutException e) {
      screenshot("docs.png");
      throw new AssertionError("Swagger UI did not render \"" + title + "\" within " + RENDER_TIMEOUT.toSeconds()
          + " s; rendered: " + rendered() + "; console: " + console(), e);
    }
    browser.executeScript("window.scrollTo(0, 0)");
    screenshot("docs.png");

    assertEquals(operations, shown, "the page shows each operation of the document, and only those");
    assertEquals(List.of(), browser.findElements(By.cssSelector(".errors-wrapper")).stream()
        .map(WebElement::getText).toList(), "Swagger UI reports no error in the document");
    By createTaskPath = By.cssSelector(".opblock-post .opblock-summary-path[data-path='/v1/projects/{project_id}/tasks']");
    WebElement createTask = scrollDownUntilRendered(createTaskPath);
    assertTrue(createTask.isDisplayed(), "POST /v1/projects/{project_id}/tasks is visible");
    assertTrue(browser.findElement(By.cssSelector(".auth-wrapper .authorize")).isDisplayed(),
        "the Authorize button takes a bearer token");

    // Interactive: an operation opens on a click and offers "Try it out".
    createTask.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock-post.is-open .try-out__btn")));
    browser.executeScript("arguments[0].scrollIntoView()", createTask);
    screenshot("docs-operation.png");

    List<String> requests = requests();
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("200 " + harness.baseUrl() + "/v1/openapi.json")),
        () -> "the page fetched the API's document: " + requests);
    assertEquals(List.of(), requests.stream()
            .filter(r -> !r.startsWith("200 " + harness.baseUrl() + "/")).toList(),
        () -> "every request of the page went to the local API and succeeded (offline, no CDN): " + requests);
    assertEquals(List.of(), console(), "no console error and no failed load");
  }

  @Test
  void tryItOutCallsTheLocalApiWithTheTokenGivenToAuthorize() throws IOException {
    LocalApiHarness.Tenant tenant = harness.createTenant("Docs");
    WebDriverWait wait = new WebDriverWait(browser, RENDER_TIMEOUT);
    browser.get(harness.baseUrl() + "/docs/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize"))).click();
    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
    dialog.findElement(By.cssSelector("input")).sendKeys(tenant.ownerToken());
    dialog.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux .auth-btn-wrapper .btn-done")))
        .click();

    // Whatever servers the document lists, the page offers the API that serves it first.
    assertEquals(harness.baseUrl(), new Select(browser.findElement(By.cssSelector(".servers select")))
        .getFirstSelectedOption().getDomProperty("value"), "Try it out calls the local API serving the page");

    WebElement me = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".opblock-get .opblock-summary-path[data-path='/v1/me']")));
    browser.executeScript("arguments[0].scrollIntoView()", me);
    me.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .try-out__btn"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .execute"))).click();
    By status = By.cssSelector(".opblock.is-open .live-responses-table .response .response-col_status");
    wait.until(ExpectedConditions.presenceOfElementLocated(status));
    WebElement response = browser.findElement(By.cssSelector(".opblock.is-open .live-responses-table .response"));
    browser.executeScript("arguments[0].scrollIntoView()", response);
    screenshot("docs-try-it-out.png");

    assertEquals("200", browser.findElement(status).getText().trim(), response::getText);
    assertTrue(response.getText().contains(tenant.ownerId()), () -> "GET /v1/me answered the owner: "
        + response.getText());
    assertEquals(List.of(), console(), "no console error and no failed load");
  }

  @Test
  void docsWithoutSlashRedirectsToThePageAndUnknownFilesAre404() {
    Response redirect = harness.get("/docs", null).expect(308);
    assertEquals("/docs/", redirect.header("Location"));
    assertTrue(harness.get("/docs/", null).expect(200).contentType().startsWith("text/html"));
    harness.get("/docs/no-such-file.js", null).expect(404);
    harness.get("/docs/../template.yaml", null).expect(404);
    harness.post("/docs/", null, "{}").expect(405);
  }

  // ------------------------------------------------------------------------------------------

  /** "METHOD /path" for each operation of an OpenAPI document. */
  private static Set<String> operations(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (METHODS.contains(method)) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return operations;
  }

  /**
   * Every operation the page shows from top to bottom. From 150 tags and operations on, Swagger UI
   * (5.35) renders only the part of the list on screen (a virtualized list), so the page is read a
   * screen at a time, down to its end.
   */
  private Set<String> shownWhileScrollingDown() {
    Set<String> shown = new TreeSet<>(rendered());
    browser.executeScript("window.scrollTo(0, 0)");
    long last = -1;
    for (int screens = 0; screens < 400; screens++) {
      shown.addAll(rendered());
      long y = ((Number) browser.executeScript("window.scrollBy(0, Math.floor(window.innerHeight * 0.8));"
          + " return Math.round(window.scrollY);")).longValue();
      pauseForRender();
      if (y == last) {
        break;
      }
      last = y;
    }
    shown.addAll(rendered());
    return shown;
  }

  /** Scrolls down from the top until {@code locator} is rendered (the list may be virtualized), and returns it. */
  private WebElement scrollDownUntilRendered(By locator) {
    browser.executeScript("window.scrollTo(0, 0)");
    for (int screens = 0; screens < 400; screens++) {
      List<WebElement> found = browser.findElements(locator);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      browser.executeScript("window.scrollBy(0, Math.floor(window.innerHeight * 0.8))");
      pauseForRender();
    }
    throw new AssertionError(locator + " was never rendered");
  }

  private static void pauseForRender() {
    LocalApiHarness.pause(Duration.ofMillis(150));
  }

  /** "METHOD /path" for each operation the page shows (one under each of its tags, so a set). */
  @SuppressWarnings("unchecked")
  private Set<String> rendered() {
    List<String> shown = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('.opblock')).map(op =>"
            + " op.querySelector('.opblock-summary-method').textContent + ' '"
            + " + op.querySelector('.opblock-summary-path').getAttribute('data-path'));");
    return new TreeSet<>(shown);
  }

  /** "status url" for the page and each resource it loaded (Resource Timing; status 0 when one failed). */
  @SuppressWarnings("unchecked")
  private List<String> requests() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            + ".map(e => e.responseStatus + ' ' + e.name);");
  }

  /** The console's errors, failed loads included (Chromium logs them as SEVERE). */
  private List<String> console() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(OUTPUT);
    Files.write(OUTPUT.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Headless Chromium with the flags a container needs, every host name but the loopback's made
   * unresolvable (a CDN request would fail here, as it does offline), and the console recorded.
   */
  private static ChromeDriver startBrowser() {
    File chromium = executable("CHROMIUM", "/usr/bin/chromium");
    File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1800", "--disable-background-networking", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    try {
      Files.createDirectories(OUTPUT);
    } catch (IOException e) {
      throw new AssertionError("cannot create " + OUTPUT.toAbsolutePath(), e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver)
        .usingAnyFreePort()
        .withLogFile(OUTPUT.resolve("chromedriver.log").toFile())
        .build();
    return new ChromeDriver(service, options);
  }

  /** The browser file named by the environment variable, else at its Debian path; fails when missing. */
  private static File executable(String variable, String debianPath) {
    String configured = System.getenv(variable);
    Path path = Path.of(configured == null || configured.isBlank() ? debianPath : configured);
    if (!Files.isExecutable(path)) {
      throw new AssertionError("DocsPageIT needs a headless browser: no executable " + path + " ("
          + (configured == null || configured.isBlank() ? "set " + variable + " to use another" : "from " + variable)
          + "). `make test` installs Debian's chromium and chromium-driver through `scripts/tools.sh browser`; "
          + "run that, or apt-get install chromium chromium-driver.");
    }
    return path.toFile();
  }
}
