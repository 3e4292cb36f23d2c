package cn.healthrisk.claims.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of a set of scored documents.
 *
 * @param fieldAccuracy share of correct (document, field) pairs over all scored fields
 * @param perField share of documents with the field correct
 * @param byDegradation field accuracy per {@code meta.degradation}
 * @param byFamily field accuracy per {@code meta.family}
 * @param documentExactRate share of documents with every field correct
 * @param wrongConfident number of wrong non-null values with confidence above 0.95
 * @param nullRate share of fields set in the truth that were read as null
 * @param pagesPerMinutePerCore pages read per minute of single-thread read+extract time (0 if none timed)
 */
public record BenchSummary(
    int documents,
    int unreadable,
    double fieldAccuracy,
    Map<String, Double> perField,
    Map<String, Double> byDegradation,
    Map<String, Double> byFamily,
    Map<String, Integer> documentsByDegradation,
    Map<String, Integer> documentsByFamily,
    double itemPrecision,
    double itemRecall,
    double itemF1,
    double documentExactRate,
    int wrongConfident,
    double nullRate,
    double pagesPerMinutePerCore) {

  /** Aggregates scores (an empty list gives zeros). */
  public static BenchSummary of(List<DocumentScore> scores) {
    Map<String, Double> perField = new LinkedHashMap<>();
    for (String f : BenchScoring.FIELDS) {
      perField.put(f, share(scores.stream().filter(s -> s.correct().getOrDefault(f, false)).count(), scores.size()));
    }
    int matched = scores.stream().mapToInt(DocumentScore::itemsMatched).sum();
    int read = scores.stream().mapToInt(DocumentScore::itemsRead).sum();
    int truth = scores.stream().mapToInt(DocumentScore::itemsTrue).sum();
    double[] prf = BenchScoring.precisionRecallF1(matched, read, truth);
    long missed = scores.stream().mapToLong(s -> s.missed().size()).sum();
    double timed = scores.stream().filter(s -> s.seconds() > 0).mapToDouble(DocumentScore::seconds).sum();
    int timedPages = scores.stream().filter(s -> s.seconds() > 0).mapToInt(DocumentScore::pages).sum();
    return new BenchSummary(
        scores.size(),
        (int) scores.stream().filter(s -> s.error() != null).count(),
        fieldAccuracy(scores),
        perField,
        grouped(scores, DocumentScore::degradation),
        grouped(scores, DocumentScore::family),
        counts(scores, DocumentScore::degradation),
        counts(scores, DocumentScore::family),
        prf[0], prf[1], prf[2],
        share(scores.stream().filter(DocumentScore::exact).count(), scores.size()),
        scores.stream().mapToInt(s -> s.wrongConfident().size()).sum(),
        share(missed, scores.stream().mapToLong(DocumentScore::truthNonNull).sum()),
        timed == 0 ? 0 : timedPages * 60.0 / timed);
  }

  /** Share of correct (document, field) pairs. */
  static double fieldAccuracy(Collection<DocumentScore> scores) {
    long correct = scores.stream().mapToLong(s -> s.correct().values().stream().filter(b -> b).count()).sum();
    long all = scores.stream().mapToLong(s -> s.correct().size()).sum();
    return share(correct, all);
  }

  private static Map<String, Double> grouped(List<DocumentScore> scores, Function<DocumentScore, String> key) {
    Map<String, List<DocumentScore>> groups = scores.stream().collect(Collectors.groupingBy(key, TreeMap::new,
        Collectors.toList()));
    Map<String, Double> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, fieldAccuracy(v)));
    return out;
  }

  private static Map<String, Integer> counts(List<DocumentScore> scores, Function<DocumentScore, String> key) {
    Map<String, Integer> out = new TreeMap<>();
    scores.forEach(s -> out.merge(key.apply(s), 1, Integer::sum));
    return out;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
