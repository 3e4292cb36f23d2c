package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.validation.Validation;
import java.util.List;
import java.util.Map;

/**
 * The contract's receipt-extraction object for one document.
 *
 * @param fieldConfidence per field name, in [0, 1], derived from OCR confidence, grounding and
 *     validation, never from a model's own claim
 */
public record ReceiptExtraction(
    String claimId,
    String document,
    DocumentType documentType,
    ReceiptFields fields,
    Map<String, Double> fieldConfidence,
    List<Validation> validations) {

  public ReceiptExtraction {
    fieldConfidence = fieldConfidence == null ? Map.of() : Map.copyOf(fieldConfidence);
    validations = validations == null ? List.of() : List.copyOf(validations);
  }
}
