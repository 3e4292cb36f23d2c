package cn.healthrisk.kb.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Conditions and operations applicants say in pieces. An organ followed, a few filler words later,
 * by a lesion ("甲状腺上长了个小疙瘩", "肾上有个小囊肿", "肺部没有结节") or by a removal verb
 * ("扁桃体割了"), or a removal verb followed by an organ ("割过胆囊"), names the knowledge base's
 * own term when organ + lesion (甲状腺结节) or organ + 切除术 (胆囊切除术) is one of its terms.
 * The organs are learnt from those terms; the colloquial names of organs, lesions and verbs are
 * listed here.
 *
 * @param <T> what a term stands for
 */
final class Composition<T> {

  /** A composed term found in text, {@code [start, end)}; {@code denied} when a denial sits between the pieces. */
  record Hit<T>(int start, int end, String term, T value, boolean denied) {}

  /** Lesion words a knowledge-base term may end with. */
  private static final List<String> LESIONS = List.of("囊肿", "结节", "息肉", "结石", "肌瘤", "腺瘤", "血管瘤", "脂肪瘤",
      "错构瘤", "纤维瘤", "纤维腺瘤", "混合瘤", "畸胎瘤", "乳头状瘤", "增生", "钙化", "肿物", "肿块", "占位", "积液", "积水", "斑块", "血栓", "狭窄", "突出", "膨出",
      "肥大", "扩张", "下垂", "脱垂", "憩室", "溃疡", "糜烂", "萎缩", "硬化", "动脉瘤", "断裂", "损伤", "破裂", "炎");
  /** What applicants call lesions → the lesion words to try, most likely first. */
  private static final Map<String, List<String>> LESION_WORDS = new LinkedHashMap<>();
  /** What applicants call organs → the organ prefixes of terms to try. */
  private static final Map<String, List<String>> ORGAN_WORDS = Map.ofEntries(
      Map.entry("肠子", List.of("肠", "结肠")), Map.entry("肠道", List.of("肠", "结肠")), Map.entry("大肠", List.of("结肠", "肠")),
      Map.entry("肾脏", List.of("肾")), Map.entry("腰子", List.of("肾")), Map.entry("肝脏", List.of("肝")),
      Map.entry("胆", List.of("胆囊")), Map.entry("乳房", List.of("乳腺")), Map.entry("乳", List.of("乳腺")),
      Map.entry("奶", List.of("乳腺")), Map.entry("奶子", List.of("乳腺")), Map.entry("胸部", List.of("乳腺", "肺")),
      Map.entry("肺部", List.of("肺")), Map.entry("脾脏", List.of("脾")), Map.entry("胃部", List.of("胃")),
      Map.entry("胃里", List.of("胃")), Map.entry("食道", List.of("食管")), Map.entry("心脏", List.of("心", "心脏")),
      Map.entry("脑子", List.of("脑", "颅内")), Map.entry("脑袋", List.of("脑", "颅内")), Map.entry("脑血管", List.of("脑", "脑血管")),
      Map.entry("嗓子", List.of("咽", "喉")), Map.entry("喉咙", List.of("咽", "喉")), Map.entry("子宫颈", List.of("宫颈")),
      Map.entry("卵巢上", List.of("卵巢")), Map.entry("膀胱里", List.of("膀胱")), Map.entry("眼睛", List.of("眼")),
      Map.entry("耳朵", List.of("耳")), Map.entry("鼻子", List.of("鼻")), Map.entry("鼻子里", List.of("鼻")),
      Map.entry("腰椎间盘", List.of("腰椎间盘")), Map.entry("颈椎间盘", List.of("颈椎间盘")),
      // An examination that looks at one organ stands for it: "肠镜有个腺瘤", "钼靶有钙化", "胃镜说有息肉".
      Map.entry("肠镜", List.of("结肠", "肠", "直肠")), Map.entry("结肠镜", List.of("结肠", "肠")),
      Map.entry("胃镜", List.of("胃", "食管", "十二指肠")), Map.entry("钼靶", List.of("乳腺")),
      Map.entry("胸片", List.of("肺")), Map.entry("胸部CT", List.of("肺")), Map.entry("肺CT", List.of("肺")),
      Map.entry("喉镜", List.of("声带", "喉")), Map.entry("宫腔镜", List.of("子宫内膜", "宫腔", "子宫")),
      Map.entry("阴道镜", List.of("宫颈")), Map.entry("膀胱镜", List.of("膀胱")), Map.entry("心超", List.of("心")),
      Map.entry("心脏彩超", List.of("心")));
  private static final java.util.Set<String> EXAMINATIONS = java.util.Set.of("肠镜", "结肠镜", "胃镜", "钼靶", "胸片",
      "胸部CT", "肺CT", "喉镜", "宫腔镜", "阴道镜", "膀胱镜", "心超", "心脏彩超");
  /** Removal verbs: "切了", "割掉", "摘除", "拿掉" and their kind. */
  private static final List<String> REMOVALS = List.of("切除", "摘除", "切掉", "割掉", "摘掉", "拿掉", "拿走", "去掉", "切", "割", "摘",
      "拿");
  private static final List<String> REMOVAL_TERMS = List.of("切除术", "切除");

