package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.batch.nightly.NightlyRunService;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.generator.FontUnavailableException;
import cn.healthrisk.claims.generator.GeneratedDocument;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly run is killed with SIGKILL in a separate engine process while its partitions are
 * running, recovered with {@code engine batch recover}, resumed with {@code engine batch nightly},
 * and must leave exactly the rows an uninterrupted run of the same claims leaves in another
 * database: no claim lost, none doubled, the books balanced.
 */
class NightlyCrashRecoveryIT {
  static final int CLAIMS = 40;
  static final LocalDate DATE = EndToEndRun.today();
  /** Columns that differ between two correct runs: keys, clocks and job-execution ids. */
  static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  static final Set<String> VOLATILE = Set.of("id", "claim_pk", "created_at", "processed_at", "received_at",
      "processed_job_execution_id");

  @Test
  void killedRunRecoversAndEndsExactlyLikeAnUninterruptedRun(@TempDir Path work) throws Exception {
    List<GeneratedDocument> receipts = electronicReceipts(work.resolve("receipts"));
    Path dataDir = Files.createDirectories(Path.of("target", "crash-it", "data").toAbsolutePath());

    try (TestDatabase crashed = TestDatabase.create(); TestDatabase reference = TestDatabase.create()) {
      try (ConfigurableApplicationContext ctx = TestEngine.start(reference, false, Map.of())) {
        importClaims(ctx, receipts);
        NightlyRunService.RunReport run = ctx.getBean(NightlyRunService.class).run(DATE);
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.read()).isEqualTo(CLAIMS);
      }
      try (ConfigurableApplicationContext ctx = TestEngine.start(crashed, false, Map.of())) {
        importClaims(ctx, receipts);
      }

      // 1. The nightly run in its own process, slowed per chunk, killed once some chunks are written.
      Process run = EngineProcess.start(crashed, dataDir, work.resolve("run-1.log"),
          "1g", 400, Map.of(), "batch", "nightly", "--business-date",
          DATE.toString());
      int doneAtKill = waitUntilMidRun(crashed.dataSource(), run, work.resolve("run-1.log"));
      run.destroyForcibly();
      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(run.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
      assertThat(doneAtKill).isBetween(1, CLAIMS - 1);
      long killedExecution = single(crashed.dataSource(),
          "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");
      int pendingAfterKill = (int) single(crashed.dataSource(), "SELECT COUNT(*) FROM claim WHERE status = 'RECEIVED'");
      assertThat(pendingAfterKill).as("claims left for the resumed run").isBetween(1, CLAIMS - 1);

      // 2. The documented recovery: recover, then run the same date again.
      Process recover = EngineProcess.start(crashed, dataDir, work.resolve("recover.log"),
          "1g", 0, Map.of(), "batch", "recover");
      assertThat(EngineProcess.finish(recover, work.resolve("recover.log"), 300)).isZero();
      assertThat(Files.readString(work.resolve("recover.log"))).contains("Recovered interrupted executions [" + killedExecution);
      assertThat(single(crashed.dataSource(), "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'"))
          .isZero();
      assertThat(single(crashed.dataSource(), "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED'"))
          .isZero();

      Process resume = EngineProcess.start(crashed, dataDir, work.resolve("run-2.log"),
          "1g", 0, Map.of(), "batch", "nightly", "--business-date",
          DATE.toString());
      assertThat(EngineProcess.finish(resume, work.resolve("run-2.log"),
          300)).as(Files.readString(work.resolve("run-2.log"))).isZero();
      assertThat(Files.readString(work.resolve("run-2.log"))).contains("Run resumed for " + DATE + ": COMPLETED");

      // 3. The books: every claim processed by one of the two executions, the second read what was left.
      DataSource ds = crashed.dataSource();
      assertThat(single(ds, "SELECT COUNT(*) FROM claim WHERE status IN ('RECEIVED', 'PROCESSING')")).isZero();
      long resumedExecution = single(ds, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
      assertThat(resumedExecution).isGreaterThan(killedExecution);
      assertThat(single(ds, "SELECT COUNT(*) FROM claim WHERE processed_job_execution_id IN (" + killedExecution + ", "
          + resumedExecution + ")")).isEqualTo(CLAIMS);
      long readByResumed = single(ds, "SELECT SUM(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = "
          + resumedExecution + " AND STEP_NAME LIKE 'nightlyClaimWorker%'");
      assertThat(single(ds, "SELECT COUNT(*) FROM claim WHERE processed_job_execution_id = " + resumedExecution))
          .isEqualTo(readByResumed).isEqualTo(pendingAfterKill);
      assertThat(single(ds, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = " + resumedExecution
          + " AND STEP_NAME = 'nightlyReconcile' AND STATUS = 'COMPLETED'")).isEqualTo(1);

      // 4. The same rows as the run that was never interrupted.
      List<String> expected = dump(reference.dataSource());
      List<String> actual = dump(ds);
      assertThat(expected).as("reference dump").hasSizeGreaterThan(CLAIMS * 2);
      assertThat(actual).containsExactlyElementsOf(expected);
    }
  }

  /** Generated e-receipt PDFs with a text layer: real documents that read in milliseconds. */
  private static List<GeneratedDocument> electronicReceipts(Path dir) {
    List<GeneratedDocument> all;
    try {
      all = new ReceiptGenerator(0.2).generate(dir, CLAIMS * 2 + 20, 20261124L, Set.of("B"), Set.of("clean"));
    } catch (FontUnavailableException e) {
      TestEngine.requireOrSkip(false, "a CJK font for the receipt generator (fonts-wqy-zenhei)");
      throw e;
    }
    List<GeneratedDocument> pdfs = all.stream().filter(d -> d.document().toString().endsWith(".pdf")).limit(CLAIMS)
        .toList();
    assertThat(pdfs).hasSize(CLAIMS);
    return pdfs;
  }

  private static void importClaims(ConfigurableApplicationContext ctx, List<GeneratedDocument> receipts)
      throws IOException {
    ClaimIntakeService intake = ctx.getBean(ClaimIntakeService.class);
    for (int i = 0; i < receipts.size(); i++) {
      GeneratedDocument d = receipts.get(i);
      String policyNo = String.format(Locale.ROOT, "P-%04d", i % 7);
      if (i < 7) {
        String name = d.fields().payerName() == null ? "王丽" : d.fields().payerName();
        intake.importPolicy(new Policy(policyNo, null, "MILLION_MEDICAL", new Policy.Insured(name,
            "330102199001011234", "F", LocalDate.of(1990, 1, 1)), LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31),
            30, new BigDecimal("3000000.00"), new BigDecimal("0.00"), Policy.HospitalRequirement.ANY, List.of()));
      }
      String file = d.document().getFileName().toString();
      BigDecimal claimed = d.fields().totalAmount() == null ? new BigDecimal("100.00") : d.fields().totalAmount();
      intake.importClaim(new Claim(String.format(Locale.ROOT, "C-CRASH-%04d", i), policyNo, Claim.ClaimType.INPATIENT,
          new Claim.Diagnosis("急性阑尾炎", "K35.800"), claimed, Instant.parse("2026-11-24T01:00:00Z"), List.of(file)),
          Map.of(file, Files.readAllBytes(d.document())));
    }
  }

