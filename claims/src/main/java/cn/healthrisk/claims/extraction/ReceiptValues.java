package cn.healthrisk.claims.extraction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of printed receipt values (amounts, dates, codes) tolerant of OCR and full-width forms. */
public final class ReceiptValues {

  /** A parsed value and whether the text had exactly the expected format. */
  public record Parsed<T>(T value, boolean formatOk) {}

  private static final Pattern STRICT_AMOUNT = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?|-?\\d+(\\.\\d{1,2})?");
  private static final Pattern ANY_AMOUNT = Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?");
  private static final Pattern DATE = Pattern.compile(
      "(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{2}|\\d(?!\\d))\\s*日?"
          + "|(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
  private static final Pattern STRICT_DATE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{8}|\\d{4}[/.]\\d{1,2}[/.]\\d{1,2}");
  private static final Pattern AMOUNT_IN_TEXT = Pattern.compile(
      "(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?(?!\\d)|(?<![\\d.])\\d+(?:\\.\\d{1,2})?(?!\\d)");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");
  private static final Pattern ALNUM_RUN = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern MISCOUNTED_MASK = Pattern.compile("([0-9]{6})(\\*{5,11})([0-9]{3}[0-9Xx])");
  private static final Pattern STRAY_IN_MASK = Pattern.compile("([0-9]{6})[0-9*]{1,3}?(?<!\\*)\\*{8}([0-9]{3}[0-9Xx])");
  private static final Pattern STOP_AS_POINT = Pattern.compile("(?<=\\d)[。·](?=\\d{2}(?!\\d))");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("(?<=\\d),(?=\\d{2}$)");
  private static final Pattern POINTS_AS_GROUPS = Pattern.compile("-?\\d{1,3}(?:\\.\\d{3})+\\.\\d{2}");
  private static final Pattern DAYS = Pattern.compile("(\\d+(?:\\.\\d)?)");

  private ReceiptValues() {}

  /** Full-width ASCII to half-width, ideographic space to space, bracket variants to ( ). */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      } else if (c == '【' || c == '〔' || c == '［') {
        c = '(';
      } else if (c == '】' || c == '〕' || c == '］') {
        c = ')';
      } else if (c == '∶' || c == '︰') {
        c = ':';
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Normalized and without any whitespace. */
  public static String compact(String text) {
    return normalize(text).replaceAll("\\s+", "");
  }

  /** Letters OCR commonly reads for digits, mapped back; only for fields that must be numeric. */
  public static String fixDigits(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      sb.append(switch (c) {
        case 'O', 'o', 'D', 'Q' -> '0';
        case 'l', 'I', '|', 'i' -> '1';
        default -> c;
      });
    }
    return sb.toString();
  }

