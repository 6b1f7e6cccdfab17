package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * licence_report.html in a real headless Chromium (Debian's chromium and chromium-driver, which
 * scripts/test.sh installs): no console error, the totals it shows are licence_position's, one bar
 * per account, the same numbers with JavaScript off, and the script sorts.
 */
class LicenceReportPageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path out;

  @BeforeAll
  static void collectWithReport() throws Exception {
    assertThat(CHROMIUM)
        .as("Chromium is missing: scripts/test.sh installs chromium and chromium-driver")
        .exists();
    assertThat(DRIVER).as("chromedriver is missing: scripts/test.sh installs it").exists();
    SimConfig estate =
        new SimConfig()
            .accounts(3)
            .instances(150)
            .hostsPerTarget(1)
            .nodesPerTarget(60)
            .applicationsPerNode(2)
            .dbPerTarget(14)
            // one account's region cannot be read: the page lists it first
            .deniedApis("DescribeDBInstances");
    try (AwsSimulator sim = AwsSimulator.start(estate)) {
      CliRun run =
          SimulatedCollectTest.collect(
              sim,
              out,
              "--resources",
              "instances,db-instances,hosts,managed-nodes,applications",
              "--max-rate",
              "0",
              "--report");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    }
  }

  private static WebDriver chromium(boolean javascript) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  private static String page() {
    return out.resolve("licence_report.html").toUri().toString();
  }

  @Test
  void thePage_showsThePositionsTotals_oneBarPerAccount_withoutConsoleErrors() throws Exception {
    WebDriver driver = chromium(true);
    try {
      driver.get(page());

      assertThat(driver.getTitle()).contains("Licence position");
      List<String> errors = new ArrayList<>();
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
          errors.add(entry.getMessage());
        }
      }
      assertThat(errors).as("console errors").isEmpty();
      assertThat(shownTotals(driver)).isEqualTo(positionTotals()).isNotEmpty();
      assertThat(driver.findElements(By.cssSelector("#accounts-chart .bar-row")))
          .extracting(e -> e.getAttribute("data-account"))
          .containsExactlyElementsOf(positionAccounts());
      // the targets not read whole come first
      assertThat(driver.findElement(By.id("not-covered")).getText()).contains("denied");

      // the script sorts: units required, highest first
      driver.findElement(By.cssSelector("#totals th:nth-child(4)")).click();
      List<Long> units = new ArrayList<>();
      for (WebElement cell : driver.findElements(By.cssSelector("#totals td.units"))) {
        units.add(Long.parseLong(cell.getText()));
      }
      assertThat(units).isSortedAccordingTo((a, b) -> Long.compare(b, a)).hasSizeGreaterThan(1);
    } finally {
      driver.quit();
    }
  }

  @Test
  void withJavaScriptOff_theNumbersAreAllThere() throws Exception {
    WebDriver driver = chromium(false);
    try {
      driver.get(page());

      assertThat(shownTotals(driver)).isEqualTo(positionTotals());
      assertThat(driver.findElements(By.cssSelector("#accounts-chart .bar-row")))
          .hasSize(positionAccounts().size());
      assertThat(driver.findElements(By.cssSelector("#rows tbody tr"))).isNotEmpty();
    } finally {
      driver.quit();
    }
  }

  /** Product | edition | metric -> units required, as the page's totals table shows them. */
  private static Map<String, Long> shownTotals(WebDriver driver) {
    Map<String, Long> shown = new TreeMap<>();
    for (WebElement row : driver.findElements(By.cssSelector("#totals tbody tr"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      shown.put(
          cells.get(0).getText() + "|" + cells.get(1).getText() + "|" + cells.get(2).getText(),
          Long.parseLong(cells.get(3).getText()));
    }
    return shown;
  }

  private static Map<String, Long> positionTotals() throws Exception {
    Map<String, Long> totals = new TreeMap<>();
    for (JsonNode row : position()) {
      if (row.get("Scope").asText().equals("total")) {
        totals.put(
            row.get("Product").asText()
                + "|"
                + row.get("Edition").asText()
                + "|"
                + row.get("Metric").asText(),
            row.get("UnitsRequired").asLong());
      }
    }
    return totals;
  }

  private static List<String> positionAccounts() throws Exception {
    TreeSet<String> accounts = new TreeSet<>();
    for (JsonNode row : position()) {
      if (row.has("AccountId")) {
        accounts.add(row.get("AccountId").asText());
      }
    }
    return new ArrayList<>(accounts);
  }

  private static List<JsonNode> position() throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("licence_position.jsonl"))) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }
}
