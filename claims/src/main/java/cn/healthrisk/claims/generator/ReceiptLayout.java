package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** One layout family: which fields it prints and how it draws them. */
abstract class ReceiptLayout {

  /**
   * Where the seal landed, recorded in the ground truth's meta, with any other cosmetic choice the layout made
   * (e.g. which printer) in {@code meta}.
   */
  record Drawn(String seal, Map<String, Object> meta) {
    Drawn(String seal) {
      this(seal, Map.of());
    }
  }

  abstract String family();

  abstract DocumentType documentType();

  /** Whether this family also exists as a PDF with a text layer (电子票据). */
  abstract boolean electronic();

  abstract int width();

  abstract int height(ReceiptData data);

  abstract Color paper();

  /**
   * The provinces (as the data factory names them, e.g. 北京) whose receipts look like this; empty for a layout
   * issued everywhere.
   */
  Set<String> provinces() {
    return Set.of();
  }

  /**
   * Values the receipt prints that no contract field holds (regional amounts such as 自付一, 大额互助 or a
   * deposit), by their printed label, for the ground truth's meta; empty for most layouts.
   */
  Map<String, String> printedExtra(ReceiptData data) {
    return Map.of();
  }

  /**
   * The PostScript name of the font in the embeddable collection that the PDF's text layer uses; null for the
   * collection's first font.
   */
  String pdfFont() {
    return null;
  }

  /** The fields as this family prints them: everything it does not print is null. */
  abstract ReceiptFields printed(ReceiptFields all);

  /** Draws the receipt; {@code random} only varies cosmetics (seal position, pattern). */
  abstract Drawn draw(Canvas canvas, ReceiptData data, ReceiptFonts fonts, Random random);

  /** Draws {@code label} then {@code value}; returns the x after the value. */
  static double pair(Canvas c, String label, String value, double x, double y, Face face,
      double size, Color labelColor, Color valueColor) {
    c.text(label, x, y, face, size, labelColor);
    double vx = x + c.width(label, face, size);
    c.text(value, vx, y, face, size, valueColor);
    return vx + c.width(value, face, size);
  }

  /** Lays the hospital's round seal centred near (cx, cy), jittered. */
  static void seal(Canvas c, ReceiptFonts fonts, String hospital, String bottom, double cx,
      double cy, int size, Random random) {
    BufferedImage seal = SealPainter.round(fonts, hospital, bottom, size, random);
    double jx = (random.nextDouble() - 0.5) * size * 0.3;
    double jy = (random.nextDouble() - 0.5) * size * 0.2;
    c.image(seal, cx - size / 2.0 + jx, cy - size / 2.0 + jy, size, size);
  }

  static String plain(BigDecimal amount) {
    return amount == null ? "" : amount.setScale(2).toPlainString();
  }

  static String grouped(BigDecimal amount) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(amount.setScale(2));
  }

  static String chineseDate(LocalDate d) {
    return String.format("%d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  static String days(BigDecimal days) {
    return days.stripTrailingZeros().toPlainString();
  }

  /** Copy of {@code f} with the given fields set to null, by contract field name. */
  static ReceiptFields without(ReceiptFields f, String... names) {
    Set<String> drop = Set.of(names);
    return new ReceiptFields(
        drop.contains("invoiceCode") ? null : f.invoiceCode(),
        drop.contains("invoiceNumber") ? null : f.invoiceNumber(),
        drop.contains("checkCode") ? null : f.checkCode(),
        drop.contains("payerName") ? null : f.payerName(),
        drop.contains("payerIdMasked") ? null : f.payerIdMasked(),
        drop.contains("issueDate") ? null : f.issueDate(),
        drop.contains("hospitalName") ? null : f.hospitalName(),
        drop.contains("hospitalType") ? null : f.hospitalType(),
        drop.contains("insuranceType") ? null : f.insuranceType(),
        drop.contains("visitDate") ? null : f.visitDate(),
        drop.contains("admissionDate") ? null : f.admissionDate(),
        drop.contains("dischargeDate") ? null : f.dischargeDate(),
        drop.contains("hospitalDays") ? null : f.hospitalDays(),
        f.items(),
        drop.contains("totalAmount") ? null : f.totalAmount(),
        drop.contains("totalAmountInWords") ? null : f.totalAmountInWords(),
        drop.contains("fundPayment") ? null : f.fundPayment(),
        drop.contains("otherPayment") ? null : f.otherPayment(),
        drop.contains("personalAccountPayment") ? null : f.personalAccountPayment(),
        drop.contains("personalCashPayment") ? null : f.personalCashPayment(),
        drop.contains("selfPayPortion") ? null : f.selfPayPortion(),
        drop.contains("selfExpense") ? null : f.selfExpense(),
        f.extra());
  }
}
