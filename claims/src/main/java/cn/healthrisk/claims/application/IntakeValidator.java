package cn.healthrisk.claims.application;

import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Field checks on incoming policies and claims; each problem names the field. */
final class IntakeValidator {
  static final Set<String> PRODUCT_LINES = Set.of("CRITICAL_ILLNESS", "CANCER", "MILLION_MEDICAL", "CANCER_MEDICAL",
      "HIGH_END_MEDICAL", "OUTPATIENT_MEDICAL", "HOSPITAL_CASH", "TERM_LIFE", "WHOLE_LIFE", "ACCIDENT",
      "DISABILITY_INCOME", "LONG_TERM_CARE", "PREMIUM_WAIVER", "SENIOR_MEDICAL", "CHRONIC_MEDICAL");
  /** Document names are plain file names: no folders, no traversal. */
  private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\]{1,200}");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private IntakeValidator() {}

  static List<String> policyProblems(Policy p) {
    List<String> out = new ArrayList<>();
    if (p.policyNo() == null || !SAFE_ID.matcher(p.policyNo()).matches()) {
      out.add("policyNo: required, letters, digits, '.', '_' or '-' (at most 64)");
    }
    if (p.productLine() == null || !PRODUCT_LINES.contains(p.productLine())) {
      out.add("productLine: unknown product line '" + p.productLine() + "'");
    }
    if (p.insured() == null) {
      out.add("insured: required");
    } else {
      if (blank(p.insured().name())) {
        out.add("insured.name: required");
      }
      if (blank(p.insured().idNumber())) {
        out.add("insured.idNumber: required");
      }
    }
    if (p.effectiveDate() == null) {
      out.add("effectiveDate: required");
    }
    if (p.expiryDate() == null) {
      out.add("expiryDate: required");
    }
    if (p.effectiveDate() != null && p.expiryDate() != null && p.expiryDate().isBefore(p.effectiveDate())) {
      out.add("expiryDate: before effectiveDate");
    }
    if (p.waitingPeriodDays() == null) {
      out.add("waitingPeriodDays: required (0 when the policy has none)");
    } else if (p.waitingPeriodDays() < 0 || p.waitingPeriodDays() > 365) {
      out.add("waitingPeriodDays: must be between 0 and 365");
    }
    negative(p.sumInsured(), "sumInsured", out);
    negative(p.deductible(), "deductible", out);
    for (int i = 0; i < p.exclusions().size(); i++) {
      Policy.Exclusion ex = p.exclusions().get(i);
      if (blank(ex.clause())) {
        out.add("exclusions[" + i + "].clause: required");
      }
    }
    return out;
  }

  static List<String> claimProblems(Claim c) {
    List<String> out = new ArrayList<>();
    if (c.claimId() == null || !SAFE_ID.matcher(c.claimId()).matches()) {
      out.add("claimId: required, letters, digits, '.', '_' or '-' (at most 64)");
    }
    if (blank(c.policyNo())) {
      out.add("policyNo: required");
    }
    if (c.claimType() == null) {
      out.add("claimType: required (OUTPATIENT or INPATIENT)");
    }
    if (c.claimedAmount() == null) {
      out.add("claimedAmount: required");
    } else {
      negative(c.claimedAmount(), "claimedAmount", out);
      if (c.claimedAmount().scale() > 2) {
        out.add("claimedAmount: at most two decimal places");
      }
    }
    if (c.submittedAt() == null) {
      out.add("submittedAt: required");
    }
    if (c.documents().isEmpty()) {
      out.add("documents: at least one document is required");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < c.documents().size(); i++) {
      String d = c.documents().get(i);
      if (d == null || !SAFE_NAME.matcher(d).matches() || d.equals(".") || d.equals("..")) {
        out.add("documents[" + i + "]: not a plain file name");
      } else if (!seen.add(d)) {
        out.add("documents[" + i + "]: '" + d + "' is listed twice");
      }
    }
    return out;
  }

  private static void negative(BigDecimal v, String field, List<String> out) {
    if (v != null && v.signum() < 0) {
      out.add(field + ": must not be negative");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
