package cn.healthrisk.kb.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One fact test of a rule's {@code when}: equality, one-of, or an inclusive numeric range. */
public sealed interface Condition {

  String fact();

  boolean test(Map<String, Object> facts);

  /** The fact equals the value (compared by text, so 3, "3" and true/"true" agree). */
  record Equals(String fact, Object value) implements Condition {
    @Override
    public boolean test(Map<String, Object> facts) {
      Object actual = facts.get(fact);
      return actual != null && String.valueOf(actual).equals(String.valueOf(value));
    }
  }

  /** The fact is one of the values. */
  record OneOf(String fact, List<Object> values) implements Condition {
    @Override
    public boolean test(Map<String, Object> facts) {
      Object actual = facts.get(fact);
      return actual != null && values.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(actual)));
    }
  }

  /** The fact is a number within [min, max]; either bound may be absent. */
  record Range(String fact, BigDecimal min, BigDecimal max) implements Condition {
    @Override
    public boolean test(Map<String, Object> facts) {
      BigDecimal actual = toNumber(facts.get(fact));
      if (actual == null) {
        return false;
      }
      return (min == null || actual.compareTo(min) >= 0) && (max == null || actual.compareTo(max) <= 0);
    }

    private static BigDecimal toNumber(Object value) {
      if (value instanceof BigDecimal b) {
        return b;
      }
      if (value instanceof Number n) {
        return new BigDecimal(n.toString());
      }
      if (value instanceof String s) {
        try {
          return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
  }
}
