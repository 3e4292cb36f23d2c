package cn.healthrisk.kb.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.Facts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What applicants actually write: typos, denials over lists, relatives, times and attributes. */
class NormalizerFeaturesTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final LocalDate APPLIED = LocalDate.of(2026, 11, 20);
  private static final DisclosureNormalizer NORMALIZER = new DisclosureNormalizer(KB);

  private static List<ClinicalFinding> read(String text) {
    return NORMALIZER.normalize(text, APPLIED);
  }

  private static ClinicalFinding only(String text) {
    List<ClinicalFinding> findings = read(text);
    assertThat(findings).as(text).hasSize(1);
    return findings.get(0);
  }

  @Test
  void swappedAndInputMethodCharactersAreReadAsTyposWithLowerConfidence() {
    ClinicalFinding swapped = only("甲状腺节结");
    assertThat(swapped.conceptId()).isEqualTo("THY_NODULE");
    assertThat(swapped.basis()).isEqualTo("fuzzy:transposition");
    assertThat(swapped.matchedTerm()).isEqualTo("甲状腺结节");
    assertThat(swapped.confidence()).isLessThan(DisclosureNormalizer.CONFIDENCE_SYNONYM);

    assertThat(only("胆襄结石").conceptId()).isEqualTo("GALLSTONE");
    assertThat(only("胆襄结石").basis()).isEqualTo("fuzzy:confusion");
    // A dropped character inside a longer term.
    assertThat(only("冠状动脉粥样硬性心脏病").conceptId()).isEqualTo("CHD");
    assertThat(only("冠状动脉粥样硬性心脏病").basis()).isEqualTo("fuzzy:deletion");
  }

  @Test
  void typosNeverFlipMeaningOrNameAnotherDisease() {
    // 阴/阳 is a change of result, not a typo: a negative test is at most a denial, never a finding.
    assertThat(read("乙肝表面抗原阴性")).noneMatch(f -> f.known() && !f.negated());
    // A changed last character names a different disease (甲状腺炎 is not 甲状腺癌).
    assertThat(read("甲状腺炎")).noneMatch(f -> "THYROID_CANCER".equals(f.conceptId()));
    // Part of a term is not the term.
    assertThat(read("甲状腺功能减退")).noneMatch(f -> "THYROID_CANCER".equals(f.conceptId()));
  }

  @Test
  void pinyinHomophonesAreReadAsTheTermTheApplicantMeant() {
    ClinicalFinding diabetes = only("糖尿并");
    assertThat(diabetes.conceptId()).isEqualTo("T2DM");
    assertThat(diabetes.basis()).isEqualTo("fuzzy:homophone");
    assertThat(diabetes.confidence()).isGreaterThanOrEqualTo(KB.settings().minConfidence());
    // A two-character term with one homophone: 湿诊 is 湿疹, 哮穿 is 哮喘.
    assertThat(only("湿诊").matchedTerm()).isEqualTo("湿疹");
    assertThat(only("哮穿").matchedTerm()).isEqualTo("哮喘");
  }

  @Test
  void homophonesNeedTheTypedCharactersUsualReadingAndOneCharacterKept() {
    // 率 is read shuai only rarely: 心率 is a heart rate, not heart failure (心衰).
    assertThat(read("心率50左右")).noneMatch(f -> "HEART_FAILURE".equals(f.conceptId()));
    assertThat(read("否认肝炎")).noneMatch(f -> "LIVER_CANCER".equals(f.conceptId()));
    // Both characters changed is another word altogether.
    assertThat(read("十岁")).noneMatch(ClinicalFinding::known);
  }

  @Test
  void aBareDenialRightBeforeOrAfterTheConditionDeniesIt() {
    assertThat(only("不失眠").negated()).isTrue();
    assertThat(read("肺大泡，没气胸过")).anyMatch(f -> "PNEUMOTHORAX".equals(f.conceptId()) && f.negated());
    assertThat(read("糖尿病没有，就是体重超标")).filteredOn(f -> "T2DM".equals(f.conceptId()))
        .allMatch(ClinicalFinding::negated).isNotEmpty();
    assertThat(read("还没到糖尿病")).filteredOn(f -> "T2DM".equals(f.conceptId()))
        .allMatch(ClinicalFinding::negated).isNotEmpty();
  }

  @Test
  void notRuledOutIsSuspectedNeverDenied() {
    ClinicalFinding cancer = read("肺结节8mm，医生说不排除早期肺癌").stream()
        .filter(f -> "LUNG_CANCER".equals(f.conceptId())).findFirst().orElseThrow();
    assertThat(cancer.negated()).isFalse();
    assertThat(cancer.attributes()).containsEntry("status", "SUSPECTED");
  }

  @Test
  void aGenericNameToldWithASpecificOneIsMarkedAsRefinedByIt() {
    List<ClinicalFinding> findings = read("先天性心脏病，房间隔缺损，小时候做了封堵");
    ClinicalFinding generic = findings.stream().filter(f -> "Q24".equals(f.icd10().substring(0, 3)))
        .findFirst().orElseThrow();
    ClinicalFinding specific = findings.stream().filter(f -> f.icd10().startsWith("Q21")).findFirst().orElseThrow();
    assertThat(generic.attributes()).containsEntry("refinedBy", specific.conceptId());
    assertThat(specific.attributes()).doesNotContainKey("refinedBy");
    assertThat(cn.healthrisk.kb.tools.FindingViews.top(findings)).contains(specific);
  }

  @Test
  void anOrganAndALesionSaidApartAreOneCondition() {
    assertThat(only("甲状腺上长了个小疙瘩").conceptId()).isEqualTo("THY_NODULE");
    ClinicalFinding cyst = only("肾上有个小囊肿");
    assertThat(cyst.icd10()).startsWith("N28");
    assertThat(cyst.basis()).isEqualTo("composed");
    assertThat(only("肠子里有个小息肉").icd10()).startsWith("K63");
    // A denial between the pieces denies the condition; the other breast's nodule stays affirmed.
    assertThat(only("肺部没有结节").negated()).isTrue();
    List<ClinicalFinding> breasts = read("左乳结节3类，右乳无结节");
    assertThat(breasts).extracting(ClinicalFinding::negated).containsExactly(false, true);
    // Words that are not place, size or count words keep the pieces apart.
    assertThat(read("肾功能检查发现尿里有结石")).noneMatch(f -> "composed".equals(f.basis())
        && f.matchedTerm().startsWith("肾功能"));
  }

  @Test
  void anOrganAndARemovalVerbAreItsOperation() {
    ClinicalFinding gallbladder = only("割过胆囊");
    assertThat(gallbladder.attributes().get("icd9").toString()).startsWith("51.2");
    assertThat(read("扁桃体割了，小时候老发炎")).anyMatch(f -> f.known()
        && f.attributes().getOrDefault("icd9", "").toString().startsWith("28.2"));
  }

  @Test
  void aMedicineNamedWithoutItsConditionDisclosesTheCondition() {
    ClinicalFinding htn = only("降压药吃了快十年了");
    assertThat(htn.conceptId()).isEqualTo("HTN");
    assertThat(htn.basis()).isEqualTo("medication");
    assertThat(htn.attributes()).containsEntry("medication", "降压药").containsKey("monthsSince");
    assertThat(htn.confidence()).isGreaterThanOrEqualTo(KB.settings().minConfidence());
    // With its condition named, the medicine adds nothing new.
    assertThat(read("高血压，吃的氨氯地平")).filteredOn(f -> "HTN".equals(f.conceptId())).hasSize(1);
    // A medicine not taken implies nothing; a relative's medicine is family history.
    assertThat(read("没吃过降压药")).noneMatch(f -> "HTN".equals(f.conceptId()));
    assertThat(read("优甲乐停了两年")).anyMatch(f -> "HYPOTHYROIDISM".equals(f.conceptId()));
    assertThat(read("我妈一直吃优甲乐")).allMatch(f -> !f.known() || !f.aboutApplicant());
  }

  @Test
  void aThreeCharacterTermWithAnotherCharacterThatIsNoHomophoneIsNotGuessed() {
    // 小囊肿 is not 脾囊肿, 高山压 is not 高血压: such text stays unknown, and unknown text is referred.
    assertThat(read("小囊肿")).noneMatch(f -> "SPLENIC_CYST".equals(f.conceptId()));
    ClinicalFinding unknown = only("高山压");
    assertThat(unknown.known()).isFalse();
    assertThat(unknown.confidence()).isLessThan(KB.settings().minConfidence());
  }

  @Test
  void aDenialCoversTheWholeList() {
    List<ClinicalFinding> denied = read("否认高血压、糖尿病、冠心病");
    assertThat(denied).extracting(ClinicalFinding::conceptId).containsExactly("HTN", "T2DM", "CHD");
    assertThat(denied).allMatch(ClinicalFinding::negated);
    assertThat(read("无高血压病史")).singleElement().matches(ClinicalFinding::negated);
    assertThat(read("从未患过哮喘")).singleElement().matches(ClinicalFinding::negated);
    assertThat(read("不曾有过癫痫")).singleElement().matches(ClinicalFinding::negated);
  }

  @Test
  void anAffirmationInsideTheListEndsTheDenial() {
    List<ClinicalFinding> findings = read("否认高血压、有糖尿病");
    assertThat(findings).extracting(ClinicalFinding::negated).containsExactly(true, false);
    assertThat(read("否认患有高血压")).singleElement().matches(ClinicalFinding::negated);
  }

  @Test
  void aDenialAfterTheListReachesBack() {
    assertThat(read("高血压、糖尿病均否认")).hasSize(2).allMatch(ClinicalFinding::negated);
    assertThat(read("乙肝大三阳、小三阳均阴性")).hasSize(2).allMatch(ClinicalFinding::negated);
  }

  @Test
  void statusPhrasesWithNegationWordsAreNotDenials() {
    ClinicalFinding irregular = only("高血压未规律服药");
    assertThat(irregular.negated()).isFalse();
    assertThat(irregular.attributes()).containsEntry("status", "UNCONTROLLED");
    ClinicalFinding stable = only("癫痫三年没有再犯");
    assertThat(stable.negated()).isFalse();
    assertThat(stable.attributes()).containsEntry("status", "STABLE");
    ClinicalFinding cured = only("以前有胃炎，现在没有了");
    assertThat(cured.negated()).isFalse();
    assertThat(cured.attributes()).containsEntry("status", "CURED");
  }

  @Test
  void familyHistoryIsNotTheApplicants() {
    List<ClinicalFinding> family = read("父亲有高血压、糖尿病");
    assertThat(family).hasSize(2).noneMatch(ClinicalFinding::aboutApplicant).noneMatch(ClinicalFinding::negated);
    assertThat(only("家族史：乳腺癌").subject()).isEqualTo(ClinicalFinding.Subject.FAMILY);
    List<ClinicalFinding> mixed = read("母亲糖尿病，本人有脂肪肝");
    assertThat(mixed).extracting(ClinicalFinding::conceptId, ClinicalFinding::aboutApplicant)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("T2DM", false),
            org.assertj.core.groups.Tuple.tuple("FATTY_LIVER", true));
  }

  @Test
  void aRelativeBeingInsuredDeclaresTheirOwnConditions() {
    assertThat(only("给我爸投保他有食道癌").aboutApplicant()).isTrue();
    assertThat(only("被保人是客户老公，尘肺").aboutApplicant()).isTrue();
    assertThat(only("我婆婆有老年痴呆，认不得人了，还能投吗").aboutApplicant()).isTrue();
    // Another relative named beside the insured one is still family history.
    List<ClinicalFinding> both = read("给我妈投保，她有高血压，我爸有糖尿病");
    assertThat(both).extracting(ClinicalFinding::conceptId, ClinicalFinding::aboutApplicant)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("HTN", true),
            org.assertj.core.groups.Tuple.tuple("T2DM", false));
    // Buying for oneself, a parent's condition stays family history, asked about or not.
    assertThat(read("我自己买的话，我妈的糖尿病要不要写？")).filteredOn(ClinicalFinding::known)
        .noneMatch(ClinicalFinding::aboutApplicant);
    assertThat(read("我爸有高血压")).noneMatch(ClinicalFinding::aboutApplicant);
    // Regional and in-law names are relatives too, and can be the insured.
    assertThat(read("俺爹有脑梗")).noneMatch(ClinicalFinding::aboutApplicant);
    assertThat(read("我老伴有高血压，我自己没有")).noneMatch(ClinicalFinding::aboutApplicant);
    assertThat(read("给我老汉儿买，他有高血压")).singleElement().matches(ClinicalFinding::aboutApplicant);
  }

  @Test
  void regionalDenialsAndTakenBackConditions() {
    assertThat(read("冇高血压，冇糖尿病，就系有啲鼻炎")).extracting(ClinicalFinding::conceptId, ClinicalFinding::negated)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("HTN", true),
            org.assertj.core.groups.Tuple.tuple("T2DM", true),
            org.assertj.core.groups.Tuple.tuple("CHRONIC_RHINITIS", false));
    assertThat(read("莫得啥子病，身体巴适得很")).noneMatch(f -> !f.negated());
    assertThat(read("得过胆囊炎？不是，是胆结石")).extracting(ClinicalFinding::negated).containsExactly(true, false);
    assertThat(read("以前以为是胃溃疡，胃镜做了只是胃炎")).extracting(ClinicalFinding::conceptId, ClinicalFinding::negated)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GASTRIC_ULCER", true),
            org.assertj.core.groups.Tuple.tuple("CHRONIC_GASTRITIS", false));
    // Asking is not taking back.
    assertThat(read("高血压，是不是")).noneMatch(ClinicalFinding::negated);
  }

  @Test
  void departmentsFingersAndPartsOfWordsAreNoConditions() {
    assertThat(read("抗核抗体阳性，风湿科在查")).noneMatch(f -> "M79".equals(f.icd10() == null ? null : f.icd10().substring(0, 3)));
    assertThat(read("甲状腺有点弥漫性病变")).noneMatch(f -> f.icd10() != null && f.icd10().startsWith("A64"));
    assertThat(read("左手小指缺了一节")).noneMatch(f -> f.icd10() != null && f.icd10().startsWith("D22"));
    assertThat(read("尿酸520，没发过痛风")).filteredOn(f -> "GOUT".equals(f.conceptId()))
        .isNotEmpty().allMatch(ClinicalFinding::negated);
  }

  @Test
  void lesionsSaidApartFromTheirOrganAndPinyinInitials() {
    assertThat(only("腮腺长了个混合瘤").conceptId()).isEqualTo("PAROTID_ADENOMA");
    assertThat(read("gxy三年，tnb没有")).extracting(ClinicalFinding::conceptId, ClinicalFinding::negated)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("HTN", false),
            org.assertj.core.groups.Tuple.tuple("T2DM", true));
  }

  @Test
  void timesCountBackFromTheApplicationDate() {
    assertThat(only("半年前查出胆结石").attributes()).containsEntry("since", "2026-05");
    assertThat(only("去年发现脂肪肝").attributes()).containsEntry("since", "2025-12");
    assertThat(only("2019年3月诊断哮喘").attributes()).containsEntry("since", "2019-03")
        .containsEntry("monthsSince", 92);
    assertThat(only("上个月查出肾结石").attributes()).containsEntry("monthsSince", 1);
  }

  @Test
  void imagingCategoriesWithSubclassesAndSizes() {
    ClinicalFinding breast = only("乳腺结节BI-RADS 4a类，1.2cm");
    assertThat(breast.attributes()).containsEntry("birads", 4).containsEntry("radsCategory", "4A")
        .containsEntry("sizeMm", 12);
    // Without the system's name, the category goes to the organ's system.
    assertThat(only("甲状腺结节4b类").attributes()).containsEntry("tirads", 4).containsEntry("radsCategory", "4B");
    assertThat(only("高血压III级").attributes()).containsEntry("grade", 3);
    assertThat(only("血压高，最高160/100mmHg").attributes()).containsEntry("systolic", 160)
        .containsEntry("diastolic", 100);
  }

  @Test
  void severalConditionsInOneClauseAndSentence() {
    assertThat(read("高血压糖尿病脂肪肝")).extracting(ClinicalFinding::conceptId)
        .containsExactly("HTN", "T2DM", "FATTY_LIVER");
    assertThat(read("有高血压无糖尿病")).extracting(ClinicalFinding::negated).containsExactly(false, true);
  }

  @Test
  void surgeryPhrasesLinkToTheirConditionAndCode() {
    ClinicalFinding appendix = only("三年前阑尾炎手术");
    assertThat(appendix.conceptId()).isEqualTo("APPENDICITIS");
    assertThat(appendix.attributes()).containsEntry("operated", true).containsEntry("icd9", "47.0100");
    ClinicalFinding ablation = only("甲状腺结节做了消融");
    assertThat(ablation.attributes()).containsEntry("icd9", "06.3102");
    // The condition and its operation told in two sentences are one finding.
    ClinicalFinding stone = only("胆囊结石，去年切了胆囊");
    assertThat(stone.attributes()).containsEntry("operated", true).containsEntry("icd9", "51.2200");
  }

  @Test
  void traditionalCharactersAndFullWidthFormsAreFolded() {
    assertThat(only("高血壓").conceptId()).isEqualTo("HTN");
    assertThat(only("甲狀腺結節").conceptId()).isEqualTo("THY_NODULE");
    assertThat(only("ＢＩ－ＲＡＤＳ　３類 乳腺結節").attributes()).containsEntry("birads", 3);
  }

  @Test
  void patternsAreTriedOnlyWhereTheirLeadingWordsOccur() {
    assertThat(DisclosureNormalizer.leadingLiteral("甲状腺.{0,8}(结节|疙瘩)")).isEqualTo("甲状腺");
    assertThat(DisclosureNormalizer.leadingLiteral("肺部?.{0,6}结节")).isEqualTo("肺");
    assertThat(DisclosureNormalizer.leadingLiteral("(甲状腺|甲腺).*结节")).isEmpty();
    assertThat(DisclosureNormalizer.leadingLiteral("结节|肿块")).isEmpty();
    assertThat(only("肺上有个小磨玻璃影").conceptId()).isEqualTo("LUNG_NODULE");
  }

  @Test
  void aFractureSaidWithItsSiteIsTheSitesFracture() {
    // ICD-10 codes fractures by site: the body-site table turns the bare 骨折 into the site's own.
    assertThat(only("足骨骨折").icd10()).startsWith("S92");
    assertThat(only("足骨骨折").basis()).isEqualTo("composed");
    assertThat(only("右脚摔骨折了").conceptId()).isEqualTo("FOOT_FX");
    assertThat(only("左手腕粉碎性骨折").icd10()).startsWith("S52");
    assertThat(only("肋骨断了两根").icd10()).startsWith("S22");
    assertThat(only("尾巴骨摔裂了").icd10()).startsWith("S32");
    // The longest word wins: 脚趾 is not 脚.
    assertThat(only("脚趾头骨折过").conceptId()).isEqualTo("TOE_FX");
    // A term that already names the site or the kind is kept.
    assertThat(only("锁骨骨折过").conceptId()).isEqualTo("CLAVICLE_FX");
    assertThat(only("腰椎压缩性骨折").icd10()).startsWith("S32");
    assertThat(only("骨折不愈合").conceptId()).isEqualTo("NONUNION");
    // Without a site right before it, 骨折 stays the bare fracture, denied or not.
    assertThat(only("没有骨折过").conceptId()).isEqualTo("FRACTURE");
    assertThat(only("没有骨折过").negated()).isTrue();
    assertThat(only("手术后骨折").conceptId()).isEqualTo("FRACTURE");
    ClinicalFinding deniedFoot = only("脚没骨折");
    assertThat(deniedFoot.conceptId()).isEqualTo("FRACTURE");
    assertThat(deniedFoot.negated()).isTrue();
  }

  @Test
  void aSiteFractureKeepsItsOperationAndPolarity() {
    ClinicalFinding ankle = only("脚踝骨折，打了钢钉");
    assertThat(ankle.conceptId()).isEqualTo("ANKLE_FX");
    assertThat(ankle.attributes()).containsEntry("operated", true);
    assertThat(only("否认足部骨折").negated()).isTrue();
  }

  @Test
  void conditionsAddedForLayWordsAreReadAndRuledOnEveryProductLine() {
    ClinicalFinding caruncle = only("尿道肉阜");
    assertThat(caruncle.conceptId()).isEqualTo("URETHRAL_CARUNCLE");
    assertThat(caruncle.icd10()).startsWith("N36");
    ClinicalFinding heart = only("甲亢性心脏病");
    assertThat(heart.conceptId()).isEqualTo("THYROTOXIC_HD");
    for (var line : KB.productLines()) {
      assertThat(KB.ruleFor("THYROTOXIC_HD", line.code(), java.util.Map.of())).as(line.code()).isPresent();
    }
    assertThat(KB.ruleFor("THYROTOXIC_HD", "CRITICAL_ILLNESS", java.util.Map.of()).orElseThrow().outcome().type())
        .isEqualTo(cn.healthrisk.kb.model.OutcomeType.DECLINE);
    // 雷诺 alone is the syndrome; 雷诺考特 is a nasal spray.
    assertThat(only("说是雷诺").conceptId()).isEqualTo("RAYNAUD");
    assertThat(read("喷雷诺考特")).noneMatch(f -> "RAYNAUD".equals(f.conceptId()));
  }

  @Test
  void anOperationNamedByItsTechniqueBelongsToTheConditionJustTold() {
    ClinicalFinding af = only("房颤，去年做了射频消融");
    assertThat(af.conceptId()).isEqualTo("AF");
    assertThat(af.attributes().get("icd9")).isEqualTo("37.3402");
    // Without a condition told before, the technique keeps its own condition.
    assertThat(only("做过射频消融").conceptId()).isEqualTo("PSVT");
  }

  @Test
  void aPlannedOrNotYetDoneOperationIsNotReadAsDone() {
    assertThat(read("胆囊息肉，医生建议切胆囊还没做")).noneMatch(f -> f.attributes().containsKey("operated"));
    assertThat(read("下个月做胆囊切除")).noneMatch(f -> f.attributes().containsKey("operated"));
    assertThat(only("胆囊结石，做了胆囊切除").attributes()).containsEntry("operated", true);
  }

  @Test
  void aRecurrenceSaidBeforeTheOrganIsTheChronicForm() {
    assertThat(only("经常扁桃体发炎").conceptId()).isEqualTo("CHRONIC_TONSILLITIS");
    assertThat(only("开过刀把胆拿了").attributes()).containsEntry("operated", true);
  }

  @Test
  void habitsAndRoutineResultsAreNoUnknownCondition() {
    assertThat(read("高血压，不抽烟不喝酒")).noneMatch(f -> !f.known());
    assertThat(read("乙肝小三阳，肝功能一直正常")).noneMatch(f -> !f.known());
    ClinicalFinding stone = only("胆结石，没症状，没做手术");
    assertThat(stone.attributes()).doesNotContainKey("operated");
    // A denied operation keeps its code on the denied finding.
    ClinicalFinding stent = only("没有做过心脏支架");
    assertThat(stent.negated()).isTrue();
    assertThat(stent.attributes()).containsKey("icd9");
  }

  @Test
  void aClauseOfSiteOrKindAloneRefinesTheConditionJustTold() {
    assertThat(only("原位癌，乳腺的").conceptId()).isEqualTo("BREAST_CIS");
    assertThat(only("脊柱裂，隐性的").conceptId()).isEqualTo("SPINA_BIFIDA_OCCULTA");
    // A side alone names no other condition.
    assertThat(only("乳腺结节，左边的").conceptId()).isEqualTo("BREAST_NODULE");
  }

  @Test
  void aCancerTreatmentInGeneralGoesToTheCancerJustNamed() {
    List<ClinicalFinding> f = read("两年前乳腺癌手术，做了化疗");
    assertThat(f).extracting(ClinicalFinding::conceptId).containsExactly("BREAST_CANCER");
    // Said alone, chemotherapy still tells a cancer.
    assertThat(read("做过化疗")).extracting(ClinicalFinding::icd10)
        .singleElement().satisfies(c -> assertThat(c).startsWith("C80"));
  }

  @Test
  void aBareLesionAfterAConditionOfAnOrganIsAtThatOrgan() {
    assertThat(read("乳腺增生，有个小纤维瘤"))
        .extracting(ClinicalFinding::conceptId).containsExactly("MAMMARY_HYPERPLASIA", "BREAST_FIBROADENOMA");
    // A lesion said with a site of its own keeps it.
    assertThat(read("乳腺增生，肝上有个小囊肿"))
        .extracting(ClinicalFinding::icd10).noneMatch(c -> c.startsWith("N60"));
  }

  @Test
  void anOperationOrExaminationStillToComeIsPendingOnTheConditionTold() {
    List<ClinicalFinding> f = read("最近大便有血，一个多月了，还没去做肠镜");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.conceptId()).isEqualTo("GI_BLEEDING");
      assertThat(x.attributes()).containsKey(Facts.PENDING).doesNotContainKey(Facts.OPERATED);
    });
    assertThat(read("宫颈活检是CIN2，还没做锥切")).singleElement()
        .satisfies(x -> {
          assertThat(x.conceptId()).isEqualTo("CIN");
          assertThat(x.attributes()).containsEntry(Facts.GRADE, 2).containsKey(Facts.PENDING);
        });
    // Denied, not pending: "没做过" is no plan.
    assertThat(read("高血压，没做过支架"))
        .filteredOn(x -> "HTN".equals(x.conceptId())).singleElement()
        .satisfies(x -> assertThat(x.attributes()).doesNotContainKey(Facts.PENDING));
  }

  @Test
  void howOftenAttacksComeIsReadAsAFrequencyNotAsTheTimeSinceDiagnosis() {
    assertThat(read("羊角风，一个月犯一两次")).singleElement()
        .satisfies(x -> {
          assertThat(x.attributes()).containsEntry(Facts.ATTACKS_PER_YEAR, 24).doesNotContainKey(Facts.SINCE);
        });
    assertThat(read("哮喘，每年发作2-3次")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).containsEntry(Facts.ATTACKS_PER_YEAR, 3));
    // A duration stays a duration.
    assertThat(read("哮喘两年了")).singleElement()
        .satisfies(x -> assertThat(x.attributes()).containsKey(Facts.SINCE).doesNotContainKey(Facts.ATTACKS_PER_YEAR));
  }

  @Test
  void aConditionTakenBackLaterInTheTextIsDenied() {
    List<ClinicalFinding> f = read("以前以为是肺结节，后来复查说不是结节，是血管影");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.conceptId()).isEqualTo("LUNG_NODULE");
      assertThat(x.negated()).isTrue();
    });
    // A denial of something else takes nothing back.
    assertThat(read("肺结节，不是癌"))
        .filteredOn(x -> "LUNG_NODULE".equals(x.conceptId())).singleElement()
        .satisfies(x -> assertThat(x.negated()).isFalse());
  }

  @Test
  void pregnancyAndOneBlindEyeSaidInEverydayWords() {
    assertThat(read("怀二胎，28周")).extracting(ClinicalFinding::conceptId)
        .containsExactly("PREGNANCY");
    assertThat(read("右眼小时候外伤失明了"))
        .extracting(ClinicalFinding::conceptId).containsExactly("BLINDNESS_ONE");
  }

  @Test
  void aRelativesTreatmentSaidNextIsTheRelatives() {
    assertThat(read("外公糖尿病，打了十几年胰岛素")).allSatisfy(f -> assertThat(f.subject())
        .isEqualTo(ClinicalFinding.Subject.FAMILY));
    assertThat(read("我妈胆结石，胆囊已经切了")).allSatisfy(f -> assertThat(f.subject())
        .isEqualTo(ClinicalFinding.Subject.FAMILY));
    assertThat(only("我哥40岁心梗").subject()).isEqualTo(ClinicalFinding.Subject.FAMILY);
    assertThat(only("大姨有红斑狼疮").subject()).isEqualTo(ClinicalFinding.Subject.FAMILY);
    // The applicant's own condition after a relative's stays the applicant's.
    assertThat(read("我妈胆结石，我自己有高血压")).filteredOn(f -> "HTN".equals(f.conceptId())).singleElement()
        .satisfies(f -> assertThat(f.subject()).isEqualTo(ClinicalFinding.Subject.APPLICANT));
  }

  @Test
  void aDenialInTheNextClauseTakesBackWhatWasSuspected() {
    assertThat(only("医生怀疑过冠心病，后来排除了").negated()).isTrue();
    assertThat(only("彩超没看到胆结石").negated()).isTrue();
    // A result that turned negative is a finding that went away, not a denial.
    assertThat(only("尿蛋白+，复查又阴性了").negated()).isFalse();
    assertThat(only("高血压，后来吃药控制了").negated()).isFalse();
  }

  @Test
  void indicatorValuesSaidInADisclosure() {
    assertThat(only("空腹血糖6.8，偏高").icd10()).startsWith("R73");
    assertThat(only("谷丙转氨酶78偏高").icd10()).startsWith("R74");
    assertThat(only("单位体检血压150/100").conceptId()).isEqualTo("HTN");
    assertThat(read("血压120/80")).isEmpty();
    ClinicalFinding hpv = only("HPV阴性");
    assertThat(hpv.conceptId()).isEqualTo("HPV_INFECTION");
    assertThat(hpv.negated()).isTrue();
    assertThat(only("HPV阳性").negated()).isFalse();
  }

  @Test
  void vaccinesOldConditionsAndOrgansWithASeverity() {
    assertThat(read("宫颈癌疫苗打过了")).noneMatch(f -> f.known() && f.icd10().startsWith("C53"));
    assertThat(only("陈旧性下壁心梗").conceptId()).isEqualTo("OLD_MI");
    assertThat(only("B超提示左肾轻度积水").icd10()).startsWith("N13");
    assertThat(only("车祸断了三根肋骨").icd10()).startsWith("S22");
  }

  @Test
  void typosOnACharacterOfPolarityOrThatLooksAlike() {
    assertThat(only("小三羊").conceptId()).isEqualTo("HBV_SMALL");
    assertThat(only("累风湿关节炎").icd10()).startsWith("M06");
    assertThat(only("乳腺曾生").icd10()).startsWith("N62");
    // A polarity character typed is never a typo: 小三阴 is not 小三阳.
    assertThat(read("小三阴")).noneMatch(f -> "HBV_SMALL".equals(f.conceptId()));
    // Everyday words that sound like a term are not read as it.
    assertThat(read("心跳老是一百多")).noneMatch(f -> f.known() && f.icd10().startsWith("H52"));
  }

  @Test
  void termsSaidWithCountsParticlesOrDegreeWordsInside() {
    assertThat(only("心脏放过一个支架").attributes().get(Facts.ICD9).toString()).startsWith("36.0");
    assertThat(only("心脏搭了三根桥").attributes().get(Facts.ICD9).toString()).startsWith("36.1");
    assertThat(only("耳朵听力有点下降").icd10()).startsWith("H91");
    // A reading said high with a degree word stays the indicator's mild finding.
    assertThat(only("血糖有点高").icd10()).startsWith("R73");
    // 过 that begins a word of its own is kept: 过敏 is not split.
    assertThat(read("青霉素过敏")).anyMatch(f -> f.known());
  }

  @Test
  void organsLearntFromTermsLoseTheirCountWordsAndExaminationsStandForTheirOrgan() {
    assertThat(only("B超说双肾多发小囊肿").icd10()).startsWith("N28");
    assertThat(only("胆囊壁上有个息肉样病变").icd10()).startsWith("K82");
    assertThat(only("肠镜有个腺瘤").icd10()).startsWith("D12");
    assertThat(only("颈动脉有斑块").icd10()).startsWith("I67");
    assertThat(only("肺上有个4mm的小结节").icd10()).startsWith("R91");
  }

  @Test
  void aGenericOperationOfTheSameCategoryIsOnTheConditionJustTold() {
    ClinicalFinding ankle = only("脚踝骨折，打了钢钉");
    assertThat(ankle.conceptId()).isEqualTo("ANKLE_FX");
    assertThat(ankle.attributes()).containsEntry(Facts.OPERATED, true);
  }

  @Test
  void anOperationNamedFirstIsForTheConditionToldAfterIt() {
    ClinicalFinding gallbladder = only("胆囊切除术后，原因是胆囊炎反复发作");
    assertThat(gallbladder.icd10()).startsWith("K81");
    assertThat(gallbladder.attributes().get(Facts.ICD9).toString()).startsWith("51.2");
    ClinicalFinding spleen = only("脾切除，外伤脾破裂");
    assertThat(spleen.icd10()).startsWith("S36");
    assertThat(spleen.attributes()).containsEntry(Facts.OPERATED, true);
    // An examination stands for its organ before a lesion, never as what was removed.
    assertThat(read("肠镜切了两个结肠息肉")).noneMatch(f -> f.known() && f.icd10().startsWith("C18"));
  }

  @Test
  void aOneCharacterTermGivesWayToTheHomophoneTermAroundItAndCtIsAScan() {
    assertThat(only("痣疮好多年了").icd10()).startsWith("K64");
    assertThat(only("脸上有颗痣").icd10()).startsWith("D22");
    assertThat(read("头部CT正常")).noneMatch(ClinicalFinding::known);
  }

  @Test
  void aSonOrDaughterDeclaredForIsTheApplicantAndParentsStayFamily() {
    assertThat(only("女儿唐氏综合征").aboutApplicant()).isTrue();
    assertThat(only("我爸有高血压").aboutApplicant()).isFalse();
  }

  @Test
  void theMiddleCharacterOfAThreeCharacterDiseaseNameWhenOnlyOneTermFits() {
    ClinicalFinding psoriasis = only("银削病");
    assertThat(psoriasis.icd10()).startsWith("L40");
    assertThat(psoriasis.basis()).isEqualTo("fuzzy:substitution");
    // A guess: below the engine's minimum confidence, so a person looks at it.
    assertThat(psoriasis.confidence()).isLessThan(KB.settings().minConfidence());
    // 正常/异常 are opposites, never a typo of each other.
    assertThat(read("心电图正常")).noneMatch(f -> f.known() && !f.negated());
  }

  @Test
  void anIndicatorNamedInFullWinsOverATermInsideItsName() {
    ClinicalFinding hbv = only("乙肝两对半正常");
    assertThat(hbv.icd10()).startsWith("B18");
    assertThat(hbv.negated()).isTrue();
  }

  @Test
  void aLesionSaidWithoutAnOrganIsAtTheOrganNamedBefore() {
    ClinicalFinding lung = only("肺部CT未见异常，没有结节");
    assertThat(lung.icd10()).startsWith("R91");
    assertThat(lung.negated()).isTrue();
    assertThat(only("体检胸片正常，CT有个小结节").icd10()).startsWith("R91");
    // A site said in the clause after a lesion read as unknown names it.
    assertThat(only("脖子上有结节，甲状腺的").icd10()).startsWith("E04");
    assertThat(only("就是个小囊肿，肝上的").icd10()).startsWith("K76");
  }

  @Test
  void formsAndNeverHadAttacksDenyOperationsNotDoneAreNoDenial() {
    assertThat(only("恶性肿瘤：无").negated()).isTrue();
    List<ClinicalFinding> gout = read("肾结石，痛风没犯过");
    assertThat(gout).anyMatch(f -> f.icd10().startsWith("M10") && f.negated());
    assertThat(gout).anyMatch(f -> f.icd10().startsWith("N20") && !f.negated());
    ClinicalFinding appendix = only("否认手术史，阑尾也没割过");
    assertThat(appendix.negated()).isTrue();
    assertThat(appendix.attributes().get(Facts.ICD9).toString()).startsWith("47.0");
    ClinicalFinding fibroid = only("子宫肌瘤还没切，在观察");
    assertThat(fibroid.icd10()).startsWith("D25");
    assertThat(fibroid.negated()).isFalse();
  }

  @Test
  void theOperationIsTheConditionsOneTheWordingNames() {
    assertThat(only("前列腺增生做了电切").attributes().get(Facts.ICD9).toString()).startsWith("60.2");
    assertThat(only("包皮过长，做了环切").attributes().get(Facts.ICD9).toString()).startsWith("64.0");
    assertThat(read("甲状腺乳头状癌，全切了").get(0).attributes().get(Facts.ICD9).toString()).startsWith("06.4");
  }

  @Test
  void aValueSaidWithoutAWordForItIsReadAgainstTheThresholds() {
    assertThat(only("尿酸500多").icd10()).startsWith("E79");
    assertThat(only("甘油三酯3.5").icd10()).startsWith("E78");
    assertThat(read("尿酸300")).noneMatch(ClinicalFinding::known);
  }

  @Test
  void aColdCaughtNowAndThenOrThatSetsOffWhatIsToldIsNoDisclosure() {
    assertThat(read("平时偶尔感冒，没有其他病")).noneMatch(f -> f.known() && !f.negated());
    assertThat(read("感冒都很少得")).noneMatch(ClinicalFinding::known);
    assertThat(read("支气管炎，感冒就咳得厉害")).noneMatch(f -> f.known() && f.icd10().startsWith("J00"));
    assertThat(only("就是感冒挂过水").icd10()).startsWith("J00");
  }
}
