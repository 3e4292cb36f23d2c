package cn.healthrisk.claims.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A claim as in the contract. */
public record Claim(
    String claimId,
    String policyNo,
    ClaimType claimType,
    Diagnosis diagnosis,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal claimedAmount,
    Instant submittedAt,
    List<String> documents) {

  public Claim {
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** Outpatient or inpatient. */
  public enum ClaimType {
    OUTPATIENT,
    INPATIENT
  }

  /** The diagnosis claimed; {@code icd10} is optional. */
  public record Diagnosis(String text, String icd10) {}
}
