package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Family G: a Shanghai 住院收费票据 printed on a pre-printed continuous form, landscape. The form (sepia, narrow
 * Song) holds boxes with their label in the top corner and the value printed below it, a wide charge table
 * (项目名称, 数量, 单价, 金额, 甲乙类, 自付比例) and the local settlement words 统筹支付, 附加支付, 账户支付, 现金支付,
 * 自负, 自费, whose amounts are followed by 元. The values come from the hospital's printer, usually a dot-matrix
 * one, never quite in register with the form; dates read 2026年3月8日 and the red serial number is pre-printed.
 */
final class FormInpatientLayout extends ReceiptLayout {

  private static final Color FORM = new Color(135, 80, 40);
  private static final Color RULE = new Color(165, 112, 70);
  private static final Color SERIAL = new Color(200, 40, 40);
  private static final Color RIBBON = new Color(35, 35, 50);
  private static final Face FORM_FACE = Face.SERIF_NARROW;
  private static final Face PRINT_FACE = Face.MONO;
  private static final double W = 2200;
  private static final double M = 80;
  private static final double IW = W - 2 * M;
  private static final double BOX_H = 96;
  private static final double INFO_TOP = 215;
  private static final double TABLE_TOP = INFO_TOP + 2 * BOX_H + 26;
  private static final double HEAD_H = 60;
  private static final double ROW_H = 52;
  private static final double V = 34;
  private static final double L = 26;
  private static final double[] COLUMNS = {560, 240, 340, 380, 240, 280};
  private static final Set<String> PER_DAY = Set.of("床位费", "诊察费", "护理费", "输氧费");
  private static final Map<String, String[]> CLASSES = Map.ofEntries(
      Map.entry("床位费", new String[] {"甲", "0%"}), Map.entry("诊察费", new String[] {"甲", "0%"}),
      Map.entry("检查费", new String[] {"乙", "10%"}), Map.entry("化验费", new String[] {"甲", "0%"}),
      Map.entry("治疗费", new String[] {"甲", "0%"}), Map.entry("手术费", new String[] {"乙", "10%"}),
      Map.entry("麻醉费", new String[] {"甲", "0%"}), Map.entry("护理费", new String[] {"甲", "0%"}),
      Map.entry("西药费", new String[] {"乙", "10%"}), Map.entry("中成药费", new String[] {"乙", "10%"}),
      Map.entry("中药饮片", new String[] {"乙", "5%"}), Map.entry("卫生材料费", new String[] {"乙", "20%"}),
      Map.entry("输氧费", new String[] {"甲", "0%"}), Map.entry("输血费", new String[] {"乙", "10%"}),
      Map.entry("其他住院费用", new String[] {"丙", "100%"}));

  @Override
  String family() {
    return "G";
  }

  @Override
  DocumentType documentType() {
    return DocumentType.INPATIENT_RECEIPT;
  }

  @Override
  boolean electronic() {
    return false;
  }

  @Override
  int width() {
    return (int) W;
  }

  @Override
  int height(ReceiptData data) {
    return (int) (footerY(data) + 110);
  }

  @Override
  Color paper() {
    return new Color(252, 250, 243);
  }

  @Override
  Set<String> provinces() {
    return Set.of("上海");
  }

  @Override
  ReceiptFields printed(ReceiptFields all) {
    return without(all, "checkCode", "visitDate");
  }

  private static int rows(ReceiptData data) {
    return Math.max(8, data.fields().items().size());
  }

  private static double totalsTop(ReceiptData data) {
    return TABLE_TOP + HEAD_H + ROW_H * rows(data) + 20;
  }

  private static double footerY(ReceiptData data) {
    return totalsTop(data) + 2 * BOX_H + 20 + 80;
  }

  /** Printer state for one receipt: head type and how far the form sat off register. */
  private record Printer(boolean dots, double dx, double dy) {
    void print(Canvas c, String s, double x, double y) {
      if (dots) {
        c.dotText(s, x + dx, y + dy, PRINT_FACE, V, RIBBON, 2.0);
      } else {
        c.text(s, x + dx, y + dy, PRINT_FACE, V, RIBBON);
      }
    }

