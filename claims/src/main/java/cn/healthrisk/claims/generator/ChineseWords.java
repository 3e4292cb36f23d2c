package cn.healthrisk.claims.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writes an amount of money as the 合计(大写) text of a Chinese receipt. */
public final class ChineseWords {

  private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
  private static final String[] IN_SECTION = {"", "拾", "佰", "仟"};
  private static final String[] SECTIONS = {"", "万", "亿", "万亿"};

  private ChineseWords() {}

  /**
   * The amount in capital numerals, e.g. 壹仟壹佰捌拾捌元伍角玖分, 叁拾元整, 柒佰伍拾陆元零捌分.
   *
   * @throws IllegalArgumentException for negative amounts or more than two decimal places
   */
  public static String amount(BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative amount: " + amount);
    }
    BigDecimal cents;
    try {
      cents = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("more than two decimal places: " + amount, e);
    }
    long total = cents.longValueExact();
    long yuan = total / 100;
    int jiao = (int) (total / 10 % 10);
    int fen = (int) (total % 10);
    StringBuilder sb = new StringBuilder(integerWords(yuan));
    if (yuan > 0 || (jiao == 0 && fen == 0)) {
      sb.append(yuan == 0 ? "零元" : "元");
    }
    if (jiao == 0 && fen == 0) {
      return sb.append('整').toString();
    }
    if (jiao > 0) {
      sb.append(DIGITS[jiao]).append('角');
    } else if (yuan > 0) {
      // 零 marks the skipped 角 between 元 and 分 (柒佰伍拾陆元零捌分).
      sb.append('零');
    }
    if (fen > 0) {
      sb.append(DIGITS[fen]).append('分');
    } else {
      sb.append('整');
    }
    return sb.toString();
  }

  private static String integerWords(long n) {
    if (n == 0) {
      return "";
    }
    int[] sections = new int[SECTIONS.length];
    int count = 0;
    for (long rest = n; rest > 0; rest /= 10_000) {
      if (count == sections.length) {
        throw new IllegalArgumentException("amount too large: " + n);
      }
      sections[count++] = (int) (rest % 10_000);
    }
    StringBuilder sb = new StringBuilder();
    boolean started = false;
    boolean gap = false;
    for (int i = count - 1; i >= 0; i--) {
      int s = sections[i];
      if (s == 0) {
        gap = started;
        continue;
      }
      // A lower section with leading zeros, or an all-zero section skipped, reads as one 零.
      if (started && (gap || s < 1000)) {
        sb.append('零');
      }
      sb.append(sectionWords(s)).append(SECTIONS[i]);
      started = true;
      gap = false;
    }
    return sb.toString();
  }

  private static String sectionWords(int s) {
    StringBuilder sb = new StringBuilder();
    boolean started = false;
    boolean zero = false;
    for (int pos = 3; pos >= 0; pos--) {
      int d = s / (int) Math.pow(10, pos) % 10;
      if (d == 0) {
        zero = started;
        continue;
      }
      if (zero) {
        sb.append('零');
        zero = false;
      }
      sb.append(DIGITS[d]).append(IN_SECTION[pos]);
      started = true;
    }
    return sb.toString();
  }
}
