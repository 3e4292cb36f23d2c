package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Family H: a Beijing 门诊 receipt, 机打 on a blue pre-printed slip. Labels stand before their values with no
 * colon; charges run three 项目/金额 pairs to a row; the settlement speaks Beijing's words (统筹基金支付, 大额互助,
 * 现金, 自付一, 自付二, 自费) beside running totals that are no payment of this visit; dates read 2026.03.05 and
 * the total carries ￥. There is no single 个人自付 figure: it is split into 自付一 and 自付二.
 */
final class BeijingOutpatientLayout extends ReceiptLayout {

  private static final Color FORM = new Color(45, 90, 160);
  private static final Color RULE = new Color(90, 130, 190);
  private static final Color INK = new Color(15, 15, 20);
  private static final Face LABEL_FACE = Face.SANS;
  private static final Face VALUE_FACE = Face.HEI_MONO;
  private static final double W = 1900;
  private static final double M = 80;
  private static final double IW = W - 2 * M;
  private static final double LS = 29;
  private static final double VS = 32;
  private static final double HEAD_TOP = 250;
  private static final double LINE = 54;
  private static final double ITEMS_TOP = HEAD_TOP + 2 * LINE + 34;
  private static final double ROW = 50;
  private static final int PAIRS = 3;

  @Override
  String family() {
    return "H";
  }

  @Override
  DocumentType documentType() {
    return DocumentType.OUTPATIENT_RECEIPT;
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
    return (int) (footerY(data) + 100);
  }

  @Override
  Color paper() {
    return new Color(249, 251, 253);
  }

  @Override
  Set<String> provinces() {
    return Set.of("北京");
  }

  @Override
  ReceiptFields printed(ReceiptFields all) {
    return without(all, "checkCode", "hospitalType", "selfPayPortion", "admissionDate", "dischargeDate",
        "hospitalDays");
  }

  /** The settlement figures this slip prints beyond the contract fields, in printed order. */
  private record Settlement(BigDecimal selfPayOne, BigDecimal selfPayTwo, BigDecimal overCap,
      BigDecimal inScope, BigDecimal inScopeYear, BigDecimal bigFundYear, BigDecimal accountLeft) {}

  private static Settlement settlement(ReceiptData data) {
    ReceiptFields f = data.fields();
    // Drawn from the receipt itself, so the image and the ground truth agree.
    Random r = new Random(String.valueOf(f.invoiceCode()).hashCode() * 131L
        + String.valueOf(f.invoiceNumber()).hashCode());
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    BigDecimal selfPay = f.selfPayPortion() == null ? zero : f.selfPayPortion();
    // 自付二 is the share of 乙类 items paid first by the patient; 自付一 the rest of 个人自付.
    BigDecimal two = selfPay.signum() > 0 && r.nextBoolean()
        ? selfPay.multiply(BigDecimal.valueOf(0.05 + r.nextDouble() * 0.3)).setScale(2, RoundingMode.HALF_UP)
        : zero;
    BigDecimal total = f.totalAmount() == null ? zero : f.totalAmount();
    BigDecimal expense = f.selfExpense() == null ? zero : f.selfExpense();
    BigDecimal inScope = total.subtract(expense).max(zero);
    BigDecimal before = BigDecimal.valueOf(r.nextInt(800_000), 2);
    BigDecimal year = inScope.add(before);
    // The yearly 大额互助 fund pays outpatient costs above 2,000 yuan in the year.
    BigDecimal bigFund = year.compareTo(BigDecimal.valueOf(2000)) > 0 && r.nextBoolean()
        ? BigDecimal.valueOf(r.nextInt(300_000), 2) : zero;
    boolean employee = f.insuranceType() != null && f.insuranceType().startsWith("职工");
    BigDecimal left = employee ? BigDecimal.valueOf(r.nextInt(600_000), 2) : zero;
    return new Settlement(selfPay.subtract(two), two, zero, inScope, year, bigFund, left);
  }

