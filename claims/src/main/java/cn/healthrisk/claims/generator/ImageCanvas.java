package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
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
  public void dotText(String s, double x, double y, Face face, double size, Color color, double pitch) {
    Font font = fonts.font(face, (float) size);
        Rectangle2D bounds = font.getStringBounds(s, g.getFontRenderContext());
    int w = (int) Math.ceil(bounds.getWidth()) + 4;
    int top = (int) Math.ceil(size * 1.1);
    int h = top + (int) Math.ceil(size * 0.35);
    // The glyphs in a mask, then one dot wherever a head cell is mostly inked.
    BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D m = mask.createGraphics();
    m.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    m.setColor(Color.WHITE);
    m.setFont(font);
    m.drawString(s, 2f, (float) top);
    m.dispose();
    double dot = pitch;
    g.setColor(color);
    for (double cy = pitch / 2; cy < h; cy += pitch) {
      for (double cx = pitch / 2; cx < w; cx += pitch) {
        if (coverage(mask, cx, cy, pitch) > 0.3) {
          g.fill(new Ellipse2D.Double(x - 2 + cx - dot / 2, y - top + cy - dot / 2, dot, dot));
        }
      }
    }
  }

  /** The mean ink of the mask in the square of side {@code pitch} centred on (cx, cy), 0..1. */
  private static double coverage(BufferedImage mask, double cx, double cy, double pitch) {
    int x0 = Math.max(0, (int) (cx - pitch / 2));
    int y0 = Math.max(0, (int) (cy - pitch / 2));
    int x1 = Math.min(mask.getWidth(), (int) Math.ceil(cx + pitch / 2));
    int y1 = Math.min(mask.getHeight(), (int) Math.ceil(cy + pitch / 2));
    long sum = 0;
    int n = 0;
    for (int yy = y0; yy < y1; yy++) {
      for (int xx = x0; xx < x1; xx++) {
        sum += mask.getRaster().getSample(xx, yy, 0);
        n++;
      }
    }
    return n == 0 ? 0 : sum / (255.0 * n);
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
