package cn.healthrisk.kb.model;

/** Underwriting outcomes, declared from least to most severe. */
public enum OutcomeType {
  STANDARD,
  EXCLUSION,
  RATED,
  REFER,
  POSTPONE,
  DECLINE;

  /** Severity rank: DECLINE > POSTPONE > REFER > RATED > EXCLUSION > STANDARD. */
  public int severity() {
    return ordinal();
  }
}
