package cn.healthrisk.underwriting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoldenPackTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final DisclosureNormalizer NORMALIZER = new DisclosureNormalizer(KB);
  private static final UnderwritingEngine ENGINE = new UnderwritingEngine(KB, NORMALIZER,
      new CheckupEvaluator(KB, NORMALIZER), Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

  private static final String APP = "{\"applicationId\":\"G-1\",\"applicationDate\":\"2026-11-20\","
      + "\"applicant\":{\"age\":42,\"sex\":\"M\",\"heightCm\":175,\"weightKg\":80,\"smoker\":true},"
      + "\"productLines\":[\"CRITICAL_ILLNESS\",\"MILLION_MEDICAL\"],\"disclosures\":[{\"text\":\"小三阳，肝功能一直正常\"}]}";

  @Test
  void countsPairsWhoseOutcomeIsAcceptableAndListsTheOthers() throws IOException {
    String actualMedical = ENGINE.decide(UnderwritingJson.mapper().readValue(APP, Application.class))
        .decisionFor("MILLION_MEDICAL").outcome().name();
    String pack = "{\"application\":" + APP + ",\"expected\":{\"MILLION_MEDICAL\":[\"" + actualMedical
        + "\"],\"CRITICAL_ILLNESS\":[\"POSTPONE\"]},\"note\":\"小三阳\"}\n"
        + "\n"
        + "{\"application\":{\"applicationId\":\"G-2\",\"productLines\":[\"NO_SUCH_LINE\"]},"
        + "\"expected\":{\"NO_SUCH_LINE\":[\"STANDARD\"]}}\n";

    GoldenPack.Result r = GoldenPack.evaluate(new BufferedReader(new StringReader(pack)), ENGINE,
        new ApplicationValidator(KB));

    assertThat(r.applications()).isEqualTo(2);
    assertThat(r.pairs()).isEqualTo(3);
    assertThat(r.agreed()).isEqualTo(1);
    assertThat(r.disagreements()).extracting(GoldenPack.Disagreement::applicationId, GoldenPack.Disagreement::line,
        GoldenPack.Disagreement::productLine).containsExactly(
            tuple("G-1", 1, "CRITICAL_ILLNESS"), tuple("G-2", 3, "NO_SUCH_LINE"));
    assertThat(r.disagreements().get(1).actual()).startsWith("invalid: ");
  }
}
