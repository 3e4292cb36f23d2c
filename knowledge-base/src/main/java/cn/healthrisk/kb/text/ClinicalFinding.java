package cn.healthrisk.kb.text;

import java.util.Map;

/**
 * A condition recognised in text or in a checkup value.
 *
 * @param conceptId disease id, or null when the text names nothing the knowledge base knows
 * @param concept the disease's standard Chinese name (null when unknown)
 * @param evidence the text or checkup value it was read from
 * @param attributes facts read alongside it (status, since, monthsSince, grade, tirads, sizeMm ...)
 * @param negated true when the text denies the condition ("无高血压")
 * @param confidence 0..1; low for unknown text
 * @param basis what recognised it: a threshold id, {@code dictionary}, {@code pattern} or {@code icd10}
 */
public record ClinicalFinding(
    String conceptId,
    String concept,
    String icd10,
    String evidence,
    Map<String, Object> attributes,
    boolean negated,
    double confidence,
    String basis) {

  public boolean known() {
    return conceptId != null;
  }
}
