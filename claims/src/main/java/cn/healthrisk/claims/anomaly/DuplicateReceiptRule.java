package cn.healthrisk.claims.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DUPLICATE_RECEIPT across claims: a receipt whose 票据代码 + 票据号码 also appears on another claim,
 * of any insured, from any night.
 */
public final class DuplicateReceiptRule {
  private DuplicateReceiptRule() {}

  /** One receipt read on a claim. */
  public record ReceiptRef(String document, String invoiceCode, String invoiceNumber) {}

  public static String key(String invoiceCode, String invoiceNumber) {
    return invoiceCode + "/" + invoiceNumber;
  }

  /** The same receipt twice in one claim: every repeat after the first names the first document. */
  public static List<Flag> withinClaim(List<ReceiptRef> receipts) {
    List<Flag> out = new ArrayList<>();
    Map<String, String> seen = new java.util.HashMap<>();
    for (ReceiptRef r : receipts) {
      if (r.invoiceCode() == null || r.invoiceNumber() == null) {
        continue;
      }
      String first = seen.putIfAbsent(key(r.invoiceCode(), r.invoiceNumber()), r.document());
      if (first != null) {
        out.add(new Flag(FlagCode.DUPLICATE_RECEIPT, Severity.HIGH,
            "同一票据（代码 " + r.invoiceCode() + " 号码 " + r.invoiceNumber() + "）在本案中重复提交：" + first + " 与 "
                + r.document(),
            Map.of("document", r.document(), "field", "invoiceNumber", "sameAs", first)));
      }
    }
    return out;
  }

  /**
   * @param otherClaimsByKey {@link #key} → ids of the other claims holding a receipt with that key
   */
  public static List<Flag> acrossClaims(List<ReceiptRef> receipts, Map<String, List<String>> otherClaimsByKey) {
    List<Flag> out = new ArrayList<>();
    for (ReceiptRef r : receipts) {
      List<String> others = otherClaimsByKey.getOrDefault(key(r.invoiceCode(), r.invoiceNumber()), List.of());
      if (!others.isEmpty()) {
        out.add(new Flag(FlagCode.DUPLICATE_RECEIPT, Severity.HIGH,
            "票据（代码 " + r.invoiceCode() + " 号码 " + r.invoiceNumber() + "）也出现在其他案件中：" + String.join(", ", others),
            Map.of("document", r.document(), "field", "invoiceNumber", "otherClaims", List.copyOf(others))));
      }
    }
    return out;
  }
}
