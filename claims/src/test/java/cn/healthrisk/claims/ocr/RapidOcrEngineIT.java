package cn.healthrisk.claims.ocr;

import static cn.healthrisk.claims.ocr.NativeOcr.assertSaneBoxes;
import static cn.healthrisk.claims.ocr.NativeOcr.compactText;
import static cn.healthrisk.claims.ocr.NativeOcr.groundTruthFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.document.DocumentLimits;
import cn.healthrisk.claims.document.DocumentReader;
import cn.healthrisk.claims.document.DocumentText;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RapidOcrEngineIT {

  private static OcrEngine engine;

  @BeforeAll
  static void loadEngine() throws Exception {
    engine = NativeOcr.createOrSkip(RapidOcrEngine::new);
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void readsInvoiceNumberAndTotalFromCleanAndScannedReceipts() throws Exception {
    ImagePreprocessor preprocessor = ImagePreprocessor.defaults();
    long nanos = 0;
    List<String> samples = List.of("receipt-a-001.png", "receipt-a-006.jpg");
    for (String sample : samples) {
      BufferedImage image = preprocessor.prepare(NativeOcr.sampleImage(sample));
      long start = System.nanoTime();
      OcrPage page = engine.recognize(image);
      nanos += System.nanoTime() - start;

      JsonNode truth = groundTruthFields(sample);
      String text = compactText(page);
      assertThat(text)
          .as("text of %s", sample)
          .contains(truth.get("invoiceNumber").asText())
          .contains(truth.get("invoiceCode").asText())
          .contains(truth.get("totalAmount").asText());
      assertThat(page.width()).isEqualTo(image.getWidth());
      assertThat(page.height()).isEqualTo(image.getHeight());
      assertThat(page.boxes()).hasSizeGreaterThan(20);
      assertSaneBoxes(page);
      // Reading order: the header's invoice number comes before the total at the foot.
      assertThat(NativeOcr.indexOfBoxContaining(page, truth.get("invoiceNumber").asText()))
          .isNotNegative()
          .isLessThan(NativeOcr.indexOfBoxContaining(page, truth.get("totalAmount").asText()));
      double meanConfidence =
          page.boxes().stream().mapToDouble(TextBox::confidence).average().orElse(0);
      assertThat(meanConfidence).isGreaterThan(0.8);
    }
    NativeOcr.printThroughput(engine.name(), samples.size(), nanos);
  }

  @Test
  void documentReaderOcrsAnImageEndToEnd() throws Exception {
    try (OcrEngineProvider provider = OcrEngines.perThread("rapidocr");
        DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULTS, provider)) {
      String sample = "receipt-a-006.jpg";
      DocumentText text = reader.read(sample, NativeOcr.sampleBytes(sample));
      assertThat(text.mediaType()).isEqualTo("image/jpeg");
      assertThat(text.source()).isEqualTo(DocumentText.Source.OCR);
      assertThat(text.ocrEngine()).isEqualTo("rapidocr");
      assertThat(text.fullText().replaceAll("\\s+", ""))
          .contains(groundTruthFields(sample).get("invoiceNumber").asText());
    }
  }
}
