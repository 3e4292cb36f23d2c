package cn.healthrisk.claims.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Light preprocessing before OCR: flattens to opaque RGB (transparent pixels become white) and
 * scales the page so its long side lies within the recognisers' sweet spot.
 */
public final class ImagePreprocessor {

  /** Long side below which a page is enlarged (small photos, thumbnails). */
  public static final int DEFAULT_MIN_LONG_SIDE = 1200;

  /** Long side above which a page is reduced (phone photos, 600 dpi scans). */
  public static final int DEFAULT_MAX_LONG_SIDE = 2400;

  // Enlarging more than this only blurs tiny text; it does not add detail.
  private static final double MAX_UPSCALE = 2.0;

  private final int minLongSide;
  private final int maxLongSide;

  public ImagePreprocessor(int minLongSide, int maxLongSide) {
    if (minLongSide <= 0 || maxLongSide < minLongSide) {
      throw new IllegalArgumentException(
          "need 0 < minLongSide <= maxLongSide, got " + minLongSide + ", " + maxLongSide);
    }
    this.minLongSide = minLongSide;
    this.maxLongSide = maxLongSide;
  }

  /** A preprocessor with the default sweet spot of 1200 to 2400 pixels on the long side. */
  public static ImagePreprocessor defaults() {
    return new ImagePreprocessor(DEFAULT_MIN_LONG_SIDE, DEFAULT_MAX_LONG_SIDE);
  }

  /** A short name of this preprocessing, for caches of its output. */
  public String name() {
    return "scale" + minLongSide + "-" + maxLongSide;
  }

  /** Returns an RGB copy of the image scaled into the sweet spot (or the image itself if it fits). */
  public BufferedImage prepare(BufferedImage source) {
    int longSide = Math.max(source.getWidth(), source.getHeight());
    double scale = 1.0;
    if (longSide > maxLongSide) {
      scale = (double) maxLongSide / longSide;
    } else if (longSide < minLongSide) {
      scale = Math.min(MAX_UPSCALE, (double) minLongSide / longSide);
    }
    if (scale == 1.0 && source.getType() == BufferedImage.TYPE_INT_RGB) {
      return source;
    }
    int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }
}
