package cn.healthrisk.claims.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printed labels of receipt fields across regions and layouts, matched on compact text
 * (whitespace removed, full-width forms folded). Synonyms are data here so a new region is one line.
 */
final class ReceiptLabels {

  /** Pseudo-field: a total whose value decides whether it is figures or words (合计, 金额合计). */
  static final String TOTAL_ANY = "#totalAny";
  /** Pseudo-field: a stay printed as one range (住院时间 2026-03-08至2026-03-15). */
  static final String STAY = "#stay";

  /**
   * A label matched at the start of a text; field null for an unknown "label:value" pair; fuzzy
   * when OCR garbled one character of a known label.
   */
  record Match(String field, String label, String value, boolean hadColon, boolean fuzzy) {
    Match(String field, String label, String value, boolean hadColon) {
      this(field, label, value, hadColon, false);
    }
  }

  private record Entry(String field, Pattern pattern, Pattern withColon) {}

  /** A bracketed note after a label; a seal over it may hide the closing bracket (收款单位(章). */
  private static final String OPT_PAREN_SUFFIX = "(?:\\((?:章|盖章|签章|元|单位:元)\\)?)?";
  private static final List<Entry> ENTRIES = new ArrayList<>();

  static {
    add("invoiceCode", "票据代码|发票代码|票据代号");
    add("invoiceNumber", "票据号码|发票号码|票据号|票号|N[oO]\\.?|№");
    add("checkCode", "校验码|检验码|验证码");
    add("payerIdMasked",
        "交款人(?:统一社会信用代码|身份证号码?|证件号码?)|统一社会信用代码|公民身份号码|身份证(?:号码?)?|证件号码?");
    add("payerName", "交款人(?:姓名)?|患者姓名|病人姓名|就诊人(?:姓名)?|参保人(?:姓名)?|姓名");
    add("issueDate", "开票日期|开票时间|填开日期|开具日期|收费日期|收费时间|结算日期|结算时间|打印日期|打印时间");
    add("hospitalName", "收款单位(?:名称)?|医疗机构(?:名称)?|医院名称|定点医疗机构(?:名称)?|就诊医院|开票单位");
    add("hospitalType", "医疗机构类型|医疗机构类别|机构类型|医院类型|医院类别");
    add("insuranceType", "医保类型|医保类别|医疗保险类型|参保类型|险种类型|险种");
    add("visitDate", "就诊日期|门诊日期|就诊时间");
    add("admissionDate", "入院日期|入院时间");
    add("dischargeDate", "出院日期|出院时间");
    add(STAY, "住院时间|住院日期|住院期间|住院起止日期");
    add("hospitalDays", "实际住院天数|住院天数|住院日数");
    add("totalAmountInWords",
        "(?:金额)?合计(?:金额)?(?:人民币)?\\(?大写\\)?|\\(?大写\\)?(?:金额)?|人民币\\(?大写\\)?|总金额\\(?大写\\)?");
    add("totalAmount",
        "(?:金额)?合计(?:金额)?\\(?小写\\)?|\\(?小写\\)?(?:金额)?|总金额\\(?小写\\)?|费用总额|医疗费用总额|医疗费总额|总金额|总费用");
    add(TOTAL_ANY, "金额合计|合计金额|费用合计|合计|总计");
    add("fundPayment",
        "医保统筹基金支付|统筹基金支付|医保统筹支付|医保基金支付|基本医疗统筹支付|统筹支付|基金支付|统筹基金|统筹金额|统筹");
    add("otherPayment", "其他支付|其它支付|其他基金支付|其他医保支付");
    add("personalAccountPayment", "个人账户支付|个人帐户支付|账户支付|帐户支付|个账支付|个人账户|个人帐户");
    add("personalCashPayment", "个人现金支付|现金支付|个人现金|现金");
    add("selfPayPortion", "(?:其中)?个人自付(?:金额)?|其中自付|自付金额|自付|个人自负(?:金额)?|自负金额|自负");
    add("selfExpense", "(?:其中)?个人自费(?:金额)?|其中自费|自费金额|自费");
  }

