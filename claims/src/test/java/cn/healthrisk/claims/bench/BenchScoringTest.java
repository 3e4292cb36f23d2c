package cn.healthrisk.claims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptFieldAccess;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchScoringTest {

  private static ReceiptFields truthFields() {
    ReceiptFields f = ReceiptFields.empty();
    f = ReceiptFieldAccess.with(f, "invoiceCode", "33060125");
    f = ReceiptFieldAccess.with(f, "issueDate", LocalDate.of(2026, 3, 15));
    f = ReceiptFieldAccess.with(f, "totalAmount", new BigDecimal("420.00"));
    f = ReceiptFieldAccess.with(f, "hospitalDays", new BigDecimal("7"));
    return ReceiptFieldAccess.with(f, "items", List.of(new ReceiptItem("床位费", new BigDecimal("300.00")),
        new ReceiptItem("西药费", new BigDecimal("120.00"))));
  }

  private static LabelledDocument doc(ReceiptFields fields) {
    return new LabelledDocument(Path.of("r.png"),
        new ReceiptExtraction(null, "r.png", DocumentType.INPATIENT_RECEIPT, fields, Map.of(), List.of()), "B", "scan");
  }

  private static ReceiptExtraction read(ReceiptFields fields, Map<String, Double> confidence) {
    return new ReceiptExtraction(null, "r.png", DocumentType.INPATIENT_RECEIPT, fields, confidence, List.of());
  }

  @Test
  void aPerfectReadingIsExactAndNullAgainstNullCounts() {
    DocumentScore s = BenchScoring.score(doc(truthFields()), read(truthFields(), Map.of()), 1, 2.0);

    assertThat(s.exact()).isTrue();
    assertThat(s.correct()).hasSize(BenchScoring.FIELDS.size()).containsEntry("visitDate", true);
    assertThat(s.missed()).isEmpty();
    assertThat(s.itemsMatched()).isEqualTo(2);
    assertThat(s.truthNonNull()).isEqualTo(6); // documentType + 5 fields
  }

  @Test
  void amountsCompareAsTheContractWritesThem() {
    ReceiptFields scaleZero = ReceiptFieldAccess.with(truthFields(), "totalAmount", new BigDecimal("420"));
    ReceiptFields halfDays = ReceiptFieldAccess.with(truthFields(), "hospitalDays", new BigDecimal("7.0"));

    assertThat(BenchScoring.score(doc(truthFields()), read(scaleZero, Map.of()), 1, 1).exact()).isTrue();
    assertThat(BenchScoring.score(doc(truthFields()), read(halfDays, Map.of()), 1, 1).exact()).isTrue();
  }

  @Test
  void aWrongConfidentValueIsCountedButAMissingOneIsNot() {
    ReceiptFields wrong = ReceiptFieldAccess.with(truthFields(), "invoiceCode", "33060126");
    wrong = ReceiptFieldAccess.with(wrong, "issueDate", null);
    DocumentScore s = BenchScoring.score(doc(truthFields()),
        read(wrong, Map.of("invoiceCode", 0.99, "issueDate", 0.99)), 1, 1);

    assertThat(s.wrongFields()).containsExactly("invoiceCode", "issueDate");
    assertThat(s.wrongConfident()).containsExactly("invoiceCode");
    assertThat(s.missed()).containsExactly("issueDate");
  }

  @Test
  void aWrongValueAtOrBelowTheThresholdIsNotConfident() {
    ReceiptFields wrong = ReceiptFieldAccess.with(truthFields(), "invoiceCode", "33060126");

    assertThat(BenchScoring.score(doc(truthFields()), read(wrong, Map.of("invoiceCode", 0.95)), 1, 1)
        .wrongConfident()).isEmpty();
  }

  @Test
  void aValueWhereTheTruthHasNoneIsWrong() {
    ReceiptFields guessed = ReceiptFieldAccess.with(truthFields(), "visitDate", LocalDate.of(2026, 3, 1));

    assertThat(BenchScoring.score(doc(truthFields()), read(guessed, Map.of()), 1, 1).wrongFields())
        .containsExactly("visitDate");
  }

  @Test
  void itemsScoreAsAListAndAsPairs() {
    ReceiptFields oneWrong = ReceiptFieldAccess.with(truthFields(), "items",
        List.of(new ReceiptItem("床位费", new BigDecimal("300.00")), new ReceiptItem("西药费", new BigDecimal("12.00")),
            new ReceiptItem("检查费", new BigDecimal("108.00"))));
    DocumentScore s = BenchScoring.score(doc(truthFields()), read(oneWrong, Map.of()), 1, 1);

    assertThat(s.correct()).containsEntry("items", false);
    assertThat(s.itemsMatched()).isEqualTo(1);
    assertThat(s.itemsRead()).isEqualTo(3);
    assertThat(s.itemsTrue()).isEqualTo(2);
  }

  @Test
  void duplicatePairsMatchOnlyAsOftenAsTheTruthHasThem() {
    assertThat(BenchScoring.matched(List.of("a|1.00", "b|2.00"), List.of("a|1.00", "a|1.00", "b|2.00")))
        .isEqualTo(2);
  }

  @Test
  void f1FromCounts() {
    double[] prf = BenchScoring.precisionRecallF1(1, 3, 2);

    assertThat(prf[0]).isEqualTo(1 / 3.0);
    assertThat(prf[1]).isEqualTo(0.5);
    assertThat(prf[2]).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(BenchScoring.precisionRecallF1(0, 0, 0)).containsExactly(1, 1, 1);
    assertThat(BenchScoring.precisionRecallF1(0, 0, 4)[2]).isZero();
  }

  @Test
  void anUnreadableDocumentMissesEveryFieldTheTruthSets() {
    DocumentScore s = BenchScoring.unreadable(doc(truthFields()), "CORRUPT", 0.1);

    assertThat(s.missed()).hasSize(6);
    assertThat(s.correct()).containsEntry("visitDate", true).containsEntry("invoiceCode", false);
    assertThat(s.itemsTrue()).isEqualTo(2);
  }
}
