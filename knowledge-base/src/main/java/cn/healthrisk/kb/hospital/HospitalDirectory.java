package cn.healthrisk.kb.hospital;

import cn.healthrisk.kb.model.Hospital;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hospital directory, and matching of the names receipts print in 收款单位(章): with seal words
 * (章, 财务专用章), a department or campus suffix (门诊部, 东院区), or the short instead of the full name.
 */
public final class HospitalDirectory {

  /** Words that name a special department that insurers treat apart, whichever hospital it belongs to. */
  public static final List<String> SPECIAL_DEPARTMENT_WORDS =
      List.of("特需", "国际医疗部", "国际部", "国际医学部", "VIP", "贵宾");

  private static final Pattern SEAL_WORDS = Pattern.compile(
      "(财务专用章|收费专用章|票据专用章|发票专用章|专用章|公章|\\(章\\)|（章）|章)$");
  private static final Pattern PUNCTUATION = Pattern.compile("[\\s　·•.,，。:：;；\"“”'‘’()（）\\[\\]【】<>《》\\-—_/]");
  /** Suffixes after the hospital's name: a department, campus or counter of the same hospital. */
  private static final Pattern SUFFIX = Pattern.compile(
      "(门诊部|住院部|急诊部|收费处|收费室|结算处|结算中心|特需医疗部|特需医疗中心|特需门诊|特需病房|特需部|"
          + "国际医疗部|国际医疗中心|国际医学部|国际部|VIP门诊|VIP病房|贵宾部|[\\p{IsHan}]{1,6}院区|[\\p{IsHan}]{1,4}分院)$");
  private static final int MIN_CONTAINED = 4;
  /** Names many hospitals end with; never enough on their own to say which hospital is meant. */
  static final Pattern GENERIC = Pattern.compile("(第[一二三四五六七八九十]+|人民|中医|中西医结合|中心|妇幼|妇幼保健|儿童|妇产|"
      + "肿瘤|口腔|眼科|骨科|传染病|精神卫生|精神病|胸科|市|县|区|省)?(人民)?(医院|保健院|卫生院)");

  private final List<Hospital> hospitals;
  private final Map<String, Hospital> byKey;

  /** Builds the directory; names and aliases must already be unique after {@link #key}. */
  public HospitalDirectory(List<Hospital> hospitals) {
    this.hospitals = List.copyOf(hospitals);
    Map<String, Hospital> index = new LinkedHashMap<>();
    for (Hospital h : this.hospitals) {
      index.putIfAbsent(key(h.name()), h);
      for (String a : h.aliases()) {
        index.putIfAbsent(key(a), h);
      }
    }
    this.byKey = Collections.unmodifiableMap(index);
  }

  public static HospitalDirectory empty() {
    return new HospitalDirectory(List.of());
  }

  public List<Hospital> hospitals() {
    return hospitals;
  }

  public int size() {
    return hospitals.size();
  }

  /**
   * What the directory knows of a receipt's hospital name.
   *
   * @param hospital the directory entry, empty when the name is not in the directory
   * @param specialDepartment the special department the receipt names (特需部, 国际医疗部 ...), or null
   * @param matchedBy how the name was matched: EXACT, SUFFIX_STRIPPED, CONTAINS, or NONE
   */
  public record Match(Optional<Hospital> hospital, String specialDepartment, String matchedBy) {}

  /** Normalised form used for lookups: no spaces, punctuation or seal words; Latin letters upper case. */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String s = PUNCTUATION.matcher(name.strip()).replaceAll("").toUpperCase(Locale.ROOT);
    String before;
    do {
      before = s;
      s = SEAL_WORDS.matcher(s).replaceAll("");
    } while (!s.equals(before) && !s.isEmpty());
    return s;
  }

  public Match match(String receiptName) {
    String raw = receiptName == null ? "" : receiptName;
    String k = key(raw.replace("(章)", "").replace("（章）", ""));
    String special = specialDepartment(k, null);
    if (k.isEmpty()) {
      return new Match(Optional.empty(), special, "NONE");
    }
    Hospital exact = byKey.get(k);
    if (exact != null) {
      return new Match(Optional.of(exact), specialDepartment(k, exact), "EXACT");
    }
    String stripped = k;
    String prev;
    do {
      prev = stripped;
      stripped = SUFFIX.matcher(stripped).replaceAll("");
    } while (!stripped.equals(prev) && !stripped.isEmpty());
    Hospital bySuffix = byKey.get(stripped);
    if (bySuffix != null) {
      return new Match(Optional.of(bySuffix), specialDepartment(k, bySuffix), "SUFFIX_STRIPPED");
    }
    // The receipt's name contains a directory name (e.g. a prefix such as 首都医科大学附属): the longest wins.
    Optional<Map.Entry<String, Hospital>> contained = byKey.entrySet().stream()
        .filter(e -> e.getKey().length() >= MIN_CONTAINED && k.contains(e.getKey()))
        .max(Comparator.comparingInt(e -> e.getKey().length()));
    if (contained.isPresent()) {
      Hospital h = contained.get().getValue();
      return new Match(Optional.of(h), specialDepartment(k, h), "CONTAINS");
    }
    // A short form of a directory name (华西医院 for 四川大学华西医院), only when exactly one hospital fits.
    if (stripped.length() >= MIN_CONTAINED && !GENERIC.matcher(stripped).matches()) {
      List<Hospital> fits = new ArrayList<>();
      for (Map.Entry<String, Hospital> e : byKey.entrySet()) {
        if (e.getKey().endsWith(stripped) && !fits.contains(e.getValue())) {
          fits.add(e.getValue());
        }
      }
      if (fits.size() == 1) {
        return new Match(Optional.of(fits.get(0)), specialDepartment(k, fits.get(0)), "CONTAINS");
      }
    }
    return new Match(Optional.empty(), special, "NONE");
  }

  private static String specialDepartment(String key, Hospital h) {
    if (h != null) {
      for (String d : h.ineligibleDepartments()) {
        String dk = key(d);
        if (!dk.isEmpty() && key.contains(dk) && !key(h.name()).contains(dk)) {
          return d;
        }
      }
    }
    for (String w : SPECIAL_DEPARTMENT_WORDS) {
      if (key.contains(w.toUpperCase(Locale.ROOT)) && (h == null || !key(h.name()).contains(w))) {
        return w;
      }
    }
    return null;
  }
}
