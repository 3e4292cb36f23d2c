package cn.healthrisk.claims.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.RecordingCanvas.Text;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The families kept out of extractor development (F, G, H): what they print, where, and that it adds up. */
class HeldOutFamiliesTest {

  private static final int SEEDS = 60;

  @TempDir Path dir;

  @BeforeEach
  void needsFonts() {
    assumeTrue(ReceiptFonts.available() || "true".equals(System.getenv("CI")),
        "CJK fonts not installed (fonts-noto-cjk, fonts-wqy-zenhei)");
  }

  @Test
  void theHeldOutFamiliesAreNotDrawnByDefault() {
    assertThat(ReceiptGenerator.HELD_OUT_FAMILIES).containsExactlyInAnyOrder("F", "G", "H");
    assertThat(ReceiptGenerator.DEFAULT_FAMILIES).doesNotContainAnyElementsOf(
        ReceiptGenerator.HELD_OUT_FAMILIES);
    assertThat(ReceiptGenerator.FAMILIES).containsAll(ReceiptGenerator.HELD_OUT_FAMILIES)
        .containsAll(ReceiptGenerator.DEFAULT_FAMILIES);
    assertThat(ReceiptGenerator.documentTypes("F")).containsExactlyInAnyOrder(
        DocumentType.OUTPATIENT_RECEIPT, DocumentType.INPATIENT_RECEIPT);
    assertThat(ReceiptGenerator.documentTypes("G")).containsExactly(DocumentType.INPATIENT_RECEIPT);
    assertThat(ReceiptGenerator.documentTypes("H")).containsExactly(DocumentType.OUTPATIENT_RECEIPT);
  }

  /**
   * Adding families must not move the draws of the existing ones: the same seed still gives the same B-E
   * receipts. The digest is of the ground truth written before the held-out families existed.
   */
  @Test
  void existingFamiliesDrawTheSameReceiptsAsBefore() throws Exception {
    new ReceiptGenerator().generate(dir, 12, 7, ReceiptGenerator.DEFAULT_FAMILIES, Set.of("clean"));

    assertThat(sha256(Files.readAllBytes(dir.resolve("ground-truth.jsonl"))))
        .isEqualTo("67ad25544f47ea1f5af7b4a4c205501cedfdd6690f231e2fe26fcf077eb3c19e");
  }

  @Test
  void everyPrintedFieldStandsByItsLabel() {
    for (Case k : cases()) {
      for (long seed = 0; seed < SEEDS; seed++) {
        ReceiptData data = data(k, seed, Inconsistency.NONE);
        ReceiptLayout layout = ReceiptGenerator.layout(k.family(), k.type());
        RecordingCanvas canvas = new RecordingCanvas();
        layout.draw(canvas, data, ReceiptFonts.load(), new Random(seed));
        ReceiptFields printed = layout.printed(data.fields());
        String where = k + " seed " + seed;

        for (Expect e : expectations(k, printed, layout.printedExtra(data))) {
          assertThat(valuesBy(canvas.texts(), e.label(), e.mode())).as(where + " " + e.label())
              .contains(e.value());
        }
        for (ReceiptItem it : printed.items()) {
          Mode mode = k.family().equals("G") ? Mode.LINE : Mode.NEXT;
          assertThat(valuesBy(canvas.texts(), it.name(), mode)).as(where + " " + it.name())
              .contains(ReceiptLayout.plain(it.amount()));
        }
        if (printed.checkCode() == null) {
          assertThat(canvas.texts()).as(where).noneMatch(t -> t.s().contains(data.fields().checkCode()));
        }
      }
    }
  }

  @Test
  void textsNeitherOverlapNorLeaveThePage() {
    for (Case k : cases()) {
      for (long seed = 0; seed < SEEDS; seed++) {
        ReceiptData data = data(k, seed, Inconsistency.NONE);
        ReceiptLayout layout = ReceiptGenerator.layout(k.family(), k.type());
        RecordingCanvas canvas = new RecordingCanvas();
        layout.draw(canvas, data, ReceiptFonts.load(), new Random(seed));
        List<Text> texts = canvas.texts();
        String where = k + " seed " + seed;
        for (int i = 0; i < texts.size(); i++) {
          Text a = texts.get(i);
          assertThat(a.x() >= 0 && a.right() <= layout.width() && a.top() >= 0
              && a.bottom() <= layout.height(data)).as(where + " off the page: " + a).isTrue();
          for (int j = i + 1; j < texts.size(); j++) {
            Text b = texts.get(j);
            assertThat(a.overlaps(b, 1.5)).as(where + ": " + a + " / " + b).isFalse();
          }
        }
      }
    }
  }

