package cn.healthrisk.claims.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A policy as in the contract, issued after underwriting; imported or created by API. */
public record Policy(
    String policyNo,
    String applicationId,
    String productLine,
    Insured insured,
    LocalDate effectiveDate,
    LocalDate expiryDate,
    Integer waitingPeriodDays,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal sumInsured,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal deductible,
    HospitalRequirement hospitalRequirement,
    List<Exclusion> exclusions) {

  public Policy {
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    hospitalRequirement = hospitalRequirement == null ? HospitalRequirement.ANY : hospitalRequirement;
  }

  /** The insured person. */
  public record Insured(String name, String idNumber, String sex, LocalDate birthDate) {}

  /** An exclusion written at underwriting: clause text and the ICD-10 prefixes it covers. */
  public record Exclusion(String clause, List<String> icd10Prefixes) {
    public Exclusion {
      icd10Prefixes = icd10Prefixes == null ? List.of() : List.copyOf(icd10Prefixes);
    }
  }

  /** Where treatment must take place for the policy to pay. */
  public enum HospitalRequirement {
    ANY,
    PUBLIC_GRADE2_PLUS
  }
}
