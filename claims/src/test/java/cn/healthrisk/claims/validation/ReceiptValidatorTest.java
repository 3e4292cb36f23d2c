package cn.healthrisk.claims.validation;

import static cn.healthrisk.claims.validation.ReceiptValidator.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFieldAccess;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptValidatorTest {

  private final ReceiptValidator validator = new ReceiptValidator();

  @Test
  void aConsistentInpatientReceiptPassesEveryCheck() {
    List<Validation> v = validator.validate(DocumentType.INPATIENT_RECEIPT, inpatient());
    assertThat(v).extracting(Validation::check).containsExactly(
        ITEMS_SUM_EQUALS_TOTAL, AMOUNT_IN_WORDS_MATCHES_TOTAL, PAYMENT_SPLIT_EQUALS_TOTAL, SELF_PAY_CONSISTENT,
        DATES_ORDERED, HOSPITAL_DAYS_MATCH_DATES, INVOICE_CODE_FORMAT, INVOICE_NUMBER_FORMAT, PAYER_ID_MASK_FORMAT);
    assertThat(v).allMatch(Validation::passed);
  }

  @Test
  void eachInconsistencyFailsItsCheckNamingTheValues() {
    assertFails(with(inpatient(), "totalAmount", money("8650.41")), ITEMS_SUM_EQUALS_TOTAL,
        "sum of 2 items 8650.40 ≠ totalAmount 8650.41");
    assertFails(with(inpatient(), "totalAmountInWords", "捌仟陆佰伍拾元整"), AMOUNT_IN_WORDS_MATCHES_TOTAL,
        "捌仟陆佰伍拾元整 = 8650.00 ≠ totalAmount 8650.40");
    assertFails(with(inpatient(), "totalAmountInWords", "捌仟陆佰伍拾冠冠冠整"), AMOUNT_IN_WORDS_MATCHES_TOTAL,
        "not a readable amount");
    assertFails(with(inpatient(), "fundPayment", money("5100.00")), PAYMENT_SPLIT_EQUALS_TOTAL,
        "fundPayment 5100.00 + otherPayment 0.00 + personalAccountPayment 1000.00 + personalCashPayment 2450.40"
            + " = 8550.40 ≠ totalAmount 8650.40");
    assertFails(with(inpatient(), "selfExpense", money("1400.00")), SELF_PAY_CONSISTENT,
        "selfPayPortion 1980.40 + selfExpense 1400.00 = 3380.40 ≠");
    assertFails(with(inpatient(), "issueDate", LocalDate.of(2026, 3, 14)), DATES_ORDERED,
        "issueDate 2026-03-14 before dischargeDate 2026-03-15");
    assertFails(with(inpatient(), "admissionDate", LocalDate.of(2026, 3, 16)), DATES_ORDERED,
        "dischargeDate 2026-03-15 before admissionDate 2026-03-16");
    assertFails(with(inpatient(), "hospitalDays", new BigDecimal("9")), HOSPITAL_DAYS_MATCH_DATES,
        "hospitalDays 9 vs 7 days");
    assertFails(with(inpatient(), "invoiceCode", "3306012"), INVOICE_CODE_FORMAT, "'3306012' is not 8 digits");
    assertFails(with(inpatient(), "invoiceNumber", "00123456A8"), INVOICE_NUMBER_FORMAT, "is not 10 digits");
    assertFails(with(inpatient(), "payerIdMasked", "330102199001011234"), PAYER_ID_MASK_FORMAT,
        "(18 characters, 0 '*')");
  }

  @Test
  void wordsWithOnlyUnitCharactersGarbledByOcrDoNotContradictTheTotal() {
    assertThat(check(with(inpatient(), "totalAmountInWords", "捌仟陆佰伍拾冠肆角整"), AMOUNT_IN_WORDS_MATCHES_TOTAL))
        .hasValueSatisfying(v -> assertThat(v.passed()).isTrue());
    // A garbled digit (陆 unreadable) or a readable wrong digit is not excused.
    assertFails(with(inpatient(), "totalAmountInWords", "捌仟意佰伍拾元肆角整"), AMOUNT_IN_WORDS_MATCHES_TOTAL,
        "not a readable amount");
    assertFails(with(inpatient(), "totalAmountInWords", "捌仟柒佰伍拾冠肆角整"), AMOUNT_IN_WORDS_MATCHES_TOTAL,
        "not a readable amount");
  }

  @Test
  void nightsAndHalfDaysAgreeWithTheDatesButCountingBothEndsDoesNot() {
    for (String days : List.of("7", "7.5", "6.5")) {
      assertThat(check(with(inpatient(), "hospitalDays", new BigDecimal(days)), HOSPITAL_DAYS_MATCH_DATES))
          .as(days).hasValueSatisfying(v -> assertThat(v.passed()).isTrue());
    }
    assertFails(with(inpatient(), "hospitalDays", new BigDecimal("8")), HOSPITAL_DAYS_MATCH_DATES, "hospitalDays 8 vs 7 days");
    // A stay admitted and discharged on one day counts as 0 or as 1 day; 2 is wrong.
    ReceiptFields sameDay = with(inpatient(), "admissionDate", LocalDate.of(2026, 3, 15));
    for (String days : List.of("0", "1")) {
      assertThat(check(with(sameDay, "hospitalDays", new BigDecimal(days)), HOSPITAL_DAYS_MATCH_DATES))
          .as(days).hasValueSatisfying(v -> assertThat(v.passed()).isTrue());
    }
    assertFails(with(sameDay, "hospitalDays", new BigDecimal("2")), HOSPITAL_DAYS_MATCH_DATES, "hospitalDays 2 vs 0 days");
  }

  @Test
  void missingRequiredInputsFailButOptionalOnesAreOmitted() {
    ReceiptFields f = with(with(inpatient(), "items", List.of()), "hospitalDays", null);
    f = with(with(f, "payerIdMasked", null), "otherPayment", null);
    List<Validation> v = validator.validate(DocumentType.INPATIENT_RECEIPT, f);
    assertThat(find(v, ITEMS_SUM_EQUALS_TOTAL)).hasValue(Validation.fail(ITEMS_SUM_EQUALS_TOTAL, "items", "missing items"));
    assertThat(find(v, HOSPITAL_DAYS_MATCH_DATES)).hasValueSatisfying(x -> assertThat(x.detail()).isEqualTo("missing hospitalDays"));
    assertThat(find(v, PAYER_ID_MASK_FORMAT)).isEmpty();
    // The printed payment lines still account for the total without 其他支付.
    assertThat(find(v, PAYMENT_SPLIT_EQUALS_TOTAL)).hasValueSatisfying(x -> assertThat(x.passed()).isTrue());
  }

  @Test
  void outpatientReceiptsCompareIssueWithVisitAndSkipHospitalDays() {
    ReceiptFields f = with(with(with(with(inpatient(), "admissionDate", null), "dischargeDate", null),
        "hospitalDays", null), "visitDate", LocalDate.of(2026, 3, 16));
    List<Validation> v = validator.validate(DocumentType.OUTPATIENT_RECEIPT, f);
    assertThat(find(v, HOSPITAL_DAYS_MATCH_DATES)).isEmpty();
    assertThat(find(v, DATES_ORDERED)).hasValueSatisfying(x -> assertThat(x.detail())
        .isEqualTo("issueDate 2026-03-15 before visitDate 2026-03-16"));
  }

  @Test
  void anUnknownDocumentWithNothingReadYieldsNoChecks() {
    assertThat(validator.validate(DocumentType.OTHER, ReceiptFields.empty())).isEmpty();
    assertThat(validator.validate(DocumentType.OUTPATIENT_RECEIPT, ReceiptFields.empty()))
        .isNotEmpty().noneMatch(Validation::passed);
  }

  private void assertFails(ReceiptFields f, String check, String detailPart) {
    Optional<Validation> v = check(f, check);
    assertThat(v).as(check).isPresent();
    assertThat(v.get().passed()).as(check).isFalse();
    assertThat(v.get().detail()).as(check).contains(detailPart);
  }

  private Optional<Validation> check(ReceiptFields f, String check) {
    return find(validator.validate(DocumentType.INPATIENT_RECEIPT, f), check);
  }

  private static Optional<Validation> find(List<Validation> v, String check) {
    return v.stream().filter(x -> x.check().equals(check)).findFirst();
  }

  static ReceiptFields inpatient() {
    return new ReceiptFields("33060125", "0012345678", "a1b2c3", "王丽", "330102********1234",
        LocalDate.of(2026, 3, 15), "杭州市第一人民医院", "综合医院", "职工基本医疗保险", null,
        LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 15), new BigDecimal("7"),
        List.of(new ReceiptItem("床位费", money("6340.00")), new ReceiptItem("西药费", money("2310.40"))),
        money("8650.40"), "捌仟陆佰伍拾元肆角整", money("5200.00"), money("0.00"), money("1000.00"),
        money("2450.40"), money("1980.40"), money("1470.00"), Map.of());
  }

  private static ReceiptFields with(ReceiptFields f, String field, Object value) {
    return ReceiptFieldAccess.with(f, field, value);
  }

  private static BigDecimal money(String s) {
    return new BigDecimal(s);
  }
}
