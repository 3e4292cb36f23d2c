package cn.healthrisk.claims.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/** Helpers for tests against the real OCR engines and the sample receipts. */
final class NativeOcr {

  private NativeOcr() {}

  /**
   * Creates the engine; if its natives are missing the test is skipped on a developer machine
   * but fails when the environment variable {@code CI} is {@code true}.
   */
  static OcrEngine createOrSkip(OcrEngineProvider.Factory factory) throws OcrException {
    try {
      return factory.create();
    } catch (OcrException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw e;
      }
      Assumptions.abort("OCR engine not available on this machine: " + e.getMessage());
      throw e;
    }
  }

  static BufferedImage sampleImage(String name) throws IOException {
    try (InputStream in = resource("samples/" + name)) {
      return ImageIO.read(in);
    }
  }

  static byte[] sampleBytes(String name) throws IOException {
    try (InputStream in = resource("samples/" + name)) {
      return in.readAllBytes();
    }
  }

  /** The ground-truth fields of a sample, from its JSON next to the image. */
  static JsonNode groundTruthFields(String imageName) throws IOException {
    String json = imageName.replaceAll("\\.[a-z]+$", ".json");
    try (InputStream in = resource("samples/" + json)) {
      return new ObjectMapper().readTree(in).get("fields");
    }
  }

  /** All recognised text with whitespace removed, so OCR spacing does not matter. */
  static String compactText(OcrPage page) {
    StringBuilder sb = new StringBuilder();
    page.boxes().forEach(b -> sb.append(b.text()));
    return sb.toString().replaceAll("\\s+", "");
  }

  static void assertSaneBoxes(OcrPage page) {
    assertThat(page.boxes()).isNotEmpty();
    for (TextBox box : page.boxes()) {
      assertThat(box.text()).isNotBlank();
      assertThat(box.confidence()).isBetween(0.0, 1.0);
      assertThat(box.x()).isBetween(0, page.width());
      assertThat(box.y()).isBetween(0, page.height());
      assertThat(box.width()).isPositive();
      assertThat(box.height()).isPositive().isLessThan(page.height() / 2);
      assertThat(box.right()).isLessThanOrEqualTo(page.width() + 2);
      assertThat(box.bottom()).isLessThanOrEqualTo(page.height() + 2);
    }
  }

  /** Index of the first box whose text (spaces removed) contains the value, or -1. */
  static int indexOfBoxContaining(OcrPage page, String value) {
    for (int i = 0; i < page.boxes().size(); i++) {
      if (page.boxes().get(i).text().replaceAll("\\s+", "").contains(value)) {
        return i;
      }
    }
    return -1;
  }

  static void printThroughput(String engine, int pages, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "BENCHMARK %s: %d pages in %.2f s = %.2f pages/s (one thread)%n",
        engine,
        pages,
        seconds,
        pages / seconds);
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = NativeOcr.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("test resource missing: " + path);
    }
    return in;
  }
}
