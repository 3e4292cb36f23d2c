package cn.healthrisk.kb.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The YAML files as written, before validation; every field may be missing. */
final class RawKb {
  private RawKb() {}

  record Manifest(String version, List<String> files) {}

  /** Any data file: each may hold any of the sections; the loader concatenates them in manifest order. */
  record DataFile(List<ProductLineRow> productLines, Map<String, List<String>> groups, List<DiseaseRow> diseases,
      List<SurgeryRow> surgeries, List<IndicatorRow> indicators, List<MedicationRow> medications, SettingsRow settings,
      List<SystemRuleRow> system, List<RuleRow> rules, List<HospitalRow> hospitals, List<BodySiteRow> bodySites) {}

  record BodySiteRow(String id, List<String> words, String fracture) {}

  record MedicationRow(String id, String name, List<String> aliases, String implies) {}

  record HospitalRow(String name, List<String> aliases, String grade, String ownership,
      List<String> ineligibleDepartments, String province) {}

  record ProductLinesFile(List<ProductLineRow> productLines, Map<String, List<String>> groups) {}

  record ProductLineRow(String code, String name, Integer waitingPeriodDays) {}

  record DiseasesFile(List<DiseaseRow> diseases) {}

  record DiseaseRow(String id, String name, List<String> icd10, String category, List<String> synonyms,
      List<String> patterns, String broader, Map<String, Object> attributes) {}

  record SurgeriesFile(List<SurgeryRow> surgeries) {}

  record SurgeryRow(String id, String name, List<String> icd9, String condition, List<String> synonyms) {}

  record IndicatorsFile(List<IndicatorRow> indicators) {}

  record IndicatorRow(String code, String name, List<String> aliases, String unit, List<ConversionRow> conversions,
      List<RangeRow> ranges, Boolean qualitative, List<String> compositeOf, List<String> outranks,
      List<ThresholdRow> thresholds) {}

  record ConversionRow(String unit, BigDecimal multiply, BigDecimal divide) {}

  record RangeRow(String sex, Integer minAge, Integer maxAge, BigDecimal low, BigDecimal high) {}

  record ThresholdRow(String id, BigDecimal gte, BigDecimal gt, BigDecimal lte, BigDecimal lt, BigDecimal gtUln,
      Boolean positive, String concept, Map<String, Object> attributes, String text) {}

  record RulesFile(SettingsRow settings, List<SystemRuleRow> system, List<RuleRow> rules) {}

  record SettingsRow(Integer extraPremiumCapPct, Double minConfidence) {}

  record SystemRuleRow(String id, String kind, OutcomeRow outcome, String reason) {}

  record RuleRow(String id, String disease, String category, List<String> productLines, Map<String, Object> when,
      OutcomeRow outcome, String reason) {}

  record OutcomeRow(String type, Integer extraPremiumPct, String clause, List<String> icd10Prefixes,
      Integer postponeMonths, List<String> evidenceRequests) {}
}
