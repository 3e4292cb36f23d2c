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
 */
public record ClaimContext(
    Claim claim,
    Policy policy,
    List<ReceiptExtraction> receipts,
    Map<String, String> unreadable,
    Map<String, List<String>> injectionEvidence) {

  public ClaimContext {
    receipts = List.copyOf(receipts);
    unreadable = Map.copyOf(unreadable);
    injectionEvidence = Map.copyOf(injectionEvidence);
  }
}
