package cn.healthrisk.claims.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds a sheet of paper photographed against a darker background (a desk, a table) and
 * straightens it: the four corners of the largest bright region, then a perspective warp of that
 * quadrilateral to an upright rectangle.
 *
 * <p>Scans and clean renders are left alone: their paper fills the frame, so no background
 * surrounds it. A region that is too small, too thin or not four-sided enough is not trusted.
 */
public final class PaperFinder {

  // The search runs on a copy this long on its long side; corners are scaled back.
  private static final int WORK_LONG_SIDE = 480;
  // The paper must cover this share of the photo, and leave at least MIN_BACKGROUND of it.
  private static final double MIN_PAPER = 0.25;
  private static final double MIN_BACKGROUND = 0.04;
  // Paper must differ from the background's hue by this much more than the background does.
  private static final double MIN_CONTRAST = 25;
  // The region must fill this share of its own quadrilateral (a sheet, not a blob).
  private static final double MIN_FILL = 0.85;

  private PaperFinder() {}

  /** The paper's corners in the image's pixels (TL, TR, BR, BL as x,y pairs), if one is found. */
  public static Optional<double[]> corners(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = Math.min(1.0, (double) WORK_LONG_SIDE / Math.max(w, h));
    int sw = Math.max(1, (int) Math.round(w * scale));
    int sh = Math.max(1, (int) Math.round(h * scale));
    // Distance from the background's chromaticity (colour with brightness divided out), taken
    // along the photo's edges: unlike brightness, it does not split a sheet lit unevenly or in
    // shadow. A background of the paper's own hue (a white desk) is not told apart, and the
    // contrast check below then leaves the photo alone.
    int[] rgb = shrink(image, sw, sh);
    int[] dist = chromaDistance(rgb, sw, sh);
    // Just above the background's own spread: Otsu would split a sheet in light and shadow.
    int threshold = Math.max(20, (int) (1.5 * edgePercentile(dist, sw, sh, 0.95)) + 8);
    boolean[] far = new boolean[dist.length];
    for (int i = 0; i < dist.length; i++) {
      far[i] = dist[i] > threshold;
    }
    // Close the gaps text makes in the paper, so the sheet is one region.
    boolean[] paper = largestRegion(close(far, sw, sh, 3), sw, sh);
    long area = 0;
    double paperSum = 0;
    double backSum = 0;
    for (int i = 0; i < paper.length; i++) {
      if (paper[i]) {
        area++;
        paperSum += dist[i];
      } else {
        backSum += dist[i];
      }
    }
    long total = (long) sw * sh;
    if (area < MIN_PAPER * total || total - area < MIN_BACKGROUND * total) {
      return Optional.empty();
    }
    if (paperSum / area - backSum / (total - area) < MIN_CONTRAST) {
      return Optional.empty();
    }
    double[] c = extremeCorners(paper, sw, sh);
    double quadArea = polygonArea(c);
    if (quadArea <= 0 || area / quadArea < MIN_FILL || !convex(c)) {
      return Optional.empty();
    }
    double[] out = new double[8];
    for (int i = 0; i < 8; i += 2) {
      out[i] = Math.min(w - 1, Math.max(0, (c[i] + 0.5) / scale));
      out[i + 1] = Math.min(h - 1, Math.max(0, (c[i + 1] + 0.5) / scale));
    }
    return Optional.of(out);
  }

  /** The paper straightened to an upright rectangle, or the image itself when none is found. */
  public static BufferedImage straighten(BufferedImage image) {
    return corners(image).map(c -> warp(image, c)).orElse(image);
  }

  /** The quadrilateral {@code c} (TL, TR, BR, BL) of {@code src} mapped onto an upright rectangle. */
  static BufferedImage warp(BufferedImage src, double[] c) {
    double top = Math.hypot(c[2] - c[0], c[3] - c[1]);
    double bottom = Math.hypot(c[4] - c[6], c[5] - c[7]);
    double left = Math.hypot(c[6] - c[0], c[7] - c[1]);
    double right = Math.hypot(c[4] - c[2], c[5] - c[3]);
    int outW = Math.max(1, (int) Math.round(Math.max(top, bottom)));
    int outH = Math.max(1, (int) Math.round(Math.max(left, right)));
    double[] rect = {0, 0, outW, 0, outW, outH, 0, outH};
    double[] m = homography(rect, c);
    BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
    int sw = src.getWidth();
    int sh = src.getHeight();
    int[] pixels = Pixels.argb(src);
    int[] dst = Pixels.packedRgb(out);
    for (int y = 0; y < outH; y++) {
      int rowStart = y * outW;
      for (int x = 0; x < outW; x++) {
        double d = m[6] * x + m[7] * y + 1;
        double sx = (m[0] * x + m[1] * y + m[2]) / d;
        double sy = (m[3] * x + m[4] * y + m[5]) / d;
        dst[rowStart + x] = bilinear(pixels, sw, sh, sx, sy) & 0xffffff;
      }
    }
    return out;
  }

