package cn.healthrisk.claims.anomaly;

/** How much a flag matters to the adjuster. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH
}
