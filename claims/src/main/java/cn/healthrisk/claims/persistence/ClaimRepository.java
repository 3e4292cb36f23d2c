package cn.healthrisk.claims.persistence;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_DOCUMENT;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_FLAG;
import static cn.healthrisk.sql.jooq.Tables.DOCUMENT_CONTENT;
import static cn.healthrisk.sql.jooq.Tables.RECEIPT_EXTRACTION;

import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.sql.jooq.tables.records.ClaimRecord;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Claims, their documents and their processed results. */
@Repository
public class ClaimRepository {
  private final DSLContext ctx;

  public ClaimRepository(DSLContext ctx) {
    this.ctx = ctx;
  }

  public boolean exists(String claimId) {
    return ctx.fetchExists(CLAIM, CLAIM.CLAIM_ID.eq(claimId));
  }

  /** Stores document bytes once per content hash. */
  public void storeContent(String contentHash, byte[] content) {
    ctx.insertInto(DOCUMENT_CONTENT)
        .set(DOCUMENT_CONTENT.CONTENT_HASH, contentHash)
        .set(DOCUMENT_CONTENT.SIZE_BYTES, (long) content.length)
        .set(DOCUMENT_CONTENT.CONTENT, content)
        .onDuplicateKeyIgnore()
        .execute();
  }

  /** Inserts a received claim with its documents (whose content must already be stored); returns its key. */
  public long insert(Claim claim, String claimJson, LocalDateTime receivedAt, List<StoredDocument> documents) {
    // Connector/J rejects INSERT ... RETURNING (which jOOQ renders for MariaDB), so the key is
    // read back through the unique claim id inside the same transaction.
    ctx.insertInto(CLAIM)
        .set(CLAIM.CLAIM_ID, claim.claimId())
        .set(CLAIM.POLICY_NO, claim.policyNo())
        .set(CLAIM.CLAIM_TYPE, claim.claimType().name())
        .set(CLAIM.DIAGNOSIS_TEXT, claim.diagnosis() == null ? null : claim.diagnosis().text())
        .set(CLAIM.DIAGNOSIS_ICD10, claim.diagnosis() == null ? null : claim.diagnosis().icd10())
        .set(CLAIM.CLAIMED_AMOUNT, claim.claimedAmount())
        .set(CLAIM.SUBMITTED_AT, LocalDateTime.ofInstant(claim.submittedAt(), java.time.ZoneOffset.UTC))
        .set(CLAIM.RECEIVED_AT, receivedAt)
        .set(CLAIM.STATUS, "RECEIVED")
        .set(CLAIM.CLAIM_JSON, claimJson)
        .execute();
    long pk = ctx.select(CLAIM.ID).from(CLAIM).where(CLAIM.CLAIM_ID.eq(claim.claimId())).fetchSingle(CLAIM.ID);
    int seq = 0;
    for (StoredDocument d : documents) {
      ctx.insertInto(CLAIM_DOCUMENT)
          .set(CLAIM_DOCUMENT.CLAIM_PK, pk)
          .set(CLAIM_DOCUMENT.SEQ, seq++)
          .set(CLAIM_DOCUMENT.FILE_NAME, d.fileName())
          .set(CLAIM_DOCUMENT.CONTENT_HASH, d.contentHash())
          .set(CLAIM_DOCUMENT.SIZE_BYTES, d.sizeBytes())
          .execute();
    }
    return pk;
  }

  private static Condition receivedBefore(LocalDateTime endExclusive) {
    return CLAIM.STATUS.eq("RECEIVED").and(CLAIM.RECEIVED_AT.lt(endExclusive));
  }

  /** Lowest and highest key of the claims still waiting to be processed, received before the given time. */
  public Optional<long[]> pendingKeyRange(LocalDateTime endExclusive) {
    Record2<Long, Long> r = ctx.select(DSL.min(CLAIM.ID), DSL.max(CLAIM.ID)).from(CLAIM)
        .where(receivedBefore(endExclusive)).fetchOne();
    if (r == null || r.value1() == null) {
      return Optional.empty();
    }
    return Optional.of(new long[] {r.value1(), r.value2()});
  }

