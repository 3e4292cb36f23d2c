package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.sql.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Opens the adjuster queue in Debian's headless Chromium and sees the flagged claims of the demo intake. */
class AdjusterQueueBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  @Test
  void adjusterSeesFlaggedClaimsInTheQueue(@TempDir Path work) throws Exception {
    TestEngine.requireOrSkip(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium and chromedriver (apt: chromium chromium-driver)");
    try (TestDatabase db = TestDatabase.create();
        ConfigurableApplicationContext ctx = TestEngine.start(db, true, Map.of())) {
      EndToEndRun.run(ctx, work);
      int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
      WebDriver browser = chromium();
      try {
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.get("http://127.0.0.1:" + port + "/queue");
        assertThat(browser.getTitle()).isEqualTo("理赔审核队列");
        WebElement row = browser.findElement(By.cssSelector("tr[data-claim-id='C-DEMO-0006']"));
        assertThat(row.getText()).contains("待审核").contains("单据无法读取");
        assertThat(row.findElements(By.cssSelector("[data-flag='UNREADABLE_DOCUMENT']"))).hasSize(3);
        Files.write(Path.of("target", "queue.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.linkText("C-DEMO-0003")).click();
        WebElement flags = browser.findElement(By.id("flags"));
        assertThat(flags.getText()).contains("除外责任").contains("甲状腺");
        assertThat(browser.findElements(By.cssSelector(".receipt img"))).hasSize(1);
        Files.write(Path.of("target", "claim.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      } finally {
        browser.quit();
      }
    }
  }
}
