package cn.healthrisk.underwriting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The golden pack as a build gate: every (application, product line) pair of
 * {@code golden/applications.jsonl} must get one of its acceptable outcomes. A change that moves a pair is
 * accepted on purpose by updating the pack in the same commit (see the pack's README). The only exceptions
 * are the pairs in {@code golden/normaliser-allow-list.tsv}, which the disclosure normaliser misreads; each
 * must still get the outcome listed there, so an entry that goes stale fails the build until it is removed.
 */
class GoldenPackGateTest {

  private static final String ALLOW_LIST = "golden/normaliser-allow-list.tsv";

  @Test
  void everyPairOfTheGoldenPackGetsAnAcceptableOutcome() throws IOException {
    KnowledgeBase kb = KnowledgeBaseLoader.loadDefault();
    DisclosureNormalizer normalizer = new DisclosureNormalizer(kb);
    UnderwritingEngine engine = new UnderwritingEngine(kb, normalizer, new CheckupEvaluator(kb, normalizer),
        Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
    Map<String, AllowedPair> allowed = allowList();

    GoldenPack.Result result = GoldenPack.evaluateClasspath(engine, new ApplicationValidator(kb)).orElseThrow();

    assertThat(result.pairs()).as("pairs in the pack").isGreaterThan(500);
    List<String> problems = new ArrayList<>();
    Map<String, AllowedPair> unused = new LinkedHashMap<>(allowed);
    for (GoldenPack.Disagreement d : result.disagreements()) {
      AllowedPair a = unused.remove(d.pair());
      if (a == null) {
        problems.add(describe(d, "disagrees"));
      } else if (!a.outcome().equals(d.actual())) {
        problems.add(describe(d, "allow-listed with " + a.outcome() + " (" + a.reason() + "), but the outcome moved"));
      }
    }
    unused.values().forEach(a -> problems.add("  " + a.pair() + ": allow-listed (" + a.reason()
        + ") but now agrees with the pack: remove it from " + ALLOW_LIST + "\n"));
    if (!problems.isEmpty()) {
      fail("%d golden-pack problem(s) on %s (agreement %d/%d, %d pairs allow-listed for the normaliser):%n%s",
          problems.size(), kb.version(), result.agreed(), result.pairs(), allowed.size(), String.join("", problems));
    }
  }

  @Test
  void theAllowListNamesOnlyPairsOfThePackWithAReason() throws IOException {
    Map<String, AllowedPair> allowed = allowList();
    assertThat(allowed).isNotEmpty();
    assertThat(allowed.values()).allSatisfy(a -> {
      assertThat(a.pair()).matches("G-\\d{4} [A-Z_]+");
      assertThat(a.outcome()).isIn("STANDARD", "RATED", "EXCLUSION", "POSTPONE", "DECLINE", "REFER");
      assertThat(a.reason()).isNotBlank();
    });
  }

  private static String describe(GoldenPack.Disagreement d, String what) {
    StringBuilder out = new StringBuilder();
    out.append("  line ").append(d.line()).append(' ').append(d.pair()).append(": got ").append(d.actual())
        .append(", acceptable ").append(d.acceptable()).append("  (").append(d.note()).append(") ").append(what)
        .append('\n');
    d.why().forEach(w -> out.append("      ").append(w).append('\n'));
    return out.toString();
  }

  /** One allowed disagreement: the pair, the outcome the engine gives today, and what the normaliser misreads. */
  record AllowedPair(String pair, String outcome, String reason) {}

  static Map<String, AllowedPair> allowList() throws IOException {
    Map<String, AllowedPair> out = new LinkedHashMap<>();
    try (InputStream in = Objects.requireNonNull(
        GoldenPackGateTest.class.getClassLoader().getResourceAsStream(ALLOW_LIST), ALLOW_LIST);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 3) {
          throw new IllegalStateException(ALLOW_LIST + ": expected 3 tab-separated columns: " + line);
        }
        for (String pair : cols[1].split(",")) {
          String[] lineAndOutcome = pair.split("=");
          String key = cols[0] + " " + lineAndOutcome[0];
          if (out.put(key, new AllowedPair(key, lineAndOutcome[1], cols[2])) != null) {
            throw new IllegalStateException(ALLOW_LIST + ": " + key + " listed twice");
          }
        }
      }
    }
    return out;
  }
}
