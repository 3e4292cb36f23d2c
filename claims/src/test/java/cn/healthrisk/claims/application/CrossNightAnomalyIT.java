package cn.healthrisk.claims.application;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_FLAG;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.anomaly.AnomalySettings;
import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import cn.healthrisk.claims.anomaly.CrossClaimRules;
import cn.healthrisk.claims.anomaly.HospitalEligibilityRule;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptJson;
import cn.healthrisk.claims.persistence.AnomalyRepository;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.claims.persistence.ReviewRepository;
import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cross-claim flags on a real MariaDB across two nights: a readmission and a reused receipt on the second
 * night are found against a claim of the first and flagged on the second night's claims, naming it; the first
 * night's claim is left as it was decided, and rerunning either night does not change or double anything.
 */
class CrossNightAnomalyIT {

  static String policy(String no, String name, String idNumber) {
    return "{\"policyNo\": \"" + no + "\", \"productLine\": \"MILLION_MEDICAL\", \"insured\": {\"name\": \"" + name
        + "\", \"idNumber\": \"" + idNumber + "\", \"sex\": \"F\", \"birthDate\": \"1990-01-01\"}, "
        + "\"effectiveDate\": \"2026-01-01\", \"expiryDate\": \"2026-12-31\", \"waitingPeriodDays\": 30, "
        + "\"sumInsured\": \"3000000.00\", \"deductible\": \"0.00\", \"hospitalRequirement\": \"ANY\", \"exclusions\": []}";
  }

