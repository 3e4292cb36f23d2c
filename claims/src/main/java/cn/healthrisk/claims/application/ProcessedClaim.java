package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.RiskScoring;
import cn.healthrisk.claims.persistence.StoredResult;

/**
 * A claim's computed result, ready to be written.
 *
 * @param risk its risk score and suggested action; null to score the stored flags when writing
 */
public record ProcessedClaim(long claimPk, String claimId, StoredResult result, RiskScoring.Assessment risk) {

  public ProcessedClaim(long claimPk, String claimId, StoredResult result) {
    this(claimPk, claimId, result, null);
  }
}
