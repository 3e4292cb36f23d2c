package cn.healthrisk.claims.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesReceiptExtractorTest {

  private final RulesReceiptExtractor extractor = new RulesReceiptExtractor();

  @Test
  void readsRealOcrOfAnOutpatientReceipt() {
    ReceiptExtractionResult r = extractor.extract(ExtractionFixtures.load("ocr-receipt-a-001.json"));
    ReceiptFields f = r.fields();

    assertThat(r.documentType()).isEqualTo(DocumentType.OUTPATIENT_RECEIPT);
    assertThat(f.invoiceCode()).isEqualTo("33060125");
    assertThat(f.invoiceNumber()).isEqualTo("0026672317");
    assertThat(f.checkCode()).isEqualTo("4YT5AW");
    assertThat(f.payerName()).isEqualTo("秦海");
    // OCR cut the masked ID into two boxes at the asterisks.
    assertThat(f.payerIdMasked()).isEqualTo("330102********365X");
    assertThat(f.issueDate()).isEqualTo(LocalDate.of(2025, 8, 31));
    assertThat(f.visitDate()).isEqualTo(LocalDate.of(2025, 8, 31));
    assertThat(f.hospitalType()).isEqualTo("中医医院");
    assertThat(f.insuranceType()).isEqualTo("职工基本医疗保险");
    assertThat(f.admissionDate()).isNull();
    assertThat(f.dischargeDate()).isNull();
    assertThat(f.hospitalDays()).isNull();
    // The seal covers 收款单位 and OCR did not read it: null, never a guess.
    assertThat(f.hospitalName()).isNull();
    assertThat(f.items()).containsExactly(
        item("诊察费", "40.00"), item("一般诊疗费", "10.00"), item("检查费", "188.67"),
        item("治疗费", "411.39"), item("西药费", "252.09"), item("中药饮片", "251.68"),
        item("中成药费", "34.76"));
    assertMoney(f.totalAmount(), "1188.59");
    assertMoney(f.fundPayment(), "707.51");
    assertMoney(f.otherPayment(), "0.00");
    assertMoney(f.personalAccountPayment(), "481.08");
    assertMoney(f.personalCashPayment(), "0.00");
    assertMoney(f.selfPayPortion(), "481.08");
    assertMoney(f.selfExpense(), "0.00");
    // The seal turned 元 into 冠, which is no amount character: repaired from the total written
    // out, with confidence below that of a value read as printed.
    assertThat(f.totalAmountInWords()).isEqualTo("壹仟壹佰捌拾捌元伍角玖分");
    assertThat(r.fieldConfidence().get("totalAmountInWords")).isLessThanOrEqualTo(0.85);
    assertThat(r.fieldConfidence().get("invoiceCode")).isGreaterThan(0.9);
    assertThat(f.extra()).containsEntry("门诊号", "7399861521").containsEntry("业务流水号", "2508315722643");
    assertThat(r.sources().get("totalAmount").text()).contains("1188.59");
  }

  /**
   * Real RapidOCR output of four samples (clean; scan with the ID split over overlapping boxes;
   * clean; scan rotated 2.7°) against their ground truth: every field agrees except where OCR lost
   * or garbled the text, and those are null or low-confidence.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "001; /samples/receipt-a-001.json; hospitalName",
    "006; /samples/receipt-a-006.json; ''",
    "016; /samples/receipt-a-016.json; hospitalName",
    "010; /extraction/truth-receipt-a-010.json; hospitalName",
  })
  void agreesWithGroundTruthOnRealOcrExceptWhereOcrLostTheText(String sample, String truthPath, String lost)
      throws IOException {
    ReceiptExtractionResult r = extractor.extract(ExtractionFixtures.load("ocr-receipt-a-" + sample + ".json"));
    ReceiptExtraction truth;
    try (InputStream in = getClass().getResourceAsStream(truthPath)) {
      truth = ReceiptJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<String> lostFields = Arrays.asList(lost.split(" "));
    assertThat(r.documentType()).isEqualTo(truth.documentType());
    for (String field : ReceiptFieldAccess.names()) {
      if (field.equals("extra")) {
        continue;
      }
      Object got = ReceiptFieldAccess.get(r.fields(), field);
      Object expected = ReceiptFieldAccess.get(truth.fields(), field);
      boolean same = got instanceof BigDecimal g && expected instanceof BigDecimal e
          ? g.compareTo(e) == 0 : Objects.equals(got, expected);
      if (lostFields.contains(field)) {
        assertThat(same).as(field + " was expected to be lost by OCR").isFalse();
        assertThat(got == null || r.fieldConfidence().get(field) < 0.6).as(field + " confidence").isTrue();
      } else {
        assertThat(same).as(field + ": got " + got + ", expected " + expected).isTrue();
      }
    }
  }

  @Test
  void readsAnInpatientReceiptWithATwoColumnTableAndValuesRightAndBelow() {
    ReceiptExtractionResult r = extractor.extract(ExtractionFixtures.load("inpatient-two-column.json"));
    ReceiptFields f = r.fields();

    assertThat(r.documentType()).isEqualTo(DocumentType.INPATIENT_RECEIPT);
    assertThat(f.invoiceCode()).isEqualTo("31010226");
    assertThat(f.invoiceNumber()).isEqualTo("0001234567");
    assertThat(f.checkCode()).isEqualTo("9f3k2q");
    assertThat(f.payerName()).isEqualTo("王丽");
    assertThat(f.payerIdMasked()).isEqualTo("310104********2046");
    assertThat(f.hospitalType()).isEqualTo("综合医院");
    assertThat(f.insuranceType()).isEqualTo("城乡居民基本医疗保险");
    assertThat(f.admissionDate()).isEqualTo(LocalDate.of(2026, 3, 8));
    assertThat(f.dischargeDate()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(f.hospitalDays()).isEqualByComparingTo("7");
    assertThat(f.visitDate()).isNull();
    assertThat(f.issueDate()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(f.hospitalName()).isEqualTo("复旦大学附属中山医院");
    assertThat(f.items()).containsExactly(
        item("床位费", "420.00"), item("检查费", "1250.00"), item("护理费", "180.00"),
        item("化验费", "830.50"), item("西药费", "2310.50"), item("治疗费", "960.00"),
        item("手术费", "2100.00"), item("卫生材料费", "599.40"));
    assertMoney(f.totalAmount(), "8650.40");
    assertThat(f.totalAmountInWords()).isEqualTo("捌仟陆佰伍拾元肆角整");
    assertMoney(f.fundPayment(), "5200.00");
    assertMoney(f.otherPayment(), "0.00");
    assertMoney(f.personalAccountPayment(), "1000.00");
    assertMoney(f.personalCashPayment(), "2450.40");
    assertMoney(f.selfPayPortion(), "1980.40");
    assertMoney(f.selfExpense(), "1470.00");
    assertThat(f.extra()).containsEntry("住院号", "ZY20260308");
    // 599.4O needed an O→0 repair, so the table is trusted less.
    assertThat(r.fieldConfidence().get("items")).isLessThan(0.5);
    // Read at 0.96, but a name has no second printed figure to corroborate it: capped at 0.9.
    assertThat(r.fieldConfidence().get("payerName")).isEqualTo(0.9);
  }

  @Test
  void readsAnElectronicReceiptTextLayerWithMergedRunsAndOtherWording() {
    ReceiptExtractionResult r = extractor.extract(ExtractionFixtures.load("e-receipt-text-layer.json"));
    ReceiptFields f = r.fields();

    assertThat(r.documentType()).isEqualTo(DocumentType.OUTPATIENT_RECEIPT);
    assertThat(f.invoiceCode()).isEqualTo("44010226");
    assertThat(f.invoiceNumber()).isEqualTo("2026000123");
    assertThat(f.checkCode()).isEqualTo("7c8d9e");
    assertThat(f.payerName()).isEqualTo("张伟");
    assertThat(f.payerIdMasked()).isEqualTo("440106********5512");
    assertThat(f.issueDate()).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(f.visitDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(f.hospitalName()).isEqualTo("中山大学附属第一医院");
    assertThat(f.hospitalType()).isEqualTo("综合医院");
    assertThat(f.insuranceType()).isEqualTo("职工基本医疗保险");
    // 单位/数量/标准 columns are not items; only 项目名称 + 金额.
    assertThat(f.items()).containsExactly(
        item("诊查费", "25.00"), item("化验费", "180.00"), item("西药费", "236.80"), item("中成药费", "88.20"));
    assertMoney(f.totalAmount(), "530.00");
    assertThat(f.totalAmountInWords()).isEqualTo("伍佰叁拾元整");
    assertMoney(f.fundPayment(), "318.00");
    assertThat(f.otherPayment()).isNull();
    assertMoney(f.personalAccountPayment(), "0.00");
    assertMoney(f.personalCashPayment(), "212.00");
    assertMoney(f.selfPayPortion(), "150.00");
    assertMoney(f.selfExpense(), "62.00");
    assertThat(f.admissionDate()).isNull();
    assertThat(f.hospitalDays()).isNull();
    assertThat(f.extra()).containsEntry("门诊号", "MZ0099").containsEntry("业务类型", "门诊");
    assertThat(r.fieldConfidence().get("totalAmount")).isEqualTo(1.0);
  }

  @Test
  void readsAnInpatientTextLayerWithWholeLineRunsAndRegionalWording() {
    ReceiptExtractionResult r = extractor.extract(ExtractionFixtures.load("inpatient-e-receipt-text-layer.json"));
    ReceiptFields f = r.fields();

    assertThat(r.documentType()).isEqualTo(DocumentType.INPATIENT_RECEIPT);
    assertThat(f.invoiceCode()).isEqualTo("11060226");
    assertThat(f.invoiceNumber()).isEqualTo("0100200300");
    assertThat(f.checkCode()).isEqualTo("ab12cd");
    assertThat(f.issueDate()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(f.payerName()).isEqualTo("李明");
    assertThat(f.payerIdMasked()).isEqualTo("110105********0018");
    assertThat(f.admissionDate()).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(f.dischargeDate()).isEqualTo(LocalDate.of(2026, 5, 19));
    assertThat(f.hospitalDays()).isEqualByComparingTo("18");
    assertThat(f.hospitalName()).isEqualTo("首都医科大学附属北京朝阳医院");
    assertThat(f.hospitalType()).isEqualTo("综合医院");
    assertThat(f.insuranceType()).isEqualTo("职工基本医疗保险");
    // 单价 50.00 and 400.00 are not the item amounts; the 备注 乙类 is not an item.
    assertThat(f.items()).containsExactly(item("床位费", "900.00"), item("西药费", "6420.35"),
        item("检查费", "1200.00"), item("手术费", "3800.00"));
    assertMoney(f.totalAmount(), "12320.35");
    assertThat(f.totalAmountInWords()).isEqualTo("壹万贰仟叁佰贰拾元叁角伍分");
    assertMoney(f.fundPayment(), "8000.00");
    assertThat(f.otherPayment()).isNull();
    assertMoney(f.personalAccountPayment(), "1000.00");
    assertMoney(f.personalCashPayment(), "3320.35");
    // 个人自负 is Beijing's wording for 个人自付; 个人账户余额 is a balance, not a payment.
    assertMoney(f.selfPayPortion(), "2100.00");
    assertMoney(f.selfExpense(), "2220.35");
    assertThat(r.fieldConfidence().get("personalAccountPayment")).isEqualTo(1.0);
  }

  @Test
  void leavesEverythingNullOnAPageWithoutReceiptLabels() {
    DocumentText text = page(box("出院小结", 100, 50), box("患者因腹痛入院，经治疗好转出院。", 100, 120));
    ReceiptExtractionResult r = extractor.extract(text);
    assertThat(r.documentType()).isEqualTo(DocumentType.OTHER);
    assertThat(r.fields()).isEqualTo(ReceiptFields.empty());
    assertThat(r.fieldConfidence()).isEmpty();
  }

  @Test
  void acceptsCompactDatesSpacedLabelsAndOcrDigitConfusionsOnlyInNumericFields() {
    DocumentText text = page(
        box("医疗门诊收费票据", 300, 20),
        box("票 据 号 码 ： OO12345678", 50, 100),
        box("开票日期：2O260315", 600, 100),
        box("交款人：Iris林", 50, 160));
    ReceiptFields f = extractor.extract(text).fields();
    assertThat(f.invoiceNumber()).isEqualTo("0012345678");
    assertThat(f.issueDate()).isEqualTo(LocalDate.of(2026, 3, 15));
    // Letters in a name are not repaired to digits.
    assertThat(f.payerName()).isEqualTo("Iris林");
  }

  @Test
  void readsLabelsWithOneMisreadCharacterAtLowerConfidenceAndSkipsStrayColons() {
    DocumentText text = page(
        box("医疗门诊收费票据", 300, 20),
        box("医保统筹基金支忖：707.51", 50, 100),
        box("票据号玛：0026672317", 600, 100),
        box("交款人", 50, 160), box("：", 140, 160), box("秦海", 180, 160),
        box("个人支付：12.00", 600, 160));
    ReceiptExtractionResult r = extractor.extract(text);
    assertThat(r.fields().fundPayment()).isEqualByComparingTo("707.51");
    assertThat(r.fieldConfidence().get("fundPayment")).isCloseTo(0.95 * 0.8, within(1e-9));
    assertThat(r.fields().invoiceNumber()).isEqualTo("0026672317");
    assertThat(r.fields().payerName()).isEqualTo("秦海");
    // 个人支付 is one character from both 个人自付 and 个账支付: ambiguous, so not read as either.
    assertThat(r.fields().selfPayPortion()).isNull();
    assertThat(r.fields().extra()).containsEntry("个人支付", "12.00");
  }

  @Test
  void readsValuesPrintedUnderTheirLabels() {
    DocumentText text = page(
        box("医疗住院收费票据", 300, 20),
        box("入院日期", 50, 100), box("出院日期", 400, 100), box("住院天数", 750, 100),
        box("2026-03-01", 50, 140), box("2026-03-23", 400, 140), box("22.5", 750, 140));
    ReceiptFields f = extractor.extract(text).fields();
    assertThat(f.admissionDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(f.dischargeDate()).isEqualTo(LocalDate.of(2026, 3, 23));
    assertThat(f.hospitalDays()).isEqualByComparingTo("22.5");
  }

  /** A one-column slip: labels at the left edge, values at the right, a seal over the totals. */
  private static List<TextBox> slip(TextBox... extra) {
    List<TextBox> boxes = new java.util.ArrayList<>(List.of(
        box("宁夏回族自治区第五人民医院", 200, 40),
        box("门诊收费票据", 280, 90),
        box("票据号码：", 20, 160), box("0012345678", 620, 160),
        box("医保类型：", 20, 200), box("自费", 700, 200),
        box("门诊号：", 20, 240), box("MZ123456", 620, 240),
        box("合计：", 20, 300), tall("自物", 420, 290), box("120.50", 660, 300),
        box("大写：", 20, 340), box("壹佰贰拾", 420, 340), box("院", 560, 345), box("元伍角整", 620, 340),
        box("统筹基金：", 20, 380), box("0.00", 700, 380),
        box("个人账户：", 20, 420), box("0.00", 700, 420),
        box("个人现金：", 20, 460), box("收费专用章", 400, 462), box("120.50", 660, 460)));
    boxes.addAll(List.of(extra));
    return boxes;
  }

  @Test
  void readsFiguresPastASealBetweenLabelAndValueAndWordsCutAroundIt() {
    ReceiptExtractionResult r = extractor.extract(page(slip().toArray(TextBox[]::new)));
    ReceiptFields f = r.fields();

    assertMoney(f.totalAmount(), "120.50");
    assertMoney(f.personalCashPayment(), "120.50");
    assertMoney(f.fundPayment(), "0.00");
    assertThat(f.totalAmountInWords()).isEqualTo("壹佰贰拾元伍角整");
  }

  @Test
  void aValueThatReadsLikeALabelIsTheValueOfTheLabelBeforeIt() {
    ReceiptFields f = extractor.extract(page(slip().toArray(TextBox[]::new))).fields();

    assertThat(f.insuranceType()).isEqualTo("自费");
    // The 门诊号 under 自费 is a code, not an amount of 自费 (self expense).
    assertThat(f.selfExpense()).isNull();
  }

  @Test
  void aTallSealFragmentDoesNotJoinTheRowsItCovers() {
    List<List<TextBox>> lines = LayoutLines.group(List.of(
        box("合计：", 20, 300), new TextBox("江省中", 0.7, 420, 290, 90, 100), box("大写：", 20, 340),
        box("伍佰元整", 500, 345), box("525.35", 660, 305), box("统筹基金：", 20, 380), box("0.00", 700, 380)));

    assertThat(lines).anySatisfy(line -> assertThat(line.stream().map(TextBox::text).toList())
        .contains("合计：", "525.35").doesNotContain("伍佰元整"));
    assertThat(lines).anySatisfy(line -> assertThat(line.stream().map(TextBox::text).toList())
        .containsExactly("大写：", "伍佰元整"));
  }

  @Test
  void takesTheHospitalFromTheHeadingOnlyWithoutALabelledOne() {
    ReceiptExtractionResult r = extractor.extract(page(slip().toArray(TextBox[]::new)));
    assertThat(r.fields().hospitalName()).isEqualTo("宁夏回族自治区第五人民医院");
    assertThat(r.fieldConfidence().get("hospitalName")).isLessThanOrEqualTo(0.9);

    ReceiptFields labelled = extractor.extract(page(slip(box("收款单位：银川市第一人民医院", 20, 520))
        .toArray(TextBox[]::new))).fields();
    assertThat(labelled.hospitalName()).isEqualTo("银川市第一人民医院");

    ReceiptFields oneLine = extractor.extract(page(box("浙江省人民医院门诊收费票据", 200, 40),
        box("票据号码：", 20, 160), box("0012345678", 620, 160))).fields();
    assertThat(oneLine.hospitalName()).isEqualTo("浙江省人民医院");

    // A title that names no institution, and an institution's name below the labels (a seal), are not taken.
    ReceiptFields title = extractor.extract(page(box("浙江省医疗门诊收费票据", 200, 40),
        box("票据号码：", 20, 160), box("0012345678", 620, 160), box("浙江省人民医院", 300, 400))).fields();
    assertThat(title.hospitalName()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "魏平 男, 魏平",
      "万超文女, 万超文",
      "司马庆男, 司马庆",
      "何国女, 何国",
      "王亚男, 王亚男",
      "张胜男, 张胜男",
      "王亚 男, 王亚",
      "李娜, 李娜",
      "欧阳娜娜, 欧阳娜娜"})
  void separatesTheSexPrintedAfterTheName(String printed, String name) {
    ReceiptExtractionResult r = extractor.extract(page(
        box("门诊收费票据", 280, 20), box("姓名：", 20, 100), box(printed, 600, 100)));
    assertThat(r.fields().payerName()).isEqualTo(name);
    assertThat(r.fieldConfidence().get("payerName")).isLessThanOrEqualTo(0.9);
  }

  @Test
  void keepsTheWholeNameWhenTheSexHasALabelOfItsOwn() {
    ReceiptFields f = extractor.extract(page(box("门诊收费票据", 280, 20),
        box("姓名：", 20, 100), box("林若女", 300, 100), box("性别：女", 600, 100))).fields();
    assertThat(f.payerName()).isEqualTo("林若女");
  }

  @Test
  void anUnsureDigitOfASealGivesWayToTheWellFormedFigureAfterIt() {
    ReceiptFields f = extractor.extract(page(box("门诊收费票据", 280, 20),
        box("统筹基金：", 20, 100), new TextBox("90", 0.46, 600, 96, 40, 30), box("220.56", 740, 100),
        box("个人现金：", 20, 140), box("249.07", 740, 140))).fields();
    assertMoney(f.fundPayment(), "220.56");
    assertMoney(f.personalCashPayment(), "249.07");
  }

  @Test
  void aSealHidingTheClosingBracketOfALabelLeavesTheLabelALabel() {
    ReceiptFields f = extractor.extract(page(box("住院收费票据", 280, 20),
        box("收款单位(章北京积水潭医院", 20, 100))).fields();
    assertThat(f.hospitalName()).isEqualTo("北京积水潭医院");
  }

  @Test
  void namesPrintedFlushLeftUnderACentredHeadingStayInTheirColumn() {
    ReceiptFields f = extractor.extract(page(box("住院收费票据", 500, 20),
        box("项目名称", 100, 100), box("金额(元)", 400, 100), box("备注", 600, 100),
        box("项目名称", 900, 100), box("金额(元)", 1200, 100),
        box("床位费", 60, 140), box("270.00", 420, 140), box("诊察费", 740, 140), box("84.00", 1230, 140),
        box("合计：354.00", 60, 200))).fields();
    assertThat(f.items()).containsExactly(item("床位费", "270.00"), item("诊察费", "84.00"));
  }

  @Test
  void oneStackedItemIsReadOnlyWhenItsNameIsAChargeCategory() {
    ReceiptFields f = extractor.extract(page(box("门诊收费票据", 280, 20),
        box("中药饮片", 60, 100), box("35.63", 70, 140),
        box("金额合计", 60, 200), box("基金支付", 300, 200), box("个人现金", 540, 200))).fields();
    assertThat(f.items()).containsExactly(item("中药饮片", "35.63"));

    ReceiptFields other = extractor.extract(page(box("门诊收费票据", 280, 20),
        box("门诊号码", 60, 100), box("35.63", 70, 140))).fields();
    assertThat(other.items()).isEmpty();
  }

  private static TextBox tall(String text, int x, int y) {
    return new TextBox(text, 0.4, x, y, text.length() * 28, 75);
  }

  private static ReceiptItem item(String name, String amount) {
    return new ReceiptItem(name, new BigDecimal(amount));
  }

  private static void assertMoney(BigDecimal actual, String expected) {
    assertThat(actual).isNotNull();
    assertThat(actual).isEqualByComparingTo(expected);
    assertThat(actual.scale()).isEqualTo(2);
  }

  private static TextBox box(String text, int x, int y) {
    return new TextBox(text, 0.95, x, y, text.length() * 28, 30);
  }

  private static DocumentText page(TextBox... boxes) {
    return new DocumentText("image/png", DocumentText.Source.OCR, "test", List.of(new OcrPage(1200, 800, List.of(boxes))));
  }
}
