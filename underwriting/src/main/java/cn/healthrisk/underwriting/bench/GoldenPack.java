package cn.healthrisk.underwriting.bench;

import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.FieldError;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Agreement of the engine with underwriters' expectations: each line of the pack holds an application
 * and, per product line, the outcomes an underwriter would accept.
 */
public final class GoldenPack {

  /** Where the pack lives on the classpath. */
  public static final String LOCATION = "golden/applications.jsonl";

  private GoldenPack() {}

  /**
   * A product line whose outcome is not among the acceptable ones ({@code actual} names the error if none);
   * {@code why} lists the line's reasons with the findings they fired on, empty when there is no decision.
   */
  public record Disagreement(int line, String applicationId, String productLine, String actual,
      List<String> acceptable, String note, List<String> why) {

    /** The pair: application id and product line. */
    public String pair() {
      return applicationId + " " + productLine;
    }
  }

  /** Pairs counted, pairs agreeing, and every disagreement in pack order. */
  public record Result(int applications, int pairs, int agreed, List<Disagreement> disagreements) {
    public double agreement() {
      return pairs == 0 ? 0 : (double) agreed / pairs;
    }
  }

  /** Scores the pack on the classpath, or empty when there is none. */
  public static Optional<Result> evaluateClasspath(UnderwritingEngine engine, ApplicationValidator validator)
      throws IOException {
    InputStream in = GoldenPack.class.getClassLoader().getResourceAsStream(LOCATION);
    if (in == null) {
      return Optional.empty();
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return Optional.of(evaluate(r, engine, validator));
    }
  }

  /** Scores a pack read line by line; an application the engine cannot take disagrees on all its lines. */
  public static Result evaluate(BufferedReader pack, UnderwritingEngine engine, ApplicationValidator validator)
      throws IOException {
    ObjectMapper json = UnderwritingJson.mapper();
    List<Disagreement> disagreements = new ArrayList<>();
    int applications = 0;
    int pairs = 0;
    int agreed = 0;
    int n = 0;
    String text;
    while ((text = pack.readLine()) != null) {
      n++;
      if (text.isBlank()) {
        continue;
      }
      applications++;
      JsonNode entry = json.readTree(text);
      String note = entry.path("note").asText(null);
      JsonNode expected = entry.path("expected");
      String problem = null;
      Decision decision = null;
      Application app = null;
      try {
        app = json.treeToValue(entry.get("application"), Application.class);
        List<FieldError> errors = validator.validate(app);
        if (errors.isEmpty()) {
          decision = engine.decide(app);
        } else {
          problem = "invalid: " + errors.stream().map(e -> e.path() + " " + e.message())
              .collect(Collectors.joining("; "));
        }
      } catch (IOException | RuntimeException e) {
        problem = "error: " + e.getMessage();
      }
      String applicationId = app != null ? app.applicationId() : entry.path("application").path("applicationId")
          .asText(null);
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        pairs++;
        List<String> acceptable = new ArrayList<>();
        e.getValue().forEach(v -> acceptable.add(v.asText()));
        String actual = problem != null ? problem : outcome(decision, e.getKey());
        if (problem == null && acceptable.contains(actual)) {
          agreed++;
        } else {
          disagreements.add(new Disagreement(n, applicationId, e.getKey(), actual, List.copyOf(acceptable), note,
              problem != null ? List.of() : why(decision, e.getKey())));
        }
      }
    }
    return new Result(applications, pairs, agreed, List.copyOf(disagreements));
  }

  private static List<String> why(Decision d, String productLine) {
    Map<String, Decision.Finding> findings = d.findings().stream()
        .collect(Collectors.toMap(Decision.Finding::findingId, f -> f));
    return d.decisions().stream().filter(l -> l.productLine().equals(productLine)).findFirst()
        .map(l -> l.reasons().stream().map(r -> {
          Decision.Finding f = r.findingId() == null ? null : findings.get(r.findingId());
          String seen = f == null ? "" : " [" + f.source() + " " + (f.concept() == null ? "?" : f.concept())
              + " ← " + f.evidence() + "]";
          return r.ruleId() + " " + r.text() + seen;
        }).toList())
        .orElse(List.of());
  }

  private static String outcome(Decision d, String productLine) {
    return d.decisions().stream().filter(l -> l.productLine().equals(productLine)).findFirst()
        .map(l -> l.outcome().name()).orElse("not decided (product line not applied for)");
  }
}
