package cn.healthrisk.underwriting.replay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.underwriting.decision.Decision;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionDiffTest {

  private static final String THYROID = "甲状腺及其转移、并发症引起的医疗费用不予赔付";
  private static final String LIVER = "肝脏疾病引起的医疗费用不予赔付";

  private static Decision decision(Decision.ProductLineDecision... lines) {
    return new Decision("A-1", "kb-test+sha256:000000000000", Instant.parse("2026-11-24T10:00:00Z"), List.of(),
        Arrays.asList(lines));
  }

  private static Decision.ProductLineDecision line(String productLine, OutcomeType outcome, int extra,
      List<String> clauses, String... rules) {
    return new Decision.ProductLineDecision(productLine, outcome, extra,
        clauses.stream().map(c -> new Decision.Exclusion(c, List.of("E04"))).toList(), null, List.of(),
        Arrays.stream(rules).map(r -> new Decision.Reason(r, "F1", "reason " + r)).toList());
  }

  @Test
  void identicalDecisionsHaveNoChanges() {
    Decision d = decision(line("MILLION_MEDICAL", OutcomeType.EXCLUSION, 0, List.of(THYROID), "UW-THY-003"));

    assertThat(DecisionDiff.between(d, d).changed()).isFalse();
  }

  @Test
  void reportsOutcomePremiumExclusionsAndRulesOfTheChangedLineOnly() {
    Decision before = decision(
        line("MILLION_MEDICAL", OutcomeType.EXCLUSION, 0, List.of(THYROID), "UW-THY-003"),
        line("CRITICAL_ILLNESS", OutcomeType.STANDARD, 0, List.of(), "UW-THY-001"));
    Decision after = decision(
        line("MILLION_MEDICAL", OutcomeType.RATED, 25, List.of(LIVER), "UW-THY-004", "UW-LIV-002"),
        line("CRITICAL_ILLNESS", OutcomeType.STANDARD, 0, List.of(), "UW-THY-001"));

    DecisionDiff diff = DecisionDiff.between(before, after);

    assertThat(diff.applicationId()).isEqualTo("A-1");
    assertThat(diff.lines()).singleElement().satisfies(l -> {
      assertThat(l.productLine()).isEqualTo("MILLION_MEDICAL");
      assertThat(l.transition()).isEqualTo("EXCLUSION -> RATED");
      assertThat(l.extraPremiumBefore()).isZero();
      assertThat(l.extraPremiumAfter()).isEqualTo(25);
      assertThat(l.exclusionsAdded()).containsExactly(LIVER);
      assertThat(l.exclusionsRemoved()).containsExactly(THYROID);
      assertThat(l.rulesBefore()).containsExactly("UW-THY-003");
      assertThat(l.rulesAfter()).containsExactly("UW-THY-004", "UW-LIV-002");
    });
    assertThat(diff.outcomeChanges()).hasSize(1);
  }

  @Test
  void aDifferentRuleWithTheSameOutcomeIsStillAChange() {
    Decision before = decision(line("TERM_LIFE", OutcomeType.STANDARD, 0, List.of(), "UW-HTN-001"));
    Decision after = decision(line("TERM_LIFE", OutcomeType.STANDARD, 0, List.of(), "UW-HTN-002"));

    DecisionDiff diff = DecisionDiff.between(before, after);

    assertThat(diff.lines()).singleElement().satisfies(l -> {
      assertThat(l.transition()).isEqualTo("STANDARD -> STANDARD");
      assertThat(l.rulesBefore()).containsExactly("UW-HTN-001");
      assertThat(l.rulesAfter()).containsExactly("UW-HTN-002");
    });
    assertThat(diff.outcomeChanges()).isEmpty();
  }

  @Test
  void aRuleFiringTwiceOrAnExclusionListedTwiceCountsOnce() {
    Decision before = decision(line("MILLION_MEDICAL", OutcomeType.EXCLUSION, 0, List.of(THYROID), "UW-THY-003"));
    Decision after = decision(
        line("MILLION_MEDICAL", OutcomeType.EXCLUSION, 0, List.of(THYROID, THYROID), "UW-THY-003", "UW-THY-003"));

    assertThat(DecisionDiff.between(before, after).changed()).isFalse();
  }

  @Test
  void aProductLineOnOneSideOnlyShowsAsAddedOrDropped() {
    Decision before = decision(line("ACCIDENT", OutcomeType.DECLINE, 0, List.of(), "UW-EPI-001"));
    Decision after = decision();

    assertThat(DecisionDiff.between(before, after).lines()).singleElement()
        .satisfies(l -> assertThat(l.transition()).isEqualTo("DECLINE -> -"));
  }
}
