package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Tenant;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A share link's page {@code GET /share/{token}} in a real headless Chromium (Debian's), through
 * the local gateway: a document with real bytes and a password-protected link; the page shows the
 * title, size and expiry; a wrong password shows the error, the right one downloads the file, whose
 * SHA-256 is the document's. Screenshots in {@code local/target/share-page/}. Needs chromium and
 * chromedriver as {@link DocsPageIT} does ({@code CHROMIUM}, {@code CHROMEDRIVER}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharePageIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path OUTPUT = Path.of("target", "share-page");

  private LocalApiHarness harness;
  private ChromeDriver browser;
  private Path downloads;

  @BeforeAll
  void start() throws IOException {
    Files.createDirectories(OUTPUT);
    downloads = Files.createTempDirectory("share-downloads");
    browser = startBrowser(downloads);
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
  void aRecipientOpensTheLinkFailsOncePasswordThenDownloadsTheExactBytes() throws Exception {
    Tenant tenant = harness.createTenant("Share Page Co");
    byte[] bytes = ("Quarterly numbers\n" + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8);
    String checksum = sha256(bytes);
    String documentId = seedDocument(tenant, "Q4 <Board> Report", "q4-report.txt", bytes, checksum);
    var created = harness.post("/v1/documents/" + documentId + "/shares", tenant.ownerToken(),
        "{\"permission_level\":\"download\",\"password\":\"open sesame\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")
        .expect(201);
    String token = created.text("token");
    assertEquals(harness.baseUrl() + "/share/" + token, created.text("url"));

    browser.get(created.text("url"));
    assertEquals("Q4 <Board> Report", browser.findElement(By.tagName("h1")).getText());
    assertEquals("q4-report.txt", browser.findElement(By.id("file-name")).getText());
    assertEquals("4.9 KB", browser.findElement(By.id("size")).getText());
    assertEquals("2099-01-01 00:00:00.000 UTC", browser.findElement(By.id("expires")).getText());
    screenshot("1-page.png");

    browser.findElement(By.id("password")).sendKeys("not it");
    browser.findElement(By.id("download")).click();
    new WebDriverWait(browser, WAIT).until(page -> page.findElement(By.id("message")).getText()
        .equals("Wrong password. Try again."));
    screenshot("2-wrong-password.png");
    try (Stream<Path> none = Files.list(downloads)) {
      assertEquals(List.of(), none.toList(), "nothing downloaded");
    }

    browser.findElement(By.id("password")).clear();
    browser.findElement(By.id("password")).sendKeys("open sesame");
    browser.findElement(By.id("download")).click();
    Path file = downloads.resolve("q4-report.txt");
    try {
      LocalApiHarness.eventually("the download of q4-report.txt", WAIT, () -> Files.exists(file));
    } catch (AssertionError e) {
      screenshot("3-no-download.png");
      try (Stream<Path> found = Files.list(downloads)) {
        throw new AssertionError(e.getMessage() + "; the browser is at " + browser.getCurrentUrl() + ", saying: "
            + browser.findElement(By.tagName("body")).getText() + "; downloaded: " + found.toList(), e);
      }
    }
    LocalApiHarness.eventually("the download to finish", WAIT, () -> sizeOf(file) == bytes.length);
    assertEquals(checksum, sha256(Files.readAllBytes(file)));

    var listed = harness.get("/v1/documents/" + documentId + "/shares", tenant.ownerToken()).expect(200).json();
    assertEquals(1, listed.path("items").get(0).path("access_count").asInt());
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        // The one expected error: the 401 of the wrong password, which the browser logs as a failed fetch.
        .filter(entry -> !entry.getMessage().contains("401"))
        .toList();
    assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "no CSP violation or script error");
  }

  /** A document as the documents part stores it: its item and its bytes at the tenant's content key. */
  private String seedDocument(Tenant tenant, String title, String fileName, byte[] bytes, String checksum) {
    String id = UUID.randomUUID().toString();
    String key = "tenants/" + tenant.id() + "/dms/content/" + checksum;
    try (S3Client s3 = S3Client.builder().region(Region.of(LocalApiHarness.REGION)).endpointOverride(harness.moto())
        .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      s3.putObject(b -> b.bucket(harness.settings().bucketName()).key(key).contentType("text/plain"),
          RequestBody.fromBytes(bytes));
    }
    String now = "2026-12-03T10:00:00.000Z";
    Map<String, AttributeValue> item = Map.ofEntries(
        Map.entry("PK", s("T#" + tenant.id() + "#DOC#" + id)), Map.entry("SK", s("DOC")),
        Map.entry("entity_type", s("DOCUMENT")), Map.entry("version", n(1)), Map.entry("created_at", s(now)),
        Map.entry("updated_at", s(now)), Map.entry("id", s(id)), Map.entry("title", s(title)),
        Map.entry("file_path", s(key)), Map.entry("file_name", s(fileName)), Map.entry("file_size_bytes", n(bytes.length)),
        Map.entry("mime_type", s("text/plain")), Map.entry("checksum", s(checksum)), Map.entry("current_version", n(1)),
        Map.entry("status", s("published")), Map.entry("owner_id", s(tenant.ownerId())),
        Map.entry("created_by", s(tenant.ownerId())), Map.entry("tags", AttributeValue.fromL(List.of())),
        Map.entry("metadata", s("{}")), Map.entry("grants", s("[]")));
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName()).item(item));
    return id;
  }

  private void screenshot(String name) throws IOException {
    Files.write(OUTPUT.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** Headless Chromium that saves downloads to {@code downloads} without asking, the console recorded. */
  private static ChromeDriver startBrowser(Path downloads) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(executable("CHROMIUM", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=900,700", "--disable-background-networking", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false, "safebrowsing.enabled", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(executable("CHROMEDRIVER", "/usr/bin/chromedriver"))
        .usingAnyFreePort()
        .withLogFile(OUTPUT.resolve("chromedriver.log").toFile())
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // Headless Chromium ignores the download preference unless told through DevTools.
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
        "downloadPath", downloads.toString()));
    return driver;
  }

  private static File executable(String variable, String debianPath) {
    String configured = System.getenv(variable);
    Path path = Path.of(configured == null || configured.isBlank() ? debianPath : configured);
    if (!Files.isExecutable(path)) {
      throw new AssertionError("SharePageIT needs a headless browser: no executable " + path
          + " (scripts/tools.sh browser installs Debian's chromium and chromium-driver)");
    }
    return path.toFile();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
