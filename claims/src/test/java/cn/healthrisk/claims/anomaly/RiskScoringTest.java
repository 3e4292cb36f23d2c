package cn.healthrisk.claims.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.anomaly.RiskScoring.ScoredFlag;
import cn.healthrisk.claims.anomaly.RiskScoring.SuggestedAction;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score is a pure function of flags and amount; the suggestion follows the kinds of flags. */
class RiskScoringTest {
  static final BigDecimal SMALL = new BigDecimal("300.00");

  @Test
  void noFlagsSuggestsApprovalWithZero() {
    assertThat(RiskScoring.assess(List.of(), SMALL)).isEqualTo(new RiskScoring.Assessment(0, SuggestedAction.SUGGEST_APPROVE));
  }

  @Test
  void moreAndHeavierFlagsScoreHigherWithinZeroToHundred() {
    int low = RiskScoring.assess(List.of(new ScoredFlag(FlagCode.INELIGIBLE_HOSPITAL, Severity.LOW)), SMALL).score();
    int medium = RiskScoring.assess(List.of(new ScoredFlag(FlagCode.HIGH_FREQUENCY, Severity.MEDIUM)), SMALL).score();
    int high = RiskScoring.assess(List.of(new ScoredFlag(FlagCode.WAITING_PERIOD, Severity.HIGH)), SMALL).score();
    assertThat(low).isPositive().isLessThan(medium);
    assertThat(medium).isLessThan(high);
    List<ScoredFlag> many = List.of(new ScoredFlag(FlagCode.WAITING_PERIOD, Severity.HIGH),
        new ScoredFlag(FlagCode.EXCLUDED_CONDITION, Severity.HIGH), new ScoredFlag(FlagCode.PAYER_MISMATCH, Severity.HIGH),
        new ScoredFlag(FlagCode.OUTSIDE_POLICY_PERIOD, Severity.HIGH), new ScoredFlag(FlagCode.INELIGIBLE_HOSPITAL, Severity.HIGH));
    int score = RiskScoring.assess(many, new BigDecimal("500000.00")).score();
    assertThat(score).isLessThanOrEqualTo(100).isGreaterThan(high);
  }

  @Test
  void largerAmountsRaiseTheScore() {
    List<ScoredFlag> one = List.of(new ScoredFlag(FlagCode.HIGH_FREQUENCY, Severity.MEDIUM));
    assertThat(RiskScoring.assess(one, new BigDecimal("150000.00")).score())
        .isGreaterThan(RiskScoring.assess(one, SMALL).score());
  }

  @Test
  void suggestionsFollowTheKindOfFlag() {
    assertThat(RiskScoring.assess(List.of(new ScoredFlag(FlagCode.DUPLICATE_RECEIPT, Severity.HIGH)), SMALL).action())
        .isEqualTo(SuggestedAction.SUGGEST_INVESTIGATE);
    assertThat(RiskScoring.assess(List.of(new ScoredFlag(FlagCode.UNREADABLE_DOCUMENT, Severity.HIGH)), SMALL).action())
        .isEqualTo(SuggestedAction.SUGGEST_REQUEST_INFO);
    assertThat(RiskScoring.assess(List.of(new ScoredFlag(FlagCode.UNREADABLE_DOCUMENT, Severity.HIGH),
        new ScoredFlag(FlagCode.WAITING_PERIOD, Severity.HIGH)), SMALL).action()).isEqualTo(SuggestedAction.SUGGEST_REVIEW);
    assertThat(RiskScoring.assess(List.of(new ScoredFlag(FlagCode.SPLIT_HOSPITALIZATION, Severity.MEDIUM)), SMALL).action())
        .isEqualTo(SuggestedAction.SUGGEST_REVIEW);
    assertThat(RiskScoring.assess(List.of(new ScoredFlag(FlagCode.INELIGIBLE_HOSPITAL, Severity.LOW)), SMALL).action())
        .isEqualTo(SuggestedAction.SUGGEST_REVIEW);
  }
}
