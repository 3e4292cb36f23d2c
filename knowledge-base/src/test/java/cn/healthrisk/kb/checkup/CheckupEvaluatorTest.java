package cn.healthrisk.kb.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckupEvaluatorTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private final CheckupEvaluator evaluator = new CheckupEvaluator(KB, new DisclosureNormalizer(KB));

  private CheckupEvaluation eval(String sex, CheckupItem... items) {
    return evaluator.evaluate(List.of(items), sex, LocalDate.of(2026, 9, 30));
  }

  private static CheckupItem item(String name, String value, String unit) {
    return new CheckupItem(name, value, unit);
  }

  @Test
  void glucoseInMgPerDlIsConvertedAndFlagsDiabetes() {
    CheckupEvaluation e = eval("F", item("GLU", "135", "mg/dL"));
    assertThat(e.measurements()).singleElement().satisfies(m -> {
      assertThat(m.value()).isEqualByComparingTo("7.5");
      assertThat(m.unit()).isEqualTo("mmol/L");
    });
    assertThat(e.findings()).extracting(ClinicalFinding::concept).containsExactly("糖尿病");
  }

  @Test
  void fastingGlucoseBetween61And69IsImpairedFastingGlucose() {
    assertThat(eval("F", item("空腹血糖", "6.8", "mmol/L")).findings()).extracting(ClinicalFinding::concept)
        .containsExactly("空腹血糖受损");
    assertThat(eval("F", item("空腹血糖", "5.2", "mmol/L")).findings()).isEmpty();
  }

  @Test
  void hbA1cOutranksASingleGlucose() {
    CheckupEvaluation normalA1c = eval("M", item("空腹血糖", "7.3", "mmol/L"), item("糖化血红蛋白", "5.4", "%"));
    assertThat(normalA1c.findings()).isEmpty();
    CheckupEvaluation highA1c = eval("M", item("GLU", "6.3", "mmol/L"), item("HbA1c", "6.9", "%"));
    assertThat(highA1c.findings()).singleElement().satisfies(f -> {
      assertThat(f.concept()).isEqualTo("糖尿病");
      assertThat(f.basis()).isEqualTo("IND-HBA1C-001");
    });
  }

  @Test
  void uricAcidAndCreatinineConversions() {
    CheckupEvaluation e = eval("M", item("UA", "9.5", "mg/dL"), item("肌酐", "1.0", "mg/dl"));
    assertThat(e.measurements()).anySatisfy(m -> {
      assertThat(m.indicator()).isEqualTo("UA");
      assertThat(m.value()).isEqualByComparingTo("565.06");
      assertThat(m.unit()).isEqualTo("μmol/L");
    });
    assertThat(e.measurements()).anySatisfy(m -> {
      assertThat(m.indicator()).isEqualTo("CR");
      assertThat(m.value()).isEqualByComparingTo("88.4");
    });
    assertThat(e.findings()).singleElement().satisfies(f -> {
      assertThat(f.concept()).isEqualTo("高尿酸血症");
      assertThat(f.attributes()).containsEntry("severe", true);
    });
  }

  @Test
  void altAboveTwiceTheUpperLimitIsLiverDysfunction() {
    assertThat(eval("F", item("谷丙转氨酶(ALT)", "85", "U/L")).findings()).extracting(ClinicalFinding::concept)
        .containsExactly("肝功能异常");
    assertThat(eval("F", item("GPT", "75", "U/L")).findings()).isEmpty();
  }

  @Test
  void positiveHbsAgIsHepatitisBCarrier() {
    assertThat(eval("F", item("HBsAg", "阳性", "")).findings()).extracting(ClinicalFinding::concept)
        .containsExactly("乙肝病毒携带");
    assertThat(eval("F", item("乙肝表面抗原", "阴性", "")).findings()).isEmpty();
  }

  @Test
  void qualitativeResultsSaidInWordsAreRead() {
    assertThat(eval("F", item("HPV", "16型阳性", "")).findings()).extracting(ClinicalFinding::conceptId)
        .containsExactly("HPV_INFECTION");
    assertThat(eval("F", item("高危型HPV", "阴性", "")).findings()).isEmpty();
    CheckupEvaluation tct = eval("F", item("TCT", "未见上皮内病变或恶性病变", ""));
    assertThat(tct.findings()).isEmpty();
    assertThat(tct.unreadable()).isEmpty();
    // Neither positive nor negative: reported, not guessed.
    assertThat(eval("F", item("HPV", "待复查", "")).unreadable()).hasSize(1);
    assertThat(CheckupEvaluator.qualitative("未阳性")).isFalse();
    assertThat(CheckupEvaluator.qualitative("弱阳性")).isTrue();
  }

  @Test
  void bloodPressureReadingIsSplitAndGraded() {
    CheckupEvaluation e = eval("M", item("血压", "165/95", "mmHg"));
    assertThat(e.findings()).singleElement().satisfies(f -> {
      assertThat(f.concept()).isEqualTo("高血压");
      assertThat(f.attributes()).containsEntry("grade", 2);
    });
  }

  @Test
  void imagingTextIsReadForNoduleSizeAndTirads() {
    CheckupEvaluation e = eval("F", item("甲状腺彩超", "甲状腺右叶低回声结节 6x4mm TI-RADS 3类", null));
    assertThat(e.findings()).singleElement().satisfies(f -> {
      assertThat(f.concept()).isEqualTo("甲状腺结节");
      assertThat(f.icd10()).isEqualTo("E04.101");
      assertThat(f.evidence()).isEqualTo("甲状腺右叶低回声结节 6x4mm TI-RADS 3类");
      assertThat(f.attributes()).containsEntry("tirads", 3).containsEntry("sizeMm", 6);
    });
  }

  @Test
  void unknownUnitIsReportedNotGuessed() {
    CheckupEvaluation e = eval("F", item("GLU", "6.8", "g/L"), item("视力", "1.0", ""));
    assertThat(e.findings()).isEmpty();
    assertThat(e.unreadable()).singleElement().satisfies(u -> assertThat(u.name()).isEqualTo("GLU"));
    assertThat(e.unknownItems()).containsExactly("视力");
  }

  @Test
  void bmiThresholds() {
    var bmi = KB.indicator("BMI").orElseThrow();
    assertThat(evaluator.evaluateNumber(bmi, new BigDecimal("33.1"), "M", "BMI 33.1")).get()
        .satisfies(f -> assertThat(f.attributes()).containsEntry("severe", true));
    assertThat(evaluator.evaluateNumber(bmi, new BigDecimal("15.8"), "F", "BMI 15.8")).get()
        .extracting(ClinicalFinding::concept).isEqualTo("营养不良");
    assertThat(evaluator.evaluateNumber(bmi, new BigDecimal("22"), "F", "BMI 22")).isEmpty();
  }
}
