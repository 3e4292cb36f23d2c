package cn.healthrisk.app;

import static cn.healthrisk.app.EndToEndRun.flagCodes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.ocr.OcrEngines;
import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo intake through the nightly run with Tesseract over Debian's libtesseract. */
class EndToEndTesseractIT {

  private static boolean tesseractAvailable() {
    try (var engine = OcrEngines.create("tesseract")) {
      return true;
    } catch (Exception | LinkageError e) {
      return false;
    }
  }

  @Test
  void intakeNightlyExportWithTesseract(@TempDir Path work) throws Exception {
    TestEngine.requireOrSkip(tesseractAvailable(), "Tesseract (tesseract-ocr, tesseract-ocr-chi-sim)");
    try (TestDatabase db = TestDatabase.create();
        ConfigurableApplicationContext ctx = TestEngine.start(db, false, Map.of("engine.ocr.engine", "tesseract"))) {
      Map<String, JsonNode> results = EndToEndRun.run(ctx, work);

      JsonNode truth = EndToEndRun.groundTruth("receipt-a-001.json").path("fields");
      JsonNode fields = results.get("C-DEMO-0001").path("receipts").get(0).path("fields");
      assertThat(fields.path("invoiceNumber").asText()).isEqualTo(truth.path("invoiceNumber").asText());
      assertThat(fields.path("totalAmount").asText()).isEqualTo(truth.path("totalAmount").asText());

      assertThat(flagCodes(results.get("C-DEMO-0003"))).contains("EXCLUDED_CONDITION");
      assertThat(flagCodes(results.get("C-DEMO-0006"))).containsExactly("UNREADABLE_DOCUMENT", "UNREADABLE_DOCUMENT", "UNREADABLE_DOCUMENT");
      assertThat(results.get("C-DEMO-0006").path("status").asText()).isEqualTo("NEEDS_REVIEW");
    }
  }
}
