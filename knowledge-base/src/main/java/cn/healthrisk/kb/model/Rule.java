package cn.healthrisk.kb.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An underwriting rule for one disease or for an ICD-10 block/chapter (inherited by its members).
 *
 * @param diseaseId target disease, or null when the rule targets {@code category}
 * @param category target ICD-10 block or chapter range such as {@code I10-I15}, or null
 * @param productLines the product-line codes it applies to (groups already expanded; empty = all)
 * @param when conditions that must all hold (empty = any)
 */
public record Rule(
    String id,
    String diseaseId,
    String category,
    Set<String> productLines,
    List<Condition> when,
    Outcome outcome,
    String reason) {

  public boolean appliesTo(String productLine) {
    return productLines.isEmpty() || productLines.contains(productLine);
  }

  public boolean matches(Map<String, Object> facts) {
    return when.stream().allMatch(c -> c.test(facts));
  }
}
