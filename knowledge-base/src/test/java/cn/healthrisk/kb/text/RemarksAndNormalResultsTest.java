package cn.healthrisk.kb.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.Facts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clauses that name no condition of their own: remarks about the condition just named, normal results,
 * smoking and drinking denied, and operations said not to have been done. Near misses stay unknown.
 */
class RemarksAndNormalResultsTest {
  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private final DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);

  private List<ClinicalFinding> read(String text) {
    return normalizer.normalize(text, LocalDate.of(2026, 11, 20));
  }

  private static long unknown(List<ClinicalFinding> findings) {
    return findings.stream().filter(f -> !f.known()).count();
  }

  @Test
  void aRemarkAfterAConditionIsKeptOnItNotReferredAsUnknown() {
    List<ClinicalFinding> f = read("高血压，爬楼梯喘");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.conceptId()).isEqualTo("HTN");
      assertThat(x.attributes().get(Facts.REMARKS)).isEqualTo(List.of("爬楼梯喘"));
    });
    assertThat(unknown(read("骨关节炎，走路久了疼"))).isZero();
    assertThat(unknown(read("痔疮，偶尔出血"))).isZero();
    assertThat(unknown(read("前列腺增生，夜尿两三次"))).isZero();
    assertThat(unknown(read("甲状腺结节，每年复查没变化"))).isZero();
  }

  @Test
  void aClauseThatMayNameAnotherConditionStaysUnknown() {
    // Condition words: a lump, a shadow, bleeding, an organ.
    assertThat(unknown(read("高血压，脖子上长了个包"))).isEqualTo(1);
    assertThat(unknown(read("糖尿病，眼睛模糊"))).isEqualTo(1);
    // Said with 有: affirmed, still a condition of its own.
    assertThat(unknown(read("糖尿病，眼底有点病变"))).isEqualTo(1);
    // Without a condition before it there is nothing to remark on.
    assertThat(unknown(read("爬楼梯喘"))).isEqualTo(1);
    // A relative's clause is never a remark on the applicant's condition.
    assertThat(unknown(read("高血压，父亲爬楼梯喘"))).isEqualTo(1);
  }

  @Test
  void normalResultsAndLifestyleDenialsNameNothing() {
    assertThat(read("视力正常")).isEmpty();
    assertThat(read("不抽烟不喝酒")).isEmpty();
    assertThat(read("从不吸烟")).isEmpty();
    assertThat(read("烟酒不沾")).isEmpty();
  }

  @Test
  void anIndicatorSaidToBeNormalDeniesWhatItsHighValueMeans() {
    assertThat(read("尿酸正常")).singleElement().satisfies(x -> {
      assertThat(x.conceptId()).isEqualTo("HYPERURICEMIA");
      assertThat(x.negated()).isTrue();
    });
    assertThat(read("尿酸偏高")).singleElement().satisfies(x -> assertThat(x.negated()).isFalse());
  }

  @Test
  void anOperationSaidNotToHaveBeenDoneIsNotOnTheCondition() {
    assertThat(read("胆囊结石，没症状，没做手术")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).doesNotContainKey(Facts.OPERATED));
    assertThat(read("胆囊结石，做了手术")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).containsEntry(Facts.OPERATED, true));
  }

  @Test
  void anOperationStillToComeOrTreatmentUnderWayIsPendingNotOperated() {
    assertThat(read("下个月做胆囊切除")).singleElement().satisfies(x -> {
      assertThat(x.attributes()).containsKey(Facts.PENDING).doesNotContainKey(Facts.OPERATED);
    });
    assertThat(read("胆结石，医生建议手术")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).containsKey(Facts.PENDING).doesNotContainKey(Facts.OPERATED));
    assertThat(read("现在正在住院，肺炎")).singleElement()
        .satisfies(x -> assertThat((String) x.attributes().get(Facts.PENDING)).contains("正在住院"));
    // Done, and done long ago: nothing pending.
    assertThat(read("2019年做过胆囊切除")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).containsEntry(Facts.OPERATED, true).doesNotContainKey(Facts.PENDING));
  }

  @Test
  void somethingStillBeingWorkedUpIsPending() {
    assertThat(read("脖子上摸到个包，还在查原因")).singleElement().satisfies(x -> {
      assertThat(x.known()).isFalse();
      assertThat(x.attributes()).containsKey(Facts.PENDING);
    });
  }

  @Test
  void aDisclosureThatNamesNothingButSaysSomethingIsWrongIsUnknown() {
    for (String vague : List.of("身体有点小毛病", "有个病，在吃药", "头部有个东西，医生让观察", "yy ca 术后?", "￥%……&*（血 ？？3类",
        "体检有几项箭头，没去管", "正在等胃镜病理结果")) {
      assertThat(read(vague)).as(vague).singleElement().satisfies(x -> assertThat(x.known()).isFalse());
    }
    for (String nothing : List.of("没什么毛病", "身体健康", "无", "没有住过院", "体检没有异常", "腰不疼")) {
      assertThat(read(nothing)).as(nothing).isEmpty();
    }
  }

  @Test
  void offMedicineIsCuredButStoppingOnOnesOwnIsUncontrolled() {
    assertThat(read("甲亢，吃了两年药，现在停药了")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).containsEntry(Facts.STATUS, "CURED"));
    assertThat(read("高血压，自己停药了")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).containsEntry(Facts.STATUS, "UNCONTROLLED"));
  }
}
