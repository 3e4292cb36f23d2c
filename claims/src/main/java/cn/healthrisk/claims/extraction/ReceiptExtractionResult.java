package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.validation.Validation;
import java.util.List;
import java.util.Map;

/**
 * What an extractor read from one document: its type, the fields, a confidence in [0, 1] per field
 * read and, per field, the source text it was read from (for grounding and for the adjuster).
 */
public record ReceiptExtractionResult(
    DocumentType documentType,
    ReceiptFields fields,
    Map<String, Double> fieldConfidence,
    Map<String, FieldSource> sources) {

  public ReceiptExtractionResult {
    fieldConfidence = fieldConfidence == null ? Map.of() : Map.copyOf(fieldConfidence);
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  /** The contract object for this result, with the given claim, document name and validations. */
  public ReceiptExtraction toExtraction(
      String claimId, String document, List<Validation> validations) {
    return new ReceiptExtraction(claimId, document, documentType, fields, fieldConfidence, validations);
  }
}
