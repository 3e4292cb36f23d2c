package cn.healthrisk.underwriting.decision;

import cn.healthrisk.kb.model.OutcomeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The engine's answer for one application, as in the public contract. */
public record Decision(
    String applicationId,
    String kbVersion,
    Instant decidedAt,
    List<Finding> findings,
    List<ProductLineDecision> decisions) {

  /** A condition the engine saw; {@code concept} is null for text or items it could not recognise. */
  public record Finding(
      String findingId,
      String concept,
      String icd10,
      FindingSource source,
      String evidence,
      Map<String, Object> attributes) {}

  /**
   * The decision for one product line. {@code customerExplanation} is plain Chinese for the
   * applicant, without rule ids or codes; decisions stored before it existed read back with null.
   */
  public record ProductLineDecision(
      String productLine,
      OutcomeType outcome,
      int extraPremiumPct,
      List<Exclusion> exclusions,
      Integer postponeMonths,
      List<String> evidenceRequests,
      List<Reason> reasons,
      String customerExplanation) {

    /** Without an explanation: kept so code written before the field (tests, tools) still compiles. */
    public ProductLineDecision(String productLine, OutcomeType outcome, int extraPremiumPct,
        List<Exclusion> exclusions, Integer postponeMonths, List<String> evidenceRequests, List<Reason> reasons) {
      this(productLine, outcome, extraPremiumPct, exclusions, postponeMonths, evidenceRequests, reasons, null);
    }
  }

  /** An exclusion clause in policy wording and the ICD-10 prefixes it covers. */
  public record Exclusion(String clause, List<String> icd10Prefixes) {}

  /** Why: the rule that fired, the finding it fired on (null for application-wide reasons), the text. */
  public record Reason(String ruleId, String findingId, String text) {}

  public ProductLineDecision decisionFor(String productLine) {
    return decisions.stream().filter(d -> d.productLine().equals(productLine)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No decision for " + productLine));
  }
}
