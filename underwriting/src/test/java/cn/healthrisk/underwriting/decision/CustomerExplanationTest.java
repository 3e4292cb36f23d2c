package cn.healthrisk.underwriting.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.underwriting.decision.CustomerExplanation.Cause;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerExplanationTest {

  private static Cause disclosed(OutcomeType type, String concept) {
    return new Cause(type, concept, FindingSource.DISCLOSURE);
  }

  @Test
  void ratedNamesTheDisclosedConditionAndTheExtraPremium() {
    String text = CustomerExplanation.explain(OutcomeType.RATED, 25, false, null, List.of(),
        List.of(disclosed(OutcomeType.RATED, "高血压"), disclosed(OutcomeType.STANDARD, "阑尾炎")));
    assertThat(text).isEqualTo("根据您告知的高血压病史，本产品需加收25%保费承保。");
  }

  @Test
  void eachOutcomeHasItsOwnSentence() {
    assertThat(CustomerExplanation.explain(OutcomeType.STANDARD, 0, false, null, List.of(), List.of()))
        .isEqualTo("根据您提供的健康信息，本产品可按标准费率承保。");
    assertThat(CustomerExplanation.explain(OutcomeType.EXCLUSION, 0, true, null, List.of(),
        List.of(new Cause(OutcomeType.EXCLUSION, "甲状腺结节", FindingSource.CHECKUP))))
        .startsWith("根据体检发现的甲状腺结节，本产品可以承保").contains("除外条款");
    assertThat(CustomerExplanation.explain(OutcomeType.POSTPONE, 0, false, 6, List.of(),
        List.of(disclosed(OutcomeType.POSTPONE, "肺结节")))).contains("6个月后重新申请");
    assertThat(CustomerExplanation.explain(OutcomeType.DECLINE, 0, false, null, List.of(),
        List.of(disclosed(OutcomeType.DECLINE, "肝硬化")))).startsWith("很抱歉，根据您告知的肝硬化病史");
    assertThat(CustomerExplanation.explain(OutcomeType.REFER, 0, false, null, List.of("近3个月血压监测记录"),
        List.of(disclosed(OutcomeType.REFER, null), new Cause(OutcomeType.REFER, null, null))))
        .isEqualTo("根据您告知的部分健康情况、您的多项健康情况，本产品需要核保人员进一步审核，请您补充提供：近3个月血压监测记录。"
            + "我们会尽快告知您审核结果。");
  }

  @Test
  void manyConditionsAreShortenedAndRepeatsCountOnce() {
    String text = CustomerExplanation.explain(OutcomeType.RATED, 75, true, null, List.of(), List.of(
        disclosed(OutcomeType.RATED, "高血压"), disclosed(OutcomeType.RATED, "高血压"),
        disclosed(OutcomeType.RATED, "糖尿病"), new Cause(OutcomeType.RATED, "肥胖", FindingSource.BMI),
        new Cause(OutcomeType.RATED, "脂肪肝", FindingSource.CHECKUP)));
    assertThat(text).startsWith("根据您告知的高血压病史、您告知的糖尿病病史、您的身高体重情况（肥胖）等情况，本产品需加收75%保费承保。")
        .endsWith("具体以除外条款为准。");
  }
}
