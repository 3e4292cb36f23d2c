package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.ocr.PaperFinder;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Seeded capture degradations: a flatbed scan or a phone photo of a printed receipt. */
public final class Degradations {

  /**
   * A degraded image to be written as JPEG.
   *
   * @param meta what was done (rotation, gray, perspective ...), for the ground truth
   */
  public record Degraded(BufferedImage image, int jpegQuality, Map<String, Object> meta) {}

  private Degradations() {}

  /** Small rotation, blur, sensor noise, sometimes greyscale; JPEG quality 40-70. */
  public static Degraded scan(BufferedImage clean, Random random) {
    double degrees = (0.3 + random.nextDouble() * 2.7) * (random.nextBoolean() ? 1 : -1);
    boolean gray = random.nextDouble() < 0.3;
    int quality = 40 + random.nextInt(31);
    BufferedImage img = rotate(clean, Math.toRadians(degrees), new Color(238, 238, 236));
    img = blur(img, 0.5 + random.nextDouble() * 0.6);
    noise(img, 3 + random.nextDouble() * 6, random);
    if (gray) {
      img = grey(img);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("rotation", Math.round(degrees * 100) / 100.0);
    meta.put("gray", gray);
    meta.put("jpegQuality", quality);
    return new Degraded(img, quality, meta);
  }

  /** Perspective, uneven light and shadow, a table around the paper; JPEG quality 55-85. */
  public static Degraded photo(BufferedImage clean, Random random) {
    int quality = 55 + random.nextInt(31);
    int w = clean.getWidth();
    int h = clean.getHeight();
    int padX = (int) (w * (0.06 + random.nextDouble() * 0.06));
    int padY = (int) (h * (0.06 + random.nextDouble() * 0.06));
    int outW = w + 2 * padX;
    int outH = h + 2 * padY;
    double j = Math.min(w, h) * 0.05;
    // Where the paper's corners land in the photo: TL, TR, BR, BL.
    double[] dst = {
        padX + jitter(random, j), padY + jitter(random, j),
        padX + w + jitter(random, j), padY + jitter(random, j),
        padX + w + jitter(random, j), padY + h + jitter(random, j),
        padX + jitter(random, j), padY + h + jitter(random, j)};
    double[] src = {0, 0, w, 0, w, h, 0, h};
    double[] inverse = PaperFinder.homography(dst, src);
    Color table = new Color(90 + random.nextInt(80), 70 + random.nextInt(60), 50 + random.nextInt(50));
    BufferedImage out = warp(clean, inverse, outW, outH, table.getRGB());
    light(out, random);
    out = blur(out, 0.4 + random.nextDouble() * 0.5);
    noise(out, 4 + random.nextDouble() * 5, random);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("perspective", true);
    meta.put("jpegQuality", quality);
    return new Degraded(out, quality, meta);
  }

  /** JPEG bytes at the given quality (0-100). */
  public static byte[] jpeg(BufferedImage image, int quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static double jitter(Random random, double max) {
    return (random.nextDouble() * 2 - 1) * max;
  }

  private static BufferedImage rotate(BufferedImage img, double radians, Color bed) {
    int w = img.getWidth();
    int h = img.getHeight();
    double sin = Math.abs(Math.sin(radians));
    double cos = Math.abs(Math.cos(radians));
    int nw = (int) Math.ceil(w * cos + h * sin) + 40;
    int nh = (int) Math.ceil(h * cos + w * sin) + 40;
    BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(bed);
    g.fillRect(0, 0, nw, nh);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    AffineTransform t = new AffineTransform();
    t.translate(nw / 2.0, nh / 2.0);
    t.rotate(radians);
    t.translate(-w / 2.0, -h / 2.0);
    g.drawImage(img, t, null);
    g.dispose();
    return out;
  }

  /** A 3x3 blur whose centre weight falls as {@code strength} (0..1.2) rises. */
  private static BufferedImage blur(BufferedImage img, double strength) {
    float side = (float) (strength / (4 + 4 * strength + 1));
    float corner = side * 0.5f;
    float centre = 1 - 4 * side - 4 * corner;
    float[] k = {corner, side, corner, side, centre, side, corner, side, corner};
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    return new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(img, out);
  }

  private static void noise(BufferedImage img, double sigma, Random random) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < px.length; i++) {
      int n = (int) (random.nextGaussian() * sigma);
      int p = px[i];
      px[i] = 0xff000000 | clamp(((p >> 16) & 0xff) + n) << 16
          | clamp(((p >> 8) & 0xff) + n) << 8 | clamp((p & 0xff) + n);
    }
    img.setRGB(0, 0, w, h, px, 0, w);
  }

