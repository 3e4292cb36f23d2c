package cn.healthrisk.claims.ocr;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an image as an uncompressed 24-bit BMP (BITMAPINFOHEADER, rows bottom-up, each padded to
 * four bytes): the file ImageIO's BMP writer makes of a {@link BufferedImage#TYPE_3BYTE_BGR}
 * image, written straight from the pixel arrays instead of through an intermediate copy and
 * ImageIO's per-pixel path.
 */
final class Bmp {

  private static final int HEADER_BYTES = 14 + 40;

  private Bmp() {}

  /**
   * Writes the image's RGB pixels to {@code file}. Packed RGB and BGR byte images are written as
   * they are; any other image is first drawn onto a {@link BufferedImage#TYPE_3BYTE_BGR} image,
   * as the OCR engine's input always was.
   */
  static void write(BufferedImage image, Path file) throws IOException {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] packed = Pixels.packedRgb(image);
    byte[] bgr = packed == null ? Pixels.bgrBytes(image) : null;
    if (packed == null && bgr == null) {
      bgr = Pixels.bgrBytes(toBgr(image));
    }
    int rowBytes = (3 * w + 3) & ~3;
    long imageBytes = (long) rowBytes * h;
    if (HEADER_BYTES + imageBytes > Integer.MAX_VALUE) {
      throw new IOException("image too large for a BMP file: " + w + " x " + h);
    }
    byte[] row = new byte[rowBytes];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(header(w, h, (int) imageBytes));
      for (int y = h - 1; y >= 0; y--) {
        if (packed != null) {
          for (int x = 0, i = y * w, j = 0; x < w; x++, i++, j += 3) {
            int p = packed[i];
            row[j] = (byte) p;
            row[j + 1] = (byte) (p >> 8);
            row[j + 2] = (byte) (p >> 16);
          }
        } else {
          System.arraycopy(bgr, y * 3 * w, row, 0, 3 * w);
        }
        out.write(row);
      }
    }
  }

  private static BufferedImage toBgr(BufferedImage image) {
    BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    var g = bgr.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return bgr;
  }

  private static byte[] header(int w, int h, int imageBytes) {
    byte[] b = new byte[HEADER_BYTES];
    b[0] = 'B';
    b[1] = 'M';
    putInt(b, 2, HEADER_BYTES + imageBytes); // file size
    putInt(b, 10, HEADER_BYTES); // offset of the pixels
    putInt(b, 14, 40); // BITMAPINFOHEADER
    putInt(b, 18, w);
    putInt(b, 22, h); // positive: rows bottom-up
    b[26] = 1; // planes
    b[28] = 24; // bits per pixel
    putInt(b, 30, 0); // BI_RGB, uncompressed
    putInt(b, 34, imageBytes);
    return b;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
    b[at + 2] = (byte) (v >> 16);
    b[at + 3] = (byte) (v >> 24);
  }
}
