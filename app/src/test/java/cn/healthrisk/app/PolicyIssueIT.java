package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.security.ApiKeys;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Policies issued from underwriting decisions: exclusions and waiting period travel into claims. */
class PolicyIssueIT {
  static TestDatabase db;
  static ConfigurableApplicationContext ctx;
  static String base;
  static String keyA;
  static String keyB;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();
  static final LocalDate TOMORROW = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    ctx = TestEngine.start(db, true, Map.of());
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    ApiKeys apiKeys = ctx.getBean(ApiKeys.class);
    keyA = apiKeys.create("insurer-a", "甲保险公司").key();
    keyB = apiKeys.create("insurer-b", "乙保险公司").key();
    underwrite("A-ISSUE-THY", "甲状腺结节 TI-RADS 3类 6mm，每年复查没变化", keyA);
    underwrite("A-ISSUE-MI", "前年心梗，放了两个支架", keyA);
  }

  @AfterAll
  static void stop() {
    ctx.close();
    db.close();
  }

  static void underwrite(String applicationId, String disclosure, String key) throws Exception {
    String body = """
        {"applicationId": "%s", "applicationDate": "%s",
         "applicant": {"age": 35, "sex": "F", "heightCm": 162, "weightKg": 58, "smoker": false},
         "productLines": ["MILLION_MEDICAL", "CRITICAL_ILLNESS", "ACCIDENT"],
         "disclosures": [{"text": "%s"}]}""".formatted(applicationId, LocalDate.now(ZoneId.of("Asia/Shanghai")),
        disclosure);
    HttpResponse<String> r = send("/api/v1/underwriting/decisions", body, key);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  static String outcome(String applicationId, String line) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create(base + "/api/v1/underwriting/decisions/" + applicationId)).header("X-Api-Key", keyA).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (JsonNode d : json.readTree(r.body()).path("decisions")) {
      if (d.path("productLine").asText().equals(line)) {
        return d.path("outcome").asText();
      }
    }
    return null;
  }

  static String policy(String policyNo, String applicationId, String line, String extra) {
    return """
        {"policyNo": "%s", "applicationId": "%s", "productLine": "%s",
         "insured": {"name": "王丽", "idNumber": "330102199001011234", "sex": "F", "birthDate": "%s"},
         "effectiveDate": "%s", "expiryDate": "%s",
         "sumInsured": "3000000.00", "deductible": "10000.00", "hospitalRequirement": "ANY"%s}"""
        .formatted(policyNo, applicationId, line, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(35)
            .minusDays(10), TOMORROW, TOMORROW.plusYears(1).minusDays(1), extra);
  }

  static HttpResponse<String> send(String path, String body, String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
            .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void anAcceptedDecisionBecomesAPolicyWithItsExclusionsAndTheLinesWaitingPeriod() throws Exception {
    assertThat(outcome("A-ISSUE-THY", "MILLION_MEDICAL")).isEqualTo("EXCLUSION");
    HttpResponse<String> r = send("/api/v1/policies/issue",
        policy("P-ISSUE-1", "A-ISSUE-THY", "MILLION_MEDICAL", ""), keyA);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = json.readTree(r.body());
    assertThat(body.path("outcome").asText()).isEqualTo("EXCLUSION");
    assertThat(body.path("decisionId").asText()).isNotBlank();
    assertThat(body.path("kbVersion").asText()).startsWith("kb-");
    assertThat(body.path("policy").path("waitingPeriodDays").asInt()).isEqualTo(30);
    JsonNode clause = body.path("policy").path("exclusions").get(0);
    assertThat(clause.path("clause").asText()).contains("甲状腺");
    assertThat(clause.path("icd10Prefixes").toString()).contains("E04");

    // What claims review reads is the stored policy, with the clause and the waiting period.
    Policy stored = ctx.getBean(PolicyRepository.class).find("P-ISSUE-1").orElseThrow();
    assertThat(stored.exclusions()).hasSize(body.path("policy").path("exclusions").size());
    assertThat(stored.exclusions().get(0).icd10Prefixes()).contains("E04");
    assertThat(stored.waitingPeriodDays()).isEqualTo(30);
    assertThat(stored.applicationId()).isEqualTo("A-ISSUE-THY");
  }

  @Test
  void aWaitingPeriodSentByTheInsurerWinsOverTheLinesDefault() throws Exception {
    HttpResponse<String> r = send("/api/v1/policies/issue",
        policy("P-ISSUE-2", "A-ISSUE-THY", "MILLION_MEDICAL", ", \"waitingPeriodDays\": 90"), keyA);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json.readTree(r.body()).path("policy").path("waitingPeriodDays").asInt()).isEqualTo(90);
  }

  @Test
  void declinedPostponedOrReferredLinesCannotBeIssued() throws Exception {
    assertThat(outcome("A-ISSUE-MI", "CRITICAL_ILLNESS")).isEqualTo("DECLINE");
    HttpResponse<String> r = send("/api/v1/policies/issue",
        policy("P-ISSUE-3", "A-ISSUE-MI", "CRITICAL_ILLNESS", ""), keyA);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("DECISION_NOT_ISSUABLE").contains("DECLINE");
    assertThat(ctx.getBean(PolicyRepository.class).find("P-ISSUE-3")).isEmpty();
  }

  @Test
  void anotherInsurersDecisionIsNotFoundAndNothingIsStored() throws Exception {
    HttpResponse<String> r = send("/api/v1/policies/issue",
        policy("P-ISSUE-4", "A-ISSUE-THY", "MILLION_MEDICAL", ""), keyB);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("DECISION_NOT_FOUND");
    assertThat(ctx.getBean(PolicyRepository.class).find("P-ISSUE-4")).isEmpty();
  }

  @Test
  void requestsThatDoNotMatchTheDecisionAreRefusedWithTheFieldNamed() throws Exception {
    HttpResponse<String> ownExclusions = send("/api/v1/policies/issue", policy("P-ISSUE-5", "A-ISSUE-THY",
        "MILLION_MEDICAL", ", \"exclusions\": [{\"clause\": \"x\", \"icd10Prefixes\": [\"E04\"]}]"), keyA);
    assertThat(ownExclusions.statusCode()).isEqualTo(400);
    assertThat(ownExclusions.body()).contains("exclusions");

    HttpResponse<String> notUnderwritten = send("/api/v1/policies/issue",
        policy("P-ISSUE-6", "A-ISSUE-THY", "WHOLE_LIFE", ""), keyA);
    assertThat(notUnderwritten.statusCode()).isEqualTo(422);
    assertThat(notUnderwritten.body()).contains("PRODUCT_LINE_NOT_UNDERWRITTEN");

    String otherPerson = policy("P-ISSUE-7", "A-ISSUE-THY", "MILLION_MEDICAL", "")
        .replace("\"sex\": \"F\"", "\"sex\": \"M\"");
    HttpResponse<String> mismatch = send("/api/v1/policies/issue", otherPerson, keyA);
    assertThat(mismatch.statusCode()).isEqualTo(422);
    assertThat(mismatch.body()).contains("INSURED_MISMATCH").contains("insured.sex");

    String late = policy("P-ISSUE-8", "A-ISSUE-THY", "MILLION_MEDICAL", "")
        .replace("\"effectiveDate\": \"" + TOMORROW + "\"", "\"effectiveDate\": \"" + TOMORROW.plusDays(200) + "\"")
        .replace("\"expiryDate\": \"" + TOMORROW.plusYears(1).minusDays(1) + "\"",
            "\"expiryDate\": \"" + TOMORROW.plusDays(200).plusYears(1) + "\"");
    HttpResponse<String> expired = send("/api/v1/policies/issue", late, keyA);
    assertThat(expired.statusCode()).isEqualTo(422);
    assertThat(expired.body()).contains("DECISION_EXPIRED");

    HttpResponse<String> malformed = send("/api/v1/policies/issue", "{\"policyNo\": ", keyA);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("MALFORMED_JSON");
    for (String no : new String[] {"P-ISSUE-5", "P-ISSUE-6", "P-ISSUE-7", "P-ISSUE-8"}) {
      assertThat(ctx.getBean(PolicyRepository.class).find(no)).as(no).isEmpty();
    }
  }
}
