package io.ztpd.app.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.ztpd.app.server.TestServers;
import io.ztpd.app.server.ZtpdServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * Board tests in Debian's Chromium (/usr/bin/chromium) driven by Playwright: one browser per test
 * class, a fresh ztpd (SQLite, ephemeral ports) and a fresh browser context per test. Without
 * Chromium the tests are skipped with the reason printed; under {@code CI=true} (which installs it)
 * they fail instead. A page error (an exception in the board's scripts) fails the test.
 */
abstract class BrowserTestBase {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String SITE =
      "{\"name\":\"dc1\",\"subnet\":\"192.0.2.0/24\",\"relays\":[\"192.0.2.1\"]}";

  private static Playwright playwright;
  static Browser browser;

  @TempDir Path dir;
  ZtpdServer server;
  String base;
  BrowserContext context;
  Page page;
  final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();
  private String testName;

  /**
   * A failing test prints the server's latest events before the server stops: whether the board
   * missed an event or the server never recorded it is then plain from the CI log.
   */
  @RegisterExtension
  final TestExecutionExceptionHandler printEventsOnFailure =
      (context, failure) -> {
        try {
          System.out.println(
              "events on the server when "
                  + testName
                  + " failed:\n"
                  + get("/api/v1/events?limit=100").body());
        } catch (Exception e) {
          failure.addSuppressed(e);
        }
        throw failure;
      };

  @BeforeAll
  static void launchBrowser() {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = CHROMIUM + " is missing (apt-get install chromium): browser tests skipped";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true requires Chromium: " + why);
      System.out.println("SKIPPED: " + why);
      Assumptions.abort(why);
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM));
    // a shared 2-core machine: generous, and never a fixed sleep
    PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
  }

  /**
   * Extra ztpd.yaml lines for this class's server. By default no automatic serial check: these
   * devices have no SSH server, and ztpd would keep knocking at 127.0.0.1:22.
   */
  String extraConfig() {
    return "verify: { serial_check: manual }";
  }

  /** User and password the tests' own API calls use (null: none, ztpd runs open). */
  String[] apiLogin() {
    return null;
  }

  /** The browser context: a large viewport; subclasses add credentials. */
  Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions().setViewportSize(1600, 1000);
  }

  /** Called with the templates written, before the server starts (more templates, files). */
  void prepare(Path dir) throws IOException {}

  /** The ztpd under test: by default the test config with {@link #extraConfig}. */
  ZtpdServer startServer(Path dir) throws Exception {
    Path cfg = TestServers.writeConfig(dir, TestServers.freeTcpPort(), 0, extraConfig());
    prepare(dir);
    return TestServers.start(cfg);
  }

  @BeforeEach
  void startServerAndPage(TestInfo info) throws Exception {
    testName = getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName();
    server = startServer(dir);
    base = "http://127.0.0.1:" + server.httpPort();
    assertThat(send("PUT", "/api/v1/sites/dc1", SITE).statusCode()).isEqualTo(200);
    context = browser.newContext(contextOptions());
    context.setDefaultTimeout(60_000);
    page = context.newPage();
    page.onPageError(e -> pageErrors.add(e));
  }

  @AfterEach
  void closePageAndServer() {
    try {
      if (page != null) screenshot("end");
    } finally {
      if (context != null) context.close();
      if (server != null) server.close();
    }
    assertThat(pageErrors).as("errors thrown by the board's scripts").isEmpty();
  }

  /** Saves target/screenshots/Class-test-name.png for review. */
  void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(testName + "-" + name + ".png"))
            .setFullPage(true));
  }

  void open(String hash) {
    page.navigate(base + "/" + hash);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    String[] login = apiLogin();
    if (login != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((login[0] + ":" + login[1]).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        request(path)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Imports devices leaf-001 … leaf-NNN (juniper, site dc1) through the CSV import API. */
  void importLeaves(int n) throws Exception {
    for (int from = 1; from <= n; from += 1000) { // the test server takes 64 KiB bodies
      StringBuilder csv = new StringBuilder("id,hostname,serial,mac,vendor,site\n");
      for (int i = from; i <= Math.min(n, from + 999); i++) {
        csv.append(
            String.format(
                "leaf-%03d,leaf-%03d.dc1,JN%04d,00:1c:73:00:%02x:%02x,juniper,dc1%n",
                i, i, i, i / 256, i % 256));
      }
      var r = send("POST", "/api/v1/inventory?format=csv&name=fleet.csv", csv.toString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  /** The device fetches its minimal configuration over HTTP, as a booting switch does. */
  void fetchConfig(String serial) throws Exception {
    var r = get("/ztp/config?serial=" + serial);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
