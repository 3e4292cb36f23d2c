package cn.healthrisk.app;

import static cn.healthrisk.app.EndToEndRun.flagCodes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.sql.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo intake through the nightly run with RapidOCR (the default engine), checked against ground truth. */
class EndToEndRapidOcrIT {

  static java.util.List<String> otherClaims(JsonNode result) {
    java.util.List<String> out = new java.util.ArrayList<>();
    result.path("flags").forEach(f -> {
      if (f.path("code").asText().equals("DUPLICATE_RECEIPT")) {
        f.path("evidence").path("otherClaims").forEach(c -> out.add(c.asText()));
      }
    });
    return out;
  }

  @Test
  void intakeNightlyExportWithRapidOcr(@TempDir Path work) throws Exception {
    try (TestDatabase db = TestDatabase.create();
        ConfigurableApplicationContext ctx = TestEngine.start(db, false, Map.of("engine.ocr.engine", "rapidocr"))) {
      Map<String, JsonNode> results = EndToEndRun.run(ctx, work);

      JsonNode truth = EndToEndRun.groundTruth("receipt-a-001.json").path("fields");
      JsonNode clean = results.get("C-DEMO-0001");
      JsonNode fields = clean.path("receipts").get(0).path("fields");
      // 收款单位 sits under the red seal on this receipt and is not asserted: OCR does not read it there,
      // and the engine leaves it null (flagged LOW_CONFIDENCE_EXTRACTION) rather than guessing.
      for (String f : new String[] {"invoiceCode", "invoiceNumber", "checkCode", "payerName", "payerIdMasked",
          "issueDate", "visitDate", "hospitalType", "insuranceType", "totalAmount", "fundPayment", "otherPayment",
          "personalAccountPayment", "personalCashPayment", "selfPayPortion", "selfExpense"}) {
        assertThat(fields.path(f).asText()).as(f).isEqualTo(truth.path(f).asText());
      }
      assertThat(fields.path("items").size()).isEqualTo(truth.path("items").size());
      assertThat(flagCodes(clean)).as(clean.toString()).doesNotContain("UNREADABLE_DOCUMENT", "RECEIPT_TOTAL_MISMATCH",
          "PAYMENT_SPLIT_MISMATCH", "CLAIMED_AMOUNT_MISMATCH", "PAYER_MISMATCH", "WAITING_PERIOD");
      // C-DEMO-0005 resubmits the same receipt: each of the two claims names the other.
      assertThat(otherClaims(clean)).containsExactly("C-DEMO-0005");
      assertThat(otherClaims(results.get("C-DEMO-0005"))).containsExactly("C-DEMO-0001");

      // On failure the whole claim result is shown: the flags' evidence says why (an unreadable page's reason).
      assertThat(flagCodes(results.get("C-DEMO-0002"))).as(results.get("C-DEMO-0002").toString())
          .contains("WAITING_PERIOD");
      assertThat(flagCodes(results.get("C-DEMO-0003"))).as(results.get("C-DEMO-0003").toString())
          .contains("EXCLUDED_CONDITION");
      assertThat(flagCodes(results.get("C-DEMO-0004"))).as(results.get("C-DEMO-0004").toString())
          .contains("CLAIMED_AMOUNT_MISMATCH");
      JsonNode bad = results.get("C-DEMO-0006");
      assertThat(bad.path("status").asText()).isEqualTo("NEEDS_REVIEW");
      assertThat(flagCodes(bad)).containsExactly("UNREADABLE_DOCUMENT", "UNREADABLE_DOCUMENT", "UNREADABLE_DOCUMENT");
      Map<String, String> reasons = new java.util.HashMap<>();
      bad.path("flags").forEach(f -> reasons.put(f.path("evidence").path("document").asText(),
          f.path("evidence").path("reason").asText()));
      assertThat(reasons.get("blank-scan.jpg")).startsWith("EMPTY");
      assertThat(reasons.get("photo-damaged.jpg")).startsWith("CORRUPT");
      assertThat(reasons.get("e-receipt.pdf")).startsWith("UNSUPPORTED_TYPE");
    }
  }
}
