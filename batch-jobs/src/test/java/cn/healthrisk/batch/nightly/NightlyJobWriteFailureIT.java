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
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Failures while a chunk is written, raised by the database: a deadlock (1213) and a lock wait
 * timeout (1205) are retried within the limit and leave no trace; any other error parks only the
 * claim that causes it, with the reason, and the run completes with its books balanced.
 */
@SpringBootTest(classes = NightlyTestApplication.class, properties = {"engine.batch.partitions=2",
    "engine.batch.chunk-size=3", "spring.batch.job.enabled=false", "spring.batch.jdbc.initialize-schema=never",
    "spring.flyway.enabled=false",
    // Its own retry limit, and so its own context and fresh database.
    "engine.batch.retry-limit=4"})
class NightlyJobWriteFailureIT {
  static final LocalDate DATE = NightlyJobRestartIT.DATE;
  static final int CLAIMS = 9;

  @Autowired ClaimIntakeService intake;
  @Autowired NightlyRunService runs;
  @Autowired DSLContext ctx;
  @Autowired InjectedFaults faults;

  @Test
  void transientFailuresAreRetriedAndOthersParkOnlyTheirClaim() {
    intake.importPolicy(new Policy("P-W", null, "MILLION_MEDICAL", new Policy.Insured("张三", "110101199001011234", "M",
        LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 30,
        new BigDecimal("1000000.00"), BigDecimal.ZERO.setScale(2), Policy.HospitalRequirement.ANY, List.of()));
    for (int i = 1; i <= CLAIMS; i++) {
      String text = "total=100.00;invoice=" + String.format("%010d", 900 + i) + ";code=11060126;payer=张三;date=2026-06-01";
      intake.importClaim(new Claim(String.format("W-%04d", i), "P-W", Claim.ClaimType.OUTPATIENT,
          new Claim.Diagnosis("感冒", "J06.900"), new BigDecimal("100.00"), Instant.parse("2026-11-24T01:00:00Z"),
          List.of("r.txt")), Map.of("r.txt", text.getBytes(StandardCharsets.UTF_8)));
    }
    // Chunks of three in two partitions: [W-1..3] [W-4, W-5] | [W-6..8] [W-9]; one fault per chunk.
    faults.failWrites("W-0002", InjectedFaults.DbError.DEADLOCK, 3);
    faults.failWrites("W-0004", InjectedFaults.DbError.LOCK_WAIT_TIMEOUT, 3);
    // A problem of the claim itself: it fails every time its result is written.
    faults.failWrites("W-0007", InjectedFaults.DbError.DATA_TOO_LONG, 1000);

    NightlyRunService.RunReport run = runs.run(DATE);
    faults.clear();

    assertThat(run.status()).as("%s", run).isEqualTo(BatchStatus.COMPLETED);
    assertThat(run.read()).isEqualTo(CLAIMS);
    assertThat(run.parked()).isEqualTo(1);
    assertThat(run.written()).isEqualTo(CLAIMS - 1);
    assertThat(ctx.fetchCount(CLAIM, CLAIM.STATUS.eq("RECEIVED"))).isZero();
    assertThat(ctx.select(CLAIM.CLAIM_ID).from(CLAIM).where(CLAIM.PARKED_REASON.isNotNull()).fetch(CLAIM.CLAIM_ID))
        .containsExactly("W-0007");
    var parked = ctx.selectFrom(CLAIM).where(CLAIM.CLAIM_ID.eq("W-0007")).fetchSingle();
    assertThat(parked.getStatus()).isEqualTo("NEEDS_REVIEW");
    assertThat(parked.getParkedReason()).contains("Data too long");
    // The retried claims were written once, like their neighbours; the parked one has no receipt row.
    assertThat(ctx.fetchCount(RECEIPT_EXTRACTION)).isEqualTo(CLAIMS - 1);
    for (String id : List.of("W-0002", "W-0004")) {
      assertThat(ctx.select(CLAIM.STATUS, CLAIM.PARKED_REASON).from(CLAIM).where(CLAIM.CLAIM_ID.eq(id)).fetchSingle()
          .value2()).as(id).isNull();
    }
  }
}