  /** An amount like ¥1,188.59, 1188.59元 or 420 (scale 2); format not ok when other text surrounds it. */
  public static Optional<Parsed<BigDecimal>> amount(String text) {
    String printed = compact(text).replace("¥", "").replace("￥", "").replace("RMB", "");
    if (printed.endsWith("元")) {
      printed = printed.substring(0, printed.length() - 1);
    }
    // OCR reads the decimal point as an ideographic full stop or a comma (12。50, 1234,56): a
    // comma before exactly two final digits is no thousands separator.
    String s = DECIMAL_COMMA.matcher(STOP_AS_POINT.matcher(printed).replaceAll(".")).replaceAll(".");
    if (POINTS_AS_GROUPS.matcher(s).matches()) {
      // Thousands separators read as points (1.883.35): only the last point is the decimal one.
      int last = s.lastIndexOf('.');
      s = s.substring(0, last).replace('.', ',') + s.substring(last);
    }
    if (!s.equals(printed)) {
      return amount(s).map(p -> new Parsed<>(p.value(), false));
    }
    String fixed = fixDigits(s);
    if (STRICT_AMOUNT.matcher(fixed).matches()) {
      return Optional.of(new Parsed<>(toMoney(fixed), fixed.equals(s)));
    }
    Matcher m = ANY_AMOUNT.matcher(s);
    if (!m.find()) {
      return Optional.empty();
    }
    String found = m.group();
    // Digits glued to letters are a code (MZ637420, ZY1024), not an amount.
    boolean letterBefore = m.start() > 0 && isAsciiLetter(s.charAt(m.start() - 1));
    boolean letterAfter = m.end() < s.length() && isAsciiLetter(s.charAt(m.end()));
    if (letterBefore || letterAfter || !STRICT_AMOUNT.matcher(found).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Parsed<>(toMoney(found), false));
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  /** All amounts with two decimals printed in the text (used to ground values). */
  public static List<BigDecimal> amountsIn(String text) {
    List<BigDecimal> out = new ArrayList<>();
    Matcher m = AMOUNT_IN_TEXT.matcher(normalize(text));
    while (m.find()) {
      out.add(toMoney(m.group()));
    }
    return out;
  }

  /** The first date in the text; format ok when the text is just the date (a time may follow). */
  public static Optional<Parsed<LocalDate>> date(String text) {
    String s = fixDigits(compact(text));
    List<LocalDate> all = datesIn(s);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    // A time may follow the date (with its space lost when boxes were compacted).
    String dateOnly = s.replaceFirst("\\d{1,2}:\\d{2}(:\\d{2})?$", "");
    boolean ok = s.equals(compact(text)) && STRICT_DATE.matcher(dateOnly).matches();
    return Optional.of(new Parsed<>(all.get(0), ok));
  }

  /** All valid dates in the text, in order. */
  public static List<LocalDate> datesIn(String text) {
    List<LocalDate> out = new ArrayList<>();
    Matcher m = DATE.matcher(normalize(text));
    while (m.find()) {
      int base = m.group(1) != null ? 1 : 4;
      try {
        out.add(LocalDate.of(
            Integer.parseInt(m.group(base)),
            Integer.parseInt(m.group(base + 1)),
            Integer.parseInt(m.group(base + 2))));
      } catch (DateTimeException e) {
        // Not a calendar date (e.g. an 8-digit serial number): not a date.
      }
    }
    return out;
  }

  /** The digits of a code (invoice code or number); format ok when it is exactly that many digits. */
  public static Optional<Parsed<String>> digits(String text, int expectedLength) {
    String s = fixDigits(compact(text));
    Matcher m = DIGIT_RUN.matcher(s);
    String best = null;
    while (m.find()) {
      if (best == null || m.group().length() > best.length()) {
        best = m.group();
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    boolean ok = best.equals(s) && best.length() == expectedLength && s.equals(compact(text));
    return Optional.of(new Parsed<>(best, ok));
  }

  /** An alphanumeric code such as a 校验码. */
  public static Optional<Parsed<String>> code(String text) {
    String s = compact(text);
    Matcher m = ALNUM_RUN.matcher(s);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new Parsed<>(m.group(), m.group().equals(s)));
  }

  /** A masked ID number as printed (330102********1234). */
  public static Optional<Parsed<String>> maskedId(String text) {
    String s = compact(text).replace('×', '*');
    String kept = s.replaceAll("[^0-9Xx*]", "");
    if (kept.isEmpty() || kept.indexOf('*') < 0 && kept.length() < 15) {
      return Optional.empty();
    }
    Matcher miscounted = MISCOUNTED_MASK.matcher(kept);
    if (miscounted.matches() && miscounted.group(2).length() != 8) {
      // OCR miscounts a run of asterisks; the mask is always printed as 8, so only the count is set
      // right (the printed characters are kept as read), and the repair lowers confidence.
      return Optional.of(new Parsed<>(miscounted.group(1) + "********" + miscounted.group(3), false));
    }
    Matcher stray = STRAY_IN_MASK.matcher(kept);
    if (stray.matches()) {
      // Overlapping boxes read a glyph twice or a stray mark next to the mask (44030313********4379,
      // 370102*2********5426): the six before and the four after the run of eight are the ID's.
      return Optional.of(new Parsed<>(stray.group(1) + "********" + stray.group(2), false));
    }
    return Optional.of(new Parsed<>(kept, kept.equals(s) && kept.matches("[0-9A-Za-z]{6}\\*{8}[0-9A-Za-z]{4}")));
  }

  /** A number of days such as 7, 7天 or 22.5. */
  public static Optional<Parsed<BigDecimal>> days(String text) {
    String s = fixDigits(compact(text));
    Matcher m = DAYS.matcher(s);
    if (!m.find()) {
      return Optional.empty();
    }
    BigDecimal d = new BigDecimal(m.group(1));
    return Optional.of(new Parsed<>(d, s.matches("\\d+(\\.5|\\.0)?天?")));
  }

  /** The amount-in-words part of a text, trimmed of prefixes such as 人民币 and symbols. */
  public static Optional<Parsed<String>> amountWords(String text) {
    String s = compact(text).replace("人民币", "");
    int start = 0;
    while (start < s.length() && !ChineseAmount.isAmountChar(s.charAt(start))) {
      start++;
    }
    int end = s.length();
    while (end > start && !ChineseAmount.isAmountChar(s.charAt(end - 1))) {
      end--;
    }
    if (start >= end) {
      return Optional.empty();
    }
    String words = ChineseAmount.canonicalThree(s.substring(start, end));
    return Optional.of(new Parsed<>(words, ChineseAmount.tryParse(words).isPresent()));
  }

  /** True when the text holds Chinese capital digits (it is an amount in words, not figures). */
  public static boolean looksLikeWords(String text) {
    return compact(text).chars().anyMatch(c -> "壹贰叁肆伍陆柒捌玖拾佰仟".indexOf(c) >= 0)
        || compact(text).matches(".*零元整.*");
  }

  /** Scale-2 money from a plain or comma-grouped decimal string. */
  public static BigDecimal toMoney(String text) {
    return new BigDecimal(text.replace(",", "")).setScale(2, RoundingMode.UNNECESSARY);
  }
}
