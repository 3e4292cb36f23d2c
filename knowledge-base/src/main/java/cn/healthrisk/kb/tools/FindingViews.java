package cn.healthrisk.kb.tools;

import cn.healthrisk.kb.model.Facts;
import cn.healthrisk.kb.text.ClinicalFinding;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Findings as the command-line tools show them: the top finding of a phrase, JSON maps, text lines. */
public final class FindingViews {
  private FindingViews() {}

  /**
   * The finding a phrase is mainly about: a known condition of the applicant before a relative's
   * or an unknown one, a disease before a symptom or a generic name a specific one refines, then
   * the most confident, then the first in the text.
   */
  public static Optional<ClinicalFinding> top(List<ClinicalFinding> findings) {
    return IntStream.range(0, findings.size()).boxed()
        .min(Comparator.<Integer>comparingInt(i -> rank(findings.get(i)))
            .thenComparing(i -> -findings.get(i).confidence())
            .thenComparingInt(i -> i))
        .map(findings::get);
  }

  private static int rank(ClinicalFinding f) {
    if (!f.known()) {
      return 5;
    }
    if (!f.aboutApplicant()) {
      return 4;
    }
    // What the applicant has says more than what they deny ("血糖偏高，没确诊糖尿病").
    if (f.negated()) {
      return 3;
    }
    if ("SUSPECTED".equals(f.attributes().get(Facts.STATUS))) {
      // Only suspected (不排除肺癌): what was actually found comes first.
      return 2;
    }
    // A symptom (咳嗽, 尿频) or a generic name refined by a specific one says less than the disease.
    boolean symptom = f.icd10() != null && f.icd10().startsWith("R");
    return symptom || f.attributes().containsKey(Facts.REFINED_BY) ? 1 : 0;
  }

  /** The ICD-9-CM-3 code of the operation a finding carries, or null. */
  public static String procedure(ClinicalFinding f) {
    Object code = f.attributes().get(Facts.ICD9);
    return code == null ? null : code.toString();
  }

  public static Map<String, Object> json(ClinicalFinding f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("conceptId", f.conceptId());
    out.put("concept", f.concept());
    out.put("icd10", f.icd10());
    out.put("procedure", procedure(f));
    out.put("negated", f.negated());
    out.put("subject", f.subject().name());
    out.put("confidence", Math.round(f.confidence() * 100) / 100.0);
    out.put("basis", f.basis());
    out.put("matchedTerm", f.matchedTerm());
    out.put("evidence", f.evidence());
    // Sorted, so that the same text gives the same line in every run (the finding's own map has no fixed order).
    out.put("attributes", new java.util.TreeMap<>(f.attributes()));
    return out;
  }

  /** One line per finding for people: concept, codes, polarity, subject, time, status, attributes. */
  public static String describe(ClinicalFinding f) {
    StringBuilder s = new StringBuilder();
    s.append(f.known() ? f.concept() + " (" + f.conceptId() + ")" : "未识别");
    s.append("  ICD-10 ").append(f.icd10() == null ? "-" : f.icd10());
    String procedure = procedure(f);
    if (procedure != null) {
      s.append("  ICD-9-CM-3 ").append(procedure);
    }
    s.append(f.negated() ? "  否定" : "  肯定");
    if (!f.aboutApplicant()) {
      s.append("  家族史");
    }
    Map<String, Object> attrs = new java.util.TreeMap<>(f.attributes());
    Object since = attrs.remove(Facts.SINCE);
    Object months = attrs.remove(Facts.MONTHS_SINCE);
    if (since != null) {
      s.append("  时间 ").append(since).append(" (").append(months).append(" 个月前)");
    }
    Object status = attrs.remove(Facts.STATUS);
    if (status != null) {
      s.append("  状态 ").append(status);
    }
    if (!attrs.isEmpty()) {
      s.append("  属性 ").append(attrs);
    }
    s.append(String.format("  置信度 %.2f", f.confidence()));
    s.append("  依据 ").append(f.basis());
    if (f.matchedTerm() != null) {
      s.append("  匹配词 ").append(f.matchedTerm());
    }
    return s.toString();
  }
}
