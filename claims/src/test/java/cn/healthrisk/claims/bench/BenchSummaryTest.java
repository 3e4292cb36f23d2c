package cn.healthrisk.claims.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

  /** A score with {@code wrong} of the scored fields wrong (the first ones), all set in the truth. */
  private static DocumentScore score(String family, String degradation, int wrong, List<String> confident,
      int pages, double seconds) {
    Map<String, Boolean> correct = new LinkedHashMap<>();
    for (int i = 0; i < BenchScoring.FIELDS.size(); i++) {
      correct.put(BenchScoring.FIELDS.get(i), i >= wrong);
    }
    List<String> missed = wrong > 0 ? List.of(BenchScoring.FIELDS.get(0)) : List.of();
    return new DocumentScore("d", family, degradation, correct, missed, confident, BenchScoring.FIELDS.size(),
        3, 4, 5, pages, seconds, null, null);
  }

  @Test
  void aggregatesAccuracyByFieldDegradationAndFamily() {
    int n = BenchScoring.FIELDS.size();
    BenchSummary s = BenchSummary.of(List.of(
        score("B", "clean", 0, List.of(), 1, 3.0),
        score("B", "scan", 2, List.of("invoiceCode"), 1, 3.0),
        score("C", "scan", 1, List.of(), 2, 6.0)));

    assertThat(s.documents()).isEqualTo(3);
    assertThat(s.fieldAccuracy()).isCloseTo((3.0 * n - 3) / (3 * n), within(1e-9));
    assertThat(s.byDegradation()).containsOnlyKeys("clean", "scan");
    assertThat(s.byDegradation().get("clean")).isEqualTo(1.0);
    assertThat(s.byDegradation().get("scan")).isCloseTo((2.0 * n - 3) / (2 * n), within(1e-9));
    assertThat(s.byFamily().get("C")).isCloseTo((n - 1.0) / n, within(1e-9));
    assertThat(s.documentsByFamily()).containsEntry("B", 2).containsEntry("C", 1);
    assertThat(s.perField().get(BenchScoring.FIELDS.get(0))).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(s.perField().get(BenchScoring.FIELDS.get(1))).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(s.documentExactRate()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(s.wrongConfident()).isEqualTo(1);
    assertThat(s.nullRate()).isCloseTo(2.0 / (3 * n), within(1e-9));
    assertThat(s.itemPrecision()).isCloseTo(0.75, within(1e-9));
    assertThat(s.itemRecall()).isCloseTo(0.6, within(1e-9));
    assertThat(s.pagesPerMinutePerCore()).isCloseTo(4 * 60 / 12.0, within(1e-9));
  }

  @Test
  void cachedDocumentsAreNotTimed() {
    BenchSummary s = BenchSummary.of(List.of(score("B", "clean", 0, List.of(), 1, 0)));

    assertThat(s.pagesPerMinutePerCore()).isZero();
  }

  @Test
  void noDocumentsGiveZeros() {
    BenchSummary s = BenchSummary.of(List.of());

    assertThat(s.fieldAccuracy()).isZero();
    assertThat(s.byFamily()).isEmpty();
  }
}
