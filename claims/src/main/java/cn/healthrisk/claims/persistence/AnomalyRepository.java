package cn.healthrisk.claims.persistence;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_FLAG;
import static cn.healthrisk.sql.jooq.Tables.POLICY;
import static cn.healthrisk.sql.jooq.Tables.RECEIPT_EXTRACTION;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** What the cross-claim anomaly rules read across claims, and the risk score they write. */
@Repository
public class AnomalyRepository {
  private final DSLContext ctx;

  public AnomalyRepository(DSLContext ctx) {
    this.ctx = ctx;
  }

  /** A processed claim with its insured's ID number and the receipts read on it. */
  public record InsuredClaim(long pk, String claimId, String insuredIdNumber, String claimType, String diagnosisText,
      String diagnosisIcd10, BigDecimal claimedAmount, LocalDateTime submittedAt, String status, boolean parked,
      List<Receipt> receipts) {}

  /** One stored receipt extraction: its lookup columns and the whole contract JSON. */
  public record Receipt(String documentName, String invoiceCode, String invoiceNumber, String extractionJson) {}

  /** The ID numbers of the insured persons of the given claims (through their policies). */
  public List<String> insuredIdNumbers(Collection<Long> claimPks) {
    if (claimPks.isEmpty()) {
      return List.of();
    }
    return ctx.selectDistinct(POLICY.INSURED_ID_NUMBER).from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(CLAIM.ID.in(claimPks)).orderBy(POLICY.INSURED_ID_NUMBER).fetch(POLICY.INSURED_ID_NUMBER);
  }

  /**
   * Every claim of the given insured persons processed on a night up to the given business date, whichever
   * of their policies it was made on, with its receipts; in key order.
   */
  public List<InsuredClaim> processedClaimsOf(Collection<String> insuredIdNumbers, java.time.LocalDate upTo) {
    if (insuredIdNumbers.isEmpty()) {
      return List.of();
    }
    Map<Long, InsuredClaim> claims = new LinkedHashMap<>();
    ctx.select(CLAIM.ID, CLAIM.CLAIM_ID, POLICY.INSURED_ID_NUMBER, CLAIM.CLAIM_TYPE, CLAIM.DIAGNOSIS_TEXT,
            CLAIM.DIAGNOSIS_ICD10, CLAIM.CLAIMED_AMOUNT, CLAIM.SUBMITTED_AT, CLAIM.STATUS, CLAIM.PARKED_REASON)
        .from(CLAIM).join(POLICY).on(POLICY.POLICY_NO.eq(CLAIM.POLICY_NO))
        .where(POLICY.INSURED_ID_NUMBER.in(insuredIdNumbers)).and(CLAIM.PROCESSED_AT.isNotNull())
        .and(CLAIM.PROCESSED_BUSINESS_DATE.le(upTo))
        .orderBy(CLAIM.ID)
        .forEach(r -> claims.put(r.value1(), new InsuredClaim(r.value1(), r.value2(), r.value3(), r.value4(),
            r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10() != null, new ArrayList<>())));
    if (claims.isEmpty()) {
      return List.of();
    }
    ctx.select(RECEIPT_EXTRACTION.CLAIM_PK, RECEIPT_EXTRACTION.DOCUMENT_NAME, RECEIPT_EXTRACTION.INVOICE_CODE,
            RECEIPT_EXTRACTION.INVOICE_NUMBER, RECEIPT_EXTRACTION.EXTRACTION_JSON)
        .from(RECEIPT_EXTRACTION).where(RECEIPT_EXTRACTION.CLAIM_PK.in(claims.keySet()))
        .orderBy(RECEIPT_EXTRACTION.ID)
        .forEach(r -> claims.get(r.value1()).receipts().add(new Receipt(r.value2(), r.value3(), r.value4(), r.value5())));
    return List.copyOf(claims.values());
  }

  /** The stored flags of the given claims with one of the given codes, per claim key, in the order written. */
  public Map<Long, List<StoredResult.FlagRow>> flags(Collection<Long> claimPks, Collection<String> codes) {
    Map<Long, List<StoredResult.FlagRow>> out = new LinkedHashMap<>();
    if (claimPks.isEmpty()) {
      return out;
    }
    ctx.select(CLAIM_FLAG.CLAIM_PK, CLAIM_FLAG.CODE, CLAIM_FLAG.SEVERITY, CLAIM_FLAG.MESSAGE, CLAIM_FLAG.EVIDENCE_JSON)
        .from(CLAIM_FLAG).where(CLAIM_FLAG.CLAIM_PK.in(claimPks)).and(CLAIM_FLAG.CODE.in(codes))
        .orderBy(CLAIM_FLAG.ID)
        .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>())
            .add(new StoredResult.FlagRow(r.value2(), r.value3(), r.value4(), r.value5())));
    return out;
  }

  /** The claimed amount and whether the claim was parked for a human. */
  public record RiskInputs(BigDecimal claimedAmount, boolean parked) {}

  public Optional<RiskInputs> riskInputs(long claimPk) {
    return ctx.select(CLAIM.CLAIMED_AMOUNT, CLAIM.PARKED_REASON).from(CLAIM).where(CLAIM.ID.eq(claimPk))
        .fetchOptional(r -> new RiskInputs(r.value1(), r.value2() != null));
  }

  /** Writes the claim's risk score and suggested action. */
  public void saveRisk(long claimPk, int score, String suggestedAction) {
    ctx.update(CLAIM).set(CLAIM.RISK_SCORE, score).set(CLAIM.SUGGESTED_ACTION, suggestedAction)
        .where(CLAIM.ID.eq(claimPk)).execute();
  }

  /** A stored risk score and suggested action; both null before the claim is processed. */
  public record Risk(Integer score, String suggestedAction) {}

  public Risk risk(long claimPk) {
    return ctx.select(CLAIM.RISK_SCORE, CLAIM.SUGGESTED_ACTION).from(CLAIM).where(CLAIM.ID.eq(claimPk))
        .fetchOptional(r -> new Risk(r.value1(), r.value2())).orElse(new Risk(null, null));
  }
}