  // The same sampling on the image's pixels as getRGB returns them, row after row.
  private static int bilinear(int[] src, int w, int h, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
      return src[Math.min(h - 1, Math.max(0, y0)) * w + Math.min(w - 1, Math.max(0, x0))];
    }
    double fx = x - x0;
    double fy = y - y0;
    int i = y0 * w + x0;
    int a = src[i];
    int b = src[i + 1];
    int c = src[i + w];
    int d = src[i + w + 1];
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double v = ((a >> shift) & 0xff) * (1 - fx) * (1 - fy) + ((b >> shift) & 0xff) * fx * (1 - fy)
          + ((c >> shift) & 0xff) * (1 - fx) * fy + ((d >> shift) & 0xff) * fx * fy;
      rgb = (rgb << 8) | Math.min(255, (int) Math.round(v));
    }
    return rgb;
  }

  /**
   * The projective transform taking the four points {@code from} to {@code to} (x,y pairs), as the
   * coefficients h0..h7 with h8 = 1, solved by Gaussian elimination. The receipt generator's photo
   * degradation uses it too.
   */
  public static double[] homography(double[] from, double[] to) {
    double[][] a = new double[8][9];
    for (int i = 0; i < 4; i++) {
      double x = from[2 * i];
      double y = from[2 * i + 1];
      double u = to[2 * i];
      double v = to[2 * i + 1];
      a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
      a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    }
    for (int col = 0; col < 8; col++) {
      int pivot = col;
      for (int r = col + 1; r < 8; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      if (Math.abs(a[col][col]) < 1e-12) {
        throw new IllegalArgumentException("degenerate quadrilateral");
      }
      for (int r = 0; r < 8; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int k = col; k < 9; k++) {
            a[r][k] -= f * a[col][k];
          }
        }
      }
    }
    double[] m = new double[8];
    for (int i = 0; i < 8; i++) {
      m[i] = a[i][8] / a[i][i];
    }
    return m;
  }

  private static int[] shrink(BufferedImage image, int sw, int sh) {
    BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
          java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, sw, sh, null);
    } finally {
      g.dispose();
    }
    return Pixels.argb(small);
  }

  // Distance (scaled to 0-255) of each pixel's chromaticity from the median along the edges.
  private static int[] chromaDistance(int[] rgb, int w, int h) {
    double[] cr = new double[rgb.length];
    double[] cg = new double[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      double r = (p >> 16) & 0xff;
      double g = (p >> 8) & 0xff;
      double b = p & 0xff;
      double sum = r + g + b + 30; // damped, so near-black pixels do not swing wildly
      cr[i] = r / sum;
      cg[i] = g / sum;
    }
    int band = Math.max(1, Math.min(w, h) / 50);
    List<Double> er = new ArrayList<>();
    List<Double> eg = new ArrayList<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x < band || x >= w - band || y < band || y >= h - band) {
          er.add(cr[y * w + x]);
          eg.add(cg[y * w + x]);
        }
      }
    }
    Collections.sort(er);
    Collections.sort(eg);
    double mr = er.get(er.size() / 2);
    double mg = eg.get(eg.size() / 2);
    int[] out = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[i] = (int) Math.min(255, Math.round(1500 * Math.hypot(cr[i] - mr, cg[i] - mg)));
    }
    return out;
  }

  // Per-channel median of a frame 2% wide along the edges.
  private static int edgeMedian(int[] rgb, int w, int h) {
    int band = Math.max(1, Math.min(w, h) / 50);
    int[][] hist = new int[3][256];
    int n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x >= band && x < w - band && y >= band && y < h - band) {
          continue;
        }
        int p = rgb[y * w + x];
        hist[0][(p >> 16) & 0xff]++;
        hist[1][(p >> 8) & 0xff]++;
        hist[2][p & 0xff]++;
        n++;
      }
    }
    int out = 0;
    for (int c = 0; c < 3; c++) {
      int seen = 0;
      int v = 0;
      while (v < 255 && seen + hist[c][v] <= n / 2) {
        seen += hist[c][v];
        v++;
      }
      out = out << 8 | v;
    }
    return out;
  }

  private static int edgePercentile(int[] values, int w, int h, double q) {
    int band = Math.max(1, Math.min(w, h) / 50);
    int[] hist = new int[256];
    int n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x >= band && x < w - band && y >= band && y < h - band) {
          continue;
        }
        hist[Math.min(255, values[y * w + x])]++;
        n++;
      }
    }
    int seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += hist[v];
      if (seen >= q * n) {
        return v;
      }
    }
    return 255;
  }

  private static int colourDistance(int a, int b) {
    int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
    int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
    int db = (a & 0xff) - (b & 0xff);
    return (int) Math.round(Math.sqrt(dr * dr + dg * dg + db * db));
  }

  static int otsu(int[] lum) {
    int[] hist = new int[256];
    for (int v : lum) {
      hist[v]++;
    }
    long total = lum.length;
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      sum += (double) i * hist[i];
    }
    double sumB = 0;
    long wB = 0;
    double best = -1;
    int threshold = 127;
    for (int t = 0; t < 256; t++) {
      wB += hist[t];
      if (wB == 0) {
        continue;
      }
      long wF = total - wB;
      if (wF == 0) {
        break;
      }
      sumB += (double) t * hist[t];
      double mB = sumB / wB;
      double mF = (sum - sumB) / wF;
      double between = (double) wB * wF * (mB - mF) * (mB - mF);
      if (between > best) {
        best = between;
        threshold = t;
      }
    }
    return threshold;
  }

  // Dilation then erosion with a square of radius r.
  private static boolean[] close(boolean[] m, int w, int h, int r) {
    return erode(dilate(m, w, h, r), w, h, r);
  }

  private static boolean[] dilate(boolean[] m, int w, int h, int r) {
    return morph(m, w, h, r, true);
  }

  private static boolean[] erode(boolean[] m, int w, int h, int r) {
    return morph(m, w, h, r, false);
  }

  // Separable square structuring element: rows, then columns.
  private static boolean[] morph(boolean[] m, int w, int h, int r, boolean dilate) {
    boolean[] tmp = new boolean[m.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean v = !dilate;
        for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
          if (m[y * w + k] == dilate) {
            v = dilate;
            break;
          }
        }
        tmp[y * w + x] = v;
      }
    }
    boolean[] out = new boolean[m.length];
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) {
        boolean v = !dilate;
        for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
          if (tmp[k * w + x] == dilate) {
            v = dilate;
            break;
          }
        }
        out[y * w + x] = v;
      }
    }
    return out;
  }

  private static boolean[] largestRegion(boolean[] m, int w, int h) {
    int[] label = new int[m.length];
    int[] stack = new int[m.length];
    int best = 0;
    int bestSize = 0;
    int next = 0;
    for (int start = 0; start < m.length; start++) {
      if (!m[start] || label[start] != 0) {
        continue;
      }
      next++;
      int size = 0;
      int top = 0;
      stack[top++] = start;
      label[start] = next;
      while (top > 0) {
        int p = stack[--top];
        size++;
        int x = p % w;
        int y = p / w;
        if (x > 0 && m[p - 1] && label[p - 1] == 0) {
          label[p - 1] = next;
          stack[top++] = p - 1;
        }
        if (x < w - 1 && m[p + 1] && label[p + 1] == 0) {
          label[p + 1] = next;
          stack[top++] = p + 1;
        }
        if (y > 0 && m[p - w] && label[p - w] == 0) {
          label[p - w] = next;
          stack[top++] = p - w;
        }
        if (y < h - 1 && m[p + w] && label[p + w] == 0) {
          label[p + w] = next;
          stack[top++] = p + w;
        }
      }
      if (size > bestSize) {
        bestSize = size;
        best = next;
      }
    }
    boolean[] out = new boolean[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = best != 0 && label[i] == best;
    }
    return out;
  }

  // TL = min(x+y), TR = max(x-y), BR = max(x+y), BL = min(x-y).
  private static double[] extremeCorners(boolean[] m, int w, int h) {
    int tl = -1;
    int tr = -1;
    int br = -1;
    int bl = -1;
    for (int i = 0; i < m.length; i++) {
      if (!m[i]) {
        continue;
      }
      int x = i % w;
      int y = i / w;
      if (tl < 0 || x + y < tl % w + tl / w) {
        tl = i;
      }
      if (br < 0 || x + y > br % w + br / w) {
        br = i;
      }
      if (tr < 0 || x - y > tr % w - tr / w) {
        tr = i;
      }
      if (bl < 0 || x - y < bl % w - bl / w) {
        bl = i;
      }
    }
    return new double[] {tl % w, tl / w, tr % w, tr / w, br % w, br / w, bl % w, bl / w};
  }

  private static double polygonArea(double[] c) {
    double a = 0;
    for (int i = 0; i < 4; i++) {
      int j = (i + 1) % 4;
      a += c[2 * i] * c[2 * j + 1] - c[2 * j] * c[2 * i + 1];
    }
    return Math.abs(a) / 2;
  }

  private static boolean convex(double[] c) {
    int sign = 0;
    for (int i = 0; i < 4; i++) {
      int j = (i + 1) % 4;
      int k = (i + 2) % 4;
      double cross = (c[2 * j] - c[2 * i]) * (c[2 * k + 1] - c[2 * j + 1])
          - (c[2 * j + 1] - c[2 * i + 1]) * (c[2 * k] - c[2 * j]);
      int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
      if (s != 0) {
        if (sign != 0 && s != sign) {
          return false;
        }
        sign = s;
      }
    }
    return sign != 0;
  }
}
