package cn.healthrisk.claims.persistence;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_AUDIT;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_CORRECTION;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_FLAG;
import static cn.healthrisk.sql.jooq.Tables.OCR_CACHE;
import static cn.healthrisk.sql.jooq.Tables.POLICY;
import static cn.healthrisk.sql.jooq.Tables.RECEIPT_EXTRACTION;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The adjusters' view of claims: always within one insurer (the policy's client), with the review state,
 * corrections and audit trail.
 */
@Repository
public class ReviewRepository {
  private final DSLContext ctx;

  public ReviewRepository(DSLContext ctx) {
    this.ctx = ctx;
  }

  /** The queue's filters; a null member means "any". Dates are bounds on the received time, end exclusive. */
  public record QueueQuery(String clientId, String status, String reviewState, String flagCode, BigDecimal amountMin,
      BigDecimal amountMax, LocalDateTime receivedFrom, LocalDateTime receivedBefore, String hospital, Integer riskMin,
      Integer riskMax, Sort sort, boolean descending, int offset, int limit) {}

  /** Orders the queue can be sorted in. */
  public enum Sort {
    RECEIVED,
    AMOUNT,
    RISK,
    CLAIM_ID
  }

  /** One line of the queue. */
  public record QueueRow(long pk, String claimId, String policyNo, String claimType, String diagnosis,
      BigDecimal claimedAmount, String status, String reviewState, Integer riskScore, String suggestedAction,
      LocalDateTime receivedAt, String insuredName) {}

  /** A claim as the review page needs it, with its insurer. */
  public record ReviewClaim(long pk, String claimId, String policyNo, String clientId, String claimType,
      String diagnosisText, String diagnosisIcd10, BigDecimal claimedAmount, String status, String reviewState,
      String proposedBy, LocalDateTime proposedAt, String decidedBy, LocalDateTime decidedAt, String decisionReason,
      Integer riskScore, String suggestedAction, LocalDateTime receivedAt, LocalDateTime submittedAt,
      String parkedReason, String insuredName, String insuredIdNumber) {}

  /** One receipt extraction row. */
  public record ExtractionRow(long id, String documentName, String contentHash, String ocrEngine, String json) {}

  /** One audit entry. */
  public record AuditRow(LocalDateTime at, String username, String role, String action, String fromStatus,
      String toStatus, String reason, String detail) {}

  /** One correction. */
  public record CorrectionRow(LocalDateTime at, String username, String documentName, String field, String oldValue,
      String newValue, String reason) {}

  private static Field<String> hospitalName() {
    return DSL.field("JSON_UNQUOTE(JSON_EXTRACT({0}, '$.fields.hospitalName'))", String.class,
        RECEIPT_EXTRACTION.EXTRACTION_JSON);
  }

  private static Condition where(QueueQuery q) {
    Condition c = POLICY.CLIENT_ID.eq(q.clientId());
    if (q.status() != null) {
      c = c.and(CLAIM.STATUS.eq(q.status()));
    }
    if (q.reviewState() != null) {
      c = c.and(CLAIM.REVIEW_STATE.eq(q.reviewState()));
    }
    if (q.flagCode() != null) {
      c = c.and(DSL.exists(DSL.selectOne().from(CLAIM_FLAG)
          .where(CLAIM_FLAG.CODE.eq(q.flagCode())).and(CLAIM_FLAG.CLAIM_PK.eq(CLAIM.ID))));
    }
    if (q.amountMin() != null) {
      c = c.and(CLAIM.CLAIMED_AMOUNT.ge(q.amountMin()));
    }
    if (q.amountMax() != null) {
      c = c.and(CLAIM.CLAIMED_AMOUNT.le(q.amountMax()));
    }
    if (q.receivedFrom() != null) {
      c = c.and(CLAIM.RECEIVED_AT.ge(q.receivedFrom()));
    }
    if (q.receivedBefore() != null) {
      c = c.and(CLAIM.RECEIVED_AT.lt(q.receivedBefore()));
    }
    if (q.riskMin() != null) {
      c = c.and(CLAIM.RISK_SCORE.ge(q.riskMin()));
    }
    if (q.riskMax() != null) {
      c = c.and(CLAIM.RISK_SCORE.le(q.riskMax()));
    }
    if (q.hospital() != null) {
      // contains() escapes % and _ in what the adjuster typed.
      c = c.and(DSL.exists(DSL.selectOne().from(RECEIPT_EXTRACTION)
          .where(RECEIPT_EXTRACTION.CLAIM_PK.eq(CLAIM.ID)).and(hospitalName().contains(q.hospital()))));
    }
    return c;
  }

