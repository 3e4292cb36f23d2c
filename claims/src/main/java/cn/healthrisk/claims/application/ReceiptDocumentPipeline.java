package cn.healthrisk.claims.application;

import cn.healthrisk.claims.document.DocumentLimits;
import cn.healthrisk.claims.document.DocumentReader;
import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.document.UnreadableDocumentException;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptJson;
import cn.healthrisk.claims.extraction.RulesReceiptExtractor;
import cn.healthrisk.claims.llm.CombinedExtraction;
import cn.healthrisk.claims.llm.CombinedReceiptExtractor;
import cn.healthrisk.claims.llm.LlmReceiptExtractor;
import cn.healthrisk.claims.llm.LlmSettings;
import cn.healthrisk.claims.llm.PromptInjectionDetector;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.OcrEngines;
import cn.healthrisk.claims.persistence.OcrCacheRepository;
import cn.healthrisk.claims.validation.ReceiptValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The document pipeline of the nightly run: detect and read (text layer or OCR, cached by content
 * hash and engine), extract the receipt fields (rules, plus an LLM when {@code ENGINE_LLM_BASE_URL} is
 * set), and validate them. A PDF with a text layer is also checked against its rendered page
 * ({@code engine.documents.tamper-check}, on by default); what that finds comes back as
 * {@link Outcome#tampering()}.
 */
@Component
public class ReceiptDocumentPipeline implements DocumentPipeline {
  private static final Logger log = LoggerFactory.getLogger(ReceiptDocumentPipeline.class);

  private final OcrEngineProvider engines;
  private final DocumentReader reader;
  private final LlmReceiptExtractor llm;
  private final CombinedReceiptExtractor extractor;
  private final OcrCacheRepository cache;
  private final String cacheKey;
  private final Clock clock;

  public ReceiptDocumentPipeline(@Value("${engine.ocr.engine:rapidocr}") String ocrEngine, OcrCacheRepository cache,
      Clock clock, Environment environment,
      @Value("${engine.documents.max-bytes:20971520}") long maxBytes,
      @Value("${engine.documents.max-pixels:40000000}") long maxPixels,
      @Value("${engine.documents.max-pages:10}") int maxPages,
      @Value("${engine.documents.max-seconds:60}") int maxSeconds,
      @Value("${engine.documents.tamper-check:true}") boolean tamperCheck) {
    this.engines = OcrEngines.perThread(ocrEngine);
    this.reader = new DocumentReader(
        new DocumentLimits(maxBytes, maxPixels, maxPages, java.time.Duration.ofSeconds(maxSeconds)), engines,
        tamperCheck);
    // Text read without the check must not stand in for text read with it.
    this.cacheKey = engines.engineName() + (tamperCheck ? "+tamper-check" : "");
    this.cache = cache;
    this.clock = clock;
    this.llm = LlmSettings.fromEnv(llmSettings(environment)).map(LlmReceiptExtractor::new).orElse(null);
    this.extractor = new CombinedReceiptExtractor(new RulesReceiptExtractor(), new ReceiptValidator(), llm,
        new PromptInjectionDetector());
    log.info("Document pipeline: OCR engine '{}', LLM extraction {}, PDF tamper check {}", engines.engineName(),
        llm == null ? "off (rules only)" : "on", tamperCheck ? "on" : "off");
  }

  /** The ENGINE_LLM_* settings as Spring sees them: environment variables, or properties in tests. */
  private static Map<String, String> llmSettings(Environment environment) {
    Map<String, String> out = new HashMap<>();
    for (String key : List.of("ENGINE_LLM_BASE_URL", "ENGINE_LLM_API_KEY", "ENGINE_LLM_MODEL",
        "ENGINE_LLM_TIMEOUT_SECONDS", "ENGINE_LLM_MAX_RETRIES", "ENGINE_LLM_MAX_TOKENS")) {
      String v = environment.getProperty(key);
      if (v != null) {
        out.put(key, v);
      }
    }
    return out;
  }

  @Override
  public Outcome process(String claimId, String documentName, String contentHash, byte[] content) {
    DocumentText text;
    try {
      text = readCached(documentName, contentHash, content);
    } catch (UnreadableDocumentException e) {
      return Outcome.unreadable(e.reason() + ": " + e.getMessage());
    }
    CombinedExtraction c = extractor.extract(text);
    if (c.llmFailed()) {
      // The rules reading stands; the model's failure costs nothing but its help.
      log.warn("LLM extraction failed for a document, rules result kept: {}", c.llmFailureReason());
    }
    ReceiptExtraction extraction = c.result().toExtraction(claimId, documentName, c.validations());
    String used = c.llmStatus() == CombinedExtraction.LlmStatus.SUCCEEDED ? "rules+llm" : "rules";
    return new Outcome(extraction, ReceiptJson.write(extraction), null, c.promptInjectionEvidence(), used,
        text.ocrEngine(), text.integrity());
  }

  private DocumentText readCached(String name, String hash, byte[] content) throws UnreadableDocumentException {
    String key = cacheKey;
    Optional<String> hit = cache.find(hash, key);
    if (hit.isPresent()) {
      try {
        return ClaimsJson.mapper().readValue(hit.get(), DocumentText.class);
      } catch (JsonProcessingException e) {
        log.warn("Ignoring unreadable cached text for a document: {}", e.getOriginalMessage());
      }
    }
    DocumentText text = reader.read(name, content);
    try {
      cache.put(hash, key, ClaimsJson.mapper().writeValueAsString(text),
          LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Document text cannot be cached: " + e.getOriginalMessage(), e);
    }
    return text;
  }

  @PreDestroy
  public void close() {
    if (llm != null) {
      llm.close();
    }
    reader.close();
    engines.close();
  }
}
