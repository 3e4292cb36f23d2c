package cn.healthrisk.kb.checkup;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Facts;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.Threshold;
import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.kb.text.TextForms;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates checkup items: resolves names and aliases to indicators, converts units, applies the
 * indicators' thresholds, and reads descriptive (imaging) text with the disclosure normaliser.
 */
public final class CheckupEvaluator {

  private static final Pattern NUMBER = Pattern.compile("^[<>≤≥=]?(\\d+(?:\\.\\d+)?)[↑↓HL]?$");
  private static final Pattern PAIR = Pattern.compile("^(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?)$");
  private static final Pattern PARENTHESISED = Pattern.compile("\\(([^)]*)\\)");
  private static final Set<String> POSITIVE = Set.of("阳性", "+", "(+)", "POSITIVE", "POS", "阳性(+)", "弱阳性");
  /** Dipstick grades as urine reports print them: 1+, 2+, ++, (+++), ±. */
  private static final Pattern GRADED_POSITIVE = Pattern.compile("^\\(?([1-4]\\+|\\+{1,4}|±|\\+-)\\)?$");
  private static final Set<String> NEGATIVE = Set.of("阴性", "-", "(-)", "NEGATIVE", "NEG", "阴性(-)");

  /** A qualitative result said in words: "未见上皮内病变" (TCT), "未检出", "正常". */
  private static final Pattern NOTHING_FOUND = Pattern.compile("^(未见|未检出|未发现|无)|^(正常|NILM)$");
  private static final Pattern NOT_POSITIVE = Pattern.compile("(未|无|非|不)阳性");

  /**
   * TRUE for a positive result, FALSE for a negative one, null when the value says neither. Besides the bare
   * forms, a result naming what was positive ("16型阳性", "高危型阳性") is positive, and one saying nothing was
   * found ("未见上皮内病变或恶性病变", "18型阴性") is negative.
   */
  static Boolean qualitative(String value) {
    if (POSITIVE.contains(value) || GRADED_POSITIVE.matcher(value).matches()) {
      return Boolean.TRUE;
    }
    if (NEGATIVE.contains(value)) {
      return Boolean.FALSE;
    }
    if (value.contains("阳性") && !NOT_POSITIVE.matcher(value).find()) {
      return Boolean.TRUE;
    }
    if (value.contains("阴性") || NOT_POSITIVE.matcher(value).find() || NOTHING_FOUND.matcher(value).find()) {
      return Boolean.FALSE;
    }
    return null;
  }

  private final KnowledgeBase kb;
  private final DisclosureNormalizer normalizer;
  private final Map<String, Indicator> byAlias = new HashMap<>();

  public CheckupEvaluator(KnowledgeBase kb, DisclosureNormalizer normalizer) {
    this.kb = kb;
    this.normalizer = normalizer;
    for (Indicator i : kb.indicators()) {
      byAlias.put(TextForms.fold(i.code()), i);
      byAlias.put(TextForms.fold(i.name()), i);
      i.aliases().forEach(a -> byAlias.put(TextForms.fold(a), i));
    }
  }

  /** Evaluates a report for an applicant of sex {@code sex} (M/F, may be null). */
  public CheckupEvaluation evaluate(List<CheckupItem> items, String sex, LocalDate reportDate) {
    return evaluate(items, sex, null, reportDate);
  }

