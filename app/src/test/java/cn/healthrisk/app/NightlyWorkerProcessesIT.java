package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.batch.nightly.NightlyRunService;
import cn.healthrisk.batch.nightly.PartitionWorker;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.generator.FontUnavailableException;
import cn.healthrisk.claims.generator.GeneratedDocument;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.sql.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine's nightly run with {@code engine.batch.worker-mode=processes}: each partition in an
 * {@code engine batch worker} JVM of its own, on the same database. On e-receipt PDFs (no OCR) it
 * must leave exactly the rows of a run on threads; and when the engine running it is killed with
 * SIGKILL, its workers must stop by themselves, and recover and a rerun must finish the date
 * with the same rows again.
 */
class NightlyWorkerProcessesIT {
  static final int CLAIMS = 24;
  static final LocalDate DATE = EndToEndRun.today();
  /** E-receipts read from their text layer: no page OCR, so the test stays quick. */
  static final Map<String, Object> NO_OCR = Map.of("ENGINE_DOC_TAMPER_CHECK", "false");

  @TempDir
  static Path work;
  static List<GeneratedDocument> receipts;
  static List<String> reference;

  @BeforeAll
  static void referenceRunOnThreads() throws Exception {
    receipts = electronicReceipts(work.resolve("receipts"));
    try (TestDatabase db = TestDatabase.create();
        ConfigurableApplicationContext ctx = TestEngine.start(db, false, NO_OCR)) {
      importClaims(ctx);
      NightlyRunService.RunReport run = ctx.getBean(NightlyRunService.class).run(DATE);
      assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
      reference = NightlyCrashRecoveryIT.dump(db.dataSource());
    }
    assertThat(reference).hasSizeGreaterThan(CLAIMS * 2);
  }

