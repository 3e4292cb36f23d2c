package cn.healthrisk.underwriting.decision;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluation;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.checkup.CheckupItem;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Facts;
import cn.healthrisk.kb.model.Outcome;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.model.Rule;
import cn.healthrisk.kb.model.SystemRule;
import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.report.DocumentReading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Turns an application into a decision per product line, using the knowledge base's rules. */
public final class UnderwritingEngine {

  /** Age from which the adult BMI bands apply. */
  static final int ADULT_AGE = 18;

  private final KnowledgeBase kb;
  private final DisclosureNormalizer normalizer;
  private final CheckupEvaluator evaluator;
  private final ReportEvidence reports;
  private final Clock clock;

  public UnderwritingEngine(KnowledgeBase kb, DisclosureNormalizer normalizer, CheckupEvaluator evaluator, Clock clock) {
    this.kb = kb;
    this.normalizer = normalizer;
    this.evaluator = evaluator;
    this.reports = new ReportEvidence(kb, normalizer, evaluator);
    this.clock = clock;
  }

  /** Decides a valid application (see {@link ApplicationValidator}) without documents read. */
  public Decision decide(Application app) {
    return decide(app, List.of());
  }

  /**
   * Decides a valid application with what was read from its checkup report documents: their rows join the
   * checkup items, their text is read as a printed checkup conclusion, and a document in which nothing
   * could be recognised is referred.
   */
  public Decision decide(Application app, List<DocumentReading> documents) {
    LocalDate applied = app.applicationDate() != null ? app.applicationDate() : LocalDate.now(clock);
    Map<String, String> denied = new LinkedHashMap<>();
    List<Candidate> candidates = collect(app, applied, denied, documents);
    List<Candidate> merged = merge(candidates);
    markDenialsContradicted(merged, denied);
    List<Decision.Finding> findings = new ArrayList<>();
    for (int i = 0; i < merged.size(); i++) {
      Candidate c = merged.get(i);
      c.id = "F" + (i + 1);
      // Sorted keys: the normaliser's maps iterate in a per-JVM order, and a decision must serialise
      // to the same JSON on every replay.
      findings.add(new Decision.Finding(c.id, c.finding.concept(), c.finding.icd10(), c.source, c.evidence,
          Collections.unmodifiableMap(new TreeMap<>(c.attributes))));
    }
    // A finding's facts and the lookup by id do not depend on the product line: built once per decision.
    Map<String, Candidate> byId = new HashMap<>();
    for (Candidate c : merged) {
      byId.put(c.id, c);
      if (c.finding.known() && !c.unreadable && !c.unrecognisedDocument) {
        c.facts = facts(c, app.applicant());
      }
    }
    List<Decision.ProductLineDecision> decisions = new ArrayList<>();
    for (String line : app.productLinesOrEmpty()) {
      decisions.add(decideLine(line, merged, byId));
    }
    return new Decision(app.applicationId(), kb.version(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
        List.copyOf(findings), List.copyOf(decisions));
  }

  /**
   * The findings of every source. Conditions the applicant denied with confidence ("没有高血压", "尿酸正常")
   * go into {@code denied}, concept id → the disclosure's text.
   */
  private List<Candidate> collect(Application app, LocalDate applied, Map<String, String> denied,
      List<DocumentReading> documents) {
    List<Candidate> out = new ArrayList<>();
    double minConfidence = kb.settings().minConfidence();
    for (Application.Disclosure d : app.disclosuresOrEmpty()) {
      List<ClinicalFinding> all = normalizer.normalize(d.text(), d.icd10(), d.diagnosedOn(), d.status(), applied);
      all.stream().filter(f -> f.negated() && f.aboutApplicant() && f.known() && f.confidence() >= minConfidence)
          .forEach(f -> denied.putIfAbsent(f.conceptId(), d.text() != null ? d.text() : f.evidence()));
      List<ClinicalFinding> positive = all.stream().filter(f -> !f.negated() && f.aboutApplicant()).toList();
      boolean diagnosed = positive.stream()
          .anyMatch(f -> f.known() && f.confidence() >= minConfidence && !symptom(f.icd10()));
      for (ClinicalFinding f : positive) {
        if (diagnosed && f.known() && explainable(f.icd10())) {
          continue;
        }
        out.add(new Candidate(f, FindingSource.DISCLOSURE, d.text() != null ? d.text() : f.evidence()));
      }
    }
    String sex = app.applicant() == null ? null : app.applicant().sex();
    List<CheckupItem> structured = app.checkup() == null ? null : app.checkup().items();
    ReportEvidence.Items read = documents.isEmpty() ? null
        : reports.items(documents, structured == null ? List.of() : structured);
    LocalDate reported = app.checkup() != null && app.checkup().reportDate() != null ? app.checkup().reportDate()
        : documents.isEmpty() ? applied
        : documents.stream().map(DocumentReading::reportDate).filter(Objects::nonNull).findFirst().orElse(applied);
    if (structured != null || read != null && !read.items.isEmpty()) {
      List<CheckupItem> items = structured == null ? new ArrayList<>() : new ArrayList<>(structured);
      if (read != null) {
        items.addAll(read.items);
      }
      Integer age = app.applicant() == null ? null : app.applicant().age();
      CheckupEvaluation eval = evaluator.evaluate(items, sex, age, reported);
      eval.findings().forEach(f -> out.add(new Candidate(f, FindingSource.CHECKUP,
          read == null ? f.evidence() : read.annotate(f.evidence()))));
      for (CheckupEvaluation.Unreadable u : eval.unreadable()) {
        String evidence = u.name() + " " + u.value() + (u.unit() == null ? "" : " " + u.unit());
        String document = read == null ? null : read.documentOf(u.name(), u.value(), u.unit());
        if (document != null) {
          evidence = evidence + "〔" + document + "〕";
        }
        Candidate c = new Candidate(new ClinicalFinding(null, null, null, evidence, Map.of("problem", u.problem()),
            false, 0.0, "unreadable"), FindingSource.CHECKUP, evidence);
        c.unreadable = true;
        out.add(c);
      }
    }
    if (read != null) {
      for (ReportEvidence.Found f : reports.texts(documents, read, reported)) {
        out.add(new Candidate(f.finding(), FindingSource.CHECKUP, f.evidence()));
      }
      for (DocumentReading d : ReportEvidence.unrecognised(documents, read)) {
        String evidence = "体检报告 " + d.name() + "：读出 " + d.lines() + " 行文字，未识别出检查项目或结论";
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("document", d.name());
        attributes.put("lines", d.lines());
        Candidate c = new Candidate(new ClinicalFinding(null, null, null, evidence, attributes, false, 0.0,
            "unrecognised-document"), FindingSource.CHECKUP, evidence);
        c.unrecognisedDocument = true;
        out.add(c);
      }
    }
    bmi(app.applicant()).ifPresent(out::add);
    return out;
  }

  /** ICD-10 R00–R69: symptoms and signs. R70–R99 are abnormal results (蛋白尿, 肌酐升高), which are not. */
  static boolean symptom(String icd10) {
    if (icd10 == null || icd10.length() < 3 || Character.toUpperCase(icd10.charAt(0)) != 'R'
        || !Character.isDigit(icd10.charAt(1)) || !Character.isDigit(icd10.charAt(2))) {
      return false;
    }
    return (icd10.charAt(1) - '0') * 10 + (icd10.charAt(2) - '0') < 70;
  }

  /**
   * A symptom that the diagnosis disclosed beside it accounts for (心慌 with 早搏, 胃疼 with 慢性胃炎, 咳嗽
   * with 慢性支气管炎) is part of that diagnosis, not a second condition to work up: the diagnosis's rule
   * decides, and the whole text stays its evidence. Red-flag symptoms are never taken as explained: they
   * may point to something worse than the disclosed diagnosis.
   */
  static boolean explainable(String icd10) {
    return symptom(icd10) && RED_FLAGS.stream().noneMatch(p -> icd10.toUpperCase(java.util.Locale.ROOT).startsWith(p));
  }

  /** 咯血, 黄疸, 腹水, 肿块, 血尿, 昏迷, 晕厥, 抽搐, 出血, 淋巴结肿大, 消瘦, 恶病质. */
  private static final List<String> RED_FLAGS = List.of("R04", "R17", "R18", "R22", "R31", "R40", "R55", "R56",
      "R58", "R59", "R63.4", "R64");

  private java.util.Optional<Candidate> bmi(Application.Applicant a) {
    // The KB's BMI bands (≤16, ≥28, ≥32) are adult cut-offs; children are judged on growth charts by age
    // and sex, which the knowledge base does not hold, so a child's BMI is no finding.
    if (a == null || a.heightCm() == null || a.weightKg() == null || a.heightCm().signum() <= 0
        || a.age() == null || a.age() < ADULT_AGE) {
      return java.util.Optional.empty();
    }
    BigDecimal metres = a.heightCm().divide(BigDecimal.valueOf(100));
    BigDecimal bmi = a.weightKg().divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
    String evidence = "BMI " + bmi.toPlainString() + "（身高 " + a.heightCm().toPlainString() + " cm，体重 "
        + a.weightKg().toPlainString() + " kg）";
    return kb.indicator("BMI")
        .flatMap(ind -> evaluator.evaluateNumber(ind, bmi, a.sex(), evidence))
        .map(f -> new Candidate(f, FindingSource.BMI, evidence));
  }

  /**
   * One condition counts once: later candidates of the same disease (or of the broader disease a
   * disclosed one refines, e.g. HBsAg 阳性 after 小三阳) join the first. A disclosure said to be
   * cured that a checkup still finds is marked as a contradiction.
   */
  private List<Candidate> merge(List<Candidate> candidates) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : candidates) {
      Candidate same = c.finding.known() ? out.stream().filter(o -> o.finding.known() && related(o, c)).findFirst()
          .orElse(null) : null;
      if (same == null) {
        out.add(c);
        continue;
      }
      c.attributes.forEach(same.attributes::putIfAbsent);
      if (!same.evidence.equals(c.evidence)) {
        same.evidence = same.evidence + "；" + c.evidence;
      }
      same.confidence = Math.max(same.confidence, c.confidence);
      if (same.source == FindingSource.DISCLOSURE && c.source != FindingSource.DISCLOSURE
          && "CURED".equals(same.attributes.get(Facts.STATUS))) {
        same.contradicted = true;
      }
    }
    return out;
  }

  /**
   * A condition the applicant denied that the checkup (or the BMI) finds is a contradiction, never silently
   * resolved in favour of either: the finding keeps its rule and is referred with the denial as evidence.
   */
  private void markDenialsContradicted(List<Candidate> merged, Map<String, String> denied) {
    if (denied.isEmpty()) {
      return;
    }
    for (Candidate c : merged) {
      if (!c.finding.known() || c.source == FindingSource.DISCLOSURE) {
        continue;
      }
      String id = c.finding.conceptId();
      String broader = kb.disease(id).map(Disease::broader).orElse(null);
      String text = denied.get(id);
      if (text == null && broader != null) {
        text = denied.get(broader);
      }
      if (text == null) {
        text = denied.entrySet().stream()
            .filter(e -> id.equals(kb.disease(e.getKey()).map(Disease::broader).orElse(null)))
            .map(Map.Entry::getValue).findFirst().orElse(null);
      }
      if (text != null) {
        c.contradicted = true;
        c.evidence = c.evidence + "；告知：" + text;
      }
    }
  }

  private boolean related(Candidate first, Candidate later) {
    String a = first.finding.conceptId();
    String b = later.finding.conceptId();
    if (a.equals(b)) {
      return true;
    }
    String broaderA = kb.disease(a).map(Disease::broader).orElse(null);
    String broaderB = kb.disease(b).map(Disease::broader).orElse(null);
    return b.equals(broaderA) || a.equals(broaderB);
  }

  private Decision.ProductLineDecision decideLine(String line, List<Candidate> findings, Map<String, Candidate> byId) {
    List<Applied> applied = new ArrayList<>();
    double minConfidence = kb.settings().minConfidence();
    for (Candidate c : findings) {
      if (c.unrecognisedDocument) {
        applied.add(Applied.of(kb.systemRule(SystemRule.Kind.UNRECOGNISED_DOCUMENT), c.id));
        continue;
      }
      if (c.unreadable) {
        applied.add(Applied.of(kb.systemRule(SystemRule.Kind.UNREADABLE_ITEM), c.id));
        continue;
      }
      if (!c.finding.known()) {
        applied.add(Applied.of(kb.systemRule(SystemRule.Kind.UNKNOWN_CONDITION), c.id));
        if (c.attributes.containsKey(Facts.PENDING)) {
          applied.add(Applied.of(kb.systemRule(SystemRule.Kind.PENDING_TREATMENT), c.id));
        }
        continue;
      }
      Rule rule = kb.ruleFor(c.finding.conceptId(), line, c.facts).orElseThrow(
          () -> new IllegalStateException("Knowledge base has no rule for " + c.finding.conceptId() + " on " + line));
      applied.add(new Applied(rule.id(), c.id, rule.outcome(), c.finding.concept() + "：" + rule.reason()));
      if (c.confidence < minConfidence) {
        applied.add(Applied.of(kb.systemRule(SystemRule.Kind.UNKNOWN_CONDITION), c.id));
      }
      if (c.contradicted) {
        applied.add(Applied.of(kb.systemRule(SystemRule.Kind.CONTRADICTION), c.id));
      }
      if (c.attributes.containsKey(Facts.PENDING)) {
        applied.add(Applied.of(kb.systemRule(SystemRule.Kind.PENDING_TREATMENT), c.id));
      }
    }
    int extra = applied.stream().filter(a -> a.outcome.type() == OutcomeType.RATED)
        .mapToInt(a -> a.outcome.extraPremiumPct()).sum();
    if (extra > kb.settings().extraPremiumCapPct()) {
      applied.add(Applied.of(kb.systemRule(SystemRule.Kind.PREMIUM_CAP), null));
    }
    if (applied.isEmpty()) {
      applied.add(Applied.of(kb.systemRule(SystemRule.Kind.NO_FINDINGS), null));
    }
    OutcomeType outcome = OutcomeType.STANDARD;
    Map<String, Decision.Exclusion> exclusions = new LinkedHashMap<>();
    Set<String> evidence = new LinkedHashSet<>();
    Integer postpone = null;
    List<Decision.Reason> reasons = new ArrayList<>();
    List<CustomerExplanation.Cause> causes = new ArrayList<>();
    for (Applied a : applied) {
      Candidate c = a.findingId == null ? null : byId.get(a.findingId);
      causes.add(new CustomerExplanation.Cause(a.outcome.type(),
          c == null || c.unreadable || c.unrecognisedDocument ? null : c.finding.concept(),
          c == null ? null : c.source));
      Outcome o = a.outcome;
      if (o.type().severity() > outcome.severity()) {
        outcome = o.type();
      }
      if (o.type() == OutcomeType.EXCLUSION) {
        exclusions.putIfAbsent(o.clause(), new Decision.Exclusion(o.clause(), o.icd10Prefixes()));
      }
      if (o.type() == OutcomeType.POSTPONE) {
        postpone = postpone == null ? o.postponeMonths() : Math.max(postpone, o.postponeMonths());
      }
      evidence.addAll(o.evidenceRequests());
      reasons.add(new Decision.Reason(a.ruleId, a.findingId, a.text));
    }
    String explanation = CustomerExplanation.explain(outcome, extra, !exclusions.isEmpty(), postpone,
        List.copyOf(evidence), causes);
    return new Decision.ProductLineDecision(line, outcome, extra, List.copyOf(exclusions.values()), postpone,
        List.copyOf(evidence), List.copyOf(reasons), explanation);
  }

  private Map<String, Object> facts(Candidate c, Application.Applicant who) {
    Map<String, Object> facts = new HashMap<>();
    kb.disease(c.finding.conceptId()).ifPresent(d -> facts.putAll(d.attributes()));
    facts.putAll(c.attributes);
    facts.put(Facts.SOURCE, c.source.name());
    if (who != null) {
      putIfNotNull(facts, Facts.AGE, who.age());
      putIfNotNull(facts, Facts.SEX, who.sex());
      putIfNotNull(facts, Facts.SMOKER, who.smoker());
    }
    return Collections.unmodifiableMap(facts);
  }

  private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static final class Candidate {
    final ClinicalFinding finding;
    final FindingSource source;
    final Map<String, Object> attributes;
    String evidence;
    double confidence;
    boolean contradicted;
    boolean unreadable;
    boolean unrecognisedDocument;
    String id;
    Map<String, Object> facts;

    Candidate(ClinicalFinding finding, FindingSource source, String evidence) {
      this.finding = finding;
      this.source = source;
      this.attributes = new LinkedHashMap<>(finding.attributes());
      this.evidence = Objects.requireNonNullElse(evidence, "");
      this.confidence = finding.confidence();
    }
  }

  private record Applied(String ruleId, String findingId, Outcome outcome, String text) {
    static Applied of(SystemRule rule, String findingId) {
      return new Applied(rule.id(), findingId, rule.outcome(), rule.reason());
    }
  }
}
