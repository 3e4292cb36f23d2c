package cn.healthrisk.claims.model;

/** The life of a claim: received, processed by the nightly run, then decided by an adjuster. */
public enum ClaimStatus {
  RECEIVED,
  PROCESSING,
  NEEDS_REVIEW,
  CLEAN,
  APPROVED,
  REJECTED,
  MORE_INFO_REQUESTED
}
