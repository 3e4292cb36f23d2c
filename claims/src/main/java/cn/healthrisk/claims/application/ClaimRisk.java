package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.anomaly.RiskScoring;
import cn.healthrisk.claims.anomaly.Severity;
import cn.healthrisk.claims.persistence.StoredResult;
import java.math.BigDecimal;
import java.util.List;

/** The risk score of stored flags: what is written with a claim and again after the cross-claim checks. */
final class ClaimRisk {
  private ClaimRisk() {}

  /** A parked claim is for a human in any case: the suggestion is a review, whatever its flags say. */
  static RiskScoring.Assessment of(List<StoredResult.FlagRow> flags, BigDecimal claimedAmount, boolean parked) {
    RiskScoring.Assessment a = RiskScoring.assess(flags.stream()
        .map(f -> new RiskScoring.ScoredFlag(FlagCode.valueOf(f.code()), Severity.valueOf(f.severity())))
        .toList(), claimedAmount);
    return parked ? new RiskScoring.Assessment(a.score(), RiskScoring.SuggestedAction.SUGGEST_REVIEW) : a;
  }
}
