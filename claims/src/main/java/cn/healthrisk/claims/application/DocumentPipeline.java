package cn.healthrisk.claims.application;

import cn.healthrisk.claims.document.IntegrityFinding;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import java.util.List;

/** Reads one claim document and extracts its receipt fields, never throwing for a bad document. */
public interface DocumentPipeline {

  /** Processes one document; a document that cannot be read comes back as {@link Outcome#unreadableReason()}. */
  Outcome process(String claimId, String documentName, String contentHash, byte[] content);

  /**
   * What one document yielded.
   *
   * @param extraction the receipt extraction, or null when unreadable
   * @param extractionJson the contract JSON of the extraction, or null when unreadable
   * @param unreadableReason why the document could not be read, or null
   * @param injectionEvidence text on the document that addresses instructions to a model
   * @param extractor which extractor(s) produced the fields, e.g. "rules" or "rules+llm"
   * @param ocrEngine the OCR engine used, or null for a PDF text layer
   * @param tampering what suggests the PDF's text layer was altered (hidden text, values the page
   *     does not show); the extraction never uses such text
   */
  record Outcome(ReceiptExtraction extraction, String extractionJson, String unreadableReason,
      List<String> injectionEvidence, String extractor, String ocrEngine, List<IntegrityFinding> tampering) {

    public Outcome {
      injectionEvidence = injectionEvidence == null ? List.of() : List.copyOf(injectionEvidence);
      tampering = tampering == null ? List.of() : List.copyOf(tampering);
    }

    /** An outcome with nothing suggesting tampering. */
    public Outcome(ReceiptExtraction extraction, String extractionJson, String unreadableReason,
        List<String> injectionEvidence, String extractor, String ocrEngine) {
      this(extraction, extractionJson, unreadableReason, injectionEvidence, extractor, ocrEngine, List.of());
    }

    public static Outcome unreadable(String reason) {
      return new Outcome(null, null, reason, List.of(), "none", null);
    }
  }
}
