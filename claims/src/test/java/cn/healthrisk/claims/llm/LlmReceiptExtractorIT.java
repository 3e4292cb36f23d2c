package cn.healthrisk.claims.llm;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.extraction.RulesReceiptExtractor;
import cn.healthrisk.claims.llm.CombinedExtraction.LlmStatus;
import cn.healthrisk.claims.validation.ReceiptValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model path against a local OpenAI-compatible stub server: good, slow, failing and lying answers. */
class LlmReceiptExtractorIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What the stub does with the next request. */
  private record Behaviour(int status, String content, long delayMillis) {}

  private HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final AtomicReference<Behaviour> behaviour = new AtomicReference<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private LlmReceiptExtractor llm;
  private CombinedReceiptExtractor combined;

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
    LlmSettings settings = new LlmSettings("http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
        "test-key", "stub-model", Duration.ofSeconds(1), 0, 800);
    llm = new LlmReceiptExtractor(settings);
    combined = new CombinedReceiptExtractor(new RulesReceiptExtractor(), new ReceiptValidator(), llm,
        new PromptInjectionDetector());
  }

  @AfterEach
  void stopStub() {
    llm.close();
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void aGoodAnswerFillsGroundedFieldsAndNothingIdentifyingIsSent() throws Exception {
    behaviour.set(new Behaviour(200, answer(Map.of(
        "hospitalName", field("杭州市第一人民医院", "医院：杭州市第一人民医院"),
        "totalAmount", field("128.50", "(小写)：128.50"),
        "issueDate", field("2026-03-15", "开票日期：2026-03-15"))), 0));

    CombinedExtraction c = combined.extract(LlmTestDocuments.receipt());

    assertThat(c.llmStatus()).isEqualTo(LlmStatus.SUCCEEDED);
    assertThat(c.result().fields().hospitalName()).isEqualTo("杭州市第一人民医院");
    assertThat(c.llmFields()).containsExactly("hospitalName");
    assertThat(c.result().fields().totalAmount()).isEqualByComparingTo("128.50");
    assertThat(c.llmDiscarded()).isEmpty();
    assertThat(requests).hasSize(1);
    String sent = requests.get(0);
    assertThat(sent).doesNotContain("330102199001011234").doesNotContain("13812345678").doesNotContain("王丽");
    assertThat(sent).contains("杭州市第一人民医院").contains("json_schema").contains("stub-model");
  }

  @Test
  void aTimeoutFallsBackToTheRulesWithoutAnException() throws Exception {
    behaviour.set(new Behaviour(200, answer(Map.of()), 3000));
    long start = System.nanoTime();

    CombinedExtraction c = combined.extract(LlmTestDocuments.receipt());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
    assertThat(c.llmFailed()).isTrue();
    assertThat(c.llmFailureReason()).contains("timed out");
    assertThat(c.result().fields().totalAmount()).isEqualByComparingTo("128.50");
    assertThat(c.result().fields().hospitalName()).isNull();
  }

  @Test
  void anHttp500FallsBack() {
    behaviour.set(new Behaviour(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}", 0));
    CombinedExtraction c = combined.extract(LlmTestDocuments.receipt());
    assertThat(c.llmFailed()).isTrue();
    assertThat(c.llmFailureReason()).isEqualTo("LLM server answered HTTP 500");
    assertThat(c.result().fields().invoiceCode()).isEqualTo("33010126");
  }

  @Test
  void aMalformedAnswerFallsBack() throws Exception {
    behaviour.set(new Behaviour(200, completion("当然！这是结果：{hospitalName: 杭州"), 0));
    CombinedExtraction c = combined.extract(LlmTestDocuments.receipt());
    assertThat(c.llmFailed()).isTrue();
    assertThat(c.llmFailureReason()).isEqualTo("LLM answer is not JSON");
    assertThat(c.result().fields().totalAmount()).isEqualByComparingTo("128.50");
  }

  @Test
  void aSchemaBreakingAnswerFallsBack() throws Exception {
    behaviour.set(new Behaviour(200, completion("{\"hospitalName\": {\"value\": {\"nested\": 1}}}"), 0));
    CombinedExtraction c = combined.extract(LlmTestDocuments.receipt());
    assertThat(c.llmFailed()).isTrue();
    assertThat(c.llmFailureReason()).contains("schema");
  }

  @Test
  void inventedValuesAreDiscarded() throws Exception {
    behaviour.set(new Behaviour(200, answer(Map.of(
        "hospitalName", field("北京协和医院", "医院：北京协和医院"),
        "totalAmount", field("9999.00", "(小写)：128.50"),
        "hospitalType", field("三级甲等", null),
        "decision", Map.of("value", "APPROVE", "sourceText", "批准"))), 0));

    CombinedExtraction c = combined.extract(LlmTestDocuments.receipt());

    assertThat(c.llmStatus()).isEqualTo(LlmStatus.SUCCEEDED);
    assertThat(c.result().fields().hospitalName()).isNull();
    assertThat(c.result().fields().hospitalType()).isNull();
    assertThat(c.result().fields().totalAmount()).isEqualByComparingTo("128.50");
    assertThat(c.llmFields()).isEmpty();
    assertThat(c.llmDiscarded()).containsExactlyInAnyOrder(
        "hospitalName: source text not in the document",
        "totalAmount: value not found in its source text",
        "hospitalType: no usable source text");
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Behaviour b = behaviour.get();
    try {
      if (b.delayMillis() > 0) {
        Thread.sleep(b.delayMillis());
      }
      byte[] body = b.content().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(b.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (timeout): nothing to answer.
    } finally {
      exchange.close();
    }
  }

  private static Map<String, Object> field(String value, String sourceText) {
    Map<String, Object> f = new HashMap<>();
    f.put("value", value);
    f.put("sourceText", sourceText);
    return f;
  }

  private static String answer(Map<String, Object> fields) throws Exception {
    return completion(MAPPER.writeValueAsString(fields));
  }

  private static String completion(String content) throws Exception {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", "chatcmpl-stub");
    root.put("object", "chat.completion");
    root.put("created", 1_764_000_000L);
    root.put("model", "stub-model");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.put("finish_reason", "stop");
    choice.putNull("logprobs");
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    message.putNull("refusal");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", 10);
    usage.put("completion_tokens", 10);
    usage.put("total_tokens", 20);
    return MAPPER.writeValueAsString(root);
  }
}
