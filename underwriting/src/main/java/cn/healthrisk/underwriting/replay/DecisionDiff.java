package cn.healthrisk.underwriting.replay;

import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.underwriting.decision.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two decisions on the same application, product line by product line: outcome,
 * extra premium, exclusions added or removed, and the rules that fired before and after.
 */
public record DecisionDiff(String applicationId, List<LineChange> lines) {

  /**
   * One product line's change; {@code before} or {@code after} outcome is null when the line was
   * decided on one side only.
   */
  public record LineChange(
      String productLine,
      OutcomeType before,
      OutcomeType after,
      int extraPremiumBefore,
      int extraPremiumAfter,
      List<String> exclusionsAdded,
      List<String> exclusionsRemoved,
      List<String> rulesBefore,
      List<String> rulesAfter) {

    /** {@code STANDARD -> EXCLUSION}; a missing side reads as {@code -}. */
    public String transition() {
      return (before == null ? "-" : before.name()) + " -> " + (after == null ? "-" : after.name());
    }
  }

  /** Compares two decisions and keeps only the product lines whose outcome, premium, exclusions or rules differ. */
  public static DecisionDiff between(Decision before, Decision after) {
    Map<String, Decision.ProductLineDecision> old = byLine(before);
    Map<String, Decision.ProductLineDecision> now = byLine(after);
    Set<String> lines = new LinkedHashSet<>(old.keySet());
    lines.addAll(now.keySet());
    List<LineChange> changes = new ArrayList<>();
    for (String line : lines) {
      Decision.ProductLineDecision b = old.get(line);
      Decision.ProductLineDecision a = now.get(line);
      List<String> clausesBefore = clauses(b);
      List<String> clausesAfter = clauses(a);
      LineChange change = new LineChange(line, b == null ? null : b.outcome(), a == null ? null : a.outcome(),
          b == null ? 0 : b.extraPremiumPct(), a == null ? 0 : a.extraPremiumPct(),
          minus(clausesAfter, clausesBefore), minus(clausesBefore, clausesAfter), rules(b), rules(a));
      boolean changed = !Objects.equals(change.before(), change.after())
          || change.extraPremiumBefore() != change.extraPremiumAfter()
          || !change.exclusionsAdded().isEmpty() || !change.exclusionsRemoved().isEmpty()
          || !change.rulesBefore().equals(change.rulesAfter());
      if (changed) {
        changes.add(change);
      }
    }
    String id = before != null ? before.applicationId() : after.applicationId();
    return new DecisionDiff(id, List.copyOf(changes));
  }

  public boolean changed() {
    return !lines.isEmpty();
  }

  /** Product lines whose outcome itself differs (not only premium, exclusions or rules). */
  public List<LineChange> outcomeChanges() {
    return lines.stream().filter(l -> l.before() != l.after()).toList();
  }

  private static Map<String, Decision.ProductLineDecision> byLine(Decision d) {
    Map<String, Decision.ProductLineDecision> map = new LinkedHashMap<>();
    if (d != null) {
      d.decisions().forEach(l -> map.put(l.productLine(), l));
    }
    return map;
  }

  private static List<String> clauses(Decision.ProductLineDecision d) {
    return d == null ? List.of() : d.exclusions().stream().map(Decision.Exclusion::clause).distinct().toList();
  }

  /** Rule ids in the order they fired, each once. */
  private static List<String> rules(Decision.ProductLineDecision d) {
    return d == null ? List.of() : d.reasons().stream().map(Decision.Reason::ruleId).distinct().toList();
  }

  private static List<String> minus(List<String> a, List<String> b) {
    return a.stream().filter(x -> !b.contains(x)).toList();
  }
}
