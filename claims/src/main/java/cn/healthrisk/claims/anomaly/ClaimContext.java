package cn.healthrisk.claims.anomaly;

import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import java.util.List;
import java.util.Map;

/**
 * Everything the anomaly rules look at for one claim.
 *
 * @param receipts one extraction per readable document
 * @param unreadable document name → why it could not be read
 * @param injectionEvidence document name → text that addresses instructions to a model
 * @param tamperEvidence document name → what the document reader found tampered (a text layer that disagrees
 *     with the page, hidden text ...)
 */
public record ClaimContext(
    Claim claim,
    Policy policy,
    List<ReceiptExtraction> receipts,
    Map<String, String> unreadable,
    Map<String, List<String>> injectionEvidence,
    Map<String, List<String>> tamperEvidence) {

  public ClaimContext {
    receipts = List.copyOf(receipts);
    unreadable = Map.copyOf(unreadable);
    injectionEvidence = Map.copyOf(injectionEvidence);
    tamperEvidence = tamperEvidence == null ? Map.of() : Map.copyOf(tamperEvidence);
  }

  /** A context with no tampering found. */
  public ClaimContext(Claim claim, Policy policy, List<ReceiptExtraction> receipts, Map<String, String> unreadable,
      Map<String, List<String>> injectionEvidence) {
    this(claim, policy, receipts, unreadable, injectionEvidence, Map.of());
  }
}
