package cn.healthrisk.claims.ocr;

import java.util.List;

/** What one page yielded: its size in pixels and its text boxes in reading order. */
public record OcrPage(int width, int height, List<TextBox> boxes) {
  public OcrPage {
    boxes = List.copyOf(boxes);
  }
}
