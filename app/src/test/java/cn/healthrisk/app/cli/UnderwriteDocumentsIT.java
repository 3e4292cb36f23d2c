package cn.healthrisk.app.cli;

import static cn.healthrisk.sql.jooq.Tables.UW_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.documents.ReportReader;
import cn.healthrisk.app.reports.CheckupReports;
import cn.healthrisk.claims.document.DocumentLimits;
import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.application.UnderwritingService;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.replay.ReplayReport;
import cn.healthrisk.underwriting.replay.ReplayService;
import cn.healthrisk.underwriting.report.ReportDocumentReader;
import cn.healthrisk.underwriting.report.ReportLayout;
import cn.healthrisk.underwriting.report.ReportUnreadableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engine underwrite} with checkup report documents: paths relative to the input file's folder, a PDF
 * read from its text layer and a PNG read by OCR (RapidOCR), a missing and a corrupt document each giving
 * their line an error record, the reading stored and replayed without reading the files again.
 */
class UnderwriteDocumentsIT {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final String LINE = "{\"applicationId\": \"%s\", \"applicationDate\": \"2026-11-20\", "
      + "\"applicant\": {\"age\": 45, \"sex\": \"M\", \"heightCm\": 175, \"weightKg\": 72, \"smoker\": false}, "
      + "\"productLines\": [\"CRITICAL_ILLNESS\", \"MILLION_MEDICAL\"], \"disclosures\": [{\"text\": \"%s\"}], "
      + "\"documents\": %s}";

  private TestDatabase db;
  private DSLContext dsl;
  private ReportReader files;
  private final AtomicInteger reads = new AtomicInteger();
  private UnderwritingService service;
  private DecisionRepository repository;
  private final ObjectMapper json = UnderwritingJson.mapper();

