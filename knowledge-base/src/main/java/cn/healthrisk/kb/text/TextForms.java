package cn.healthrisk.kb.text;

import java.text.Normalizer;
import java.util.Locale;

/** Folds text for matching: full-width to half-width (NFKC), no whitespace, Latin upper case. */
public final class TextForms {
  private TextForms() {}

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return nfkc.replaceAll("\\s+", "").replace('µ', 'μ').toUpperCase(Locale.ROOT);
  }

  /** Parses 1-99 written with digits or Chinese numerals (两, 十二, 二十); 半 is 0.5. */
  public static Double number(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return Double.valueOf(s);
    }
    if (s.equals("半")) {
      return 0.5;
    }
    String digits = "零一二三四五六七八九";
    int value = 0;
    int current = 0;
    for (char c : s.toCharArray()) {
      int d = c == '两' ? 2 : digits.indexOf(c);
      if (d >= 0) {
        current = d;
      } else if (c == '十') {
        value += (current == 0 ? 1 : current) * 10;
        current = 0;
      } else {
        return null;
      }
    }
    return (double) (value + current);
  }
}
