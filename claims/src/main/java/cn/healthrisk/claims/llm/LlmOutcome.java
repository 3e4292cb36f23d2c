package cn.healthrisk.claims.llm;

import cn.healthrisk.claims.extraction.ReceiptFields;
import java.util.List;
import java.util.Map;

/**
 * What a model-based extraction returned: only values grounded in the document text, the source
 * text each was cited from, and what was discarded and why; or, when it failed, why.
 */
public record LlmOutcome(
    boolean succeeded,
    String failureReason,
    ReceiptFields fields,
    Map<String, String> sourceTexts,
    List<String> discarded) {

  public LlmOutcome {
    fields = fields == null ? ReceiptFields.empty() : fields;
    sourceTexts = sourceTexts == null ? Map.of() : Map.copyOf(sourceTexts);
    discarded = discarded == null ? List.of() : List.copyOf(discarded);
  }

  /** A failed extraction: nothing read. */
  public static LlmOutcome failed(String reason) {
    return new LlmOutcome(false, reason, ReceiptFields.empty(), Map.of(), List.of());
  }
}