  public int countPending(LocalDateTime endExclusive) {
    return ctx.fetchCount(CLAIM, receivedBefore(endExclusive));
  }

  /** Keys of pending claims in [minPk, maxPk], in key order. */
  public List<Long> pendingKeys(long minPk, long maxPk, LocalDateTime endExclusive) {
    return ctx.select(CLAIM.ID).from(CLAIM)
        .where(receivedBefore(endExclusive)).and(CLAIM.ID.between(minPk, maxPk))
        .orderBy(CLAIM.ID)
        .fetch(CLAIM.ID);
  }

  public Optional<ClaimRow> find(long pk) {
    return ctx.selectFrom(CLAIM).where(CLAIM.ID.eq(pk)).fetchOptional().map(ClaimRepository::row);
  }

  public Optional<ClaimRow> find(String claimId) {
    return ctx.selectFrom(CLAIM).where(CLAIM.CLAIM_ID.eq(claimId)).fetchOptional().map(ClaimRepository::row);
  }

  public List<StoredDocument> documents(long claimPk) {
    return ctx.select(CLAIM_DOCUMENT.FILE_NAME, CLAIM_DOCUMENT.CONTENT_HASH, CLAIM_DOCUMENT.SIZE_BYTES)
        .from(CLAIM_DOCUMENT).where(CLAIM_DOCUMENT.CLAIM_PK.eq(claimPk)).orderBy(CLAIM_DOCUMENT.SEQ)
        .fetch(r -> new StoredDocument(r.value1(), r.value2(), r.value3()));
  }

  public Optional<byte[]> content(String contentHash) {
    return ctx.select(DOCUMENT_CONTENT.CONTENT).from(DOCUMENT_CONTENT)
        .where(DOCUMENT_CONTENT.CONTENT_HASH.eq(contentHash)).fetchOptional(r -> r.value1());
  }

  /**
   * Replaces the claim's extractions and flags and sets its status, so processing a claim again
   * writes the same rows once. Call inside one transaction.
   */
  public void saveResult(long claimPk, StoredResult result, Long jobExecutionId, java.time.LocalDate businessDate,
      LocalDateTime now) {
    saveResult(claimPk, result, jobExecutionId, businessDate, now, null);
  }

  /** As {@link #saveResult}, recording why the claim was parked for a human (null when processed normally). */
  public void saveResult(long claimPk, StoredResult result, Long jobExecutionId, java.time.LocalDate businessDate,
      LocalDateTime now, String parkedReason) {
    ctx.deleteFrom(RECEIPT_EXTRACTION).where(RECEIPT_EXTRACTION.CLAIM_PK.eq(claimPk)).execute();
    ctx.deleteFrom(CLAIM_FLAG).where(CLAIM_FLAG.CLAIM_PK.eq(claimPk)).execute();
    for (StoredResult.Extraction e : result.extractions()) {
      ctx.insertInto(RECEIPT_EXTRACTION)
          .set(RECEIPT_EXTRACTION.CLAIM_PK, claimPk)
          .set(RECEIPT_EXTRACTION.DOCUMENT_NAME, e.documentName())
          .set(RECEIPT_EXTRACTION.CONTENT_HASH, e.contentHash())
          .set(RECEIPT_EXTRACTION.DOCUMENT_TYPE, e.documentType())
          .set(RECEIPT_EXTRACTION.INVOICE_CODE, e.invoiceCode())
          .set(RECEIPT_EXTRACTION.INVOICE_NUMBER, e.invoiceNumber())
          .set(RECEIPT_EXTRACTION.TOTAL_AMOUNT, e.totalAmount())
          .set(RECEIPT_EXTRACTION.EXTRACTOR, e.extractor())
          .set(RECEIPT_EXTRACTION.OCR_ENGINE, e.ocrEngine())
          .set(RECEIPT_EXTRACTION.EXTRACTION_JSON, e.json())
          .set(RECEIPT_EXTRACTION.CREATED_AT, now)
          .execute();
    }
    insertFlags(claimPk, result.flags(), now);
    ctx.update(CLAIM)
        .set(CLAIM.STATUS, result.status())
        .set(CLAIM.PROCESSED_AT, now)
        .set(CLAIM.PROCESSED_JOB_EXECUTION_ID, jobExecutionId)
        .set(CLAIM.PROCESSED_BUSINESS_DATE, businessDate)
        .set(CLAIM.PARKED_REASON, parkedReason == null ? null
            : parkedReason.substring(0, Math.min(parkedReason.length(), 1000)))
        .where(CLAIM.ID.eq(claimPk))
        .execute();
  }

