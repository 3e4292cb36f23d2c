package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.util.Random;

/** Family E: narrow small-print 门诊 receipt from a thermal printer (80 mm at 203 dpi). */
final class ThermalOutpatientLayout extends ReceiptLayout {

  private static final Color INK = new Color(55, 55, 60);
  private static final double W = 640;
  private static final double X0 = 24;
  private static final double X1 = W - 24;
  private static final double LINE = 34;
  private static final double S = 23;
  private static final int HEADER_LINES = 11;
  private static final int FOOTER_LINES = 11;

  @Override
  String family() {
    return "E";
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
    return (int) (LINE * (HEADER_LINES + data.fields().items().size() + FOOTER_LINES) + 80);
  }

  @Override
  Color paper() {
    return new Color(247, 247, 244);
  }

  @Override
  ReceiptFields printed(ReceiptFields all) {
    return without(all, "payerIdMasked", "hospitalType", "otherPayment", "admissionDate",
        "dischargeDate", "hospitalDays");
  }

  @Override
  Drawn draw(Canvas c, ReceiptData data, ReceiptFonts fonts, Random random) {
    ReceiptFields f = data.fields();
    double size = 30;
    while (c.width(f.hospitalName(), Face.HEI, size) > X1 - X0 && size > 16) {
      size -= 1;
    }
    double y = 60;
    c.center(f.hospitalName(), W / 2, y, Face.HEI, size, INK);
    y += LINE + 6;
    c.center("门诊收费票据", W / 2, y, Face.HEI, 27, INK);
    y += LINE * 0.6;
    c.dashed(X0, y, X1, 6, 1.5, INK);
    y += LINE;
    line(c, "票据代码:", f.invoiceCode(), y);
    y += LINE;
    line(c, "票据号码:", f.invoiceNumber(), y);
    y += LINE;
    line(c, "校验码:", f.checkCode(), y);
    y += LINE;
    line(c, "姓名:", f.payerName() + "  " + f.extra().get("性别"), y);
    y += LINE;
    line(c, "就诊日期:", f.visitDate().toString(), y);
    y += LINE;
    line(c, "医保类型:", f.insuranceType(), y);
    y += LINE;
    line(c, "门诊号:", f.extra().get("门诊号"), y);
    y += LINE * 0.6;
    c.dashed(X0, y, X1, 6, 1.5, INK);
    y += LINE;
    c.text("项目", X0, y, Face.HEI, S, INK);
    c.right("金额", X1, y, Face.HEI, S, INK);
    for (ReceiptItem it : f.items()) {
      y += LINE;
      line(c, it.name(), plain(it.amount()), y);
    }
    y += LINE * 0.6;
    c.dashed(X0, y, X1, 6, 1.5, INK);
    double totalsY = y + LINE;
    y += LINE;
    line(c, "合计:", plain(f.totalAmount()), y);
    y += LINE;
    line(c, "大写:", f.totalAmountInWords(), y);
    y += LINE;
    line(c, "统筹基金:", plain(f.fundPayment()), y);
    y += LINE;
    line(c, "个人账户:", plain(f.personalAccountPayment()), y);
    y += LINE;
    line(c, "个人现金:", plain(f.personalCashPayment()), y);
    y += LINE;
    line(c, "其中自付:", plain(f.selfPayPortion()), y);
    y += LINE;
    line(c, "其中自费:", plain(f.selfExpense()), y);
    y += LINE * 0.6;
    c.dashed(X0, y, X1, 6, 1.5, INK);
    y += LINE;
    line(c, "收款员:", f.extra().get("收款人"), y);
    y += LINE;
    line(c, "开票日期:", f.issueDate() + " " + f.extra().get("开票时间"), y);
    seal(c, fonts, f.hospitalName(), "收费专用章", W * 0.62, totalsY + LINE * 2, 230, random);
    return new Drawn("totals");
  }

  private static void line(Canvas c, String label, String value, double y) {
    c.text(label, X0, y, Face.HEI, S, INK);
    c.right(value, X1, y, Face.HEI, S, INK);
  }
}
