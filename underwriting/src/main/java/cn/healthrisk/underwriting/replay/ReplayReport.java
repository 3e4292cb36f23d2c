package cn.healthrisk.underwriting.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of replaying stored applications on a knowledge base.
 *
 * @param kbVersion the knowledge base replayed on
 * @param replayed stored decisions re-run (errors included)
 * @param sameVersion of those, decisions first issued by this very knowledge base; each must reproduce exactly
 * @param changes applications whose decision would change, with the product lines that change
 * @param reproducibilityFailures decisions of the same knowledge base whose replayed JSON differs from the issued one
 * @param errors stored applications that could not be replayed
 * @param changesByProductLine changed product-line decisions per product line
 * @param changesByTransition changed product-line decisions per {@code OLD -> NEW} outcome
 */
public record ReplayReport(
    String kbVersion,
    int replayed,
    int sameVersion,
    List<ApplicationChange> changes,
    List<ReproducibilityFailure> reproducibilityFailures,
    List<ReplayError> errors,
    Map<String, Integer> changesByProductLine,
    Map<String, Integer> changesByTransition) {

  /** A stored decision that would come out differently. */
  public record ApplicationChange(
      String decisionId,
      String applicationId,
      String clientId,
      String storedKbVersion,
      Instant decidedAt,
      List<DecisionDiff.LineChange> lines) {}

  /** Replaying on the issuing knowledge base did not give the decision JSON as issued. */
  public record ReproducibilityFailure(
      String decisionId,
      String applicationId,
      String storedKbVersion,
      String issuedExcerpt,
      String replayedExcerpt) {}

  /** A stored application the knowledge base could not decide (e.g. a product line it no longer has). */
  public record ReplayError(String decisionId, String applicationId, String code, String message) {}

  public boolean reproducible() {
    return reproducibilityFailures.isEmpty();
  }
}
