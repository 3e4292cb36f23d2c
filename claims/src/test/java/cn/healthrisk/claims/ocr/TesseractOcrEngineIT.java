package cn.healthrisk.claims.ocr;

import static cn.healthrisk.claims.ocr.NativeOcr.assertSaneBoxes;
import static cn.healthrisk.claims.ocr.NativeOcr.compactText;
import static cn.healthrisk.claims.ocr.NativeOcr.groundTruthFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TesseractOcrEngineIT {

  private static OcrEngine engine;

  @BeforeAll
  static void loadEngine() throws Exception {
    engine = NativeOcr.createOrSkip(TesseractOcrEngine::new);
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void readsKeyValuesOfTheCleanReceipt() throws Exception {
    String sample = "receipt-a-001.png";
    BufferedImage image = ImagePreprocessor.defaults().prepare(NativeOcr.sampleImage(sample));
    engine.recognize(image); // first page pays for lazy model set-up; keep it out of the figure
    int pages = 2;
    long start = System.nanoTime();
    OcrPage page = null;
    for (int i = 0; i < pages; i++) {
      page = engine.recognize(image);
    }
    NativeOcr.printThroughput(engine.name(), pages, System.nanoTime() - start);

    // Tesseract misreads some digits of the item table; these values it reads reliably.
    JsonNode truth = groundTruthFields(sample);
    assertThat(compactText(page))
        .contains(truth.get("invoiceNumber").asText())
        .contains(truth.get("invoiceCode").asText())
        .contains(truth.get("issueDate").asText())
        .contains(truth.get("totalAmount").asText());
    assertThat(page.width()).isEqualTo(image.getWidth());
    assertSaneBoxes(page);
    // Reading order: the header's invoice number comes before the total at the foot.
    assertThat(NativeOcr.indexOfBoxContaining(page, truth.get("invoiceNumber").asText()))
        .isNotNegative()
        .isLessThan(NativeOcr.indexOfBoxContaining(page, truth.get("totalAmount").asText()));
    assertThat(page.boxes()).allMatch(b -> b.confidence() > 0.3);
  }

  @Test
  void missingLanguageDataIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> new TesseractOcrEngine(dir))
        .isInstanceOf(OcrException.class)
        .hasMessageContaining("chi_sim.traineddata");
  }
}
