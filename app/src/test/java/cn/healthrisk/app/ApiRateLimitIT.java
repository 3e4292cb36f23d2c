package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.security.ApiKeys;
import cn.healthrisk.sql.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A client over its configured rate gets 429 with Retry-After; other clients are not affected. */
class ApiRateLimitIT {
  static TestDatabase db;
  static ConfigurableApplicationContext ctx;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    // One token every 20 s: the test cannot be refilled while it runs.
    ctx = TestEngine.start(db, true, Map.of("engine.api.rate-limit.per-second", 0.05,
        "engine.api.rate-limit.burst", 3));
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    ctx.close();
    db.close();
  }

  static HttpResponse<String> get(String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/underwriting/decisions/A-1"))
        .header("X-Api-Key", key).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void overTheBurstA429SaysWhenToRetry() throws Exception {
    String key = ctx.getBean(ApiKeys.class).create("busy-insurer", null).key();
    for (int i = 0; i < 3; i++) {
      assertThat(get(key).statusCode()).isEqualTo(404);
    }
    HttpResponse<String> limited = get(key);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("\"error\":\"RATE_LIMITED\"");
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 20L);
    assertThat(get("demo-key").statusCode()).as("another client has its own bucket").isEqualTo(404);
  }
}
