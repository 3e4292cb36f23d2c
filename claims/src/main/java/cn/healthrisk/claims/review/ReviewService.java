package cn.healthrisk.claims.review;

import cn.healthrisk.claims.application.ClaimFlagRefresh;
import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFieldAccess;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptJson;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.persistence.ReviewRepository;
import cn.healthrisk.claims.persistence.ReviewRepository.ExtractionRow;
import cn.healthrisk.claims.persistence.ReviewRepository.ReviewClaim;
import cn.healthrisk.claims.validation.ReceiptValidator;
import cn.healthrisk.claims.validation.Validation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The adjusters' actions on a claim: approve, reject, request more information, and correct an extracted
 * field. Each action needs a reason, is written together with its audit entry in one transaction, and only
 * ever touches a claim of the reviewer's own insurer. Approving a claim above the four-eyes amount takes
 * two people: the first approval is recorded as a proposal, and a supervisor other than its author confirms it.
 */
@Service
@EnableConfigurationProperties(ReviewSettings.class)
public class ReviewService {
  /** The review state of a claim whose approval waits for a supervisor. */
  public static final String PENDING_SUPERVISOR = "PENDING_SUPERVISOR";
  /** Statuses in which a person may still decide. */
  static final Set<String> OPEN = Set.of("NEEDS_REVIEW", "CLEAN", "MORE_INFO_REQUESTED");
  /**
   * Receipt fields a person may correct. A charge item is corrected through {@code items[i].name} or
   * {@code items[i].amount} (i counted from 0); {@code items[n].name} with n the number of items adds an item the
   * reading missed, whose amount is then corrected in turn.
   */
  public static final List<String> CORRECTABLE = List.of("invoiceCode", "invoiceNumber", "checkCode", "payerName",
      "payerIdMasked", "issueDate", "hospitalName", "hospitalType", "insuranceType", "visitDate", "admissionDate",
      "dischargeDate", "hospitalDays", "totalAmount", "totalAmountInWords", "fundPayment", "otherPayment",
      "personalAccountPayment", "personalCashPayment", "selfPayPortion", "selfExpense");
  /** A charge item's field: group 1 the item's index and group 2 name or amount, or group 3 "+" for a new item. */
  public static final Pattern ITEM_FIELD =
      Pattern.compile("items\\[(?:(\\d{1,3})]\\.(name|amount)|(\\+)])");
  static final int MAX_REASON = 1000;
  static final int MAX_VALUE = 200;

  private final ReviewRepository repository;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final BigDecimal fourEyesAmount;
  private final ClaimFlagRefresh flagRefresh;
  private final ReceiptValidator validator = new ReceiptValidator();
  private final ObjectMapper json = ClaimsJson.mapper();

  public ReviewService(ReviewRepository repository, TransactionTemplate tx, Clock clock, ReviewSettings settings,
      ClaimFlagRefresh flagRefresh) {
    this.repository = repository;
    this.tx = tx;
    this.clock = clock;
    this.fourEyesAmount = settings.fourEyesAmount();
    this.flagRefresh = java.util.Objects.requireNonNull(flagRefresh);
  }

  /** What an approval did. */
  public enum ApprovalOutcome {
    /** The claim is APPROVED. */
    APPROVED,
    /** The claim is above the four-eyes amount: the approval waits for a supervisor. */
    PROPOSED
  }

  public BigDecimal fourEyesAmount() {
    return fourEyesAmount;
  }

  /** Whether approving this amount needs a supervisor's confirmation. */
  public boolean needsFourEyes(BigDecimal claimedAmount) {
    return claimedAmount.compareTo(fourEyesAmount) > 0;
  }

