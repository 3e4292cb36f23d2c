package cn.healthrisk.claims.anomaly;

import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import java.time.LocalDate;
import java.util.List;

/**
 * ICD-10 codes for a diagnosis written as text only ("甲状腺结节（右叶）"), so that a claim without a code is
 * still checked against the exclusions written at underwriting. Only conditions of the insured person that the
 * text states (not denied, not a relative's) and that the knowledge base knows with confidence count.
 */
@FunctionalInterface
public interface DiagnosisCoder {

  /** Below this confidence a reading is a guess, and a guess never raises a flag. */
  double MIN_CONFIDENCE = 0.8;

  /** Reads nothing: claims without a code are not checked against exclusions. */
  DiagnosisCoder NONE = text -> List.of();

  /** The codes the text states, most certain first; empty when it states none the knowledge base knows. */
  List<String> codes(String diagnosisText);

  /** Reads the text as printed text with the knowledge base's normaliser (no typing-error search). */
  static DiagnosisCoder of(DisclosureNormalizer normalizer) {
    return text -> {
      if (text == null || text.isBlank()) {
        return List.of();
      }
      return normalizer.normalizePrinted(text, LocalDate.of(2000, 1, 1)).stream()
          .filter(f -> f.known() && !f.negated() && f.aboutApplicant() && f.icd10() != null)
          .filter(f -> f.confidence() >= MIN_CONFIDENCE)
          .sorted(java.util.Comparator.comparingDouble(ClinicalFinding::confidence).reversed())
          .map(ClinicalFinding::icd10)
          .distinct()
          .toList();
    };
  }
}
