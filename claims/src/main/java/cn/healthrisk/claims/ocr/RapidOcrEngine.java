package cn.healthrisk.claims.ocr;

import com.benjaminwan.ocrlibrary.OcrResult;
import com.benjaminwan.ocrlibrary.Point;
import com.benjaminwan.ocrlibrary.TextBlock;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import io.github.mymonstercat.ocr.config.HardwareConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * RapidOCR (PP-OCRv4 on ONNX Runtime) through {@code io.github.mymonstercat:rapidocr}.
 *
 * <p>The library keeps one native engine per JVM, so every instance shares it and pages are
 * recognised one at a time; more instances do not add throughput. Its native code prints one
 * line per page (the temporary file name) to stdout, which cannot be switched off from Java.
 */
public final class RapidOcrEngine implements OcrEngine {

  /** Engine name recorded with results. */
  public static final String NAME = "rapidocr";

  // The native engine behind InferenceEngine is a process-wide singleton and not re-entrant.
  private static final ReentrantLock NATIVE = new ReentrantLock();

  // Defaults of the library's ParamConfig, except maxSideLen 0 = keep the size we prepared.
  private static final int PADDING = 50;
  private static final int MAX_SIDE_LEN = 0;
  private static final float BOX_SCORE_THRESH = 0.5f;
  private static final float BOX_THRESH = 0.3f;
  private static final float UNCLIP_RATIO = 1.6f;

  private final InferenceEngine engine;

  /** Loads the native library and models; fails with a clear message if they cannot be loaded. */
  public RapidOcrEngine() throws OcrException {
    try {
      NATIVE.lock();
      try {
        engine = InferenceEngine.getInstance(Model.ONNX_PPOCR_V4, new HardwareConfig(1, -1));
        warmUp(engine);
      } finally {
        NATIVE.unlock();
      }
    } catch (OcrException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      // Exception, not RuntimeException: the library throws its checked LoadException sneakily.
      throw new OcrException("RapidOCR could not be loaded (native library or ONNX models): " + e, e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public OcrPage recognize(BufferedImage image) throws OcrException {
    Path file = null;
    try {
      file = writeTemp(image);
      OcrResult result;
      NATIVE.lockInterruptibly();
      try {
        // detect() rather than runOcr(): runOcr logs the recognised text at INFO, and receipt
        // text holds names and ID numbers that must not reach the logs.
        result =
            engine.detect(
                file.toString(),
                PADDING,
                MAX_SIDE_LEN,
                BOX_SCORE_THRESH,
                BOX_THRESH,
                UNCLIP_RATIO,
                false,
                false);
      } finally {
        NATIVE.unlock();
      }
      if (result == null) {
        throw new OcrException("RapidOCR returned no result for the page");
      }
      return new OcrPage(image.getWidth(), image.getHeight(), toBoxes(result.getTextBlocks()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OcrException("RapidOCR was interrupted while waiting for the native engine", e);
    } catch (IOException e) {
      throw new OcrException("RapidOCR could not write the page to a temporary file", e);
    } catch (RuntimeException e) {
      throw new OcrException("RapidOCR failed on the page: " + e, e);
    } finally {
      deleteQuietly(file);
    }
  }

  static List<TextBox> toBoxes(List<TextBlock> blocks) {
    List<TextBox> boxes = new ArrayList<>(blocks.size());
    for (TextBlock block : blocks) {
      String text = block.getText() == null ? "" : block.getText().strip();
      if (text.isEmpty() || block.getBoxPoint() == null || block.getBoxPoint().isEmpty()) {
        continue;
      }
      int minX = Integer.MAX_VALUE;
      int minY = Integer.MAX_VALUE;
      int maxX = Integer.MIN_VALUE;
      int maxY = Integer.MIN_VALUE;
      for (Point p : block.getBoxPoint()) {
        minX = Math.min(minX, p.getX());
        minY = Math.min(minY, p.getY());
        maxX = Math.max(maxX, p.getX());
        maxY = Math.max(maxY, p.getY());
      }
      minX = Math.max(0, minX);
      minY = Math.max(0, minY);
      boxes.add(
          new TextBox(
              text, confidence(block), minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY)));
    }
    return ReadingOrder.sort(boxes);
  }

  // The recogniser's mean character score says how sure it is of the text; the box score only
  // says how sure the detector is that there is text at all.
  private static double confidence(TextBlock block) {
    float[] scores = block.getCharScores();
    double value;
    if (scores != null && scores.length > 0) {
      double sum = 0;
      for (float s : scores) {
        sum += s;
      }
      value = sum / scores.length;
    } else {
      value = block.getBoxScore();
    }
    return Math.max(0.0, Math.min(1.0, value));
  }

  private static void warmUp(InferenceEngine engine) throws OcrException {
    // runOcr() is the only public way to initialise the native models; a blank page logs nothing
    // sensitive and surfaces load failures now instead of on the first claim.
    BufferedImage blank = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
    Path file = null;
    try {
      file = writeTemp(blank);
      engine.runOcr(file.toString());
    } catch (IOException e) {
      throw new OcrException("RapidOCR could not write its warm-up image", e);
    } finally {
      deleteQuietly(file);
    }
  }

  private static Path writeTemp(BufferedImage image) throws IOException {
    // BMP is uncompressed and so much faster to write than PNG; OpenCV reads it natively.
    Path file = Files.createTempFile("ocr-page-", ".bmp");
    try {
      Bmp.write(image, file);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
    return file;
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A leftover temp file is harmless and the OCR result is still valid.
      }
    }
  }
}
