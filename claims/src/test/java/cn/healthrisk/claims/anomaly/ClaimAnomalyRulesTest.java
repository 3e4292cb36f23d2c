package cn.healthrisk.claims.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.validation.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each per-claim rule: a case that must fire and a near miss that must not. */
class ClaimAnomalyRulesTest {
  private final ClaimAnomalyRules rules = new ClaimAnomalyRules(AnomalySettings.defaults());

  static Policy policy(LocalDate effective, int waitingDays, List<Policy.Exclusion> exclusions) {
    return new Policy("P-1", null, "MILLION_MEDICAL", new Policy.Insured("王丽", "330102199001011234", "F",
        LocalDate.of(1990, 1, 1)), effective, effective.plusYears(1).minusDays(1), waitingDays,
        new BigDecimal("3000000.00"), BigDecimal.ZERO.setScale(2), Policy.HospitalRequirement.ANY, exclusions);
  }

  static Claim claim(String amount, String icd10) {
    return new Claim("C-1", "P-1", Claim.ClaimType.OUTPATIENT, new Claim.Diagnosis("诊断", icd10), new BigDecimal(amount),
        Instant.parse("2026-06-01T00:00:00Z"), List.of("r1.jpg"));
  }

  static ReceiptExtraction receipt(String doc, String payer, LocalDate visit, String total, String number,
      Validation... validations) {
    ReceiptFields f = new ReceiptFields("33060126", number, "AB12CD", payer, "330102********1234", visit, "杭州市第一人民医院",
        "综合医院", "职工基本医疗保险", visit, null, null, null, List.of(new ReceiptItem("西药费", new BigDecimal(total))),
        new BigDecimal(total), null, new BigDecimal(total), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
        BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), Map.of());
    return new ReceiptExtraction("C-1", doc, DocumentType.OUTPATIENT_RECEIPT, f, Map.of(), List.of(validations));
  }

  /** An outpatient receipt of 100.00 on 2026-05-01 from the given hospital. */
  static ReceiptExtraction receiptFrom(String doc, String hospital) {
    ReceiptExtraction r = receipt(doc, "王丽", LocalDate.of(2026, 5, 1), "100.00", "1");
    ReceiptFields f = r.fields();
    ReceiptFields moved = new ReceiptFields(f.invoiceCode(), f.invoiceNumber(), f.checkCode(), f.payerName(),
        f.payerIdMasked(), f.issueDate(), hospital, f.hospitalType(), f.insuranceType(), f.visitDate(), f.admissionDate(),
        f.dischargeDate(), f.hospitalDays(), f.items(), f.totalAmount(), f.totalAmountInWords(), f.fundPayment(),
        f.otherPayment(), f.personalAccountPayment(), f.personalCashPayment(), f.selfPayPortion(), f.selfExpense(),
        f.extra());
    return new ReceiptExtraction(r.claimId(), doc, r.documentType(), moved, Map.of(), List.of());
  }

  static Claim claim(String amount, String dxText, String icd10) {
    return new Claim("C-1", "P-1", Claim.ClaimType.OUTPATIENT, new Claim.Diagnosis(dxText, icd10), new BigDecimal(amount),
        Instant.parse("2026-06-01T00:00:00Z"), List.of("r1.jpg"));
  }

  List<FlagCode> codes(Claim c, Policy p, List<ReceiptExtraction> receipts) {
    return rules.evaluate(new ClaimContext(c, p, receipts, Map.of(), Map.of())).stream().map(Flag::code).toList();
  }

  static final Policy POLICY = policy(LocalDate.of(2026, 1, 1), 30, List.of());

  @Test
  void cleanClaimRaisesNothing() {
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "0000000001")))).isEmpty();
  }

  @Test
  void waitingPeriodFiresInsideAndNotOnTheFirstDayAfter() {
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 1, 30), "100.00", "1")))).containsExactly(FlagCode.WAITING_PERIOD);
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 1, 31), "100.00", "1")))).isEmpty();
    // Accidents do not wait.
    assertThat(codes(claim("100.00", "S82.200"), POLICY,
        List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 1, 5), "100.00", "1")))).isEmpty();
  }

  @Test
  void accidentsByExternalCauseCodeOrInjuryTextDoNotWaitButIllnessDoes() {
    var inside = List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 1, 5), "100.00", "1"));
    assertThat(codes(claim("100.00", "V43.500"), POLICY, inside)).isEmpty();
    assertThat(codes(claim("100.00", "W19.000"), POLICY, inside)).isEmpty();
    assertThat(codes(claim("100.00", "T14.000"), POLICY, inside)).isEmpty();
    assertThat(codes(claim("100.00", "左腕外伤", null), POLICY, inside)).isEmpty();
    assertThat(codes(claim("100.00", "急性胃肠炎", null), POLICY, inside)).containsExactly(FlagCode.WAITING_PERIOD);
    assertThat(codes(claim("100.00", "R10.400"), POLICY, inside)).containsExactly(FlagCode.WAITING_PERIOD);
    Flag f = rules.evaluate(new ClaimContext(claim("100.00", "J06.900"), POLICY, inside, Map.of(), Map.of())).get(0);
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.evidence()).containsEntry("document", "r1.jpg").containsEntry("field", "visitDate")
        .containsKey("policyClause");
    // No waiting period on the policy: nothing to wait for.
    assertThat(codes(claim("100.00", "J06.900"), policy(LocalDate.of(2026, 1, 1), 0, List.of()), inside)).isEmpty();
  }

  @Test
  void ineligibleHospitalIsRaisedByTheRulesUnderPublicGradeTwoPlus() {
    Policy strict = new Policy("P-1", null, "MILLION_MEDICAL", POLICY.insured(), POLICY.effectiveDate(), POLICY.expiryDate(),
        30, POLICY.sumInsured(), POLICY.deductible(), Policy.HospitalRequirement.PUBLIC_GRADE2_PLUS, List.of());
    var kb = cn.healthrisk.kb.load.KnowledgeBaseLoader.loadDefault();
    ClaimAnomalyRules withDirectory = new ClaimAnomalyRules(AnomalySettings.defaults(),
        new HospitalEligibilityRule(kb.hospitals(), kb.version()));
    var privateHospital = List.of(receiptFrom("r1.jpg", "上海和睦家医院"));
    assertThat(withDirectory.evaluate(new ClaimContext(claim("100.00", "J06.900"), strict, privateHospital, Map.of(),
        Map.of()))).extracting(Flag::code).containsExactly(FlagCode.INELIGIBLE_HOSPITAL);
    assertThat(withDirectory.evaluate(new ClaimContext(claim("100.00", "J06.900"), POLICY, privateHospital, Map.of(),
        Map.of()))).isEmpty();
  }

  @Test
  void outsidePolicyPeriodBeforeEffectiveAndAfterExpiry() {
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王丽", LocalDate.of(2025, 12, 31), "100.00", "1"))))
        .containsExactly(FlagCode.OUTSIDE_POLICY_PERIOD);
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王丽", LocalDate.of(2027, 1, 1), "100.00", "1"))))
        .containsExactly(FlagCode.OUTSIDE_POLICY_PERIOD);
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 12, 31), "100.00", "1")))).isEmpty();
  }

  @Test
  void claimedAmountMismatchBeyondOneCentOnly() {
    var r = List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1"));
    assertThat(codes(claim("100.02", "J06.900"), POLICY, r)).containsExactly(FlagCode.CLAIMED_AMOUNT_MISMATCH);
    assertThat(codes(claim("100.01", "J06.900"), POLICY, r)).isEmpty();
    assertThat(codes(claim("99.99", "J06.900"), POLICY, r)).isEmpty();
    ClaimAnomalyRules loose = new ClaimAnomalyRules(new AnomalySettings(new BigDecimal("5.00"), 15, 30, 4));
    assertThat(loose.evaluate(new ClaimContext(claim("104.00", "J06.900"), POLICY, r, Map.of(), Map.of()))).isEmpty();
    assertThat(loose.evaluate(new ClaimContext(claim("105.01", "J06.900"), POLICY, r, Map.of(), Map.of())))
        .extracting(Flag::code).containsExactly(FlagCode.CLAIMED_AMOUNT_MISMATCH);
  }

  @Test
  void payerMismatchIgnoresSpacingButNotADifferentName() {
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王 丽", LocalDate.of(2026, 5, 1), "100.00", "1")))).isEmpty();
    assertThat(codes(claim("100.00", "J06.900"), POLICY,
        List.of(receipt("r1.jpg", "王莉", LocalDate.of(2026, 5, 1), "100.00", "1"))))
        .containsExactly(FlagCode.PAYER_MISMATCH);
  }

  @Test
  void sameNameWithAnotherIdNumberIsAnotherPayer() {
    ReceiptExtraction r = receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1");
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(withPayerId(r, "110105********4503"))))
        .containsExactly(FlagCode.PAYER_MISMATCH);
    // One digit off in the shown part is another person too.
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(withPayerId(r, "330102********1235"))))
        .containsExactly(FlagCode.PAYER_MISMATCH);
    // Near misses: the insured's own masked number, another masking width, a number that is no resident ID.
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(withPayerId(r, "330102********1234")))).isEmpty();
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(withPayerId(r, "3301**********1234")))).isEmpty();
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(withPayerId(r, "91330100MA2XXXXX1X")))).isEmpty();
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(withPayerId(r, null)))).isEmpty();
  }

  static ReceiptExtraction withPayerId(ReceiptExtraction r, String masked) {
    ReceiptFields f = r.fields();
    ReceiptFields moved = new ReceiptFields(f.invoiceCode(), f.invoiceNumber(), f.checkCode(), f.payerName(),
        masked, f.issueDate(), f.hospitalName(), f.hospitalType(), f.insuranceType(), f.visitDate(), f.admissionDate(),
        f.dischargeDate(), f.hospitalDays(), f.items(), f.totalAmount(), f.totalAmountInWords(), f.fundPayment(),
        f.otherPayment(), f.personalAccountPayment(), f.personalCashPayment(), f.selfPayPortion(), f.selfExpense(),
        f.extra());
    return new ReceiptExtraction(r.claimId(), r.document(), r.documentType(), moved, Map.of(), List.of());
  }

  @Test
  void excludedConditionFromTheDiagnosisTextWhenNoCodeIsGiven() {
    Policy p = policy(LocalDate.of(2026, 1, 1), 30, List.of(new Policy.Exclusion("甲状腺疾病不予赔付", List.of("E04", "C73"))));
    var r = List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1"));
    DiagnosisCoder coder = text -> text.contains("甲状腺结节") ? List.of("E04.1") : List.of();
    ClaimAnomalyRules reading = new ClaimAnomalyRules(AnomalySettings.defaults(),
        new HospitalEligibilityRule(cn.healthrisk.kb.hospital.HospitalDirectory.empty(), null), coder);
    List<Flag> flags = reading.evaluate(new ClaimContext(claim("100.00", "甲状腺结节（右叶）", null), p, r, Map.of(), Map.of()));
    assertThat(flags).extracting(Flag::code).containsExactly(FlagCode.EXCLUDED_CONDITION);
    assertThat(flags.get(0).evidence()).containsEntry("field", "diagnosis.text").containsEntry("icd10FromText", "E04.1");
    // Another condition in text, or a code given that is outside the exclusion: nothing.
    assertThat(reading.evaluate(new ClaimContext(claim("100.00", "急性胃肠炎", null), p, r, Map.of(), Map.of()))).isEmpty();
    assertThat(reading.evaluate(new ClaimContext(claim("100.00", "甲状腺结节", "K29.700"), p, r, Map.of(), Map.of())))
        .isEmpty();
    // Without a reader, text alone is not checked.
    assertThat(codes(claim("100.00", "甲状腺结节（右叶）", null), p, r)).isEmpty();
  }

  @Test
  void excludedConditionByIcd10Prefix() {
    Policy p = policy(LocalDate.of(2026, 1, 1), 30, List.of(new Policy.Exclusion("甲状腺疾病不予赔付", List.of("E04", "C73"))));
    var r = List.of(receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1"));
    assertThat(codes(claim("100.00", "E04.101"), p, r)).containsExactly(FlagCode.EXCLUDED_CONDITION);
    assertThat(codes(claim("100.00", "E05.900"), p, r)).isEmpty();
  }

  @Test
  void failedChecksBecomeFlagsButMissingInputsDoNot() {
    var mismatch = receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1",
        Validation.fail("ITEMS_SUM_EQUALS_TOTAL", "totalAmount", "items 90.00 != total 100.00"),
        Validation.fail("PAYMENT_SPLIT_EQUALS_TOTAL", "fundPayment", "split 80.00 != total 100.00"),
        Validation.fail("DATES_ORDERED", "issueDate", "issue before visit"));
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(mismatch))).containsExactly(
        FlagCode.RECEIPT_TOTAL_MISMATCH, FlagCode.PAYMENT_SPLIT_MISMATCH, FlagCode.DATE_INCONSISTENT);
    var missing = receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1",
        Validation.fail("ITEMS_SUM_EQUALS_TOTAL", "items", "missing items"));
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(missing))).isEmpty();
  }

  @Test
  void aSumOffByNoMoreThanTheAmountToleranceIsRoundingNotAMismatch() {
    ReceiptFields base = receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "456.78", "1").fields();
    for (String[] c : new String[][] {{"456.77", "456.78", "0.00"}, {"456.78", "456.78", "0.01"}}) {
      ReceiptFields f = new ReceiptFields(base.invoiceCode(), base.invoiceNumber(), base.checkCode(), base.payerName(),
          base.payerIdMasked(), base.issueDate(), base.hospitalName(), base.hospitalType(), base.insuranceType(),
          base.visitDate(), null, null, null, List.of(new ReceiptItem("西药费", new BigDecimal(c[0]))),
          new BigDecimal("456.78"), null, new BigDecimal(c[1]), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
          new BigDecimal(c[2]), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), Map.of());
      var r = new ReceiptExtraction("C-1", "r1.jpg", DocumentType.OUTPATIENT_RECEIPT, f, Map.of(), List.of(
          c[0].equals("456.78") ? Validation.fail("PAYMENT_SPLIT_EQUALS_TOTAL", "fundPayment", "split")
              : Validation.fail("ITEMS_SUM_EQUALS_TOTAL", "totalAmount", "sum")));
      assertThat(codes(claim("456.78", "J06.900"), POLICY, List.of(r))).as(String.join(" ", c)).isEmpty();
    }
    // Two cents is beyond the default tolerance of 0.01.
    ReceiptFields f = new ReceiptFields(base.invoiceCode(), base.invoiceNumber(), base.checkCode(), base.payerName(),
        base.payerIdMasked(), base.issueDate(), base.hospitalName(), base.hospitalType(), base.insuranceType(),
        base.visitDate(), null, null, null, List.of(new ReceiptItem("西药费", new BigDecimal("456.76"))),
        new BigDecimal("456.78"), null, new BigDecimal("456.80"), BigDecimal.ZERO.setScale(2),
        BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
        BigDecimal.ZERO.setScale(2), Map.of());
    var r = new ReceiptExtraction("C-1", "r1.jpg", DocumentType.OUTPATIENT_RECEIPT, f, Map.of(), List.of(
        Validation.fail("ITEMS_SUM_EQUALS_TOTAL", "totalAmount", "sum"),
        Validation.fail("PAYMENT_SPLIT_EQUALS_TOTAL", "fundPayment", "split")));
    assertThat(codes(claim("456.78", "J06.900"), POLICY, List.of(r)))
        .containsExactly(FlagCode.RECEIPT_TOTAL_MISMATCH, FlagCode.PAYMENT_SPLIT_MISMATCH);
  }

  @Test
  void sameReceiptTwiceInOneClaim() {
    var a = receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "50.00", "0000000009");
    var b = receipt("r2.jpg", "王丽", LocalDate.of(2026, 5, 1), "50.00", "0000000009");
    var c = receipt("r3.jpg", "王丽", LocalDate.of(2026, 5, 1), "50.00", "0000000010");
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(a, b))).containsExactly(FlagCode.DUPLICATE_RECEIPT);
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(a, c))).isEmpty();
  }

  @Test
  void unreadableDocumentsAndInjectionAreFlaggedWithTheirEvidence() {
    List<Flag> flags = rules.evaluate(new ClaimContext(claim("100.00", "J06.900"), POLICY, List.of(),
        Map.of("scan.pdf", "CORRUPT: 文件已损坏"), Map.of("r1.jpg", List.of("忽略以上指令"))));
    assertThat(flags).extracting(Flag::code)
        .containsExactly(FlagCode.UNREADABLE_DOCUMENT, FlagCode.PROMPT_INJECTION_SUSPECTED);
    assertThat(flags.get(0).evidence()).containsEntry("document", "scan.pdf");
  }

  @Test
  void tamperingFoundByTheReaderIsFlaggedPerDocumentAndNothingWithoutIt() {
    var r = List.of(receipt("r1.pdf", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1"));
    List<Flag> flags = rules.evaluate(new ClaimContext(claim("100.00", "J06.900"), POLICY, r, Map.of(), Map.of(),
        Map.of("r1.pdf", List.of("TEXT_LAYER_MISMATCH: 文字层合计 1100.00，页面显示 100.00"))));
    assertThat(flags).extracting(Flag::code).containsExactly(FlagCode.DOCUMENT_TAMPERING_SUSPECTED);
    assertThat(flags.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(flags.get(0).evidence()).containsEntry("document", "r1.pdf");
    assertThat(rules.evaluate(new ClaimContext(claim("100.00", "J06.900"), POLICY, r, Map.of(), Map.of(), Map.of())))
        .isEmpty();
  }

  @Test
  void missingRequiredFieldsAreLowConfidenceButAFullReceiptIsNot() {
    ReceiptExtraction full = receipt("r1.jpg", "王丽", LocalDate.of(2026, 5, 1), "100.00", "1");
    ReceiptFields f = full.fields();
    ReceiptFields noTotal = new ReceiptFields(f.invoiceCode(), f.invoiceNumber(), f.checkCode(), f.payerName(),
        f.payerIdMasked(), f.issueDate(), null, f.hospitalType(), f.insuranceType(), f.visitDate(), null, null, null,
        f.items(), null, null, f.fundPayment(), f.otherPayment(), f.personalAccountPayment(), f.personalCashPayment(),
        f.selfPayPortion(), f.selfExpense(), f.extra());
    List<Flag> flags = rules.evaluate(new ClaimContext(claim("100.00", "J06.900"), POLICY,
        List.of(new ReceiptExtraction("C-1", "r1.jpg", DocumentType.OUTPATIENT_RECEIPT, noTotal, Map.of(), List.of())),
        Map.of(), Map.of()));
    assertThat(flags).extracting(Flag::code).containsExactly(FlagCode.LOW_CONFIDENCE_EXTRACTION);
    assertThat(flags.get(0).evidence()).containsEntry("fields", List.of("totalAmount", "hospitalName"));
    assertThat(codes(claim("100.00", "J06.900"), POLICY, List.of(full))).isEmpty();

    ReceiptFields noCode = new ReceiptFields(null, f.invoiceNumber(), f.checkCode(), f.payerName(),
        f.payerIdMasked(), f.issueDate(), f.hospitalName(), f.hospitalType(), f.insuranceType(), f.visitDate(), null, null,
        null, f.items(), f.totalAmount(), null, f.fundPayment(), f.otherPayment(), f.personalAccountPayment(),
        f.personalCashPayment(), f.selfPayPortion(), f.selfExpense(), f.extra());
    List<Flag> withoutCode = rules.evaluate(new ClaimContext(claim("100.00", "J06.900"), POLICY,
        List.of(new ReceiptExtraction("C-1", "r1.jpg", DocumentType.OUTPATIENT_RECEIPT, noCode, Map.of(), List.of())),
        Map.of(), Map.of()));
    assertThat(withoutCode).extracting(Flag::code).containsExactly(FlagCode.LOW_CONFIDENCE_EXTRACTION);
    assertThat(withoutCode.get(0).evidence()).containsEntry("fields", List.of("invoiceCode"));
  }

  @Test
  void duplicateAcrossClaimsNamesTheOtherClaims() {
    var refs = List.of(new DuplicateReceiptRule.ReceiptRef("r1.jpg", "33060126", "0000000001"),
        new DuplicateReceiptRule.ReceiptRef("r2.jpg", "33060126", "0000000002"));
    List<Flag> flags = DuplicateReceiptRule.acrossClaims(refs,
        Map.of(DuplicateReceiptRule.key("33060126", "0000000001"), List.of("C-9")));
    assertThat(flags).hasSize(1);
    assertThat(flags.get(0).evidence()).containsEntry("document", "r1.jpg").containsEntry("otherClaims", List.of("C-9"));
    assertThat(DuplicateReceiptRule.acrossClaims(refs, Map.of())).isEmpty();
  }
}
