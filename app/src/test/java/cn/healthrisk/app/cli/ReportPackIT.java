package cn.healthrisk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report pack ({@code report-pack/applications.jsonl}): applications whose checkup reports are
 * documents, with the outcomes Chinese market practice accepts per product line. Each report is drawn from
 * its description (a PDF with a text layer, or a PNG that is read by OCR) into a folder beside the
 * applications file, and the pack is underwritten as {@code engine underwrite --in} does, so every
 * document is found by its path relative to that file. Every pair must agree.
 */
class ReportPackIT {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private final ObjectMapper json = UnderwritingJson.mapper();

  @Test
  void everyPairOfTheReportPackGetsAnAcceptableOutcome(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(CheckupReports.fontsAvailable() || "true".equals(System.getenv("CI")),
        "CJK fonts not installed");
    List<JsonNode> pack = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/report-pack/applications.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (!line.isBlank()) {
          pack.add(json.readTree(line));
        }
      }
    }
    assertThat(pack).hasSizeBetween(10, 20);
    StringBuilder applications = new StringBuilder();
    for (JsonNode entry : pack) {
      for (Map.Entry<String, JsonNode> report : entry.get("reports").properties()) {
        Path file = dir.resolve(report.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, draw(report.getKey(), report.getValue()));
      }
      applications.append(json.writeValueAsString(entry.get("application"))).append('\n');
    }
    Path in = dir.resolve("applications.jsonl");
    Files.writeString(in, applications, StandardCharsets.UTF_8);
    Path out = dir.resolve("decisions.jsonl");

    try (TestDatabase db = TestDatabase.create();
        ReportReader reader = new ReportReader("rapidocr",
            new DocumentLimits(5_000_000, 40_000_000, 10, Duration.ofSeconds(600)))) {
      DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
      UnderwritingService service = new UnderwritingService(new UnderwritingEngine(KB, normalizer,
          new CheckupEvaluator(KB, normalizer), Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC)),
          new ApplicationValidator(KB), new DecisionRepository(DSL.using(db.dataSource(),
          Dialects.detect(db.dataSource()))), reader);
      UnderwriteCommand.writeAtomically(out, w -> {
        try (InputStream raw = Files.newInputStream(in)) {
          return UnderwriteCommand.underwrite(service, raw, w, "report-pack", 2, new UnderwriteCommand.Progress(null, 0),
              in.toAbsolutePath().getParent());
        }
      });
    }

    List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(records).hasSameSizeAs(pack);
    int pairs = 0;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < pack.size(); i++) {
      JsonNode entry = pack.get(i);
      JsonNode decision = json.readTree(records.get(i));
      for (Map.Entry<String, JsonNode> expected : entry.get("expected").properties()) {
        pairs++;
        List<String> acceptable = new ArrayList<>();
        expected.getValue().forEach(v -> acceptable.add(v.asText()));
        String actual = outcome(decision, expected.getKey());
        if (!acceptable.contains(actual)) {
          problems.add(String.format("  %s %s: got %s, acceptable %s  (%s)%n%s", entry.get("id").asText(),
              expected.getKey(), actual, acceptable, entry.get("note").asText(), why(decision, expected.getKey())));
        }
      }
    }
    if (!problems.isEmpty()) {
      fail("%d of %d report-pack pairs disagree:%n%s", problems.size(), pairs, String.join("", problems));
    }
  }

  private static byte[] draw(String name, JsonNode spec) throws IOException {
    if (spec.has("lines")) {
      List<String> lines = new ArrayList<>();
      spec.get("lines").forEach(l -> lines.add(l.asText()));
      return CheckupReports.pdfOfLines(lines);
    }
    List<CheckupReports.Section> sections = new ArrayList<>();
    for (JsonNode s : spec.get("sections")) {
      List<List<String>> rows = new ArrayList<>();
      s.path("rows").forEach(r -> {
        List<String> row = new ArrayList<>();
        r.forEach(c -> row.add(c.asText()));
        rows.add(row);
      });
      sections.add(new CheckupReports.Section(s.get("title").asText(), rows, strings(s.path("lines")),
          strings(s.path("entries"))));
    }
    CheckupReports.Spec report = new CheckupReports.Spec(spec.get("hospital").asText(), spec.get("name").asText(),
        spec.get("sex").asText(), spec.get("age").asInt(), LocalDate.parse(spec.get("date").asText()), sections);
    if (name.endsWith(".png")) {
      return CheckupReports.png(report);
    }
    if (name.endsWith(".pdf")) {
      return CheckupReports.pdf(report);
    }
    throw new IllegalArgumentException("report-pack document " + name + " must end in .pdf or .png");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String outcome(JsonNode decision, String productLine) {
    if (decision.has("error")) {
      return "error " + decision.get("error").asText() + ": " + decision.get("fieldErrors");
    }
    for (JsonNode line : decision.get("decisions")) {
      if (line.get("productLine").asText().equals(productLine)) {
        return line.get("outcome").asText();
      }
    }
    return "not decided";
  }

  private static String why(JsonNode decision, String productLine) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode line : decision.path("decisions")) {
      if (line.get("productLine").asText().equals(productLine)) {
        for (JsonNode r : line.get("reasons")) {
          String finding = r.path("findingId").asText("");
          String evidence = "";
          for (JsonNode f : decision.get("findings")) {
            if (f.get("findingId").asText().equals(finding)) {
              evidence = " [" + f.path("concept").asText("?") + " ← " + f.get("evidence").asText() + "]";
            }
          }
          sb.append("      ").append(r.get("ruleId").asText()).append(' ').append(r.get("text").asText())
              .append(evidence).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
