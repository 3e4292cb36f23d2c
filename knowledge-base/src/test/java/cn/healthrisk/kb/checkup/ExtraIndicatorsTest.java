package cn.healthrisk.kb.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.Threshold;
import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtraIndicatorsTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final LocalDate REPORTED = LocalDate.of(2026, 9, 30);
  private final CheckupEvaluator evaluator = new CheckupEvaluator(KB, new DisclosureNormalizer(KB));

  private CheckupEvaluation evaluate(String sex, Integer age, CheckupItem... items) {
    return evaluator.evaluate(List.of(items), sex, age, REPORTED);
  }

  @Test
  void atLeastEightyIndicatorsAndEveryThresholdNamesAKnownCondition() {
    assertThat(KB.indicators()).hasSizeGreaterThanOrEqualTo(80);
    for (Indicator i : KB.indicators()) {
      for (Threshold t : i.thresholds()) {
        assertThat(KB.disease(t.conceptId())).as(t.id()).isPresent();
      }
    }
  }

  @Test
  void abbreviationsAndUnitsAreResolved() {
    CheckupEvaluation eval = evaluate("M", 40,
        new CheckupItem("低密度脂蛋白胆固醇(LDL-C)", "174", "mg/dL"),
        new CheckupItem("γ-GT", "200", "U/L"),
        new CheckupItem("CA19-9", "52.1", "U/mL"),
        new CheckupItem("HBeAg", "阳性", null),
        new CheckupItem("尿蛋白", "2+", null));
    assertThat(eval.findings()).extracting(ClinicalFinding::conceptId)
        .containsExactlyInAnyOrder("HYPERLIPIDEMIA", "LIVER_DYSFUNCTION", "TUMOR_MARKER_HIGH", "HBV_BIG",
            "PROTEINURIA");
    assertThat(eval.measurements()).anySatisfy(m -> {
      assertThat(m.indicator()).isEqualTo("LDLC");
      assertThat(m.value()).isEqualByComparingTo("4.5");
    });
    assertThat(eval.unreadable()).isEmpty();
  }

  @Test
  void ageAndSexBandsPickTheReferenceRange() {
    Indicator alp = KB.indicator("ALP").orElseThrow();
    assertThat(alp.rangeFor("F", 35).orElseThrow().high()).isEqualByComparingTo("100");
    assertThat(alp.rangeFor("F", 60).orElseThrow().high()).isEqualByComparingTo("135");
    assertThat(alp.rangeFor("M", 15).orElseThrow().high()).isEqualByComparingTo("390");
    // Without an age, a range that fits the sex still applies.
    assertThat(alp.rangeFor("M", null)).isPresent();
    // ALP 250 U/L: above twice the limit for a 35-year-old woman, not for a 15-year-old.
    assertThat(evaluate("F", 35, new CheckupItem("碱性磷酸酶", "250", "U/L")).findings()).hasSize(1);
    assertThat(evaluate("M", 15, new CheckupItem("碱性磷酸酶", "250", "U/L")).findings()).isEmpty();
  }

  @Test
  void oralGlucoseToleranceSeparatesDiabetesFromPrediabetes() {
    assertThat(evaluate(null, null, new CheckupItem("OGTT2h", "12.0", "mmol/L")).findings())
        .extracting(ClinicalFinding::conceptId).containsExactly("T2DM");
    assertThat(evaluate(null, null, new CheckupItem("OGTT2h", "8.5", "mmol/L")).findings())
        .extracting(ClinicalFinding::conceptId).containsExactly("IFG");
    assertThat(evaluator.convert(KB.indicator("OGTT2H").orElseThrow(), new BigDecimal("180"), "mg/dL"))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10"));
  }
}
