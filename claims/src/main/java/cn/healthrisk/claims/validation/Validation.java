package cn.healthrisk.claims.validation;

/**
 * The result of one check on a receipt, e.g. {@code ITEMS_SUM_EQUALS_TOTAL}.
 *
 * @param detail what was compared, for the adjuster (null when the check passed)
 * @param field the field the failure points at, or null
 */
public record Validation(String check, boolean passed, String detail, String field) {

  public static Validation pass(String check) {
    return new Validation(check, true, null, null);
  }

  public static Validation fail(String check, String field, String detail) {
    return new Validation(check, false, detail, field);
  }
}
