package cn.healthrisk.batch.nightly;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.RECEIPT_EXTRACTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly job with {@code engine.batch.worker-mode=processes}: each partition runs in a
 * worker JVM of its own ({@link TestWorker}). It must end exactly like the same claims run on
 * threads; a worker that fails its step, or dies in the middle of it, must fail the run, and
 * running the date again must finish it with every claim processed once.
 */
class NightlyWorkerProcessesIT {
  static final LocalDate DATE = NightlyJobRestartIT.DATE;
  static final int CLAIMS = 20;
  static final com.fasterxml.jackson.databind.ObjectMapper SORTED = new com.fasterxml.jackson.databind.ObjectMapper()
      .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  /** Columns that differ between two correct runs: keys, clocks and job-execution ids. */
  static final Set<String> VOLATILE = Set.of("id", "claim_pk", "created_at", "processed_at", "received_at",
      "processed_job_execution_id", "updated_at");

  @Test
  void processesModeEndsExactlyLikeThreadsMode() throws Exception {
    List<String> expected;
    try (ConfigurableApplicationContext ctx = start("threads")) {
      importClaims(ctx);
      NightlyRunService.RunReport run = ctx.getBean(NightlyRunService.class).run(DATE);
      assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
      expected = dump(ctx.getBean(DataSource.class));
    }
    try (ConfigurableApplicationContext ctx = start("processes")) {
      importClaims(ctx);
      NightlyRunService.RunReport run = ctx.getBean(NightlyRunService.class).run(DATE);
      assertThat(run.status()).as("%s", run).isEqualTo(BatchStatus.COMPLETED);
      assertThat(run.read()).isEqualTo(CLAIMS);
      assertThat(run.read()).isEqualTo(run.written() + run.parked());
      assertThat(run.parked()).isEqualTo(1);
      assertThat(run.pending()).isZero();

      // The claims were processed in the workers, not in this JVM.
      assertThat(ctx.getBean(NightlyTestApplication.TextPipeline.class).calls).isEmpty();
      JobExecution exec = ctx.getBean(JobExplorer.class).getJobExecution(run.jobExecutionId());
      List<StepExecution> partitions = partitions(exec);
      assertThat(partitions).hasSize(2).allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.COMPLETED));
      List<Long> pids = partitions.stream().map(NightlyWorkerProcessesIT::workerPid).distinct().toList();
      assertThat(pids).hasSize(2).doesNotContain(ProcessHandle.current().pid());
      assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("worker %d has ended", pid).isFalse());
      assertThat(partitions.stream().mapToLong(StepExecution::getReadCount).sum()).isEqualTo(CLAIMS);
      StepExecution manager = step(exec, "nightlyClaimsManager");
      assertThat(manager.getReadCount()).as("partition counts aggregated into the manager step").isEqualTo(CLAIMS);
      assertThat(step(exec, "nightlyReconcile").getStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(exec.getExecutionContext().getLong("claimsRead")).isEqualTo(CLAIMS);

      assertThat(dump(ctx.getBean(DataSource.class))).hasSizeGreaterThan(CLAIMS * 2).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void workerThatFailsItsStepFailsTheRunAndARerunCompletesIt() throws Exception {
    try (ConfigurableApplicationContext ctx = start("processes")) {
      importClaims(ctx);
      TestWorker.Command workers = ctx.getBean(TestWorker.Command.class);
      NightlyRunService runs = ctx.getBean(NightlyRunService.class);
      DSLContext db = ctx.getBean(DSLContext.class);
      // A deadlock on every attempt in the worker of C-0007's partition: past the retry limit its step fails.
      workers.extraOptions.add("-Dengine.test.fail-writes=C-0007:DEADLOCK:1000");
      NightlyRunService.RunReport first = runs.run(DATE);
      workers.extraOptions.clear();
      assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
      assertThat(statusOf(db, "C-0007")).isEqualTo("RECEIVED");
      List<StepExecution> firstPartitions = partitions(ctx.getBean(JobExplorer.class)
          .getJobExecution(first.jobExecutionId()));
      assertThat(firstPartitions).extracting(StepExecution::getStatus)
          .containsExactlyInAnyOrder(BatchStatus.COMPLETED, BatchStatus.FAILED);

      assertResumesAndCompletes(runs, db, first);
    }
  }

  @Test
  void workerThatDiesMidStepFailsTheRunAndARerunCompletesIt() throws Exception {
    try (ConfigurableApplicationContext ctx = start("processes")) {
      importClaims(ctx);
      TestWorker.Command workers = ctx.getBean(TestWorker.Command.class);
      NightlyRunService runs = ctx.getBean(NightlyRunService.class);
      DSLContext db = ctx.getBean(DSLContext.class);
      // The worker of C-0015's partition ends abruptly, as if killed, leaving its step STARTED.
      workers.extraOptions.add("-Dengine.test.halt-on-write=C-0015");
      NightlyRunService.RunReport first = runs.run(DATE);
      workers.extraOptions.clear();
      assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
      assertThat(statusOf(db, "C-0015")).isEqualTo("RECEIVED");
      List<StepExecution> firstPartitions = partitions(ctx.getBean(JobExplorer.class)
          .getJobExecution(first.jobExecutionId()));
      StepExecution died = firstPartitions.stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED).findFirst()
          .orElseThrow();
      assertThat(died.getStatus()).isEqualTo(BatchStatus.FAILED);
      assertThat(died.getEndTime()).isNotNull();
      assertThat(died.getExitStatus().getExitDescription()).contains("exit status 86");
      assertThat(ctx.getBean(JobExplorer.class).findRunningJobExecutions(NightlyClaimsJobConfiguration.JOB_NAME))
          .isEmpty();

      assertResumesAndCompletes(runs, db, first);
    }
  }

  private static void assertResumesAndCompletes(NightlyRunService runs, DSLContext db,
      NightlyRunService.RunReport first) {
    int pendingAfterFailure = pending(db);
    assertThat(pendingAfterFailure).isBetween(1, CLAIMS - 1);
    NightlyRunService.RunReport second = runs.run(DATE);
    assertThat(second.outcome()).isEqualTo("RESUMED");
    assertThat(second.status()).as("%s", second).isEqualTo(BatchStatus.COMPLETED);
    assertThat(second.read()).isEqualTo(pendingAfterFailure);
    assertThat(second.read()).isEqualTo(second.written() + second.parked());
    assertThat(pending(db)).isZero();
    assertThat(first.written() + first.parked() + second.written() + second.parked())
        .as("claims written or parked over both runs; first %s, second %s", first, second).isEqualTo(CLAIMS);
    assertThat(db.fetchCount(RECEIPT_EXTRACTION)).isEqualTo(CLAIMS - 1);
    assertThat(db.select(RECEIPT_EXTRACTION.CLAIM_PK, DSL.count()).from(RECEIPT_EXTRACTION)
        .groupBy(RECEIPT_EXTRACTION.CLAIM_PK).having(DSL.count().gt(1)).fetch()).isEmpty();
    assertThat(statusOf(db, "C-0013")).isEqualTo("NEEDS_REVIEW");
    assertThat(runs.run(DATE).outcome()).isEqualTo("ALREADY_COMPLETED");
  }

  static ConfigurableApplicationContext start(String workerMode) {
    return new SpringApplicationBuilder(NightlyTestApplication.class).web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .properties(Map.of("engine.batch.partitions", "2", "engine.batch.chunk-size", "3",
            "spring.batch.job.enabled", "false", "spring.batch.jdbc.initialize-schema", "never",
            "spring.flyway.enabled", "false", "engine.batch.worker-mode", workerMode,
            "engine.batch.worker-log-dir", "target/worker-logs", "engine.batch.worker-poll-interval", "200ms"))
        .run();
  }

  /** The claims of {@link NightlyJobRestartIT}: one policy, twenty receipts, C-0013's unreadable. */
  static void importClaims(ConfigurableApplicationContext ctx) {
    ClaimIntakeService intake = ctx.getBean(ClaimIntakeService.class);
    intake.importPolicy(new Policy("P-1", null, "MILLION_MEDICAL", new Policy.Insured("张三", "110101199001011234", "M",
        LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 30,
        new BigDecimal("1000000.00"), BigDecimal.ZERO.setScale(2), Policy.HospitalRequirement.ANY, List.of()));
    for (int i = 1; i <= CLAIMS; i++) {
      String id = String.format("C-%04d", i);
      String text = i == 13 ? "FAIL"
          : "total=" + (90 + i) + ".00;invoice=" + String.format("%010d", i) + ";code=11060126;payer=张三;date=2026-06-01";
      intake.importClaim(new Claim(id, "P-1", Claim.ClaimType.OUTPATIENT, new Claim.Diagnosis("感冒", "J06.900"),
          new BigDecimal((90 + i) + ".00"), Instant.parse("2026-11-24T01:00:00Z"), List.of("r.txt")),
          Map.of("r.txt", text.getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(ctx.getBean(NightlyRunService.class).pending(DATE)).isEqualTo(CLAIMS);
  }

  static List<StepExecution> partitions(JobExecution exec) {
    return exec.getStepExecutions().stream()
        .filter(s -> s.getStepName().startsWith(NightlyClaimsWorkerConfiguration.WORKER_STEP + ":")).toList();
  }

  static StepExecution step(JobExecution exec, String name) {
    return exec.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
  }

  static long workerPid(StepExecution s) {
    String[] recorded = s.getExecutionContext().getString(PartitionWorker.WORKER_PROCESS).split(" ");
    assertThat(recorded[2]).isEqualTo(String.valueOf(s.getId()));
    return Long.parseLong(recorded[1]);
  }

  static String statusOf(DSLContext db, String claimId) {
    return db.select(CLAIM.STATUS).from(CLAIM).where(CLAIM.CLAIM_ID.eq(claimId)).fetchOne(CLAIM.STATUS);
  }

  static int pending(DSLContext db) {
    return db.fetchCount(CLAIM, CLAIM.STATUS.eq("RECEIVED"));
  }

  /** Every claim, document, receipt and flag row, keyed by claim id, without keys, clocks or execution ids. */
  static List<String> dump(DataSource ds) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      dumpQuery(s, "claim", "SELECT c.* FROM claim c", lines);
      for (String table : List.of("claim_document", "receipt_extraction", "claim_flag")) {
        dumpQuery(s, table, "SELECT c.claim_id AS claim, t.* FROM " + table + " t JOIN claim c ON c.id = t.claim_pk",
            lines);
      }
    }
    lines.sort(null);
    return lines;
  }

  /** JSON with its object keys sorted: the key order of stored text differs between JVMs, not its meaning. */
  static String canonical(String json) {
    try {
      return SORTED.writeValueAsString(SORTED.readValue(json, Object.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json;
    }
  }

  private static void dumpQuery(Statement s, String table, String sql, List<String> lines) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      while (r.next()) {
        StringBuilder line = new StringBuilder(table);
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String col = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
          if (!VOLATILE.contains(col)) {
            String value = r.getString(i);
            line.append(" | ").append(col).append('=').append(col.endsWith("_json") && value != null ? canonical(value)
                : value);
          }
        }
        lines.add(line.toString());
      }
    }
  }
}
