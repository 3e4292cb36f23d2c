package cn.healthrisk.claims.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptDataFactoryTest {

  private final ReceiptDataFactory factory = new ReceiptDataFactory();

  @Test
  void receiptsAreInternallyConsistentFor200Seeds() {
    Set<String> hospitals = new HashSet<>();
    boolean sawHalfDay = false;
    for (long seed = 0; seed < 200; seed++) {
      for (DocumentType type : new DocumentType[] {
          DocumentType.OUTPATIENT_RECEIPT, DocumentType.INPATIENT_RECEIPT}) {
        ReceiptData data = factory.create(seed, type, Inconsistency.NONE);
        ReceiptFields f = data.fields();
        String where = "seed " + seed + " " + type;
        assertThat(sum(f)).as(where).isEqualByComparingTo(f.totalAmount());
        assertThat(f.totalAmountInWords()).as(where)
            .isEqualTo(ChineseWords.amount(f.totalAmount()));
        assertThat(payments(f)).as(where).isEqualByComparingTo(f.totalAmount());
        assertThat(f.selfPayPortion().add(f.selfExpense())).as(where)
            .isEqualByComparingTo(f.personalAccountPayment().add(f.personalCashPayment()));
        for (BigDecimal amount : new BigDecimal[] {f.totalAmount(), f.fundPayment(),
            f.otherPayment(), f.personalAccountPayment(), f.personalCashPayment(),
            f.selfPayPortion(), f.selfExpense()}) {
          assertThat(amount.scale()).as(where).isEqualTo(2);
          assertThat(amount.signum()).as(where).isGreaterThanOrEqualTo(0);
        }
        f.items().forEach(it -> assertThat(it.amount().signum()).as(where).isPositive());
        assertThat(f.invoiceCode()).as(where).matches("\\d{8}")
            .endsWith(String.format("%02d", f.issueDate().getYear() % 100));
        assertThat(f.invoiceNumber()).as(where).matches("\\d{10}");
        assertThat(f.checkCode()).as(where).matches("[0-9A-Za-z]{6}");
        assertThat(f.payerIdMasked()).as(where).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
        assertThat(f.payerName()).as(where).matches("\\p{IsHan}{2,4}");
        hospitals.add(f.hospitalName());
        if (type == DocumentType.OUTPATIENT_RECEIPT) {
          assertThat(f.visitDate()).as(where).isNotNull();
          assertThat(f.issueDate()).as(where).isAfterOrEqualTo(f.visitDate());
          assertThat(f.admissionDate()).isNull();
          assertThat(f.hospitalDays()).isNull();
        } else {
          assertThat(f.visitDate()).isNull();
          assertThat(f.admissionDate()).as(where).isBefore(f.dischargeDate());
          assertThat(f.issueDate()).as(where).isAfterOrEqualTo(f.dischargeDate());
          long nights = ChronoUnit.DAYS.between(f.admissionDate(), f.dischargeDate());
          BigDecimal days = f.hospitalDays();
          if (days.compareTo(BigDecimal.valueOf(nights)) != 0) {
            // Only half-day regions may add the half day.
            assertThat(data.halfDayRegion()).as(where).isTrue();
            assertThat(days).as(where).isEqualByComparingTo(BigDecimal.valueOf(nights)
                .add(new BigDecimal("0.5")));
            sawHalfDay = true;
          }
        }
      }
    }
    assertThat(hospitals).hasSizeGreaterThan(20);
    assertThat(sawHalfDay).isTrue();
  }

  @Test
  void sameSeedGivesSameReceipt() {
    assertThat(factory.create(42, DocumentType.INPATIENT_RECEIPT, Inconsistency.NONE))
        .isEqualTo(factory.create(42, DocumentType.INPATIENT_RECEIPT, Inconsistency.NONE));
    assertThat(factory.create(42, DocumentType.INPATIENT_RECEIPT, Inconsistency.NONE))
        .isNotEqualTo(factory.create(43, DocumentType.INPATIENT_RECEIPT, Inconsistency.NONE));
  }

  @Test
  void injectedInconsistenciesBreakExactlyTheirCheck() {
    for (long seed = 0; seed < 50; seed++) {
      ReceiptFields total = factory.create(seed, DocumentType.INPATIENT_RECEIPT,
          Inconsistency.WRONG_TOTAL).fields();
      assertThat(sum(total)).isNotEqualByComparingTo(total.totalAmount());
      assertThat(total.totalAmountInWords()).isEqualTo(ChineseWords.amount(total.totalAmount()));
      assertThat(payments(total)).isEqualByComparingTo(total.totalAmount());

      ReceiptFields words = factory.create(seed, DocumentType.OUTPATIENT_RECEIPT,
          Inconsistency.WRONG_WORDS).fields();
      assertThat(sum(words)).isEqualByComparingTo(words.totalAmount());
      assertThat(words.totalAmountInWords()).isNotEqualTo(ChineseWords.amount(words.totalAmount()));
      assertThat(payments(words)).isEqualByComparingTo(words.totalAmount());

      ReceiptFields split = factory.create(seed, DocumentType.OUTPATIENT_RECEIPT,
          Inconsistency.WRONG_SPLIT).fields();
      assertThat(sum(split)).isEqualByComparingTo(split.totalAmount());
      assertThat(payments(split)).isNotEqualByComparingTo(split.totalAmount());
      assertThat(split.totalAmountInWords()).isEqualTo(ChineseWords.amount(split.totalAmount()));
    }
  }

  private static BigDecimal sum(ReceiptFields f) {
    return f.items().stream().map(ReceiptItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal payments(ReceiptFields f) {
    return f.fundPayment().add(f.otherPayment()).add(f.personalAccountPayment())
        .add(f.personalCashPayment());
  }
}
