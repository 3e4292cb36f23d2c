package cn.healthrisk.claims.llm;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.FieldSource;
import cn.healthrisk.claims.extraction.ReceiptExtractionResult;
import cn.healthrisk.claims.extraction.ReceiptFieldAccess;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptValues;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import cn.healthrisk.claims.extraction.RulesReceiptExtractor;
import cn.healthrisk.claims.llm.CombinedExtraction.LlmStatus;
import cn.healthrisk.claims.validation.ReceiptValidator;
import cn.healthrisk.claims.validation.Validation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules first; a configured model may fill or correct a field only with a value grounded in the
 * document that breaks no check the rules value passed. Disagreements nobody wins become null.
 */
public final class CombinedReceiptExtractor {

  /** Model values are read from cited text, not located boxes: trusted less than OCR alone. */
  private static final double LLM_CONFIDENCE_FACTOR = 0.8;
  private static final double LLM_UNLOCATED_CONFIDENCE = 0.5;

  private final RulesReceiptExtractor rules;
  private final ReceiptValidator validator;
  private final LlmExtractor llm;
  private final PromptInjectionDetector injectionDetector;

  /** Rules only. */
  public CombinedReceiptExtractor(RulesReceiptExtractor rules, ReceiptValidator validator) {
    this(rules, validator, null, new PromptInjectionDetector());
  }

  /** Rules, then the model when {@code llm} is not null. */
  public CombinedReceiptExtractor(
      RulesReceiptExtractor rules, ReceiptValidator validator, LlmExtractor llm, PromptInjectionDetector detector) {
    this.rules = Objects.requireNonNull(rules);
    this.validator = Objects.requireNonNull(validator);
    this.llm = llm;
    this.injectionDetector = Objects.requireNonNull(detector);
  }

  /** Reads one document; never throws because of the model. */
  public CombinedExtraction extract(DocumentText document) {
    ReceiptExtractionResult base = rules.extract(document);
    DocumentType type = base.documentType();
    List<String> injection = injectionDetector.detect(document.fullText());
    if (llm == null) {
      return rulesOnly(base, LlmStatus.NOT_CONFIGURED, null, List.of(), injection);
    }
    if (!injection.isEmpty()) {
      // Text that talks to a model is not sent to one; the rules reading stands.
      return rulesOnly(base, LlmStatus.SKIPPED_PROMPT_INJECTION, null, List.of(), injection);
    }
    LlmOutcome outcome;
    try {
      outcome = llm.extract(document, base.fields().payerName());
    } catch (RuntimeException e) {
      outcome = LlmOutcome.failed("LLM extractor failed: " + e.getClass().getSimpleName());
    }
    if (!outcome.succeeded()) {
      return rulesOnly(base, LlmStatus.FAILED, outcome.failureReason(), List.of(), injection);
    }

    ReceiptFields merged = base.fields();
    Map<String, Double> confidence = new LinkedHashMap<>(base.fieldConfidence());
    Map<String, FieldSource> sources = new LinkedHashMap<>(base.sources());
    Set<String> llmFields = new LinkedHashSet<>();
    Set<String> conflicts = new LinkedHashSet<>();
    for (String field : ReceiptFieldAccess.names()) {
      if (field.equals("extra")) {
        continue;
      }
      Object modelValue = ReceiptFieldAccess.get(outcome.fields(), field);
      Object rulesValue = ReceiptFieldAccess.get(base.fields(), field);
      if (isAbsent(modelValue) || same(rulesValue, modelValue)) {
        continue;
      }
      List<Validation> before = validator.validate(type, merged);
      ReceiptFields candidate = ReceiptFieldAccess.with(merged, field, modelValue);
      List<Validation> after = validator.validate(type, candidate);
      boolean breaks = breaksAPassedCheck(before, after);
      boolean rulesHadValue = !isAbsent(rulesValue);
      if (!breaks && (!rulesHadValue || passed(after) > passed(before))) {
        merged = candidate;
        llmFields.add(field);
        String source = outcome.sourceTexts().getOrDefault(field, "");
        FieldSource located = locate(document, source);
        sources.put(field, located);
        confidence.put(field, located.box() == null
            ? LLM_UNLOCATED_CONFIDENCE : located.box().confidence() * LLM_CONFIDENCE_FACTOR);
      } else if (rulesHadValue && !breaks) {
        merged = ReceiptFieldAccess.with(merged, field, field.equals("items") ? List.of() : null);
        conflicts.add(field);
        confidence.put(field, 0.0);
        sources.remove(field);
      }
    }
    ReceiptExtractionResult result = new ReceiptExtractionResult(type, merged, confidence, sources);
    return new CombinedExtraction(result, validator.validate(type, merged), LlmStatus.SUCCEEDED, null,
        llmFields, conflicts, outcome.discarded(), injection);
  }

  private CombinedExtraction rulesOnly(
      ReceiptExtractionResult base, LlmStatus status, String reason, List<String> discarded, List<String> injection) {
    return new CombinedExtraction(base, validator.validate(base.documentType(), base.fields()), status, reason,
        Set.of(), Set.of(), discarded, injection);
  }

  private static boolean breaksAPassedCheck(List<Validation> before, List<Validation> after) {
    Set<String> passedAfter = after.stream().filter(Validation::passed).map(Validation::check)
        .collect(Collectors.toSet());
    return before.stream().filter(Validation::passed).anyMatch(v -> !passedAfter.contains(v.check()));
  }

  private static long passed(List<Validation> checks) {
    return checks.stream().filter(Validation::passed).count();
  }

  private static boolean isAbsent(Object v) {
    return v == null || v instanceof List<?> l && l.isEmpty();
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  /** The box holding the cited text, for the adjuster and for confidence. */
  private static FieldSource locate(DocumentText document, String sourceText) {
    String s = ReceiptValues.compact(sourceText);
    for (int p = 0; p < document.pages().size() && !s.isEmpty(); p++) {
      OcrPage page = document.pages().get(p);
      for (TextBox b : page.boxes()) {
        String t = ReceiptValues.compact(b.text());
        if (!t.isEmpty() && (t.contains(s) || s.contains(t) && t.length() * 2 >= s.length())) {
          return new FieldSource(p, sourceText, b);
        }
      }
    }
    return new FieldSource(0, sourceText, null);
  }
}
