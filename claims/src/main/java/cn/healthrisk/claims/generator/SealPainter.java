package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Draws a red round (or oval) stamp as a semi-transparent image to lay over printed text. */
final class SealPainter {

  static final Color SEAL_RED = new Color(214, 38, 38);

  private SealPainter() {}

  /**
   * A round seal: {@code ring} along the top arc, a star, {@code bottom} straight below it.
   * Faint uneven ink comes from {@code random}.
   */
  static BufferedImage round(ReceiptFonts fonts, String ring, String bottom, int size,
      Random random) {
    // A receipt drawn without its hospital name still gets a stamp, with nothing round its edge.
    ring = ring == null ? "" : ring;
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    // Real stamps never leave full-strength ink, so the printed text stays partly visible.
    float alpha = 0.62f + random.nextFloat() * 0.2f;
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
    g.setColor(SEAL_RED);
    double c = size / 2.0;
    float stroke = size * 0.035f;
    g.setStroke(new BasicStroke(stroke));
    g.draw(new Ellipse2D.Double(stroke, stroke, size - 2 * stroke, size - 2 * stroke));

    double fontSize = size * Math.min(0.13, 1.9 / Math.max(ring.length(), 8));
    Font font = fonts.font(Face.SERIF_BOLD, (float) fontSize);
    g.setFont(font);
    double radius = c - stroke * 1.8 - fontSize * 0.85;
    double spread = Math.toRadians(Math.min(250, 24 * ring.length()));
    for (int i = 0; i < ring.length(); i++) {
      double a = ring.length() == 1 ? 0
          : -spread / 2 + spread * i / (ring.length() - 1);
      AffineTransform saved = g.getTransform();
      g.translate(c + radius * Math.sin(a), c - radius * Math.cos(a));
      g.rotate(a);
      String ch = ring.substring(i, i + 1);
      double w = g.getFontMetrics().stringWidth(ch);
      g.drawString(ch, (float) (-w / 2), (float) (fontSize * 0.4));
      g.setTransform(saved);
    }
    g.fill(star(c, c + size * 0.02, size * 0.14));
    Font small = fonts.font(Face.SERIF_BOLD, (float) (size * 0.1));
    g.setFont(small);
    double bw = g.getFontMetrics().stringWidth(bottom);
    g.drawString(bottom, (float) (c - bw / 2), (float) (c + size * 0.32));
    g.dispose();
    return img;
  }

  /** A small oval 监制 stamp of the finance department, as printed at the top of receipts. */
  static BufferedImage oval(ReceiptFonts fonts, String top, String bottom, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(200, 60, 60, 200));
    float stroke = h * 0.04f;
    g.setStroke(new BasicStroke(stroke));
    g.draw(new Ellipse2D.Double(stroke, stroke, w - 2 * stroke, h - 2 * stroke));
    g.setFont(fonts.font(Face.SERIF, h * 0.2f));
    int tw = g.getFontMetrics().stringWidth(top);
    g.drawString(top, (w - tw) / 2f, h * 0.45f);
    g.setFont(fonts.font(Face.SERIF_BOLD, h * 0.2f));
    int bw = g.getFontMetrics().stringWidth(bottom);
    g.drawString(bottom, (w - bw) / 2f, h * 0.78f);
    g.dispose();
    return img;
  }

  private static Path2D star(double cx, double cy, double r) {
    Path2D p = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double rr = i % 2 == 0 ? r : r * 0.4;
      double a = Math.PI * i / 5 - Math.PI / 2;
      double x = cx + rr * Math.cos(a);
      double y = cy + rr * Math.sin(a);
      if (i == 0) {
        p.moveTo(x, y);
      } else {
        p.lineTo(x, y);
      }
    }
    p.closePath();
    return p;
  }
}
