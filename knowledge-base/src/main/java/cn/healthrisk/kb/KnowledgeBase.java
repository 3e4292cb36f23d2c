package cn.healthrisk.kb;

import cn.healthrisk.kb.hospital.HospitalDirectory;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.KbSettings;
import cn.healthrisk.kb.model.KbStats;
import cn.healthrisk.kb.model.BodySite;
import cn.healthrisk.kb.model.Medication;
import cn.healthrisk.kb.model.ProductLine;
import cn.healthrisk.kb.model.Rule;
import cn.healthrisk.kb.model.Surgery;
import cn.healthrisk.kb.model.SystemRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A loaded, validated and immutable knowledge base; build it with {@code KnowledgeBaseLoader}. */
public final class KnowledgeBase {

  private final String version;
  private final Map<String, ProductLine> productLines;
  private final Map<String, Disease> diseases;
  /** Upper-cased ICD-10 code to the first disease (in file order) that lists it. */
  private final Map<String, Disease> diseaseByCode = new java.util.HashMap<>();
  private final Map<String, Surgery> surgeries;
  private final Map<String, Indicator> indicators;
  private final List<Rule> rules;
  private final Map<SystemRule.Kind, SystemRule> systemRules;
  private final KbSettings settings;
  private final List<Medication> medications;
  private final List<BodySite> bodySites;
  private final HospitalDirectory hospitals;

  /** A knowledge base without a hospital directory. */
  public KnowledgeBase(
      String version,
      List<ProductLine> productLines,
      List<Disease> diseases,
      List<Surgery> surgeries,
      List<Indicator> indicators,
      List<Rule> rules,
      List<SystemRule> systemRules,
      KbSettings settings) {
    this(version, productLines, diseases, surgeries, indicators, List.of(), rules, systemRules, settings,
        HospitalDirectory.empty());
  }

  /** A knowledge base with a hospital directory and no medicines. */
  public KnowledgeBase(
      String version,
      List<ProductLine> productLines,
      List<Disease> diseases,
      List<Surgery> surgeries,
      List<Indicator> indicators,
      List<Rule> rules,
      List<SystemRule> systemRules,
      KbSettings settings,
      HospitalDirectory hospitals) {
    this(version, productLines, diseases, surgeries, indicators, List.of(), rules, systemRules, settings, hospitals);
  }

  public KnowledgeBase(
      String version,
      List<ProductLine> productLines,
      List<Disease> diseases,
      List<Surgery> surgeries,
      List<Indicator> indicators,
      List<Medication> medications,
      List<Rule> rules,
      List<SystemRule> systemRules,
      KbSettings settings,
      HospitalDirectory hospitals) {
    this(version, productLines, diseases, surgeries, indicators, medications, List.of(), rules, systemRules, settings,
        hospitals);
  }

  public KnowledgeBase(
      String version,
      List<ProductLine> productLines,
      List<Disease> diseases,
      List<Surgery> surgeries,
      List<Indicator> indicators,
      List<Medication> medications,
      List<BodySite> bodySites,
      List<Rule> rules,
      List<SystemRule> systemRules,
      KbSettings settings,
      HospitalDirectory hospitals) {
    this.medications = List.copyOf(medications);
    this.bodySites = List.copyOf(bodySites);
    this.version = version;
    this.hospitals = hospitals;
    this.productLines = index(productLines, ProductLine::code);
    this.diseases = index(diseases, Disease::id);
    for (Disease d : this.diseases.values()) {
      for (String c : d.icd10()) {
        diseaseByCode.putIfAbsent(c.toUpperCase(java.util.Locale.ROOT), d);
      }
    }
    this.surgeries = index(surgeries, Surgery::id);
    this.indicators = index(indicators, Indicator::code);
    this.rules = List.copyOf(rules);
    Map<SystemRule.Kind, SystemRule> sys = new LinkedHashMap<>();
    systemRules.forEach(r -> sys.put(r.kind(), r));
    this.systemRules = Collections.unmodifiableMap(sys);
    this.settings = settings;
  }