    void right(Canvas c, String s, double xRight, double y) {
      print(c, s, xRight - c.width(s, PRINT_FACE, V), y);
    }

    void center(Canvas c, String s, double cx, double y) {
      print(c, s, cx - c.width(s, PRINT_FACE, V) / 2, y);
    }
  }

  @Override
  Drawn draw(Canvas c, ReceiptData data, ReceiptFonts fonts, Random random) {
    ReceiptFields f = data.fields();
    Printer p = new Printer(random.nextDouble() < 0.7, (random.nextDouble() * 2 - 1) * 16,
        (random.nextDouble() * 2 - 1) * 10);

    // The pre-printed form.
    String bureau = data.province() + (data.province().endsWith("市") ? "财政局" : "财政厅");
    c.image(SealPainter.oval(fonts, bureau, "监  制", 240, 110), M, 28, 240, 110);
    c.center(data.province() + "医疗机构住院收费票据", W / 2, 112, Face.SERIF_BOLD, 62, FORM);
    c.center("（ 住 院 ）", W / 2, 168, FORM_FACE, 32, FORM);
    c.text("No", W - M - 400, 100, Face.SERIF, 36, FORM);
    c.text(f.invoiceNumber(), W - M - 340, 100, Face.SERIF, 44, SERIAL);
    c.right("第二联  收据联  交款人收执", W - M, 170, FORM_FACE, 28, FORM);

    String[] row1 = {"票据代码", "住院号", "科别", "姓名", "性别", "医保类别"};
    String[] val1 = {f.invoiceCode(), f.extra().get("住院号"), f.extra().get("科室"), f.payerName(),
        f.extra().get("性别"), f.insuranceType()};
    boxes(c, p, INFO_TOP, row1, val1, new double[] {300, 300, 300, 300, 160, 680});
    String[] row2 = {"证件号码", "入院日期", "出院日期", "住院天数", "医疗机构类型", "开票日期"};
    String[] val2 = {f.payerIdMasked(), date(f.admissionDate()), date(f.dischargeDate()),
        days(f.hospitalDays()), f.hospitalType(), date(f.issueDate())};
    boxes(c, p, INFO_TOP + BOX_H, row2, val2, new double[] {480, 340, 340, 200, 340, 340});

    int rows = rows(data);
    double bottom = TABLE_TOP + HEAD_H + ROW_H * rows;
    String[] heads = {"项目名称", "数量", "单价", "金额", "甲乙类", "自付比例"};
    double x = M;
    for (int k = 0; k < COLUMNS.length; k++) {
      c.center(heads[k], x + COLUMNS[k] / 2, TABLE_TOP + HEAD_H * 0.68, FORM_FACE, 32, FORM);
      if (k > 0) {
        c.line(x, TABLE_TOP, x, bottom, 1.3, RULE);
      }
      x += COLUMNS[k];
    }
    c.rect(M, TABLE_TOP, IW, bottom - TABLE_TOP, 2.2, RULE);
    c.line(M, TABLE_TOP + HEAD_H, M + IW, TABLE_TOP + HEAD_H, 1.3, RULE);
    List<ReceiptItem> items = f.items();
    long stay = f.admissionDate() == null || f.dischargeDate() == null ? 1
        : Math.max(1, f.admissionDate().until(f.dischargeDate()).getDays());
    boolean insured = !"自费".equals(f.insuranceType());
    for (int i = 0; i < items.size(); i++) {
      ReceiptItem it = items.get(i);
      double y = TABLE_TOP + HEAD_H + ROW_H * i + ROW_H * 0.72;
      long qty = quantity(it, stay);
      BigDecimal unit = it.amount().divide(BigDecimal.valueOf(qty), 2, RoundingMode.UNNECESSARY);
      String[] cls = insured ? CLASSES.getOrDefault(it.name(), new String[] {"乙", "10%"})
          : new String[] {"丙", "100%"};
      // A 丙 (self-paid) line needs a 自费 on the receipt that can hold it.
      if (insured && cls[0].equals("丙") && (f.selfExpense() == null
          || f.selfExpense().compareTo(it.amount()) < 0)) {
        cls = new String[] {"乙", "10%"};
      }
      double cx = M;
      p.print(c, it.name(), cx + 20, y);
      cx += COLUMNS[0];
      p.right(c, String.valueOf(qty), cx + COLUMNS[1] - 24, y);
      cx += COLUMNS[1];
      p.right(c, plain(unit), cx + COLUMNS[2] - 24, y);
      cx += COLUMNS[2];
      p.right(c, plain(it.amount()), cx + COLUMNS[3] - 24, y);
      cx += COLUMNS[3];
      p.center(c, cls[0], cx + COLUMNS[4] / 2, y);
      cx += COLUMNS[4];
      p.center(c, cls[1], cx + COLUMNS[5] / 2, y);
    }

    double ty = totalsTop(data);
    boxes(c, p, ty, new String[] {"合计(大写)", "合计(小写)"},
        new String[] {f.totalAmountInWords(), "￥" + plain(f.totalAmount())}, new double[] {1440, 600});
    String[] payHeads = {"统筹支付", "附加支付", "账户支付", "现金支付", "自负", "自费"};
    String[] payValues = {yuan(f.fundPayment()), yuan(f.otherPayment()),
        yuan(f.personalAccountPayment()), yuan(f.personalCashPayment()), yuan(f.selfPayPortion()),
        yuan(f.selfExpense())};
    boxes(c, p, ty + BOX_H, payHeads, payValues, new double[] {340, 340, 340, 340, 340, 340});

    double fy = footerY(data);
    c.text("收款单位(盖章)", M, fy, FORM_FACE, 32, FORM);
    double nameX = M + c.width("收款单位(盖章)", FORM_FACE, 32) + 30;
    p.print(c, f.hospitalName(), nameX, fy);
    c.text("收款员", 1480, fy, FORM_FACE, 32, FORM);
    p.print(c, f.extra().get("收款人"), 1480 + c.width("收款员", FORM_FACE, 32) + 24, fy);
    c.text("复核", 1820, fy, FORM_FACE, 32, FORM);
    p.print(c, f.extra().get("复核人"), 1820 + c.width("复核", FORM_FACE, 32) + 24, fy);

    boolean overPayments = random.nextDouble() < 0.4;
    if (overPayments) {
      seal(c, fonts, f.hospitalName(), "住院收费专用章", 1500, ty + BOX_H * 1.2, 300, random);
    } else {
      double end = nameX + c.width(f.hospitalName(), PRINT_FACE, V);
      seal(c, fonts, f.hospitalName(), "住院收费专用章", (nameX + end) / 2, fy - 40, 300, random);
    }
    return new Drawn(overPayments ? "totals" : "name", Map.of("printer", p.dots() ? "dot-matrix" : "laser"));
  }

  /** Boxes with the form's label in the top corner and the printed value below it. */
  private static void boxes(Canvas c, Printer p, double y, String[] labels, String[] values,
      double[] widths) {
    double x = M;
    for (int k = 0; k < labels.length; k++) {
      c.text(labels[k], x + 12, y + 32, FORM_FACE, L, FORM);
      p.print(c, values[k], x + 22, y + BOX_H - 18);
      if (k > 0) {
        c.line(x, y, x, y + BOX_H, 1.3, RULE);
      }
      x += widths[k];
    }
    c.rect(M, y, IW, BOX_H, 2.2, RULE);
  }

  /** Days for a daily charge whose amount is a whole daily rate times the stay; otherwise one. */
  private static long quantity(ReceiptItem it, long stay) {
    if (!PER_DAY.contains(it.name())) {
      return 1;
    }
    long cents = it.amount().movePointRight(2).longValueExact();
    return cents % stay == 0 ? stay : 1;
  }

  /** The settlement boxes print the unit after the amount, 3843.57元. */
  private static String yuan(BigDecimal amount) {
    return plain(amount) + "元";
  }

  private static String date(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
