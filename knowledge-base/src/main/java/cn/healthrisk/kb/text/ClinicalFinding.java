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
 * @param confidence 0..1; low for unknown text and for guesses such as one-edit typo matches
 * @param basis what recognised it: a threshold id, {@code dictionary}, {@code pattern},
 *     {@code fuzzy:<edit>} or {@code icd10}
 * @param subject whom the condition concerns: the applicant, or a relative ("父亲有高血压")
 * @param matchedTerm the knowledge-base term (or pattern) the text matched, null when none
 */
public record ClinicalFinding(
    String conceptId,
    String concept,
    String icd10,
    String evidence,
    Map<String, Object> attributes,
    boolean negated,
    double confidence,
    String basis,
    Subject subject,
    String matchedTerm) {

  /** Whom a finding is about. */
  public enum Subject {
    APPLICANT,
    /** Family history: relevant to a human reader, never a condition of the applicant. */
    FAMILY
  }

  public ClinicalFinding {
    subject = subject == null ? Subject.APPLICANT : subject;
  }

  /** A finding about the applicant, recognised without a matched term (checkup thresholds, codes). */
  public ClinicalFinding(String conceptId, String concept, String icd10, String evidence,
      Map<String, Object> attributes, boolean negated, double confidence, String basis) {
    this(conceptId, concept, icd10, evidence, attributes, negated, confidence, basis, Subject.APPLICANT, null);
  }

  public boolean known() {
    return conceptId != null;
  }

  /** False for family history, which must not be underwritten as the applicant's condition. */
  public boolean aboutApplicant() {
    return subject == Subject.APPLICANT;
  }
}
