package cn.healthrisk.claims.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Split stays, overlapping stays and frequency over one insured's claims: cases that fire and near misses. */
class CrossClaimRulesTest {
  private final CrossClaimRules rules = new CrossClaimRules(AnomalySettings.defaults());
  private static final LocalDate D = LocalDate.of(2026, 6, 1);

  static CrossClaimRules.ClaimFacts stay(String id, String dx, String icd, LocalDate in, LocalDate out, String invoice,
      String... items) {
    return new CrossClaimRules.ClaimFacts(id, "INPATIENT", dx, icd, in,
        List.of(new CrossClaimRules.Stay(id + ".pdf", invoice, in, out)), List.of(items));
  }

  static CrossClaimRules.ClaimFacts visit(String id, LocalDate on) {
    return new CrossClaimRules.ClaimFacts(id, "OUTPATIENT", "上呼吸道感染", "J06.900", on, List.of(), List.of("西药费"));
  }

  List<FlagCode> codes(Map<String, List<Flag>> flags, String claimId) {
    return flags.get(claimId).stream().map(Flag::code).toList();
  }

  @Test
  void readmissionOnDay15FiresOnTheReadmissionOnlyAndDay16DoesNot() {
    var first = stay("C-1", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    var day15 = stay("C-2", "肺炎", "J18.000", D.plusDays(22), D.plusDays(27), "1/2");
    Map<String, List<Flag>> flags = rules.evaluate(List.of(first, day15));
    assertThat(codes(flags, "C-2")).containsExactly(FlagCode.SPLIT_HOSPITALIZATION);
    assertThat(codes(flags, "C-1")).isEmpty();
    Flag onSecond = flags.get("C-2").get(0);
    assertThat(onSecond.evidence()).containsEntry("otherClaimId", "C-1").containsEntry("gapDays", 15L)
        .containsEntry("field", "admissionDate");

    var day16 = stay("C-2", "肺炎", "J18.000", D.plusDays(23), D.plusDays(27), "1/2");
    assertThat(rules.evaluate(List.of(first, day16)).values()).allMatch(List::isEmpty);
  }

  @Test
  void claimsOfEarlierNightsAreComparedWithButNeverFlagged() {
    var first = stay("C-1", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    var again = stay("C-2", "肺炎", "J18.000", D.plusDays(10), D.plusDays(12), "1/2");
    // Tonight's readmission is flagged against last night's first stay, which gets no entry at all.
    Map<String, List<Flag>> tonight = rules.evaluate(List.of(first, again), Set.of("C-2"));
    assertThat(tonight).containsOnlyKeys("C-2");
    assertThat(codes(tonight, "C-2")).containsExactly(FlagCode.SPLIT_HOSPITALIZATION);
    // The first stay arriving after its readmission was decided carries the flag, naming the readmission.
    Map<String, List<Flag>> late = rules.evaluate(List.of(first, again), Set.of("C-1"));
    assertThat(codes(late, "C-1")).containsExactly(FlagCode.SPLIT_HOSPITALIZATION);
    assertThat(late.get("C-1").get(0).evidence()).containsEntry("otherClaimId", "C-2")
        .containsEntry("field", "dischargeDate");
    // Nothing open, nothing flagged.
    assertThat(rules.evaluate(List.of(first, again), Set.of())).isEmpty();
  }

  @Test
  void readmissionTheSameDayAsDischargeIsASplitStayNotAnOverlap() {
    var first = stay("C-1", "急性阑尾炎", "K35.800", D, D.plusDays(5), "1/1");
    var touching = stay("C-2", "急性阑尾炎", "K35.900", D.plusDays(5), D.plusDays(8), "1/2");
    assertThat(codes(rules.evaluate(List.of(first, touching)), "C-2")).containsExactly(FlagCode.SPLIT_HOSPITALIZATION);
  }

  @Test
  void unrelatedDiagnosisIsNotASplitStay() {
    var first = stay("C-1", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    var other = stay("C-2", "桡骨骨折", "S52.500", D.plusDays(10), D.plusDays(12), "1/2");
    assertThat(rules.evaluate(List.of(first, other)).values()).allMatch(List::isEmpty);
  }

  @Test
  void relatedByTextWhenNoCodeIsGiven() {
    var first = stay("C-1", "2型糖尿病", null, D, D.plusDays(7), "1/1");
    var again = stay("C-2", "2型糖尿病伴并发症", null, D.plusDays(9), D.plusDays(12), "1/2");
    assertThat(codes(rules.evaluate(List.of(first, again)), "C-2")).containsExactly(FlagCode.SPLIT_HOSPITALIZATION);
  }

  @Test
  void scheduledChemotherapyOrRadiotherapyReadmissionIsNotASplitStay() {
    var surgery = stay("C-1", "肺恶性肿瘤", "C34.100", D, D.plusDays(10), "1/1");
    var chemoByCode = stay("C-2", "肺恶性肿瘤化疗", "Z51.100", D.plusDays(14), D.plusDays(16), "1/2");
    var chemoByText = stay("C-2", "肺恶性肿瘤", "C34.100", D.plusDays(14), D.plusDays(16), "1/2");
    var chemoByItem = stay("C-2", "肺恶性肿瘤", "C34.100", D.plusDays(14), D.plusDays(16), "1/2", "化疗药物费");
    var radio = stay("C-2", "肺恶性肿瘤 放疗", "C34.100", D.plusDays(14), D.plusDays(16), "1/2");
    var radioCode = stay("C-2", "肺恶性肿瘤", "Z51.0", D.plusDays(14), D.plusDays(16), "1/2");
    assertThat(rules.evaluate(List.of(surgery, chemoByCode)).values()).allMatch(List::isEmpty);
    assertThat(rules.evaluate(List.of(surgery, chemoByItem)).values()).allMatch(List::isEmpty);
    assertThat(rules.evaluate(List.of(surgery, radio)).values()).allMatch(List::isEmpty);
    assertThat(rules.evaluate(List.of(surgery, radioCode)).values()).allMatch(List::isEmpty);
    // The same stay without a scheduled treatment is split.
    assertThat(codes(rules.evaluate(List.of(surgery, chemoByText)), "C-2")).containsExactly(FlagCode.SPLIT_HOSPITALIZATION);
  }

  @Test
  void overlappingStaysFireOnBothClaimsButTouchingStaysDoNot() {
    var a = stay("C-1", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    var overlapping = stay("C-2", "胆囊结石", "K80.200", D.plusDays(6), D.plusDays(9), "2/1");
    Map<String, List<Flag>> flags = rules.evaluate(List.of(a, overlapping));
    assertThat(codes(flags, "C-1")).containsExactly(FlagCode.OVERLAPPING_STAYS);
    assertThat(codes(flags, "C-2")).containsExactly(FlagCode.OVERLAPPING_STAYS);
    assertThat(flags.get("C-1").get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(flags.get("C-2").get(0).evidence()).containsEntry("otherClaimId", "C-1");

    var touching = stay("C-2", "胆囊结石", "K80.200", D.plusDays(7), D.plusDays(9), "2/1");
    assertThat(rules.evaluate(List.of(a, touching)).values()).allMatch(List::isEmpty);

    // Against a claim of an earlier night, only tonight's claim is flagged.
    Map<String, List<Flag>> tonight = rules.evaluate(List.of(a, overlapping), Set.of("C-2"));
    assertThat(tonight).containsOnlyKeys("C-2");
    assertThat(codes(tonight, "C-2")).containsExactly(FlagCode.OVERLAPPING_STAYS);
  }

  @Test
  void sameReceiptInTwoClaimsIsLeftToTheDuplicateRule() {
    var a = stay("C-1", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    var b = stay("C-2", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    assertThat(rules.evaluate(List.of(a, b)).values()).allMatch(List::isEmpty);
  }

  @Test
  void overlappingReceiptsInsideOneClaimAreFlaggedOnce() {
    var twoStays = new CrossClaimRules.ClaimFacts("C-1", "INPATIENT", "肺炎", "J18.900", D, List.of(
        new CrossClaimRules.Stay("a.pdf", "1/1", D, D.plusDays(7)),
        new CrossClaimRules.Stay("b.pdf", "9/9", D.plusDays(3), D.plusDays(5))), List.of());
    assertThat(codes(rules.evaluate(List.of(twoStays)), "C-1")).containsExactly(FlagCode.OVERLAPPING_STAYS);
  }

  @Test
  void fourClaimsInThirtyDaysDoNotFireFiveDo() {
    List<CrossClaimRules.ClaimFacts> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add(visit("C-" + i, D.plusDays(i * 7)));
    }
    assertThat(rules.evaluate(four).values()).allMatch(List::isEmpty);

    List<CrossClaimRules.ClaimFacts> five = new ArrayList<>(four);
    five.add(visit("C-4", D.plusDays(30)));
    Map<String, List<Flag>> flags = rules.evaluate(five);
    for (int i = 0; i < 5; i++) {
      assertThat(codes(flags, "C-" + i)).containsExactly(FlagCode.HIGH_FREQUENCY);
    }
    assertThat(flags.get("C-4").get(0).evidence()).containsEntry("claimCount", 5)
        .containsEntry("otherClaimIds", List.of("C-0", "C-1", "C-2", "C-3"));

    // Four decided on earlier nights: only tonight's fifth claim is flagged.
    Map<String, List<Flag>> tonight = rules.evaluate(five, Set.of("C-4"));
    assertThat(tonight).containsOnlyKeys("C-4");
    assertThat(codes(tonight, "C-4")).containsExactly(FlagCode.HIGH_FREQUENCY);
    // A fourth claim arriving late still lies in a window of five.
    assertThat(codes(rules.evaluate(five, Set.of("C-3")), "C-3")).containsExactly(FlagCode.HIGH_FREQUENCY);

    // The fifth claim one day later falls outside the window of the first: two windows of four.
    List<CrossClaimRules.ClaimFacts> spread = new ArrayList<>(four);
    spread.add(visit("C-4", D.plusDays(31)));
    assertThat(rules.evaluate(spread).values()).allMatch(List::isEmpty);
  }

  @Test
  void thresholdsComeFromTheSettings() {
    CrossClaimRules strict = new CrossClaimRules(new AnomalySettings(AnomalySettings.DEFAULT_AMOUNT_TOLERANCE, 20, 10, 1));
    var first = stay("C-1", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    var day18 = stay("C-2", "肺炎", "J18.900", D.plusDays(25), D.plusDays(27), "1/2");
    Map<String, List<Flag>> flags = strict.evaluate(List.of(first, day18));
    assertThat(codes(flags, "C-2")).contains(FlagCode.SPLIT_HOSPITALIZATION);
    assertThat(rules.evaluate(List.of(first, day18)).values()).allMatch(List::isEmpty);
    assertThat(codes(strict.evaluate(List.of(visit("A", D), visit("B", D.plusDays(10)))), "A"))
        .containsExactly(FlagCode.HIGH_FREQUENCY);
    assertThat(codes(strict.evaluate(List.of(visit("A", D), visit("B", D.plusDays(11)))), "A")).isEmpty();
  }

  @Test
  void sameInputGivesTheSameFlags() {
    var a = stay("C-1", "肺炎", "J18.900", D, D.plusDays(7), "1/1");
    var b = stay("C-2", "肺炎", "J18.900", D.plusDays(5), D.plusDays(9), "1/2");
    assertThat(rules.evaluate(List.of(a, b))).isEqualTo(rules.evaluate(List.of(b, a)));
  }
}
