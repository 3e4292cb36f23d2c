package cn.healthrisk.app.cli;

import cn.healthrisk.batch.nightly.NightlyRunService;
import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.application.ClaimQueryService;
import cn.healthrisk.claims.application.ImportReport;
import cn.healthrisk.claims.flagbench.FlagBenchScore;
import cn.healthrisk.claims.flagbench.FlagScenario;
import cn.healthrisk.claims.flagbench.FlagScenarios;
import cn.healthrisk.claims.generator.FontUnavailableException;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.app.config.EngineDatabase;
import cn.healthrisk.sql.EmbeddedMariaDb;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine claims flag-bench --in DIR}: runs labelled flag scenarios through import and the nightly job
 * and scores the flags raised against those expected. Everything happens in a database created for the
 * run (on the configured server, or the embedded one) and dropped afterwards, so real data is never touched.
 */
@Command(name = "flag-bench", mixinStandardHelpOptions = true,
    description = "Score the anomaly flags on labelled scenarios (one sub-folder each: an intake folder plus "
        + "expected.json): per-flag precision and recall and overall figures. Runs in a separate, temporary database.")
public class ClaimsFlagBenchCommand implements Callable<Integer> {
  private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+)(/[^?]*)?(\\?.*)?$");
  /** Business tables first, then Spring Batch's: everything a scenario leaves behind. */
  private static final List<String> RESET_TABLES = List.of("claim_flag", "receipt_extraction", "claim_document", "claim",
      "policy", "document_content", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT",
      "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");
  private static final List<String> DB_SETTINGS = List.of("ENGINE_DB_URL", "ENGINE_DB_USER", "ENGINE_DB_PASSWORD");

  @Option(names = "--in", required = true, description = "The scenario folder (one sub-folder per scenario).")
  Path in;

  @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
  boolean json;

  @Option(names = "--details", description = "List every claim whose flags differ from those expected.")
  boolean details;

  @Override
  public Integer call() throws IOException {
    List<FlagScenario> scenarios;
    Path work = Files.createTempDirectory("flag-bench-");
    Map<String, Map<LocalDate, Path>> prepared = new LinkedHashMap<>();
    try {
      try {
        scenarios = FlagScenarios.load(in);
        for (FlagScenario s : scenarios) {
          prepared.put(s.name(), FlagScenarios.prepare(s, work));
        }
      } catch (IllegalArgumentException | FontUnavailableException e) {
        System.err.println("engine claims flag-bench: " + e.getMessage());
        return 2;
      }
      BenchDatabase db;
      try {
        quietLogsBeforeSpring();
        db = BenchDatabase.create();
      } catch (RuntimeException e) {
        System.err.println("engine claims flag-bench: cannot create the bench database: " + e.getMessage());
        return 2;
      }
      FlagBenchScore score;
      try (db) {
        score = run(scenarios, prepared, db);
      } catch (IllegalStateException e) {
        System.err.println("engine claims flag-bench: " + e.getMessage());
        return 2;
      }
      System.out.print(json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(score.json()) + "\n"
          : score.text(details));
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  private FlagBenchScore run(List<FlagScenario> scenarios, Map<String, Map<LocalDate, Path>> prepared,
      BenchDatabase db) {
    FlagBenchScore score = new FlagBenchScore();
    Map<String, String> saved = new HashMap<>();
    for (String k : DB_SETTINGS) {
      saved.put(k, System.getProperty(k));
    }
    // System properties rank above environment variables: the context can only reach the bench database.
    System.setProperty("ENGINE_DB_URL", db.url());
    System.setProperty("ENGINE_DB_USER", db.user());
    System.setProperty("ENGINE_DB_PASSWORD", db.password());
    // The dialect's version notice would otherwise precede the figures on standard output.
    try (ConfigurableApplicationContext ctx = Contexts.start(false, Map.of("logging.level.org.jooq", "ERROR"))) {
      String connected = ctx.getBean(EngineDatabase.class).url();
      if (!connected.equals(db.url())) {
        throw new IllegalStateException("the engine connected to " + connected + " instead of the bench database");
      }
      DataSource ds = ctx.getBean(DataSource.class);
      PolicyRepository policies = ctx.getBean(PolicyRepository.class);
      ClaimRepository claims = ctx.getBean(ClaimRepository.class);
      TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
      NightlyRunService nightly = ctx.getBean(NightlyRunService.class);
      ClaimQueryService query = ctx.getBean(ClaimQueryService.class);
      for (FlagScenario s : scenarios) {
        try {
          reset(ds);
          for (Map.Entry<LocalDate, Path> night : prepared.get(s.name()).entrySet()) {
            // Claims arrive during their night (noon in China), so that night's run picks them up.
            Clock arrival = Clock.fixed(night.getKey().atTime(LocalTime.NOON).atZone(FlagScenarios.ZONE).toInstant(),
                ZoneOffset.UTC);
            ImportReport r = new ClaimIntakeService(policies, claims, tx, arrival).importFolder(night.getValue());
            r.rejections().forEach(x -> System.err.printf("  %s: intake rejected %s: %s: %s%n", s.name(), x.source(),
                x.code(), x.message()));
            NightlyRunService.RunReport run = nightly.run(night.getKey());
            if (run.status() != BatchStatus.COMPLETED) {
              throw new IllegalStateException("nightly run for " + night.getKey() + " ended " + run.status() + ": "
                  + run.exitDescription());
            }
          }
          for (Map.Entry<String, Set<FlagCode>> e : s.expected().entrySet()) {
            score.add(s.name(), e.getKey(), e.getValue(), raised(query, e.getKey()));
          }
          if (!json) {
            System.err.printf("  %s: %d claims scored%n", s.name(), s.expected().size());
          }
        } catch (RuntimeException e) {
          System.err.printf("  %s: could not be run: %s%n", s.name(), e.getMessage());
          score.failed(s.name());
        }
      }
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
    return score;
  }

  // The embedded server starts before Spring has set up logging, which would print every line it logs.
  private static void quietLogsBeforeSpring() {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private static Set<FlagCode> raised(ClaimQueryService query, String claimId) {
    Set<FlagCode> out = new LinkedHashSet<>();
    query.result(claimId).ifPresent(r -> {
      for (JsonNode f : r.path("flags")) {
        out.add(FlagCode.valueOf(f.path("code").asText()));
      }
    });
    return out;
  }

  private static void reset(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("SET FOREIGN_KEY_CHECKS = 0");
      try {
        for (String t : RESET_TABLES) {
          st.executeUpdate("DELETE FROM " + t);
        }
      } finally {
        st.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the bench database: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String setting(String key, String fallback) {
    String v = System.getProperty(key);
    if (v == null) {
      v = System.getenv(key);
    }
    return v == null ? fallback : v;
  }

  /** A database made for one bench run on the configured or embedded server, dropped on close. */
  record BenchDatabase(String url, String user, String password, String serverUrl, String name,
      EmbeddedMariaDb embedded) implements AutoCloseable {

    static BenchDatabase create() {
      String name = "flagbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      String configured = setting("ENGINE_DB_URL", "");
      if (configured.isBlank()) {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of(setting("ENGINE_DATA_DIR", "data")));
        BenchDatabase b = new BenchDatabase(EmbeddedMariaDb.jdbcUrl(db.port(), name), "root", "",
            EmbeddedMariaDb.jdbcUrl(db.port(), ""), name, db);
        b.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return b;
      }
      Matcher m = SERVER_URL.matcher(configured);
      if (!m.matches()) {
        throw new IllegalStateException("ENGINE_DB_URL is not a jdbc:mysql:// or jdbc:mariadb:// URL: "
            + configured.replaceAll("(?i)password=[^&]*", "password=***"));
      }
      String params = m.group(3) == null ? "" : m.group(3);
      BenchDatabase b = new BenchDatabase(m.group(1) + "/" + name + params, setting("ENGINE_DB_USER", "root"),
          setting("ENGINE_DB_PASSWORD", ""), m.group(1) + "/" + params, name, null);
      b.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      return b;
    }

    void execute(String sql) {
      try (Connection c = DriverManager.getConnection(serverUrl, user, password);
          Statement st = c.createStatement()) {
        st.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot prepare the bench database " + name + " (" + e.getMessage()
            + "); the database user needs CREATE and DROP rights", e);
      }
    }

    @Override
    public void close() {
      try {
        execute("DROP DATABASE IF EXISTS " + name);
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
    }
  }
}
