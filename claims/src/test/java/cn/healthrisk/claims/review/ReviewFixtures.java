package cn.healthrisk.claims.review;

import static cn.healthrisk.sql.jooq.Tables.API_CLIENT;
import static cn.healthrisk.sql.jooq.Tables.CLAIM;

import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.claims.persistence.StoredDocument;
import cn.healthrisk.claims.persistence.StoredResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.jooq.DSLContext;

/** Builds reviewed-claim data straight into a test database: insurers, policies, processed claims. */
public final class ReviewFixtures {
  private final DSLContext ctx;
  private final PolicyRepository policies;
  private final ClaimRepository claims;

  public ReviewFixtures(DSLContext ctx) {
    this.ctx = ctx;
    this.policies = new PolicyRepository(ctx);
    this.claims = new ClaimRepository(ctx);
  }

  public void insurer(String clientId) {
    ctx.insertInto(API_CLIENT).set(API_CLIENT.CLIENT_ID, clientId).set(API_CLIENT.NAME, clientId)
        .set(API_CLIENT.CREATED_AT, LocalDateTime.of(2026, 1, 1, 0, 0)).onDuplicateKeyIgnore().execute();
  }

  /** A policy of the insurer for the insured with the given ID number. */
  public void policy(String clientId, String policyNo, String insuredName, String idNumber) {
    Policy p = new Policy(policyNo, "A-" + policyNo, "MILLION_MEDICAL",
        new Policy.Insured(insuredName, idNumber, "F", LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31), 30, new BigDecimal("3000000.00"), new BigDecimal("0.00"),
        Policy.HospitalRequirement.ANY,
        List.of(new Policy.Exclusion("甲状腺疾病不予赔付", List.of("E04", "C73"))));
    policies.upsert(p, LocalDateTime.of(2026, 1, 1, 0, 0), clientId);
  }

  /**
   * A processed claim with one receipt {@code receipt.png} (its bytes {@code image}), its extraction, the flags
   * given (status NEEDS_REVIEW when there are any, else CLEAN) and a risk score.
   */
  public long claim(String claimId, String policyNo, String amount, LocalDateTime receivedAt, String hospital,
      Integer risk, byte[] image, String... flagCodes) {
    Claim c;
    String claimJson = "{\"claimId\": \"" + claimId + "\", \"policyNo\": \"" + policyNo
        + "\", \"claimType\": \"OUTPATIENT\", \"diagnosis\": {\"text\": \"急性胃肠炎\", \"icd10\": \"K52.900\"}, "
        + "\"claimedAmount\": \"" + amount + "\", \"submittedAt\": \"2026-11-20T08:00:00Z\", "
        + "\"documents\": [\"receipt.png\"]}";
    try {
      c = ClaimsJson.mapper().readValue(claimJson, Claim.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String hash = sha256(image);
    claims.storeContent(hash, image);
    long pk = claims.insert(c, claimJson, receivedAt,
        List.of(new StoredDocument("receipt.png", hash, image.length)));
    List<StoredResult.FlagRow> flags = java.util.Arrays.stream(flagCodes)
        .map(f -> new StoredResult.FlagRow(f, "HIGH", "标记 " + f, "{\"document\": \"receipt.png\", \"field\": \"totalAmount\"}"))
        .toList();
    StoredResult result = new StoredResult(flags.isEmpty() ? "CLEAN" : "NEEDS_REVIEW",
        List.of(new StoredResult.Extraction("receipt.png", hash, "OUTPATIENT_RECEIPT", "33060125", "0012345678",
            new BigDecimal(amount), "rules", "rapidocr", extraction(claimId, hospital, amount))),
        flags);
    claims.saveResult(pk, result, null, LocalDate.of(2026, 11, 20), receivedAt);
    ctx.update(CLAIM).set(CLAIM.RISK_SCORE, risk)
        .set(CLAIM.SUGGESTED_ACTION, risk == null ? null : risk >= 60 ? "SUGGEST_INVESTIGATE" : "SUGGEST_APPROVE")
        .where(CLAIM.ID.eq(pk)).execute();
    return pk;
  }

  /** A receipt extraction whose items (two charges) sum to {@code amount} only when amount is 100.00. */
  public static String extraction(String claimId, String hospital, String amount) {
    return "{\"claimId\": \"" + claimId + "\", \"document\": \"receipt.png\", \"documentType\": \"OUTPATIENT_RECEIPT\", "
        + "\"fields\": {\"invoiceCode\": \"33060125\", \"invoiceNumber\": \"0012345678\", \"checkCode\": null, "
        + "\"payerName\": \"王丽\", \"payerIdMasked\": null, \"issueDate\": \"2026-03-15\", \"hospitalName\": \""
        + hospital + "\", \"hospitalType\": null, \"insuranceType\": null, \"visitDate\": \"2026-03-15\", "
        + "\"admissionDate\": null, \"dischargeDate\": null, \"hospitalDays\": null, "
        + "\"items\": [{\"name\": \"西药费\", \"amount\": \"60.00\"}, {\"name\": \"检查费\", \"amount\": \"40.00\"}], "
        + "\"totalAmount\": \"" + amount + "\", \"totalAmountInWords\": null, \"fundPayment\": null, "
        + "\"otherPayment\": null, \"personalAccountPayment\": null, \"personalCashPayment\": null, "
        + "\"selfPayPortion\": null, \"selfExpense\": null}, \"fieldConfidence\": {}, "
        + "\"validations\": [{\"check\": \"ITEMS_SUM_EQUALS_TOTAL\", \"passed\": false}]}";
  }

  public static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
