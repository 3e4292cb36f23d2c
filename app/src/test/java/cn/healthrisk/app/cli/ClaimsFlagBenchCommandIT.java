package cn.healthrisk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.generator.ReceiptFonts;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code engine claims flag-bench} end to end on the test server: the labelled scenarios are imported and run
 * night by night in a database of their own, and the figures come out; the configured database is untouched.
 */
class ClaimsFlagBenchCommandIT {

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new EngineCommand()).execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static Path scenarios() throws Exception {
    return Path.of(ClaimsFlagBenchCommandIT.class.getClassLoader().getResource("flag-scenarios").toURI());
  }

  @Test
  void scoresTheScenariosInADatabaseOfItsOwn() throws Exception {
    Assumptions.assumeTrue(ReceiptFonts.available() || "true".equals(System.getenv("CI")), "CJK fonts not installed");
    try (TestDatabase db = TestDatabase.create()) {
      DSLContext ctx = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
      java.util.List<String> before = benchDatabases(ctx);
      System.setProperty("ENGINE_DB_URL", db.jdbcUrl());
      System.setProperty("ENGINE_DB_USER", db.user());
      System.setProperty("ENGINE_DB_PASSWORD", db.password());
      Run r;
      try {
        r = run("claims", "flag-bench", "--in", scenarios().toString(), "--json");
      } finally {
        System.clearProperty("ENGINE_DB_URL");
        System.clearProperty("ENGINE_DB_USER");
        System.clearProperty("ENGINE_DB_PASSWORD");
      }
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode figures = new ObjectMapper().readTree(r.out().substring(r.out().indexOf("{\n")));
      assertThat(figures.path("scenarios").asInt()).isEqualTo(4);
      assertThat(figures.path("claims").asInt()).isEqualTo(9);
      assertThat(figures.path("perFlag").path("SPLIT_HOSPITALIZATION").path("truePositives").asInt()).isEqualTo(1);
      assertThat(figures.path("perFlag").path("SPLIT_HOSPITALIZATION").path("recall").asDouble()).isEqualTo(1.0);
      assertThat(figures.path("perFlag").path("WAITING_PERIOD").path("truePositives").asInt()).isEqualTo(1);
      assertThat(figures.path("perFlag").path("DUPLICATE_RECEIPT").path("truePositives").asInt()).isEqualTo(2);
      assertThat(figures.path("perFlag").path("INELIGIBLE_HOSPITAL").path("truePositives").asInt()).isEqualTo(1);
      assertThat(figures.path("claimsExactlyRight").asInt()).as(figures.path("mismatches").toString()).isEqualTo(9);
      assertThat(figures.path("overall").path("precision").asDouble()).isEqualTo(1.0);

      assertThat(ctx.fetchCount(cn.healthrisk.sql.jooq.Tables.CLAIM)).as("the configured database is untouched").isZero();
      assertThat(benchDatabases(ctx)).as("the bench database is dropped").isSubsetOf(before);
    }
  }

  private static java.util.List<String> benchDatabases(DSLContext ctx) {
    return ctx.fetch("SHOW DATABASES LIKE 'flagbench\\_%'").stream().map(x -> x.get(0, String.class)).toList();
  }

  @Test
  void anUnknownRenderOptionIsAnErrorNamingTheScenario(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("bad-one");
    Files.createDirectories(s.resolve("claims/C-1"));
    Files.writeString(s.resolve("policies.jsonl"), "");
    Files.writeString(s.resolve("claims/C-1/claim.json"), "{\"claimId\": \"C-1\", \"policyNo\": \"P-1\", "
        + "\"claimType\": \"OUTPATIENT\", \"diagnosis\": {\"text\": \"感冒\"}, \"claimedAmount\": \"10.00\", "
        + "\"submittedAt\": \"2026-11-20T02:00:00Z\", \"documents\": [\"r.pdf\"]}");
    Files.writeString(s.resolve("claims/C-1/r.pdf.json"), "{\"fields\": {}, \"render\": {\"sparkle\": 1}}");
    Files.writeString(s.resolve("expected.json"), "{\"nights\": [\"2026-11-20\"], \"expected\": {\"C-1\": []}}");
    Run r = run("claims", "flag-bench", "--in", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("scenario bad-one").contains("unknown render option 'sparkle'");
  }
}
