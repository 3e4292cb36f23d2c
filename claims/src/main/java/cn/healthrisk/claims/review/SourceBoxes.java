package cn.healthrisk.claims.review;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where on the first page each extracted field was read: the text box (from OCR or a PDF's text layer)
 * holding the field's value, as fractions of the page so it can be drawn over the image at any size.
 */
public final class SourceBoxes {
  private static final Set<String> AMOUNTS = Set.of("totalAmount", "fundPayment", "otherPayment",
      "personalAccountPayment", "personalCashPayment", "selfPayPortion", "selfExpense");
  private static final Set<String> DATES = Set.of("issueDate", "visitDate", "admissionDate", "dischargeDate");

  /** Words printed next to a field's value: a box holding one of them as well is the better match. */
  private static final Map<String, List<String>> LABELS = Map.ofEntries(
      Map.entry("invoiceCode", List.of("票据代码")), Map.entry("invoiceNumber", List.of("票据号码")),
      Map.entry("checkCode", List.of("校验码")), Map.entry("payerName", List.of("交款人")),
      Map.entry("issueDate", List.of("开票日期")), Map.entry("hospitalName", List.of("收款单位")),
      Map.entry("hospitalType", List.of("机构类型")), Map.entry("insuranceType", List.of("医保类型")),
      Map.entry("visitDate", List.of("就诊日期", "门诊日期")), Map.entry("admissionDate", List.of("入院")),
      Map.entry("dischargeDate", List.of("出院")), Map.entry("hospitalDays", List.of("住院天数")),
      Map.entry("totalAmount", List.of("小写")), Map.entry("totalAmountInWords", List.of("大写")),
      Map.entry("fundPayment", List.of("统筹")), Map.entry("otherPayment", List.of("其他支付")),
      Map.entry("personalAccountPayment", List.of("个人账户")), Map.entry("personalCashPayment", List.of("个人现金")),
      Map.entry("selfPayPortion", List.of("自付")), Map.entry("selfExpense", List.of("自费")));

  private SourceBoxes() {}

  /** Where a field's value sits on the page, as percentages of its width and height. */
  public record Box(String field, double left, double top, double width, double height, String text) {}

  /**
   * One box per field whose value appears on the first page; fields that cannot be found get none.
   *
   * @param fields field name to value as the contract writes it
   */
  public static Map<String, Box> locate(DocumentText text, Map<String, String> fields) {
    Map<String, Box> out = new LinkedHashMap<>();
    if (text == null || text.pages().isEmpty()) {
      return out;
    }
    OcrPage page = text.pages().get(0);
    if (page.width() <= 0 || page.height() <= 0) {
      return out;
    }
    for (Map.Entry<String, String> f : fields.entrySet()) {
      if (f.getValue() == null || f.getValue().isBlank()) {
        continue;
      }
      TextBox best = null;
      for (String candidate : candidates(f.getKey(), f.getValue())) {
        String c = normalise(candidate);
        if (c.isEmpty()) {
          continue;
        }
        List<String> labels = LABELS.getOrDefault(f.getKey(), List.of());
        for (TextBox b : page.boxes()) {
          if (normalise(b.text()).contains(c) && (best == null || better(b, best, labels))) {
            best = b;
          }
        }
        if (best != null) {
          break;
        }
      }
      if (best != null) {
        out.put(f.getKey(), new Box(f.getKey(), pct(best.x(), page.width()), pct(best.y(), page.height()),
            pct(best.width(), page.width()), pct(best.height(), page.height()), best.text()));
      }
    }
    return out;
  }

  /** A box that also holds the field's label wins; between equals, the shorter text is the more precise. */
  private static boolean better(TextBox b, TextBox best, List<String> labels) {
    boolean labelled = labels.stream().anyMatch(b.text()::contains);
    boolean bestLabelled = labels.stream().anyMatch(best.text()::contains);
    if (labelled != bestLabelled) {
      return labelled;
    }
    return b.text().length() < best.text().length();
  }

  static List<String> candidates(String field, String value) {
    List<String> c = new ArrayList<>();
    c.add(value);
    if (AMOUNTS.contains(field) && value.matches("-?\\d+\\.\\d{2}")) {
      c.add(String.format("%,.2f", new java.math.BigDecimal(value)));
    }
    if (DATES.contains(field) && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      String y = value.substring(0, 4);
      String m = value.substring(5, 7);
      String d = value.substring(8, 10);
      int mi = Integer.parseInt(m);
      int di = Integer.parseInt(d);
      c.addAll(List.of(y + "年" + m + "月" + d + "日", y + "年" + mi + "月" + di + "日", y + m + d, y + "." + m + "." + d,
          y + "/" + m + "/" + d, y + "/" + mi + "/" + di));
    }
    if ("hospitalDays".equals(field)) {
      c.clear();
      c.add(value + "天");
    }
    return c;
  }

  static String normalise(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '０' && ch <= '９') {
        ch = (char) ('0' + (ch - '０'));
      } else if (ch == '．') {
        ch = '.';
      }
      if (Character.isWhitespace(ch) || ch == ',' || ch == '，' || ch == '¥' || ch == '￥' || ch == ':' || ch == '：') {
        continue;
      }
      b.append(ch);
    }
    return b.toString();
  }

  private static double pct(int v, int of) {
    return Math.round(v * 10000.0 / of) / 100.0;
  }
}