  @Override
  Map<String, String> printedExtra(ReceiptData data) {
    Settlement s = settlement(data);
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("自付一", plain(s.selfPayOne()));
    extra.put("自付二", plain(s.selfPayTwo()));
    extra.put("超封顶金额", plain(s.overCap()));
    extra.put("本次医保范围内金额", plain(s.inScope()));
    extra.put("累计医保内范围金额", plain(s.inScopeYear()));
    extra.put("年度门诊大额累计支付", plain(s.bigFundYear()));
    extra.put("本次支付后个人账户余额", plain(s.accountLeft()));
    return extra;
  }

  private static int itemRows(ReceiptData data) {
    return Math.max(3, (data.fields().items().size() + PAIRS - 1) / PAIRS);
  }

  private static double totalsTop(ReceiptData data) {
    return ITEMS_TOP + ROW * (itemRows(data) + 1);
  }

  private static double settlementTop(ReceiptData data) {
    return totalsTop(data) + 66 + 20;
  }

  private static double footerY(ReceiptData data) {
    return settlementTop(data) + 4 * LINE + 20 + 80;
  }

  @Override
  Drawn draw(Canvas c, ReceiptData data, ReceiptFonts fonts, Random random) {
    ReceiptFields f = data.fields();
    Settlement s = settlement(data);
    String bureau = data.province() + (data.province().endsWith("市") ? "财政局" : "财政厅");
    c.image(SealPainter.oval(fonts, bureau, "监  制", 220, 100), M, 24, 220, 100);
    String title = data.province() + "医疗门诊收费票据";
    double spacing = 10;
    double tw = 0;
    for (int i = 0; i < title.length(); i++) {
      tw += c.width(title.substring(i, i + 1), Face.HEI, 56) + (i > 0 ? spacing : 0);
    }
    double tx = W / 2 - tw / 2;
    for (int i = 0; i < title.length(); i++) {
      String ch = title.substring(i, i + 1);
      c.text(ch, tx, 96, Face.HEI, 56, FORM);
      tx += c.width(ch, Face.HEI, 56) + spacing;
    }
    c.line(W / 2 - tw / 2, 118, W / 2 + tw / 2, 118, 2, FORM);
    c.line(W / 2 - tw / 2, 125, W / 2 + tw / 2, 125, 1, FORM);
    c.center("(机打)", W / 2, 172, LABEL_FACE, 28, FORM);
    barcode(c, f.invoiceNumber(), W - M - 380, 30, 380, 64);
    label(c, "票据号码", f.invoiceNumber(), W - M - 380, 130);
    label(c, "票据代码", f.invoiceCode(), M, 190);

    double y = HEAD_TOP;
    label(c, "交款人", f.payerName(), M, y);
    label(c, "社会保障号码", f.payerIdMasked(), 640, y);
    label(c, "性别", f.extra().get("性别"), 1380, y);
    y += LINE;
    label(c, "门诊号", f.extra().get("门诊号"), M, y);
    label(c, "科别", f.extra().get("科室"), 640, y);
    label(c, "就诊日期", dotted(f.visitDate()), 1380, y);
    y += LINE;
    label(c, "医保类别", f.insuranceType(), M, y);

    int rows = itemRows(data);
    double top = ITEMS_TOP;
    double bottom = top + ROW * (rows + 1);
    double pair = IW / PAIRS;
    c.rect(M, top, IW, bottom - top, 2, RULE);
    c.line(M, top + ROW, M + IW, top + ROW, 1, RULE);
    for (int k = 0; k < PAIRS; k++) {
      double px = M + k * pair;
      c.text("项目", px + 20, top + ROW * 0.7, LABEL_FACE, LS, FORM);
      c.right("金额", px + pair - 24, top + ROW * 0.7, LABEL_FACE, LS, FORM);
      if (k > 0) {
        c.line(px, top, px, bottom, 1.5, RULE);
      }
    }
    List<ReceiptItem> items = f.items();
    for (int i = 0; i < items.size(); i++) {
      double px = M + (i % PAIRS) * pair;
      double iy = top + ROW * (i / PAIRS + 1) + ROW * 0.7;
      c.text(items.get(i).name(), px + 20, iy, VALUE_FACE, VS, INK);
      c.right(plain(items.get(i).amount()), px + pair - 24, iy, VALUE_FACE, VS, INK);
    }

    double ty = totalsTop(data);
    c.rect(M, ty, IW, 66, 2, RULE);
    label(c, "合计金额(大写)", f.totalAmountInWords(), M + 20, ty + 46);
    c.right("￥" + plain(f.totalAmount()), M + IW - 24, ty + 46, VALUE_FACE, VS, INK);

    double sy = settlementTop(data);
    c.rect(M, sy, IW, 4 * LINE + 20, 2, RULE);
    double quarter = IW / 4;
    double ly = sy + LINE * 0.8;
    slot(c, "统筹基金支付", plain(f.fundPayment()), M, quarter, ly);
    slot(c, "大额互助", plain(f.otherPayment()), M + quarter, quarter, ly);
    slot(c, "个人账户支付", plain(f.personalAccountPayment()), M + 2 * quarter, quarter, ly);
    slot(c, "现金", plain(f.personalCashPayment()), M + 3 * quarter, quarter, ly);
    ly += LINE;
    slot(c, "自付一", plain(s.selfPayOne()), M, quarter, ly);
    slot(c, "自付二", plain(s.selfPayTwo()), M + quarter, quarter, ly);
    slot(c, "自费", plain(f.selfExpense()), M + 2 * quarter, quarter, ly);
    slot(c, "超封顶金额", plain(s.overCap()), M + 3 * quarter, quarter, ly);
    ly += LINE;
    slot(c, "本次医保范围内金额", plain(s.inScope()), M, 2 * quarter, ly);
    slot(c, "累计医保内范围金额", plain(s.inScopeYear()), M + 2 * quarter, 2 * quarter, ly);
    ly += LINE;
    slot(c, "年度门诊大额累计支付", plain(s.bigFundYear()), M, 2 * quarter, ly);
    slot(c, "本次支付后个人账户余额", plain(s.accountLeft()), M + 2 * quarter, 2 * quarter, ly);
    c.line(M + 2 * quarter, sy + 2 * LINE + 10, M + 2 * quarter, sy + 4 * LINE + 20, 1, RULE);
    c.line(M, sy + 2 * LINE + 10, M + IW, sy + 2 * LINE + 10, 1, RULE);

    double fy = footerY(data);
    double end = label(c, "收款单位(章)", f.hospitalName(), M, fy);
    label(c, "收款人", f.extra().get("收款人"), 1120, fy);
    label(c, "开票日期", dotted(f.issueDate()), 1420, fy);
    double start = M + c.width("收款单位(章)", LABEL_FACE, LS) + 16;
    boolean overSettlement = random.nextDouble() < 0.35;
    if (overSettlement) {
      seal(c, fonts, f.hospitalName(), "门诊收费专用章", M + IW * 0.62, sy + LINE * 1.3, 270, random);
    } else {
      seal(c, fonts, f.hospitalName(), "门诊收费专用章", (start + end) / 2, fy - 35, 270, random);
    }
    return new Drawn(overSettlement ? "totals" : "name");
  }

