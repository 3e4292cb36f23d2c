package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Family F: the 医疗收费电子票据 of a provincial 财政电子票据 platform, one title for 门诊 and 住院 alike. The header
 * is a ruled grid of label cells and value cells, the charges a two-pair 项目名称/金额 grid, and everything
 * medical (dates, 医保类型, the payment split, a stay's deposit) runs on as one paragraph in the 其他信息 box. A
 * QR code sits top right. Drawn in the Sharp cut of Zen Hei, which its PDF embeds.
 */
final class FinanceElectronicLayout extends ReceiptLayout {

  private static final Color TITLE = new Color(25, 60, 125);
  private static final Color RULE = new Color(70, 100, 150);
  private static final Color LABEL = new Color(35, 70, 130);
  private static final Color SHADE = new Color(234, 240, 250);
  private static final Color INK = new Color(20, 20, 25);
  private static final Face FACE = Face.HEI_SHARP;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Set<String> HALF_WIDTH_COLON = Set.of("广东省", "四川省", "湖北省", "河南省");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final double W = 2000;
  private static final double M = 90;
  private static final double IW = W - 2 * M;
  private static final double S = 30;
  private static final double HEAD_TOP = 250;
  private static final double RH = 64;
  private static final double ITEM_H = 56;
  private static final double NOTE_LINE = 46;
  private static final double NOTE_LABEL_W = 70;
  private static final double NOTE_PAD = 22;

  private final DocumentType type;

  FinanceElectronicLayout(DocumentType type) {
    this.type = type;
  }

  @Override
  String family() {
    return "F";
  }

  @Override
  DocumentType documentType() {
    return type;
  }

  @Override
  boolean electronic() {
    return true;
  }

  @Override
  int width() {
    return (int) W;
  }

  @Override
  int height(ReceiptData data) {
    return (int) (footerY(data) + 120);
  }

  @Override
  Color paper() {
    return Color.WHITE;
  }

  @Override
  String pdfFont() {
    return "WenQuanYiZenHeiSharp";
  }

  @Override
  ReceiptFields printed(ReceiptFields all) {
    return inpatient() ? without(all, "visitDate")
        : without(all, "admissionDate", "dischargeDate", "hospitalDays");
  }

  @Override
  Map<String, String> printedExtra(ReceiptData data) {
    if (!inpatient()) {
      return Map.of();
    }
    Deposit d = deposit(data);
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("预缴金额", plain(d.paid()));
    extra.put("补缴金额", plain(d.topUp()));
    extra.put("退费金额", plain(d.refund()));
    return extra;
  }

  private boolean inpatient() {
    return type == DocumentType.INPATIENT_RECEIPT;
  }

  /** A stay's deposit against its cash share: what was paid at admission, then topped up or refunded. */
  private record Deposit(BigDecimal paid, BigDecimal topUp, BigDecimal refund) {}

  private static Deposit deposit(ReceiptData data) {
    ReceiptFields f = data.fields();
    // Drawn from the receipt itself, so the image, the PDF and the ground truth agree.
    Random r = new Random(String.valueOf(f.invoiceCode()).hashCode() * 31L
        + String.valueOf(f.invoiceNumber()).hashCode());
    BigDecimal cash = f.personalCashPayment() == null ? BigDecimal.ZERO : f.personalCashPayment();
    BigDecimal total = f.totalAmount() == null ? BigDecimal.ZERO : f.totalAmount();
    // Admission asks for a round deposit, about a third to most of what the stay will cost.
    BigDecimal thousands = total.multiply(BigDecimal.valueOf(0.3 + r.nextDouble() * 0.6))
        .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP).max(BigDecimal.ONE);
    BigDecimal paid = thousands.multiply(BigDecimal.valueOf(1000)).setScale(2);
    BigDecimal diff = cash.subtract(paid).setScale(2);
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    return diff.signum() >= 0 ? new Deposit(paid, diff, zero) : new Deposit(paid, zero, diff.negate());
  }

  private static int itemRows(ReceiptData data) {
    return Math.max(4, (data.fields().items().size() + 1) / 2);
  }

  private static double itemsTop() {
    return HEAD_TOP + 2 * RH + 24;
  }

  private static double totalsTop(ReceiptData data) {
    return itemsTop() + ITEM_H * (itemRows(data) + 1);
  }

  private double notesTop(ReceiptData data) {
    return totalsTop(data) + RH;
  }

  private double notesHeight(ReceiptData data) {
    return Math.max(4 * 38 + 40, wrap(notes(data)).size() * NOTE_LINE + 30);
  }

  private double footerY(ReceiptData data) {
    return notesTop(data) + notesHeight(data) + 80;
  }

  /**
   * A token's width in the layout's face, measured on the font itself rather than on a canvas: the page
   * height depends on the wrapping and must be known before drawing. The PDF embeds the same TrueType cut,
   * so its widths agree.
   */
  private static double measure(String s) {
    return ReceiptFonts.load().font(FACE, (float) S).getStringBounds(s, FRC).getWidth();
  }

  private static double gap() {
    return S * 1.2;
  }

  /**
   * The 其他信息 paragraph, one "label：value" token each. Some provinces' platforms print the half-width colon
   * there.
   */
  private List<String> notes(ReceiptData data) {
    ReceiptFields f = data.fields();
    Map<String, String> x = f.extra();
    String c = HALF_WIDTH_COLON.contains(data.province()) ? ":" : "：";
    List<String> t = new ArrayList<>();
    t.add("业务流水号" + c + x.get("业务流水号"));
    if (inpatient()) {
      t.add("住院号" + c + x.get("住院号"));
      t.add("住院科别" + c + x.get("科室"));
      t.add("住院时间" + c + f.admissionDate().format(COMPACT) + "-" + f.dischargeDate().format(COMPACT));
      t.add("住院天数" + c + days(f.hospitalDays()));
    } else {
      t.add("门诊号" + c + x.get("门诊号"));
      t.add("就诊科室" + c + x.get("科室"));
      t.add("就诊日期" + c + f.visitDate().format(COMPACT));
    }
    t.add("医疗机构类型" + c + f.hospitalType());
    t.add("医保类型" + c + f.insuranceType());
    t.add("性别" + c + x.get("性别"));
    if (inpatient()) {
      Deposit d = deposit(data);
      t.add("预缴金额" + c + plain(d.paid()));
      t.add("补缴金额" + c + plain(d.topUp()));
      t.add("退费金额" + c + plain(d.refund()));
    }
    t.add("医保统筹基金支付" + c + plain(f.fundPayment()));
    t.add("其他支付" + c + plain(f.otherPayment()));
    t.add("个人账户支付" + c + plain(f.personalAccountPayment()));
    t.add("个人现金支付" + c + plain(f.personalCashPayment()));
    t.add("个人自付" + c + plain(f.selfPayPortion()));
    t.add("个人自费" + c + plain(f.selfExpense()));
    return t;
  }

  private static List<List<String>> wrap(List<String> tokens) {
    double right = IW - NOTE_LABEL_W - 2 * NOTE_PAD;
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    double x = 0;
    for (String token : tokens) {
      double w = measure(token);
      if (!line.isEmpty() && x + w > right) {
        lines.add(line);
        line = new ArrayList<>();
        x = 0;
      }
      line.add(token);
      x += w + gap();
    }
    lines.add(line);
    return lines;
  }

  @Override
  Drawn draw(Canvas c, ReceiptData data, ReceiptFonts fonts, Random random) {
    ReceiptFields f = data.fields();
    c.image(SealPainter.oval(fonts, "财政部", "监  制", 220, 104), M, 40, 220, 104);
    String title = data.province() + "医疗收费电子票据";
    c.center(title, W / 2, 130, FACE, 62, TITLE);
    double tw = c.width(title, FACE, 62);
    c.line(W / 2 - tw / 2 - 10, 158, W / 2 + tw / 2 + 10, 158, 2, TITLE);
    c.line(W / 2 - tw / 2 - 10, 166, W / 2 + tw / 2 + 10, 166, 2, TITLE);
    qr(c, f.invoiceCode() + f.invoiceNumber(), W - M - 170, 30, 170);
    c.center("扫码查验", W - M - 85, 228, FACE, 22, LABEL);

    cells(c, HEAD_TOP, new String[] {"票据代码", f.invoiceCode(), "票据号码", f.invoiceNumber(), "校验码",
        f.checkCode()}, new double[] {170, 330, 170, 380, 150, 620});
    cells(c, HEAD_TOP + RH, new String[] {"交款人", f.payerName(), "交款人统一社会信用代码",
        f.payerIdMasked(), "开票日期", String.valueOf(f.issueDate())},
        new double[] {170, 330, 400, 420, 150, 350});

    double top = itemsTop();
    int rows = itemRows(data);
    double group = IW / 2;
    double nameW = 560;
    double bottom = top + ITEM_H * (rows + 1);
    c.fillRect(M, top, IW, ITEM_H, SHADE);
    for (int g = 0; g < 2; g++) {
      double gx = M + g * group;
      c.center("项目名称", gx + nameW / 2, top + ITEM_H * 0.68, FACE, S, LABEL);
      c.center("金额（元）", gx + nameW + (group - nameW) / 2, top + ITEM_H * 0.68, FACE, S, LABEL);
      c.line(gx + nameW, top, gx + nameW, bottom, 1, RULE);
    }
    c.line(M + group, top, M + group, bottom, 2, RULE);
    c.line(M, top + ITEM_H, M + IW, top + ITEM_H, 1, RULE);
    c.rect(M, top, IW, bottom - top, 2, RULE);
    List<ReceiptItem> items = f.items();
    for (int i = 0; i < items.size(); i++) {
      double gx = M + (i % 2) * group;
      double y = top + ITEM_H * (i / 2 + 1) + ITEM_H * 0.68;
      c.text(items.get(i).name(), gx + 24, y, FACE, S, INK);
      c.right(plain(items.get(i).amount()), gx + group - 24, y, FACE, S, INK);
    }

    double ty = totalsTop(data);
    cells(c, ty, new String[] {"金额合计（大写）", f.totalAmountInWords(), "（小写）",
        plain(f.totalAmount())}, new double[] {300, 860, 200, 460});

    double ny = notesTop(data);
    double nh = notesHeight(data);
    c.fillRect(M, ny, NOTE_LABEL_W, nh, SHADE);
    c.rect(M, ny, IW, nh, 2, RULE);
    c.line(M + NOTE_LABEL_W, ny, M + NOTE_LABEL_W, ny + nh, 1, RULE);
    String vertical = "其他信息";
    double vy = ny + nh / 2 - 2 * 38 + 30;
    for (int i = 0; i < vertical.length(); i++) {
      c.center(vertical.substring(i, i + 1), M + NOTE_LABEL_W / 2, vy + i * 38, FACE, S, LABEL);
    }
    List<List<String>> lines = wrap(notes(data));
    double ly = ny + 15 + NOTE_LINE * 0.72;
    for (List<String> line : lines) {
      double x = M + NOTE_LABEL_W + NOTE_PAD;
      for (String token : line) {
        c.text(token, x, ly, FACE, S, INK);
        x += measure(token) + gap();
      }
      ly += NOTE_LINE;
    }

    double fy = footerY(data);
    double end = pair(c, "收款单位（章）：", f.hospitalName(), M, fy, FACE, S, LABEL, INK);
    pair(c, "复核人：", f.extra().get("复核人"), 1220, fy, FACE, S, LABEL, INK);
    pair(c, "收款人：", f.extra().get("收款人"), 1580, fy, FACE, S, LABEL, INK);
    double start = M + c.width("收款单位（章）：", FACE, S);
    seal(c, fonts, f.hospitalName(), "票据专用章", (start + end) / 2, fy - 40, 280, random);
    return new Drawn("name");
  }

  /** A ruled row of alternating label cells (shaded) and value cells. */
  private static void cells(Canvas c, double y, String[] texts, double[] widths) {
    double x = M;
    for (int k = 0; k < texts.length; k++) {
      boolean label = k % 2 == 0;
      if (label) {
        c.fillRect(x, y, widths[k], RH, SHADE);
        c.center(texts[k], x + widths[k] / 2, y + RH * 0.66, FACE, S, LABEL);
      } else {
        c.text(texts[k], x + 20, y + RH * 0.66, FACE, S, INK);
      }
      c.line(x, y, x, y + RH, 1, RULE);
      x += widths[k];
    }
    c.rect(M, y, IW, RH, 2, RULE);
  }

  /** A QR-like square: finder patterns, timing rows and modules from the text (not decodable). */
  private static void qr(Canvas c, String text, double x, double y, double size) {
    int n = 29;
    double m = size / n;
    Random r = new Random(text.hashCode() * 17L);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean on;
        int fi = i < 8 ? i : i >= n - 8 ? i - (n - 7) : -1;
        int fj = j < 8 ? j : j >= n - 8 ? j - (n - 7) : -1;
        boolean finderZone = (i < 8 && j < 8) || (i < 8 && j >= n - 8) || (i >= n - 8 && j < 8);
        if (finderZone) {
          int a = Math.min(fi, 7);
          int b = Math.min(fj, 7);
          on = a < 7 && b < 7 && a >= 0 && b >= 0 && finder(a, b);
        } else if (i == 6 || j == 6) {
          on = (i + j) % 2 == 0;
        } else {
          on = r.nextInt(100) < 48;
        }
        if (on) {
          c.fillRect(x + j * m, y + i * m, m + 0.4, m + 0.4, Color.BLACK);
        }
      }
    }
  }

  private static boolean finder(int i, int j) {
    int d = Math.max(Math.abs(i - 3), Math.abs(j - 3));
    return d != 2;
  }
}
