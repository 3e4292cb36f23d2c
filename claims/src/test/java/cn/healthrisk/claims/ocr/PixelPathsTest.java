package cn.healthrisk.claims.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.generator.Degradations;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The array-based pixel code gives exactly what the per-pixel {@code getRGB}/{@code setRGB} code it
 * replaced gave (kept below as the reference), on the sample receipts, on photos and scans made by
 * the receipt generator, and on image layouts that take the fallback paths.
 */
class PixelPathsTest {

  @TempDir Path dir;

  @Test
  void argbIsWhatGetRgbReturnsForEveryLayout() throws IOException {
    for (BufferedImage image : images()) {
      int w = image.getWidth();
      int h = image.getHeight();
      assertThat(Pixels.argb(image)).as(describe(image)).isEqualTo(image.getRGB(0, 0, w, h, null, 0, w));
    }
  }

  @Test
  void fadeSealsMatchesThePerPixelVersion() throws IOException {
    for (BufferedImage image : images()) {
      BufferedImage fast = copy(ImagePreprocessor.defaults().prepare(image), BufferedImage.TYPE_INT_RGB);
      BufferedImage slow = copy(fast, fast.getType());
      int fastCount = ImagePreprocessor.fadeSeals(fast);
      int slowCount = referenceFadeSeals(slow);
      assertThat(fastCount).as(describe(image)).isEqualTo(slowCount);
      assertSamePixels(fast, slow, describe(image));
    }
    // The generated sheet carries a seal, so the comparison above is not of untouched pages only.
    BufferedImage sealed = sheet(700, 1000);
    assertThat(referenceFadeSeals(copy(sealed, BufferedImage.TYPE_INT_RGB))).isPositive();
    // Other layouts go through the colour model and give the same result.
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB}) {
      BufferedImage fast = copy(sealed, type);
      BufferedImage slow = copy(sealed, type);
      assertThat(ImagePreprocessor.fadeSeals(fast)).isEqualTo(referenceFadeSeals(slow));
      assertSamePixels(fast, slow, "type " + type);
    }
  }

  @Test
  void quarterTurnsMatchThePerPixelVersion() throws IOException {
    for (BufferedImage image : images()) {
      for (int q = 1; q <= 3; q++) {
        assertSamePixels(ImagePreprocessor.rotateQuarter(image, q), referenceRotate(image, q), describe(image) + " q" + q);
      }
    }
  }

  @Test
  void warpMatchesThePerPixelVersion() throws IOException {
    int warped = 0;
    for (BufferedImage image : images()) {
      double[] c = PaperFinder.corners(image).orElse(null);
      if (c == null) {
        // Not a photo of a sheet; still compare a skewed quadrilateral inside the image.
        int w = image.getWidth();
        int h = image.getHeight();
        c = new double[] {0.1 * w, 0.05 * h, 0.93 * w, 0.1 * h, 0.97 * w, 0.99 * h, 0.0, 0.9 * h};
      } else {
        warped++;
      }
      assertSamePixels(PaperFinder.warp(image, c), referenceWarp(image, c), describe(image));
    }
    assertThat(warped).as("photos whose sheet was found").isGreaterThanOrEqualTo(2);
  }

  @Test
  void prepareMatchesThePerPixelPipeline() throws IOException {
    ImagePreprocessor rapid = ImagePreprocessor.forEngine(RapidOcrEngine.NAME);
    for (BufferedImage image : images()) {
      assertSamePixels(rapid.prepare(image), referencePrepare(image), describe(image));
    }
  }

  @Test
  void bmpIsTheFileImageIoWrites() throws IOException {
    List<BufferedImage> all = new ArrayList<>(images());
    all.add(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
    all.add(new BufferedImage(5, 3, BufferedImage.TYPE_3BYTE_BGR)); // rows that need padding
    for (BufferedImage image : all) {
      Path ours = dir.resolve("ours.bmp");
      Path theirs = dir.resolve("theirs.bmp");
      Bmp.write(image, ours);
      assertThat(ImageIO.write(copy(image, BufferedImage.TYPE_3BYTE_BGR), "bmp", theirs.toFile())).isTrue();
      byte[] a = Files.readAllBytes(ours);
      byte[] b = Files.readAllBytes(theirs);
      String what = describe(image);
      assertThat(a.length).as(what).isEqualTo(b.length);
      // Same kind of file: width, height, planes, bits per pixel, compression, offset of the pixels.
      for (int at : new int[] {0, 1, 10, 14, 18, 22, 26, 28, 30}) {
        assertThat(a[at]).as("%s header byte %d", what, at).isEqualTo(b[at]);
      }
      int offset = (a[10] & 0xff) | (a[11] & 0xff) << 8;
      for (int i = offset; i < a.length; i++) {
        if (a[i] != b[i]) {
          throw new AssertionError(what + ": pixel byte " + i + " differs");
        }
      }
      assertSamePixels(ImageIO.read(ours.toFile()), copy(image, BufferedImage.TYPE_3BYTE_BGR), what);
    }
  }

  // ---- the images: sample receipts as decoded, generated photos and scans, other layouts

  private static List<BufferedImage> images() throws IOException {
    List<BufferedImage> out = new ArrayList<>();
    for (String name : new String[] {"receipt-a-001.png", "receipt-a-006.jpg", "receipt-a-016.png"}) {
      out.add(sample(name));
    }
    BufferedImage clean = sheet(700, 1000);
    for (long seed = 1; seed <= 3; seed++) {
      Degradations.Degraded photo = Degradations.photo(clean, new Random(seed));
      // As the pipeline sees it: decoded from the JPEG the generator stores (TYPE_3BYTE_BGR).
      out.add(ImageIO.read(new ByteArrayInputStream(Degradations.jpeg(photo.image(), photo.jpegQuality()))));
    }
    out.add(Degradations.scan(clean, new Random(4)).image());
    BufferedImage argb = copy(out.get(0), BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(3, 3, 0x40ff0000);
    out.add(argb);
    out.add(copy(out.get(1), BufferedImage.TYPE_BYTE_GRAY));
    out.add(out.get(3).getSubimage(20, 30, 300, 400)); // a sub-image: not a whole raster
    return out;
  }

  private static BufferedImage sample(String name) throws IOException {
    try (InputStream in = PixelPathsTest.class.getResourceAsStream("/samples/" + name)) {
      return ImageIO.read(in);
    }
  }

  private static BufferedImage sheet(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
    for (int y = 80; y < h - 60; y += 45) {
      g.drawString("ITEM 0012345678 128.50", 50, y);
    }
    g.setColor(new Color(0xE5, 0x67, 0x67));
    g.fillOval(w - 260, h - 300, 200, 200);
    g.dispose();
    return img;
  }

  private static BufferedImage copy(BufferedImage image, int type) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static String describe(BufferedImage image) {
    return image.getWidth() + "x" + image.getHeight() + " type " + image.getType();
  }

  private static void assertSamePixels(BufferedImage a, BufferedImage b, String what) {
    assertThat(a.getWidth()).as(what).isEqualTo(b.getWidth());
    assertThat(a.getHeight()).as(what).isEqualTo(b.getHeight());
    assertThat(a.getType()).as(what).isEqualTo(b.getType());
    int w = a.getWidth();
    int h = a.getHeight();
    assertThat(a.getRGB(0, 0, w, h, null, 0, w)).as(what).isEqualTo(b.getRGB(0, 0, w, h, null, 0, w));
  }

  // ---- the per-pixel code as it was before the array-based versions

  private static BufferedImage referencePrepare(BufferedImage image) {
    double[] c = PaperFinder.corners(image).orElse(null);
    BufferedImage source = c == null ? image : referenceWarp(image, c);
    int longSide = Math.max(source.getWidth(), source.getHeight());
    double scale = 1.0;
    if (longSide > ImagePreprocessor.DEFAULT_MAX_LONG_SIDE) {
      scale = (double) ImagePreprocessor.DEFAULT_MAX_LONG_SIDE / longSide;
    } else if (longSide < ImagePreprocessor.DEFAULT_MIN_LONG_SIDE) {
      scale = Math.min(2.0, (double) ImagePreprocessor.DEFAULT_MIN_LONG_SIDE / longSide);
    }
    int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    referenceFadeSeals(target);
    return target;
  }

  private static int referenceFadeSeals(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] row = new int[w];
    int faded = 0;
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int p = row[x];
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        if (r >= 170 && Math.min(g, b) >= 55 && r - Math.max(g, b) >= 60) {
          row[x] = 0xffffffff;
          faded++;
        }
      }
      image.setRGB(0, y, w, 1, row, 0, w);
    }
    return faded;
  }

  private static BufferedImage referenceRotate(BufferedImage image, int q) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage out = new BufferedImage(q == 2 ? w : h, q == 2 ? h : w, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        switch (q) {
          case 1 -> out.setRGB(h - 1 - y, x, row[x]);
          case 2 -> out.setRGB(w - 1 - x, h - 1 - y, row[x]);
          default -> out.setRGB(y, w - 1 - x, row[x]);
        }
      }
    }
    return out;
  }

  private static BufferedImage referenceWarp(BufferedImage src, double[] c) {
    double top = Math.hypot(c[2] - c[0], c[3] - c[1]);
    double bottom = Math.hypot(c[4] - c[6], c[5] - c[7]);
    double left = Math.hypot(c[6] - c[0], c[7] - c[1]);
    double right = Math.hypot(c[4] - c[2], c[5] - c[3]);
    int outW = Math.max(1, (int) Math.round(Math.max(top, bottom)));
    int outH = Math.max(1, (int) Math.round(Math.max(left, right)));
    double[] rect = {0, 0, outW, 0, outW, outH, 0, outH};
    double[] m = PaperFinder.homography(rect, c);
    BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
    int sw = src.getWidth();
    int sh = src.getHeight();
    int[] row = new int[outW];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        double d = m[6] * x + m[7] * y + 1;
        double sx = (m[0] * x + m[1] * y + m[2]) / d;
        double sy = (m[3] * x + m[4] * y + m[5]) / d;
        row[x] = referenceBilinear(src, sw, sh, sx, sy);
      }
      out.setRGB(0, y, outW, 1, row, 0, outW);
    }
    return out;
  }

  private static int referenceBilinear(BufferedImage src, int w, int h, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
      return src.getRGB(Math.min(w - 1, Math.max(0, x0)), Math.min(h - 1, Math.max(0, y0)));
    }
    double fx = x - x0;
    double fy = y - y0;
    int a = src.getRGB(x0, y0);
    int b = src.getRGB(x0 + 1, y0);
    int c = src.getRGB(x0, y0 + 1);
    int d = src.getRGB(x0 + 1, y0 + 1);
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double v = ((a >> shift) & 0xff) * (1 - fx) * (1 - fy) + ((b >> shift) & 0xff) * fx * (1 - fy)
          + ((c >> shift) & 0xff) * (1 - fx) * fy + ((d >> shift) & 0xff) * fx * fy;
      rgb = (rgb << 8) | Math.min(255, (int) Math.round(v));
    }
    return rgb;
  }
}
