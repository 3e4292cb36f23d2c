package cn.healthrisk.claims.persistence;

import static cn.healthrisk.sql.jooq.Tables.POLICY;

import cn.healthrisk.claims.model.Policy;
import com.fasterxml.jackson.core.JsonProcessingException;
import cn.healthrisk.claims.model.ClaimsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Policies, stored with their full contract JSON so exclusions travel unchanged into claims review. */
@Repository
public class PolicyRepository {
  private final DSLContext ctx;
  private final ObjectMapper json;

  public PolicyRepository(DSLContext ctx) {
    this.ctx = ctx;
    this.json = ClaimsJson.mapper();
  }

  /** Inserts the policy, or replaces it when the same policy number is imported again. */
  public void upsert(Policy p, LocalDateTime importedAt) {
    String exclusions = write(p.exclusions());
    String whole = write(p);
    ctx.insertInto(POLICY)
        .set(POLICY.POLICY_NO, p.policyNo())
        .set(POLICY.APPLICATION_ID, p.applicationId())
        .set(POLICY.PRODUCT_LINE, p.productLine())
        .set(POLICY.INSURED_NAME, p.insured().name())
        .set(POLICY.INSURED_ID_NUMBER, p.insured().idNumber())
        .set(POLICY.INSURED_SEX, p.insured().sex())
        .set(POLICY.INSURED_BIRTH_DATE, p.insured().birthDate())
        .set(POLICY.EFFECTIVE_DATE, p.effectiveDate())
        .set(POLICY.EXPIRY_DATE, p.expiryDate())
        .set(POLICY.WAITING_PERIOD_DAYS, p.waitingPeriodDays())
        .set(POLICY.SUM_INSURED, p.sumInsured())
        .set(POLICY.DEDUCTIBLE, p.deductible())
        .set(POLICY.HOSPITAL_REQUIREMENT, p.hospitalRequirement().name())
        .set(POLICY.EXCLUSIONS_JSON, exclusions)
        .set(POLICY.POLICY_JSON, whole)
        .set(POLICY.IMPORTED_AT, importedAt)
        .onDuplicateKeyUpdate()
        .set(POLICY.APPLICATION_ID, p.applicationId())
        .set(POLICY.PRODUCT_LINE, p.productLine())
        .set(POLICY.INSURED_NAME, p.insured().name())
        .set(POLICY.INSURED_ID_NUMBER, p.insured().idNumber())
        .set(POLICY.INSURED_SEX, p.insured().sex())
        .set(POLICY.INSURED_BIRTH_DATE, p.insured().birthDate())
        .set(POLICY.EFFECTIVE_DATE, p.effectiveDate())
        .set(POLICY.EXPIRY_DATE, p.expiryDate())
        .set(POLICY.WAITING_PERIOD_DAYS, p.waitingPeriodDays())
        .set(POLICY.SUM_INSURED, p.sumInsured())
        .set(POLICY.DEDUCTIBLE, p.deductible())
        .set(POLICY.HOSPITAL_REQUIREMENT, p.hospitalRequirement().name())
        .set(POLICY.EXCLUSIONS_JSON, exclusions)
        .set(POLICY.POLICY_JSON, whole)
        .set(POLICY.IMPORTED_AT, importedAt)
        .execute();
  }

  public Optional<Policy> find(String policyNo) {
    return ctx.select(POLICY.POLICY_JSON).from(POLICY).where(POLICY.POLICY_NO.eq(policyNo))
        .fetchOptional(POLICY.POLICY_JSON)
        .map(this::read);
  }

  public boolean exists(String policyNo) {
    return ctx.fetchExists(POLICY, POLICY.POLICY_NO.eq(policyNo));
  }

  public int count() {
    return ctx.fetchCount(POLICY);
  }

  private Policy read(String s) {
    try {
      return json.readValue(s, Policy.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored policy JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Policy cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
