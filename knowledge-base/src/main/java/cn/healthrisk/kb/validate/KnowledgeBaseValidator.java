package cn.healthrisk.kb.validate;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.model.Condition;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.model.ProductLine;
import cn.healthrisk.kb.model.Rule;
import cn.healthrisk.kb.model.Surgery;
import cn.healthrisk.kb.text.TextForms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a loaded knowledge base for contradictions and gaps the loader's schema checks cannot
 * see: bands that overlap with different outcomes, rules no application can reach, diseases left
 * to a chapter-wide REFER, and one term naming things of different kinds.
 */
public final class KnowledgeBaseValidator {

  /** How bad a finding of the validator is: errors make {@code kb validate} fail. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** One problem: which check found it, about which entry, and what to do about it. */
  public record Issue(Severity severity, String check, String subject, String message) {
    @Override
    public String toString() {
      return severity + " [" + check + "] " + subject + ": " + message;
    }
  }

  /** Everything the validator found; {@code gaps} maps an ICD-10 chapter to its chapter-REFER-only diseases. */
  public record Report(List<Issue> issues, Map<String, List<String>> gaps) {
    public List<Issue> errors() {
      return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }

    public List<Issue> warnings() {
      return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
    }
  }

  public static final String OVERLAP = "overlapping-bands";
  public static final String UNREACHABLE = "unreachable-rule";
  public static final String GAP = "chapter-refer-only";
  public static final String DUPLICATE_TERM = "duplicate-term";
  public static final String MISSING_SYSTEM_RULE = "missing-system-rule";

  public Report validate(KnowledgeBase kb) {
    List<Issue> issues = new ArrayList<>();
    Map<String, List<Rule>> byTarget = new LinkedHashMap<>();
    for (Rule r : kb.rules()) {
      byTarget.computeIfAbsent(target(r), k -> new ArrayList<>()).add(r);
    }
    List<String> allLines = kb.productLines().stream().map(ProductLine::code).toList();
    byTarget.forEach((target, rules) -> {
      overlaps(target, rules, allLines, issues);
      unreachable(target, rules, allLines, issues);
    });
    Map<String, List<String>> gaps = gaps(kb, allLines);
    gaps.forEach((chapter, ids) -> issues.add(new Issue(Severity.WARNING, GAP, chapter,
        ids.size() + " disease(s) are decided only by the chapter's REFER rule: " + String.join(", ", ids))));
    duplicateTerms(kb, issues);
    // The loader lets an older copy lack the system rules added later; the engine needs every one of them.
    for (cn.healthrisk.kb.model.SystemRule.Kind kind : cn.healthrisk.kb.model.SystemRule.Kind.values()) {
      if (kb.findSystemRule(kind).isEmpty()) {
        issues.add(new Issue(Severity.ERROR, MISSING_SYSTEM_RULE, kind.name(),
            "no system rule of kind " + kind + ": decisions that need it fail"));
      }
    }
    return new Report(List.copyOf(issues), gaps);
  }

  private static String target(Rule r) {
    return r.diseaseId() != null ? r.diseaseId() : r.category();
  }

  private static Set<String> lines(Rule r, List<String> allLines) {
    return r.productLines().isEmpty() ? new LinkedHashSet<>(allLines) : r.productLines();
  }

