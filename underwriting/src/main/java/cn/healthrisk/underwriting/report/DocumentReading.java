package cn.healthrisk.underwriting.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One document of an application as the engine read it, stored with the decision: what identifies the
 * file (name, size, SHA-256) and what was read from it. Replaying a decision uses this reading, never
 * the file, so a replay needs neither the document nor OCR.
 *
 * @param name the document's name as given in the application
 * @param size its size in bytes
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 * @param mediaType the type detected from its content
 * @param readBy how its text was obtained ({@code PDF_TEXT_LAYER}, {@code OCR} ...)
 * @param ocrEngine the OCR engine used, null for a text layer
 * @param pages pages read
 * @param lines lines of text read
 * @param reportDate the checkup date printed on it, null when none
 * @param items result rows read
 * @param texts imaging, examination and summary text read
 */
public record DocumentReading(
    String name,
    long size,
    String sha256,
    String mediaType,
    String readBy,
    String ocrEngine,
    int pages,
    int lines,
    LocalDate reportDate,
    List<ReportItem> items,
    List<ReportText> texts) {

  public DocumentReading {
    items = items == null ? List.of() : List.copyOf(items);
    texts = texts == null ? List.of() : List.copyOf(texts);
  }

  /** The reading of a document from its layout and what the parser found there. */
  public static DocumentReading of(String name, long size, String sha256, ReportLayout layout, ParsedReport parsed) {
    return new DocumentReading(name, size, sha256, layout.mediaType(), layout.readBy(), layout.ocrEngine(),
        layout.pages().size(), parsed.lines(), parsed.reportDate(), parsed.items(), parsed.texts());
  }
}