  @Test
  void amountsAddUpOver200Seeds() {
    for (Case k : cases()) {
      for (long seed = 0; seed < 200; seed++) {
        ReceiptData data = data(k, seed, Inconsistency.NONE);
        ReceiptLayout layout = ReceiptGenerator.layout(k.family(), k.type());
        ReceiptFields f = layout.printed(data.fields());
        Map<String, String> extra = layout.printedExtra(data);
        String where = k + " seed " + seed;
        BigDecimal items = f.items().stream().map(ReceiptItem::amount).reduce(BigDecimal.ZERO,
            BigDecimal::add);
        assertThat(items).as(where).isEqualByComparingTo(f.totalAmount());
        assertThat(f.totalAmountInWords()).as(where).isEqualTo(ChineseWords.amount(f.totalAmount()));
        BigDecimal personal = f.personalAccountPayment().add(f.personalCashPayment());
        assertThat(f.fundPayment().add(f.otherPayment()).add(personal)).as(where)
            .isEqualByComparingTo(f.totalAmount());
        switch (k.family()) {
          case "F" -> {
            assertThat(f.selfPayPortion().add(f.selfExpense())).as(where).isEqualByComparingTo(personal);
            if (k.type() == DocumentType.INPATIENT_RECEIPT) {
              // The deposit, topped up or refunded, is what the patient paid in cash.
              assertThat(money(extra, "预缴金额").add(money(extra, "补缴金额")).subtract(money(extra, "退费金额")))
                  .as(where).isEqualByComparingTo(f.personalCashPayment());
              assertThat(money(extra, "补缴金额").signum() == 0 || money(extra, "退费金额").signum() == 0)
                  .as(where).isTrue();
            } else {
              assertThat(extra).isEmpty();
            }
          }
          case "G" -> assertThat(f.selfPayPortion().add(f.selfExpense())).as(where)
              .isEqualByComparingTo(personal);
          case "H" -> {
            // No 个人自付 is printed: 自付一 and 自付二 with 自费 make up what the patient paid.
            assertThat(f.selfPayPortion()).isNull();
            assertThat(money(extra, "自付一").add(money(extra, "自付二")).add(f.selfExpense())).as(where)
                .isEqualByComparingTo(personal);
            assertThat(money(extra, "本次医保范围内金额")).as(where)
                .isEqualByComparingTo(f.totalAmount().subtract(f.selfExpense()));
            assertThat(money(extra, "累计医保内范围金额")).as(where)
                .isGreaterThanOrEqualTo(money(extra, "本次医保范围内金额"));
          }
          default -> throw new AssertionError(k);
        }
      }
    }
  }

  @Test
  void aDeliberateErrorIsPrintedAsMade() {
    for (Case k : cases()) {
      ReceiptLayout layout = ReceiptGenerator.layout(k.family(), k.type());
      ReceiptFields split = layout.printed(data(k, 3, Inconsistency.WRONG_SPLIT).fields());
      assertThat(split.fundPayment().add(split.otherPayment()).add(split.personalAccountPayment())
          .add(split.personalCashPayment())).as(k.toString()).isNotEqualByComparingTo(split.totalAmount());
      ReceiptFields words = layout.printed(data(k, 3, Inconsistency.WRONG_WORDS).fields());
      assertThat(words.totalAmountInWords()).as(k.toString())
          .isNotEqualTo(ChineseWords.amount(words.totalAmount()));
    }
  }

  @Test
  void sameSeedDrawsTheSameHeldOutReceipts() throws IOException {
    Path first = dir.resolve("first");
    List<GeneratedDocument> docs = new ReceiptGenerator(0.2).generate(first, 9, 21,
        ReceiptGenerator.HELD_OUT_FAMILIES, Set.of("clean", "scan"));
    new ReceiptGenerator(0.2).generate(dir.resolve("second"), 9, 21, ReceiptGenerator.HELD_OUT_FAMILIES,
        Set.of("clean", "scan"));

    assertThat(docs).extracting(d -> d.meta().get("family")).contains("F", "G", "H");
    for (GeneratedDocument d : docs) {
      String family = (String) d.meta().get("family");
      if (!family.equals("F")) {
        assertThat(d.meta().get("province")).isEqualTo(family.equals("G") ? "上海市" : "北京市");
      }
      if (family.equals("G")) {
        assertThat(d.meta().get("printer")).isIn("dot-matrix", "laser");
      }
      String name = d.document().getFileName().toString();
      if (!name.endsWith(".pdf")) {
        // Images are drawn and degraded from seeded streams only; PDFs differ in their random /ID.
        assertThat(Files.readAllBytes(dir.resolve("second").resolve(name))).as(name)
            .isEqualTo(Files.readAllBytes(d.document()));
      }
    }
    assertThat(Files.readString(dir.resolve("second").resolve("ground-truth.jsonl")))
        .isEqualTo(Files.readString(first.resolve("ground-truth.jsonl")));
  }

