package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.security.ApiKeys;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.healthrisk.app.reports.CheckupReports;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The underwriting API as an insurer meets it: keys, isolation, validation, limits, idempotency, OpenAPI. */
class UnderwritingApiIT {
  static final int MAX_BODY = 64 * 1024;
  static final int MAX_DOCUMENT = 300_000;
  static final int MAX_UPLOAD = 1_000_000;
  static TestDatabase db;
  static ConfigurableApplicationContext ctx;
  static String base;
  static ApiKeys apiKeys;
  static String keyA;
  static String keyB;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = UnderwritingJson.mapper();

  static final String APPLICATION = """
      {"applicationId": "%s", "applicationDate": "2026-11-20",
       "applicant": {"age": 35, "sex": "F", "heightCm": 162, "weightKg": 58, "smoker": false},
       "productLines": ["CRITICAL_ILLNESS", "MILLION_MEDICAL"],
       "disclosures": [{"text": "高血压两年，吃药控制在130/85左右"}]}""";

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    ctx = TestEngine.start(db, true, Map.of("engine.api.max-body-bytes", MAX_BODY,
        "ENGINE_DOC_MAX_BYTES", MAX_DOCUMENT), Map.of("spring.servlet.multipart.max-request-size", MAX_UPLOAD));
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    apiKeys = ctx.getBean(ApiKeys.class);
    keyA = apiKeys.create("insurer-a", "甲保险公司").key();
    keyB = apiKeys.create("insurer-b", "乙保险公司").key();
  }

  @AfterAll
  static void stop() {
    ctx.close();
    db.close();
  }

  static String application(String id) {
    return APPLICATION.formatted(id);
  }

  static HttpResponse<String> post(String body, String key, String idempotencyKey) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/underwriting/decisions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b, key);
  }

  static HttpResponse<String> get(String applicationId, String key) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/underwriting/decisions/" + applicationId)), key);
  }

  static HttpResponse<String> send(HttpRequest.Builder b, String key) throws Exception {
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  static int rows(String clientId, String idempotencyKey) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT COUNT(*) FROM uw_decision WHERE client_id = ? AND idempotency_key = ?")) {
      s.setString(1, clientId);
      s.setString(2, idempotencyKey);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  void missingWrongAndRevokedKeysAreRefusedAndRotationKeepsBothKeysUntilRevoke() throws Exception {
    HttpResponse<String> none = get("A-NONE", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(body(none).path("error").asText()).isEqualTo("API_KEY_MISSING");
    for (String wrong : List.of("not-a-key", "uwk_0123456789abcdef_nope", "uwk_", keyA + "x",
        keyA.substring(0, keyA.length() - 1))) {
      HttpResponse<String> r = get("A-NONE", wrong);
      assertThat(r.statusCode()).as(wrong).isEqualTo(401);
      assertThat(body(r).path("error").asText()).isEqualTo("API_KEY_INVALID");
    }
    assertThat(get("A-NONE", "demo-key").statusCode()).as("bootstrap key from configuration").isEqualTo(404);

    ApiKeys.IssuedKey first = apiKeys.create("insurer-rot", null);
    ApiKeys.IssuedKey second = apiKeys.rotate("insurer-rot");
    assertThat(second.key()).isNotEqualTo(first.key());
    assertThat(post(application("A-ROT-1"), first.key(), null).statusCode()).isEqualTo(200);
    assertThat(get("A-ROT-1", second.key()).statusCode()).as("the new key sees the same client's decisions")
        .isEqualTo(200);
    apiKeys.revoke(first.keyId());
    HttpResponse<String> revoked = get("A-ROT-1", first.key());
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(body(revoked).path("error").asText()).isEqualTo("API_KEY_INVALID");
    assertThat(get("A-ROT-1", second.key()).statusCode()).isEqualTo(200);
  }

  @Test
  void anInsurerSeesOnlyItsOwnDecisionsAndOthersGetTheSame404AsForUnknownIds() throws Exception {
    HttpResponse<String> created = post(application("A-ISO-1"), keyA, null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(get("A-ISO-1", keyA).statusCode()).isEqualTo(200);

    HttpResponse<String> other = get("A-ISO-1", keyB);
    HttpResponse<String> unknown = get("A-ISO-UNKNOWN", keyB);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(body(other).path("error").asText()).isEqualTo("NOT_FOUND");
    assertThat(body(other).path("message").asText())
        .isEqualTo(body(unknown).path("message").asText().replace("A-ISO-UNKNOWN", "A-ISO-1"));

    // The same application id from another insurer is that insurer's own record.
    assertThat(post(application("A-ISO-1"), keyB, null).statusCode()).isEqualTo(200);
    assertThat(get("A-ISO-1", keyB).statusCode()).isEqualTo(200);
  }

  @Test
  void badBodiesNameEveryOffendingField() throws Exception {
    String ok = application("A-BAD-1");
    Map<String, Set<String>> cases = Map.of(
        "{\"applicationId\": \"A-BAD-1\", ", Set.of("$"),
        "", Set.of("$"),
        ok.replace("\"age\": 35", "\"age\": \"thirty\""), Set.of("applicant.age"),
        ok.replace("\"CRITICAL_ILLNESS\", ", "\"CRITICAL_ILLNESS\", \"PET_INSURANCE\", "), Set.of("productLines[1]"),
        ok.replace("\"productLines\"", "\"productLine\""), Set.of("productLine"),
        ok.replace("\"applicationId\": \"A-BAD-1\", ", ""), Set.of("applicationId"),
        ok.replace("\"age\": 35, \"sex\": \"F\", \"heightCm\": 162, \"weightKg\": 58",
            "\"age\": 121, \"sex\": \"X\", \"heightCm\": 20, \"weightKg\": 401"),
        Set.of("applicant.age", "applicant.sex", "applicant.heightCm", "applicant.weightKg"),
        ok.replace("\"applicant\": {\"age\": 35, \"sex\": \"F\", \"heightCm\": 162, \"weightKg\": 58, \"smoker\": false},",
            "").replace("[\"CRITICAL_ILLNESS\", \"MILLION_MEDICAL\"]", "[]"),
        Set.of("applicant", "productLines"),
        ok.replace("[{\"text\": \"高血压两年，吃药控制在130/85左右\"}]",
            IntStream.range(0, 101).mapToObj(i -> "{\"text\": \"胆结石\"}").collect(Collectors.joining(",", "[", "]"))),
        Set.of("disclosures"),
        ok.replace("{\"text\": \"高血压两年，吃药控制在130/85左右\"}", "{\"icd10\": \"hypertension\", \"diagnosedOn\": \"2019-13\"}"),
        Set.of("disclosures[0].icd10", "disclosures[0].diagnosedOn"));
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = post(c.getKey(), keyA, null);
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      JsonNode b = body(r);
      assertThat(b.path("error").asText()).isEqualTo("VALIDATION_FAILED");
      Set<String> paths = new TreeSet<>();
      b.path("fieldErrors").forEach(f -> paths.add(f.path("path").asText()));
      assertThat(paths).as(c.getKey()).isEqualTo(new TreeSet<>(c.getValue()));
    }
  }

  @Test
  void oversizedBodiesGet413WhetherDeclaredOrStreamed() throws Exception {
    String big = application("A-BIG-1").replace("高血压两年", "x".repeat(MAX_BODY));
    HttpResponse<String> declared = post(big, keyA, null);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(body(declared).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

    byte[] bytes = ("{\"applicationId\": \"A-BIG-2\", \"documents\": [\"" + "y".repeat(MAX_BODY) + "\"]}")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/underwriting/decisions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))), keyA);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(body(chunked).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

    HttpResponse<String> smallChunked = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/underwriting/decisions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(application("A-CHUNK-1").getBytes(StandardCharsets.UTF_8)))), keyA);
    assertThat(smallChunked.statusCode()).as(smallChunked.body()).isEqualTo(200);
  }

  @Test
  void retriesWithTheSameKeyGetTheSameDecisionAndOneRowAndADifferentBodyIsRefused() throws Exception {
    HttpResponse<String> first = post(application("A-IDEM-1"), keyA, "idem-1");
    HttpResponse<String> again = post(application("A-IDEM-1"), keyA, "idem-1");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(body(again)).isEqualTo(body(first));
    assertThat(rows("insurer-a", "idem-1")).isEqualTo(1);

    HttpResponse<String> reused = post(application("A-IDEM-OTHER"), keyA, "idem-1");
    assertThat(reused.statusCode()).isEqualTo(409);
    assertThat(body(reused).path("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(rows("insurer-a", "idem-1")).isEqualTo(1);

    // Keys are per insurer: another insurer may use the same one.
    assertThat(post(application("A-IDEM-OTHER"), keyB, "idem-1").statusCode()).isEqualTo(200);
  }

  @Test
  void concurrentRetriesStoreOneRecordAndAnswerAlike() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String key = "race-" + round;
        String app = application("A-RACE-" + round);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          calls.add(pool.submit(() -> {
            go.await();
            return post(app, keyA, key);
          }));
        }
        go.countDown();
        HttpResponse<String> one = calls.get(0).get();
        HttpResponse<String> two = calls.get(1).get();
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(two.statusCode()).as(two.body()).isEqualTo(200);
        assertThat(body(two)).isEqualTo(body(one));
        assertThat(rows("insurer-a", key)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One part of a multipart request; {@code filename} null for a plain form field. */
  record Part(String name, String filename, String contentType, byte[] content) {
    static Part file(String name, byte[] content) {
      return new Part(name, name, "application/octet-stream", content);
    }

    static Part application(String json) {
      return new Part("application", "application.json", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  static HttpResponse<String> postMultipart(List<Part> parts, String key, String idempotencyKey) throws Exception {
    String boundary = "----engine-test-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part p : parts) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
          + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\nContent-Type: "
          + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(p.content());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/underwriting/decisions"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b, key);
  }

  static String withDocuments(String id, String... documents) {
    return application(id).replace("\"disclosures\"", "\"documents\": " + Arrays.stream(documents)
        .map(d -> "\"" + d + "\"").collect(Collectors.joining(", ", "[", "]")) + ", \"disclosures\"");
  }

  static int decisions(String clientId, String applicationId) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT COUNT(*) FROM uw_decision WHERE client_id = ? AND application_id = ?")) {
      s.setString(1, clientId);
      s.setString(2, applicationId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  void aCheckupReportUploadedWithTheApplicationIsReadAndARetryComparesItsHash() throws Exception {
    Assumptions.assumeTrue(CheckupReports.fontsAvailable() || TestEngine.ci(), "CJK fonts not installed");
    CheckupReports.Spec spec = CheckupReports.typical(LocalDate.of(2026, 9, 30));
    byte[] pdf = CheckupReports.pdf(spec);
    String app = withDocuments("A-DOC-1", "checkup-report.pdf");

    HttpResponse<String> first = postMultipart(List.of(Part.application(app), Part.file("checkup-report.pdf", pdf)),
        keyA, "doc-1");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode decision = body(first);
    assertThat(decision.get("findings").findValuesAsText("concept")).contains("高血压", "肝功能异常", "甲状腺结节");
    assertThat(decision.get("findings").findValuesAsText("evidence"))
        .contains("谷丙转氨酶(ALT) 96 U/L〔checkup-report.pdf〕");
    HttpResponse<String> again = postMultipart(List.of(Part.application(app), Part.file("checkup-report.pdf", pdf)),
        keyA, "doc-1");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(rows("insurer-a", "doc-1")).isEqualTo(1);
    assertThat(get("A-DOC-1", keyA).body()).isEqualTo(first.body());

    byte[] other = CheckupReports.pdf(new CheckupReports.Spec(spec.hospital(), spec.name(), spec.sex(), spec.age(),
        spec.date().plusDays(1), spec.sections()));
    HttpResponse<String> changed = postMultipart(List.of(Part.application(app), Part.file("checkup-report.pdf", other)),
        keyA, "doc-1");
    assertThat(changed.statusCode()).isEqualTo(409);
    assertThat(body(changed).path("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(rows("insurer-a", "doc-1")).isEqualTo(1);
  }

  @Test
  void badUploadsGetAnErrorNamingThePartOrDocumentAndStoreNothing() throws Exception {
    byte[] report = ("%PDF-1.4\n" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);
    String app = withDocuments("A-DOC-BAD", "report.pdf");
    Map<String, List<Part>> cases = new LinkedHashMap<>();
    cases.put("documents", List.of(Part.application(withDocuments("A-DOC-BAD")), Part.file("report.pdf", report)));
    cases.put("documents[0]", List.of(Part.application(app)));
    cases.put("application", List.of(Part.file("report.pdf", report)));
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = postMultipart(c.getValue(), keyA, null);
      assertThat(r.statusCode()).as(c.getKey() + " " + r.body()).isEqualTo(400);
      assertThat(body(r).path("fieldErrors").findValuesAsText("path")).as(r.body()).containsExactly(c.getKey());
    }

    HttpResponse<String> corrupt = postMultipart(List.of(Part.application(app), Part.file("report.pdf", report)), keyA,
        null);
    assertThat(corrupt.statusCode()).as(corrupt.body()).isEqualTo(400);
    assertThat(body(corrupt).path("fieldErrors").get(0).path("path").asText()).isEqualTo("documents[0]");
    assertThat(body(corrupt).path("fieldErrors").get(0).path("message").asText()).contains("report.pdf");

    HttpResponse<String> oversized = postMultipart(List.of(Part.application(app),
        Part.file("report.pdf", new byte[MAX_DOCUMENT + 1])), keyA, null);
    assertThat(oversized.statusCode()).as(oversized.body()).isEqualTo(413);
    assertThat(body(oversized).path("error").asText()).isEqualTo("DOCUMENT_TOO_LARGE");
    assertThat(body(oversized).path("fieldErrors").get(0).path("path").asText()).isEqualTo("documents[0]");

    HttpResponse<String> bigApplication = postMultipart(List.of(Part.application(app.replace("高血压两年",
        "x".repeat(MAX_BODY))), Part.file("report.pdf", report)), keyA, null);
    assertThat(bigApplication.statusCode()).as(bigApplication.body()).isEqualTo(413);
    assertThat(body(bigApplication).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

    HttpResponse<String> bigUpload = postMultipart(List.of(Part.application(app),
        Part.file("report.pdf", new byte[MAX_UPLOAD + 1])), keyA, null);
    assertThat(bigUpload.statusCode()).as(bigUpload.body()).isEqualTo(413);
    assertThat(body(bigUpload).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

    // Far over the limit (more than the servlet container's default of 2 MB it reads past a refusal): the client
    // still gets the 413 answer, not a connection reset half-way through its upload.
    HttpResponse<String> farTooBig = postMultipart(List.of(Part.application(app),
        Part.file("report.pdf", new byte[MAX_UPLOAD + 6_000_000])), keyA, null);
    assertThat(farTooBig.statusCode()).as(farTooBig.body()).isEqualTo(413);
    assertThat(body(farTooBig).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

    assertThat(decisions("insurer-a", "A-DOC-BAD")).isZero();
  }

  @Test
  void eachProductLineCarriesAPlainChineseExplanationWithoutCodes() throws Exception {
    HttpResponse<String> r = post(application("A-EXPLAIN-1"), keyA, null);
    assertThat(r.statusCode()).isEqualTo(200);
    for (JsonNode line : body(r).path("decisions")) {
      String text = line.path("customerExplanation").asText();
      assertThat(text).as(line.toString()).isNotBlank().contains("高血压").endsWith("。")
          .doesNotContainPattern("UW-|[A-Z]\\d{2}").doesNotContain(line.path("productLine").asText());
      if (line.path("outcome").asText().equals("RATED")) {
        assertThat(text).contains("加收" + line.path("extraPremiumPct").asInt() + "%保费");
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiDocumentIsServedWithoutAKeyAndDescribesEveryApiEndpoint() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/openapi.yaml")), null);
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Object> doc = new Yaml().load(r.body());
    assertThat(doc.get("openapi").toString()).startsWith("3.");
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");

    Set<String> mapped = new TreeSet<>();
    ctx.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
        .forEach((RequestMappingInfo info) -> info.getPatternValues().stream()
            .filter(p -> p.startsWith("/api/v1/") && !p.equals("/api/v1/openapi.yaml"))
            .forEach(p -> info.getMethodsCondition().getMethods()
                .forEach(m -> mapped.add(m.name().toLowerCase() + " " + p))));
    Set<String> documented = new TreeSet<>();
    paths.forEach((p, ops) -> ops.keySet().forEach(m -> documented.add(m + " " + p)));
    assertThat(documented).isEqualTo(mapped);

    Map<String, Object> components = (Map<String, Object>) doc.get("components");
    assertThat(components.get("securitySchemes").toString()).contains("X-Api-Key");
    Map<String, Object> decide = (Map<String, Object>) paths.get("/api/v1/underwriting/decisions").get("post");
    assertThat(((Map<String, Object>) decide.get("responses")).keySet())
        .contains("200", "400", "401", "409", "413", "429");
    assertThat(((Map<String, Object>) ((Map<String, Object>) decide.get("requestBody")).get("content")).keySet())
        .containsExactlyInAnyOrder("application/json", "multipart/form-data");
    Map<String, Object> find = (Map<String, Object>) paths.get("/api/v1/underwriting/decisions/{applicationId}")
        .get("get");
    assertThat(((Map<String, Object>) find.get("responses")).keySet()).contains("404");
  }
}
