package cn.healthrisk.claims.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Whole-image pixel access without a colour-model call per pixel. The fast paths cover the
 * layouts a decoder and this package produce (packed RGB and interleaved BGR bytes, whole images
 * rather than sub-images); anything else goes through {@link BufferedImage#getRGB}, so the values
 * are always those {@code getRGB} returns.
 */
final class Pixels {

  private Pixels() {}

  /** The image's pixels as {@code getRGB(0, 0, w, h, null, 0, w)} would return them. */
  static int[] argb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] packed = packedRgb(image);
    if (packed != null) {
      int[] out = new int[w * h];
      for (int i = 0; i < out.length; i++) {
        out[i] = 0xff000000 | packed[i];
      }
      return out;
    }
    byte[] bgr = bgrBytes(image);
    if (bgr != null) {
      int[] out = new int[w * h];
      for (int i = 0, j = 0; i < out.length; i++, j += 3) {
        out[i] = 0xff000000 | (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
      }
      return out;
    }
    return image.getRGB(0, 0, w, h, null, 0, w);
  }

  /**
   * The backing array of a whole {@link BufferedImage#TYPE_INT_RGB} image (0x00RRGGBB, row after
   * row, no padding): writes to it change the image. Null for any other layout.
   */
  static int[] packedRgb(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      return null;
    }
    Raster raster = image.getRaster();
    if (!(raster.getDataBuffer() instanceof DataBufferInt data)
        || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
        || !wholeRaster(raster)
        || data.getNumBanks() != 1
        || data.getOffset() != 0
        || sm.getScanlineStride() != image.getWidth()
        || data.getSize() < image.getWidth() * image.getHeight()) {
      return null;
    }
    return data.getData();
  }

  /**
   * The backing array of a whole {@link BufferedImage#TYPE_3BYTE_BGR} image (B, G, R per pixel,
   * row after row, no padding). Null for any other layout.
   */
  static byte[] bgrBytes(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
      return null;
    }
    Raster raster = image.getRaster();
    if (!(raster.getDataBuffer() instanceof DataBufferByte data)
        || !(raster.getSampleModel() instanceof ComponentSampleModel sm)
        || !wholeRaster(raster)
        || data.getNumBanks() != 1
        || data.getOffset() != 0
        || sm.getPixelStride() != 3
        || sm.getScanlineStride() != 3 * image.getWidth()
        || data.getSize() < 3 * image.getWidth() * image.getHeight()) {
      return null;
    }
    int[] offsets = sm.getBandOffsets();
    if (offsets.length != 3 || offsets[0] != 2 || offsets[1] != 1 || offsets[2] != 0) {
      return null;
    }
    return data.getData();
  }

  private static boolean wholeRaster(Raster raster) {
    return raster.getParent() == null
        && raster.getMinX() == 0
        && raster.getMinY() == 0
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0;
  }
}
