package cn.healthrisk.kb.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A threshold rule on an indicator's canonical value; the bounds present must all hold.
 *
 * @param gtUln true when the value exceeds this multiple of the reference range's upper limit
 * @param positive for qualitative indicators: matches a positive result
 */
public record Threshold(
    String id,
    BigDecimal gte,
    BigDecimal gt,
    BigDecimal lte,
    BigDecimal lt,
    BigDecimal gtUln,
    Boolean positive,
    String conceptId,
    Map<String, Object> attributes,
    String text) {

  /** Whether a numeric value (with the upper reference limit, may be null) meets this threshold. */
  public boolean matches(BigDecimal value, BigDecimal upperLimit) {
    if (positive != null) {
      return false;
    }
    if (gte != null && value.compareTo(gte) < 0) {
      return false;
    }
    if (gt != null && value.compareTo(gt) <= 0) {
      return false;
    }
    if (lte != null && value.compareTo(lte) > 0) {
      return false;
    }
    if (lt != null && value.compareTo(lt) >= 0) {
      return false;
    }
    if (gtUln != null) {
      return upperLimit != null && value.compareTo(upperLimit.multiply(gtUln)) > 0;
    }
    return true;
  }

  /** Whether a qualitative result meets this threshold. */
  public boolean matches(boolean positiveResult) {
    return positive != null && positive == positiveResult;
  }
}
