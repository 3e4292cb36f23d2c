package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.awt.image.BufferedImage;

/** Drawing surface shared by the image and PDF renderers; coordinates are pixels, y downwards. */
interface Canvas {

  /** Draws {@code s} with its baseline at {@code y}, starting at {@code x}. */
  void text(String s, double x, double y, Face face, double size, Color color);

  double width(String s, Face face, double size);

  void line(double x1, double y1, double x2, double y2, double stroke, Color color);

  void fillRect(double x, double y, double w, double h, Color color);

  /** Draws an image with its alpha channel, e.g. a seal over text. */
  void image(BufferedImage image, double x, double y, double w, double h);

  /**
   * Draws {@code s} as the dots of a dot-matrix (针式) printer head, {@code pitch} pixels apart. A surface without
   * pixels (a PDF) draws it as plain text.
   */
  default void dotText(String s, double x, double y, Face face, double size, Color color, double pitch) {
    text(s, x, y, face, size, color);
  }

  default void right(String s, double xRight, double y, Face face, double size, Color color) {
    text(s, xRight - width(s, face, size), y, face, size, color);
  }

  default void center(String s, double cx, double y, Face face, double size, Color color) {
    text(s, cx - width(s, face, size) / 2, y, face, size, color);
  }

  default void rect(double x, double y, double w, double h, double stroke, Color color) {
    line(x, y, x + w, y, stroke, color);
    line(x + w, y, x + w, y + h, stroke, color);
    line(x + w, y + h, x, y + h, stroke, color);
    line(x, y + h, x, y, stroke, color);
  }

  default void dashed(double x1, double y, double x2, double dash, double stroke, Color color) {
    for (double x = x1; x < x2; x += 2 * dash) {
      line(x, y, Math.min(x + dash, x2), y, stroke, color);
    }
  }
}
