package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.util.List;
import java.util.Random;

/** Family C: regional 门诊 机打 receipt, serif, every label printed above its value. */
final class RegionalOutpatientLayout extends ReceiptLayout {

  private static final Color RED = new Color(190, 30, 30);
  private static final Color RULE = new Color(40, 90, 60);
  private static final Color LABEL = new Color(30, 80, 50);
  private static final Color SHADE = new Color(232, 243, 234);
  private static final Color INK = new Color(25, 25, 25);
  private static final double X0 = 100;
  private static final double GRID = 2000;
  private static final double CELL_H = 66;
  private static final int PER_ROW = 6;
  private static final double S = 36;

  @Override
  String family() {
    return "C";
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
    return 2200;
  }

  @Override
  int height(ReceiptData data) {
    return (int) (itemsTop() + itemBands(data) * 2 * CELL_H + 2 * CELL_H + CELL_H + 340);
  }

  @Override
  Color paper() {
    return new Color(250, 252, 248);
  }

  @Override
  ReceiptFields printed(ReceiptFields all) {
    return without(all, "checkCode", "payerIdMasked", "hospitalType", "otherPayment",
        "admissionDate", "dischargeDate", "hospitalDays");
  }

  private static double itemsTop() {
    return 270 + 2 * CELL_H + 40;
  }

  private static int itemBands(ReceiptData data) {
    return (data.fields().items().size() + PER_ROW - 1) / PER_ROW;
  }

  @Override
  Drawn draw(Canvas c, ReceiptData data, ReceiptFonts fonts, Random random) {
    ReceiptFields f = data.fields();
    c.image(SealPainter.oval(fonts, data.province() + (data.province().endsWith("市") ? "财政局" : "财政厅"), "监  制", 250, 120), 110, 30, 250,
        120);
    c.center(data.province() + "医疗机构门诊收费票据", 1100, 130, Face.SERIF_BOLD, 62, LABEL);
    c.center("(机  打)", 1100, 190, Face.SERIF, 32, LABEL);
    pair(c, "票据代码 ", f.invoiceCode(), X0, 240, Face.SERIF, 32, LABEL, INK);
    c.right("No." + f.invoiceNumber(), X0 + GRID, 130, Face.SERIF_BOLD, 44, RED);
    c.right("第一联 收据联", X0 + GRID, 240, Face.SERIF, 30, LABEL);

    double y = 270;
    String[] heads = {"患者姓名", "性别", "医保类型", "就诊日期", "门诊号", "科室"};
    String[] values = {f.payerName(), f.extra().get("性别"), f.insuranceType(),
        f.visitDate().toString(), f.extra().get("门诊号"), f.extra().get("科室")};
    double[] widths = {300, 150, 520, 360, 360, 310};
    labelAbove(c, heads, values, widths, y);

    double iy = itemsTop();
    List<ReceiptItem> items = f.items();
    double cell = GRID / PER_ROW;
    for (int band = 0; band < itemBands(data); band++) {
      double by = iy + band * 2 * CELL_H;
      c.fillRect(X0, by, GRID, CELL_H, SHADE);
      for (int k = 0; k < PER_ROW; k++) {
        int i = band * PER_ROW + k;
        double cx = X0 + k * cell + cell / 2;
        if (i < items.size()) {
          c.center(items.get(i).name(), cx, by + CELL_H * 0.7, Face.SERIF, S, LABEL);
          c.center(plain(items.get(i).amount()), cx, by + CELL_H * 1.7, Face.SERIF, S, INK);
        }
        c.line(X0 + k * cell, by, X0 + k * cell, by + 2 * CELL_H, 1.2, RULE);
      }
      c.rect(X0, by, GRID, 2 * CELL_H, 2, RULE);
      c.line(X0, by + CELL_H, X0 + GRID, by + CELL_H, 1, RULE);
    }

    double py = iy + itemBands(data) * 2 * CELL_H + 30;
    String[] payHeads = {"金额合计", "基金支付", "个人账户", "个人现金", "自付", "自费"};
    String[] payValues = {plain(f.totalAmount()), plain(f.fundPayment()),
        plain(f.personalAccountPayment()), plain(f.personalCashPayment()),
        plain(f.selfPayPortion()), plain(f.selfExpense())};
    double[] payWidths = {cell, cell, cell, cell, cell, cell};
    labelAbove(c, payHeads, payValues, payWidths, py);

    double wy = py + 2 * CELL_H;
    c.rect(X0, wy, GRID, CELL_H, 2, RULE);
    pair(c, "人民币(大写)  ", f.totalAmountInWords(), X0 + 20, wy + CELL_H * 0.7, Face.SERIF, S,
        LABEL, INK);

    double fy = wy + CELL_H + 90;
    double end = pair(c, "收款单位(盖章)：", f.hospitalName(), X0, fy, Face.SERIF, S, LABEL, INK);
    pair(c, "收款员：", f.extra().get("收款人"), 1150, fy, Face.SERIF, S, LABEL, INK);
    pair(c, "开票时间：", f.issueDate() + " " + f.extra().get("开票时间"), 1500, fy, Face.SERIF, 32,
        LABEL, INK);
    double start = X0 + c.width("收款单位(盖章)：", Face.SERIF, S);
    seal(c, fonts, f.hospitalName(), "收费专用章", (start + end) / 2, fy - 30, 290, random);
    return new Drawn("name");
  }

  /** A two-row block: shaded label cells with the values in the row below. */
  private static void labelAbove(Canvas c, String[] heads, String[] values, double[] widths,
      double y) {
    double x = X0;
    double total = 0;
    for (double w : widths) {
      total += w;
    }
    c.fillRect(X0, y, total, CELL_H, SHADE);
    for (int k = 0; k < heads.length; k++) {
      c.center(heads[k], x + widths[k] / 2, y + CELL_H * 0.7, Face.SERIF, S, LABEL);
      c.center(values[k], x + widths[k] / 2, y + CELL_H * 1.7, Face.SERIF, S, INK);
      c.line(x, y, x, y + 2 * CELL_H, 1.2, RULE);
      x += widths[k];
    }
    c.rect(X0, y, total, 2 * CELL_H, 2, RULE);
    c.line(X0, y + CELL_H, X0 + total, y + CELL_H, 1, RULE);
  }
}
