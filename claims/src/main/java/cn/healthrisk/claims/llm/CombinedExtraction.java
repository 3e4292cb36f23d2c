package cn.healthrisk.claims.llm;

import cn.healthrisk.claims.extraction.ReceiptExtractionResult;
import cn.healthrisk.claims.validation.Validation;
import java.util.List;
import java.util.Set;

/**
 * The merged reading of one document with its validations and how the model part went.
 *
 * @param llmFields fields whose value came from the model (grounded and not breaking a check)
 * @param conflictingFields fields where rules and model disagreed and neither won: left null
 * @param promptInjectionEvidence snippets of text addressing a model (the model was then not asked)
 */
public record CombinedExtraction(
    ReceiptExtractionResult result,
    List<Validation> validations,
    LlmStatus llmStatus,
    String llmFailureReason,
    Set<String> llmFields,
    Set<String> conflictingFields,
    List<String> llmDiscarded,
    List<String> promptInjectionEvidence) {

  /** How the model part of an extraction went. */
  public enum LlmStatus {
    NOT_CONFIGURED,
    SUCCEEDED,
    FAILED,
    SKIPPED_PROMPT_INJECTION
  }

  public CombinedExtraction {
    validations = List.copyOf(validations);
    llmFields = Set.copyOf(llmFields);
    conflictingFields = Set.copyOf(conflictingFields);
    llmDiscarded = List.copyOf(llmDiscarded);
    promptInjectionEvidence = List.copyOf(promptInjectionEvidence);
  }

  /** True when a configured model could not be used, so the rules reading stands alone. */
  public boolean llmFailed() {
    return llmStatus == LlmStatus.FAILED;
  }
}
