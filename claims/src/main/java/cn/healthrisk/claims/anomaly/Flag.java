package cn.healthrisk.claims.anomaly;

import java.util.Map;

/**
 * One anomaly flag on a claim: code, severity, a Chinese message an adjuster understands, and
 * the evidence (document, field, the other claim, the policy clause ...).
 */
public record Flag(FlagCode code, Severity severity, String message, Map<String, Object> evidence) {
  public Flag {
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
  }
}
