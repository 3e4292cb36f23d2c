package cn.healthrisk.claims.ocr;

/**
 * One piece of text found on a page, with its axis-aligned bounding box in page pixels
 * (origin top-left) and the recogniser's confidence in [0, 1].
 */
public record TextBox(String text, double confidence, int x, int y, int width, int height) {

  public int right() {
    return x + width;
  }

  public int bottom() {
    return y + height;
  }

  public int centerY() {
    return y + height / 2;
  }
}