  /** What may stand between an organ and its lesion: place, count, size words and a denial. */
  private static final Pattern ORGAN_TO_LESION = Pattern.compile(
      "(?:[上里内中的有个一小多发几两双左右侧叶部长了颗枚粒处些点大还也都镜老总常爱壁面说见示]|发现|查出|看到|可见|彩超|B超|超声|CT|核磁|检查"
          + "|摸到|摸着|摸出|提示|显示|报告|簇状|点状|细小|散在|前面|旁边|附近|表面"
          + "|经常|反复|容易|时常|低回声|高回声|无回声|等回声|混合回声|强回声|实性|囊性|囊实性|实质性|单发|多发|边界[清欠不]*"
          + "|[0-9.]+(?:[xX×*][0-9.]+)*(?:公分|厘米|毫米|MM|CM|mm|cm)?|大小|约|左右"
          + "|轻度|中度|重度|轻微|少量|少许|稍|略|偏"
          + "|没有|没|无|未见|未发现|未)*");
  private static final Pattern ORGAN_TO_REMOVAL = Pattern.compile(
      "(?:[也都已经早就被给的左右双侧叶部全半次大用还]|腹腔镜|微创|开腹|手术|做手术|没有|没|未|不用|无需)*");
  private static final Pattern REMOVAL_TO_ORGAN = Pattern.compile("[了过掉的个一半边侧左右]*");
  private static final Pattern DENIAL = Pattern.compile("没有|没|无|未见|未发现|未|不是");
  private static final int MAX_GAP = 16;
  private static final Pattern RECURRING = Pattern.compile("经常|反复|老|总|时常|常常|容易");
  /** How far before an organ a recurrence word still describes it. */
  private static final int RECURRING_LEAD = 3;
  /** Characters of verbs and fillers that never belong to an organ's name. */
  private static final String NOT_IN_ORGAN_NAMES = "割切摘除术拿取做过了有";

  static {
    for (String l : LESIONS) {
      // A bare 炎 is part of too many words; inflammation is said as 发炎 or 炎症.
      if (!l.equals("炎")) {
        LESION_WORDS.put(l, List.of(l));
      }
    }
    LESION_WORDS.put("发炎", List.of("炎"));
    LESION_WORDS.put("炎症", List.of("炎"));
    List<String> lump = List.of("结节", "肿物", "肿块");
    for (String w : List.of("疙瘩", "小疙瘩", "包块", "硬块", "小包", "肉疙瘩", "硬结")) {
      LESION_WORDS.put(w, lump);
    }
    LESION_WORDS.put("肿块", List.of("肿块", "肿物", "结节"));
    LESION_WORDS.put("肿物", List.of("肿物", "肿块", "结节"));
    for (String w : List.of("石头", "小石头", "石子")) {
      LESION_WORDS.put(w, List.of("结石"));
    }
    for (String w : List.of("肉", "小肉", "肉球", "赘生物")) {
      LESION_WORDS.put(w, List.of("息肉"));
    }
    for (String w : List.of("水泡", "水囊", "囊", "小水泡")) {
      LESION_WORDS.put(w, List.of("囊肿"));
    }
    LESION_WORDS.put("瘤子", List.of("肿瘤", "瘤"));
    LESION_WORDS.put("小结", List.of("小结", "结节"));
    for (String w : List.of("切断", "断了", "断掉", "撕裂")) {
      LESION_WORDS.put(w, List.of("断裂", "损伤"));
    }
    for (String w : List.of("挫伤", "挫裂伤", "裂伤")) {
      LESION_WORDS.put(w, List.of("挫伤", "挫裂伤", "损伤", "破裂"));
    }
    for (String w : List.of("小孔", "小眼", "小洞")) {
      LESION_WORDS.put(w, List.of("小孔", "瘘管", "瘘孔"));
    }
    LESION_WORDS.put("小结节", List.of("结节", "小结节"));
    LESION_WORDS.put("小囊肿", List.of("囊肿"));
  }

