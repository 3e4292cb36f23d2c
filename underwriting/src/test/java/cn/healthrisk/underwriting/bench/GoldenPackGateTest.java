package cn.healthrisk.underwriting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden pack as a build gate: every (application, product line) pair of
 * {@code golden/applications.jsonl} must get one of its acceptable outcomes. A change that moves a pair is
 * accepted on purpose by updating the pack in the same commit (see the pack's README); there are no exceptions.
 */
class GoldenPackGateTest {

  @Test
  void everyPairOfTheGoldenPackGetsAnAcceptableOutcome() throws IOException {
    KnowledgeBase kb = KnowledgeBaseLoader.loadDefault();
    DisclosureNormalizer normalizer = new DisclosureNormalizer(kb);
    UnderwritingEngine engine = new UnderwritingEngine(kb, normalizer, new CheckupEvaluator(kb, normalizer),
        Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

    GoldenPack.Result result = GoldenPack.evaluateClasspath(engine, new ApplicationValidator(kb)).orElseThrow();

    assertThat(result.pairs()).as("pairs in the pack").isGreaterThan(500);
    List<String> problems = new ArrayList<>();
    for (GoldenPack.Disagreement d : result.disagreements()) {
      problems.add(describe(d));
    }
    if (!problems.isEmpty()) {
      fail("%d golden-pack pair(s) disagree on %s (agreement %d/%d):%n%s", problems.size(), kb.version(),
          result.agreed(), result.pairs(), String.join("", problems));
    }
  }

  private static String describe(GoldenPack.Disagreement d) {
    StringBuilder out = new StringBuilder();
    out.append("  line ").append(d.line()).append(' ').append(d.pair()).append(": got ").append(d.actual())
        .append(", acceptable ").append(d.acceptable()).append("  (").append(d.note()).append(")\n");
    d.why().forEach(w -> out.append("      ").append(w).append('\n'));
    return out.toString();
  }
}
