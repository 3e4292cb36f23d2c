package cn.healthrisk.claims.document;

import java.time.Duration;
import java.util.Objects;

/**
 * What one document may cost to read.
 *
 * @param maxBytes largest file accepted
 * @param maxPixels largest page accepted, in pixels, checked before an image is decoded
 * @param maxPages most pages of a PDF or multi-page TIFF
 * @param maxDuration longest a single document may take to read, OCR included
 */
public record DocumentLimits(long maxBytes, long maxPixels, int maxPages, Duration maxDuration) {

  /** 20 MB, 40 megapixels, 10 pages, 60 seconds. */
  public static final DocumentLimits DEFAULTS =
      new DocumentLimits(20L * 1024 * 1024, 40_000_000L, 10, Duration.ofSeconds(60));

  public DocumentLimits {
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (maxBytes <= 0 || maxPixels <= 0 || maxPages <= 0 || maxDuration.isNegative()
        || maxDuration.isZero()) {
      throw new IllegalArgumentException("document limits must all be positive");
    }
  }
}