  /**
   * Approves the claim, or for an amount above the four-eyes amount records the approval as a proposal; when a
   * proposal is already waiting, a supervisor other than its author confirms it with this call.
   */
  public ApprovalOutcome approve(Reviewer who, String claimId, String reason) {
    String why = reason(reason);
    return tx.execute(s -> {
      ReviewClaim c = openClaim(who, claimId);
      LocalDateTime now = now();
      if (!needsFourEyes(c.claimedAmount())) {
        repository.decide(c.pk(), "APPROVED", who.username(), why, now);
        repository.audit(c.pk(), now, who.username(), who.role().name(), "APPROVE", c.status(), "APPROVED", why, null);
        return ApprovalOutcome.APPROVED;
      }
      if (!PENDING_SUPERVISOR.equals(c.reviewState())) {
        repository.propose(c.pk(), who.username(), why, now);
        repository.audit(c.pk(), now, who.username(), who.role().name(), "PROPOSE_APPROVAL", c.status(), c.status(), why,
            "申请金额 " + c.claimedAmount().toPlainString() + " 超过双人复核金额 " + fourEyesAmount.toPlainString());
        return ApprovalOutcome.PROPOSED;
      }
      if (who.role() != Reviewer.Role.SUPERVISOR) {
        throw new ReviewException("FOUR_EYES_SUPERVISOR_REQUIRED", "该案件金额超过 " + fourEyesAmount.toPlainString()
            + " 元，已由 " + c.proposedBy() + " 提交通过申请，需由主管确认。");
      }
      if (who.username().equals(c.proposedBy())) {
        throw new ReviewException("FOUR_EYES_SAME_USER", "双人复核：不能确认自己提交的通过申请，须由另一位主管确认。");
      }
      repository.decide(c.pk(), "APPROVED", who.username(), why, now);
      repository.audit(c.pk(), now, who.username(), who.role().name(), "CONFIRM_APPROVAL", c.status(), "APPROVED", why,
          "确认 " + c.proposedBy() + " 的通过申请");
      return ApprovalOutcome.APPROVED;
    });
  }

  /** Rejects the claim; a waiting approval proposal is dropped. */
  public void reject(Reviewer who, String claimId, String reason) {
    decide(who, claimId, reason, "REJECTED", "REJECT");
  }

  /** Asks the claimant for more information; a waiting approval proposal is dropped. */
  public void requestInformation(Reviewer who, String claimId, String reason) {
    decide(who, claimId, reason, "MORE_INFO_REQUESTED", "REQUEST_INFO");
  }

  private void decide(Reviewer who, String claimId, String reason, String status, String action) {
    String why = reason(reason);
    tx.executeWithoutResult(s -> {
      ReviewClaim c = openClaim(who, claimId);
      LocalDateTime now = now();
      repository.decide(c.pk(), status, who.username(), why, now);
      repository.audit(c.pk(), now, who.username(), who.role().name(), action, c.status(), status, why,
          PENDING_SUPERVISOR.equals(c.reviewState()) ? "撤销 " + c.proposedBy() + " 的通过申请" : null);
    });
  }

