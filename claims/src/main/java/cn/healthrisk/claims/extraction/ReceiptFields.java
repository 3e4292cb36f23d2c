package cn.healthrisk.claims.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fields of a medical receipt, named as in the contract. A field not on the document is
 * {@code null}, never a guess. Amounts carry scale 2. {@code extra} holds regional fields the
 * contract does not name (门诊号, 业务流水号 ...).
 */
public record ReceiptFields(
    String invoiceCode,
    String invoiceNumber,
    String checkCode,
    String payerName,
    String payerIdMasked,
    LocalDate issueDate,
    String hospitalName,
    String hospitalType,
    String insuranceType,
    LocalDate visitDate,
    LocalDate admissionDate,
    LocalDate dischargeDate,
    BigDecimal hospitalDays,
    List<ReceiptItem> items,
    BigDecimal totalAmount,
    String totalAmountInWords,
    BigDecimal fundPayment,
    BigDecimal otherPayment,
    BigDecimal personalAccountPayment,
    BigDecimal personalCashPayment,
    BigDecimal selfPayPortion,
    BigDecimal selfExpense,
    Map<String, String> extra) {

  public ReceiptFields {
    items = items == null ? List.of() : List.copyOf(items);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** A receipt with no field read. */
  public static ReceiptFields empty() {
    return new ReceiptFields(null, null, null, null, null, null, null, null, null, null, null, null,
        null, List.of(), null, null, null, null, null, null, null, null, Map.of());
  }
}
