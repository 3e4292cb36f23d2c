package cn.healthrisk.claims.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceBoxesTest {
  static DocumentText page(TextBox... boxes) {
    return new DocumentText("image/png", DocumentText.Source.OCR, "rapidocr", List.of(new OcrPage(1000, 500, List.of(boxes))));
  }

  @Test
  void findsEachFieldsBoxAsFractionsOfThePage() {
    DocumentText text = page(new TextBox("合计(小写)：¥8,650.40", 0.9, 100, 300, 200, 25),
        new TextBox("开票日期：2026年3月15日", 0.9, 500, 50, 250, 20),
        new TextBox("8650.40元整以外的长文本8650.40", 0.9, 0, 0, 10, 10),
        new TextBox("住院天数 7天", 0.9, 10, 400, 100, 20));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("totalAmount", "8650.40");
    fields.put("issueDate", "2026-03-15");
    fields.put("hospitalDays", "7");
    fields.put("payerName", "王丽");
    fields.put("checkCode", null);
    Map<String, SourceBoxes.Box> boxes = SourceBoxes.locate(text, fields);
    assertThat(boxes).containsOnlyKeys("totalAmount", "issueDate", "hospitalDays");
    SourceBoxes.Box total = boxes.get("totalAmount");
    assertThat(total.left()).isEqualTo(10.0);
    assertThat(total.top()).isEqualTo(60.0);
    assertThat(total.width()).isEqualTo(20.0);
    assertThat(total.height()).isEqualTo(5.0);
    assertThat(boxes.get("issueDate").left()).isEqualTo(50.0);
    assertThat(boxes.get("hospitalDays").top()).isEqualTo(80.0);
  }

  @Test
  void theBoxWithTheFieldsLabelWinsOverAShorterOne() {
    DocumentText text = page(new TextBox("0.00", 0.9, 0, 0, 10, 10),
        new TextBox("其他支付：0.00", 0.9, 100, 100, 100, 10),
        new TextBox("个人账户支付：0.00", 0.9, 200, 200, 100, 10));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("otherPayment", "0.00");
    fields.put("personalAccountPayment", "0.00");
    fields.put("selfExpense", "0.00");
    Map<String, SourceBoxes.Box> boxes = SourceBoxes.locate(text, fields);
    assertThat(boxes.get("otherPayment").left()).isEqualTo(10.0);
    assertThat(boxes.get("personalAccountPayment").left()).isEqualTo(20.0);
    assertThat(boxes.get("selfExpense").left()).isEqualTo(0.0);
  }

  @Test
  void noTextNoBoxes() {
    assertThat(SourceBoxes.locate(null, Map.of("totalAmount", "1.00"))).isEmpty();
    assertThat(SourceBoxes.locate(page(), Map.of("totalAmount", "1.00"))).isEmpty();
  }
}
