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

  /** A reference range, optionally for one sex and an age band (whole years, inclusive; null = open). */
  public record ReferenceRange(String sex, BigDecimal low, BigDecimal high, Integer minAge, Integer maxAge) {

    public ReferenceRange(String sex, BigDecimal low, BigDecimal high) {
      this(sex, low, high, null, null);
    }

    boolean fitsAge(Integer age) {
      if (minAge == null && maxAge == null) {
        return true;
      }
      return age != null && (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }

    boolean fitsSex(String wanted) {
      return sex == null || sex.equals(wanted);
    }

    /** Sex and age bands both count; a range naming more of the applicant is more specific. */
    int specificity() {
      return (sex == null ? 0 : 2) + (minAge == null && maxAge == null ? 0 : 1);
    }
  }

  /** The reference range for the given sex (M/F or null), preferring a sex-specific one. */
  public Optional<ReferenceRange> rangeFor(String sex) {
    return rangeFor(sex, null);
  }

  /**
   * The most specific range that fits the applicant's sex and age (either may be null); when none
   * fits, the first one whose sex fits, else the first range, so a value is never left unjudged
   * for want of an age.
   */
  public Optional<ReferenceRange> rangeFor(String sex, Integer age) {
    return ranges.stream()
        .filter(r -> r.fitsSex(sex) && r.fitsAge(age))
        .max(java.util.Comparator.comparingInt(ReferenceRange::specificity))
        .or(() -> ranges.stream().filter(r -> r.fitsSex(sex)).findFirst())
        .or(() -> ranges.stream().findFirst());
  }
}
