package cn.healthrisk.claims.document;

/**
 * The orientation a camera recorded in a JPEG's EXIF block: phones store the sensor's pixels as
 * they are and only tag how to turn them, which image decoders ignore.
 */
final class ExifOrientation {

  private ExifOrientation() {}

  /**
   * Clockwise quarter turns that make the image upright (0 to 3): 0 when the file is not a JPEG,
   * has no orientation tag, or the tag says "mirrored" (rare, left as is).
   */
  static int quarterTurns(byte[] jpeg) {
    return switch (tag(jpeg)) {
      case 6 -> 1;
      case 3 -> 2;
      case 8 -> 3;
      default -> 0;
    };
  }

  /** The orientation tag (1 to 8), or 0 when there is none or the file is malformed. */
  static int tag(byte[] b) {
    if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
      return 0;
    }
    int p = 2;
    while (p + 4 <= b.length && (b[p] & 0xff) == 0xFF) {
      int marker = b[p + 1] & 0xff;
      if (marker == 0xDA || marker == 0xD9) {
        return 0; // image data starts: no EXIF before it
      }
      int length = u16(b, p + 2, false);
      if (length < 2 || p + 2 + length > b.length) {
        return 0;
      }
      if (marker == 0xE1 && length >= 16 && b[p + 4] == 'E' && b[p + 5] == 'x' && b[p + 6] == 'i'
          && b[p + 7] == 'f') {
        return fromTiff(b, p + 10, p + 2 + length);
      }
      p += 2 + length;
    }
    return 0;
  }

  private static int fromTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 0;
    }
    boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
    if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
      return 0;
    }
    long ifd = tiff + u32(b, tiff + 4, little);
    if (ifd + 2 > end) {
      return 0;
    }
    int entries = u16(b, (int) ifd, little);
    for (int i = 0; i < entries; i++) {
      int at = (int) ifd + 2 + i * 12;
      if (at + 12 > end) {
        return 0;
      }
      if (u16(b, at, little) == 0x0112) {
        int value = u16(b, at + 8, little);
        return value >= 1 && value <= 8 ? value : 0;
      }
    }
    return 0;
  }

  private static int u16(byte[] b, int at, boolean little) {
    int a = b[at] & 0xff;
    int c = b[at + 1] & 0xff;
    return little ? c << 8 | a : a << 8 | c;
  }

  private static long u32(byte[] b, int at, boolean little) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = v << 8 | (b[at + (little ? 3 - i : i)] & 0xff);
    }
    return v;
  }
}
