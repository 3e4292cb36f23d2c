package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Family B: 医疗住院收费电子票据, items in two side-by-side column groups, also as PDF. */
final class ElectronicInpatientLayout extends ReceiptLayout {

  private static final Color TITLE = new Color(150, 36, 36);
  private static final Color RULE = new Color(120, 72, 60);
  private static final Color LABEL = new Color(90, 50, 40);
  private static final Color INK = new Color(20, 20, 30);
  private static final double M = 110;
  private static final double W = 2339;
  private static final double TABLE_TOP = 500;
  private static final double ROW = 56;
  private static final double S = 34;

  @Override
  String family() {
    return "B";
  }

  @Override
  DocumentType documentType() {
    return DocumentType.INPATIENT_RECEIPT;
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
    return (int) (footerY(data) + 200);
  }

  @Override
  Color paper() {
    return Color.WHITE;
  }

  @Override
  ReceiptFields printed(ReceiptFields all) {
    return without(all, "visitDate");
  }

  private static int itemRows(ReceiptData data) {
    return Math.max(5, (data.fields().items().size() + 1) / 2);
  }

  private static double footerY(ReceiptData data) {
    return TABLE_TOP + ROW * (itemRows(data) + 1) + 70 + 2 * ROW + 90;
  }

  @Override
  Drawn draw(Canvas c, ReceiptData data, ReceiptFonts fonts, Random random) {
    ReceiptFields f = data.fields();
    Map<String, String> extra = f.extra();
    fakeQr(c, f.invoiceNumber(), M, 60, 200);

    String title = data.province() + "医疗住院收费电子票据";
    c.center(title, W / 2, 170, Face.SANS_BOLD, 66, TITLE);
    double tw = c.width(title, Face.SANS_BOLD, 66);
    c.line(W / 2 - tw / 2, 195, W / 2 + tw / 2, 195, 3, TITLE);
    c.line(W / 2 - tw / 2, 203, W / 2 + tw / 2, 203, 1.5, TITLE);

    double rx = 1720;
    pair(c, "票据代码：", f.invoiceCode(), rx, 100, Face.SANS, S, LABEL, INK);
    pair(c, "票据号码：", f.invoiceNumber(), rx, 150, Face.SANS, S, LABEL, INK);
    pair(c, "校 验 码：", f.checkCode(), rx, 200, Face.SANS, S, LABEL, INK);
    pair(c, "开票日期：", String.valueOf(f.issueDate()), rx, 250, Face.SANS, S, LABEL, INK);

    pair(c, "交款人统一社会信用代码：", f.payerIdMasked(), M, 340, Face.SANS, S, LABEL, INK);
    pair(c, "交款人：", f.payerName(), 1020, 340, Face.SANS, S, LABEL, INK);
    pair(c, "住院号：", extra.get("住院号"), 1500, 340, Face.SANS, S, LABEL, INK);
    pair(c, "住院时间：", f.admissionDate() + " 至 " + f.dischargeDate(), M, 395, Face.SANS, S,
        LABEL, INK);
    pair(c, "住院天数：", days(f.hospitalDays()), 1020, 395, Face.SANS, S, LABEL, INK);
    pair(c, "科室：", extra.get("科室"), 1500, 395, Face.SANS, S, LABEL, INK);
    pair(c, "医疗机构类型：", f.hospitalType(), M, 450, Face.SANS, S, LABEL, INK);
    pair(c, "医保类型：", f.insuranceType(), 1020, 450, Face.SANS, S, LABEL, INK);

    int rows = itemRows(data);
    double right = W - M;
    double half = (right - M) / 2;
    double tableBottom = TABLE_TOP + ROW * (rows + 1);
    c.rect(M, TABLE_TOP, right - M, tableBottom - TABLE_TOP, 2.5, RULE);
    c.line(M + half, TABLE_TOP, M + half, tableBottom, 2.5, RULE);
    double[] cols = {0, 430, 600, 880};
    for (int g = 0; g < 2; g++) {
      double gx = M + g * half;
      for (int k = 1; k < cols.length; k++) {
        c.line(gx + cols[k], TABLE_TOP, gx + cols[k], tableBottom, 1.2, RULE);
      }
      double hy = TABLE_TOP + ROW * 0.7;
      c.center("项目名称", gx + cols[1] / 2, hy, Face.SANS_BOLD, S, LABEL);
      c.center("数量", gx + (cols[1] + cols[2]) / 2, hy, Face.SANS_BOLD, S, LABEL);
      c.center("金额(元)", gx + (cols[2] + cols[3]) / 2, hy, Face.SANS_BOLD, S, LABEL);
      c.center("备注", gx + (cols[3] + half) / 2, hy, Face.SANS_BOLD, S, LABEL);
    }
    c.line(M, TABLE_TOP + ROW, right, TABLE_TOP + ROW, 1.2, RULE);
    List<ReceiptItem> items = f.items();
    // A receipt drawn without its dates (to test what a missing field does) counts one night.
    long nights = f.admissionDate() == null || f.dischargeDate() == null ? 1
        : f.admissionDate().until(f.dischargeDate()).getDays();
    // Filled row by row, left group then right, so reading order is the item order.
    for (int i = 0; i < items.size(); i++) {
      ReceiptItem it = items.get(i);
      double gx = M + (i % 2) * half;
      double y = TABLE_TOP + ROW * (i / 2 + 1) + ROW * 0.7;
      c.text(it.name(), gx + 18, y, Face.SANS, S, INK);
      boolean daily = it.name().equals("床位费") || it.name().equals("护理费")
          || it.name().equals("诊察费");
      c.center(daily ? String.valueOf(Math.max(1, nights)) : "1", gx + (cols[1] + cols[2]) / 2, y,
          Face.SANS, S, INK);
      c.right(plain(it.amount()), gx + cols[3] - 16, y, Face.SANS, S, INK);
    }

    double ty = tableBottom;
    c.rect(M, ty, right - M, 70, 2.5, RULE);
    pair(c, "合计(大写)：", f.totalAmountInWords(), M + 18, ty + 48, Face.SANS_BOLD, S, LABEL, INK);
    pair(c, "(小写)：", "¥" + plain(f.totalAmount()), M + half + 300, ty + 48, Face.SANS_BOLD, S,
        LABEL, INK);

    double py = ty + 70;
    c.rect(M, py, right - M, 2 * ROW, 2.5, RULE);
    double[] px = {M + 18, M + 560, M + 1080, M + 1560};
    pair(c, "统筹支付：", plain(f.fundPayment()), px[0], py + 40, Face.SANS, S, LABEL, INK);
    pair(c, "其他支付：", plain(f.otherPayment()), px[1], py + 40, Face.SANS, S, LABEL, INK);
    pair(c, "个人账户支付：", plain(f.personalAccountPayment()), px[2], py + 40, Face.SANS, S,
        LABEL, INK);
    pair(c, "现金支付：", plain(f.personalCashPayment()), px[3], py + 40, Face.SANS, S, LABEL, INK);
    pair(c, "个人自付：", plain(f.selfPayPortion()), px[0], py + 40 + ROW, Face.SANS, S, LABEL, INK);
    pair(c, "个人自费：", plain(f.selfExpense()), px[1], py + 40 + ROW, Face.SANS, S, LABEL, INK);
    pair(c, "业务流水号：", extra.get("业务流水号"), px[2], py + 40 + ROW, Face.SANS, S, LABEL, INK);

    double fy = footerY(data);
    double end = pair(c, "收款单位(章)：", f.hospitalName(), M, fy, Face.SANS, S, LABEL, INK);
    pair(c, "复核人：", extra.get("复核人"), 1450, fy, Face.SANS, S, LABEL, INK);
    pair(c, "收款人：", extra.get("收款人"), 1850, fy, Face.SANS, S, LABEL, INK);
    double nameStart = M + c.width("收款单位(章)：", Face.SANS, S);
    seal(c, fonts, f.hospitalName(), "财务专用章", (nameStart + end) / 2, fy - 40, 300, random);
    return new Drawn("name");
  }

  /** A QR-like square of modules derived from the invoice number (not decodable). */
  private static void fakeQr(Canvas c, String text, double x, double y, double size) {
    int n = 25;
    double m = size / n;
    Random r = new Random(text.hashCode());
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean finder = (i < 7 && j < 7) || (i < 7 && j >= n - 7) || (i >= n - 7 && j < 7);
        boolean on = finder ? finderModule(i % (n - 7), j % (n - 7)) : r.nextBoolean();
        if (on) {
          c.fillRect(x + j * m, y + i * m, m + 0.5, m + 0.5, Color.BLACK);
        }
      }
    }
  }

  private static boolean finderModule(int i, int j) {
    int d = Math.max(Math.abs(i - 3), Math.abs(j - 3));
    return d != 2;
  }
}
