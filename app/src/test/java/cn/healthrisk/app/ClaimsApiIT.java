package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Policies and claims over REST: API keys, uploads, and the errors a client gets for bad input. */
class ClaimsApiIT {
  static TestDatabase db;
  static ConfigurableApplicationContext ctx;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  static final String POLICY = """
      {"policyNo": "P-API-1", "productLine": "MILLION_MEDICAL",
       "insured": {"name": "王丽", "idNumber": "330102199001011234", "sex": "F", "birthDate": "1990-01-01"},
       "effectiveDate": "2026-01-01", "expiryDate": "2026-12-31", "waitingPeriodDays": 30,
       "sumInsured": "3000000.00", "deductible": "10000.00", "hospitalRequirement": "PUBLIC_GRADE2_PLUS",
       "exclusions": [{"clause": "甲状腺疾病不予赔付", "icd10Prefixes": ["E04", "C73"]}]}""";

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    ctx = TestEngine.start(db, true, Map.of());
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    ctx.close();
    db.close();
  }

  static String claim(String id, String policyNo) {
    return """
        {"claimId": "%s", "policyNo": "%s", "claimType": "INPATIENT",
         "diagnosis": {"text": "急性阑尾炎", "icd10": "K35.800"}, "claimedAmount": "8650.40",
         "submittedAt": "2026-11-24T08:00:00Z", "documents": ["receipt-1.jpg"]}""".formatted(id, policyNo);
  }

  static HttpResponse<String> send(HttpRequest.Builder b, String key) throws Exception {
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> upload(String claimJson, Map<String, byte[]> files) throws Exception {
    String boundary = "b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "claim", null, "application/json", claimJson.getBytes(StandardCharsets.UTF_8));
    for (var f : files.entrySet()) {
      part(body, boundary, "documents", f.getKey(), "application/octet-stream", f.getValue());
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "demo-key");
  }

  static void part(ByteArrayOutputStream out, String boundary, String name, String file, String type, byte[] content)
      throws Exception {
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void apiNeedsAValidKey() throws Exception {
    HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims")), null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("API_KEY_MISSING");
    HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims")), "not-the-key");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("API_KEY_INVALID");
  }

  @Test
  void uploadsAClaimAndRejectsBadOnesWithReasons() throws Exception {
    HttpResponse<String> policy = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/policies"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(POLICY)), "demo-key");
    assertThat(policy.statusCode()).isEqualTo(201);

    byte[] image = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00};
    HttpResponse<String> ok = upload(claim("C-API-1", "P-API-1"), Map.of("receipt-1.jpg", image));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);

    assertThat(upload(claim("C-API-1", "P-API-1"), Map.of("receipt-1.jpg", image)).statusCode()).isEqualTo(409);
    HttpResponse<String> unknownPolicy = upload(claim("C-API-2", "P-NOPE"), Map.of("receipt-1.jpg", image));
    assertThat(unknownPolicy.statusCode()).isEqualTo(422);
    assertThat(unknownPolicy.body()).contains("UNKNOWN_POLICY").contains("P-NOPE");
    HttpResponse<String> malformed = upload("{\"claimId\": \"C-API-3\", ", Map.of("receipt-1.jpg", image));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("MALFORMED_JSON");
    HttpResponse<String> missingDoc = upload(claim("C-API-4", "P-API-1"), Map.of());
    assertThat(missingDoc.statusCode()).isEqualTo(400);
    assertThat(missingDoc.body()).contains("MISSING_DOCUMENT").contains("receipt-1.jpg");

    JsonNode page = ClaimsJson.mapper().readTree(
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims")), "demo-key").body());
    assertThat(page.path("total").asInt()).isEqualTo(1);
    assertThat(page.path("items").get(0).path("claimId").asText()).isEqualTo("C-API-1");
    assertThat(page.path("items").get(0).path("status").asText()).isEqualTo("RECEIVED");
  }
}
