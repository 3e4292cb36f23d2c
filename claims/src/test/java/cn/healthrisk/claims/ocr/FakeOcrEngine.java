package cn.healthrisk.claims.ocr;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** An OCR engine for tests: reports the size of each page it was given, optionally slowly. */
public final class FakeOcrEngine implements OcrEngine {

  private final Duration delay;
  private final AtomicBoolean closed = new AtomicBoolean();

  public FakeOcrEngine() {
    this(Duration.ZERO);
  }

  public FakeOcrEngine(Duration delay) {
    this.delay = delay;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public OcrPage recognize(BufferedImage image) throws OcrException {
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OcrException("interrupted", e);
      }
    }
    String text = "page " + image.getWidth() + "x" + image.getHeight();
    return new OcrPage(
        image.getWidth(), image.getHeight(), List.of(new TextBox(text, 0.9, 10, 10, 100, 20)));
  }

  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
