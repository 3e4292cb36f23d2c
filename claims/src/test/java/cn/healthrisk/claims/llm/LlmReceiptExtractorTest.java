package cn.healthrisk.claims.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LlmReceiptExtractorTest {

  private static final String DOC = "交款人：王丽  开票日期：2026-03-15\n合计(小写)：128.50\n医院：杭州市第一人民医院";

  @Test
  void masksIdNumbersPhonesAndNamesEvenWhenThePayerIsUnknown() {
    String masked = LlmReceiptExtractor.mask(
        "患者姓名：张三丰 电话 13812345678 / 0571-87654321 身份证 33010219900101123X 票据号码：0026672317 "
            + "身份证号：330102********1234", null);
    assertThat(masked).doesNotContain("张三丰", "13812345678", "0571-87654321", "33010219900101123X");
    // Invoice numbers and an already masked ID are kept: they are what is being read.
    assertThat(masked).contains("0026672317", "330102********1234");
  }

  @Test
  void keepsOnlyValuesWhoseCitedSourceIsInTheDocumentAndHoldsThem() {
    LlmOutcome o = LlmReceiptExtractor.parseAnswer("""
        ```json
        {"issueDate": {"value": "2026-03-15", "sourceText": "开票日期：2026-03-15"},
         "totalAmount": {"value": "128.50", "sourceText": "合计(小写)：128.50"},
         "hospitalName": {"value": "杭州市第一人民医院", "sourceText": "医院：杭州市第一人民医院"},
         "invoiceCode": {"value": "33060125", "sourceText": "开票日期：2026-03-15"},
         "items": [{"name": "西药费", "amount": "100.00", "sourceText": "西药费 100.00"}]}
        ```""", DOC, LlmReceiptExtractor.mask(DOC, "王丽"));
    assertThat(o.succeeded()).isTrue();
    assertThat(o.fields().issueDate()).hasToString("2026-03-15");
    assertThat(o.fields().totalAmount()).isEqualByComparingTo("128.50");
    assertThat(o.fields().hospitalName()).isEqualTo("杭州市第一人民医院");
    assertThat(o.fields().invoiceCode()).isNull();
    assertThat(o.fields().items()).isEmpty();
    assertThat(o.discarded()).containsExactlyInAnyOrder(
        "invoiceCode: value not found in its source text", "items: item '西药费' not grounded");
  }

  @Test
  void aNonObjectAnswerIsASchemaFailure() {
    assertThat(LlmReceiptExtractor.parseAnswer("[1, 2]", DOC, DOC).failureReason()).contains("schema");
    assertThat(LlmReceiptExtractor.parseAnswer("{\"items\": \"all of them\"}", DOC, DOC).succeeded()).isFalse();
  }
}
