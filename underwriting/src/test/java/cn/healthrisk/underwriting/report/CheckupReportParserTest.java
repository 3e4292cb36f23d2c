package cn.healthrisk.underwriting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckupReportParserTest {

  private final CheckupReportParser parser = new CheckupReportParser();

  private static List<String> fixture(String name) throws IOException {
    try (InputStream in = CheckupReportParserTest.class.getResourceAsStream("/reports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static ReportItem item(ParsedReport r, String name) {
    return r.items().stream().filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + name + " in " + r.items()));
  }

  @Test
  void aTextLayerReportGivesEveryRowWithUnitRangeAndFlagAndEachSectionsText() throws IOException {
    ParsedReport r = parser.parseLines(fixture("text-layer-report.txt"));

    assertThat(r.reportDate()).as("体检日期, not the later 报告日期").isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(item(r, "谷丙转氨酶(ALT)")).isEqualTo(new ReportItem("肝功能", "谷丙转氨酶(ALT)", "85", "U/L", "9-50", "↑",
        null));
    assertThat(item(r, "血压")).extracting(ReportItem::section, ReportItem::value, ReportItem::unit)
        .containsExactly("一般检查", "138/88", "mmHg");
    assertThat(item(r, "总胆固醇(TC)")).extracting(ReportItem::value, ReportItem::range, ReportItem::flag)
        .containsExactly("6.45", "<5.18", "↑");
    assertThat(item(r, "白细胞计数(WBC)").unit()).isEqualTo("10^9/L");
    assertThat(item(r, "总胆红素(TBIL)").unit()).isEqualTo("μmol/L");
    assertThat(item(r, "乙肝表面抗原(HBsAg)")).extracting(ReportItem::value, ReportItem::qualitative, ReportItem::unit,
        ReportItem::range).containsExactly("0.01", "阴性", "IU/mL", "<0.05");
    assertThat(r.items()).extracting(ReportItem::section).doesNotContainNull()
        .contains("血常规", "肝功能", "血脂", "血糖", "乙肝五项", "肿瘤标志物");
    assertThat(r.items()).hasSize(26);

    assertThat(r.texts()).extracting(ReportText::section, ReportText::text, ReportText::summary).contains(
        tuple("甲状腺彩超", "甲状腺彩超:甲状腺右叶低回声结节 TI-RADS 3类", false),
        tuple("腹部彩超", "腹部彩超:脂肪肝(轻度)", false),
        tuple("胸部CT", "胸部CT:右肺上叶磨玻璃结节,大小约5mm", false),
        tuple("心电图", "心电图:窦性心律,正常心电图", false),
        tuple("内科", "心肺听诊:未见异常", false),
        tuple("总检结论", "谷丙转氨酶升高", true),
        tuple("总检结论", "甲状腺右叶结节(TI-RADS 3类)", true),
        tuple("总检结论", "右肺上叶磨玻璃结节", true));
    assertThat(r.texts()).filteredOn(ReportText::summary).hasSize(5);
  }

  @Test
  void neitherTheApplicantsParticularsNorTheAdviceAreKept() throws IOException {
    ParsedReport r = parser.parseLines(fixture("text-layer-report.txt"));

    List<String> kept = new ArrayList<>();
    r.items().forEach(i -> kept.add(i.name() + " " + i.value()));
    r.texts().forEach(t -> kept.add(t.text()));
    assertThat(String.join("\n", kept)).doesNotContain("张三", "330102198101011234", "13800138000", "李四",
        "年龄", "低脂饮食", "建议", "随诊");
  }

  @Test
  void ocrTextWithConfusionsSplitCellsAndRowsOnTwoLinesIsReadAsTheReportMeant() throws IOException {
    ParsedReport r = parser.parseLines(fixture("ocr-report.txt"));

    assertThat(r.reportDate()).isEqualTo(LocalDate.of(2026, 10, 12));
    assertThat(item(r, "谷丙转氨酶(ALT)")).as("8S is 85").extracting(ReportItem::value, ReportItem::unit)
        .containsExactly("85", "U/L");
    assertThat(item(r, "谷草转氨酶")).as("name on one line, result on the next")
        .extracting(ReportItem::value, ReportItem::unit, ReportItem::range).containsExactly("38", "U/L", "13-35");
    assertThat(item(r, "总胆固醇")).as("mmo1/L is mmol/L, glued to its number")
        .extracting(ReportItem::value, ReportItem::unit, ReportItem::flag).containsExactly("6.45", "mmol/L", "H");
    assertThat(item(r, "甘油三酯").value()).as("a decimal comma").isEqualTo("1.52");
    assertThat(item(r, "空腹血糖").unit()).isEqualTo("mmol/L");
    assertThat(item(r, "血压").value()).isEqualTo("152/96");
    assertThat(item(r, "乙肝表面抗原")).extracting(ReportItem::value, ReportItem::range).containsExactly("阳性", "阴性");
    assertThat(item(r, "CA19-9").value()).as("CA 19-9 is one name").isEqualTo("12.5");
    assertThat(item(r, "CEA")).as("two results on one line").extracting(ReportItem::value, ReportItem::flag)
        .containsExactly("6.8", "↑");
    assertThat(r.texts()).extracting(ReportText::text).contains("乳腺彩超:双乳腺体结构紊乱 左乳低回声结节 BI-RADS 3类",
        "血压升高", "乙肝表面抗原阳性", "左乳结节(BI-RADS 3类)");
    assertThat(r.items()).filteredOn(i -> "异常结果汇总".equals(i.section())).extracting(ReportItem::name, ReportItem::value)
        .containsExactly(tuple("谷丙转氨酶", "85"));
  }

  @Test
  void inlineRowsWithRangesInBracketsAndLabelsWithColons() {
    ParsedReport r = parser.parseLines(List.of(
        "肝功能",
        "ALT 85 U/L (9-50) ↑",
        "谷草转氨酶:46U/L↑",
        "血糖",
        "糖化血红蛋白",
        "6.8 %",
        "空腹血糖 7.2 mmol/L",
        "尿常规",
        "尿蛋白 ++ 阴性   尿糖 - 阴性"));

    assertThat(r.items()).extracting(ReportItem::name, ReportItem::value, ReportItem::unit, ReportItem::range,
        ReportItem::flag).containsExactly(
            tuple("ALT", "85", "U/L", "9-50", "↑"),
            tuple("谷草转氨酶", "46", "U/L", null, "↑"),
            tuple("糖化血红蛋白", "6.8", "%", null, null),
            tuple("空腹血糖", "7.2", "mmol/L", null, null),
            tuple("尿蛋白", "++", null, "阴性", null),
            tuple("尿糖", "-", null, "阴性", null));
  }

  @Test
  void boxesOfOneRowAreJoinedLeftToRightEvenWhenSlightlyOffset() {
    ReportLayout layout = new ReportLayout("image/png", "OCR", "rapidocr", List.of(new ReportLayout.Page(1200, 400,
        List.of(
            new ReportLayout.Box("85", 420, 103, 40, 24),
            new ReportLayout.Box("谷丙转氨酶(ALT)", 60, 100, 200, 26),
            new ReportLayout.Box("U/L", 560, 101, 50, 24),
            new ReportLayout.Box("9-50", 700, 99, 60, 24),
            new ReportLayout.Box("↑", 820, 102, 16, 24),
            new ReportLayout.Box("肝功能", 60, 50, 90, 28),
            new ReportLayout.Box("谷草转氨酶(AST)", 60, 140, 200, 26),
            new ReportLayout.Box("40", 420, 141, 40, 24),
            new ReportLayout.Box("U/L", 560, 139, 50, 24)))));

    ParsedReport r = parser.parse(layout);

    assertThat(r.lines()).isEqualTo(3);
    assertThat(r.items()).extracting(ReportItem::section, ReportItem::name, ReportItem::value, ReportItem::unit,
        ReportItem::range, ReportItem::flag).containsExactly(
            tuple("肝功能", "谷丙转氨酶(ALT)", "85", "U/L", "9-50", "↑"),
            tuple("肝功能", "谷草转氨酶(AST)", "40", "U/L", null, null));
  }

  @Test
  void aNameAndItsAbbreviationInTwoColumnsBecomeOneName() {
    ParsedReport r = parser.parseLines(List.of("肝功能", "谷丙转氨酶 ALT 85 U/L 9-50", "HBsAg 乙肝表面抗原 阳性"));

    assertThat(r.items()).extracting(ReportItem::name).containsExactly("谷丙转氨酶(ALT)", "乙肝表面抗原(HBsAg)");
  }

  @Test
  void summaryEntriesContinueOnTheNextLineAndLoseTheirAdvice() {
    ParsedReport r = parser.parseLines(List.of(
        "总检结论及建议",
        "1. 甲状腺右叶低回声结节，TI-RADS 3类，",
        "   大小约6x4mm，建议6个月后复查甲状腺彩超",
        "2. 幽门螺杆菌阳性 请消化科就诊",
        "建议：戒烟限酒"));

    assertThat(r.texts()).extracting(ReportText::text).containsExactly(
        "甲状腺右叶低回声结节,TI-RADS 3类,大小约6x4mm", "幽门螺杆菌阳性");
    assertThat(r.items()).isEmpty();
  }

  @Test
  void textThatIsNoReportGivesNoSectionsAndNoText() {
    ParsedReport r = parser.parseLines(List.of("浙江省医疗门诊收费票据(电子)", "票据代码: 33060125", "项目名称 金额",
        "西药费 120.50", "检查费 80.00", "合计(大写) 贰佰元伍角整"));

    assertThat(r.texts()).isEmpty();
    assertThat(r.lines()).isEqualTo(6);
  }

  @Test
  void tokensAndUnitsAreReadDespiteCommonConfusions() {
    assertThat(CheckupReportParser.ocrNumber("8S")).isEqualTo("85");
    assertThat(CheckupReportParser.ocrNumber("1O.2")).isEqualTo("10.2");
    assertThat(CheckupReportParser.ocrNumber("5,2")).isEqualTo("5.2");
    assertThat(CheckupReportParser.ocrNumber("CEA")).isNull();
    assertThat(CheckupReportParser.ocrNumber("T3")).isNull();
    assertThat(CheckupReportParser.canonicalUnit("umol/L")).isEqualTo("μmol/L");
    assertThat(CheckupReportParser.canonicalUnit("mmo1/L")).isEqualTo("mmol/L");
    assertThat(CheckupReportParser.canonicalUnit("x10^9/L")).isEqualTo("10^9/L");
    assertThat(CheckupReportParser.normalise("白细胞 6.2 ×10⁹/L")).isEqualTo("白细胞 6.2 ×10^9/L");
    assertThat(CheckupReportParser.tokens("血红蛋白135 g/L")).containsExactly("血红蛋白", "135", "g/L");
    assertThat(CheckupReportParser.tokens("6x4mm")).containsExactly("6x4mm");
  }
}