  private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(i -> map.put(key.apply(i), i));
    return Collections.unmodifiableMap(map);
  }

  /** e.g. {@code kb-2026.11.1+sha256:9f2c01ab34cd}: the release label and a hash of the data files. */
  public String version() {
    return version;
  }

  public List<ProductLine> productLines() {
    return List.copyOf(productLines.values());
  }

  public boolean isProductLine(String code) {
    return productLines.containsKey(code);
  }

  public List<Disease> diseases() {
    return List.copyOf(diseases.values());
  }

  public Optional<Disease> disease(String id) {
    return Optional.ofNullable(diseases.get(id));
  }

  /** The disease whose codes contain the given ICD-10 code most specifically (longest code prefix). */
  public Optional<Disease> diseaseByIcd10(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    String wanted = code.trim().toUpperCase(java.util.Locale.ROOT);
    // Longest prefix first: the same answer as scanning every disease's codes, without the scan
    // (it ran once per coded disclosure and was a tenth of a request's CPU time).
    for (int length = wanted.length(); length > 0; length--) {
      Disease d = diseaseByCode.get(wanted.substring(0, length));
      if (d != null) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  public List<Surgery> surgeries() {
    return List.copyOf(surgeries.values());
  }

  public List<Indicator> indicators() {
    return List.copyOf(indicators.values());
  }

  public Optional<Indicator> indicator(String code) {
    return Optional.ofNullable(indicators.get(code));
  }

  /** Medicines whose use discloses a condition. */
  public List<Medication> medications() {
    return medications;
  }

  /** Body sites by the words applicants use for them, with the fracture each site's fracture is. */
  public List<BodySite> bodySites() {
    return bodySites;
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * The system rule of {@code kind}.
   *
   * @throws IllegalStateException when this knowledge base has none: a copy older than the engine's handling of
   *     that situation, loaded to replay stored decisions (the decisions that need the rule cannot be replayed on it)
   */
  public SystemRule systemRule(SystemRule.Kind kind) {
    SystemRule rule = systemRules.get(kind);
    if (rule == null) {
      throw new IllegalStateException("knowledge base " + version + " has no system rule of kind " + kind
          + " (a version older than the engine's handling of it)");
    }
    return rule;
  }

  /** The system rule of {@code kind}, if this knowledge base has one. */
  public Optional<SystemRule> findSystemRule(SystemRule.Kind kind) {
    return Optional.ofNullable(systemRules.get(kind));
  }

  public KbSettings settings() {
    return settings;
  }

  /** The hospital directory the claims rules check 收款单位 against. */
  public HospitalDirectory hospitals() {
    return hospitals;
  }

  /**
   * The rule deciding a finding of {@code diseaseId} on {@code productLine}: the first matching rule
   * for the disease, else for its ICD-10 block, else for its chapter.
   */
  public Optional<Rule> ruleFor(String diseaseId, String productLine, Map<String, Object> facts) {
    Disease disease = diseases.get(diseaseId);
    if (disease == null) {
      return Optional.empty();
    }
    for (java.util.function.Predicate<Rule> level : List.<java.util.function.Predicate<Rule>>of(
        r -> diseaseId.equals(r.diseaseId()),
        r -> disease.category().equals(r.category()),
        r -> disease.chapter().equals(r.category()))) {
      for (Rule rule : rules) {
        if (level.test(rule) && rule.appliesTo(productLine) && rule.matches(facts)) {
          return Optional.of(rule);
        }
      }
    }
    return Optional.empty();
  }

  public KbStats stats() {
    Map<String, Integer> byCategory = new TreeMap<>();
    Map<String, Integer> byChapter = new TreeMap<>();
    for (Disease d : diseases.values()) {
      byCategory.merge(d.category(), 1, Integer::sum);
      byChapter.merge(d.chapter(), 1, Integer::sum);
    }
    Map<String, Map<String, Integer>> rulesByLine = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Integer>> diseasesByLine = new java.util.LinkedHashMap<>();
    Map<String, Integer> conditional = new java.util.LinkedHashMap<>();
    Map<String, List<Rule>> ownRules = new java.util.HashMap<>();
    for (Rule r : rules) {
      if (r.diseaseId() != null) {
        ownRules.computeIfAbsent(r.diseaseId(), k -> new java.util.ArrayList<>()).add(r);
      }
    }
    for (ProductLine line : productLines.values()) {
      Map<String, Integer> ruleCounts = new java.util.LinkedHashMap<>();
      Map<String, Integer> diseaseCounts = new java.util.LinkedHashMap<>();
      for (cn.healthrisk.kb.model.OutcomeType t : cn.healthrisk.kb.model.OutcomeType.values()) {
        ruleCounts.put(t.name(), 0);
        diseaseCounts.put(t.name(), 0);
      }
      for (Rule r : rules) {
        if (r.appliesTo(line.code())) {
          ruleCounts.merge(r.outcome().type().name(), 1, Integer::sum);
        }
      }
      int dependent = 0;
      for (Disease d : diseases.values()) {
        ruleFor(d.id(), line.code(), Map.of())
            .ifPresent(r -> diseaseCounts.merge(r.outcome().type().name(), 1, Integer::sum));
        if (ownRules.getOrDefault(d.id(), List.of()).stream().anyMatch(r -> r.appliesTo(line.code()) && !r.when().isEmpty())) {
          dependent++;
        }
      }
      rulesByLine.put(line.code(), Collections.unmodifiableMap(ruleCounts));
      diseasesByLine.put(line.code(), Collections.unmodifiableMap(diseaseCounts));
      conditional.put(line.code(), dependent);
    }
    return new KbStats(diseases.size(), surgeries.size(), indicators.size(), productLines.size(), rules.size(),
        Collections.unmodifiableMap(byCategory), Collections.unmodifiableMap(byChapter),
        Collections.unmodifiableMap(rulesByLine), Collections.unmodifiableMap(diseasesByLine),
        Collections.unmodifiableMap(conditional));
  }
}