  /** Evaluates a report; {@code age} (whole years, may be null) picks age-banded reference ranges. */
  public CheckupEvaluation evaluate(List<CheckupItem> items, String sex, Integer age, LocalDate reportDate) {
    List<Raw> raws = new ArrayList<>();
    List<CheckupEvaluation.Measurement> measurements = new ArrayList<>();
    List<CheckupEvaluation.Unreadable> unreadable = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Set<String> measured = new HashSet<>();
    for (CheckupItem item : items) {
      Optional<Indicator> indicator = resolve(item.name());
      String value = TextForms.fold(item.value());
      if (indicator.isEmpty()) {
        List<ClinicalFinding> text = normalizer.normalizePrinted(item.value() == null ? "" : item.value(), reportDate);
        List<ClinicalFinding> known = text.stream().filter(f -> f.known() && !f.negated() && f.aboutApplicant()).toList();
        if (known.isEmpty()) {
          unknown.add(item.name());
        }
        for (ClinicalFinding f : known) {
          raws.add(new Raw(null, new ClinicalFinding(f.conceptId(), f.concept(), f.icd10(), item.value(),
              f.attributes(), false, f.confidence(), f.basis())));
        }
        continue;
      }
      Indicator ind = indicator.get();
      if (!ind.compositeOf().isEmpty()) {
        Matcher pair = PAIR.matcher(value);
        if (!pair.matches() || ind.compositeOf().size() != 2) {
          unreadable.add(new CheckupEvaluation.Unreadable(item.name(), item.value(), item.unit(),
              "expected a reading like 120/80"));
          continue;
        }
        for (int k = 0; k < 2; k++) {
          Indicator part = kb.indicator(ind.compositeOf().get(k)).orElseThrow();
          BigDecimal v = new BigDecimal(pair.group(k + 1));
          Optional<BigDecimal> canonical = convert(part, v, item.unit());
          if (canonical.isEmpty()) {
            unreadable.add(new CheckupEvaluation.Unreadable(item.name(), item.value(), item.unit(), "unknown unit"));
            continue;
          }
          measured.add(part.code());
          measurements.add(new CheckupEvaluation.Measurement(part.code(), canonical.get(), part.unit(), item.name()));
          evaluateNumber(part, canonical.get(), sex, age, describe(item)).ifPresent(f -> raws.add(new Raw(part.code(), f)));
        }
        continue;
      }
      if (ind.qualitative()) {
        Boolean positive = qualitative(value);
        if (positive == null) {
          unreadable.add(new CheckupEvaluation.Unreadable(item.name(), item.value(), item.unit(),
              "expected 阳性 or 阴性"));
          continue;
        }
        measured.add(ind.code());
        for (Threshold t : ind.thresholds()) {
          if (t.matches(positive)) {
            raws.add(new Raw(ind.code(), finding(ind, t, null, describe(item))));
            break;
          }
        }
        continue;
      }
      Matcher num = NUMBER.matcher(value);
      if (!num.matches()) {
        unreadable.add(new CheckupEvaluation.Unreadable(item.name(), item.value(), item.unit(), "value is not a number"));
        continue;
      }
      Optional<BigDecimal> canonical = convert(ind, new BigDecimal(num.group(1)), item.unit());
      if (canonical.isEmpty()) {
        unreadable.add(new CheckupEvaluation.Unreadable(item.name(), item.value(), item.unit(),
            "unit '" + item.unit() + "' cannot be converted to " + ind.unit()));
        continue;
      }
      measured.add(ind.code());
      measurements.add(new CheckupEvaluation.Measurement(ind.code(), canonical.get(), ind.unit(), item.name()));
      evaluateNumber(ind, canonical.get(), sex, age, describe(item)).ifPresent(f -> raws.add(new Raw(ind.code(), f)));
    }
    Set<String> outranked = new HashSet<>();
    for (Indicator i : kb.indicators()) {
      if (measured.contains(i.code())) {
        outranked.addAll(i.outranks());
      }
    }
    List<ClinicalFinding> kept = raws.stream()
        .filter(r -> r.indicator() == null || !outranked.contains(r.indicator()))
        .map(Raw::finding)
        .toList();
    return new CheckupEvaluation(mergeByConcept(kept), measurements, unreadable, unknown);
  }

  /** The finding a value (already in the indicator's canonical unit) produces, if any. */
  public Optional<ClinicalFinding> evaluateNumber(Indicator indicator, BigDecimal canonicalValue, String sex,
      String evidence) {
    return evaluateNumber(indicator, canonicalValue, sex, null, evidence);
  }

