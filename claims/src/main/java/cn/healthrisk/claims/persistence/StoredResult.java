package cn.healthrisk.claims.persistence;

import java.util.List;

/**
 * A processed claim's outcome as stored: one JSON per receipt extraction and one row per flag.
 */
public record StoredResult(String status, List<Extraction> extractions, List<FlagRow> flags) {

  /** One receipt-extraction object with the columns kept for lookups. */
  public record Extraction(String documentName, String contentHash, String documentType, String invoiceCode,
      String invoiceNumber, java.math.BigDecimal totalAmount, String extractor, String ocrEngine, String json) {}

  /** One flag. */
  public record FlagRow(String code, String severity, String message, String evidenceJson) {}
}
