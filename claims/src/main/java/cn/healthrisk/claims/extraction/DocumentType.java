package cn.healthrisk.claims.extraction;

/** The kind of document, as in the contract. */
public enum DocumentType {
  OUTPATIENT_RECEIPT,
  INPATIENT_RECEIPT,
  OTHER
}
