package cn.healthrisk.claims.extraction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Parses and writes amounts in Chinese capital numerals (合计(大写)), e.g. 壹仟壹佰捌拾捌元伍角玖分. */
public final class ChineseAmount {

  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
  // Plain numerals and variants seen on receipts and in OCR output are read as their capitals.
  private static final String PLAIN_DIGITS = "〇一二三四五六七八九";
  private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
  private static final String[] GROUP_UNITS = {"", "万", "亿"};
  private static final BigDecimal MAX = new BigDecimal("999999999999.99");

  private ChineseAmount() {}

  /** The amount written in the words, or empty when the text is not a well-formed amount. */
  public static Optional<BigDecimal> tryParse(String words) {
    try {
      return Optional.of(parse(words));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses words such as 伍佰陆拾肆元玖角整; 圆 is read as 元 and 正 as 整.
   *
   * @throws IllegalArgumentException when the text is not a well-formed amount
   */
  public static BigDecimal parse(String words) {
    if (words == null) {
      throw new IllegalArgumentException("no amount words");
    }
    String s = normalize(words);
    if (s.endsWith("整")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty() || s.indexOf('整') >= 0) {
      throw new IllegalArgumentException("not an amount in words: " + words);
    }
    String integerPart;
    String fractionPart;
    int yuan = s.indexOf('元');
    if (yuan >= 0) {
      integerPart = s.substring(0, yuan);
      fractionPart = s.substring(yuan + 1);
      if (integerPart.isEmpty()) {
        throw new IllegalArgumentException("no integer part before 元: " + words);
      }
    } else if (s.indexOf('角') >= 0 || s.indexOf('分') >= 0) {
      integerPart = "";
      fractionPart = s;
    } else {
      throw new IllegalArgumentException("no 元, 角 or 分 in: " + words);
    }
    long integer = integerPart.isEmpty() ? 0 : parseInteger(integerPart, words);
    int cents = parseFraction(fractionPart, words);
    return BigDecimal.valueOf(integer).multiply(BigDecimal.valueOf(100)).add(BigDecimal.valueOf(cents))
        .movePointLeft(2)
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  /** Writes a non-negative amount (scale at most 2) in words, e.g. 128.50 → 壹佰贰拾捌元伍角整. */
  public static String format(BigDecimal amount) {
    if (amount == null || amount.signum() < 0 || amount.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("amount out of range: " + amount);
    }
    BigDecimal scaled;
    try {
      scaled = amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("more than two decimal places: " + amount, e);
    }
    long cents = scaled.movePointRight(2).longValueExact();
    long integer = cents / 100;
    int jiao = (int) (cents % 100 / 10);
    int fen = (int) (cents % 10);
    StringBuilder sb = new StringBuilder();
    if (integer > 0) {
      sb.append(formatInteger(integer)).append('元');
    }
    if (jiao == 0 && fen == 0) {
      return integer == 0 ? "零元整" : sb.append('整').toString();
    }
    if (jiao > 0) {
      sb.append(DIGITS.charAt(jiao)).append('角');
    } else if (integer > 0) {
      sb.append('零');
    }
    if (fen > 0) {
      sb.append(DIGITS.charAt(fen)).append('分');
    } else {
      sb.append('整');
    }
    return sb.toString();
  }

  /** The words with 参 and 叄, forms of 叁 that are also printed and read, written as 叁. */
  public static String canonicalThree(String words) {
    return words.replace('参', '叁').replace('叄', '叁');
  }

  /** True when the character can appear in amount words (used to trim OCR noise around them). */
  public static boolean isAmountChar(char c) {
    return DIGITS.indexOf(c) >= 0 || PLAIN_DIGITS.indexOf(c) >= 0 || "拾佰仟万亿元圆角分整正十百千".indexOf(c) >= 0
        || c == '参' || c == '叄';
  }

  private static String normalize(String words) {
    StringBuilder sb = new StringBuilder();
    for (char c : words.toCharArray()) {
      if (Character.isWhitespace(c)) {
        continue;
      }
      int plain = PLAIN_DIGITS.indexOf(c);
      char n = switch (c) {
        case '圆' -> '元';
        case '正' -> '整';
        case '十' -> '拾';
        case '百' -> '佰';
        case '千' -> '仟';
        case '两' -> '贰';
        case '参', '叄' -> '叁';
        default -> plain >= 0 ? DIGITS.charAt(plain) : c;
      };
      sb.append(n);
    }
    return sb.toString();
  }

  private static long parseInteger(String s, String original) {
    long total = 0;
    long group = 0;
    int digit = -1;
    boolean any = false;
    for (char c : s.toCharArray()) {
      int d = DIGITS.indexOf(c);
      if (d >= 0) {
        if (digit > 0) {
          throw new IllegalArgumentException("two digits without a unit in: " + original);
        }
        digit = d;
        any = true;
        continue;
      }
      switch (c) {
        case '拾', '佰', '仟' -> {
          int unit = c == '拾' ? 10 : c == '佰' ? 100 : 1000;
          // 拾 alone at the start (拾元) means 壹拾.
          int value = digit < 0 ? (c == '拾' ? 1 : -1) : digit;
          if (value <= 0) {
            throw new IllegalArgumentException("unit without a digit in: " + original);
          }
          group += (long) value * unit;
          digit = -1;
          any = true;
        }
        case '万', '亿' -> {
          long unit = c == '万' ? 10_000L : 100_000_000L;
          long part = group + Math.max(digit, 0);
          if (part == 0) {
            throw new IllegalArgumentException("empty group before " + c + " in: " + original);
          }
          total = c == '亿' ? (total + part) * unit : total + part * unit;
          group = 0;
          digit = -1;
        }
        default -> throw new IllegalArgumentException("unexpected '" + c + "' in: " + original);
      }
    }
    if (!any) {
      throw new IllegalArgumentException("no digits in: " + original);
    }
    return total + group + Math.max(digit, 0);
  }

  private static int parseFraction(String s, String original) {
    int jiao = 0;
    int fen = 0;
    int digit = -1;
    boolean seenJiao = false;
    boolean seenFen = false;
    for (char c : s.toCharArray()) {
      int d = DIGITS.indexOf(c);
      if (d == 0) {
        digit = -1;
        continue;
      }
      if (d > 0) {
        if (digit > 0) {
          throw new IllegalArgumentException("two digits without a unit in: " + original);
        }
        digit = d;
        continue;
      }
      if (c == '角' && !seenJiao && !seenFen && digit > 0) {
        jiao = digit;
        seenJiao = true;
      } else if (c == '分' && !seenFen && digit > 0) {
        fen = digit;
        seenFen = true;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' in: " + original);
      }
      digit = -1;
    }
    if (digit > 0) {
      throw new IllegalArgumentException("digit without 角 or 分 in: " + original);
    }
    return jiao * 10 + fen;
  }

  private static String formatInteger(long n) {
    int[] groups = new int[3];
    for (int i = 0; i < 3; i++) {
      groups[i] = (int) (n % 10_000);
      n /= 10_000;
    }
    StringBuilder sb = new StringBuilder();
    boolean zeroPending = false;
    for (int i = 2; i >= 0; i--) {
      int g = groups[i];
      if (g == 0) {
        zeroPending = sb.length() > 0;
        continue;
      }
      if (sb.length() > 0 && (zeroPending || g < 1000)) {
        sb.append('零');
      }
      sb.append(formatGroup(g)).append(GROUP_UNITS[i]);
      zeroPending = false;
    }
    return sb.toString();
  }

  private static String formatGroup(int g) {
    StringBuilder sb = new StringBuilder();
    boolean zeroPending = false;
    for (int pos = 3; pos >= 0; pos--) {
      int d = g / (int) Math.pow(10, pos) % 10;
      if (d == 0) {
        zeroPending = sb.length() > 0;
        continue;
      }
      if (zeroPending) {
        sb.append('零');
      }
      sb.append(DIGITS.charAt(d)).append(SMALL_UNITS[pos]);
      zeroPending = false;
    }
    return sb.toString();
  }
}
