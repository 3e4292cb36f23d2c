package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.util.List;
import java.util.Random;

/** Family D: portrait 住院 机打 receipt, a long numbered item list, 1,234.56 and 2026年03月15日. */
final class ListInpatientLayout extends ReceiptLayout {

  private static final Color TITLE = new Color(30, 50, 120);
  private static final Color RULE = new Color(60, 70, 110);
  private static final Color INK = new Color(15, 15, 15);
  private static final double X0 = 110;
  private static final double X1 = 1544;
  private static final double LINE = 58;
  private static final double S = 34;
  private static final double INFO_TOP = 360;
  private static final double LIST_TOP = INFO_TOP + 5 * LINE + 30;

  @Override
  String family() {
    return "D";
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
    return 1654;
  }

  @Override
  int height(ReceiptData data) {
    return (int) (footerY(data) + 130);
  }

  @Override
  Color paper() {
    return new Color(253, 253, 250);
  }

  @Override
  ReceiptFields printed(ReceiptFields all) {
    return without(all, "checkCode", "visitDate");
  }

  private static double listBottom(ReceiptData data) {
    return LIST_TOP + LINE * (data.fields().items().size() + 1) + 20;
  }

  private static double footerY(ReceiptData data) {
    return listBottom(data) + 2 * LINE + 3 * LINE + 110;
  }

  @Override
  Drawn draw(Canvas c, ReceiptData data, ReceiptFonts fonts, Random random) {
    ReceiptFields f = data.fields();
    c.center(data.province() + "住院收费票据", 827, 150, Face.SERIF_BOLD, 64, TITLE);
    c.center("（机打）", 827, 205, Face.SERIF, 34, TITLE);
    c.line(X0, 225, X1, 225, 3, RULE);

    pair(c, "开票日期：", chineseDate(f.issueDate()), X0, 285, Face.HEI, S, TITLE, INK);
    pair(c, "票据代码：", f.invoiceCode(), 930, 285, Face.HEI, S, TITLE, INK);
    pair(c, "住院号：", f.extra().get("住院号"), X0, 335, Face.HEI, S, TITLE, INK);
    pair(c, "票据号码：", f.invoiceNumber(), 930, 335, Face.HEI, S, TITLE, INK);

    double y = INFO_TOP + LINE;
    double col2 = 860;
    pair(c, "交款人：", f.payerName(), X0, y, Face.HEI, S, TITLE, INK);
    pair(c, "性别：", f.extra().get("性别"), col2, y, Face.HEI, S, TITLE, INK);
    y += LINE;
    pair(c, "身份证号：", f.payerIdMasked(), X0, y, Face.HEI, S, TITLE, INK);
    pair(c, "科室：", f.extra().get("科室"), col2, y, Face.HEI, S, TITLE, INK);
    y += LINE;
    pair(c, "入院日期：", chineseDate(f.admissionDate()), X0, y, Face.HEI, S, TITLE, INK);
    pair(c, "出院日期：", chineseDate(f.dischargeDate()), col2, y, Face.HEI, S, TITLE, INK);
    y += LINE;
    pair(c, "住院天数：", days(f.hospitalDays()) + "天", X0, y, Face.HEI, S, TITLE, INK);
    pair(c, "医疗机构类型：", f.hospitalType(), col2, y, Face.HEI, S, TITLE, INK);
    y += LINE;
    pair(c, "医保类型：", f.insuranceType(), X0, y, Face.HEI, S, TITLE, INK);

    double ly = LIST_TOP;
    c.line(X0, ly, X1, ly, 2.5, RULE);
    c.text("序号", X0 + 10, ly + LINE * 0.7, Face.SERIF_BOLD, S, TITLE);
    c.text("项目名称", X0 + 170, ly + LINE * 0.7, Face.SERIF_BOLD, S, TITLE);
    c.right("金额(元)", X1 - 10, ly + LINE * 0.7, Face.SERIF_BOLD, S, TITLE);
    c.line(X0, ly + LINE, X1, ly + LINE, 1.5, RULE);
    List<ReceiptItem> items = f.items();
    for (int i = 0; i < items.size(); i++) {
      double iy = ly + LINE * (i + 1) + LINE * 0.7;
      c.text(String.valueOf(i + 1), X0 + 30, iy, Face.HEI, S, INK);
      double end = X0 + 170 + c.width(items.get(i).name(), Face.HEI, S);
      c.text(items.get(i).name(), X0 + 170, iy, Face.HEI, S, INK);
      String amount = grouped(items.get(i).amount());
      double start = X1 - 10 - c.width(amount, Face.HEI, S);
      c.dashed(end + 20, iy - 8, start - 20, 4, 2, new Color(150, 150, 150));
      c.text(amount, start, iy, Face.HEI, S, INK);
    }
    double lb = listBottom(data);
    c.line(X0, lb, X1, lb, 2.5, RULE);

    double ty = lb + LINE;
    pair(c, "合计(小写)：", "¥" + grouped(f.totalAmount()), X0, ty, Face.HEI, S, TITLE, INK);
    pair(c, "合计(大写)：", f.totalAmountInWords(), X0, ty + LINE, Face.HEI, S, TITLE, INK);

    double py = ty + 2 * LINE;
    double half = 760;
    pair(c, "医保统筹基金支付：", grouped(f.fundPayment()), X0, py, Face.HEI, S, TITLE, INK);
    pair(c, "其他支付：", grouped(f.otherPayment()), X0 + half, py, Face.HEI, S, TITLE, INK);
    pair(c, "个人账户支付：", grouped(f.personalAccountPayment()), X0, py + LINE, Face.HEI, S, TITLE,
        INK);
    pair(c, "个人现金支付：", grouped(f.personalCashPayment()), X0 + half, py + LINE, Face.HEI, S,
        TITLE, INK);
    pair(c, "个人自付：", grouped(f.selfPayPortion()), X0, py + 2 * LINE, Face.HEI, S, TITLE, INK);
    pair(c, "个人自费：", grouped(f.selfExpense()), X0 + half, py + 2 * LINE, Face.HEI, S, TITLE,
        INK);

    double fy = footerY(data);
    c.line(X0, fy - 70, X1, fy - 70, 1.5, RULE);
    double end = pair(c, "收款单位(章)：", f.hospitalName(), X0, fy, Face.HEI, S, TITLE, INK);
    pair(c, "收款人：", f.extra().get("收款人"), 1200, fy, Face.HEI, S, TITLE, INK);
    double start = X0 + c.width("收款单位(章)：", Face.HEI, S);
    boolean overTotals = random.nextDouble() < 0.3;
    if (overTotals) {
      seal(c, fonts, f.hospitalName(), "住院收费专用章", 1150, ty + 20, 300, random);
    } else {
      seal(c, fonts, f.hospitalName(), "住院收费专用章", (start + end) / 2, fy - 40, 300, random);
    }
    return new Drawn(overTotals ? "totals" : "name");
  }
}