  private final TermIndex<T> terms;
  private final TermIndex<List<String>> organs = new TermIndex<>(List.of());
  private final TermIndex<List<String>> lesions = new TermIndex<>(List.of());
  private final TermIndex<Boolean> removals = new TermIndex<>(List.of());

  Composition(TermIndex<T> terms) {
    this.terms = terms;
    Set<String> prefixes = new LinkedHashSet<>();
    for (String term : terms.terms()) {
      for (String ending : concat(LESIONS, REMOVAL_TERMS)) {
        if (term.length() > ending.length() && term.endsWith(ending)) {
          String prefix = term.substring(0, term.length() - ending.length());
          // "扁桃体发炎" names the organ 扁桃体, not 扁桃体发: 发炎 is the lesion word.
          if (ending.equals("炎") && prefix.endsWith("发")) {
            prefix = prefix.substring(0, prefix.length() - 1);
          }
          // Only plain organ names: "割胆囊息肉" makes "割胆囊" no organ.
          if (!prefix.isEmpty() && prefix.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
              && prefix.chars().noneMatch(c -> NOT_IN_ORGAN_NAMES.indexOf(c) >= 0)) {
            prefixes.add(prefix);
          }
        }
      }
    }
    ORGAN_WORDS.forEach(organs::add);
    for (String p : prefixes) {
      String organ = organOf(p);
      organs.add(p, organ.equals(p) ? List.of(p) : List.of(p, organ));
      if (!organ.equals(p) && !prefixes.contains(organ)) {
        organs.add(organ, List.of(organ));
      }
    }
    LESION_WORDS.forEach(lesions::add);
    REMOVALS.forEach(r -> removals.add(r, Boolean.TRUE));
  }

  /**
   * The organ a learnt prefix names, without the count or place words some terms carry before their
   * lesion ("肾多发结石" teaches 肾, not 肾多发, so that "双肾多发小囊肿" finds 肾 + 囊肿).
   */
  private static String organOf(String prefix) {
    for (int k = 1; k < prefix.length(); k++) {
      if (TRAILING_FILLER.matcher(prefix.substring(k)).matches()) {
        return prefix.substring(0, k);
      }
    }
    return prefix;
  }

  private static final Pattern TRAILING_FILLER = Pattern.compile("(?:多发|单发|双侧|左侧|右侧|[多双左右小大内上])+");

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** True when a denial word stands inside the span, after its first character. */
  /** A lesion word a knowledge-base term may end with, or what applicants call one. */
  static boolean isLesion(String word) {
    return LESIONS.contains(word) && !word.equals("炎");
  }

  static boolean deniesInside(String span) {
    return span.length() > 1 && DENIAL.matcher(span.substring(1)).find();
  }

  /** The organ names of the last organ or examination word in the text ("肺部CT未见异常" → 肺), or null. */
  List<String> lastOrgan(String text) {
    return lastOrgan(organs.longestMatches(text));
  }

  static List<String> lastOrgan(List<TermIndex.Hit<List<String>>> hits) {
    return hits.isEmpty() ? null : hits.get(hits.size() - 1).value();
  }

  /**
   * Lesion words said with no organ of their own, at the organ named before ("肺部CT未见异常，没有结节",
   * "体检胸片正常，CT有个小结节"): the organ's name and the lesion make one of the knowledge base's terms.
   */
  List<Hit<T>> atOrgan(String text, List<String> organNames, List<TermIndex.Hit<List<String>>> organHits) {
    if (organHits.stream().anyMatch(o -> !EXAMINATIONS.contains(o.term()) && !o.term().equals("CT"))) {
      return List.of();
    }
    List<Hit<T>> out = new ArrayList<>();
    for (TermIndex.Hit<List<String>> l : lesions.longestMatches(text)) {
      add(out, lookup(organNames, l.value(), l.start(), l.end(),
          DENIAL.matcher(text.substring(Math.max(0, l.start() - 3), l.start())).find()));
    }
    return out;
  }

  /** The terms a lesion word said in text may stand for, or an empty list. */
  List<String> lesionEndings(String text) {
    List<TermIndex.Hit<List<String>>> hits = lesions.longestMatches(text);
    return hits.isEmpty() ? List.of() : hits.get(hits.size() - 1).value();
  }

