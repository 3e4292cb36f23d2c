package cn.healthrisk.claims.bench;

import java.util.List;
import java.util.Map;

/**
 * How one extraction compares with its ground truth.
 *
 * @param correct per scored field (see {@link BenchScoring#FIELDS}), whether the value is exactly
 *     the truth (null for null counts as correct)
 * @param missed fields that are set in the truth but were read as null
 * @param wrongConfident fields read as a wrong non-null value with confidence above
 *     {@link BenchScoring#HIGH_CONFIDENCE}
 * @param truthNonNull scored fields set (non-null) in the truth
 * @param itemsMatched name+amount pairs read that are in the truth (as a multiset)
 * @param itemsRead pairs read
 * @param itemsTrue pairs in the truth
 * @param seconds wall-clock of read and extract; 0 when the text came from a cache
 * @param error why the document could not be read, or null
 * @param differences per wrong field, "truth ≠ read (confidence)", for looking into errors
 */
public record DocumentScore(
    String document,
    String family,
    String degradation,
    Map<String, Boolean> correct,
    List<String> missed,
    List<String> wrongConfident,
    int truthNonNull,
    int itemsMatched,
    int itemsRead,
    int itemsTrue,
    int pages,
    double seconds,
    String error,
    Map<String, String> differences) {

  public DocumentScore {
    correct = Map.copyOf(correct);
    differences = differences == null ? Map.of() : Map.copyOf(differences);
    missed = List.copyOf(missed);
    wrongConfident = List.copyOf(wrongConfident);
  }

  /** Whether every scored field is right. */
  public boolean exact() {
    return correct.values().stream().allMatch(Boolean::booleanValue);
  }

  /** Scored fields that are wrong, in {@link BenchScoring#FIELDS} order. */
  public List<String> wrongFields() {
    return BenchScoring.FIELDS.stream().filter(f -> !correct.getOrDefault(f, false)).toList();
  }
}
