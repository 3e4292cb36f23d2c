package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly run with an LLM endpoint that misbehaves in every way it can: HTTP 500, a timeout,
 * malformed content, and an answer that invents values. The run completes and every receipt keeps
 * the rules extractor's grounded reading.
 */
class NightlyWithFailingLlmIT {

  @Test
  void misbehavingLlmNeverBreaksTheRunOrItsValues(@TempDir Path work) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/v1/chat/completions", exchange -> {
      int n = calls.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      try {
        switch (n % 4) {
          case 1 -> {
            exchange.sendResponseHeaders(500, -1);
            return;
          }
          case 2 -> Thread.sleep(3_000);
          default -> { }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String content = n % 4 == 3 ? "this is not json {" 
          : "{\\\"totalAmount\\\": {\\\"value\\\": \\\"99999.99\\\", \\\"sourceText\\\": \\\"合计 99999.99\\\"}}";
      byte[] body = ("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub\",\"choices\":[{\"index\":0,"
          + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"}}],"
          + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    stub.start();
    try (TestDatabase db = TestDatabase.create();
        ConfigurableApplicationContext ctx = TestEngine.start(db, false, Map.of(
            "ENGINE_LLM_BASE_URL", "http://127.0.0.1:" + stub.getAddress().getPort() + "/v1",
            "ENGINE_LLM_API_KEY", "test", "ENGINE_LLM_MODEL", "stub",
            "ENGINE_LLM_TIMEOUT_SECONDS", "1", "ENGINE_LLM_MAX_RETRIES", "0"))) {
      Map<String, JsonNode> results = EndToEndRun.run(ctx, work);

      assertThat(calls.get()).as("the LLM endpoint was called").isGreaterThanOrEqualTo(3);
      JsonNode truth = EndToEndRun.groundTruth("receipt-a-001.json").path("fields");
      for (String id : new String[] {"C-DEMO-0001", "C-DEMO-0005"}) {
        JsonNode fields = results.get(id).path("receipts").get(0).path("fields");
        assertThat(fields.path("totalAmount").asText()).as(id).isEqualTo(truth.path("totalAmount").asText());
        assertThat(fields.path("invoiceNumber").asText()).as(id).isEqualTo(truth.path("invoiceNumber").asText());
      }
      assertThat(results.values()).allSatisfy(r ->
          assertThat(r.path("receipts").toString()).doesNotContain("99999.99"));
    } finally {
      stub.stop(0);
    }
  }
}
