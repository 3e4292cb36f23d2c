package cn.healthrisk.underwriting.report;

import java.util.List;

/**
 * The text of one document as a reader found it: pages of text boxes with their positions, from a
 * PDF's text layer or from OCR.
 *
 * @param mediaType the type detected from the content
 * @param readBy how the text was obtained, e.g. {@code PDF_TEXT_LAYER} or {@code OCR}
 * @param ocrEngine the OCR engine used, null for a text layer
 * @param pages one entry per page
 */
public record ReportLayout(String mediaType, String readBy, String ocrEngine, List<Page> pages) {

  public ReportLayout {
    pages = List.copyOf(pages);
  }

  /** One page: its size in pixels and its boxes (any order). */
  public record Page(int width, int height, List<Box> boxes) {
    public Page {
      boxes = List.copyOf(boxes);
    }
  }

  /** A piece of text and its bounding box in page pixels, origin top-left. */
  public record Box(String text, int x, int y, int width, int height) {}

  /** Plain lines of text, one box per line on one page: how fixtures and text files are given. */
  public static ReportLayout ofLines(List<String> lines) {
    List<Box> boxes = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boxes.add(new Box(lines.get(i), 0, i * 20, Math.max(1, lines.get(i).length() * 10), 16));
    }
    return new ReportLayout("text/plain", "TEXT", null, List.of(new Page(1000, Math.max(1, lines.size() * 20), boxes)));
  }
}
