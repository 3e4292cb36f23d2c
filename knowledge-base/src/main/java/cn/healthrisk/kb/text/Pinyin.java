package cn.healthrisk.kb.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Toneless Hanyu pinyin readings of CJK characters, from pinyin4j's Unicode table. Applicants type
 * with a pinyin input method, so their typos are mostly a character with the same sound (糖尿并
 * for 糖尿病, 湿诊 for 湿疹): two characters are homophones when they share a toneless reading.
 */
public final class Pinyin {

  private static final String TABLE = "/pinyindb/unicode_to_hanyu_pinyin.txt";
  /** Readings the table keeps that modern Mandarin no longer uses (癌 was once read yan, now only ai). */
  private static final Map<Character, String> ARCHAIC_READINGS = Map.of('癌', "yan");
  /** Per character, the ids of its toneless readings; null when it has none (not a CJK character). */
  private static final int[][] READINGS = load();

  private Pinyin() {}

  /** Syllable ids of the character's toneless readings; empty when it has none. */
  public static int[] readings(char c) {
    int[] r = READINGS[c];
    return r == null ? EMPTY : r;
  }

  private static final int[] EMPTY = {};

  /**
   * True when a pinyin input method offers {@code typed} for a syllable of {@code intended}: the
   * typed character's usual (first) reading is one of the intended character's modern readings. So
   * a rare reading of a polyphone (率 shuai) does not make 心率 a 心衰, nor an archaic one 肝炎 a 肝癌.
   */
  public static boolean typedFor(char typed, char intended) {
    return typedFor(typed, intended, false);
  }

  /**
   * Like {@link #typedFor} with the sound pairs pinyin input methods let users confuse (模糊音):
   * z/zh, c/ch, s/sh, n/l and the finals an/ang, en/eng, in/ing ("胆南" for 胆囊).
   */
  public static boolean typedForFuzzy(char typed, char intended) {
    return typedFor(typed, intended, true);
  }

  private static boolean typedFor(char typed, char intended, boolean fuzzy) {
    if (typed == intended) {
      return false;
    }
    int[] x = READINGS[typed];
    int[] y = READINGS[intended];
    if (x == null || y == null) {
      return false;
    }
    for (int j : y) {
      if (fuzzy ? FUZZY[x[0]] == FUZZY[j] : x[0] == j) {
        return true;
      }
    }
    return false;
  }

  /** Per syllable id, the id of its 模糊音 class (filled by {@link #load}). */
  private static int[] FUZZY;

  static String fuzzyForm(String syllable) {
    String s = syllable;
    if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
      s = s.charAt(0) + s.substring(2);
    }
    if (s.startsWith("l")) {
      s = "n" + s.substring(1);
    }
    if (s.endsWith("ang") || s.endsWith("eng") || s.endsWith("ing")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static int[][] load() {
    int[][] out = new int[Character.MAX_VALUE + 1][];
    Map<String, Integer> ids = new HashMap<>();
    try (InputStream in = Pinyin.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("pinyin table " + TABLE + " is not on the classpath (pinyin4j)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        // "538B (ya1,ya4)"
        int space = line.indexOf(' ');
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (space < 0 || open < 0 || close < open) {
          continue;
        }
        int code = Integer.parseInt(line.substring(0, space).trim(), 16);
        if (code > Character.MAX_VALUE) {
          continue;
        }
        String[] readings = line.substring(open + 1, close).split(",");
        int[] syllables = new int[readings.length];
        int n = 0;
        for (String r : readings) {
          String toneless = r.trim().replaceAll("[0-9]", "").replace("u:", "v");
          if (toneless.isEmpty() || toneless.equals("none")) {
            continue;
          }
          int id = ids.computeIfAbsent(toneless, k -> ids.size());
          boolean seen = false;
          for (int i = 0; i < n; i++) {
            seen |= syllables[i] == id;
          }
          if (!seen) {
            syllables[n++] = id;
          }
        }
        String archaic = ARCHAIC_READINGS.get((char) code);
        if (archaic != null) {
          Integer gone = ids.get(archaic);
          int kept = 0;
          for (int i = 0; i < n; i++) {
            if (gone == null || syllables[i] != gone) {
              syllables[kept++] = syllables[i];
            }
          }
          n = kept;
        }
        if (n > 0) {
          out[code] = java.util.Arrays.copyOf(syllables, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pinyin table " + TABLE, e);
    }
    int[] fuzzy = new int[ids.size()];
    Map<String, Integer> classes = new HashMap<>();
    ids.forEach((syllable, id) -> fuzzy[id] = classes.computeIfAbsent(fuzzyForm(syllable), k -> classes.size()));
    FUZZY = fuzzy;
    return out;
  }
}
