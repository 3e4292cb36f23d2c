package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Java2D canvas producing an anti-aliased RGB image. */
final class ImageCanvas implements Canvas {

  private final ReceiptFonts fonts;
  private final BufferedImage image;
  private final Graphics2D g;

  ImageCanvas(ReceiptFonts fonts, int width, int height, Color paper) {
    this.fonts = fonts;
    this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    this.g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(paper);
    g.fillRect(0, 0, width, height);
  }

  @Override
  public void text(String s, double x, double y, Face face, double size, Color color) {
    g.setFont(fonts.font(face, (float) size));
    g.setColor(color);
    g.drawString(s, (float) x, (float) y);
  }

  @Override
  public double width(String s, Face face, double size) {
    return fonts.font(face, (float) size).getStringBounds(s, g.getFontRenderContext()).getWidth();
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, double stroke, Color color) {
    g.setStroke(new BasicStroke((float) stroke));
    g.setColor(color);
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Color color) {
    g.setColor(color);
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void image(BufferedImage img, double x, double y, double w, double h) {
    g.drawImage(img, (int) Math.round(x), (int) Math.round(y), (int) Math.round(w),
        (int) Math.round(h), null);
  }

  BufferedImage finish() {
    g.dispose();
    return image;
  }
}