  /** Whether the word names an organ, as learnt from the terms or listed as an applicant's word for one. */
  boolean isOrgan(String word) {
    return organs.get(word) != null && !EXAMINATIONS.contains(word);
  }

  /** Composed terms in the text, non-overlapping, longer first. */
  List<Hit<T>> find(String text) {
    return find(text, organs(text));
  }

  /** The organ and examination words in the text, for {@link #find(String, List)} and {@link #lastOrgan}. */
  List<TermIndex.Hit<List<String>>> organs(String text) {
    return organs.longestMatches(text);
  }

  /** Composed terms in the text whose organ words were already looked up. */
  List<Hit<T>> find(String text, List<TermIndex.Hit<List<String>>> organHits) {
    if (organHits.isEmpty()) {
      return List.of();
    }
    List<TermIndex.Hit<List<String>>> lesionHits = lesions.longestMatches(text);
    List<TermIndex.Hit<Boolean>> removalHits = removals.longestMatches(text);
    List<Hit<T>> out = new ArrayList<>();
    for (TermIndex.Hit<List<String>> o : organHits) {
      for (TermIndex.Hit<List<String>> l : lesionHits) {
        if (l.start() < o.end() || l.start() - o.end() > MAX_GAP) {
          continue;
        }
        String gap = text.substring(o.end(), l.start());
        if (!ORGAN_TO_LESION.matcher(gap).matches()) {
          continue;
        }
        // "老发炎", "反复发炎": what keeps coming back is the chronic form when the knowledge base has one.
        List<String> organNames = o.value();
        // The recurrence may also be said just before the organ ("经常扁桃体发炎").
        String lead = text.substring(Math.max(0, o.start() - RECURRING_LEAD), o.start());
        if (RECURRING.matcher(gap).find() || RECURRING.matcher(lead).find()) {
          List<String> chronicFirst = new ArrayList<>();
          organNames.forEach(n -> chronicFirst.add("慢性" + n));
          chronicFirst.addAll(organNames);
          organNames = chronicFirst;
        }
        Hit<T> hit = lookup(organNames, l.value(), o.start(), l.end(), DENIAL.matcher(gap).find());
        if (hit != null) {
          out.add(hit);
          break;
        }
      }
      // An examination stands for its organ only before a lesion: "肠镜切了息肉" removed no colon.
      if (EXAMINATIONS.contains(o.term())) {
        continue;
      }
      for (TermIndex.Hit<Boolean> r : removalHits) {
        if (r.start() >= o.end() && r.start() - o.end() <= 4
            && ORGAN_TO_REMOVAL.matcher(text.substring(o.end(), r.start())).matches()) {
          // "阑尾也没割过": a denial between the organ and the verb denies the operation.
          add(out, lookup(o.value(), REMOVAL_TERMS, o.start(), r.end(),
              DENIAL.matcher(text.substring(o.end(), r.start())).find()));
        } else if (r.end() <= o.start() && o.start() - r.end() <= 3
            && REMOVAL_TO_ORGAN.matcher(text.substring(r.end(), o.start())).matches()) {
          add(out, lookup(o.value(), REMOVAL_TERMS, r.start(), o.end(), false));
        }
      }
    }
    return nonOverlapping(out);
  }

  private static <T> void add(List<Hit<T>> out, Hit<T> hit) {
    if (hit != null) {
      out.add(hit);
    }
  }

  private Hit<T> lookup(List<String> organNames, List<String> endings, int start, int end, boolean denied) {
    for (String organ : organNames) {
      for (String ending : endings) {
        String term = organ + ending;
        T value = terms.get(term);
        if (value != null) {
          return new Hit<>(start, end, term, value, denied);
        }
      }
    }
    return null;
  }

  private static <T> List<Hit<T>> nonOverlapping(List<Hit<T>> hits) {
    if (hits.size() <= 1) {
      return hits;
    }
    List<Hit<T>> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparingInt((Hit<T> h) -> h.start() - h.end()).thenComparingInt(Hit::start));
    List<Hit<T>> chosen = new ArrayList<>();
    for (Hit<T> h : sorted) {
      if (chosen.stream().noneMatch(c -> h.start() < c.end() && c.start() < h.end())) {
        chosen.add(h);
      }
    }
    chosen.sort(Comparator.comparingInt(Hit::start));
    return chosen;
  }
}
