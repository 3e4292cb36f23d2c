package cn.healthrisk.kb.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.Hospital;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receipt 收款单位 forms against the shipped directory: seal words, suffixes, short and full names. */
class HospitalDirectoryTest {
  private static final HospitalDirectory DIR = KnowledgeBaseLoader.loadDefault().hospitals();

  private static String matched(String receiptName) {
    return DIR.match(receiptName).hospital().map(Hospital::name).orElse(null);
  }

  @Test
  void shippedDirectoryHoldsSeveralHundredHospitalsOfEveryKind() {
    assertThat(DIR.size()).isGreaterThanOrEqualTo(300);
    assertThat(DIR.hospitals()).anyMatch(h -> h.ownership() == Hospital.Ownership.PRIVATE);
    assertThat(DIR.hospitals()).anyMatch(h -> h.level() == 1);
    assertThat(DIR.hospitals()).filteredOn(h -> h.level() == 3 && "甲".equals(h.gradeClass())).hasSizeGreaterThan(200);
    assertThat(DIR.hospitals().stream().map(Hospital::province).distinct().count()).isGreaterThanOrEqualTo(31);
  }

  @Test
  void exactNameAndSealWordsMatch() {
    assertThat(matched("杭州市第一人民医院")).isEqualTo("杭州市第一人民医院");
    assertThat(matched("杭州市第一人民医院(章)")).isEqualTo("杭州市第一人民医院");
    assertThat(matched("杭州市第一人民医院财务专用章")).isEqualTo("杭州市第一人民医院");
    assertThat(matched(" 北京协和医院 （章） ")).isEqualTo("北京协和医院");
    assertThat(DIR.match("北京协和医院").matchedBy()).isEqualTo("EXACT");
  }

  @Test
  void departmentAndCampusSuffixesLeadToTheHospital() {
    assertThat(matched("浙江大学医学院附属第一医院门诊部")).isEqualTo("浙江大学医学院附属第一医院");
    assertThat(matched("四川大学华西医院收费处")).isEqualTo("四川大学华西医院");
    assertThat(matched("复旦大学附属中山医院青浦分院")).isEqualTo("复旦大学附属中山医院");
  }

  @Test
  void shortAndFullNamesBothMatch() {
    assertThat(matched("华西医院")).isEqualTo("四川大学华西医院");
    assertThat(matched("北京天坛医院")).isEqualTo("首都医科大学附属北京天坛医院");
    assertThat(matched("首都医科大学附属北京天坛医院")).isEqualTo("首都医科大学附属北京天坛医院");
    assertThat(matched("湘雅医院")).isEqualTo("中南大学湘雅医院");
  }

  @Test
  void specialDepartmentsAreRecognised() {
    HospitalDirectory.Match m = DIR.match("北京协和医院国际医疗部");
    assertThat(m.hospital()).map(Hospital::name).contains("北京协和医院");
    assertThat(m.specialDepartment()).isEqualTo("国际医疗部");
    assertThat(DIR.match("四川大学华西医院特需医疗中心").specialDepartment()).isNotNull();
    assertThat(DIR.match("四川大学华西医院").specialDepartment()).isNull();
    // The generic words hold for hospitals whose list does not name the department.
    assertThat(DIR.match("江苏省人民医院VIP病房").specialDepartment()).isEqualTo("VIP");
  }

  @Test
  void genericOrUnknownNamesDoNotMatch() {
    assertThat(matched("人民医院")).isNull();
    assertThat(matched("第一人民医院")).isNull();
    assertThat(matched("某某县中医院")).isNull();
    assertThat(matched("杭州市第九人民医院")).isNull();
    assertThat(matched("")).isNull();
    assertThat(matched(null)).isNull();
  }

  @Test
  void privateAndGradeOneHospitalsAreKnownAsSuch() {
    Hospital united = DIR.match("北京和睦家医院").hospital().orElseThrow();
    assertThat(united.ownership()).isEqualTo(Hospital.Ownership.PRIVATE);
    Hospital community = DIR.match("杭州市上城区湖滨街道社区卫生服务中心").hospital().orElseThrow();
    assertThat(community.level()).isEqualTo(1);
    assertThat(community.grade()).isEqualTo("一级");
    assertThat(DIR.match("北京协和医院").hospital().orElseThrow().grade()).isEqualTo("三级甲等");
  }

  @Test
  void directoryBuiltInCodeIndexesAliases() {
    HospitalDirectory d = new HospitalDirectory(List.of(new Hospital("测试市第一医院", List.of("测试一院"), 2, "甲",
        Hospital.Ownership.PUBLIC, List.of(), "测试省")));
    assertThat(d.match("测试一院").hospital()).isPresent();
    assertThat(d.match("测试一院门诊部").hospital()).isPresent();
    assertThat(d.match("测试市第二医院").hospital()).isEmpty();
  }
}
