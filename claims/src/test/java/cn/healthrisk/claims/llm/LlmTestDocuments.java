package cn.healthrisk.claims.llm;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.util.ArrayList;
import java.util.List;

/** A small outpatient receipt whose 医院 label the rules do not know, for model-merging tests. */
final class LlmTestDocuments {

  private LlmTestDocuments() {}

  static DocumentText receipt(String... extraLines) {
    List<TextBox> boxes = new ArrayList<>(List.of(
        box("杭州市医疗门诊收费票据", 300, 20),
        box("票据代码：33010126", 40, 80), box("票据号码：0000012345", 600, 80),
        box("交款人：王丽", 40, 130), box("联系电话：13812345678", 600, 130),
        box("身份证：330102199001011234", 40, 180),
        box("医院：杭州市第一人民医院", 40, 230), box("开票日期：2026-03-15", 600, 230),
        box("就诊日期：2026-03-14", 40, 280),
        box("项目名称", 60, 340), box("金额", 400, 340),
        box("西药费", 60, 390), box("100.00", 400, 390),
        box("检查费", 60, 440), box("28.50", 400, 440),
        box("合计(大写)：壹佰贰拾捌元伍角整", 40, 500), box("(小写)：128.50", 600, 500)));
    int y = 560;
    for (String line : extraLines) {
      boxes.add(box(line, 40, y));
      y += 50;
    }
    return new DocumentText("image/png", DocumentText.Source.OCR, "test",
        List.of(new OcrPage(1000, y + 50, boxes)));
  }

  private static TextBox box(String text, int x, int y) {
    return new TextBox(text, 0.9, x, y, text.length() * 26, 30);
  }
}
