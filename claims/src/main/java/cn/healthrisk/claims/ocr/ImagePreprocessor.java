package cn.healthrisk.claims.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Light preprocessing before OCR: flattens to opaque RGB (transparent pixels become white), scales
 * the page so its long side lies within the recognisers' sweet spot and, optionally, fades red
 * seals.
 *
 * <p>The seal filter whitens only light, strongly red pixels: a seal stamped over paper. Dark
 * pixels stay, so text printed under a seal (dark red where the two overlap) and deliberately red
 * printed text such as a red 票据号码 (a solid, dark red) survive.
 */
public final class ImagePreprocessor {

  /** Long side below which a page is enlarged (small photos, thumbnails). */
  public static final int DEFAULT_MIN_LONG_SIDE = 1200;

  /** Long side above which a page is reduced (phone photos, 600 dpi scans). */
  public static final int DEFAULT_MAX_LONG_SIDE = 2400;

  // Enlarging more than this only blurs tiny text; it does not add detail.
  private static final double MAX_UPSCALE = 2.0;

  // Seal over paper: red well above the other channels, which stay light because the stamp is
  // translucent; printed red ink and text under a seal have dark green and blue channels.
  private static final int SEAL_MIN_RED = 170;
  private static final int SEAL_MIN_OTHER = 55;
  private static final int SEAL_MIN_MARGIN = 60;

  private final int minLongSide;
  private final int maxLongSide;
  private final boolean sealFilter;
  private final boolean straighten;

  public ImagePreprocessor(int minLongSide, int maxLongSide) {
    this(minLongSide, maxLongSide, false);
  }

  /**
   * @param sealFilter whether to fade red seals before OCR
   */
  public ImagePreprocessor(int minLongSide, int maxLongSide, boolean sealFilter) {
    this(minLongSide, maxLongSide, sealFilter, false);
  }

  /**
   * @param sealFilter whether to fade red seals before OCR
   * @param straighten whether a photographed sheet is found against its background and its
   *     perspective undone first ({@link PaperFinder})
   */
  public ImagePreprocessor(int minLongSide, int maxLongSide, boolean sealFilter, boolean straighten) {
    if (minLongSide <= 0 || maxLongSide < minLongSide) {
      throw new IllegalArgumentException(
          "need 0 < minLongSide <= maxLongSide, got " + minLongSide + ", " + maxLongSide);
    }
    this.minLongSide = minLongSide;
    this.maxLongSide = maxLongSide;
    this.sealFilter = sealFilter;
    this.straighten = straighten;
  }

  /** A preprocessor with the default sweet spot of 1200 to 2400 pixels on the long side. */
  public static ImagePreprocessor defaults() {
    return new ImagePreprocessor(DEFAULT_MIN_LONG_SIDE, DEFAULT_MAX_LONG_SIDE);
  }

  /**
   * The preprocessing an engine reads best after: RapidOCR with photographed sheets straightened
   * and red seals faded (measured in
   * docs/receipt-accuracy.md: it recovers the hospital name and amount in words a seal covers);
   * Tesseract without, because it turns the dark remnants of a faded seal into low-confidence junk.
   */
  public static ImagePreprocessor forEngine(String engineName) {
    boolean rapid = RapidOcrEngine.NAME.equals(engineName);
    // Straightening photographed sheets: on held-out photos RapidOCR read 85.1 % of fields with it
    // against 83.0 % without, Tesseract 33.7 % against 44.6 % (docs/receipt-accuracy.md).
    return defaults().withSealFilter(rapid).withStraightening(rapid);
  }

  /** The same scaling, with or without the seal filter. */
  public ImagePreprocessor withSealFilter(boolean on) {
    return new ImagePreprocessor(minLongSide, maxLongSide, on, straighten);
  }

  /** The same preprocessing, with or without straightening photographed sheets. */
  public ImagePreprocessor withStraightening(boolean on) {
    return new ImagePreprocessor(minLongSide, maxLongSide, sealFilter, on);
  }

  /** A short name of this preprocessing, for caches of its output. */
  public String name() {
    return "scale" + minLongSide + "-" + maxLongSide + (straighten ? "-paper" : "")
        + (sealFilter ? "-seal" : "");
  }

  /**
   * Returns an RGB copy of the image, its sheet straightened when it is a photo of one, scaled
   * into the sweet spot (or the image itself if nothing needed doing).
   */
  public BufferedImage prepare(BufferedImage image) {
    BufferedImage source = straighten ? PaperFinder.straighten(image) : image;
    int longSide = Math.max(source.getWidth(), source.getHeight());
    double scale = 1.0;
    if (longSide > maxLongSide) {
      scale = (double) maxLongSide / longSide;
    } else if (longSide < minLongSide) {
      scale = Math.min(MAX_UPSCALE, (double) minLongSide / longSide);
    }
    if (scale == 1.0 && source.getType() == BufferedImage.TYPE_INT_RGB && !sealFilter) {
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
    if (sealFilter) {
      fadeSeals(target);
    }
    return target;
  }

  /** The image turned clockwise by {@code quarters} quarter turns (0 to 3). */
  public static BufferedImage rotateQuarter(BufferedImage image, int quarters) {
    int q = Math.floorMod(quarters, 4);
    if (q == 0) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int ow = q == 2 ? w : h;
    BufferedImage out = new BufferedImage(ow, q == 2 ? h : w, BufferedImage.TYPE_INT_RGB);
    int[] src = Pixels.argb(image);
    int[] dst = Pixels.packedRgb(out);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = src[y * w + x] & 0xffffff;
        switch (q) {
          case 1 -> dst[x * ow + (h - 1 - y)] = p;
          case 2 -> dst[(h - 1 - y) * ow + (w - 1 - x)] = p;
          default -> dst[(w - 1 - x) * ow + y] = p;
        }
      }
    }
    return out;
  }

  /** Whitens light, strongly red pixels in place; returns how many. */
  static int fadeSeals(BufferedImage image) {
    int[] packed = Pixels.packedRgb(image);
    if (packed == null) {
      return fadeSealsRowByRow(image);
    }
    int faded = 0;
    int n = image.getWidth() * image.getHeight();
    for (int i = 0; i < n; i++) {
      if (isSeal(packed[i])) {
        packed[i] = 0xffffff;
        faded++;
      }
    }
    return faded;
  }

  // Any other layout: through the colour model, a row at a time.
  private static int fadeSealsRowByRow(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] row = new int[w];
    int faded = 0;
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        if (isSeal(row[x])) {
          row[x] = 0xffffffff;
          faded++;
        }
      }
      image.setRGB(0, y, w, 1, row, 0, w);
    }
    return faded;
  }

  private static boolean isSeal(int p) {
    int r = (p >> 16) & 0xff;
    int g = (p >> 8) & 0xff;
    int b = p & 0xff;
    return r >= SEAL_MIN_RED && Math.min(g, b) >= SEAL_MIN_OTHER && r - Math.max(g, b) >= SEAL_MIN_MARGIN;
  }
}
