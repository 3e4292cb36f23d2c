package cn.healthrisk.claims.validation;

import cn.healthrisk.claims.extraction.ChineseAmount;
import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Arithmetic, date and format checks on a receipt's fields. A check whose inputs are missing is
 * failed with "missing ..." where those inputs are required for the document type, else omitted.
 */
public final class ReceiptValidator {

  public static final String ITEMS_SUM_EQUALS_TOTAL = "ITEMS_SUM_EQUALS_TOTAL";
  public static final String AMOUNT_IN_WORDS_MATCHES_TOTAL = "AMOUNT_IN_WORDS_MATCHES_TOTAL";
  public static final String PAYMENT_SPLIT_EQUALS_TOTAL = "PAYMENT_SPLIT_EQUALS_TOTAL";
  public static final String SELF_PAY_CONSISTENT = "SELF_PAY_CONSISTENT";
  public static final String DATES_ORDERED = "DATES_ORDERED";
  public static final String HOSPITAL_DAYS_MATCH_DATES = "HOSPITAL_DAYS_MATCH_DATES";
  public static final String INVOICE_CODE_FORMAT = "INVOICE_CODE_FORMAT";
  public static final String INVOICE_NUMBER_FORMAT = "INVOICE_NUMBER_FORMAT";
  public static final String PAYER_ID_MASK_FORMAT = "PAYER_ID_MASK_FORMAT";

  private static final BigDecimal HALF_DAY = new BigDecimal("0.5");
  private static final String DIGIT_WORDS = "零壹贰叁肆伍陆柒捌玖";

  /** All checks that apply to the document type, in a stable order. */
  public List<Validation> validate(DocumentType type, ReceiptFields f) {
    boolean receipt = type == DocumentType.OUTPATIENT_RECEIPT || type == DocumentType.INPATIENT_RECEIPT;
    boolean inpatient = type == DocumentType.INPATIENT_RECEIPT;
    List<Validation> out = new ArrayList<>();
    itemsSum(f, receipt).ifPresent(out::add);
    amountInWords(f, receipt).ifPresent(out::add);
    paymentSplit(f).ifPresent(out::add);
    selfPay(f).ifPresent(out::add);
    datesOrdered(type, f, receipt).ifPresent(out::add);
    if (inpatient) {
      out.add(hospitalDays(f));
    }
    format(INVOICE_CODE_FORMAT, "invoiceCode", f.invoiceCode(), "\\d{8}", "8 digits", receipt).ifPresent(out::add);
    format(INVOICE_NUMBER_FORMAT, "invoiceNumber", f.invoiceNumber(), "\\d{10}", "10 digits", receipt)
        .ifPresent(out::add);
    format(PAYER_ID_MASK_FORMAT, "payerIdMasked", f.payerIdMasked(), "[0-9A-Za-z]{6}\\*{8}[0-9A-Za-z]{4}",
        "6 characters, 8 '*', 4 characters", false).ifPresent(out::add);
    return out;
  }

