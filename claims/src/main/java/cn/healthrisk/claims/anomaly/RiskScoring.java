package cn.healthrisk.claims.anomaly;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risk score (0–100) and the action suggested to the adjuster, from a claim's flags and amount
 * only. A suggestion: the adjuster decides. Pure, so rescoring after the cross-claim flags is the same
 * function over the new set of flags.
 */
public final class RiskScoring {

  /** What the engine suggests the adjuster does; never applied automatically. */
  public enum SuggestedAction {
    /** No flag: nothing found that argues against paying. */
    SUGGEST_APPROVE,
    /** Flags an adjuster should look at before deciding. */
    SUGGEST_REVIEW,
    /** The documents are not enough to decide: ask for readable or missing ones. */
    SUGGEST_REQUEST_INFO,
    /** Signs of fraud or a high score: look into the claim beyond its own papers. */
    SUGGEST_INVESTIGATE
  }

  /** A claim's score and suggestion. */
  public record Assessment(int score, SuggestedAction action) {}

  /** One flag as far as scoring is concerned. */
  public record ScoredFlag(FlagCode code, Severity severity) {}

  /** Points a flag of each severity adds, before combining (see {@link #assess}). */
  static final Map<Severity, Integer> SEVERITY_POINTS = new EnumMap<>(Map.of(
      Severity.LOW, 8, Severity.MEDIUM, 25, Severity.HIGH, 45));

  /** Flags that suggest fraud rather than a mistake: a HIGH one of these means investigate whatever the score. */
  static final Set<FlagCode> FRAUD_SIGNS = Set.of(FlagCode.DUPLICATE_RECEIPT, FlagCode.DOCUMENT_TAMPERING_SUSPECTED,
      FlagCode.PROMPT_INJECTION_SUSPECTED, FlagCode.OVERLAPPING_STAYS);

  /** Flags that mean the papers are not good enough to decide on. */
  static final Set<FlagCode> MISSING_INFORMATION = Set.of(FlagCode.UNREADABLE_DOCUMENT,
      FlagCode.LOW_CONFIDENCE_EXTRACTION);

  /** Claimed amounts from which the score is raised, and by how much (the largest that applies). */
  static final List<Map.Entry<BigDecimal, Double>> AMOUNT_FACTORS = List.of(
      Map.entry(new BigDecimal("100000.00"), 1.3),
      Map.entry(new BigDecimal("20000.00"), 1.15),
      Map.entry(new BigDecimal("5000.00"), 1.05));

  /** At or above this score the suggestion is to investigate. */
  static final int INVESTIGATE_FROM = 80;

  private RiskScoring() {}

  /**
   * Combines the flags' points so that each further flag adds less (score = 100 × (1 − Π(1 − pᵢ/100))), a
   * second flag of one code counting half; then scales by the amount factor and caps at 100.
   */
  public static Assessment assess(List<ScoredFlag> flags, BigDecimal claimedAmount) {
    if (flags.isEmpty()) {
      return new Assessment(0, SuggestedAction.SUGGEST_APPROVE);
    }
    double remaining = 1.0;
    Set<FlagCode> counted = java.util.EnumSet.noneOf(FlagCode.class);
    boolean fraud = false;
    boolean missing = false;
    boolean onlyMissing = true;
    for (ScoredFlag f : flags) {
      double points = SEVERITY_POINTS.get(f.severity());
      if (!counted.add(f.code())) {
        points /= 2;
      }
      remaining *= 1 - points / 100.0;
      fraud |= f.severity() == Severity.HIGH && FRAUD_SIGNS.contains(f.code());
      boolean m = MISSING_INFORMATION.contains(f.code());
      missing |= m;
      onlyMissing &= m || f.severity() == Severity.LOW;
    }
    double factor = 1.0;
    if (claimedAmount != null) {
      for (Map.Entry<BigDecimal, Double> e : AMOUNT_FACTORS) {
        if (claimedAmount.compareTo(e.getKey()) >= 0) {
          factor = e.getValue();
          break;
        }
      }
    }
    int score = (int) Math.min(100, Math.round(100 * (1 - remaining) * factor));
    score = Math.max(score, 1);
    SuggestedAction action;
    if (fraud || score >= INVESTIGATE_FROM) {
      action = SuggestedAction.SUGGEST_INVESTIGATE;
    } else if (missing && onlyMissing) {
      action = SuggestedAction.SUGGEST_REQUEST_INFO;
    } else {
      action = SuggestedAction.SUGGEST_REVIEW;
    }
    return new Assessment(score, action);
  }
}
