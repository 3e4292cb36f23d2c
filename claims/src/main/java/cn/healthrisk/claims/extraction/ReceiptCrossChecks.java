package cn.healthrisk.claims.extraction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a careful clerk does after reading a receipt: repairs the amount in words where OCR garbled
 * a character that is not an amount character at all, and trusts an amount highly only when a
 * second printed figure corroborates it (items sum, payment split, amount in words, self-pay split).
 *
 * <p>A value no check can corroborate keeps at most {@link #UNCORROBORATED} confidence, so a misread
 * that happens to look well formed never passes as certain.
 */
final class ReceiptCrossChecks {

  /** Highest confidence of a value no second printed figure confirms. */
  static final double UNCORROBORATED = 0.9;
  /** Confidence of words repaired from the total (never more than the total's own). */
  static final double REPAIRED = 0.85;

  private static final int MAX_REPAIRS = 2;
  /** Glyph pairs OCR confuses in free codes (0/O, 1/I, 2/Z, 5/S, 8/B): no check can tell them apart. */
  private static final java.util.regex.Pattern AMBIGUOUS = java.util.regex.Pattern.compile("[0O1IlZ2S5B8]");
  /** Charge categories of the national medical receipt (医疗收费票据 项目名称) and common regional ones. */
  private static final java.util.Set<String> CATEGORIES = java.util.Set.of("床位费", "诊察费", "检查费", "化验费",
      "治疗费", "手术费", "护理费", "卫生材料费", "西药费", "中药饮片", "中药饮片费", "中成药费", "中草药费",
      "一般诊疗费", "挂号费", "其他费", "其他门急诊收费", "其他住院收费", "麻醉费", "输血费", "输氧费", "药事服务费",
      "检验费", "放射费", "材料费", "诊疗费", "特殊材料费", "血费", "氧气费", "救护车费");
  private static final java.util.Set<String> HOSPITAL_TYPES = java.util.Set.of("综合医院", "中医医院",
      "中西医结合医院", "专科医院", "妇幼保健院", "社区卫生服务中心", "乡镇卫生院", "民族医医院", "康复医院");
  private static final java.util.Set<String> INSURANCE_TYPES = java.util.Set.of("职工基本医疗保险",
      "城乡居民基本医疗保险", "城镇职工基本医疗保险", "城镇居民基本医疗保险", "新型农村合作医疗", "自费", "公费医疗",
      "离休人员医疗保障");
  private static final List<String> SPLIT =
      List.of("fundPayment", "otherPayment", "personalAccountPayment", "personalCashPayment");

  private ReceiptCrossChecks() {}

  /** Whether the name is a charge category of the national receipt or a common regional one. */
  static boolean isCategory(String name) {
    return CATEGORIES.contains(name);
  }

  static void repairAndCalibrate(Map<String, Object> values, List<ReceiptItem> items,
      Map<String, Double> confidence) {
    boolean repaired = repairWords(values, confidence);
    boolean namesKnown = repairItemNames(items, confidence);
    completeTruncated(values, confidence, "selfPayPortion",
        List.of("personalAccountPayment", "personalCashPayment"), List.of("selfExpense"));
    completeTruncated(values, confidence, "selfExpense",
        List.of("personalAccountPayment", "personalCashPayment"), List.of("selfPayPortion"));
    for (String f : SPLIT) {
      completeTruncated(values, confidence, f, List.of("totalAmount"),
          SPLIT.stream().filter(o -> !o.equals(f)).toList());
    }
    BigDecimal total = (BigDecimal) values.get("totalAmount");
    boolean itemsOk = !items.isEmpty() && total != null
        && items.stream().map(ReceiptItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(total) == 0;
    boolean wordsOk = !repaired && total != null && words(values).map(w -> w.compareTo(total) == 0).orElse(false);
    boolean splitOk = total != null && SPLIT.stream().allMatch(f -> values.get(f) != null)
        && SPLIT.stream().map(f -> (BigDecimal) values.get(f)).reduce(BigDecimal.ZERO, BigDecimal::add)
            .compareTo(total) == 0;
    boolean selfOk = Stream.of("selfPayPortion", "selfExpense", "personalAccountPayment", "personalCashPayment")
        .allMatch(f -> values.get(f) != null)
        && amount(values, "selfPayPortion").add(amount(values, "selfExpense"))
            .compareTo(amount(values, "personalAccountPayment").add(amount(values, "personalCashPayment"))) == 0;

    cap(confidence, "totalAmount", itemsOk || wordsOk || splitOk);
    // The sum checks the amounts only: a name is trusted where it is a standard charge category.
    cap(confidence, "items", itemsOk && namesKnown);
    cap(confidence, "checkCode", values.get("checkCode") == null
        || !AMBIGUOUS.matcher((String) values.get("checkCode")).find());
    if (!repaired) {
      cap(confidence, "totalAmountInWords", wordsOk);
    }
    for (String f : SPLIT) {
      boolean inSelf = f.equals("personalAccountPayment") || f.equals("personalCashPayment");
      cap(confidence, f, splitOk || inSelf && selfOk);
    }
    cap(confidence, "selfPayPortion", selfOk);
    cap(confidence, "selfExpense", selfOk);
    // Names have no second printed figure to agree with, and a seal over one shortens it into
    // another plausible name; closed vocabularies do corroborate what they contain.
    cap(confidence, "payerName", false);
    cap(confidence, "hospitalName", false);
    cap(confidence, "hospitalType", values.get("hospitalType") != null && HOSPITAL_TYPES.contains(values.get("hospitalType")));
    cap(confidence, "insuranceType", values.get("insuranceType") != null && INSURANCE_TYPES.contains(values.get("insuranceType")));
  }

  /**
   * Item names are charge categories from a national list; a name OCR cut or doubled at its start
   * (般诊疗费, 一一般诊疗费) becomes the one category it is the end of. Returns whether every name is
   * a category.
   */
  private static boolean repairItemNames(List<ReceiptItem> items, Map<String, Double> confidence) {
    boolean allKnown = true;
    for (int i = 0; i < items.size(); i++) {
      String name = items.get(i).name();
      if (CATEGORIES.contains(name)) {
        continue;
      }
      allKnown = false;
      List<String> fits = CATEGORIES.stream()
          .filter(c -> c.length() > name.length() ? c.endsWith(name) && name.length() >= 3
              : name.endsWith(c) && name.length() - c.length() == 1 && name.charAt(0) == c.charAt(0))
          .toList();
      if (fits.size() == 1) {
        items.set(i, new ReceiptItem(fits.get(0), items.get(i).amount()));
        confidence.computeIfPresent("items", (k, c) -> Math.min(c, REPAIRED));
      }
    }
    return allKnown;
  }

  /**
   * An amount OCR cut short (4436.9 for 4436.91, 7082 for 7082.50) or without its decimal point
   * is completed when the printed
   * identity it takes part in (plus = minus: 个人账户+个人现金 = 自付+自费, or 合计 = the four
   * payments) gives a value that begins with the digits read. A field not read at all stays null.
   */
  private static void completeTruncated(Map<String, Object> values, Map<String, Double> confidence, String field,
      List<String> plus, List<String> minus) {
    BigDecimal read = (BigDecimal) values.get(field);
    if (read == null || Stream.concat(plus.stream(), minus.stream()).anyMatch(f -> values.get(f) == null)) {
      return;
    }
    BigDecimal derived = plus.stream().map(f -> (BigDecimal) values.get(f)).reduce(BigDecimal.ZERO, BigDecimal::add)
        .subtract(minus.stream().map(f -> (BigDecimal) values.get(f)).reduce(BigDecimal.ZERO, BigDecimal::add));
    if (derived.signum() < 0 || derived.compareTo(read) == 0) {
      return;
    }
    String readDigits = read.stripTrailingZeros().toPlainString();
    String derivedText = derived.setScale(2).toPlainString();
    boolean cutShort = derivedText.startsWith(readDigits) && derivedText.length() > readDigits.length();
    // A lost decimal point (6462.49 read as 646249) reads a hundred times the amount.
    boolean pointLost = read.compareTo(derived.movePointRight(2)) == 0;
    if (cutShort || pointLost) {
      values.put(field, derived);
      confidence.put(field, Math.min(confidence.getOrDefault(field, 1.0), REPAIRED));
    }
  }

  /**
   * Words OCR garbled (元 read as 冠, 壹 as 意) are the total written out when they have its length
   * and every difference is a character that is no amount character at all, at most two. A
   * readable but different character is a real disagreement and is kept for the validator.
   */
  private static boolean repairWords(Map<String, Object> values, Map<String, Double> confidence) {
    String read = (String) values.get("totalAmountInWords");
    BigDecimal total = (BigDecimal) values.get("totalAmount");
    if (read == null || total == null || words(values).isPresent()) {
      return false;
    }
    String expected;
    try {
      expected = ChineseAmount.format(total);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (read.length() == expected.length() - 1 && oneDeleted(expected, read)) {
      // One character was lost (佰陆拾玖元… for 叁佰陆拾玖元…, 壹佰壹拾玖伍角 for 壹佰壹拾玖元伍角): the
      // words read do not parse, and they are the total's words but for that character.
      values.put("totalAmountInWords", expected);
      confidence.put("totalAmountInWords", Math.min(confidence.getOrDefault("totalAmountInWords", 1.0), REPAIRED));
      return true;
    }
    if (read.length() != expected.length()) {
      return false;
    }
    int repairs = 0;
    for (int i = 0; i < read.length(); i++) {
      char r = read.charAt(i);
      if (r != expected.charAt(i) && (ChineseAmount.isAmountChar(r) || ++repairs > MAX_REPAIRS)) {
        return false;
      }
    }
    values.put("totalAmountInWords", expected);
    double c = Math.min(confidence.getOrDefault("totalAmountInWords", 1.0),
        confidence.getOrDefault("totalAmount", 1.0));
    confidence.put("totalAmountInWords", Math.min(c, REPAIRED));
    return true;
  }

  /** Whether shorter is longer with exactly one character left out. */
  static boolean oneDeleted(String longer, String shorter) {
    int i = 0;
    while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
      i++;
    }
    return longer.substring(i + 1).equals(shorter.substring(i));
  }

  private static Optional<BigDecimal> words(Map<String, Object> values) {
    String w = (String) values.get("totalAmountInWords");
    return w == null ? Optional.empty() : ChineseAmount.tryParse(w);
  }

  private static BigDecimal amount(Map<String, Object> values, String field) {
    return (BigDecimal) values.get(field);
  }

  private static void cap(Map<String, Double> confidence, String field, boolean corroborated) {
    Double c = confidence.get(field);
    if (c != null && !corroborated) {
      confidence.put(field, Math.min(c, UNCORROBORATED));
    }
  }
}
