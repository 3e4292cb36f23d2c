package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.security.UserAccounts;
import cn.healthrisk.claims.review.Reviewer;
import cn.healthrisk.sql.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Walks the adjusters' queue in Debian's headless Chromium on the demo intake after a real nightly run: log in,
 * filter the list, open a claim and see the receipt with the source of its fields outlined, correct a field, ask
 * for more information, and approve a claim above the four-eyes amount as adjuster and then as supervisor.
 * Screenshots are saved under {@code target/browser/} and checked the way a person would look at them.
 */
class AdjusterQueueBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "browser");
  static final String ADJUSTER_PASSWORD = "adjuster1-test";
  static final String SUPERVISOR_PASSWORD = "supervisor1-test";

  static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--force-device-scale-factor=1", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  @Test
  void adjusterAndSupervisorWorkTheQueue(@TempDir Path work) throws Exception {
    TestEngine.requireOrSkip(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium and chromedriver (apt: chromium chromium-driver)");
    Files.createDirectories(SHOTS);
    // A low four-eyes amount, so that a demo claim (1500.00) needs a supervisor.
    try (TestDatabase db = TestDatabase.create();
        ConfigurableApplicationContext ctx = TestEngine.start(db, true,
            Map.of("ENGINE_REVIEW_FOUR_EYES_AMOUNT", "1000.00"))) {
      EndToEndRun.run(ctx, work);
      UserAccounts users = ctx.getBean(UserAccounts.class);
      users.create("adjuster1", "demo", Reviewer.Role.ADJUSTER, "演示理赔员", ADJUSTER_PASSWORD.toCharArray());
      users.create("supervisor1", "demo", Reviewer.Role.SUPERVISOR, "演示主管", SUPERVISOR_PASSWORD.toCharArray());
      String base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
      WebDriver browser = chromium();
      try {
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.get(base + "/queue");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        shot(browser, "01-login.png");
        logIn(browser, "adjuster1", "wrong-password");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
        logIn(browser, "adjuster1", ADJUSTER_PASSWORD);

        // The queue, then filtered by a flag.
        assertThat(browser.getTitle()).isEqualTo("理赔审核队列");
        assertThat(browser.findElement(By.id("current-user")).getText()).contains("演示理赔员").contains("理赔员");
        WebElement row = browser.findElement(By.cssSelector("tr[data-claim-id='C-DEMO-0006']"));
        assertThat(row.getText()).contains("待审核").contains("单据无法读取");
        assertThat(row.findElements(By.cssSelector("[data-flag='UNREADABLE_DOCUMENT']"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#claims tbody tr[data-claim-id]"))).hasSize(6);
        shot(browser, "02-queue.png");
        new Select(browser.findElement(By.id("flag"))).selectByValue("EXCLUDED_CONDITION");
        navigate(browser, browser.findElement(By.id("filter-submit")));
        List<WebElement> filtered = browser.findElements(By.cssSelector("#claims tbody tr[data-claim-id]"));
        assertThat(filtered).extracting(e -> e.getAttribute("data-claim-id")).containsExactly("C-DEMO-0003");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("1");
        shot(browser, "03-queue-filtered.png");

        // The claim: flags, the receipt image with its fields' sources outlined, the policy's exclusion.
        navigate(browser, browser.findElement(By.linkText("C-DEMO-0003")));
        assertThat(browser.findElement(By.id("flags")).getText()).contains("除外责任").contains("甲状腺");
        assertThat(browser.findElement(By.id("exclusions")).getText()).contains("甲状腺");
        assertThat(browser.findElement(By.id("waiting-period")).getText()).isEqualTo("30 天");
        WebElement image = browser.findElement(By.cssSelector(".receipt img.page"));
        assertThat(((Number) js(browser, "return arguments[0].naturalWidth", image)).intValue()).isPositive();
        List<WebElement> boxes = browser.findElements(By.cssSelector(".receipt .hl"));
        assertThat(boxes).as("fields whose source was found on the receipt").hasSizeGreaterThanOrEqualTo(3);
        WebElement box = boxes.get(0);
        js(browser, "arguments[0].scrollIntoView({block: 'center'})", box);
        BufferedImage screen = shot(browser, "04-claim-receipt.png");
        double[] img = rect(browser, image);
        double[] hl = rect(browser, box);
        assertThat(img[2]).as("receipt image width").isGreaterThan(300);
        assertThat(hl[0]).isBetween(img[0], img[0] + img[2]);
        assertThat(hl[1]).isBetween(img[1], img[1] + img[3]);
        assertThat(hl[0] + hl[2]).isLessThanOrEqualTo(img[0] + img[2] + 1);
        assertThat(hl[2]).isPositive();
        assertThat(hl[3]).isPositive();
        assertThat(isOrange(screen.getRGB((int) hl[0] + 1, (int) (hl[1] + hl[3] / 2))))
            .as("the outline is drawn on the left edge of the box").isTrue();
        assertThat(isOrange(screen.getRGB((int) (hl[0] + hl[2] / 2), (int) hl[1] + 1)))
            .as("and on its top edge").isTrue();
        assertThat(darkShare(screen, img)).as("share of dark (printed) pixels in the visible receipt image")
            .isBetween(0.003, 0.6);

        // Correct a field: the new value is shown, with the old one in the corrections.
        WebElement receipt = browser.findElement(By.cssSelector(".receipt"));
        String oldType = receipt.findElement(By.cssSelector("tr[data-field='hospitalType'] .value")).getText();
        String newType = "综合医院".equals(oldType) ? "专科医院" : "综合医院";
        WebElement form = receipt.findElement(By.cssSelector(".correct-form"));
        new Select(form.findElement(By.name("field"))).selectByValue("hospitalType");
        form.findElement(By.name("value")).sendKeys(newType);
        form.findElement(By.name("reason")).sendKeys("票面印章显示医疗机构类型为" + newType);
        navigate(browser, form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.id("message")).getText()).contains("已更正");
        assertThat(browser.findElement(By.cssSelector(".receipt tr[data-field='hospitalType'] .value")).getText())
            .isEqualTo(newType);
        assertThat(browser.findElement(By.id("corrections")).getText()).contains(newType).contains("adjuster1");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("更正字段");
        shot(browser, "05-corrected.png");

        // Add a charge item the reading missed: it joins the items, and the correction names it.
        WebElement itemForm = browser.findElement(By.cssSelector(".receipt .item-correct"));
        new Select(itemForm.findElement(By.name("field"))).selectByValue("items[+]");
        itemForm.findElement(By.name("value")).sendKeys("诊查费 1.23");
        itemForm.findElement(By.name("reason")).sendKeys("原件有诊查费1.23元，漏识别");
        navigate(browser, itemForm.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.id("message")).getText()).contains("已更正");
        assertThat(browser.findElements(By.cssSelector(".receipt .items .item"))).extracting(WebElement::getText)
            .anySatisfy(t -> assertThat(t).contains("诊查费").contains("1.23"));
        assertThat(browser.findElement(By.id("corrections")).getText()).contains("新增收费项目").contains("诊查费 1.23");

        // Ask for more information on another claim.
        browser.get(base + "/queue/C-DEMO-0002");
        WebElement info = browser.findElement(By.id("request-info-form"));
        info.findElement(By.name("reason")).sendKeys("请补充门诊病历");
        navigate(browser, info.findElement(By.id("request-info")));
        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("待补充材料");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("要求补充材料").contains("请补充门诊病历");
        shot(browser, "06-more-info.png");

        // Above the four-eyes amount the adjuster's approval waits for a supervisor.
        browser.get(base + "/queue/C-DEMO-0004");
        approve(browser, "票据与病历一致");
        assertThat(browser.findElement(By.id("message")).getText()).contains("等待另一位主管确认");
        assertThat(browser.findElement(By.id("pending-badge")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("claim-status")).getText()).isNotEqualTo("已通过");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("提交通过申请");
        // The adjuster cannot confirm their own proposal: no approve button, a note instead.
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        assertThat(browser.findElement(By.id("waiting-supervisor")).getText()).contains("adjuster1");
        shot(browser, "07-proposed.png");
        navigate(browser, browser.findElement(By.cssSelector("header form button")));
        assertThat(browser.getCurrentUrl()).contains("/login");

        logIn(browser, "supervisor1", SUPERVISOR_PASSWORD);
        browser.get(base + "/queue?status=PENDING_SUPERVISOR");
        assertThat(browser.findElements(By.cssSelector("#claims tbody tr[data-claim-id]")))
            .extracting(e -> e.getAttribute("data-claim-id")).containsExactly("C-DEMO-0004");
        navigate(browser, browser.findElement(By.linkText("C-DEMO-0004")));
        assertThat(browser.findElement(By.id("approve")).getText()).contains("确认通过");
        approve(browser, "复核无误");
        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("已通过");
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("adjuster1").contains("supervisor1").contains("主管确认通过");
        assertThat(browser.findElements(By.id("actions"))).isEmpty();
        shot(browser, "08-approved.png");
      } finally {
        browser.quit();
      }
    }
  }

  static void logIn(WebDriver browser, String user, String password) {
    browser.findElement(By.id("username")).clear();
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    navigate(browser, browser.findElement(By.id("login-submit")));
  }

  static void approve(WebDriver browser, String reason) {
    WebElement form = browser.findElement(By.id("approve-form"));
    form.findElement(By.name("reason")).sendKeys(reason);
    navigate(browser, form.findElement(By.id("approve")));
  }

  /** Clicks something that loads another page, and waits until that page has replaced this one. */
  static void navigate(WebDriver browser, WebElement target) {
    WebElement page = browser.findElement(By.tagName("html"));
    target.click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  static Object js(WebDriver browser, String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** The element's box in the viewport (what the screenshot shows): left, top, width, height. */
  @SuppressWarnings("unchecked")
  static double[] rect(WebDriver browser, WebElement e) {
    List<Number> r = (List<Number>) js(browser,
        "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", e);
    return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue(), r.get(3).doubleValue()};
  }

  static BufferedImage shot(WebDriver browser, String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name), png);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /** The outline colour of a source box (#e8590c), allowing for anti-aliasing. */
  static boolean isOrange(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return r > 190 && g > 50 && g < 140 && b < 80;
  }

  /** Share of dark pixels in the visible part of the image's box: a blank or missing image has none. */
  static double darkShare(BufferedImage screen, double[] box) {
    int x0 = (int) Math.max(0, box[0]);
    int y0 = (int) Math.max(0, box[1]);
    int x1 = (int) Math.min(screen.getWidth(), box[0] + box[2]);
    int y1 = (int) Math.min(screen.getHeight(), box[1] + box[3]);
    long dark = 0;
    long all = 0;
    for (int y = y0; y < y1; y += 2) {
      for (int x = x0; x < x1; x += 2) {
        int rgb = screen.getRGB(x, y);
        int lum = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
        if (lum < 100) {
          dark++;
        }
        all++;
      }
    }
    return all == 0 ? 0 : (double) dark / all;
  }
}
