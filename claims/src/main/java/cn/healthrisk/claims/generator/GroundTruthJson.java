package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Writes ground truth in the shape of the shared sample receipts' JSON files. */
final class GroundTruthJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private GroundTruthJson() {}

  /** The object: document, documentType, fields (all contract fields, in contract order), meta. */
  static ObjectNode toNode(String document, DocumentType type, ReceiptFields f,
      Map<String, Object> meta) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("document", document);
    root.put("documentType", type.name());
    ObjectNode fields = root.putObject("fields");
    fields.put("invoiceCode", f.invoiceCode());
    fields.put("invoiceNumber", f.invoiceNumber());
    fields.put("checkCode", f.checkCode());
    fields.put("payerName", f.payerName());
    fields.put("payerIdMasked", f.payerIdMasked());
    fields.put("issueDate", date(f.issueDate()));
    fields.put("hospitalName", f.hospitalName());
    fields.put("hospitalType", f.hospitalType());
    fields.put("insuranceType", f.insuranceType());
    fields.put("visitDate", date(f.visitDate()));
    fields.put("admissionDate", date(f.admissionDate()));
    fields.put("dischargeDate", date(f.dischargeDate()));
    // A number, 7 or 22.5, as in the contract.
    fields.put("hospitalDays",
        f.hospitalDays() == null ? null
            : new BigDecimal(f.hospitalDays().stripTrailingZeros().toPlainString()));
    ArrayNode items = fields.putArray("items");
    for (ReceiptItem it : f.items()) {
      items.addObject().put("name", it.name()).put("amount", money(it.amount()));
    }
    fields.put("totalAmount", money(f.totalAmount()));
    fields.put("totalAmountInWords", f.totalAmountInWords());
    fields.put("fundPayment", money(f.fundPayment()));
    fields.put("otherPayment", money(f.otherPayment()));
    fields.put("personalAccountPayment", money(f.personalAccountPayment()));
    fields.put("personalCashPayment", money(f.personalCashPayment()));
    fields.put("selfPayPortion", money(f.selfPayPortion()));
    fields.put("selfExpense", money(f.selfExpense()));
    root.set("meta", MAPPER.valueToTree(meta));
    return root;
  }

  static String pretty(ObjectNode node) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String line(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String money(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2).toPlainString();
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