  @Test
  void familyFIsAnEReceiptPdfInTheSharpCutForBothKinds() throws IOException {
    ReceiptDataFactory factory = new ReceiptDataFactory();
    for (DocumentType type : ReceiptGenerator.documentTypes("F")) {
      ReceiptData data = factory.create(41, type, Inconsistency.NONE);
      try (PDDocument pdf = Loader.loadPDF(ReceiptGenerator.pdf("F", data, 1))) {
        // Some provinces' platforms print the half-width colon in the notes.
        String text = new PDFTextStripper().getText(pdf).replace(':', '：');
        ReceiptFields f = data.fields();
        assertThat(text).contains(f.invoiceNumber(), f.hospitalName(), f.totalAmount().toPlainString(),
            "医保统筹基金支付：" + f.fundPayment().toPlainString(), "医疗收费电子票据");
        List<String> fonts = new ArrayList<>();
        for (var name : pdf.getPage(0).getResources().getFontNames()) {
          PDFont font = pdf.getPage(0).getResources().getFont(name);
          fonts.add(font.getName());
        }
        assertThat(fonts).anyMatch(n -> n.contains("Sharp"));
      }
    }
  }

  // --- what each family prints by which label -------------------------------------------------------

  private record Case(String family, DocumentType type) {
    @Override
    public String toString() {
      return family + "/" + type;
    }
  }