  /** One page of the insurer's claims matching the filters. */
  public List<QueueRow> page(QueueQuery q) {
    Field<?> key = switch (q.sort()) {
      case AMOUNT -> CLAIM.CLAIMED_AMOUNT;
      case RISK -> CLAIM.RISK_SCORE;
      case CLAIM_ID -> CLAIM.CLAIM_ID;
      case RECEIVED -> CLAIM.RECEIVED_AT;
    };
    List<OrderField<?>> order = new ArrayList<>();
    order.add(q.descending() ? key.desc().nullsLast() : key.asc().nullsLast());
    order.add(q.descending() ? CLAIM.ID.desc() : CLAIM.ID.asc());
    return ctx.select(CLAIM.ID, CLAIM.CLAIM_ID, CLAIM.POLICY_NO, CLAIM.CLAIM_TYPE, CLAIM.DIAGNOSIS_TEXT,
            CLAIM.CLAIMED_AMOUNT, CLAIM.STATUS, CLAIM.REVIEW_STATE, CLAIM.RISK_SCORE, CLAIM.SUGGESTED_ACTION,
            CLAIM.RECEIVED_AT, POLICY.INSURED_NAME)
        .from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(where(q))
        .orderBy(order)
        .limit(q.limit()).offset(q.offset())
        .fetch(r -> new QueueRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
            r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
  }

  public int count(QueueQuery q) {
    return ctx.fetchCount(ctx.select(CLAIM.ID).from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(where(q)));
  }

  /** Claims of the insurer counted by status. */
  public java.util.Map<String, Integer> countByStatus(String clientId) {
    Field<Integer> n = DSL.count();
    return ctx.select(CLAIM.STATUS, n).from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(POLICY.CLIENT_ID.eq(clientId)).groupBy(CLAIM.STATUS).orderBy(CLAIM.STATUS)
        .fetchMap(CLAIM.STATUS, n);
  }

  /** Claims of the insurer waiting for a supervisor. */
  public int countPendingSupervisor(String clientId) {
    return ctx.fetchCount(ctx.select(CLAIM.ID).from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(POLICY.CLIENT_ID.eq(clientId)).and(CLAIM.REVIEW_STATE.eq("PENDING_SUPERVISOR")));
  }

  private SelectConditionStep<Record> selectClaim(String clientId, String claimId) {
    return ctx.select(CLAIM.fields()).select(POLICY.CLIENT_ID, POLICY.INSURED_NAME, POLICY.INSURED_ID_NUMBER)
        .from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(CLAIM.CLAIM_ID.eq(claimId)).and(POLICY.CLIENT_ID.eq(clientId));
  }

  /** The claim when it belongs to the insurer; empty otherwise, exactly as for a claim that does not exist. */
  public Optional<ReviewClaim> find(String clientId, String claimId) {
    return selectClaim(clientId, claimId).fetchOptional(ReviewRepository::claim);
  }

  /** As {@link #find}, locking the claim's row until the transaction ends. */
  public Optional<ReviewClaim> lock(String clientId, String claimId) {
    return selectClaim(clientId, claimId).forUpdate().fetchOptional(ReviewRepository::claim);
  }

  private static ReviewClaim claim(Record r) {
    return new ReviewClaim(r.get(CLAIM.ID), r.get(CLAIM.CLAIM_ID), r.get(CLAIM.POLICY_NO), r.get(POLICY.CLIENT_ID),
        r.get(CLAIM.CLAIM_TYPE), r.get(CLAIM.DIAGNOSIS_TEXT), r.get(CLAIM.DIAGNOSIS_ICD10), r.get(CLAIM.CLAIMED_AMOUNT),
        r.get(CLAIM.STATUS), r.get(CLAIM.REVIEW_STATE), r.get(CLAIM.PROPOSED_BY), r.get(CLAIM.PROPOSED_AT),
        r.get(CLAIM.DECIDED_BY), r.get(CLAIM.DECIDED_AT), r.get(CLAIM.DECISION_REASON), r.get(CLAIM.RISK_SCORE),
        r.get(CLAIM.SUGGESTED_ACTION), r.get(CLAIM.RECEIVED_AT), r.get(CLAIM.SUBMITTED_AT), r.get(CLAIM.PARKED_REASON),
        r.get(POLICY.INSURED_NAME), r.get(POLICY.INSURED_ID_NUMBER));
  }

  /** The claim's current contract status. */
  public String status(long claimPk) {
    return ctx.select(CLAIM.STATUS).from(CLAIM).where(CLAIM.ID.eq(claimPk)).fetchOne(CLAIM.STATUS);
  }

  /** Records a decision: the contract status, and clears any pending proposal. */
  public void decide(long claimPk, String status, String username, String reason, LocalDateTime at) {
    ctx.update(CLAIM)
        .set(CLAIM.STATUS, status)
        .set(CLAIM.REVIEW_STATE, (String) null)
        .set(CLAIM.DECIDED_BY, username)
        .set(CLAIM.DECIDED_AT, at)
        .set(CLAIM.DECISION_REASON, reason)
        .where(CLAIM.ID.eq(claimPk))
        .execute();
  }

  /** Records an approval proposal that waits for a supervisor; the contract status does not change. */
  public void propose(long claimPk, String username, String reason, LocalDateTime at) {
    ctx.update(CLAIM)
        .set(CLAIM.REVIEW_STATE, "PENDING_SUPERVISOR")
        .set(CLAIM.PROPOSED_BY, username)
        .set(CLAIM.PROPOSED_AT, at)
        .set(CLAIM.DECISION_REASON, reason)
        .where(CLAIM.ID.eq(claimPk))
        .execute();
  }

  public void audit(long claimPk, LocalDateTime at, String username, String role, String action, String fromStatus,
      String toStatus, String reason, String detail) {
    ctx.insertInto(CLAIM_AUDIT)
        .set(CLAIM_AUDIT.CLAIM_PK, claimPk)
        .set(CLAIM_AUDIT.AT, at)
        .set(CLAIM_AUDIT.USERNAME, username)
        .set(CLAIM_AUDIT.ROLE, role)
        .set(CLAIM_AUDIT.ACTION, action)
        .set(CLAIM_AUDIT.FROM_STATUS, fromStatus)
        .set(CLAIM_AUDIT.TO_STATUS, toStatus)
        .set(CLAIM_AUDIT.REASON, reason)
        .set(CLAIM_AUDIT.DETAIL, detail)
        .execute();
  }

  public List<AuditRow> auditTrail(long claimPk) {
    return ctx.select(CLAIM_AUDIT.AT, CLAIM_AUDIT.USERNAME, CLAIM_AUDIT.ROLE, CLAIM_AUDIT.ACTION,
            CLAIM_AUDIT.FROM_STATUS, CLAIM_AUDIT.TO_STATUS, CLAIM_AUDIT.REASON, CLAIM_AUDIT.DETAIL)
        .from(CLAIM_AUDIT).where(CLAIM_AUDIT.CLAIM_PK.eq(claimPk)).orderBy(CLAIM_AUDIT.ID)
        .fetch(r -> new AuditRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
            r.value8()));
  }

