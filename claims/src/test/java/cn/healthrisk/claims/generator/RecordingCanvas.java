package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A canvas that draws nothing and keeps every text with its box, to check what a layout prints and where. */
final class RecordingCanvas implements Canvas {

  /** One drawn text: its baseline start and box (top and bottom from the size, as CJK glyphs sit). */
  record Text(String s, double x, double y, double size, double width) {
    double right() {
      return x + width;
    }

    double top() {
      return y - 0.84 * size;
    }

    double bottom() {
      return y + 0.12 * size;
    }

    boolean overlaps(Text o, double slack) {
      return x + slack < o.right() && o.x + slack < right() && top() + slack < o.bottom()
          && o.top() + slack < bottom();
    }
  }

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final ReceiptFonts fonts = ReceiptFonts.load();
  private final List<Text> texts = new ArrayList<>();

  List<Text> texts() {
    return texts;
  }

  @Override
  public void text(String s, double x, double y, Face face, double size, Color color) {
    texts.add(new Text(s, x, y, size, width(s, face, size)));
  }

  @Override
  public double width(String s, Face face, double size) {
    return fonts.font(face, (float) size).getStringBounds(s, FRC).getWidth();
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, double stroke, Color color) {}

  @Override
  public void fillRect(double x, double y, double w, double h, Color color) {}

  @Override
  public void image(BufferedImage image, double x, double y, double w, double h) {}
}