  private static Optional<Validation> itemsSum(ReceiptFields f, boolean required) {
    if (f.items().isEmpty() || f.totalAmount() == null) {
      return missing(ITEMS_SUM_EQUALS_TOTAL, required, f.items().isEmpty() ? "items" : "totalAmount");
    }
    BigDecimal sum = f.items().stream().map(ReceiptItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return Optional.of(sum.compareTo(f.totalAmount()) == 0
        ? Validation.pass(ITEMS_SUM_EQUALS_TOTAL)
        : Validation.fail(ITEMS_SUM_EQUALS_TOTAL, "totalAmount",
            "sum of " + f.items().size() + " items " + money(sum) + " ≠ totalAmount " + money(f.totalAmount())));
  }

  private static Optional<Validation> amountInWords(ReceiptFields f, boolean required) {
    if (f.totalAmountInWords() == null || f.totalAmount() == null) {
      return missing(AMOUNT_IN_WORDS_MATCHES_TOTAL, required,
          f.totalAmountInWords() == null ? "totalAmountInWords" : "totalAmount");
    }
    Optional<BigDecimal> words = ChineseAmount.tryParse(f.totalAmountInWords());
    if (words.isEmpty() && onlyUnitsGarbled(f.totalAmountInWords(), f.totalAmount())) {
      return Optional.of(Validation.pass(AMOUNT_IN_WORDS_MATCHES_TOTAL));
    }
    if (words.isEmpty()) {
      return Optional.of(Validation.fail(AMOUNT_IN_WORDS_MATCHES_TOTAL, "totalAmountInWords",
          "totalAmountInWords '" + f.totalAmountInWords() + "' is not a readable amount; totalAmount "
              + money(f.totalAmount())));
    }
    return Optional.of(words.get().compareTo(f.totalAmount()) == 0
        ? Validation.pass(AMOUNT_IN_WORDS_MATCHES_TOTAL)
        : Validation.fail(AMOUNT_IN_WORDS_MATCHES_TOTAL, "totalAmountInWords",
            "totalAmountInWords " + f.totalAmountInWords() + " = " + money(words.get())
                + " ≠ totalAmount " + money(f.totalAmount())));
  }

  /**
   * A seal or fold often garbles a unit character (元 read as 冠): when every digit agrees with the
   * total written out and at most two unit characters are unreadable, the words do not contradict
   * the total. A readable but different digit is never excused.
   */
  static boolean onlyUnitsGarbled(String read, BigDecimal total) {
    String expected;
    try {
      expected = ChineseAmount.format(total);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (read.length() != expected.length()) {
      return false;
    }
    int garbled = 0;
    for (int i = 0; i < read.length(); i++) {
      char r = read.charAt(i);
      char e = expected.charAt(i);
      if (r == e) {
        continue;
      }
      if (ChineseAmount.isAmountChar(r) || DIGIT_WORDS.indexOf(e) >= 0 || ++garbled > 2) {
        return false;
      }
    }
    return garbled > 0;
  }

  /**
   * Regions print different subsets of the four payment lines (no 其他支付 on many), so the lines
   * that are printed must account for the total; a mismatch names the lines that were not read.
   */
  private static Optional<Validation> paymentSplit(ReceiptFields f) {
    Map<String, BigDecimal> parts = new LinkedHashMap<>();
    parts.put("fundPayment", f.fundPayment());
    parts.put("otherPayment", f.otherPayment());
    parts.put("personalAccountPayment", f.personalAccountPayment());
    parts.put("personalCashPayment", f.personalCashPayment());
    if (parts.values().stream().allMatch(v -> v == null)) {
      return Optional.empty();
    }
    if (f.totalAmount() == null) {
      return Optional.of(Validation.fail(PAYMENT_SPLIT_EQUALS_TOTAL, "totalAmount", "missing totalAmount"));
    }
    return Optional.of(sumCheck(PAYMENT_SPLIT_EQUALS_TOTAL, parts, Map.of("totalAmount", f.totalAmount()),
        "fundPayment"));
  }

  private static Optional<Validation> selfPay(ReceiptFields f) {
    Map<String, BigDecimal> self = new LinkedHashMap<>();
    self.put("selfPayPortion", f.selfPayPortion());
    self.put("selfExpense", f.selfExpense());
    Map<String, BigDecimal> personal = new LinkedHashMap<>();
    personal.put("personalAccountPayment", f.personalAccountPayment());
    personal.put("personalCashPayment", f.personalCashPayment());
    if (self.values().stream().allMatch(v -> v == null) || personal.values().stream().allMatch(v -> v == null)) {
      return Optional.empty();
    }
    return Optional.of(sumCheck(SELF_PAY_CONSISTENT, self, personal, "selfPayPortion"));
  }

  private static Validation sumCheck(
      String check, Map<String, BigDecimal> left, Map<String, BigDecimal> right, String field) {
    BigDecimal l = sum(left);
    BigDecimal r = sum(right);
    if (l.compareTo(r) == 0) {
      return Validation.pass(check);
    }
    List<String> absent = new ArrayList<>();
    left.forEach((k, v) -> {
      if (v == null) {
        absent.add(k);
      }
    });
    right.forEach((k, v) -> {
      if (v == null) {
        absent.add(k);
      }
    });
    String detail = describe(left) + " = " + money(l) + " ≠ " + describe(right) + " = " + money(r)
        + (absent.isEmpty() ? "" : "; missing " + String.join(", ", absent));
    return Validation.fail(check, field, detail);
  }

  private static Optional<Validation> datesOrdered(DocumentType type, ReceiptFields f, boolean required) {
    LocalDate issue = f.issueDate();
    if (type == DocumentType.INPATIENT_RECEIPT) {
      if (issue == null || f.admissionDate() == null || f.dischargeDate() == null) {
        String what = issue == null ? "issueDate" : f.admissionDate() == null ? "admissionDate" : "dischargeDate";
        return missing(DATES_ORDERED, true, what);
      }
      if (f.dischargeDate().isBefore(f.admissionDate())) {
        return Optional.of(Validation.fail(DATES_ORDERED, "dischargeDate",
            "dischargeDate " + f.dischargeDate() + " before admissionDate " + f.admissionDate()));
      }
      if (issue.isBefore(f.dischargeDate())) {
        return Optional.of(Validation.fail(DATES_ORDERED, "issueDate",
            "issueDate " + issue + " before dischargeDate " + f.dischargeDate()));
      }
      return Optional.of(Validation.pass(DATES_ORDERED));
    }
    if (issue == null) {
      return missing(DATES_ORDERED, required, "issueDate");
    }
    LocalDate treated = f.visitDate() != null ? f.visitDate() : f.dischargeDate();
    if (treated == null) {
      return Optional.empty();
    }
    if (f.admissionDate() != null && f.dischargeDate() != null && f.dischargeDate().isBefore(f.admissionDate())) {
      return Optional.of(Validation.fail(DATES_ORDERED, "dischargeDate",
          "dischargeDate " + f.dischargeDate() + " before admissionDate " + f.admissionDate()));
    }
    String name = f.visitDate() != null ? "visitDate" : "dischargeDate";
    return Optional.of(issue.isBefore(treated)
        ? Validation.fail(DATES_ORDERED, "issueDate", "issueDate " + issue + " before " + name + " " + treated)
        : Validation.pass(DATES_ORDERED));
  }

  /**
   * Stays are counted as the medical record front page counts them: 出院日期 − 入院日期 (入院当天算、出院当天不算),
   * and a stay admitted and discharged on one day as 0 or 1 day. Some regions print half days (22.5), which
   * agree within half a day. Counting both ends (8 days for 7 nights) disagrees with the dates.
   */
  private static Validation hospitalDays(ReceiptFields f) {
    if (f.admissionDate() == null || f.dischargeDate() == null || f.hospitalDays() == null) {
      String what = f.admissionDate() == null ? "admissionDate"
          : f.dischargeDate() == null ? "dischargeDate" : "hospitalDays";
      return Validation.fail(HOSPITAL_DAYS_MATCH_DATES, what, "missing " + what);
    }
    BigDecimal nights = BigDecimal.valueOf(ChronoUnit.DAYS.between(f.admissionDate(), f.dischargeDate()));
    BigDecimal printed = f.hospitalDays();
    boolean ok = printed.subtract(nights).abs().compareTo(HALF_DAY) <= 0
        || (nights.signum() == 0 && printed.compareTo(BigDecimal.ONE) == 0);
    return ok
        ? Validation.pass(HOSPITAL_DAYS_MATCH_DATES)
        : Validation.fail(HOSPITAL_DAYS_MATCH_DATES, "hospitalDays",
            "hospitalDays " + printed.toPlainString() + " vs " + nights + " days from admissionDate "
                + f.admissionDate() + " to dischargeDate " + f.dischargeDate());
  }

  private static Optional<Validation> format(
      String check, String field, String value, String regex, String expected, boolean required) {
    if (value == null) {
      return missing(check, required, field);
    }
    return Optional.of(value.matches(regex)
        ? Validation.pass(check)
        : Validation.fail(check, field, field + " " + shown(field, value) + " is not " + expected));
  }

  /** An ID that was printed unmasked must not be copied into a detail that is stored and shown. */
  private static String shown(String field, String value) {
    if (!"payerIdMasked".equals(field)) {
      return "'" + value + "'";
    }
    return "(" + value.length() + " characters, " + value.chars().filter(c -> c == '*').count() + " '*')";
  }

  private static Optional<Validation> missing(String check, boolean required, String field) {
    return required ? Optional.of(Validation.fail(check, field, "missing " + field)) : Optional.empty();
  }

  private static BigDecimal sum(Map<String, BigDecimal> parts) {
    return parts.values().stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String describe(Map<String, BigDecimal> parts) {
    return parts.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + " " + money(e.getValue()))
        .collect(Collectors.joining(" + "));
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
