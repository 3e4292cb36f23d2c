package cn.healthrisk.claims.ocr;

import java.awt.image.BufferedImage;

/**
 * An OCR engine. Instances are not thread-safe: create one per worker thread and reuse it.
 */
public interface OcrEngine extends AutoCloseable {

  /** Stable engine name recorded with every result, e.g. {@code rapidocr} or {@code tesseract}. */
  String name();

  /** Recognises the text of one page image. */
  OcrPage recognize(BufferedImage image) throws OcrException;

  @Override
  default void close() {}
}
