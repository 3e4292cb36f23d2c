package cn.healthrisk.kb.text;

import java.text.Normalizer;

/**
 * Folds text for matching: full-width to half-width, common traditional characters to simplified,
 * no whitespace, Latin upper case. Terms and input are folded the same way, so either form matches.
 */
public final class TextForms {
  private TextForms() {}

  /**
   * Traditional characters that occur in disclosures, paired with their simplified form. Only
   * one-to-one pairs: a character with several simplified readings would need context.
   */
  private static final String TRADITIONAL =
      "壓腫腦腎膽結節狀癥醫術後檢瘍臟癇鬱發現無過個與脈動靜塊變氣藥療診斷經風濕腸衛癲間頸盤側葉單雙複復陰陽類級歲還沒實線瘡聽視"
          + "網護養營壞潰轉總紅細鈣鐵鏡換產婦幹藍囑關劑臨樣數據導彈膚異規則愛學習歷會體憂懼癱瘓瘻瘧髮齒齲顱頭臉腳頰嚨聲啞噁嘔瀉覺夢睏"
          + "勞損傷積痺癢鬆漿濁濃鹼為們這麼時對開長門問題說話從來東邊賽貧誤讀應該當場認證確鑑層顯測驗項標準態";
  private static final String SIMPLIFIED =
      "压肿脑肾胆结节状症医术后检疡脏痫郁发现无过个与脉动静块变气药疗诊断经风湿肠卫癫间颈盘侧叶单双复复阴阳类级岁还没实线疮听视"
          + "网护养营坏溃转总红细钙铁镜换产妇干蓝嘱关剂临样数据导弹肤异规则爱学习历会体忧惧瘫痪瘘疟发齿龋颅头脸脚颊咙声哑恶呕泻觉梦困"
          + "劳损伤积痹痒松浆浊浓碱为们这么时对开长门问题说话从来东边赛贫误读应该当场认证确鉴层显测验项标准态";
  private static final char[] MAP = new char[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      MAP[c] = (char) c;
    }
    for (int c = 'a'; c <= 'z'; c++) {
      MAP[c] = (char) (c - 'a' + 'A');
    }
    // Full-width ASCII variants (！ to ～) and the ideographic space.
    for (int c = 0xFF01; c <= 0xFF5E; c++) {
      char half = (char) (c - 0xFEE0);
      MAP[c] = MAP[half];
    }
    MAP[0x3000] = ' ';
    MAP['µ'] = 'μ';
    for (int i = 0; i < TRADITIONAL.length(); i++) {
      MAP[TRADITIONAL.charAt(i)] = SIMPLIFIED.charAt(i);
    }
  }

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String s = needsNfkc(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = MAP[s.charAt(i)];
      if (!Character.isWhitespace(c) && c != '\u00A0') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Folds one character the way {@link #fold} does (without NFKC). */
  public static char fold(char c) {
    return MAP[c];
  }

  /**
   * NFKC is slow next to a table lookup; only symbols such as ㎜, ①, ℃ or compatibility
   * ideographs need it, so plain CJK and ASCII text skips it.
   */
  private static boolean needsNfkc(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 0x2000 && c < 0x3000) || (c >= 0x3100 && c < 0x3400) || (c >= 0xF900 && c < 0xFB00)
          || (c >= 0xFE30 && c < 0xFF01) || c >= 0xFF5F) {
        return true;
      }
    }
    return false;
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