  @Test
  void workerProcessesLeaveTheRowsOfARunOnThreads() throws Exception {
    Path dataDir = Files.createDirectories(work.resolve("in-process-data"));
    try (TestDatabase db = TestDatabase.create()) {
      Map<String, Object> props = new HashMap<>(NO_OCR);
      // Start-up defaults rank below application.yml: they fill its placeholders.
      props.put("ENGINE_BATCH_WORKER_MODE", "processes");
      props.put("ENGINE_BATCH_PARTITIONS", 2);
      props.put("ENGINE_BATCH_CHUNK_SIZE", 3);
      props.put("ENGINE_DATA_DIR", dataDir.toString());
      try (ConfigurableApplicationContext ctx = TestEngine.start(db, false, props)) {
        importClaims(ctx);
        NightlyRunService.RunReport run = ctx.getBean(NightlyRunService.class).run(DATE);
        assertThat(run.status()).as("%s", run).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.read()).isEqualTo(CLAIMS).isEqualTo(run.written() + run.parked());
        List<String> workers = workerProcesses(ctx, run.jobExecutionId());
        assertThat(workers).hasSize(2).doesNotHaveDuplicates()
            .noneMatch(w -> w.split(" ")[1].equals(Long.toString(ProcessHandle.current().pid())));
        // Each worker's output is kept, and says what it did.
        for (long step : stepIds(db.dataSource(), run.jobExecutionId())) {
          Path log = dataDir.resolve("logs/workers/job-" + run.jobExecutionId() + "-step-" + step + ".log");
          assertThat(Files.readString(log)).contains("COMPLETED, read ");
        }
      }
      assertThat(NightlyCrashRecoveryIT.dump(db.dataSource())).containsExactlyElementsOf(reference);
    }
  }

  @Test
  void killedManagerTakesItsWorkersWithItAndTheDateIsResumed() throws Exception {
    Path dataDir = Files.createDirectories(work.resolve("crash-data"));
    try (TestDatabase db = TestDatabase.create()) {
      try (ConfigurableApplicationContext ctx = TestEngine.start(db, false, NO_OCR)) {
        importClaims(ctx);
      }
      DataSource ds = db.dataSource();
      Process run = EngineProcess.start(db, dataDir, work.resolve("run-1.log"),
          "512m", 500, Map.of("ENGINE_DOC_TAMPER_CHECK", "false"), "batch", "nightly", "--worker-mode",
          "processes", "--business-date", DATE.toString());
      List<ProcessHandle> workers;
      try {
        waitUntilMidRun(ds, run, work.resolve("run-1.log"));
        // The engine's only child processes are its workers (the database is not embedded here).
        workers = run.children().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
            .toList();
        assertThat(workers).as("worker processes of the run").hasSize(2);
      } finally {
        run.destroyForcibly();
      }
      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (ProcessHandle w : workers) {
        assertThat(w.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get())
            .as("worker %d stopped by itself once the engine was killed", w.pid()).isNotNull();
      }
      long killed = single(ds, "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");
      try (Stream<Path> logs = Files.list(dataDir.resolve("logs/workers"))) {
        assertThat(logs.filter(p -> p.getFileName().toString().startsWith("job-" + killed + "-")).toList())
            .hasSize(2).allSatisfy(p -> assertThat(Files.readString(p)).contains("manager process is gone"));
      }
      int pendingAfterKill = (int) single(ds, "SELECT COUNT(*) FROM claim WHERE status = 'RECEIVED'");
      assertThat(pendingAfterKill).isBetween(1, CLAIMS - 1);

      Process recover = EngineProcess.start(db, dataDir, work.resolve("recover.log"),
          "512m", 0, Map.of("ENGINE_DOC_TAMPER_CHECK", "false"), "batch", "recover");
      assertThat(EngineProcess.finish(recover, work.resolve("recover.log"), 180)).isZero();
      assertThat(Files.readString(work.resolve("recover.log"))).contains("Recovered interrupted executions [" + killed);

      Process resume = EngineProcess.start(db, dataDir, work.resolve("run-2.log"),
          "512m", 0, Map.of("ENGINE_DOC_TAMPER_CHECK", "false"), "batch", "nightly", "--worker-mode",
          "processes", "--business-date", DATE.toString());
      assertThat(EngineProcess.finish(resume, work.resolve("run-2.log"),
          180)).as(Files.readString(work.resolve("run-2.log"))).isZero();
      assertThat(Files.readString(work.resolve("run-2.log"))).contains("Run resumed for " + DATE + ": COMPLETED");
      long resumed = single(ds, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
      assertThat(single(ds, "SELECT SUM(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = " + resumed
          + " AND STEP_NAME LIKE 'nightlyClaimWorker%'")).isEqualTo(pendingAfterKill);
      assertThat(single(ds, "SELECT COUNT(*) FROM claim WHERE processed_job_execution_id = " + resumed))
          .isEqualTo(pendingAfterKill);
      assertThat(NightlyCrashRecoveryIT.dump(ds)).containsExactlyElementsOf(reference);
    }
  }

  /** Generated e-receipt PDFs with a text layer. */
  private static List<GeneratedDocument> electronicReceipts(Path dir) {
    List<GeneratedDocument> all;
    try {
      all = new ReceiptGenerator(0.2).generate(dir, CLAIMS * 2 + 20, 20261125L, Set.of("B"), Set.of("clean"));
    } catch (FontUnavailableException e) {
      TestEngine.requireOrSkip(false, "a CJK font for the receipt generator (fonts-wqy-zenhei)");
      throw e;
    }
    List<GeneratedDocument> pdfs = all.stream().filter(d -> d.document().toString().endsWith(".pdf")).limit(CLAIMS)
        .toList();
    assertThat(pdfs).hasSize(CLAIMS);
    return pdfs;
  }

  private static void importClaims(ConfigurableApplicationContext ctx) throws IOException {
    ClaimIntakeService intake = ctx.getBean(ClaimIntakeService.class);
    for (int i = 0; i < receipts.size(); i++) {
      GeneratedDocument d = receipts.get(i);
      String policyNo = String.format(Locale.ROOT, "P-%04d", i % 5);
      if (i < 5) {
        String name = d.fields().payerName() == null ? "王丽" : d.fields().payerName();
        intake.importPolicy(new Policy(policyNo, null, "MILLION_MEDICAL", new Policy.Insured(name,
            "330102199001011234", "F", LocalDate.of(1990, 1, 1)), LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31),
            30, new BigDecimal("3000000.00"), new BigDecimal("0.00"), Policy.HospitalRequirement.ANY, List.of()));
      }
      String file = d.document().getFileName().toString();
      BigDecimal claimed = d.fields().totalAmount() == null ? new BigDecimal("100.00") : d.fields().totalAmount();
      intake.importClaim(new Claim(String.format(Locale.ROOT, "C-WORK-%04d", i), policyNo, Claim.ClaimType.INPATIENT,
          new Claim.Diagnosis("急性阑尾炎", "K35.800"), claimed, Instant.parse("2026-11-24T01:00:00Z"), List.of(file)),
          Map.of(file, Files.readAllBytes(d.document())));
    }
  }

  /** Waits until both workers are running their partitions and some chunks are written. */
  private static void waitUntilMidRun(DataSource ds, Process run, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!run.isAlive()) {
        throw new AssertionError("the run ended before it could be killed:\n" + Files.readString(log));
      }
      try {
        long done = single(ds, "SELECT COUNT(*) FROM claim WHERE status <> 'RECEIVED'");
        long workers = single(ds, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED' "
            + "AND STEP_NAME LIKE 'nightlyClaimWorker%'");
        if (done >= 4 && workers == 2) {
          return;
        }
      } catch (SQLException e) {
        // The batch tables may not exist yet.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never reached the middle:\n" + Files.readString(log));
  }

  /** The worker process recorded in each partition's context of the execution. */
  private static List<String> workerProcesses(ConfigurableApplicationContext ctx, long jobExecutionId) {
    JobExplorer explorer = ctx.getBean(JobExplorer.class);
    return explorer.getJobExecution(jobExecutionId).getStepExecutions().stream()
        .filter(s -> s.getStepName().startsWith("nightlyClaimWorker:"))
        .map(s -> explorer.getStepExecution(jobExecutionId, s.getId()).getExecutionContext()
            .getString(PartitionWorker.WORKER_PROCESS))
        .toList();
  }

  private static List<Long> stepIds(DataSource ds, long jobExecutionId) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = "
            + jobExecutionId + " AND STEP_NAME LIKE 'nightlyClaimWorker:%'")) {
      while (r.next()) {
        out.add(r.getLong(1));
      }
    }
    return out;
  }

  private static long single(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