  /** A claim whose one document holds its receipt extraction as JSON (read by the test pipeline below). */
  static void claim(Path intake, String id, String policyNo, String dx, String icd, String payer, String invoiceNumber,
      String admission, String discharge, String submittedAt) throws Exception {
    Path dir = intake.resolve("claims/" + id);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("claim.json"), "{\"claimId\": \"" + id + "\", \"policyNo\": \"" + policyNo
        + "\", \"claimType\": \"INPATIENT\", \"diagnosis\": {\"text\": \"" + dx + "\", \"icd10\": \"" + icd + "\"}, "
        + "\"claimedAmount\": \"5000.00\", \"submittedAt\": \"" + submittedAt + "\", \"documents\": [\"r.json\"]}",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("r.json"), "{\"document\": \"r.json\", \"documentType\": \"INPATIENT_RECEIPT\", "
        + "\"fields\": {\"invoiceCode\": \"33060126\", \"invoiceNumber\": \"" + invoiceNumber + "\", \"payerName\": \""
        + payer + "\", \"issueDate\": \"" + discharge + "\", \"hospitalName\": \"杭州市第一人民医院\", \"admissionDate\": \""
        + admission + "\", \"dischargeDate\": \"" + discharge + "\", \"items\": [{\"name\": \"床位费\", \"amount\": "
        + "\"5000.00\"}], \"totalAmount\": \"5000.00\"}}", StandardCharsets.UTF_8);
  }

  /** Reads each document as the receipt extraction it holds. */
  static final DocumentPipeline JSON_PIPELINE = (claimId, name, hash, content) -> {
    ReceiptExtraction e = ReceiptJson.read(new String(content, StandardCharsets.UTF_8));
    ReceiptExtraction withClaim = new ReceiptExtraction(claimId, name, e.documentType(), e.fields(), Map.of(), List.of());
    return new DocumentPipeline.Outcome(withClaim, ReceiptJson.write(withClaim), null, List.of(), "rules", null);
  };

  @Test
  void secondNightFindsReadmissionAndReusedReceiptAgainstTheFirstAndRerunsDoNotDouble(@TempDir Path dir)
      throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      DSLContext ctx = DSL.using(new TransactionAwareDataSourceProxy(db.dataSource()), Dialects.detect(db.dataSource()));
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
      ClaimRepository claims = new ClaimRepository(ctx);
      PolicyRepository policies = new PolicyRepository(ctx);
      AnomalyRepository anomalies = new AnomalyRepository(ctx);
      KnowledgeBase kb = KnowledgeBaseLoader.loadDefault();
      Clock clock = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
      ClaimProcessingService processing = new ClaimProcessingService(claims, policies, JSON_PIPELINE,
          new ClaimAnomalyRules(AnomalySettings.defaults(), new HospitalEligibilityRule(kb.hospitals(), kb.version())),
          anomalies, clock);
      CrossClaimChecks cross = new CrossClaimChecks(claims, anomalies, new CrossClaimRules(AnomalySettings.defaults()),
          clock);
      ClaimQueryService query = new ClaimQueryService(claims, anomalies, new ReviewRepository(ctx));

      // Night 1: one stay of 王丽 on her first policy.
      Path night1 = dir.resolve("n1");
      Files.createDirectories(night1);
      Files.writeString(night1.resolve("policies.jsonl"), policy("P-1", "王丽", "330102199001011234") + "\n"
          + policy("P-2", "王丽", "330102199001011234") + "\n" + policy("P-3", "李强", "110101198502023456") + "\n");
      claim(night1, "C-1", "P-1", "社区获得性肺炎", "J18.900", "王丽", "0000000100", "2026-11-01", "2026-11-08",
          "2026-11-20T02:00:00Z");
      importAt(night1, policies, claims, tx, "2026-11-20T02:00:00Z");
      runNight(LocalDate.of(2026, 11, 20), claims, processing, cross, tx);
      assertThat(codes(ctx, "C-1")).isEmpty();
      String statusAfterNight1 = status(ctx, "C-1");
      int riskAfterNight1 = query.result("C-1").orElseThrow().path("riskScore").asInt();

      // Night 2: a readmission on her other policy 7 days after discharge, and 李强 reusing C-1's receipt.
      Path night2 = dir.resolve("n2");
      Files.createDirectories(night2);
      Files.writeString(night2.resolve("policies.jsonl"), "");
      claim(night2, "C-2", "P-2", "肺炎", "J18.000", "王丽", "0000000200", "2026-11-15", "2026-11-18",
          "2026-11-21T03:00:00Z");
      claim(night2, "C-3", "P-3", "社区获得性肺炎", "J18.900", "李强", "0000000100", "2026-11-01", "2026-11-08",
          "2026-11-21T04:00:00Z");
      importAt(night2, policies, claims, tx, "2026-11-21T04:00:00Z");
      runNight(LocalDate.of(2026, 11, 21), claims, processing, cross, tx);

      assertThat(codes(ctx, "C-2")).containsExactly("SPLIT_HOSPITALIZATION");
      assertThat(codes(ctx, "C-3")).containsExactly("DUPLICATE_RECEIPT");
      assertThat(codes(ctx, "C-1")).isEmpty();
      assertThat(status(ctx, "C-1")).isEqualTo(statusAfterNight1);
      assertThat(query.result("C-1").orElseThrow().path("riskScore").asInt()).isEqualTo(riskAfterNight1);

      ObjectNode c2 = query.result("C-2").orElseThrow();
      assertThat(c2.path("riskScore").asInt()).isPositive();
      assertThat(c2.path("suggestedAction").asText()).isEqualTo("SUGGEST_REVIEW");
      assertThat(c2.path("flags").toString()).contains("C-1");
      assertThat(query.result("C-3").orElseThrow().path("flags").toString()).contains("C-1");

      int flagsBefore = ctx.fetchCount(CLAIM_FLAG);
      tx.executeWithoutResult(s -> cross.apply(LocalDate.of(2026, 11, 21)));
      tx.executeWithoutResult(s -> cross.apply(LocalDate.of(2026, 11, 20)));
      assertThat(ctx.fetchCount(CLAIM_FLAG)).isEqualTo(flagsBefore);
      assertThat(codes(ctx, "C-1")).isEmpty();
      assertThat(codes(ctx, "C-2")).containsExactly("SPLIT_HOSPITALIZATION");
    }
  }

  private static void importAt(Path folder, PolicyRepository policies, ClaimRepository claims, TransactionTemplate tx,
      String at) {
    ImportReport r = new ClaimIntakeService(policies, claims, tx, Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
        .importFolder(folder);
    assertThat(r.rejections()).isEmpty();
  }

  private static void runNight(LocalDate date, ClaimRepository claims, ClaimProcessingService processing,
      CrossClaimChecks cross, TransactionTemplate tx) {
    LocalDateTime end = LocalDateTime.ofInstant(date.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
        .toInstant(), ZoneOffset.UTC);
    long[] range = claims.pendingKeyRange(end).orElseThrow();
    List<ProcessedClaim> results = claims.pendingKeys(range[0], range[1], end).stream().map(processing::process).toList();
    tx.executeWithoutResult(s -> processing.write(results, null, date));
    tx.executeWithoutResult(s -> cross.apply(date));
  }

  private static List<String> codes(DSLContext ctx, String claimId) {
    return ctx.select(CLAIM_FLAG.CODE).from(CLAIM_FLAG).join(CLAIM).on(CLAIM.ID.eq(CLAIM_FLAG.CLAIM_PK))
        .where(CLAIM.CLAIM_ID.eq(claimId)).orderBy(CLAIM_FLAG.ID).fetch(CLAIM_FLAG.CODE);
  }

  private static String status(DSLContext ctx, String claimId) {
    return ctx.select(CLAIM.STATUS).from(CLAIM).where(CLAIM.CLAIM_ID.eq(claimId)).fetchSingle(CLAIM.STATUS);
  }
}
