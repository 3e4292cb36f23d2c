package cn.healthrisk.kb.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureNormalizerTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final LocalDate APPLIED = LocalDate.of(2026, 11, 20);
  private final DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);

  private List<ClinicalFinding> read(String text) {
    return normalizer.normalize(text, APPLIED);
  }

  private ClinicalFinding only(String text) {
    List<ClinicalFinding> findings = read(text);
    assertThat(findings).as(text).hasSize(1);
    return findings.get(0);
  }

  @Test
  void colloquialNamesMapToTheStandardConcept() {
    assertThat(only("血压高").concept()).isEqualTo("高血压");
    assertThat(only("小三阳").concept()).isEqualTo("乙肝小三阳");
    assertThat(only("甲状腺上长了个小疙瘩").concept()).isEqualTo("甲状腺结节");
    assertThat(only("羊癫疯").icd10()).isEqualTo("G40.900");
  }

  @Test
  void fullWidthCharactersAndSpacesAreFolded() {
    ClinicalFinding f = only("甲状腺结节　ＴＩ－ＲＡＤＳ　３类");
    assertThat(f.attributes()).containsEntry("tirads", 3);
  }

  @Test
  void negationDeniesTheCondition() {
    assertThat(only("无高血压").negated()).isTrue();
    List<ClinicalFinding> denied = read("否认高血压、糖尿病");
    assertThat(denied).extracting(ClinicalFinding::concept).containsExactly("高血压", "糖尿病");
    assertThat(denied).allMatch(ClinicalFinding::negated);
    assertThat(only("高血压未规律服药").negated()).isFalse();
    assertThat(only("高血压未规律服药").attributes()).containsEntry("status", "UNCONTROLLED");
  }

  @Test
  void severalConditionsInOneSentence() {
    List<ClinicalFinding> findings = read("有脂肪肝和胆囊结石，过敏性鼻炎");
    assertThat(findings).extracting(ClinicalFinding::concept).containsExactly("脂肪肝", "胆囊结石", "过敏性鼻炎");
    assertThat(findings).noneMatch(ClinicalFinding::negated);
  }

  @Test
  void timesAreResolvedAgainstTheApplicationDate() {
    assertThat(only("三年前查出甲状腺结节").attributes()).containsEntry("since", "2023-11").containsEntry("monthsSince", 36);
    assertThat(only("上个月诊断湿疹").attributes()).containsEntry("since", "2026-10");
    assertThat(only("高血压两年").attributes()).containsEntry("monthsSince", 24);
    // A bare year counts from its December: the fewest months it can mean.
    assertThat(only("2019年做过腹腔镜阑尾切除，已痊愈").attributes())
        .containsEntry("since", "2019-12").containsEntry("monthsSince", 83);
  }

  @Test
  void statusAndSurgeryAttachToTheCondition() {
    ClinicalFinding appendix = only("2019年做过腹腔镜阑尾切除，已痊愈");
    assertThat(appendix.concept()).isEqualTo("阑尾炎");
    assertThat(appendix.attributes()).containsEntry("status", "CURED").containsEntry("operated", true)
        .containsEntry("icd9", "47.0100");
    ClinicalFinding htn = only("高血压两年，吃药控制在130/85左右");
    assertThat(htn.attributes()).containsEntry("status", "CONTROLLED").containsEntry("systolic", 130)
        .containsEntry("diastolic", 85);
    assertThat(only("肺结节5mm，复查无变化").attributes()).containsEntry("status", "STABLE").containsEntry("sizeMm", 5);
  }

  @Test
  void gradesAndImagingCategoriesAndSizes() {
    assertThat(only("高血压2级").attributes()).containsEntry("grade", 2);
    assertThat(only("乳腺结节 BI-RADS 4类").attributes()).containsEntry("birads", 4);
    assertThat(only("甲状腺右叶低回声结节 6x4mm TI-RADS 3类").attributes())
        .containsEntry("tirads", 3).containsEntry("sizeMm", 6);
    assertThat(only("子宫肌瘤 3.5cm").attributes()).containsEntry("sizeMm", 35);
  }

  @Test
  void unknownTextGivesNoConceptAndLowConfidence() {
    ClinicalFinding f = only("戈谢氏贮积症");
    assertThat(f.known()).isFalse();
    assertThat(f.confidence()).isLessThan(0.5);
    assertThat(only("高血压").confidence()).isGreaterThan(0.9);
    assertThat(read("身体健康")).isEmpty();
  }

  @Test
  void codedDisclosureUsesTheCodeDateAndStatus() {
    List<ClinicalFinding> findings = normalizer.normalize("甲状腺结节", "E04.101", "2025-06", "ONGOING", APPLIED);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.conceptId()).isEqualTo("THY_NODULE");
      assertThat(f.attributes()).containsEntry("since", "2025-06").containsEntry("monthsSince", 17)
          .containsEntry("status", "ONGOING");
    });
  }
}
