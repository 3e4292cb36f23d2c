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
 */
public record DocumentText(String mediaType, Source source, String ocrEngine, List<OcrPage> pages) {

  /** How the text was obtained. */
  public enum Source {
    PDF_TEXT_LAYER,
    OCR
  }

  public DocumentText {
    pages = List.copyOf(pages);
  }

  /** All text, one box per line, pages separated by a blank line. */
  public String fullText() {
    return pages.stream()
        .map(p -> p.boxes().stream().map(TextBox::text).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n\n"));
  }
}
