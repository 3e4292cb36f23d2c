package cn.healthrisk.kb.text;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Facts;
import cn.healthrisk.kb.model.Surgery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads free Chinese disclosure text into findings: longest-match dictionary over disease and
 * surgery names and synonyms (then the diseases' patterns), several conditions per sentence,
 * negation, times resolved against a reference date, status, grades, sizes and blood pressure.
 */
public final class DisclosureNormalizer {

  static final double CONFIDENCE_ICD10 = 0.95;
  static final double CONFIDENCE_NAME = 0.95;
  static final double CONFIDENCE_SYNONYM = 0.85;
  static final double CONFIDENCE_PATTERN = 0.7;
  static final double CONFIDENCE_UNKNOWN = 0.2;

  private static final Pattern SENTENCE = Pattern.compile("[,;。!?\\n]");
  private static final Pattern ITEM = Pattern.compile("[、和及]");
  private static final Pattern NEGATION = Pattern.compile("否认|没有|未曾|未患|从未|不曾|无|未");
  /** Status phrases, most specific first, so 未规律服药 is not read as 规律服药 or as a negation. */
  private static final List<Map.Entry<Pattern, String>> STATUS = List.of(
      Map.entry(Pattern.compile("未规律(服药|用药|治疗)|不规律(服药|用药)|控制(不佳|不好|欠佳)|未控制"), "UNCONTROLLED"),
      Map.entry(Pattern.compile("已?痊愈|已?治愈|已?康复|已?愈合"), "CURED"),
      Map.entry(Pattern.compile("控制(良好|稳定|正常|在)|(吃药|服药|药物|用药)控制|规律(服药|用药)"), "CONTROLLED"),
      Map.entry(Pattern.compile("复查(无|未见)(明显)?变化|无明显变化|无变化|稳定|定期复查"), "STABLE"));
  private static final Pattern YEAR_MONTH = Pattern.compile("((?:19|20)\\d{2})(?:年|-|/|\\.)(\\d{1,2})月?");
  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
  private static final String NUM = "(\\d{1,2}|[一两二三四五六七八九十半]{1,3})";
  private static final Pattern AGO = Pattern.compile(NUM + "多?(个月|年)(?:前|之前|以前)");
  private static final Pattern DURATION = Pattern.compile("(?<![\\d.])" + NUM + "多?(个月|年)(?!前|之前|以前)");
  private static final Pattern GRADE = Pattern.compile("(?<![A-Z-])([1-4一二三四])级");
  private static final Pattern TIRADS = Pattern.compile("TI-?RADS:?(\\d)");
  private static final Pattern BIRADS = Pattern.compile("BI-?RADS:?(\\d)");
  private static final Pattern SIZE = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)(?:[X×*](\\d+(?:\\.\\d+)?))?(?:[X×*](\\d+(?:\\.\\d+)?))?(MM|CM|毫米|厘米)");
  private static final Pattern BLOOD_PRESSURE = Pattern.compile("(?<!\\d)(\\d{2,3})/(\\d{2,3})(?!\\d)");
  private static final Pattern SEVERITY = Pattern.compile("(轻|中|重)度");
  private static final Pattern OPERATED = Pattern.compile("术后|手术|切除|已切");
  /** Words that carry no condition, stripped before deciding a clause is unknown text. */
  private static final Pattern FILLER = Pattern.compile(
      "做过|患有|病史|曾经|查出|发现|诊断|确诊|目前|现在|一直|吃药|服药|用药|治疗|住院|身体|健康|正常|良好|无异常|未见异常"
          + "|良性|医院|检查|体检|左右|[有曾为了过的在年月个前后天次多约左右侧部叶史是]|[\\dA-Z.%/()\\-+:~]");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  private final KnowledgeBase kb;
  private final List<Term> terms;

  private record Term(String folded, String conceptId, String surgeryId, boolean standard) {}

  private record Match(int start, int end, String conceptId, String surgeryId, double confidence, String basis) {}

  public DisclosureNormalizer(KnowledgeBase kb) {
    this.kb = kb;
    List<Term> all = new ArrayList<>();
    for (Disease d : kb.diseases()) {
      all.add(new Term(TextForms.fold(d.name()), d.id(), null, true));
      d.synonyms().forEach(s -> all.add(new Term(TextForms.fold(s), d.id(), null, false)));
    }
    for (Surgery s : kb.surgeries()) {
      all.add(new Term(TextForms.fold(s.name()), s.conditionId(), s.id(), true));
      s.synonyms().forEach(t -> all.add(new Term(TextForms.fold(t), s.conditionId(), s.id(), false)));
    }
    all.sort(Comparator.comparingInt((Term t) -> t.folded().length()).reversed());
    this.terms = List.copyOf(all);
  }

  /** Findings in free text; relative times count back from {@code referenceDate}. */
  public List<ClinicalFinding> normalize(String text, LocalDate referenceDate) {
    List<Builder> findings = new ArrayList<>();
    List<Builder> last = new ArrayList<>();
    Map<String, Object> pending = new LinkedHashMap<>();
    for (String sentence : SENTENCE.split(TextForms.fold(text))) {
      if (sentence.isEmpty()) {
        continue;
      }
      boolean sentenceNegated = false;
      for (String item : ITEM.split(sentence)) {
        if (item.isEmpty()) {
          continue;
        }
        String masked = maskStatus(item);
        List<Match> matches = match(item);
        Map<String, Object> attrs = attributes(item, referenceDate);
        if (!matches.isEmpty()) {
          boolean ownCue = NEGATION.matcher(masked.substring(0, matches.get(0).start())).find();
          // 否认高血压、糖尿病: a leading denial covers the rest of the sentence's list.
          boolean negated = ownCue || (sentenceNegated && !item.startsWith("有"));
          sentenceNegated = negated;
          last = new ArrayList<>();
          for (Match m : matches) {
            Builder b = new Builder(m, sentence, negated);
            b.attributes.putAll(pending);
            b.attributes.putAll(attrs);
            if (m.surgeryId() != null) {
              Surgery s = kb.surgeries().stream().filter(x -> x.id().equals(m.surgeryId())).findFirst().orElseThrow();
              b.attributes.put(Facts.OPERATED, true);
              b.attributes.put(Facts.SURGERY, s.name());
              b.attributes.put(Facts.ICD9, s.icd9().get(0));
            } else if (OPERATED.matcher(item).find()) {
              b.attributes.put(Facts.OPERATED, true);
            }
            findings.add(b);
            last.add(b);
          }
          pending.clear();
        } else if (!attrs.isEmpty()) {
          if (last.isEmpty()) {
            pending.putAll(attrs);
          } else {
            last.forEach(b -> attrs.forEach(b.attributes::putIfAbsent));
          }
        } else if (NEGATION.matcher(masked).lookingAt()) {
          sentenceNegated = true;
        } else if (CJK.matcher(FILLER.matcher(item).replaceAll("")).results().count() >= 2) {
          findings.add(new Builder(null, item, false, CONFIDENCE_UNKNOWN, "unknown"));
        }
      }
    }
    return findings.stream().map(Builder::build).toList();
  }

  /**
   * Findings of a disclosure that may also carry a coded diagnosis: a known {@code icd10} decides
   * the concept, {@code diagnosedOn} (YYYY, YYYY-MM or YYYY-MM-DD) and {@code status} override
   * what the text says.
   */
  public List<ClinicalFinding> normalize(String text, String icd10, String diagnosedOn, String status,
      LocalDate referenceDate) {
    List<ClinicalFinding> fromText = text == null ? List.of() : normalize(text, referenceDate);
    List<ClinicalFinding> out = new ArrayList<>();
    Optional<Disease> coded = kb.diseaseByIcd10(icd10);
    Map<String, Object> extra = new LinkedHashMap<>();
    parseDate(diagnosedOn).ifPresent(ym -> putSince(extra, ym, referenceDate));
    if (status != null && !status.isBlank()) {
      extra.put(Facts.STATUS, status.trim().toUpperCase(Locale.ROOT).replace("RESOLVED", "CURED"));
    }
    if (coded.isPresent()) {
      Disease d = coded.get();
      Map<String, Object> attrs = new LinkedHashMap<>();
      fromText.stream().filter(f -> d.id().equals(f.conceptId())).findFirst().ifPresent(f -> attrs.putAll(f.attributes()));
      attrs.putAll(extra);
      out.add(new ClinicalFinding(d.id(), d.name(), icd10.trim(), text, Map.copyOf(attrs), false, CONFIDENCE_ICD10,
          "icd10"));
      fromText.stream().filter(f -> !d.id().equals(f.conceptId()) && f.known()).forEach(out::add);
      return out;
    }
    for (ClinicalFinding f : fromText) {
      if (f.known() && !f.negated()) {
        Map<String, Object> attrs = new LinkedHashMap<>(f.attributes());
        attrs.putAll(extra);
        out.add(new ClinicalFinding(f.conceptId(), f.concept(), f.icd10(), f.evidence(), Map.copyOf(attrs), false,
            f.confidence(), f.basis()));
      } else {
        out.add(f);
      }
    }
    boolean anyKnown = out.stream().anyMatch(ClinicalFinding::known);
    if (!anyKnown && icd10 != null && !icd10.isBlank()) {
      out.removeIf(f -> !f.known() && !f.negated());
      out.add(new ClinicalFinding(null, null, icd10.trim(), text, Map.copyOf(extra), false, CONFIDENCE_UNKNOWN,
          "icd10"));
    }
    return out;
  }

  private List<Match> match(String item) {
    List<Match> found = new ArrayList<>();
    int i = 0;
    while (i < item.length()) {
      Term hit = null;
      for (Term t : terms) {
        if (item.startsWith(t.folded(), i)) {
          hit = t;
          break;
        }
      }
      if (hit == null) {
        i++;
        continue;
      }
      final Term term = hit;
      if (found.stream().noneMatch(m -> m.conceptId().equals(term.conceptId()) && m.surgeryId() == null
          && term.surgeryId() == null)) {
        found.add(new Match(i, i + term.folded().length(), term.conceptId(), term.surgeryId(),
            term.standard() ? CONFIDENCE_NAME : CONFIDENCE_SYNONYM, "dictionary"));
      }
      i += term.folded().length();
    }
    for (Disease d : kb.diseases()) {
      if (found.stream().anyMatch(m -> m.conceptId().equals(d.id()))) {
        continue;
      }
      for (Pattern p : d.patterns()) {
        Matcher m = p.matcher(item);
        while (m.find()) {
          int s = m.start();
          int e = m.end();
          if (found.stream().noneMatch(x -> s < x.end() && x.start() < e)) {
            found.add(new Match(s, e, d.id(), null, CONFIDENCE_PATTERN, "pattern"));
            break;
          }
        }
      }
    }
    found.sort(Comparator.comparingInt(Match::start));
    return found;
  }

  private static String maskStatus(String item) {
    String masked = item;
    for (Map.Entry<Pattern, String> e : STATUS) {
      masked = e.getKey().matcher(masked).replaceAll(m -> "□".repeat(m.group().length()));
    }
    return masked;
  }

  /** Facts stated in a clause: status, time, grade, TI-RADS/BI-RADS, size, blood pressure, severity. */
  static Map<String, Object> attributes(String item, LocalDate ref) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (Map.Entry<Pattern, String> e : STATUS) {
      if (e.getKey().matcher(item).find()) {
        attrs.put(Facts.STATUS, e.getValue());
        break;
      }
    }
    time(item, ref).ifPresent(ym -> putSince(attrs, ym, ref));
    Matcher m = GRADE.matcher(item);
    if (m.find()) {
      attrs.put(Facts.GRADE, TextForms.number(m.group(1)).intValue());
    }
    m = TIRADS.matcher(item);
    if (m.find()) {
      attrs.put(Facts.TIRADS, Integer.parseInt(m.group(1)));
    }
    m = BIRADS.matcher(item);
    if (m.find()) {
      attrs.put(Facts.BIRADS, Integer.parseInt(m.group(1)));
    }
    m = SIZE.matcher(item);
    if (m.find()) {
      BigDecimal max = BigDecimal.ZERO;
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          max = max.max(new BigDecimal(m.group(g)));
        }
      }
      boolean cm = m.group(4).equals("CM") || m.group(4).equals("厘米");
      attrs.put(Facts.SIZE_MM, plain(cm ? max.multiply(BigDecimal.TEN) : max));
    }
    m = BLOOD_PRESSURE.matcher(item);
    if (m.find()) {
      int sys = Integer.parseInt(m.group(1));
      int dia = Integer.parseInt(m.group(2));
      if (sys >= 70 && sys <= 260 && dia >= 40 && dia <= 160 && sys > dia) {
        attrs.put(Facts.SYSTOLIC, sys);
        attrs.put(Facts.DIASTOLIC, dia);
      }
    }
    m = SEVERITY.matcher(item);
    if (m.find()) {
      attrs.put(Facts.SEVERITY, "轻中重".indexOf(m.group(1)) + 1);
    }
    return attrs;
  }

  private static Optional<YearMonth> time(String item, LocalDate ref) {
    YearMonth now = YearMonth.from(ref);
    Matcher m = YEAR_MONTH.matcher(item);
    if (m.find()) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
      }
    }
    m = YEAR.matcher(item);
    if (m.find()) {
      return Optional.of(latestMonthOf(Integer.parseInt(m.group(1)), now));
    }
    if (item.contains("上个月") || item.contains("上月")) {
      return Optional.of(now.minusMonths(1));
    }
    if (item.contains("前年")) {
      return Optional.of(latestMonthOf(now.getYear() - 2, now));
    }
    if (item.contains("去年")) {
      return Optional.of(latestMonthOf(now.getYear() - 1, now));
    }
    if (item.contains("今年") || item.contains("本月") || item.contains("最近")) {
      return Optional.of(now);
    }
    m = AGO.matcher(item);
    if (!m.find()) {
      m = DURATION.matcher(item);
      if (!m.find()) {
        return Optional.empty();
      }
    }
    Double n = TextForms.number(m.group(1));
    if (n == null) {
      return Optional.empty();
    }
    long months = Math.round(m.group(2).equals("年") ? n * 12 : n);
    return Optional.of(now.minusMonths(months));
  }

  /**
   * A bare year ("2019年") is taken as its latest month not after the reference: it gives the fewest
   * months since, so a "at least N months ago" rule is never met by a guess.
   */
  private static YearMonth latestMonthOf(int year, YearMonth now) {
    YearMonth december = YearMonth.of(year, 12);
    return december.isAfter(now) ? now : december;
  }

  private static Optional<YearMonth> parseDate(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    Matcher m = Pattern.compile("((?:19|20)\\d{2})(?:-(\\d{1,2}))?(?:-\\d{1,2})?").matcher(s.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = m.group(2) == null ? 12 : Integer.parseInt(m.group(2));
    return month < 1 || month > 12 ? Optional.empty() : Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
  }

  private static void putSince(Map<String, Object> attrs, YearMonth since, LocalDate ref) {
    attrs.put(Facts.SINCE, since.toString());
    attrs.put(Facts.MONTHS_SINCE, (int) Math.max(0, ChronoUnit.MONTHS.between(since, YearMonth.from(ref))));
  }

  private static Object plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() <= 0 ? (Object) v.intValueExact() : v;
  }

  private final class Builder {
    final String conceptId;
    final String evidence;
    final boolean negated;
    final double confidence;
    final String basis;
    final Map<String, Object> attributes = new LinkedHashMap<>();

    Builder(Match m, String evidence, boolean negated) {
      this(m.conceptId(), evidence, negated, m.confidence(), m.basis());
    }

    Builder(String conceptId, String evidence, boolean negated, double confidence, String basis) {
      this.conceptId = conceptId;
      this.evidence = evidence;
      this.negated = negated;
      this.confidence = confidence;
      this.basis = basis;
    }

    ClinicalFinding build() {
      if (conceptId == null) {
        return new ClinicalFinding(null, null, null, evidence, Map.copyOf(attributes), negated, confidence, basis);
      }
      Disease d = kb.disease(conceptId).orElseThrow();
      return new ClinicalFinding(d.id(), d.name(), d.primaryIcd10(), evidence, Map.copyOf(attributes), negated,
          confidence, basis);
    }
  }
}