  /**
   * Two rules banding the same facts whose bands cross (neither contains the other) and whose
   * outcomes differ: the order in the file silently decides the overlap. An earlier band inside a
   * later one is a deliberate carve-out; a later band inside an earlier one is unreachable.
   */
  private static void overlaps(String target, List<Rule> rules, List<String> allLines, List<Issue> issues) {
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        Rule a = rules.get(i);
        Rule b = rules.get(j);
        Map<String, Condition.Range> ra = ranges(a);
        Map<String, Condition.Range> rb = ranges(b);
        if (ra.isEmpty() || !ra.keySet().equals(rb.keySet()) || ra.size() != a.when().size()
            || rb.size() != b.when().size() || sameOutcome(a, b)) {
          continue;
        }
        Set<String> shared = new LinkedHashSet<>(lines(a, allLines));
        shared.retainAll(lines(b, allLines));
        if (shared.isEmpty()) {
          continue;
        }
        boolean crossing = ra.keySet().stream().allMatch(f -> intersects(ra.get(f), rb.get(f)));
        boolean aInB = ra.keySet().stream().allMatch(f -> contains(rb.get(f), ra.get(f)));
        boolean bInA = ra.keySet().stream().allMatch(f -> contains(ra.get(f), rb.get(f)));
        if (crossing && !aInB && !bInA) {
          issues.add(new Issue(Severity.WARNING, OVERLAP, target, a.id() + " " + describe(ra) + " and " + b.id() + " "
              + describe(rb) + " overlap with different outcomes (" + a.outcome().type() + " / " + b.outcome().type()
              + ") on " + shared + "; only their order decides. Split the bands or order the narrower first."));
        }
      }
    }
  }

  /** A rule whose every product line is taken by an earlier rule that matches whenever it does. */
  private static void unreachable(String target, List<Rule> rules, List<String> allLines, List<Issue> issues) {
    for (int j = 1; j < rules.size(); j++) {
      Rule later = rules.get(j);
      Set<String> shadowers = new LinkedHashSet<>();
      boolean allShadowed = true;
      for (String line : lines(later, allLines)) {
        Optional<Rule> earlier = rules.subList(0, j).stream()
            .filter(r -> r.appliesTo(line) && implies(later.when(), r.when()))
            .findFirst();
        if (earlier.isEmpty()) {
          allShadowed = false;
          break;
        }
        shadowers.add(earlier.get().id());
      }
      if (allShadowed) {
        issues.add(new Issue(Severity.ERROR, UNREACHABLE, later.id(), "can never apply: " + String.join(", ", shadowers)
            + " come(s) first for " + target + " with a condition that holds whenever this one does"));
      }
    }
  }

  /** Whether every fact set meeting {@code stronger} also meets {@code weaker}. */
  static boolean implies(List<Condition> stronger, List<Condition> weaker) {
    for (Condition w : weaker) {
      boolean covered = stronger.stream().anyMatch(s -> s.fact().equals(w.fact()) && within(s, w));
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private static boolean within(Condition inner, Condition outer) {
    List<Object> values = inner instanceof Condition.Equals e ? List.of(e.value())
        : inner instanceof Condition.OneOf o ? o.values() : null;
    if (outer instanceof Condition.Range r) {
      if (inner instanceof Condition.Range ir) {
        return contains(r, ir);
      }
      return values.stream().allMatch(v -> r.test(Map.of(r.fact(), v)));
    }
    if (values == null) {
      return false;
    }
    return values.stream().allMatch(v -> outer.test(Map.of(outer.fact(), v)));
  }

  private static Map<String, Condition.Range> ranges(Rule r) {
    Map<String, Condition.Range> out = new TreeMap<>();
    r.when().stream().filter(c -> c instanceof Condition.Range).forEach(c -> out.put(c.fact(), (Condition.Range) c));
    return out;
  }

  private static boolean intersects(Condition.Range a, Condition.Range b) {
    BigDecimal lo = max(a.min(), b.min());
    BigDecimal hi = min(a.max(), b.max());
    return lo == null || hi == null || lo.compareTo(hi) <= 0;
  }

  /** Whether {@code inner} lies inside {@code outer}. */
  private static boolean contains(Condition.Range outer, Condition.Range inner) {
    boolean low = outer.min() == null || (inner.min() != null && inner.min().compareTo(outer.min()) >= 0);
    boolean high = outer.max() == null || (inner.max() != null && inner.max().compareTo(outer.max()) <= 0);
    return low && high;
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.max(b);
  }

  private static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.min(b);
  }

  private static boolean sameOutcome(Rule a, Rule b) {
    return a.outcome().type() == b.outcome().type() && a.outcome().extraPremiumPct() == b.outcome().extraPremiumPct()
        && Objects.equals(a.outcome().postponeMonths(), b.outcome().postponeMonths())
        && Objects.equals(a.outcome().clause(), b.outcome().clause());
  }

  private static String describe(Map<String, Condition.Range> ranges) {
    List<String> parts = new ArrayList<>();
    ranges.forEach((f, r) -> parts.add(f + " [" + (r.min() == null ? "-∞" : r.min().toPlainString()) + ", "
        + (r.max() == null ? "∞" : r.max().toPlainString()) + "]"));
    return String.join(" ", parts);
  }

  /**
   * Diseases no rule names, neither on the disease nor on its block, whose every product line
   * falls to a chapter-wide REFER: every application disclosing them goes to a human.
   */
  private static Map<String, List<String>> gaps(KnowledgeBase kb, List<String> allLines) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Disease d : kb.diseases()) {
      boolean specific = kb.rules().stream()
          .anyMatch(r -> d.id().equals(r.diseaseId()) || d.category().equals(r.category()));
      if (specific) {
        continue;
      }
      boolean allRefer = allLines.stream().allMatch(line -> kb.ruleFor(d.id(), line, Map.of())
          .map(r -> r.outcome().type() == OutcomeType.REFER).orElse(true));
      if (allRefer) {
        out.computeIfAbsent(d.chapter(), k -> new ArrayList<>()).add(d.id());
      }
    }
    return out;
  }

  /**
   * One folded term owned by entries of different kinds (or by two surgeries): the normaliser can
   * map it to one owner only. A disease and a surgery of another condition sharing a term is an
   * error; the rest are warnings.
   */
  private static void duplicateTerms(KnowledgeBase kb, List<Issue> issues) {
    Map<String, List<Owner>> owners = new LinkedHashMap<>();
    for (Disease d : kb.diseases()) {
      List<String> terms = new ArrayList<>(d.synonyms());
      terms.add(0, d.name());
      terms.forEach(t -> own(owners, t, new Owner("disease", d.id(), d.id())));
    }
    for (Surgery s : kb.surgeries()) {
      List<String> terms = new ArrayList<>(s.synonyms());
      terms.add(0, s.name());
      terms.forEach(t -> own(owners, t, new Owner("surgery", s.id(), s.conditionId())));
    }
    for (Indicator i : kb.indicators()) {
      List<String> terms = new ArrayList<>(i.aliases());
      terms.add(0, i.name());
      terms.forEach(t -> own(owners, t, new Owner("indicator", i.code(), null)));
    }
    owners.forEach((term, list) -> {
      List<Owner> distinct = list.stream().distinct().toList();
      if (distinct.size() < 2) {
        return;
      }
      boolean diseasesOnly = distinct.stream().allMatch(o -> o.kind().equals("disease"));
      boolean indicatorsOnly = distinct.stream().allMatch(o -> o.kind().equals("indicator"));
      if (diseasesOnly || indicatorsOnly) {
        // The loader already rejects these.
        return;
      }
      long conditions = distinct.stream().map(Owner::condition).filter(Objects::nonNull).distinct().count();
      Severity severity = conditions > 1 ? Severity.ERROR : Severity.WARNING;
      issues.add(new Issue(severity, DUPLICATE_TERM, term, "used by " + String.join(", ",
          distinct.stream().map(o -> o.kind() + " " + o.id()).toList())
          + (severity == Severity.ERROR ? "; text with it is read as the first only" : "")));
    });
  }

  private static void own(Map<String, List<Owner>> owners, String term, Owner owner) {
    owners.computeIfAbsent(TextForms.fold(term), k -> new ArrayList<>()).add(owner);
  }

  private record Owner(String kind, String id, String condition) {}
}
