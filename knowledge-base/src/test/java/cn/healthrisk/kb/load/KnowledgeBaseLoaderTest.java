package cn.healthrisk.kb.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.KbStats;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.model.ProductLine;
import cn.healthrisk.kb.model.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseLoaderTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();

  @Test
  void shippedKnowledgeBaseLoadsWithAllContractProductLines() {
    assertThat(KB.productLines()).extracting(ProductLine::code).containsExactlyInAnyOrder(
        "CRITICAL_ILLNESS", "CANCER", "MILLION_MEDICAL", "CANCER_MEDICAL", "HIGH_END_MEDICAL", "OUTPATIENT_MEDICAL",
        "HOSPITAL_CASH", "TERM_LIFE", "WHOLE_LIFE", "ACCIDENT", "DISABILITY_INCOME", "LONG_TERM_CARE",
        "PREMIUM_WAIVER", "SENIOR_MEDICAL", "CHRONIC_MEDICAL");
    assertThat(KB.version()).matches("kb-2026\\.11\\.1\\+sha256:[0-9a-f]{12}");
  }

  @Test
  void statsCountWhatWasLoaded() {
    KbStats stats = KB.stats();
    assertThat(stats.productLines()).isEqualTo(15);
    assertThat(stats.diseases()).isGreaterThanOrEqualTo(25);
    assertThat(stats.surgeries()).isGreaterThanOrEqualTo(10);
    assertThat(stats.indicators()).isGreaterThanOrEqualTo(12);
    // Counted per ICD block: the thyroid block holds 甲状腺结节 among others, hepatitis B/C their block.
    assertThat(stats.diseasesByCategory().get("E00-E07")).isGreaterThanOrEqualTo(1);
    assertThat(stats.diseasesByCategory().get("B15-B19")).isGreaterThanOrEqualTo(3);
    assertThat(stats.diseasesByCategory().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(stats.diseases());
    // Every disease falls back on some rule on every line, so each line's outcome counts add up to all of them.
    assertThat(stats.diseasesByProductLineAndOutcome()).hasSize(15);
    stats.diseasesByProductLineAndOutcome().forEach((line, counts) ->
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).as(line).isEqualTo(stats.diseases()));
    // Malignant tumours decline critical illness; some diseases are accepted on accident cover as they are.
    assertThat(stats.diseasesByProductLineAndOutcome().get("CRITICAL_ILLNESS").get("DECLINE")).isPositive();
    assertThat(stats.diseasesByProductLineAndOutcome().get("ACCIDENT").get("STANDARD")).isPositive();
    assertThat(stats.rulesByProductLineAndOutcome().get("MILLION_MEDICAL").values().stream()
        .mapToInt(Integer::intValue).sum()).isPositive();
    assertThat(stats.diseasesWithConditionalRules().get("MILLION_MEDICAL")).isPositive();
  }

  @Test
  void diseasesCarryTheirIcdBlockAndChapter() {
    Disease nodule = KB.disease("THY_NODULE").orElseThrow();
    assertThat(nodule.primaryIcd10()).isEqualTo("E04.101");
    assertThat(nodule.category()).isEqualTo("E00-E07");
    assertThat(nodule.chapter()).isEqualTo("E00-E90");
    assertThat(KB.diseaseByIcd10("E04.101")).map(Disease::id).contains("THY_NODULE");
    assertThat(KB.diseaseByIcd10("I10.x04")).map(Disease::id).contains("HTN");
  }

  @Test
  void everyDiseaseHasADecidingRuleOnEveryProductLine() {
    for (Disease d : KB.diseases()) {
      for (ProductLine p : KB.productLines()) {
        assertThat(KB.ruleFor(d.id(), p.code(), Map.of())).as(d.id() + " on " + p.code()).isPresent();
      }
    }
  }

  @Test
  void blockDefaultIsInheritedUnlessTheDiseaseOverrides() {
    // 过敏性鼻炎 has its own rule only for outpatient-heavy lines; others inherit the J30-J39 default.
    Rule outpatient = KB.ruleFor("ALLERGIC_RHINITIS", "OUTPATIENT_MEDICAL", Map.of()).orElseThrow();
    Rule life = KB.ruleFor("ALLERGIC_RHINITIS", "TERM_LIFE", Map.of()).orElseThrow();
    assertThat(outpatient.id()).isEqualTo("UW-RHI-001");
    assertThat(outpatient.outcome().type()).isEqualTo(OutcomeType.EXCLUSION);
    assertThat(life.id()).isEqualTo("UW-RHI-002");
    assertThat(life.category()).isEqualTo("J30-J39");
  }

  @Test
  void firstMatchingRuleWinsAndEmptyConditionMeansAny() {
    assertThat(KB.ruleFor("THY_NODULE", "CRITICAL_ILLNESS", Map.of("tirads", 4)).orElseThrow().outcome().type())
        .isEqualTo(OutcomeType.POSTPONE);
    assertThat(KB.ruleFor("THY_NODULE", "CRITICAL_ILLNESS", Map.of("tirads", 3)).orElseThrow().id())
        .isEqualTo("UW-THY-004");
    assertThat(KB.ruleFor("THY_NODULE", "CRITICAL_ILLNESS", Map.of()).orElseThrow().outcome().type())
        .isEqualTo(OutcomeType.REFER);
  }

  @Test
  void everyBodySiteNamesAFractureOfTheInjuryChapter() {
    assertThat(KB.bodySites()).isNotEmpty();
    assertThat(KB.bodySites()).allSatisfy(site -> {
      Disease fracture = KB.disease(site.fracture()).orElseThrow();
      assertThat(fracture.chapter()).as(site.id()).isEqualTo("S00-T98");
    });
    assertThat(KB.bodySites()).filteredOn(s -> s.id().equals("FOOT")).singleElement()
        .satisfies(s -> assertThat(KB.disease(s.fracture()).orElseThrow().primaryIcd10()).startsWith("S92"));
  }

  @Test
  void versionChangesWhenAnyDataFileChanges(@TempDir Path dir) throws IOException {
    copyShipped(dir);
    String before = KnowledgeBaseLoader.loadDirectory(dir).version();
    assertThat(before).isEqualTo(KB.version());
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, Files.readString(rules) + "\n# edited\n");
    assertThat(KnowledgeBaseLoader.loadDirectory(dir).version()).isNotEqualTo(before);
  }

  @Test
  void brokenKnowledgeBaseFailsListingEveryProblemWithFileAndEntry() {
    assertThatThrownBy(() -> KnowledgeBaseLoader.loadClasspath("kb-broken"))
        .isInstanceOf(KnowledgeBaseException.class)
        .satisfies(e -> {
          List<String> problems = ((KnowledgeBaseException) e).problems();
          assertThat(problems).contains(
              "diseases.yaml: GHOST: icd10 'X99.999' is not in the ICD-10 reference list",
              "diseases.yaml: GHOST: needs at least 3 synonyms, has 1",
              "surgeries.yaml: MAGIC_OP: icd9 '99.9999' is not in the ICD-9-CM-3 reference list",
              "rules.yaml: UW-DUP-001: duplicate rule id",
              "rules.yaml: UW-BAD-002: unknown product line or group 'PET_INSURANCE'",
              "rules.yaml: UW-BAD-003: RATED needs extraPremiumPct > 0",
              "rules.yaml: UW-BAD-004: EXCLUSION needs clause",
              "rules.yaml: UW-BAD-005: REFER needs evidenceRequests",
              "rules.yaml: UW-BAD-006: POSTPONE needs postponeMonths > 0",
              "rules.yaml: UW-BAD-007: condition on unknown fact 'colour'",
              "indicators.yaml: MED_GHOST: implies 'NOBODY' is not a disease id",
              "indicators.yaml: MED_TWIN: name '灵药' is also used by medication MED_GHOST",
              "indicators.yaml: MED_TWIN: name '甲药和乙药' contains a clause separator",
              "indicators.yaml: SITE_GHOST: fracture 'NOBODY' is not a disease id",
              "indicators.yaml: SITE_NOT_INJURY: word '脚2' must be Chinese characters only",
              "indicators.yaml: SITE_NOT_INJURY: fracture GOOD_ONE (I10.x00) is not an injury of ICD-10 chapter S00-T98",
              "indicators.yaml: SITE_TWIN: word '脚' is also used by body site SITE_NOT_INJURY");
          assertThat(problems).anyMatch(p -> p.startsWith("diseases.yaml: GOOD_ONE: no unconditional rule for product line B"));
          assertThat(e.getMessage()).contains("GHOST").contains("UW-BAD-005");
        });
  }

  /** Copies the shipped knowledge base: the manifest and every data file it lists. */
  private static void copyShipped(Path dir) throws IOException {
    List<String> files = new java.util.ArrayList<>(List.of("manifest.yaml"));
    try (var in = KnowledgeBaseLoaderTest.class.getClassLoader().getResourceAsStream("kb/manifest.yaml")) {
      var manifest = new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(in);
      manifest.path("files").forEach(f -> files.add(f.asText()));
    }
    for (String f : files) {
      try (var in = KnowledgeBaseLoaderTest.class.getClassLoader().getResourceAsStream("kb/" + f)) {
        Path target = dir.resolve(f);
        Files.createDirectories(target.getParent());
        Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }
}