  public void insertCorrection(long claimPk, String documentName, String field, String oldValue, String newValue,
      String reason, String username, LocalDateTime at) {
    ctx.insertInto(CLAIM_CORRECTION)
        .set(CLAIM_CORRECTION.CLAIM_PK, claimPk)
        .set(CLAIM_CORRECTION.DOCUMENT_NAME, documentName)
        .set(CLAIM_CORRECTION.FIELD, field)
        .set(CLAIM_CORRECTION.OLD_VALUE, oldValue)
        .set(CLAIM_CORRECTION.NEW_VALUE, newValue)
        .set(CLAIM_CORRECTION.REASON, reason)
        .set(CLAIM_CORRECTION.USERNAME, username)
        .set(CLAIM_CORRECTION.CORRECTED_AT, at)
        .execute();
  }

  public List<CorrectionRow> corrections(long claimPk) {
    return ctx.select(CLAIM_CORRECTION.CORRECTED_AT, CLAIM_CORRECTION.USERNAME, CLAIM_CORRECTION.DOCUMENT_NAME,
            CLAIM_CORRECTION.FIELD, CLAIM_CORRECTION.OLD_VALUE, CLAIM_CORRECTION.NEW_VALUE, CLAIM_CORRECTION.REASON)
        .from(CLAIM_CORRECTION).where(CLAIM_CORRECTION.CLAIM_PK.eq(claimPk)).orderBy(CLAIM_CORRECTION.ID)
        .fetch(r -> new CorrectionRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
            r.value7()));
  }

  public List<ExtractionRow> extractions(long claimPk) {
    return ctx.select(RECEIPT_EXTRACTION.ID, RECEIPT_EXTRACTION.DOCUMENT_NAME, RECEIPT_EXTRACTION.CONTENT_HASH,
            RECEIPT_EXTRACTION.OCR_ENGINE, RECEIPT_EXTRACTION.EXTRACTION_JSON)
        .from(RECEIPT_EXTRACTION).where(RECEIPT_EXTRACTION.CLAIM_PK.eq(claimPk)).orderBy(RECEIPT_EXTRACTION.ID)
        .fetch(r -> new ExtractionRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  /** Replaces one extraction's JSON and the columns kept for lookups. */
  public void updateExtraction(long extractionId, String json, String invoiceCode, String invoiceNumber,
      BigDecimal totalAmount) {
    ctx.update(RECEIPT_EXTRACTION)
        .set(RECEIPT_EXTRACTION.EXTRACTION_JSON, json)
        .set(RECEIPT_EXTRACTION.INVOICE_CODE, invoiceCode)
        .set(RECEIPT_EXTRACTION.INVOICE_NUMBER, invoiceNumber)
        .set(RECEIPT_EXTRACTION.TOTAL_AMOUNT, totalAmount)
        .where(RECEIPT_EXTRACTION.ID.eq(extractionId))
        .execute();
  }

  /** The cached text with layout of a document, preferring the given engine's. */
  public Optional<String> documentText(String contentHash, String preferredEngine) {
    return ctx.select(OCR_CACHE.RESULT_JSON).from(OCR_CACHE).where(OCR_CACHE.CONTENT_HASH.eq(contentHash))
        .orderBy(DSL.when(OCR_CACHE.ENGINE.eq(preferredEngine == null ? "" : preferredEngine), 0).otherwise(1),
            OCR_CACHE.CREATED_AT.desc())
        .limit(1)
        .fetchOptional(OCR_CACHE.RESULT_JSON);
  }

  /** The insured's other claims with the same insurer, newest first. */
  public List<QueueRow> history(String clientId, String insuredIdNumber, long exceptClaimPk, int limit) {
    return ctx.select(CLAIM.ID, CLAIM.CLAIM_ID, CLAIM.POLICY_NO, CLAIM.CLAIM_TYPE, CLAIM.DIAGNOSIS_TEXT,
            CLAIM.CLAIMED_AMOUNT, CLAIM.STATUS, CLAIM.REVIEW_STATE, CLAIM.RISK_SCORE, CLAIM.SUGGESTED_ACTION,
            CLAIM.RECEIVED_AT, POLICY.INSURED_NAME)
        .from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(POLICY.CLIENT_ID.eq(clientId)).and(POLICY.INSURED_ID_NUMBER.eq(insuredIdNumber))
        .and(CLAIM.ID.ne(exceptClaimPk))
        .orderBy(CLAIM.RECEIVED_AT.desc(), CLAIM.ID.desc())
        .limit(limit)
        .fetch(r -> new QueueRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
            r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
  }
}
