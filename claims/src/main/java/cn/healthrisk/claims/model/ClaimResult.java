package cn.healthrisk.claims.model;

import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import java.util.List;

/** What the adjuster queue holds and {@code claims export} writes for one claim. */
public record ClaimResult(String claimId, ClaimStatus status, List<Flag> flags, List<ReceiptExtraction> receipts) {
  public ClaimResult {
    flags = List.copyOf(flags);
    receipts = List.copyOf(receipts);
  }
}
