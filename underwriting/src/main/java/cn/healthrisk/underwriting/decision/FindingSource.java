package cn.healthrisk.underwriting.decision;

/** Where a finding came from. */
public enum FindingSource {
  DISCLOSURE,
  CHECKUP,
  BMI
}
