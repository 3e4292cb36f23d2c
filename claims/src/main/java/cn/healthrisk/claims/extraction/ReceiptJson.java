package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.validation.Validation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract's JSON for a receipt extraction (and the ground-truth files, which are the same
 * object without claimId, fieldConfidence and validations): amounts as two-place strings, ISO
 * dates, hospitalDays a number, absent fields as null, extra only when non-empty.
 */
public final class ReceiptJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> AMOUNT_FIELDS = List.of("totalAmount", "fundPayment", "otherPayment",
      "personalAccountPayment", "personalCashPayment", "selfPayPortion", "selfExpense");
  private static final List<String> DATE_FIELDS =
      List.of("issueDate", "visitDate", "admissionDate", "dischargeDate");

  private ReceiptJson() {}

  /** The extraction as a JSON string. */
  public static String write(ReceiptExtraction extraction) {
    try {
      return MAPPER.writeValueAsString(toJson(extraction));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write receipt JSON", e);
    }
  }

  /** Reads an extraction or a ground-truth object. */
  public static ReceiptExtraction read(String json) {
    try {
      return fromJson(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The extraction as a JSON tree, fields in contract order. */
  public static ObjectNode toJson(ReceiptExtraction e) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("claimId", e.claimId());
    root.put("document", e.document());
    root.put("documentType", e.documentType() == null ? null : e.documentType().name());
    root.set("fields", fieldsToJson(e.fields() == null ? ReceiptFields.empty() : e.fields()));
    ObjectNode confidence = root.putObject("fieldConfidence");
    new TreeMap<>(e.fieldConfidence()).forEach(confidence::put);
    ArrayNode validations = root.putArray("validations");
    for (Validation v : e.validations()) {
      ObjectNode n = validations.addObject();
      n.put("check", v.check());
      n.put("passed", v.passed());
      if (v.detail() != null) {
        n.put("detail", v.detail());
      }
      if (v.field() != null) {
        n.put("field", v.field());
      }
    }
    return root;
  }

  /** The fields object of the contract. */
  public static ObjectNode fieldsToJson(ReceiptFields f) {
    ObjectNode n = MAPPER.createObjectNode();
    for (String name : ReceiptFieldAccess.names()) {
      Object value = ReceiptFieldAccess.get(f, name);
      switch (name) {
        case "items" -> {
          ArrayNode items = n.putArray("items");
          for (ReceiptItem item : f.items()) {
            ObjectNode i = items.addObject();
            i.put("name", item.name());
            i.put("amount", money(item.amount()));
          }
        }
        case "extra" -> {
          if (!f.extra().isEmpty()) {
            ObjectNode extra = n.putObject("extra");
            f.extra().forEach(extra::put);
          }
        }
        case "hospitalDays" -> {
          if (f.hospitalDays() == null) {
            n.putNull(name);
          } else if (f.hospitalDays().stripTrailingZeros().scale() <= 0) {
            n.put(name, f.hospitalDays().longValueExact());
          } else {
            n.put(name, f.hospitalDays().stripTrailingZeros());
          }
        }
        default -> {
          if (value == null) {
            n.putNull(name);
          } else if (value instanceof BigDecimal d) {
            n.put(name, money(d));
          } else {
            n.put(name, value.toString());
          }
        }
      }
    }
    return n;
  }

  /** Reads an extraction or ground-truth tree; missing parts default to null / empty. */
  public static ReceiptExtraction fromJson(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("receipt extraction must be a JSON object");
    }
    String type = text(root, "documentType");
    Map<String, Double> confidence = new HashMap<>();
    JsonNode conf = root.path("fieldConfidence");
    for (Map.Entry<String, JsonNode> e : conf.properties()) {
      confidence.put(e.getKey(), e.getValue().asDouble());
    }
    List<Validation> validations = new ArrayList<>();
    for (JsonNode v : root.path("validations")) {
      validations.add(new Validation(text(v, "check"), v.path("passed").asBoolean(), text(v, "detail"),
          text(v, "field")));
    }
    return new ReceiptExtraction(text(root, "claimId"), text(root, "document"),
        type == null ? null : DocumentType.valueOf(type), fieldsFromJson(root.path("fields")), confidence,
        validations);
  }

  /** Reads the fields object of the contract. */
  public static ReceiptFields fieldsFromJson(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return ReceiptFields.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : ReceiptFieldAccess.names()) {
      String t = text(n, name);
      if (AMOUNT_FIELDS.contains(name)) {
        values.put(name, t == null ? null : parseMoney(name, t));
      } else if (DATE_FIELDS.contains(name)) {
        values.put(name, t == null ? null : parseDate(name, t));
      } else if (name.equals("hospitalDays")) {
        values.put(name, n.path(name).isNumber() ? n.path(name).decimalValue() : t == null ? null : new BigDecimal(t));
      } else if (name.equals("items")) {
        List<ReceiptItem> items = new ArrayList<>();
        for (JsonNode i : n.path("items")) {
          items.add(new ReceiptItem(text(i, "name"), parseMoney("items.amount", text(i, "amount"))));
        }
        values.put(name, items);
      } else if (name.equals("extra")) {
        Map<String, String> extra = new LinkedHashMap<>();
        n.path("extra").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asText()));
        values.put(name, extra);
      } else {
        values.put(name, t);
      }
    }
    return ReceiptFieldAccess.fromMap(values);
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static BigDecimal parseMoney(String field, String text) {
    try {
      return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
      throw new IllegalArgumentException(field + " is not an amount with two places: " + text, e);
    }
  }

  private static LocalDate parseDate(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not an ISO date: " + text, e);
    }
  }

  private static String money(BigDecimal d) {
    return d.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
