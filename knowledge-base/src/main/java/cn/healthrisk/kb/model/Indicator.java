package cn.healthrisk.kb.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A checkup indicator with its canonical unit, unit conversions, reference ranges and thresholds.
 *
 * @param compositeOf for a combined reading such as blood pressure "150/95", the indicator codes
 *     of its parts in order; empty otherwise
 * @param outranks indicator codes whose findings are dropped when this indicator was measured
 */
public record Indicator(
    String code,
    String name,
    List<String> aliases,
    String unit,
    List<Conversion> conversions,
    List<ReferenceRange> ranges,
    boolean qualitative,
    List<String> compositeOf,
    List<String> outranks,
    List<Threshold> thresholds) {

  /** A conversion into the canonical unit: value × multiply, or value ÷ divide. */
  public record Conversion(String unit, BigDecimal multiply, BigDecimal divide) {}

  /** A reference range, optionally for one sex only. */
  public record ReferenceRange(String sex, BigDecimal low, BigDecimal high) {}

  /** The reference range for the given sex (M/F or null), preferring a sex-specific one. */
  public Optional<ReferenceRange> rangeFor(String sex) {
    return ranges.stream()
        .filter(r -> r.sex() != null && r.sex().equals(sex))
        .findFirst()
        .or(() -> ranges.stream().filter(r -> r.sex() == null).findFirst())
        .or(() -> ranges.stream().findFirst());
  }
}
