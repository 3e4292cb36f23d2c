package cn.healthrisk.claims.document;

import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of one document with its layout: the pages of a PDF's text layer, or of OCR.
 *
 * @param mediaType the type detected from the content (never from the file name)
 * @param source how the text was obtained
 * @param ocrEngine the OCR engine used, or {@code null} for a text layer
 * @param pages one entry per page, boxes in reading order
 * @param integrity what the PDF check found against the text layer (hidden text, values the page
 *     does not show); empty for images and for PDFs that passed or were not checked
 */
public record DocumentText(String mediaType, Source source, String ocrEngine, List<OcrPage> pages,
    List<IntegrityFinding> integrity) {

  /** How the text was obtained. */
  public enum Source {
    PDF_TEXT_LAYER,
    /** The text objects of an OFD e-receipt. */
    OFD_TEXT,
    OCR
  }

  public DocumentText {
    pages = List.copyOf(pages);
    integrity = integrity == null ? List.of() : List.copyOf(integrity);
  }

  /** Text without integrity findings. */
  public DocumentText(String mediaType, Source source, String ocrEngine, List<OcrPage> pages) {
    this(mediaType, source, ocrEngine, pages, List.of());
  }

  /** All text, one box per line, pages separated by a blank line. */
  public String fullText() {
    return pages.stream()
        .map(p -> p.boxes().stream().map(TextBox::text).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n\n"));
  }
}
