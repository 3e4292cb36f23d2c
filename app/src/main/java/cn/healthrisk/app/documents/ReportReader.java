package cn.healthrisk.app.documents;

import cn.healthrisk.claims.document.DocumentLimits;
import cn.healthrisk.claims.document.DocumentReader;
import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.document.UnreadableDocumentException;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.OcrEngines;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import cn.healthrisk.underwriting.report.ReportDocumentReader;
import cn.healthrisk.underwriting.report.ReportLayout;
import cn.healthrisk.underwriting.report.ReportUnreadableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads underwriting's checkup report documents with the claims module's document reading: the type from
 * the content (Tika), a PDF's text layer (PDFBox), OCR for images and scanned pages with the configured
 * engine, under the same size, page, pixel and time limits as receipts. A report's text layer is read as
 * it is: the receipts' render-and-compare check is not run on it.
 *
 * <p>The reader and its OCR engines are created on the first document, so a process that reads none
 * (most command-line runs, the benchmark) pays nothing for them. Thread-safe; each reading thread gets
 * its own OCR engine.
 */
public final class ReportReader implements ReportDocumentReader, AutoCloseable {

  private final String ocrEngine;
  private final DocumentLimits limits;
  private OcrEngineProvider engines;
  private DocumentReader reader;
  private boolean closed;

  public ReportReader(String ocrEngine, DocumentLimits limits) {
    this.ocrEngine = ocrEngine;
    this.limits = Objects.requireNonNull(limits, "limits");
    // An unknown engine name is a configuration error to report at start-up, not on the first document.
    OcrEngines.perThread(ocrEngine).close();
  }

  @Override
  public long maxBytes() {
    return limits.maxBytes();
  }

  @Override
  public ReportLayout read(String name, byte[] content) throws ReportUnreadableException {
    DocumentText text;
    try {
      text = reader().read(name, content);
    } catch (UnreadableDocumentException e) {
      throw new ReportUnreadableException(problem(e.reason()), e.getMessage(), e);
    }
    List<ReportLayout.Page> pages = new ArrayList<>();
    for (OcrPage page : text.pages()) {
      List<ReportLayout.Box> boxes = new ArrayList<>();
      for (TextBox b : page.boxes()) {
        boxes.add(new ReportLayout.Box(b.text(), b.x(), b.y(), b.width(), b.height()));
      }
      pages.add(new ReportLayout.Page(page.width(), page.height(), boxes));
    }
    return new ReportLayout(text.mediaType(), text.source().name(), text.ocrEngine(), pages);
  }

  private synchronized DocumentReader reader() throws ReportUnreadableException {
    if (closed) {
      throw new ReportUnreadableException(ReportUnreadableException.Problem.UNAVAILABLE, "the document reader is closed");
    }
    if (reader == null) {
      engines = OcrEngines.perThread(ocrEngine);
      reader = new DocumentReader(limits, engines, false);
    }
    return reader;
  }

  static ReportUnreadableException.Problem problem(UnreadableDocumentException.Reason reason) {
    return switch (reason) {
      case EMPTY, CORRUPT, UNSUPPORTED_TYPE -> ReportUnreadableException.Problem.INVALID;
      case TOO_LARGE, TOO_MANY_PIXELS, TOO_MANY_PAGES, TIMEOUT -> ReportUnreadableException.Problem.TOO_LARGE;
      case OCR_FAILED -> ReportUnreadableException.Problem.UNAVAILABLE;
    };
  }

  /** Stops the reader's threads, then closes the OCR engines they used. */
  @Override
  public synchronized void close() {
    closed = true;
    if (reader != null) {
      reader.close();
      engines.close();
    }
  }
}