  /** As {@link #evaluateNumber(Indicator, BigDecimal, String, String)}, with the applicant's age for banded ranges. */
  public Optional<ClinicalFinding> evaluateNumber(Indicator indicator, BigDecimal canonicalValue, String sex,
      Integer age, String evidence) {
    BigDecimal upper = indicator.rangeFor(sex, age).map(Indicator.ReferenceRange::high).orElse(null);
    for (Threshold t : indicator.thresholds()) {
      if (t.matches(canonicalValue, upper)) {
        return Optional.of(finding(indicator, t, canonicalValue, evidence));
      }
    }
    return Optional.empty();
  }

  /** Converts a value into the indicator's canonical unit; empty when the unit is not known. */
  public Optional<BigDecimal> convert(Indicator indicator, BigDecimal value, String unit) {
    String u = TextForms.fold(unit);
    if (u.isEmpty() || u.equals(TextForms.fold(indicator.unit()))) {
      return Optional.of(value);
    }
    for (Indicator.Conversion c : indicator.conversions()) {
      if (u.equals(TextForms.fold(c.unit()))) {
        BigDecimal converted = c.multiply() != null
            ? value.multiply(c.multiply())
            : value.divide(c.divide(), MathContext.DECIMAL64);
        return Optional.of(converted.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
      }
    }
    return Optional.empty();
  }

  public Optional<Indicator> resolve(String name) {
    String folded = TextForms.fold(name);
    Indicator direct = byAlias.get(folded);
    if (direct != null) {
      return Optional.of(direct);
    }
    // "谷丙转氨酶(ALT)": try the part inside the brackets and the part outside.
    Matcher m = PARENTHESISED.matcher(folded);
    if (m.find()) {
      Indicator inner = byAlias.get(m.group(1));
      if (inner != null) {
        return Optional.of(inner);
      }
      return Optional.ofNullable(byAlias.get(m.replaceAll("")));
    }
    return Optional.empty();
  }

  private ClinicalFinding finding(Indicator ind, Threshold t, BigDecimal value, String evidence) {
    Disease d = kb.disease(t.conceptId()).orElseThrow();
    Map<String, Object> attrs = new LinkedHashMap<>(t.attributes());
    attrs.put(Facts.INDICATOR, ind.code());
    if (value != null) {
      attrs.put(Facts.VALUE, value);
      attrs.put(Facts.UNIT, ind.unit());
      if (ind.code().equals("SBP")) {
        attrs.put(Facts.SYSTOLIC, value);
      } else if (ind.code().equals("DBP")) {
        attrs.put(Facts.DIASTOLIC, value);
      }
    }
    return new ClinicalFinding(d.id(), d.name(), d.primaryIcd10(), evidence, Map.copyOf(attrs), false, 1.0, t.id());
  }

  /** Two thresholds naming one condition (systolic and diastolic both high) make one finding. */
  private static List<ClinicalFinding> mergeByConcept(List<ClinicalFinding> findings) {
    Map<String, ClinicalFinding> merged = new LinkedHashMap<>();
    for (ClinicalFinding f : findings) {
      merged.merge(f.conceptId(), f, (a, b) -> {
        Map<String, Object> attrs = new LinkedHashMap<>(a.attributes());
        b.attributes().forEach((k, v) -> attrs.merge(k, v, CheckupEvaluator::higher));
        attrs.remove(Facts.INDICATOR);
        attrs.remove(Facts.VALUE);
        attrs.remove(Facts.UNIT);
        return new ClinicalFinding(a.conceptId(), a.concept(), a.icd10(), a.evidence() + "；" + b.evidence(),
            Map.copyOf(attrs), false, Math.min(a.confidence(), b.confidence()), a.basis() + "," + b.basis());
      });
    }
    return List.copyOf(merged.values());
  }

  private static Object higher(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) >= 0 ? a : b;
    }
    return a;
  }

  /** How an item is quoted in the evidence of its findings and unreadable entries: "ALT 85 U/L". */
  public static String describe(CheckupItem item) {
    String unit = item.unit() == null || item.unit().isBlank() ? "" : " " + item.unit();
    return item.name() + " " + item.value() + unit;
  }

  private record Raw(String indicator, ClinicalFinding finding) {}
}
