package cn.healthrisk.underwriting.decision;

import cn.healthrisk.kb.checkup.CheckupItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An underwriting application as in the public contract; fields may be missing until validated. */
public record Application(
    String applicationId,
    LocalDate applicationDate,
    Applicant applicant,
    List<String> productLines,
    List<Disclosure> disclosures,
    Checkup checkup,
    List<String> documents) {

  /** The person to be insured; {@code sex} is M or F, {@code age} whole years at application. */
  public record Applicant(Integer age, String sex, BigDecimal heightCm, BigDecimal weightKg, Boolean smoker) {}

  /** One health disclosure: free text, optionally coded. {@code diagnosedOn} is YYYY, YYYY-MM or YYYY-MM-DD. */
  public record Disclosure(String text, String icd10, String diagnosedOn, String status) {}

  /** A checkup report's items. */
  public record Checkup(LocalDate reportDate, List<CheckupItem> items) {}

  public List<String> productLinesOrEmpty() {
    return productLines == null ? List.of() : productLines;
  }

  public List<Disclosure> disclosuresOrEmpty() {
    return disclosures == null ? List.of() : disclosures;
  }
}