  /** A pre-printed label, then the printed value after a gap; returns the x after the value. */
  private static double label(Canvas c, String label, String value, double x, double y) {
    c.text(label, x, y, LABEL_FACE, LS, FORM);
    double vx = x + c.width(label, LABEL_FACE, LS) + 16;
    c.text(value, vx, y, VALUE_FACE, VS, INK);
    return vx + c.width(value, VALUE_FACE, VS);
  }

  /** A label at the slot's left and its amount right-aligned at the slot's right. */
  private static void slot(Canvas c, String label, String amount, double x, double width, double y) {
    c.text(label, x + 20, y, LABEL_FACE, LS, FORM);
    c.right(amount, x + width - 28, y, VALUE_FACE, VS, INK);
  }

  /** Bars of varying width from the digits (a look, not a decodable symbol). */
  private static void barcode(Canvas c, String digits, double x, double y, double w, double h) {
    Random r = new Random(digits.hashCode());
    double bx = x;
    boolean bar = true;
    while (bx < x + w) {
      double bw = (1 + r.nextInt(3)) * 2.6;
      if (bar) {
        c.fillRect(bx, y, Math.min(bw, x + w - bx), h, INK);
      }
      bx += bw;
      bar = !bar;
    }
  }

  private static String dotted(LocalDate d) {
    return String.format("%d.%02d.%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }
}