  /** Waits until the run has written some chunks but not all, with a worker step still running. */
  private static int waitUntilMidRun(DataSource ds, Process run, Path log) throws Exception {
    // Generous: a loaded machine starts the engine and reads the first receipts slowly; a hang still fails.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      if (!run.isAlive()) {
        throw new AssertionError("the run ended before it could be killed:\n" + Files.readString(log));
      }
      try {
        int done = (int) single(ds, "SELECT COUNT(*) FROM claim WHERE status <> 'RECEIVED'");
        long workers = single(ds, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED' "
            + "AND STEP_NAME LIKE 'nightlyClaimWorker%'");
        if (done >= 6 && workers >= 1) {
          return done;
        }
      } catch (SQLException e) {
        // The batch tables may not exist yet while the child applies its migrations.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never reached the middle:\n" + Files.readString(log));
  }

  private static long single(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * Every claim, document, receipt and flag row as one line of its own values, keyed by claim id
   * instead of internal keys, without clocks or execution ids; sorted, so that a lost or doubled
   * row shows as a difference.
   */
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

  /** JSON with its object keys sorted: the stored text's key order is not part of its meaning. */
  static String canonical(String json) {
    try {
      return SORTED.writeValueAsString(SORTED.readValue(json, Object.class));
    } catch (JsonProcessingException e) {
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
