package cn.healthrisk.kb.checkup;

import cn.healthrisk.kb.text.ClinicalFinding;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a checkup says: findings, every value read (in canonical units), items whose value or unit
 * could not be read, and item names the knowledge base does not know (ignored).
 */
public record CheckupEvaluation(
    List<ClinicalFinding> findings,
    List<Measurement> measurements,
    List<Unreadable> unreadable,
    List<String> unknownItems) {

  /** A value converted into its indicator's canonical unit. */
  public record Measurement(String indicator, BigDecimal value, String unit, String sourceName) {}

  /** An item of a known indicator that could not be evaluated, and why. */
  public record Unreadable(String name, String value, String unit, String problem) {}
}
