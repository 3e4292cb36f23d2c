package cn.healthrisk.app.cli;

import static cn.healthrisk.sql.jooq.Tables.UW_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.application.UnderwritingService;
import cn.healthrisk.underwriting.bench.TypicalApplication;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnderwriteCommandIT {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final int LINES = 5_000;
  /** Bad lines by line number, with the error code and field path their record must carry. */
  private static final Map<Integer, String[]> BAD = Map.of(
      7, new String[] {"{\"applicationId\": \"A-7\", \"applicant\": ", "MALFORMED_JSON", "$"},
      1_234, new String[] {"{\"applicationId\": \"A-1234\", \"productLine\": [\"TERM_LIFE\"]}", "VALIDATION_FAILED",
          "productLine"},
      2_500, new String[] {"{\"applicationId\": \"A-2500\", \"applicant\": {\"age\": \"old\"}}", "VALIDATION_FAILED",
          "applicant.age"},
      4_999, new String[] {"{\"applicationId\": \"A-4999\", \"applicant\": {\"age\": 30, \"sex\": \"F\"}, "
          + "\"productLines\": [\"NO_SUCH_LINE\"]}", "VALIDATION_FAILED", "productLines[0]"});
  private static final int BLANK = 3_000;

  private TestDatabase db;
  private DSLContext dsl;
  private UnderwritingService service;
  private final ObjectMapper json = UnderwritingJson.mapper();

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
    DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
    service = new UnderwritingService(new UnderwritingEngine(KB, normalizer, new CheckupEvaluator(KB, normalizer),
        Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC)), new ApplicationValidator(KB),
        new DecisionRepository(dsl));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aLargeFileComesOutInInputOrderWithErrorRecordsForTheBadLines(@TempDir Path dir) throws Exception {
    Path in = generate(dir.resolve("applications.jsonl"));
    Path out = dir.resolve("decisions.jsonl");
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    PrintStream display = new PrintStream(shown, true, StandardCharsets.UTF_8);

    UnderwriteCommand.Totals totals = UnderwriteCommand.writeAtomically(out, w -> {
      try (InputStream raw = Files.newInputStream(in)) {
        return UnderwriteCommand.underwrite(service, raw, w, "batch-it", 3,
            new UnderwriteCommand.Progress(display, Files.size(in)));
      }
    });

    int good = LINES - BAD.size() - 1;
    assertThat(totals.decided()).isEqualTo(good);
    assertThat(totals.errors()).isEqualTo(BAD.size());
    List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(records).hasSize(LINES - 1);
    int line = 0;
    for (String record : records) {
      line++;
      if (line == BLANK) {
        line++;
      }
      JsonNode node = json.readTree(record);
      String[] bad = BAD.get(line);
      if (bad == null) {
        assertThat(node.get("applicationId").asText()).as("record for line %d", line).isEqualTo("A-" + line);
        assertThat(node.get("decisions")).hasSize(3);
      } else {
        assertThat(node.get("line").asInt()).isEqualTo(line);
        assertThat(node.get("error").asText()).isEqualTo(bad[1]);
        assertThat(node.get("message").asText()).isNotBlank();
        assertThat(node.get("fieldErrors").findValuesAsText("path")).as("line %d", line).contains(bad[2]);
      }
    }
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(good);
    String progress = shown.toString(StandardCharsets.UTF_8);
    assertThat(progress).contains("5,000 lines").contains("100%");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("applications.jsonl",
          "decisions.jsonl");
    }
  }

  @Test
  void aFailedBatchLeavesNoOutputAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("decisions.jsonl");
    Files.writeString(out, "previous run\n");

    assertThatThrownBy(() -> UnderwriteCommand.writeAtomically(out, w -> {
      w.write("half a record");
      throw new IllegalStateException("database went away");
    })).hasMessage("database went away");

    assertThat(Files.readString(out)).isEqualTo("previous run\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  private Path generate(Path file) throws IOException {
    List<String> lines = new ArrayList<>(LINES);
    for (int i = 1; i <= LINES; i++) {
      if (i == BLANK) {
        lines.add("");
      } else if (BAD.containsKey(i)) {
        lines.add(BAD.get(i)[0]);
      } else {
        Application a = TypicalApplication.create("A-" + i);
        lines.add(json.writeValueAsString(a));
      }
    }
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
