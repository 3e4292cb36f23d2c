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
        for (TextBox b : page.boxes()) {
          if (normalise(b.text()).contains(c) && (best == null || b.text().length() < best.text().length())) {
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