  private static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (String family : new TreeSet<>(ReceiptGenerator.HELD_OUT_FAMILIES)) {
      for (DocumentType type : ReceiptGenerator.documentTypes(family)) {
        out.add(new Case(family, type));
      }
    }
    return out;
  }

  private static ReceiptData data(Case k, long seed, Inconsistency inconsistency) {
    return new ReceiptDataFactory().create(new Random(seed), k.type(), inconsistency,
        ReceiptGenerator.provinces(k.family(), k.type()));
  }

  /** How a value sits by its label: next on its line (or after its colon), anywhere on its line, or below. */
  private enum Mode { NEXT, LINE, BELOW }

  private record Expect(String label, String value, Mode mode) {}

  private static List<Expect> expectations(Case k, ReceiptFields f, Map<String, String> extra) {
    List<Expect> e = new ArrayList<>();
    boolean inpatient = k.type() == DocumentType.INPATIENT_RECEIPT;
    switch (k.family()) {
      case "F" -> {
        next(e, "票据代码", f.invoiceCode());
        next(e, "票据号码", f.invoiceNumber());
        next(e, "校验码", f.checkCode());
        next(e, "交款人", f.payerName());
        next(e, "交款人统一社会信用代码", f.payerIdMasked());
        next(e, "开票日期", f.issueDate().toString());
        next(e, "金额合计（大写）", f.totalAmountInWords());
        next(e, "（小写）", money(f.totalAmount()));
        if (inpatient) {
          next(e, "住院时间", compact(f.admissionDate()) + "-" + compact(f.dischargeDate()));
          next(e, "住院天数", ReceiptLayout.days(f.hospitalDays()));
        } else {
          next(e, "就诊日期", compact(f.visitDate()));
        }
        next(e, "医疗机构类型", f.hospitalType());
        next(e, "医保类型", f.insuranceType());
        next(e, "医保统筹基金支付", money(f.fundPayment()));
        next(e, "其他支付", money(f.otherPayment()));
        next(e, "个人账户支付", money(f.personalAccountPayment()));
        next(e, "个人现金支付", money(f.personalCashPayment()));
        next(e, "个人自付", money(f.selfPayPortion()));
        next(e, "个人自费", money(f.selfExpense()));
        next(e, "收款单位（章）", f.hospitalName());
        extra.forEach((label, value) -> next(e, label, value));
      }
      case "G" -> {
        next(e, "No", f.invoiceNumber());
        below(e, "票据代码", f.invoiceCode());
        below(e, "姓名", f.payerName());
        below(e, "医保类别", f.insuranceType());
        below(e, "证件号码", f.payerIdMasked());
        below(e, "入院日期", chinese(f.admissionDate()));
        below(e, "出院日期", chinese(f.dischargeDate()));
        below(e, "住院天数", ReceiptLayout.days(f.hospitalDays()));
        below(e, "医疗机构类型", f.hospitalType());
        below(e, "开票日期", chinese(f.issueDate()));
        below(e, "合计(大写)", f.totalAmountInWords());
        below(e, "合计(小写)", money(f.totalAmount()));
        below(e, "统筹支付", money(f.fundPayment()));
        below(e, "附加支付", money(f.otherPayment()));
        below(e, "账户支付", money(f.personalAccountPayment()));
        below(e, "现金支付", money(f.personalCashPayment()));
        below(e, "自负", money(f.selfPayPortion()));
        below(e, "自费", money(f.selfExpense()));
        next(e, "收款单位(盖章)", f.hospitalName());
      }
      case "H" -> {
        next(e, "票据号码", f.invoiceNumber());
        next(e, "票据代码", f.invoiceCode());
        next(e, "交款人", f.payerName());
        next(e, "社会保障号码", f.payerIdMasked());
        next(e, "就诊日期", dotted(f.visitDate()));
        next(e, "医保类别", f.insuranceType());
        next(e, "合计金额(大写)", f.totalAmountInWords());
        e.add(new Expect("合计金额(大写)", money(f.totalAmount()), Mode.LINE));
        next(e, "统筹基金支付", money(f.fundPayment()));
        next(e, "大额互助", money(f.otherPayment()));
        next(e, "个人账户支付", money(f.personalAccountPayment()));
        next(e, "现金", money(f.personalCashPayment()));
        next(e, "自费", money(f.selfExpense()));
        next(e, "收款单位(章)", f.hospitalName());
        next(e, "开票日期", dotted(f.issueDate()));
        extra.forEach((label, value) -> next(e, label, value));
      }
      default -> throw new AssertionError(k);
    }
    return e;
  }

  private static void next(List<Expect> e, String label, String value) {
    e.add(new Expect(label, value, Mode.NEXT));
  }

  private static void below(List<Expect> e, String label, String value) {
    e.add(new Expect(label, value, Mode.BELOW));
  }

  /**
   * The values printed by {@code label}, without currency signs or a 元 after digits: after its colon in the
   * same text, the next text on its baseline (NEXT), every text right of it on its baseline (LINE), or the text
   * in the box below it (BELOW). A label printed with a trailing colon counts as the label.
   */
  private static List<String> valuesBy(List<Text> texts, String label, Mode mode) {
    List<String> out = new ArrayList<>();
    for (Text l : texts) {
      String s = l.s();
      if ((s.startsWith(label + "：") || s.startsWith(label + ":")) && s.length() > label.length() + 1) {
        out.add(clean(s.substring(label.length() + 1)));
        continue;
      }
      if (!s.equals(label) && !s.equals(label + "：") && !s.equals(label + ":")) {
        continue;
      }
      Text nearest = null;
      for (Text t : texts) {
        if (t == l) {
          continue;
        }
        switch (mode) {
          case NEXT, LINE -> {
            // Misregistered printing may sit a little off the form's baseline.
            if (Math.abs(t.y() - l.y()) <= 12 && t.x() >= l.right() - 1) {
              if (mode == Mode.LINE) {
                out.add(clean(t.s()));
              } else if (nearest == null || t.x() < nearest.x()) {
                nearest = t;
              }
            }
          }
          case BELOW -> {
            double dy = t.y() - l.y();
            if (dy > 25 && dy < 75 && t.x() > l.x() - 25 && t.x() < l.x() + 45) {
              out.add(clean(t.s()));
            }
          }
          default -> throw new AssertionError(mode);
        }
      }
      if (nearest != null) {
        out.add(clean(nearest.s()));
      }
    }
    return out;
  }

  private static String clean(String s) {
    return s.replace("￥", "").replace("¥", "").replaceAll("(?<=\\d)元$", "").strip();
  }

  private static String money(BigDecimal amount) {
    return ReceiptLayout.plain(amount);
  }

  private static BigDecimal money(Map<String, String> extra, String label) {
    assertThat(extra).containsKey(label);
    return new BigDecimal(extra.get(label));
  }

  private static String compact(LocalDate d) {
    return d.toString().replace("-", "");
  }

  private static String dotted(LocalDate d) {
    return d.toString().replace('-', '.');
  }

  private static String chinese(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
