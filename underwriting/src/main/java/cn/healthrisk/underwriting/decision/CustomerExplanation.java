package cn.healthrisk.underwriting.decision;

import cn.healthrisk.kb.model.OutcomeType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the one-sentence explanation an insurer can show the applicant: plain Chinese, one template per
 * outcome, naming the conditions behind it but never rule ids, ICD-10 codes or internal names.
 */
public final class CustomerExplanation {

  /** More names than this make the sentence hard to read; the rest become "等". */
  private static final int MAX_NAMED = 3;

  private CustomerExplanation() {}

  /**
   * Something that led to an outcome: the condition's Chinese name (null when the engine could not
   * recognise it) and where it came from (null for application-wide reasons such as the premium cap).
   */
  public record Cause(OutcomeType outcome, String concept, FindingSource source) {}

  public static String explain(OutcomeType outcome, int extraPremiumPct, boolean hasExclusions,
      Integer postponeMonths, List<String> evidenceRequests, List<Cause> causes) {
    String why = "根据" + describe(outcome, causes);
    return switch (outcome) {
      case STANDARD -> "根据您提供的健康信息，本产品可按标准费率承保。";
      case EXCLUSION -> why + "，本产品可以承保，但相关疾病不在保障范围内，具体以除外条款为准。";
      case RATED -> why + "，本产品需加收" + extraPremiumPct + "%保费承保。"
          + (hasExclusions ? "同时，部分相关疾病不在保障范围内，具体以除外条款为准。" : "");
      case REFER -> why + "，本产品需要核保人员进一步审核"
          + (evidenceRequests.isEmpty() ? "" : "，请您补充提供：" + String.join("、", evidenceRequests))
          + "。我们会尽快告知您审核结果。";
      case POSTPONE -> why + "，本产品暂时无法承保，"
          + (postponeMonths == null ? "建议病情稳定后重新申请。" : "建议" + postponeMonths + "个月后重新申请。");
      case DECLINE -> "很抱歉，" + why + "，本产品暂时无法为您承保。";
    };
  }

  private static String describe(OutcomeType outcome, List<Cause> causes) {
    Set<String> phrases = new LinkedHashSet<>();
    for (Cause c : causes) {
      if (c.outcome() == outcome) {
        phrases.add(phrase(c));
      }
    }
    if (phrases.isEmpty()) {
      return "您提供的健康信息";
    }
    List<String> named = phrases.stream().limit(MAX_NAMED).toList();
    return String.join("、", named) + (phrases.size() > MAX_NAMED ? "等情况" : "");
  }

  private static String phrase(Cause c) {
    if (c.source() == null) {
      return "您的多项健康情况";
    }
    boolean known = c.concept() != null && !c.concept().isBlank();
    return switch (c.source()) {
      case DISCLOSURE -> known ? "您告知的" + c.concept() + "病史" : "您告知的部分健康情况";
      case CHECKUP -> known ? "体检发现的" + c.concept() : "部分体检结果";
      case BMI -> known ? "您的身高体重情况（" + c.concept() + "）" : "您的身高体重情况";
    };
  }
}