  private void insertFlags(long claimPk, List<StoredResult.FlagRow> flags, LocalDateTime now) {
    for (StoredResult.FlagRow f : flags) {
      ctx.insertInto(CLAIM_FLAG)
          .set(CLAIM_FLAG.CLAIM_PK, claimPk)
          .set(CLAIM_FLAG.CODE, f.code())
          .set(CLAIM_FLAG.SEVERITY, f.severity())
          .set(CLAIM_FLAG.MESSAGE, f.message())
          .set(CLAIM_FLAG.EVIDENCE_JSON, f.evidenceJson())
          .set(CLAIM_FLAG.CREATED_AT, now)
          .execute();
    }
  }

  /**
   * Receipts of other claims, processed on a night up to the given business date, with the same 票据代码 +
   * 票据号码, as claim id → document name.
   */
  public List<Map.Entry<String, String>> receiptsWithInvoice(String invoiceCode, String invoiceNumber, long exceptClaimPk,
      java.time.LocalDate upTo) {
    return ctx.select(CLAIM.CLAIM_ID, RECEIPT_EXTRACTION.DOCUMENT_NAME)
        .from(RECEIPT_EXTRACTION).join(CLAIM).on(CLAIM.ID.eq(RECEIPT_EXTRACTION.CLAIM_PK))
        .where(RECEIPT_EXTRACTION.INVOICE_CODE.eq(invoiceCode))
        .and(RECEIPT_EXTRACTION.INVOICE_NUMBER.eq(invoiceNumber))
        .and(RECEIPT_EXTRACTION.CLAIM_PK.ne(exceptClaimPk))
        .and(CLAIM.PROCESSED_BUSINESS_DATE.le(upTo))
        .orderBy(CLAIM.ID)
        .fetch(r -> Map.entry(r.value1(), r.value2()));
  }

  /** Claims the given job executions processed, and how many of them were parked for a human. */
  public int[] processedAndParked(java.util.Collection<Long> jobExecutionIds) {
    var r = ctx.select(DSL.count(), DSL.count(CLAIM.PARKED_REASON)).from(CLAIM)
        .where(CLAIM.PROCESSED_JOB_EXECUTION_ID.in(jobExecutionIds)).fetchOne();
    return new int[] {r.value1(), r.value2()};
  }

  /** Keys of the claims a run for the business date processed. */
  public List<Long> processedOn(java.time.LocalDate businessDate) {
    return ctx.select(CLAIM.ID).from(CLAIM).where(CLAIM.PROCESSED_BUSINESS_DATE.eq(businessDate)).orderBy(CLAIM.ID)
        .fetch(CLAIM.ID);
  }

  /** 票据代码 + 票据号码 + document name of each receipt read on the claim. */
  public List<String[]> invoices(long claimPk) {
    return ctx.select(RECEIPT_EXTRACTION.INVOICE_CODE, RECEIPT_EXTRACTION.INVOICE_NUMBER, RECEIPT_EXTRACTION.DOCUMENT_NAME)
        .from(RECEIPT_EXTRACTION).where(RECEIPT_EXTRACTION.CLAIM_PK.eq(claimPk))
        .and(RECEIPT_EXTRACTION.INVOICE_CODE.isNotNull()).and(RECEIPT_EXTRACTION.INVOICE_NUMBER.isNotNull())
        .orderBy(RECEIPT_EXTRACTION.ID)
        .fetch(r -> new String[] {r.value1(), r.value2(), r.value3()});
  }

