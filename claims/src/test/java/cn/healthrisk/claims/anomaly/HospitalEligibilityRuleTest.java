package cn.healthrisk.claims.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INELIGIBLE_HOSPITAL against the shipped directory under both hospital requirements. */
class HospitalEligibilityRuleTest {
  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private final HospitalEligibilityRule rule = new HospitalEligibilityRule(KB.hospitals(), KB.version());

  static Policy policy(Policy.HospitalRequirement requirement) {
    return new Policy("P-1", null, "MILLION_MEDICAL", new Policy.Insured("王丽", "330102199001011234", "F",
        LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 30,
        new BigDecimal("3000000.00"), BigDecimal.ZERO.setScale(2), requirement, List.of());
  }

  List<Flag> flags(Policy.HospitalRequirement requirement, String hospital) {
    ReceiptExtraction r = ClaimAnomalyRulesTest.receiptFrom("r1.pdf", hospital);
    return rule.evaluate(policy(requirement), List.of(r));
  }

  @Test
  void publicGradeTwoPlusHospitalsPassInTheirReceiptForms() {
    var req = Policy.HospitalRequirement.PUBLIC_GRADE2_PLUS;
    assertThat(flags(req, "杭州市第一人民医院")).isEmpty();
    assertThat(flags(req, "浙江大学医学院附属第一医院门诊部")).isEmpty();
    assertThat(flags(req, "华西医院（章）")).isEmpty();
    assertThat(flags(req, "北京市垂杨柳医院")).isEmpty();
  }

  @Test
  void privateGradeOneAndSpecialDepartmentsAreIneligible() {
    var req = Policy.HospitalRequirement.PUBLIC_GRADE2_PLUS;
    List<Flag> priv = flags(req, "北京和睦家医院");
    assertThat(priv).extracting(Flag::code).containsExactly(FlagCode.INELIGIBLE_HOSPITAL);
    assertThat(priv.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(priv.get(0).evidence()).containsEntry("reason", "PRIVATE").containsEntry("field", "hospitalName")
        .containsEntry("document", "r1.pdf").containsKey("policyClause");
    assertThat(flags(req, "杭州市上城区湖滨街道社区卫生服务中心").get(0).evidence()).containsEntry("reason", "GRADE_BELOW_2");
    List<Flag> vip = flags(req, "北京协和医院国际医疗部");
    assertThat(vip.get(0).evidence()).containsEntry("reason", "SPECIAL_DEPARTMENT");
    assertThat(vip.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(flags(req, "某市某某区特需门诊部").get(0).evidence()).containsEntry("reason", "SPECIAL_DEPARTMENT");
  }

  @Test
  void unknownHospitalIsUnverifiedNeverIneligible() {
    List<Flag> f = flags(Policy.HospitalRequirement.PUBLIC_GRADE2_PLUS, "杭州市第九人民医院");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.LOW);
    assertThat(f.get(0).message()).contains("医院未在名录中，无法核实").doesNotContain("不符合");
    assertThat(f.get(0).evidence()).containsEntry("reason", "UNVERIFIED");
  }

  @Test
  void withoutADirectoryEveryHospitalIsUnverified() {
    HospitalEligibilityRule none = new HospitalEligibilityRule(cn.healthrisk.kb.hospital.HospitalDirectory.empty(), null);
    List<Flag> f = none.evaluate(policy(Policy.HospitalRequirement.PUBLIC_GRADE2_PLUS),
        List.of(ClaimAnomalyRulesTest.receiptFrom("r1.pdf", "北京协和医院")));
    assertThat(f).extracting(Flag::severity).containsExactly(Severity.LOW);
  }

  @Test
  void anyHospitalRequirementNeverFlags() {
    assertThat(flags(Policy.HospitalRequirement.ANY, "北京和睦家医院")).isEmpty();
    assertThat(flags(Policy.HospitalRequirement.ANY, "杭州市第九人民医院")).isEmpty();
  }
}
