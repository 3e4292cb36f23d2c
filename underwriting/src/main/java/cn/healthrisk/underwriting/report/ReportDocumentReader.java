package cn.healthrisk.underwriting.report;

/**
 * Reads a document's bytes into text with layout: a PDF's text layer, OCR for images and scans. The
 * application provides it; underwriting only declares what it needs.
 */
public interface ReportDocumentReader {

  /** Largest document accepted, in bytes; larger ones are refused before they are read. */
  long maxBytes();

  /**
   * Reads one document.
   *
   * @param name the name it was given under, for messages
   * @throws ReportUnreadableException when it is empty, corrupt, of an unsupported type, over a limit, or the
   *     reader itself is not available
   */
  ReportLayout read(String name, byte[] content) throws ReportUnreadableException;
}
