package cn.healthrisk.claims.llm;

import cn.healthrisk.claims.document.DocumentText;

/** A model-based receipt reader; implementations never throw, they return a failed outcome. */
public interface LlmExtractor {

  /**
   * Reads receipt fields from the document text.
   *
   * @param payerName the payer's name as the rules read it, masked before anything is sent (may be null)
   */
  LlmOutcome extract(DocumentText document, String payerName);
}
