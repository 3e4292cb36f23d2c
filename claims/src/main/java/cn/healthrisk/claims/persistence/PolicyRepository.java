package cn.healthrisk.claims.persistence;

import static cn.healthrisk.sql.jooq.Tables.POLICY;

import cn.healthrisk.claims.model.Policy;
import com.fasterxml.jackson.core.JsonProcessingException;
import cn.healthrisk.claims.model.ClaimsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
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

  /**
   * Inserts the policy, or replaces it when the same policy number is imported again, as belonging to the
   * insurer (API client) {@code clientId}.
   */
  public void upsert(Policy p, LocalDateTime importedAt, String clientId) {
    String exclusions = write(p.exclusions());
    String whole = write(p);
    Map<Field<?>, Object> values = new LinkedHashMap<>();
    values.put(POLICY.APPLICATION_ID, p.applicationId());
    values.put(POLICY.PRODUCT_LINE, p.productLine());
    values.put(POLICY.INSURED_NAME, p.insured().name());
    values.put(POLICY.INSURED_ID_NUMBER, p.insured().idNumber());
    values.put(POLICY.INSURED_SEX, p.insured().sex());
    values.put(POLICY.INSURED_BIRTH_DATE, p.insured().birthDate());
    values.put(POLICY.EFFECTIVE_DATE, p.effectiveDate());
    values.put(POLICY.EXPIRY_DATE, p.expiryDate());
    values.put(POLICY.WAITING_PERIOD_DAYS, p.waitingPeriodDays());
    values.put(POLICY.SUM_INSURED, p.sumInsured());
    values.put(POLICY.DEDUCTIBLE, p.deductible());
    values.put(POLICY.HOSPITAL_REQUIREMENT, p.hospitalRequirement().name());
    values.put(POLICY.EXCLUSIONS_JSON, exclusions);
    values.put(POLICY.POLICY_JSON, whole);
    values.put(POLICY.IMPORTED_AT, importedAt);
    values.put(POLICY.CLIENT_ID, clientId);
    ctx.insertInto(POLICY)
        .set(POLICY.POLICY_NO, p.policyNo())
        .set(values)
        .onDuplicateKeyUpdate()
        .set(values)
        .execute();
  }

  public Optional<Policy> find(String policyNo) {
    return ctx.select(POLICY.POLICY_JSON).from(POLICY).where(POLICY.POLICY_NO.eq(policyNo))
        .fetchOptional(POLICY.POLICY_JSON)
        .map(this::read);
  }

  /** The insurer the policy belongs to, when the policy exists and has one. */
  public Optional<String> clientId(String policyNo) {
    return ctx.select(POLICY.CLIENT_ID).from(POLICY).where(POLICY.POLICY_NO.eq(policyNo))
        .fetchOptional(POLICY.CLIENT_ID);
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