  /** Every Han character used in a label, the alphabet for undoing a misread character. */
  private static final char[] LABEL_CHARS = labelChars();

  private ReceiptLabels() {}

  private static char[] labelChars() {
    StringBuilder sb = new StringBuilder();
    for (Entry e : ENTRIES) {
      e.pattern.pattern().chars()
          .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && sb.indexOf(String.valueOf((char) c)) < 0)
          .forEach(c -> sb.append((char) c));
    }
    return sb.toString().toCharArray();
  }

  private static void add(String field, String regex) {
    String label = "(?:" + regex + ")" + OPT_PAREN_SUFFIX;
    ENTRIES.add(new Entry(field, Pattern.compile(label), Pattern.compile(label + ":")));
  }

  /**
   * The label at the start of a compact text. With a colon the label is what precedes it (exact
   * match, else an unknown pair); without one the longest known label prefix is taken.
   */
  static Match match(String compact) {
    int colon = compact.indexOf(':');
    if (colon > 0) {
      String label = compact.substring(0, colon);
      String value = compact.substring(colon + 1);
      for (Entry e : ENTRIES) {
        if (e.pattern.matcher(label).matches()) {
          return new Match(e.field, label, value, true);
        }
      }
      String fuzzy = fuzzyField(label);
      if (fuzzy != null) {
        return new Match(fuzzy, label, value, true, true);
      }
      if (label.length() <= 16 && label.matches("[\\p{IsHan}A-Za-z()/]*\\p{IsHan}[\\p{IsHan}A-Za-z()/]*")) {
        return new Match(null, label, value, true);
      }
      return null;
    }
    Entry best = null;
    int bestEnd = 0;
    for (Entry e : ENTRIES) {
      Matcher m = e.pattern.matcher(compact);
      if (m.lookingAt() && m.end() > bestEnd) {
        best = e;
        bestEnd = m.end();
      }
    }
    // A lone "(" or "大写" fragment is too weak to be a label without a colon.
    if (best == null || bestEnd < 2) {
      return null;
    }
    return new Match(best.field, compact.substring(0, bestEnd), compact.substring(bestEnd), false);
  }

  /**
   * The one field a label of four or more characters names after undoing a single OCR error (one
   * character misread or one extra), or null when none or several fit.
   */
  private static String fuzzyField(String label) {
    if (label.length() < 4 || label.length() > 16) {
      return null;
    }
    Set<String> fields = new HashSet<>();
    for (int i = 0; i < label.length(); i++) {
      String deleted = label.substring(0, i) + label.substring(i + 1);
      exactField(deleted).ifPresent(fields::add);
      for (char c : LABEL_CHARS) {
        if (c != label.charAt(i)) {
          exactField(label.substring(0, i) + c + label.substring(i + 1)).ifPresent(fields::add);
        }
      }
    }
    return fields.size() == 1 ? fields.iterator().next() : null;
  }

  private static Optional<String> exactField(String label) {
    return ENTRIES.stream().filter(e -> e.pattern.matcher(label).matches()).map(Entry::field).findFirst();
  }

  /** Positions where a known label followed by a colon starts, to split boxes OCR merged. */
  static List<Integer> labelStarts(String compact) {
    List<int[]> spans = new ArrayList<>();
    for (Entry e : ENTRIES) {
      Matcher m = e.withColon.matcher(compact);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    List<Integer> starts = new ArrayList<>();
    for (int[] span : spans) {
      // A match inside a longer label (现金支付 in 个人现金支付) is not a start of its own.
      boolean inside = spans.stream().anyMatch(o -> o[0] < span[0] && o[1] >= span[1]);
      if (span[0] > 0 && !inside && !starts.contains(span[0])) {
        starts.add(span[0]);
      }
    }
    starts.sort(Integer::compare);
    return starts;
  }
}
