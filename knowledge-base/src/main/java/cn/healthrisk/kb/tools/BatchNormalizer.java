package cn.healthrisk.kb.tools;

import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kb normalize}: reads JSON lines {@code {"text": ...}} and writes, per line, the top
 * finding's fields flattened next to the text, plus every finding.
 */
public final class BatchNormalizer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DisclosureNormalizer normalizer;
  private final LocalDate referenceDate;

  public BatchNormalizer(DisclosureNormalizer normalizer, LocalDate referenceDate) {
    this.normalizer = normalizer;
    this.referenceDate = referenceDate;
  }

  /** Converts every non-blank line; a line that is not a JSON object with {@code text} gets an {@code error}. */
  public int run(BufferedReader in, Writer out) throws IOException {
    int count = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> row;
      try {
        JsonNode node = JSON.readTree(line);
        JsonNode text = node == null ? null : node.get("text");
        row = text == null || !text.isTextual() ? error(line, "expected an object with a \"text\" string")
            : normalize(text.asText());
      } catch (IOException e) {
        row = error(line, "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
      }
      out.write(JSON.writeValueAsString(row));
      out.write('\n');
      count++;
    }
    out.flush();
    return count;
  }

  public Map<String, Object> normalize(String text) {
    List<ClinicalFinding> findings = normalizer.normalize(text, referenceDate);
    Optional<ClinicalFinding> top = FindingViews.top(findings);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("text", text);
    row.put("icd10", top.map(ClinicalFinding::icd10).orElse(null));
    row.put("procedure", top.map(FindingViews::procedure).orElse(null));
    row.put("concept", top.map(ClinicalFinding::concept).orElse(null));
    row.put("conceptId", top.map(ClinicalFinding::conceptId).orElse(null));
    row.put("negated", top.map(ClinicalFinding::negated).orElse(false));
    row.put("confidence", top.map(f -> Math.round(f.confidence() * 100) / 100.0).orElse(0.0));
    row.put("findings", findings.stream().map(FindingViews::json).toList());
    return row;
  }

  private static Map<String, Object> error(String line, String message) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("input", line);
    row.put("error", message);
    return row;
  }
}
