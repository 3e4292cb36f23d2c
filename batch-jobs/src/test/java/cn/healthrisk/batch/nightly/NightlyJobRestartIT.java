package cn.healthrisk.batch.nightly;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.RECEIPT_EXTRACTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The nightly job fails part-way on purpose, is run again for the same business date, and
 * finishes: every claim processed and written once, none twice, none lost; a completed date
 * then does nothing.
 */
@SpringBootTest(classes = NightlyTestApplication.class, properties = {"engine.batch.partitions=2",
    "engine.batch.chunk-size=3", "spring.batch.job.enabled=false", "spring.batch.jdbc.initialize-schema=never",
    "spring.flyway.enabled=false"})
class NightlyJobRestartIT {
  /** Today where business dates are kept, so the claims received now belong to it. */
  static final LocalDate DATE = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
  static final int CLAIMS = 20;

  @Autowired ClaimIntakeService intake;
  @Autowired NightlyRunService runs;
  @Autowired DSLContext ctx;
  @Autowired NightlyTestApplication.TextPipeline pipeline;
  @Autowired InjectedFaults faults;

  @Test
  void failedRunResumesAndProcessesEveryClaimExactlyOnce() {
    intake.importPolicy(new Policy("P-1", null, "MILLION_MEDICAL", new Policy.Insured("张三", "110101199001011234", "M",
        LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 30,
        new BigDecimal("1000000.00"), BigDecimal.ZERO.setScale(2), Policy.HospitalRequirement.ANY, List.of()));
    for (int i = 1; i <= CLAIMS; i++) {
      String id = String.format("C-%04d", i);
      String text = i == 13 ? "FAIL"
          : "total=100.00;invoice=" + String.format("%010d", i) + ";code=11060126;payer=张三;date=2026-06-01";
      intake.importClaim(new Claim(id, "P-1", Claim.ClaimType.OUTPATIENT, new Claim.Diagnosis("感冒", "J06.900"),
          new BigDecimal("100.00"), Instant.parse("2026-11-24T01:00:00Z"), List.of("r.txt")),
          Map.of("r.txt", text.getBytes(StandardCharsets.UTF_8)));
    }

    assertThat(runs.pending(DATE)).isEqualTo(CLAIMS);
    // A deadlock on every attempt: past the retry limit the run fails, to be resumed.
    faults.failWrites("C-0007", InjectedFaults.DbError.DEADLOCK, 1000);
    NightlyRunService.RunReport first = runs.run(DATE);
    faults.clear();
    assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
    // A database failure is not the claim's fault: it stays pending for the resumed run, not parked.
    assertThat(ctx.select(CLAIM.STATUS).from(CLAIM).where(CLAIM.CLAIM_ID.eq("C-0007")).fetchOne(CLAIM.STATUS))
        .isEqualTo("RECEIVED");
    int pendingAfterFailure = ctx.fetchCount(CLAIM, CLAIM.STATUS.eq("RECEIVED"));
    assertThat(pendingAfterFailure).isBetween(1, CLAIMS - 1);

    NightlyRunService.RunReport second = runs.run(DATE);
    assertThat(second.outcome()).isEqualTo("RESUMED");
    assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(second.read()).isEqualTo(pendingAfterFailure);
    assertThat(second.read()).isEqualTo(second.written() + second.parked());

    assertThat(ctx.fetchCount(CLAIM, CLAIM.STATUS.eq("RECEIVED"))).isZero();
    // One extraction per readable claim: nothing doubled by the retry, nothing lost.
    assertThat(ctx.fetchCount(RECEIPT_EXTRACTION)).isEqualTo(CLAIMS - 1);
    assertThat(ctx.select(RECEIPT_EXTRACTION.CLAIM_PK, DSL.count()).from(RECEIPT_EXTRACTION)
        .groupBy(RECEIPT_EXTRACTION.CLAIM_PK).having(DSL.count().gt(1)).fetch()).isEmpty();
    // The claim whose processing throws is parked for a human with the reason, not skipped.
    assertThat(ctx.select(CLAIM.STATUS).from(CLAIM).where(CLAIM.CLAIM_ID.eq("C-0013")).fetchOne(CLAIM.STATUS))
        .isEqualTo("NEEDS_REVIEW");
    assertThat(first.written() + first.parked() + second.written() + second.parked())
        .as("claims written or parked over both runs; first %s, second %s", first, second).isEqualTo(CLAIMS);

    NightlyRunService.RunReport third = runs.run(DATE);
    assertThat(third.outcome()).isEqualTo("ALREADY_COMPLETED");
    assertThat(pipeline.calls.get("C-0001").get()).isLessThanOrEqualTo(2);
  }
}