  /** Replaces the claim's flags of the given codes, and makes a CLEAN claim NEEDS_REVIEW when any flag remains. */
  public void replaceFlags(long claimPk, java.util.Collection<String> codes, List<StoredResult.FlagRow> flags,
      LocalDateTime now) {
    ctx.deleteFrom(CLAIM_FLAG).where(CLAIM_FLAG.CLAIM_PK.eq(claimPk)).and(CLAIM_FLAG.CODE.in(codes)).execute();
    insertFlags(claimPk, flags, now);
    boolean flagged = ctx.fetchExists(CLAIM_FLAG, CLAIM_FLAG.CLAIM_PK.eq(claimPk));
    ctx.update(CLAIM).set(CLAIM.STATUS, flagged ? "NEEDS_REVIEW" : "CLEAN")
        .where(CLAIM.ID.eq(claimPk)).and(CLAIM.STATUS.in("CLEAN", "NEEDS_REVIEW")).execute();
  }

  public List<String> extractionJson(long claimPk) {
    return ctx.select(RECEIPT_EXTRACTION.EXTRACTION_JSON).from(RECEIPT_EXTRACTION)
        .where(RECEIPT_EXTRACTION.CLAIM_PK.eq(claimPk)).orderBy(RECEIPT_EXTRACTION.ID)
        .fetch(RECEIPT_EXTRACTION.EXTRACTION_JSON);
  }

  public List<StoredResult.FlagRow> flags(long claimPk) {
    return ctx.select(CLAIM_FLAG.CODE, CLAIM_FLAG.SEVERITY, CLAIM_FLAG.MESSAGE, CLAIM_FLAG.EVIDENCE_JSON)
        .from(CLAIM_FLAG).where(CLAIM_FLAG.CLAIM_PK.eq(claimPk)).orderBy(CLAIM_FLAG.ID)
        .fetch(r -> new StoredResult.FlagRow(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /** One page of claims for the queue, newest first, optionally only one status. */
  public List<ClaimRow> page(String status, int offset, int limit) {
    Condition c = status == null ? DSL.noCondition() : CLAIM.STATUS.eq(status);
    return ctx.selectFrom(CLAIM).where(c).orderBy(CLAIM.ID.desc()).offset(offset).limit(limit)
        .fetch(ClaimRepository::row);
  }

  public int count(String status) {
    return ctx.fetchCount(CLAIM, status == null ? DSL.noCondition() : CLAIM.STATUS.eq(status));
  }

  /** Codes of the flags on each of the given claims. */
  public Map<Long, List<String>> flagCodes(List<Long> claimPks) {
    return ctx.select(CLAIM_FLAG.CLAIM_PK, CLAIM_FLAG.CODE).from(CLAIM_FLAG)
        .where(CLAIM_FLAG.CLAIM_PK.in(claimPks)).orderBy(CLAIM_FLAG.ID)
        .fetchGroups(CLAIM_FLAG.CLAIM_PK, CLAIM_FLAG.CODE);
  }

  /** Claims counted by status. */
  public Map<String, Integer> countByStatus() {
    org.jooq.Field<Integer> n = DSL.count();
    return ctx.select(CLAIM.STATUS, n).from(CLAIM).groupBy(CLAIM.STATUS).fetchMap(CLAIM.STATUS, n);
  }

  private static ClaimRow row(ClaimRecord r) {
    return new ClaimRow(r.getId(), r.getClaimId(), r.getPolicyNo(), r.getStatus(), r.getClaimJson(),
        r.getReceivedAt(), r.getProcessedAt());
  }
}
