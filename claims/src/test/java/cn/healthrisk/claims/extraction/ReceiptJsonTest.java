package cn.healthrisk.claims.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.healthrisk.claims.validation.ReceiptValidator;
import cn.healthrisk.claims.validation.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void writesTheContractShape() throws Exception {
    ReceiptFields f = ReceiptFieldAccess.with(ReceiptFields.empty(), "totalAmount", new BigDecimal("128.50"));
    f = ReceiptFieldAccess.with(f, "issueDate", LocalDate.of(2026, 3, 15));
    f = ReceiptFieldAccess.with(f, "hospitalDays", new BigDecimal("7"));
    f = ReceiptFieldAccess.with(f, "items", List.of(new ReceiptItem("床位费", new BigDecimal("420.00"))));
    ReceiptExtraction e = new ReceiptExtraction("C-1", "receipt-1.jpg", DocumentType.INPATIENT_RECEIPT, f,
        Map.of("totalAmount", 0.99), List.of(Validation.pass("ITEMS_SUM_EQUALS_TOTAL"),
            Validation.fail("INVOICE_CODE_FORMAT", "invoiceCode", "missing invoiceCode")));

    JsonNode json = MAPPER.readTree(ReceiptJson.write(e));

    assertThat(json.get("documentType").asText()).isEqualTo("INPATIENT_RECEIPT");
    JsonNode fields = json.get("fields");
    assertThat(fields.get("totalAmount").isTextual()).isTrue();
    assertThat(fields.get("totalAmount").asText()).isEqualTo("128.50");
    assertThat(fields.get("issueDate").asText()).isEqualTo("2026-03-15");
    assertThat(fields.get("hospitalDays").isIntegralNumber()).isTrue();
    assertThat(fields.get("hospitalDays").asInt()).isEqualTo(7);
    assertThat(fields.get("invoiceCode").isNull()).isTrue();
    assertThat(fields.has("extra")).isFalse();
    assertThat(fields.get("items").get(0).get("amount").asText()).isEqualTo("420.00");
    assertThat(json.get("fieldConfidence").get("totalAmount").asDouble()).isEqualTo(0.99);
    assertThat(json.get("validations").get(0).has("detail")).isFalse();
    assertThat(json.get("validations").get(1).get("detail").asText()).isEqualTo("missing invoiceCode");
    assertThat(ReceiptJson.read(ReceiptJson.write(e))).isEqualTo(e);
  }

  @Test
  void writesHalfDaysAsADecimalNumberAndExtraWhenPresent() throws Exception {
    ReceiptFields f = ReceiptFieldAccess.with(ReceiptFields.empty(), "hospitalDays", new BigDecimal("22.50"));
    f = ReceiptFieldAccess.with(f, "extra", Map.of("住院号", "ZY1"));
    JsonNode fields = ReceiptJson.toJson(new ReceiptExtraction(null, "d", DocumentType.OTHER, f, null, null))
        .get("fields");
    assertThat(fields.get("hospitalDays").isNumber()).isTrue();
    assertThat(fields.get("hospitalDays").decimalValue()).isEqualByComparingTo("22.5");
    assertThat(fields.get("extra").get("住院号").asText()).isEqualTo("ZY1");
  }

  @Test
  void readsGroundTruthAndItSatisfiesEveryCheck() throws Exception {
    String json;
    try (InputStream in = getClass().getResourceAsStream("/samples/receipt-a-001.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ReceiptExtraction truth = ReceiptJson.read(json);
    assertThat(truth.document()).isEqualTo("receipt-a-001.png");
    assertThat(truth.fields().totalAmount()).isEqualByComparingTo("1188.59");
    assertThat(truth.fields().items()).hasSize(7);
    assertThat(truth.fields().admissionDate()).isNull();
    List<Validation> checks = new ReceiptValidator().validate(truth.documentType(), truth.fields());
    assertThat(checks).isNotEmpty().allMatch(Validation::passed);
    // Writing the fields back gives the ground truth's own fields object.
    assertThat(ReceiptJson.fieldsToJson(truth.fields())).isEqualTo(MAPPER.readTree(json).get("fields"));
  }

  @Test
  void rejectsAmountsThatAreNotMoney() {
    assertThatThrownBy(() -> ReceiptJson.read("{\"fields\":{\"totalAmount\":\"12.345\"}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalAmount");
  }
}
