package cn.healthrisk.batch.nightly;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
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
 * A run fails on the very last claim of its last partition, so fewer claims are left than there
 * are partitions. Resuming must still reach that claim: the partitions of a business date keep
 * their names and ranges however few claims remain.
 */
@SpringBootTest(classes = NightlyTestApplication.class, properties = {"engine.batch.partitions=2",
    "engine.batch.chunk-size=3", "spring.batch.job.enabled=false", "spring.batch.jdbc.initialize-schema=never",
    "spring.flyway.enabled=false",
    // A property of its own gives this test its own context and so its own fresh database.
    "engine.batch.retry-limit=3"})
class NightlyJobResumeLastClaimIT {
  static final LocalDate DATE = NightlyJobRestartIT.DATE;
  static final int CLAIMS = 8;

  @Autowired ClaimIntakeService intake;
  @Autowired NightlyRunService runs;
  @Autowired DSLContext ctx;
  @Autowired InjectedFaults faults;

  @Test
  void resumeReachesTheOneClaimLeft() {
    intake.importPolicy(new Policy("P-L", null, "MILLION_MEDICAL", new Policy.Insured("张三", "110101199001011234", "M",
        LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 30,
        new BigDecimal("1000000.00"), BigDecimal.ZERO.setScale(2), Policy.HospitalRequirement.ANY, List.of()));
    for (int i = 1; i <= CLAIMS; i++) {
      String id = String.format("L-%04d", i);
      String text = "total=100.00;invoice=" + String.format("%010d", 500 + i) + ";code=11060126;payer=张三;date=2026-06-01";
      intake.importClaim(new Claim(id, "P-L", Claim.ClaimType.OUTPATIENT, new Claim.Diagnosis("感冒", "J06.900"),
          new BigDecimal("100.00"), Instant.parse("2026-11-24T01:00:00Z"), List.of("r.txt")),
          Map.of("r.txt", text.getBytes(StandardCharsets.UTF_8)));
    }

    faults.failWrites("L-0008", InjectedFaults.DbError.DEADLOCK, 1000);
    NightlyRunService.RunReport first = runs.run(DATE);
    faults.clear();
    assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
    // Partition 1 holds L-0005..L-0008, written in chunks of three: only the chunk [L-0008] failed.
    assertThat(ctx.fetch(CLAIM, CLAIM.STATUS.eq("RECEIVED")).getValues(CLAIM.CLAIM_ID)).containsExactly("L-0008");

    NightlyRunService.RunReport second = runs.run(DATE);
    assertThat(second.status()).as("%s", second).isEqualTo(BatchStatus.COMPLETED);
    assertThat(second.read()).isEqualTo(1);
    assertThat(ctx.fetchCount(CLAIM, CLAIM.STATUS.eq("RECEIVED"))).isZero();
  }
}
