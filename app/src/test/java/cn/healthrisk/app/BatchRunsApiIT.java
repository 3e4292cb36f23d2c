package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.security.UserAccounts;
import cn.healthrisk.batch.nightly.NightlyRunService;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.review.Reviewer;
import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The nightly runs over REST ({@code /api/v1/batch/runs}, behind the API key) and on the {@code /runs} page. */
class BatchRunsApiIT {
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runsAreListedWithTheirCounts() throws Exception {
    LocalDate date = EndToEndRun.today();
    try (TestDatabase db = TestDatabase.create();
        ConfigurableApplicationContext ctx = TestEngine.start(db, true, Map.of())) {
      String base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
      ClaimIntakeService intake = ctx.getBean(ClaimIntakeService.class);
      intake.importPolicy(new Policy("P-RUNS", null, "MILLION_MEDICAL", new Policy.Insured("王丽", "330102199001011234",
          "F", LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 30,
          new BigDecimal("3000000.00"), new BigDecimal("0.00"), Policy.HospitalRequirement.ANY, List.of()));
      for (String id : List.of("C-RUNS-1", "C-RUNS-2")) {
        intake.importClaim(new Claim(id, "P-RUNS", Claim.ClaimType.OUTPATIENT, new Claim.Diagnosis("感冒", "J06.900"),
            new BigDecimal("100.00"), Instant.parse("2026-11-24T01:00:00Z"), List.of("r.pdf")),
            Map.of("r.pdf", ("not a pdf " + id).getBytes(StandardCharsets.UTF_8)));
      }
      NightlyRunService.RunReport run = ctx.getBean(NightlyRunService.class).run(date);

      HttpResponse<String> anonymous = get(base + "/api/v1/batch/runs", null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.body()).contains("API_KEY_MISSING");

      HttpResponse<String> ok = get(base + "/api/v1/batch/runs?limit=5", "demo-key");
      assertThat(ok.statusCode()).isEqualTo(200);
      JsonNode runs = ClaimsJson.mapper().readTree(ok.body()).path("runs");
      assertThat(runs).hasSize(1);
      JsonNode r = runs.get(0);
      assertThat(r.path("executionId").asLong()).isEqualTo(run.jobExecutionId());
      assertThat(r.path("businessDate").asText()).isEqualTo(date.toString());
      assertThat(r.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(r.path("running").asBoolean()).isFalse();
      assertThat(r.path("read").asLong()).isEqualTo(2);
      assertThat(r.path("written").asLong() + r.path("parked").asLong()).isEqualTo(2);
      assertThat(r.path("pending").asLong()).isZero();
      assertThat(r.path("startTime").asText()).isNotBlank();
      assertThat(r.path("endTime").asText()).isNotBlank();

      // The page is for people who log in, like the review queue.
      HttpResponse<String> loggedOut = get(base + "/runs", null);
      assertThat(loggedOut.statusCode()).isEqualTo(302);
      assertThat(loggedOut.headers().firstValue("Location").orElse("")).endsWith("/login");
      ctx.getBean(UserAccounts.class).create("ops-runs", "demo", Reviewer.Role.SUPERVISOR, "运维",
          "runs-password-1".toCharArray());
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).build();
      String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
      assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
      String body = "username=ops-runs&password=runs-password-1&_csrf="
          + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(302);
      assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/runs")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("data-execution-id=\"" + run.jobExecutionId() + "\"")
          .contains("data-status=\"COMPLETED\"").contains(date.toString());

      HttpResponse<String> spec = get(base + "/api/v1/openapi.yaml", null);
      assertThat(spec.body()).contains("/api/v1/batch/runs:").contains("BatchRun:");
    }
  }

  HttpResponse<String> get(String url, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