  /**
   * Corrects one extracted field of one receipt, re-runs that receipt's validations and the claim's field
   * flags and risk score ({@link ClaimFlagRefresh}), and records the old and new value with the reason and the
   * audit entry (which names the flags raised or cleared), all in one transaction.
   *
   * @param newValue the value as the contract writes it (amount "128.50", date "2026-03-15"); blank means null
   */
  public void correct(Reviewer who, String claimId, String document, String field, String newValue, String reason) {
    String why = reason(reason);
    Matcher item = field == null ? null : ITEM_FIELD.matcher(field);
    boolean isItem = item != null && item.matches();
    if (!isItem && !CORRECTABLE.contains(field)) {
      throw new ReviewException("FIELD_NOT_CORRECTABLE", "字段 " + field + " 不能在此更正。");
    }
    String value = newValue == null || newValue.isBlank() ? null : newValue.strip();
    if (value != null && value.length() > MAX_VALUE) {
      throw new ReviewException("VALUE_TOO_LONG", "更正值不能超过 " + MAX_VALUE + " 个字符。");
    }
    tx.executeWithoutResult(s -> {
      ReviewClaim c = openClaim(who, claimId);
      ExtractionRow row = repository.extractions(c.pk()).stream().filter(e -> e.documentName().equals(document))
          .findFirst().orElseThrow(() -> new ReviewException("NOT_FOUND", "该案件没有票据 " + document + "。"));
      ObjectNode root = (ObjectNode) readTree(row.json());
      ObjectNode edited = root.path("fields").isObject() ? ((ObjectNode) root.path("fields")).deepCopy()
          : json.createObjectNode();
      String oldValue;
      if (isItem) {
        oldValue = correctItem(edited, item.group(3) != null ? "+" : item.group(1), item.group(2), value);
      } else {
        oldValue = replace(edited, field, value);
      }
      ReceiptFields fields;
      try {
        fields = ReceiptJson.fieldsFromJson(edited);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new ReviewException("INVALID_VALUE", "更正值格式不正确（金额如 128.50，日期如 2026-03-15）：" + value);
      }
      root.set("fields", ReceiptJson.fieldsToJson(fields));
      String type = root.path("documentType").asText(null);
      if (type != null) {
        ArrayNode validations = root.putArray("validations");
        for (Validation v : validator.validate(DocumentType.valueOf(type), fields)) {
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
      }
      LocalDateTime now = now();
      repository.updateExtraction(row.id(), write(root), fields.invoiceCode(), fields.invoiceNumber(),
          fields.totalAmount());
      String storedText;
      if (isItem && item.group(3) != null) {
        JsonNode items = root.path("fields").path("items");
        storedText = itemText(items.get(items.size() - 1));
      } else if (isItem && value == null && item.group(2).equals("name")) {
        storedText = null;
      } else if (isItem) {
        JsonNode n = root.path("fields").path("items").path(Integer.parseInt(item.group(1))).path(item.group(2));
        storedText = n.isMissingNode() || n.isNull() ? null : n.asText();
      } else {
        Object stored = ReceiptFieldAccess.get(fields, field);
        storedText = stored == null ? null : root.path("fields").path(field).asText();
      }
      repository.insertCorrection(c.pk(), document, field, oldValue, storedText, why, who.username(), now);
      ClaimFlagRefresh.Change change = flagRefresh.refresh(c.pk(), now);
      String detail = document + " · " + field + ": " + (oldValue == null ? "(空)" : oldValue) + " → "
          + (storedText == null ? "(空)" : storedText);
      repository.audit(c.pk(), now, who.username(), who.role().name(), "CORRECT_FIELD", c.status(),
          repository.status(c.pk()), why, change.isEmpty() ? detail : detail + "；" + change.describe());
    });
  }

  /**
   * Applies a correction to the charge items in {@code fields} and returns the old value as shown to people:
   * {@code items[i].name} or {@code items[i].amount} sets one value; a blank name removes the item (a line the
   * reading took for a charge); {@code items[+]} with "名称 金额" adds an item the reading missed.
   */
  private static String correctItem(ObjectNode fields, String index, String part, String value) {
    ArrayNode items = fields.path("items").isArray() ? (ArrayNode) fields.path("items") : fields.putArray("items");
    if (index.equals("+")) {
      int space = value == null ? -1 : value.lastIndexOf(' ');
      if (space <= 0) {
        throw new ReviewException("INVALID_VALUE", "新增收费项目请填写“项目名称 金额”，如：西药费 128.50。");
      }
      ObjectNode added = items.addObject();
      added.put("name", value.substring(0, space).strip());
      added.put("amount", value.substring(space + 1).strip());
      return null;
    }
    int i = Integer.parseInt(index);
    if (i >= items.size()) {
      throw new ReviewException("FIELD_NOT_CORRECTABLE", "该票据没有第 " + (i + 1) + " 个收费项目。");
    }
    ObjectNode target = (ObjectNode) items.get(i);
    if (part.equals("name") && value == null) {
      items.remove(i);
      return itemText(target);
    }
    return replace(target, part, value);
  }

  /** Sets {@code key} of {@code node} to {@code value} (null clears it) and returns the old value. */
  private static String replace(ObjectNode node, String key, String value) {
    JsonNode oldNode = node.path(key);
    String oldValue = oldNode.isMissingNode() || oldNode.isNull() ? null : oldNode.asText();
    if (Objects.equals(oldValue, value)) {
      throw new ReviewException("VALUE_UNCHANGED", "新值与原值相同。");
    }
    if (value == null) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
    return oldValue;
  }

  private static String itemText(JsonNode item) {
    return item.path("name").asText("") + " " + item.path("amount").asText("");
  }

  private ReviewClaim openClaim(Reviewer who, String claimId) {
    ReviewClaim c = repository.lock(who.clientId(), claimId)
        .orElseThrow(() -> new ReviewException("NOT_FOUND", "没有案件 " + claimId + "。"));
    if (!OPEN.contains(c.status())) {
      throw new ReviewException("CLAIM_NOT_OPEN", "案件当前状态为 " + c.status() + "，不能再处理。");
    }
    return c;
  }

  private static String reason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      throw new ReviewException("REASON_REQUIRED", "请填写原因。");
    }
    if (r.length() > MAX_REASON) {
      throw new ReviewException("REASON_TOO_LONG", "原因不能超过 " + MAX_REASON + " 个字符。");
    }
    return r;
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private JsonNode readTree(String s) {
    try {
      return json.readTree(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored extraction is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  private String write(JsonNode n) {
    try {
      return json.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