  @BeforeEach
  void setUp() {
    Assumptions.assumeTrue(CheckupReports.fontsAvailable() || "true".equals(System.getenv("CI")),
        "CJK fonts not installed");
    db = TestDatabase.create();
    dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
    repository = new DecisionRepository(dsl);
    // A loaded build machine can take far longer per page than production.
    files = new ReportReader("rapidocr", new DocumentLimits(5_000_000, 40_000_000, 10, Duration.ofSeconds(600)));
    ReportDocumentReader counting = new ReportDocumentReader() {
      @Override
      public long maxBytes() {
        return files.maxBytes();
      }

      @Override
      public ReportLayout read(String name, byte[] content) throws ReportUnreadableException {
        reads.incrementAndGet();
        return files.read(name, content);
      }
    };
    DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
    service = new UnderwritingService(new UnderwritingEngine(KB, normalizer, new CheckupEvaluator(KB, normalizer),
        Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC)), new ApplicationValidator(KB),
        repository, counting);
  }

  @AfterEach
  void tearDown() {
    if (files != null) {
      files.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /** A short report, so that its OCR stays quick: a raised ALT, a thyroid nodule and the summary. */
  private static CheckupReports.Spec shortReport() {
    return new CheckupReports.Spec("上海市第六人民医院体检中心", "李雷", "男", 45, LocalDate.of(2026, 10, 9), List.of(
        new CheckupReports.Section("肝功能", List.of(List.of("谷丙转氨酶(ALT)", "96", "U/L", "9-50", "↑"),
            List.of("谷草转氨酶(AST)", "31", "U/L", "15-40")), null, null),
        new CheckupReports.Section("甲状腺彩超", null, List.of("检查结论: 甲状腺右叶低回声结节 TI-RADS 3类"), null),
        new CheckupReports.Section("总检结论", null, null, List.of("谷丙转氨酶升高", "甲状腺右叶结节(TI-RADS 3类)"))));
  }

  @Test
  void documentsResolveAgainstTheInputFilesFolderAndBadOnesGiveTheirLineAnErrorRecord(@TempDir Path dir)
      throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.createDirectories(batch.resolve("reports"));
    Files.write(batch.resolve("reports/li-lei.pdf"), CheckupReports.pdf(shortReport()));
    Files.write(batch.resolve("reports/li-lei.png"), CheckupReports.png(shortReport()));
    Files.write(batch.resolve("reports/broken.pdf"), "%PDF-1.7\nthis is no PDF at all".getBytes(StandardCharsets.US_ASCII));
    Path in = batch.resolve("applications.jsonl");
    Files.writeString(in, String.join("\n",
        LINE.formatted("A-PDF", "无", "[\"reports/li-lei.pdf\"]"),
        LINE.formatted("A-PNG", "无", "[\"reports/li-lei.png\"]"),
        LINE.formatted("A-MISSING", "无", "[\"reports/nobody.pdf\"]"),
        LINE.formatted("A-BROKEN", "无", "[\"reports/li-lei.pdf\", \"reports/broken.pdf\"]"),
        LINE.formatted("A-NONE", "胆结石", "[]")) + "\n", StandardCharsets.UTF_8);
    Path out = batch.resolve("decisions.jsonl");

    UnderwriteCommand.Totals totals = UnderwriteCommand.writeAtomically(out, w -> {
      try (InputStream raw = Files.newInputStream(in)) {
        return UnderwriteCommand.underwrite(service, raw, w, "cli-docs", 2, new UnderwriteCommand.Progress(null, 0),
            in.toAbsolutePath().getParent());
      }
    });

    assertThat(totals.decided()).isEqualTo(3);
    assertThat(totals.errors()).isEqualTo(2);
    List<JsonNode> records = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(this::tree).toList();
    for (JsonNode pdfOrPng : records.subList(0, 2)) {
      String name = pdfOrPng.get("applicationId").asText().equals("A-PDF") ? "reports/li-lei.pdf" : "reports/li-lei.png";
      assertThat(pdfOrPng.get("findings").findValuesAsText("concept")).as(name).containsExactly("肝功能异常", "甲状腺结节");
      assertThat(pdfOrPng.get("findings").get(0).get("evidence").asText())
          .isEqualTo("谷丙转氨酶(ALT) 96 U/L〔" + name + "〕");
    }
    assertThat(records.get(2).get("error").asText()).isEqualTo("DOCUMENT_NOT_FOUND");
    assertThat(records.get(2).get("fieldErrors").get(0).get("path").asText()).isEqualTo("documents[0]");
    assertThat(records.get(2).get("message").asText()).contains("reports/nobody.pdf");
    assertThat(records.get(3).get("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(records.get(3).get("fieldErrors").get(0).get("path").asText()).isEqualTo("documents[1]");
    assertThat(records.get(3).get("fieldErrors").get(0).get("message").asText()).contains("reports/broken.pdf");
    assertThat(records.get(4).get("findings").findValuesAsText("concept")).containsExactly("胆囊结石");

    // Stored: the two decisions with documents carry their reading, the one without none; nothing for the errors.
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(3);
    for (String id : List.of("A-PDF", "A-PNG")) {
      String documents = dsl.select(UW_DECISION.DOCUMENTS_JSON).from(UW_DECISION)
          .where(UW_DECISION.APPLICATION_ID.eq(id)).fetchOne(UW_DECISION.DOCUMENTS_JSON);
      JsonNode doc = json.readTree(documents).get(0);
      assertThat(doc.get("sha256").asText()).hasSize(64);
      assertThat(doc.get("readBy").asText()).isEqualTo(id.equals("A-PDF") ? "PDF_TEXT_LAYER" : "OCR");
      assertThat(doc.get("reportDate").asText()).isEqualTo("2026-10-09");
      assertThat(documents).as("the applicant's particulars are not kept").doesNotContain("李雷");
    }
    assertThat(dsl.select(UW_DECISION.DOCUMENTS_JSON).from(UW_DECISION).where(UW_DECISION.APPLICATION_ID.eq("A-NONE"))
        .fetchOne(UW_DECISION.DOCUMENTS_JSON)).isNull();

    int readsBefore = reads.get();
    ReplayReport replay = new ReplayService(repository).replay(KB, null, null);
    assertThat(replay.replayed()).isEqualTo(3);
    assertThat(replay.errors()).isEmpty();
    assertThat(replay.reproducibilityFailures()).isEmpty();
    assertThat(reads.get()).as("a replay reads no document").isEqualTo(readsBefore);
  }

  private JsonNode tree(String line) {
    try {
      return json.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
