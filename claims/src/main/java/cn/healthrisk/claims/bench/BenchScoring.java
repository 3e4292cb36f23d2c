package cn.healthrisk.claims.bench;

import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptFieldAccess;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.extraction.ReceiptJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Field-by-field comparison of an extraction with its ground truth. Values are compared as the
 * contract writes them (two-place amounts, ISO dates, items as a list), so 420 and 420.00 agree
 * and a null agrees only with a null. Pure functions.
 */
public final class BenchScoring {

  /** A wrong value above this confidence is an error the confidence did not warn about. */
  public static final double HIGH_CONFIDENCE = 0.95;

  /** The scored fields: documentType and every contract field (items as a whole list). */
  public static final List<String> FIELDS = Stream.concat(Stream.of("documentType"),
      ReceiptFieldAccess.names().stream().filter(n -> !n.equals("extra"))).toList();

  private BenchScoring() {}

  /** Scores one extraction; {@code seconds} and {@code pages} are only carried along. */
  public static DocumentScore score(LabelledDocument doc, ReceiptExtraction actual, int pages, double seconds) {
    Map<String, JsonNode> want = values(doc.truth());
    Map<String, JsonNode> got = values(actual);
    Map<String, Boolean> correct = new LinkedHashMap<>();
    List<String> missed = new ArrayList<>();
    List<String> wrongConfident = new ArrayList<>();
    Map<String, String> differences = new LinkedHashMap<>();
    for (String field : FIELDS) {
      JsonNode w = want.get(field);
      JsonNode g = got.get(field);
      boolean same = w.equals(g);
      correct.put(field, same);
      if (!isNull(w) && isNull(g)) {
        missed.add(field);
      }
      Double confidence = actual.fieldConfidence().get(field);
      if (!same) {
        differences.put(field, w + " ≠ " + g + " (" + confidence + ")");
      }
      if (!same && !isNull(g) && confidence != null && confidence > HIGH_CONFIDENCE) {
        wrongConfident.add(field);
      }
    }
    List<String> wantItems = itemKeys(doc.truth().fields());
    List<String> gotItems = itemKeys(actual.fields());
    int truthNonNull = (int) FIELDS.stream().filter(f -> !isNull(want.get(f))).count();
    return new DocumentScore(doc.name(), doc.family(), doc.degradation(), correct, missed, wrongConfident,
        truthNonNull, matched(wantItems, gotItems), gotItems.size(), wantItems.size(), pages, seconds, null,
        differences);
  }

  /** A document that could not be read: every field the truth sets is missed. */
  public static DocumentScore unreadable(LabelledDocument doc, String error, double seconds) {
    Map<String, JsonNode> want = values(doc.truth());
    Map<String, Boolean> correct = new LinkedHashMap<>();
    List<String> missed = new ArrayList<>();
    for (String field : FIELDS) {
      boolean isNull = isNull(want.get(field));
      correct.put(field, isNull);
      if (!isNull) {
        missed.add(field);
      }
    }
    int items = doc.truth().fields() == null ? 0 : doc.truth().fields().items().size();
    return new DocumentScore(doc.name(), doc.family(), doc.degradation(), correct, missed, List.of(),
        missed.size(), 0, 0, items, 0, seconds, error, Map.of());
  }

  /** The contract JSON value of each scored field. */
  static Map<String, JsonNode> values(ReceiptExtraction e) {
    ReceiptFields fields = e.fields() == null ? ReceiptFields.empty() : e.fields();
    ObjectNode json = ReceiptJson.fieldsToJson(fields);
    Map<String, JsonNode> out = new HashMap<>();
    out.put("documentType", e.documentType() == null ? NullNode.getInstance()
        : json.textNode(e.documentType().name()));
    for (String field : FIELDS) {
      if (!field.equals("documentType")) {
        out.put(field, json.path(field).isMissingNode() ? NullNode.getInstance() : json.get(field));
      }
    }
    // An empty item list is what a reader writes when it found no table: the same as none.
    if (out.get("items").isArray() && out.get("items").isEmpty()) {
      out.put("items", NullNode.getInstance());
    }
    return out;
  }

  private static boolean isNull(JsonNode n) {
    return n == null || n.isNull();
  }

  /** Items as "name|amount" keys, amounts at two places. */
  static List<String> itemKeys(ReceiptFields fields) {
    if (fields == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (ReceiptItem i : fields.items()) {
      out.add(i.name() + "|" + (i.amount() == null ? "null"
          : i.amount().setScale(2, RoundingMode.HALF_UP).toPlainString()));
    }
    return out;
  }

  /** Size of the multiset intersection of two key lists. */
  static int matched(List<String> want, List<String> got) {
    Map<String, Integer> left = new HashMap<>();
    want.forEach(k -> left.merge(k, 1, Integer::sum));
    int n = 0;
    for (String k : got) {
      Integer c = left.get(k);
      if (c != null && c > 0) {
        left.put(k, c - 1);
        n++;
      }
    }
    return n;
  }

  /** Precision, recall and F1 from counts; each is 1 when its denominator is 0 (nothing to get wrong). */
  public static double[] precisionRecallF1(int matched, int read, int truth) {
    double p = read == 0 ? (truth == 0 ? 1 : 0) : (double) matched / read;
    double r = truth == 0 ? 1 : (double) matched / truth;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new double[] {p, r, f1};
  }
}
