package cn.healthrisk.kb.validate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.Condition;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.KbSettings;
import cn.healthrisk.kb.model.Outcome;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.model.ProductLine;
import cn.healthrisk.kb.model.Rule;
import cn.healthrisk.kb.model.Surgery;
import cn.healthrisk.kb.validate.KnowledgeBaseValidator.Issue;
import cn.healthrisk.kb.validate.KnowledgeBaseValidator.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnowledgeBaseValidatorTest {

  private final KnowledgeBaseValidator validator = new KnowledgeBaseValidator();

  /** A two-line knowledge base with 高血压 (I10, its own rules) and 哮喘 (J45, chapter rule only). */
  private static final class Fixture {
    final List<Disease> diseases = new ArrayList<>(List.of(
        disease("HTN", "高血压", "I10", "I10-I15", "I00-I99", "血压高"),
        disease("ASTHMA", "哮喘", "J45.900", "J40-J47", "J00-J99", "支气管哮喘")));
    final List<Surgery> surgeries = new ArrayList<>();
    final List<Indicator> indicators = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>(List.of(
        newRule("UW-CH-I", null, "I00-I99", Set.of(), List.of(), refer()),
        newRule("UW-CH-J", null, "J00-J99", Set.of(), List.of(), refer())));

    Fixture rule(String id, String disease, List<Condition> when, Outcome outcome, String... lines) {
      // Disease rules go before the chapter defaults, as in rules.yaml.
      rules.add(rules.size() - 2, newRule(id, disease, null, Set.of(lines), when, outcome));
      return this;
    }

    KnowledgeBase build() {
      return new KnowledgeBase("test", List.of(new ProductLine("LIFE", "寿险"), new ProductLine("MEDICAL", "医疗险")),
          diseases, surgeries, indicators, rules, List.of(), new KbSettings(150, 0.6));
    }
  }

  private static Disease disease(String id, String name, String icd, String block, String chapter, String synonym) {
    return new Disease(id, name, List.of(icd), block, chapter, List.of(synonym), List.of(), null, Map.of());
  }

  private static Rule newRule(String id, String disease, String category, Set<String> lines, List<Condition> when,
      Outcome outcome) {
    return new Rule(id, disease, category, lines, when, outcome, "原因");
  }

  private static Outcome refer() {
    return new Outcome(OutcomeType.REFER, 0, null, List.of(), null, List.of("病历"));
  }

  private static Outcome of(OutcomeType type) {
    return new Outcome(type, type == OutcomeType.RATED ? 50 : 0, null, List.of(), null, List.of());
  }

  private static Condition.Range range(String fact, Integer min, Integer max) {
    return new Condition.Range(fact, min == null ? null : BigDecimal.valueOf(min),
        max == null ? null : BigDecimal.valueOf(max));
  }

  private List<Issue> issues(Fixture f, String check) {
    return validator.validate(f.build()).issues().stream().filter(i -> i.check().equals(check)).toList();
  }

  @Test
  void crossingBandsWithDifferentOutcomesAreReported() {
    Fixture f = new Fixture()
        .rule("A", "HTN", List.of(range("systolic", 140, 169)), of(OutcomeType.RATED))
        .rule("B", "HTN", List.of(range("systolic", 160, 179)), of(OutcomeType.DECLINE));
    assertThat(issues(f, KnowledgeBaseValidator.OVERLAP)).singleElement().satisfies(i -> {
      assertThat(i.severity()).isEqualTo(Severity.WARNING);
      assertThat(i.message()).contains("A systolic [140, 169]", "B systolic [160, 179]");
    });
  }

  @Test
  void aNarrowBandOrderedFirstOrSameOutcomesOrOtherLinesAreNotOverlaps() {
    Fixture carveOut = new Fixture()
        .rule("A", "HTN", List.of(range("systolic", 160, 179)), of(OutcomeType.DECLINE))
        .rule("B", "HTN", List.of(range("systolic", 140, 199)), of(OutcomeType.RATED));
    assertThat(issues(carveOut, KnowledgeBaseValidator.OVERLAP)).isEmpty();
    Fixture otherLines = new Fixture()
        .rule("A", "HTN", List.of(range("systolic", 140, 169)), of(OutcomeType.RATED), "LIFE")
        .rule("B", "HTN", List.of(range("systolic", 160, 179)), of(OutcomeType.DECLINE), "MEDICAL");
    assertThat(issues(otherLines, KnowledgeBaseValidator.OVERLAP)).isEmpty();
  }

  @Test
  void aRuleBehindAnUnconditionalOneForTheSameLinesIsUnreachable() {
    Fixture f = new Fixture()
        .rule("ANY", "HTN", List.of(), of(OutcomeType.RATED), "LIFE")
        .rule("GRADE3", "HTN", List.of(range("grade", 3, null)), of(OutcomeType.DECLINE), "LIFE")
        .rule("MED", "HTN", List.of(range("grade", 3, null)), of(OutcomeType.DECLINE));
    assertThat(issues(f, KnowledgeBaseValidator.UNREACHABLE)).singleElement().satisfies(i -> {
      assertThat(i.severity()).isEqualTo(Severity.ERROR);
      assertThat(i.subject()).isEqualTo("GRADE3");
      assertThat(i.message()).contains("ANY");
    });
  }

  @Test
  void aRuleBehindAWiderBandIsUnreachableButNotBehindANarrowerOne() {
    Fixture f = new Fixture()
        .rule("WIDE", "HTN", List.of(range("grade", 2, null)), of(OutcomeType.DECLINE))
        .rule("NARROW", "HTN", List.of(range("grade", 3, null), new Condition.Equals("status", "CURED")),
            of(OutcomeType.RATED))
        .rule("OTHER", "HTN", List.of(range("grade", 1, null)), of(OutcomeType.RATED));
    assertThat(issues(f, KnowledgeBaseValidator.UNREACHABLE)).extracting(Issue::subject).containsExactly("NARROW");
  }

  @Test
  void diseasesLeftToTheChapterReferAreCountedPerChapter() {
    KnowledgeBaseValidator.Report report = validator.validate(new Fixture()
        .rule("HTN-1", "HTN", List.of(), of(OutcomeType.RATED)).build());
    assertThat(report.gaps()).containsOnlyKeys("J00-J99");
    assertThat(report.gaps().get("J00-J99")).containsExactly("ASTHMA");
    assertThat(report.warnings()).anySatisfy(i -> assertThat(i.message()).startsWith("1 disease(s)"));
  }

  @Test
  void aTermNamingADiseaseAndASurgeryOfAnotherConditionIsAnError() {
    Fixture f = new Fixture();
    f.surgeries.add(new Surgery("X", "某手术", List.of("47.0100"), "ASTHMA", List.of("血压高", "手术二")));
    f.indicators.add(new Indicator("BP", "血压", List.of("哮喘"), "mmHg", List.of(), List.of(), false, List.of(),
        List.of(), List.of()));
    List<Issue> dups = issues(f, KnowledgeBaseValidator.DUPLICATE_TERM);
    assertThat(dups).extracting(Issue::subject, Issue::severity).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("血压高", Severity.ERROR),
        org.assertj.core.groups.Tuple.tuple("哮喘", Severity.WARNING));
  }

  @Test
  void theShippedKnowledgeBaseIsCheckedRuleByRule() {
    KnowledgeBase kb = KnowledgeBaseLoader.loadDefault();
    KnowledgeBaseValidator.Report report = validator.validate(kb);
    // Whatever the content holds today, an unreachable-rule error always names a rule of the base.
    assertThat(report.errors()).filteredOn(i -> i.check().equals(KnowledgeBaseValidator.UNREACHABLE))
        .allSatisfy(i -> assertThat(kb.rules()).anyMatch(r -> r.id().equals(i.subject())));
  }
}