  private static BufferedImage grey(BufferedImage img) {
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }

  /** A brightness gradient across the page plus a soft shadow band, as under a desk lamp. */
  private static void light(BufferedImage img, Random random) {
    int w = img.getWidth();
    int h = img.getHeight();
    double angle = random.nextDouble() * 2 * Math.PI;
    double dx = Math.cos(angle);
    double dy = Math.sin(angle);
    double low = 0.62 + random.nextDouble() * 0.15;
    double high = 1.0 + random.nextDouble() * 0.05;
    double span = Math.abs(dx) * w + Math.abs(dy) * h;
    double shadowPos = 0.2 + random.nextDouble() * 0.6;
    double shadowWidth = 0.08 + random.nextDouble() * 0.12;
    double shadowDepth = 0.15 + random.nextDouble() * 0.2;
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double t = ((x - w / 2.0) * dx + (y - h / 2.0) * dy) / span + 0.5;
        double f = low + (high - low) * t;
        double s = (t - shadowPos) / shadowWidth;
        f *= 1 - shadowDepth * Math.exp(-s * s);
        int p = px[y * w + x];
        px[y * w + x] = 0xff000000 | clamp((int) (((p >> 16) & 0xff) * f)) << 16
            | clamp((int) (((p >> 8) & 0xff) * f)) << 8 | clamp((int) ((p & 0xff) * f));
      }
    }
    img.setRGB(0, 0, w, h, px, 0, w);
  }

  /** Inverse mapping: each output pixel samples the source through {@code h} (bilinear). */
  private static BufferedImage warp(BufferedImage src, double[] h, int outW, int outH, int bg) {
    int sw = src.getWidth();
    int sh = src.getHeight();
    int[] in = src.getRGB(0, 0, sw, sh, null, 0, sw);
    int[] out = new int[outW * outH];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        double d = h[6] * x + h[7] * y + 1;
        double sx = (h[0] * x + h[1] * y + h[2]) / d;
        double sy = (h[3] * x + h[4] * y + h[5]) / d;
        if (sx < 0 || sy < 0 || sx >= sw - 1 || sy >= sh - 1) {
          out[y * outW + x] = bg;
          continue;
        }
        int x0 = (int) sx;
        int y0 = (int) sy;
        double fx = sx - x0;
        double fy = sy - y0;
        int p00 = in[y0 * sw + x0];
        int p10 = in[y0 * sw + x0 + 1];
        int p01 = in[(y0 + 1) * sw + x0];
        int p11 = in[(y0 + 1) * sw + x0 + 1];
        int rgb = 0xff000000;
        for (int shift = 16; shift >= 0; shift -= 8) {
          double top = ((p00 >> shift) & 0xff) * (1 - fx) + ((p10 >> shift) & 0xff) * fx;
          double bottom = ((p01 >> shift) & 0xff) * (1 - fx) + ((p11 >> shift) & 0xff) * fx;
          rgb |= clamp((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        out[y * outW + x] = rgb;
      }
    }
    BufferedImage img = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, outW, outH, out, 0, outW);
    // A soft shadow of the paper on the table sells the photo look.
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0, 0, 0, 0), 0, outH, new Color(0, 0, 0, 40)));
    g.fillRect(0, 0, outW, outH);
    g.dispose();
    return img;
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(255, v);
  }
}
