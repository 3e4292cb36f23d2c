package cn.healthrisk.claims.application;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_DOCUMENT;
import static cn.healthrisk.sql.jooq.Tables.DOCUMENT_CONTENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/** The intake folder on a real MariaDB: good entries are stored whole, bad ones are rejected with reasons. */
class ClaimIntakeIT {

  static final String POLICY = "{\"policyNo\": \"P-1\", \"productLine\": \"MILLION_MEDICAL\", \"insured\": {\"name\": "
      + "\"王丽\", \"idNumber\": \"330102199001011234\", \"sex\": \"F\", \"birthDate\": \"1990-01-01\"}, "
      + "\"effectiveDate\": \"2026-01-01\", \"expiryDate\": \"2026-12-31\", \"waitingPeriodDays\": 30, "
      + "\"sumInsured\": \"3000000.00\", \"deductible\": \"0.00\", \"hospitalRequirement\": \"ANY\", \"exclusions\": []}";

  static String claim(String id, String policy, String doc) {
    return "{\"claimId\": \"" + id + "\", \"policyNo\": \"" + policy + "\", \"claimType\": \"OUTPATIENT\", "
        + "\"diagnosis\": {\"text\": \"感冒\", \"icd10\": \"J06.900\"}, \"claimedAmount\": \"100.00\", "
        + "\"submittedAt\": \"2026-11-24T08:00:00Z\", \"documents\": [\"" + doc + "\"]}";
  }

  static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void goodEntriesAreImportedAndBadOnesRejectedWithoutLosingOthers(@TempDir Path dir) throws Exception {
    write(dir.resolve("policies.jsonl"), POLICY + "\n{\"policyNo\": \"P-2\", \"productLine\": \"NOT_A_LINE\"}\n{oops\n");
    write(dir.resolve("claims/C-1/claim.json"), claim("C-1", "P-1", "r.jpg"));
    write(dir.resolve("claims/C-1/r.jpg"), "image bytes");
    write(dir.resolve("claims/C-2/claim.json"), claim("C-2", "P-UNKNOWN", "r.jpg"));
    write(dir.resolve("claims/C-2/r.jpg"), "image bytes");
    write(dir.resolve("claims/C-3/claim.json"), claim("C-3", "P-1", "missing.jpg"));
    write(dir.resolve("claims/C-4/claim.json"), "{\"claimId\": \"C-4\", \"policyNo\": ");
    write(dir.resolve("claims/C-5/claim.json"), claim("C-5", "P-1", "../../policies.jsonl"));
    write(dir.resolve("claims/C-6/claim.json"), claim("C-7", "P-1", "r.jpg"));
    write(dir.resolve("claims/C-6/r.jpg"), "image bytes");

    try (TestDatabase db = TestDatabase.create()) {
      DSLContext ctx = DSL.using(new TransactionAwareDataSourceProxy(db.dataSource()), Dialects.detect(db.dataSource()));
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
      ClaimIntakeService intake = new ClaimIntakeService(new PolicyRepository(ctx), new ClaimRepository(ctx), tx,
          Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

      ImportReport report = intake.importFolder(dir);
      assertThat(report.policiesImported()).isEqualTo(1);
      assertThat(report.claimsImported()).isEqualTo(1);
      assertThat(report.rejections()).extracting(ImportReport.Rejection::source, ImportReport.Rejection::code)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("policies.jsonl:2", "INVALID_POLICY"),
              org.assertj.core.groups.Tuple.tuple("policies.jsonl:3", "MALFORMED_JSON"),
              org.assertj.core.groups.Tuple.tuple("claims/C-2/claim.json", "UNKNOWN_POLICY"),
              org.assertj.core.groups.Tuple.tuple("claims/C-3/claim.json", "MISSING_DOCUMENT"),
              org.assertj.core.groups.Tuple.tuple("claims/C-4/claim.json", "MALFORMED_JSON"),
              org.assertj.core.groups.Tuple.tuple("claims/C-5/claim.json", "INVALID_CLAIM"),
              org.assertj.core.groups.Tuple.tuple("claims/C-6/claim.json", "CLAIM_ID_MISMATCH"));
      assertThat(ctx.fetchCount(CLAIM)).isEqualTo(1);
      assertThat(ctx.fetchCount(CLAIM_DOCUMENT)).isEqualTo(1);
      assertThat(ctx.fetchCount(DOCUMENT_CONTENT)).isEqualTo(1);

      ImportReport again = intake.importFolder(dir);
      assertThat(again.claimsImported()).isZero();
      assertThat(again.claimsAlreadyImported()).isEqualTo(1);
      assertThat(ctx.fetchCount(CLAIM)).isEqualTo(1);
    }
  }
}
