package cn.healthrisk.claims.bench;

import cn.healthrisk.claims.extraction.ReceiptExtraction;
import java.nio.file.Path;

/**
 * One document of a labelled folder with its exact ground truth.
 *
 * @param family {@code meta.family} of the ground truth, or "?" when it has none
 * @param degradation {@code meta.degradation} (clean, scan, photo), or "?" when it has none
 */
public record LabelledDocument(Path file, ReceiptExtraction truth, String family, String degradation) {

  /** The document's file name. */
  public String name() {
    return file.getFileName().toString();
  }
}
