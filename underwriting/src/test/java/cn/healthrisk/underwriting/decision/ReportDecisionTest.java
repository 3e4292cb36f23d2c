package cn.healthrisk.underwriting.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.checkup.CheckupItem;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.report.CheckupReportParser;
import cn.healthrisk.underwriting.report.DocumentReading;
import cn.healthrisk.underwriting.report.ReportLayout;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions with checkup report documents: what a report adds, what counts once, and what is referred. */
class ReportDecisionTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final DisclosureNormalizer NORMALIZER = new DisclosureNormalizer(KB);
  private static final UnderwritingEngine ENGINE = new UnderwritingEngine(KB, NORMALIZER,
      new CheckupEvaluator(KB, NORMALIZER), Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
  private static final CheckupReportParser PARSER = new CheckupReportParser();

  private static Application app(List<String> disclosures, List<CheckupItem> items, String... products) {
    return new Application("R-1", LocalDate.of(2026, 11, 20),
        new Application.Applicant(40, "M", new BigDecimal("172"), new BigDecimal("66"), false),
        List.of(products), disclosures.stream().map(t -> new Application.Disclosure(t, null, null, null)).toList(),
        items == null ? null : new Application.Checkup(LocalDate.of(2026, 10, 1), items), List.of("report.pdf"));
  }

  private static DocumentReading report(String name, String... lines) {
    ReportLayout layout = ReportLayout.ofLines(Arrays.asList(lines));
    return DocumentReading.of(name, 1000, "0".repeat(64), layout, PARSER.parse(layout));
  }

  private static List<Decision.Finding> findings(Decision d, String concept) {
    return d.findings().stream().filter(f -> concept.equals(f.concept())).toList();
  }

  private static List<String> rules(Decision d, String productLine) {
    return d.decisionFor(productLine).reasons().stream().map(Decision.Reason::ruleId).toList();
  }

  @Test
  void aReportsRowsImagingAndSummaryAreFindingsOfTheCheckupEachNamingTheDocument() throws IOException {
    String[] lines;
    try (InputStream in = getClass().getResourceAsStream("/reports/text-layer-report.txt")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }
    Decision d = ENGINE.decide(app(List.of(), null, "CRITICAL_ILLNESS", "MILLION_MEDICAL"),
        List.of(report("report.pdf", lines)));

    assertThat(d.findings()).extracting(Decision.Finding::concept)
        .containsExactly("肝功能异常", "高脂血症", "甲状腺结节", "脂肪肝", "肺结节");
    assertThat(d.findings()).allSatisfy(f -> {
      assertThat(f.source()).isEqualTo(FindingSource.CHECKUP);
      assertThat(f.evidence()).contains("〔report.pdf〕");
    });
    assertThat(findings(d, "肝功能异常").get(0).evidence()).as("the summary's 谷丙转氨酶升高 restates ALT 85: once")
        .isEqualTo("谷丙转氨酶(ALT) 85 U/L〔report.pdf〕");
    assertThat(findings(d, "甲状腺结节").get(0).attributes()).containsEntry("tirads", 3);
  }

  @Test
  void aConditionDisclosedAndShownInTheReportCountsOnce() {
    Decision d = ENGINE.decide(app(List.of("甲状腺结节，TI-RADS 3类，每年复查"), null, "MILLION_MEDICAL"),
        List.of(report("report.pdf", "甲状腺彩超", "检查结论: 甲状腺右叶低回声结节 TI-RADS 3类",
            "总检结论", "1、甲状腺右叶结节(TI-RADS 3类)")));

    assertThat(findings(d, "甲状腺结节")).singleElement().satisfies(f -> {
      assertThat(f.source()).isEqualTo(FindingSource.DISCLOSURE);
      assertThat(f.evidence()).contains("每年复查").contains("甲状腺右叶低回声结节 TI-RADS 3类〔report.pdf〕");
    });
    assertThat(d.findings()).hasSize(1);
    assertThat(rules(d, "MILLION_MEDICAL")).doesNotContain("UW-SYS-002");
  }

  @Test
  void aResultGivenAsAnItemAndPrintedInTheReportCountsOnce() {
    Decision d = ENGINE.decide(app(List.of(), List.of(new CheckupItem("ALT", "85", "U/L")), "MILLION_MEDICAL"),
        List.of(report("report.pdf", "肝功能", "谷丙转氨酶(ALT) 85.0 U/L 9-50 ↑")));

    assertThat(findings(d, "肝功能异常")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).isEqualTo("ALT 85 U/L"));
  }

  @Test
  void aReportContradictingADenialOrACureIsReferred() {
    Decision denied = ENGINE.decide(app(List.of("没有乙肝"), null, "ACCIDENT"),
        List.of(report("report.pdf", "乙肝五项", "乙肝表面抗原(HBsAg) 阳性 阴性")));
    assertThat(denied.decisionFor("ACCIDENT").outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(rules(denied, "ACCIDENT")).contains("UW-SYS-002");

    Decision cured = ENGINE.decide(app(List.of("2019年脂肪肝，已痊愈"), null, "MILLION_MEDICAL"),
        List.of(report("report.pdf", "腹部彩超", "超声提示: 中度脂肪肝")));
    assertThat(findings(cured, "脂肪肝")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains("已痊愈").contains("中度脂肪肝〔report.pdf〕"));
    assertThat(rules(cured, "MILLION_MEDICAL")).contains("UW-SYS-002");
    assertThat(cured.decisionFor("MILLION_MEDICAL").outcome().severity())
        .isGreaterThanOrEqualTo(OutcomeType.REFER.severity());
  }

  @Test
  void theKnowledgeBasesRangeDecidesNotTheReportsWordsForAMeasuredResult() {
    // ALT 60 is 1.5 times the knowledge base's upper limit: no finding, whatever the summary calls it.
    Decision d = ENGINE.decide(app(List.of(), null, "CRITICAL_ILLNESS"),
        List.of(report("report.pdf", "肝功能", "谷丙转氨酶(ALT) 60 U/L 9-50 ↑", "总检结论", "1、谷丙转氨酶轻度升高")));

    assertThat(d.findings()).isEmpty();
    assertThat(d.decisionFor("CRITICAL_ILLNESS").outcome()).isEqualTo(OutcomeType.STANDARD);
  }

  @Test
  void aQualitativeResultPrintedAsANumberIsReadFromItsWordOrItsLimit() {
    Decision negative = ENGINE.decide(app(List.of(), null, "CRITICAL_ILLNESS"),
        List.of(report("report.pdf", "乙肝五项", "乙肝表面抗原(HBsAg) 0.01 阴性 IU/mL <0.05")));
    assertThat(negative.findings()).isEmpty();

    Decision positive = ENGINE.decide(app(List.of(), null, "CRITICAL_ILLNESS"),
        List.of(report("report.pdf", "乙肝五项", "乙肝表面抗原(HBsAg) 235.6 IU/mL 0-0.05")));
    assertThat(positive.findings()).extracting(Decision.Finding::concept).containsExactly("乙肝病毒携带");
  }

  @Test
  void aSummaryLineNamingSomethingTheKnowledgeBaseDoesNotKnowIsReferredNotDropped() {
    Decision d = ENGINE.decide(app(List.of(), null, "TERM_LIFE"),
        List.of(report("report.pdf", "肝功能", "谷丙转氨酶(ALT) 30 U/L", "总检结论", "1、松果体区异常信号，建议神经内科就诊",
            "2、其余项目未见明显异常")));

    assertThat(d.findings()).singleElement().satisfies(f -> {
      assertThat(f.concept()).isNull();
      assertThat(f.evidence()).isEqualTo("松果体区异常信号〔report.pdf〕");
    });
    assertThat(rules(d, "TERM_LIFE")).containsExactly("UW-SYS-001");
  }

  @Test
  void aReportInWhichNothingIsRecognisedIsReferredWithAnEvidenceRequest() {
    Decision d = ENGINE.decide(app(List.of(), null, "CRITICAL_ILLNESS", "MILLION_MEDICAL"), List.of(
        report("receipt.jpg", "浙江省医疗门诊收费票据(电子)", "西药费 120.50", "检查费 80.00"),
        report("blank.png")));

    assertThat(d.findings()).extracting(Decision.Finding::evidence).containsExactly(
        "体检报告 receipt.jpg：读出 3 行文字，未识别出检查项目或结论", "体检报告 blank.png：读出 0 行文字，未识别出检查项目或结论");
    Decision.ProductLineDecision line = d.decisionFor("CRITICAL_ILLNESS");
    assertThat(line.outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(line.reasons()).extracting(Decision.Reason::ruleId).containsExactly("UW-SYS-007", "UW-SYS-007");
    assertThat(line.evidenceRequests()).singleElement().asString().contains("体检报告");
    assertThat(line.customerExplanation()).contains("体检").doesNotContain("UW-");
  }

  @Test
  void aReportRowWhoseUnitCannotBeReadIsReferredNamingTheDocument() {
    Decision d = ENGINE.decide(app(List.of(), null, "CRITICAL_ILLNESS"),
        List.of(report("report.pdf", "血糖", "空腹血糖 7.8 mg/mmol 3.9-6.1 ↑")));

    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.evidence())
        .isEqualTo("空腹血糖 7.8 mg/mmol〔report.pdf〕"));
    assertThat(rules(d, "CRITICAL_ILLNESS")).containsExactly("UW-SYS-005");
  }

  @Test
  void withoutDocumentsTheDecisionIsTheOneWithoutAny() {
    Application a = app(List.of("高血压两年，吃药控制在130/85左右"), List.of(new CheckupItem("ALT", "85", "U/L")),
        "CRITICAL_ILLNESS", "MILLION_MEDICAL");

    assertThat(ENGINE.decide(a, List.of())).isEqualTo(ENGINE.decide(a));
  }
}
