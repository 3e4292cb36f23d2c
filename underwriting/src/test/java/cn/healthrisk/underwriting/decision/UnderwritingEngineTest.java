package cn.healthrisk.underwriting.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.checkup.CheckupItem;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnderwritingEngineTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
  private final DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
  private final UnderwritingEngine engine = new UnderwritingEngine(KB, normalizer, new CheckupEvaluator(KB, normalizer),
      Clock.fixed(NOW, ZoneOffset.UTC));

  /** A healthy 35-year-old woman (BMI 22.1) applying on 2026-11-20; add disclosures and items. */
  private static final class App {
    final List<String> lines = new ArrayList<>();
    final List<Application.Disclosure> disclosures = new ArrayList<>();
    final List<CheckupItem> items = new ArrayList<>();
    BigDecimal height = new BigDecimal("162");
    BigDecimal weight = new BigDecimal("58");
    int age = 35;

    App lines(String... codes) {
      lines.addAll(List.of(codes));
      return this;
    }

    App said(String text) {
      disclosures.add(new Application.Disclosure(text, null, null, null));
      return this;
    }

    App checkup(String name, String value, String unit) {
      items.add(new CheckupItem(name, value, unit));
      return this;
    }

    App body(String heightCm, String weightKg) {
      height = new BigDecimal(heightCm);
      weight = new BigDecimal(weightKg);
      return this;
    }

    App age(int years) {
      age = years;
      return this;
    }

    Application build() {
      return new Application("A-1", LocalDate.of(2026, 11, 20),
          new Application.Applicant(age, "F", height, weight, false), lines, disclosures,
          items.isEmpty() ? null : new Application.Checkup(LocalDate.of(2026, 9, 30), items), List.of());
    }
  }

  private static List<String> ruleIds(Decision.ProductLineDecision d) {
    return d.reasons().stream().map(Decision.Reason::ruleId).toList();
  }

  @Test
  void healthyApplicantIsStandardOnEveryLineWithAReason() {
    Decision d = engine.decide(new App().lines("CRITICAL_ILLNESS", "MILLION_MEDICAL").build());
    assertThat(d.applicationId()).isEqualTo("A-1");
    assertThat(d.kbVersion()).isEqualTo(KB.version());
    assertThat(d.decidedAt()).isEqualTo(NOW);
    assertThat(d.findings()).isEmpty();
    assertThat(d.decisions()).hasSize(2).allSatisfy(line -> {
      assertThat(line.outcome()).isEqualTo(OutcomeType.STANDARD);
      assertThat(line.extraPremiumPct()).isZero();
      assertThat(ruleIds(line)).containsExactly("UW-SYS-004");
    });
  }

  @Test
  void deniedConditionsDoNotCount() {
    Decision d = engine.decide(new App().lines("TERM_LIFE").said("否认高血压、糖尿病").build());
    assertThat(d.findings()).isEmpty();
    assertThat(d.decisionFor("TERM_LIFE").outcome()).isEqualTo(OutcomeType.STANDARD);
  }

  @Test
  void aDenialTheCheckupContradictsIsReferredNotResolved() {
    Decision d = engine.decide(new App().lines("CRITICAL_ILLNESS").said("痛风好了，尿酸正常")
        .checkup("UA", "560", "μmol/L").build());
    Decision.ProductLineDecision ci = d.decisionFor("CRITICAL_ILLNESS");
    assertThat(ci.outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(ruleIds(ci)).contains("UW-SYS-002");
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.evidence()).contains("告知：痛风好了，尿酸正常"));
    // The same checkup without the denial is decided by the condition's own rule.
    Decision plain = engine.decide(new App().lines("CRITICAL_ILLNESS").checkup("UA", "560", "μmol/L").build());
    assertThat(ruleIds(plain.decisionFor("CRITICAL_ILLNESS"))).doesNotContain("UW-SYS-002");
  }

  @Test
  void anOperationStillToComeIsPostponedOnEveryLine() {
    Decision d = engine.decide(new App().lines("MILLION_MEDICAL", "CRITICAL_ILLNESS").said("两周后要做子宫肌瘤手术").build());
    for (String line : List.of("MILLION_MEDICAL", "CRITICAL_ILLNESS")) {
      assertThat(d.decisionFor(line).outcome()).as(line).isEqualTo(OutcomeType.POSTPONE);
      assertThat(ruleIds(d.decisionFor(line))).as(line).contains("UW-SYS-006");
    }
    // Operated two years ago, the same condition follows its own rules.
    Decision done = engine.decide(new App().lines("MILLION_MEDICAL").said("两年前做过子宫肌瘤手术").build());
    assertThat(ruleIds(done.decisionFor("MILLION_MEDICAL"))).doesNotContain("UW-SYS-006");
  }

  @Test
  void familyHistoryIsNotUnderwrittenAsTheApplicants() {
    Decision d = engine.decide(new App().lines("TERM_LIFE").said("父亲有高血压、糖尿病").build());
    assertThat(d.findings()).isEmpty();
    assertThat(d.decisionFor("TERM_LIFE").outcome()).isEqualTo(OutcomeType.STANDARD);
  }

  @Test
  void aTypoThatIsNoHomophoneIsReferredNotGuessed() {
    // 高山压: 山 is no homophone of 血, so the normaliser does not guess 高血压; a person reads it.
    Decision d = engine.decide(new App().lines("CANCER").said("高山压").build());
    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.concept()).isNull());
    Decision.ProductLineDecision cancer = d.decisionFor("CANCER");
    assertThat(cancer.outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(ruleIds(cancer)).containsExactly("UW-SYS-001");
  }

  @Test
  void aLikelyTypoAboveTheMinimumConfidenceIsDecidedByTheConditionsRules() {
    Decision d = engine.decide(new App().lines("CANCER").said("甲状腺节结 TI-RADS 3类").build());
    assertThat(ruleIds(d.decisionFor("CANCER"))).containsExactly("UW-THY-004");
  }

  @Test
  void controlledHypertensionIsRatedForCriticalIllnessAndExcludedForMedical() {
    Decision d = engine.decide(new App().lines("CRITICAL_ILLNESS", "MILLION_MEDICAL")
        .said("高血压两年，吃药控制在130/85左右").build());
    assertThat(d.findings()).singleElement().satisfies(f -> {
      assertThat(f.concept()).isEqualTo("高血压");
      assertThat(f.source()).isEqualTo(FindingSource.DISCLOSURE);
      assertThat(f.attributes()).containsEntry("systolic", 130).containsEntry("status", "CONTROLLED");
    });
    Decision.ProductLineDecision ci = d.decisionFor("CRITICAL_ILLNESS");
    assertThat(ci.outcome()).isEqualTo(OutcomeType.RATED);
    assertThat(ci.extraPremiumPct()).isEqualTo(25);
    assertThat(ci.reasons()).singleElement().satisfies(r -> {
      assertThat(r.ruleId()).isEqualTo("UW-HTN-004");
      assertThat(r.findingId()).isEqualTo("F1");
    });
    Decision.ProductLineDecision medical = d.decisionFor("MILLION_MEDICAL");
    assertThat(medical.outcome()).isEqualTo(OutcomeType.EXCLUSION);
    assertThat(medical.exclusions()).singleElement()
        .satisfies(e -> assertThat(e.icd10Prefixes()).contains("I10", "I63"));
  }

  @Test
  void thyroidNoduleFromUltrasoundIsExcludedOnMedicalCover() {
    Decision d = engine.decide(new App().lines("MILLION_MEDICAL")
        .checkup("甲状腺彩超", "甲状腺右叶低回声结节 6x4mm TI-RADS 3类", null).build());
    assertThat(d.findings()).singleElement().satisfies(f -> {
      assertThat(f.source()).isEqualTo(FindingSource.CHECKUP);
      assertThat(f.icd10()).isEqualTo("E04.101");
      assertThat(f.attributes()).containsEntry("tirads", 3).containsEntry("sizeMm", 6);
    });
    Decision.ProductLineDecision medical = d.decisionFor("MILLION_MEDICAL");
    assertThat(medical.outcome()).isEqualTo(OutcomeType.EXCLUSION);
    assertThat(medical.exclusions()).singleElement().satisfies(e -> {
      assertThat(e.icd10Prefixes()).containsExactly("E04", "E05", "E06", "E07", "C73", "D34");
      assertThat(e.clause()).contains("甲状腺").contains("不承担保险责任");
    });
    assertThat(ruleIds(medical)).containsExactly("UW-THY-003");
  }

  @Test
  void suspiciousBreastNoduleIsPostponed() {
    Decision.ProductLineDecision d = engine.decide(new App().lines("CRITICAL_ILLNESS")
        .said("乳腺结节 BI-RADS 4类").build()).decisionFor("CRITICAL_ILLNESS");
    assertThat(d.outcome()).isEqualTo(OutcomeType.POSTPONE);
    assertThat(d.postponeMonths()).isEqualTo(6);
  }

  @Test
  void strokeIsDeclinedForLifeButNotForCancerCover() {
    Decision d = engine.decide(new App().lines("TERM_LIFE", "CANCER").said("去年脑梗").build());
    assertThat(d.decisionFor("TERM_LIFE").outcome()).isEqualTo(OutcomeType.DECLINE);
    assertThat(d.decisionFor("CANCER").outcome()).isEqualTo(OutcomeType.STANDARD);
  }

  @Test
  void unknownConditionIsReferredWithAnEvidenceRequest() {
    Decision d = engine.decide(new App().lines("MILLION_MEDICAL").said("戈谢氏贮积症").build());
    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.concept()).isNull());
    Decision.ProductLineDecision line = d.decisionFor("MILLION_MEDICAL");
    assertThat(line.outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(line.evidenceRequests()).isNotEmpty();
    assertThat(ruleIds(line)).containsExactly("UW-SYS-001");
  }

  @Test
  void mostSevereWinsWhileExtraPremiumAndExclusionsStillAccumulate() {
    Decision.ProductLineDecision ci = engine.decide(new App().lines("CRITICAL_ILLNESS")
        .said("高血压，吃药控制在130/85")
        .said("甲状腺结节 TI-RADS 3类")
        .build()).decisionFor("CRITICAL_ILLNESS");
    assertThat(ci.outcome()).isEqualTo(OutcomeType.RATED);
    assertThat(ci.extraPremiumPct()).isEqualTo(25);
    assertThat(ci.exclusions()).singleElement().satisfies(e -> assertThat(e.icd10Prefixes()).containsExactly("C73"));
    assertThat(ruleIds(ci)).containsExactly("UW-HTN-004", "UW-THY-004");

    Decision.ProductLineDecision withPostpone = engine.decide(new App().lines("CRITICAL_ILLNESS")
        .said("高血压，吃药控制在130/85").said("乳腺结节 BI-RADS 4类").build()).decisionFor("CRITICAL_ILLNESS");
    assertThat(withPostpone.outcome()).isEqualTo(OutcomeType.POSTPONE);
    assertThat(withPostpone.extraPremiumPct()).isEqualTo(25);
  }

  @Test
  void extraPremiumsAboveTheCapAreReferred() {
    Decision.ProductLineDecision life = engine.decide(new App().lines("TERM_LIFE").body("160", "85")
        .said("高血压2级").said("2型糖尿病").said("哮喘，控制良好").build()).decisionFor("TERM_LIFE");
    // 50 (高血压2级) + 75 (糖尿病) + 25 (哮喘) + 50 (BMI 33.2) = 200 > 150
    assertThat(life.extraPremiumPct()).isEqualTo(200);
    assertThat(life.outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(ruleIds(life)).contains("UW-SYS-003", "UW-BMI-002");
  }

  @Test
  void sameConditionFromDisclosureAndCheckupCountsOnce() {
    Decision d = engine.decide(new App().lines("TERM_LIFE").said("高血压").checkup("血压", "165/95", "mmHg")
        .said("小三阳").checkup("HBsAg", "阳性", null).build());
    assertThat(d.findings()).extracting(Decision.Finding::concept).containsExactly("高血压", "乙肝小三阳");
    assertThat(d.findings().get(0).attributes()).containsEntry("grade", 2);
    assertThat(d.decisionFor("TERM_LIFE").reasons()).hasSize(2);
  }

  @Test
  void curedDisclosureContradictedByCheckupIsReferred() {
    Decision d = engine.decide(new App().lines("MILLION_MEDICAL").said("2020年胆囊结石，已治愈")
        .checkup("腹部彩超", "胆囊多发结石", null).build());
    assertThat(d.findings()).hasSize(1);
    Decision.ProductLineDecision line = d.decisionFor("MILLION_MEDICAL");
    assertThat(line.outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(ruleIds(line)).containsExactly("UW-GS-002", "UW-SYS-002");
    assertThat(line.evidenceRequests()).contains("近3个月相关复查报告及治疗记录");
    assertThat(line.exclusions()).hasSize(1);
  }

  @Test
  void unreadableCheckupValueIsReferred() {
    Decision.ProductLineDecision line = engine.decide(new App().lines("MILLION_MEDICAL")
        .checkup("空腹血糖", "6.8", "g/L").build()).decisionFor("MILLION_MEDICAL");
    assertThat(line.outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(ruleIds(line)).containsExactly("UW-SYS-005");
  }

  @Test
  void aChildIsNotJudgedOnTheAdultBmiBands() {
    Application child = new App().age(3).body("98", "15").lines("CRITICAL_ILLNESS").build();
    Application adult = new App().body("98", "15").lines("CRITICAL_ILLNESS").build();

    assertThat(engine.decide(child).findings()).isEmpty();
    assertThat(engine.decide(child).decisionFor("CRITICAL_ILLNESS").outcome()).isEqualTo(OutcomeType.STANDARD);
    assertThat(engine.decide(adult).findings()).extracting(Decision.Finding::source).containsExactly(FindingSource.BMI);
    assertThat(engine.decide(adult).decisionFor("CRITICAL_ILLNESS").outcome()).isEqualTo(OutcomeType.REFER);
  }

  @Test
  void aSymptomTheDisclosedDiagnosisAccountsForIsPartOfIt() {
    Decision withDiagnosis = engine.decide(new App().said("慢性胃炎，偶尔胃疼").lines("MILLION_MEDICAL").build());
    Decision symptomOnly = engine.decide(new App().said("经常心慌").lines("MILLION_MEDICAL").build());

    assertThat(withDiagnosis.findings()).extracting(Decision.Finding::concept).containsExactly("慢性胃炎");
    assertThat(withDiagnosis.findings().get(0).evidence()).isEqualTo("慢性胃炎，偶尔胃疼");
    assertThat(withDiagnosis.decisionFor("MILLION_MEDICAL").outcome()).isEqualTo(OutcomeType.STANDARD);
    assertThat(symptomOnly.findings()).extracting(Decision.Finding::concept).containsExactly("心悸");
    assertThat(symptomOnly.decisionFor("MILLION_MEDICAL").outcome()).isEqualTo(OutcomeType.REFER);
  }

  @Test
  void aRedFlagSymptomIsNeverTakenAsExplained() {
    Decision d = engine.decide(new App().said("慢性支气管炎，最近咳血").lines("CRITICAL_ILLNESS").build());

    assertThat(d.findings()).extracting(Decision.Finding::concept).containsExactly("慢性支气管炎", "咯血");
    assertThat(UnderwritingEngine.explainable("R04.200")).isFalse();
    assertThat(UnderwritingEngine.explainable("R10.400")).isTrue();
    assertThat(UnderwritingEngine.symptom("R80.x00")).isFalse();
  }
}
