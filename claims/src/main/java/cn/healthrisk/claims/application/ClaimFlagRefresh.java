package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import cn.healthrisk.claims.anomaly.ClaimContext;
import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.anomaly.RiskScoring;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptJson;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.persistence.AnomalyRepository;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.ClaimRow;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.claims.persistence.StoredResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Re-runs the per-claim rules that read the receipts' fields after a person corrected one, so the flags, the
 * risk score and the suggestion match the corrected values. Runs inside the caller's transaction.
 *
 * <p>What the documents themselves showed is not re-read and stays as found: unreadable documents, prompt
 * injection and tampering. Flags across claims (duplicates, split and overlapping stays, frequency) stay as the
 * night's cross-claim step wrote them. A parked claim has no extraction to re-check and is left alone.
 */
@Service
public class ClaimFlagRefresh {
  /** The codes computed from the receipts' fields, replaced on every refresh. */
  static final Set<String> FIELD_CODES = Stream.of(FlagCode.LOW_CONFIDENCE_EXTRACTION, FlagCode.RECEIPT_TOTAL_MISMATCH,
          FlagCode.PAYMENT_SPLIT_MISMATCH, FlagCode.CLAIMED_AMOUNT_MISMATCH, FlagCode.PAYER_MISMATCH,
          FlagCode.DATE_INCONSISTENT, FlagCode.OUTSIDE_POLICY_PERIOD, FlagCode.WAITING_PERIOD,
          FlagCode.EXCLUDED_CONDITION, FlagCode.INELIGIBLE_HOSPITAL)
      .map(Enum::name).collect(Collectors.toUnmodifiableSet());

  /** Which flag codes a refresh raised anew and which it cleared. */
  public record Change(Set<String> added, Set<String> cleared) {
    public static final Change NONE = new Change(Set.of(), Set.of());

    public boolean isEmpty() {
      return added.isEmpty() && cleared.isEmpty();
    }

    /** For the audit trail: "新增 PAYER_MISMATCH；消除 RECEIPT_TOTAL_MISMATCH", or null when nothing changed. */
    public String describe() {
      if (isEmpty()) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      if (!added.isEmpty()) {
        parts.add("新增 " + String.join("、", added));
      }
      if (!cleared.isEmpty()) {
        parts.add("消除 " + String.join("、", cleared));
      }
      return "标记更新：" + String.join("；", parts);
    }
  }

  private final ClaimRepository claims;
  private final PolicyRepository policies;
  private final AnomalyRepository anomalies;
  private final ClaimAnomalyRules rules;

  public ClaimFlagRefresh(ClaimRepository claims, PolicyRepository policies, AnomalyRepository anomalies,
      ClaimAnomalyRules rules) {
    this.claims = claims;
    this.policies = policies;
    this.anomalies = anomalies;
    this.rules = rules;
  }

  /** Recomputes the field flags of one claim from its stored extractions, and its risk score. */
  public Change refresh(long claimPk, LocalDateTime now) {
    ClaimRow row = claims.find(claimPk).orElseThrow(() -> new IllegalStateException("Claim key " + claimPk + " not found"));
    boolean parked = anomalies.riskInputs(claimPk).map(AnomalyRepository.RiskInputs::parked).orElse(false);
    if (parked) {
      return Change.NONE;
    }
    Claim claim;
    try {
      claim = ClaimsJson.mapper().readValue(row.claimJson(), Claim.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored claim JSON is unreadable: " + e.getOriginalMessage(), e);
    }
    List<ReceiptExtraction> receipts = claims.extractionJson(claimPk).stream().map(ReceiptJson::read).toList();
    List<StoredResult.FlagRow> before = claims.flags(claimPk);
    Map<String, String> unreadable = new LinkedHashMap<>();
    for (StoredResult.FlagRow f : before) {
      if (FlagCode.UNREADABLE_DOCUMENT.name().equals(f.code())) {
        JsonNode e = evidence(f);
        unreadable.put(e.path("document").asText("?"), e.path("reason").asText(""));
      }
    }
    ClaimContext ctx = new ClaimContext(claim, policies.find(row.policyNo()).orElse(null), receipts, unreadable,
        Map.of(), Map.of());
    List<Flag> fieldFlags = rules.evaluate(ctx).stream().filter(f -> FIELD_CODES.contains(f.code().name())).toList();
    List<StoredResult.FlagRow> rows = fieldFlags.stream().map(FlagRows::of).toList();

    Set<String> had = codes(before.stream().filter(f -> FIELD_CODES.contains(f.code())).toList());
    Set<String> has = codes(rows);
    claims.replaceFlags(claimPk, FIELD_CODES, rows, now);
    RiskScoring.Assessment risk = ClaimRisk.of(claims.flags(claimPk), claim.claimedAmount(), false);
    anomalies.saveRisk(claimPk, risk.score(), risk.action().name());
    Set<String> added = new TreeSet<>(has);
    added.removeAll(had);
    Set<String> cleared = new TreeSet<>(had);
    cleared.removeAll(has);
    return new Change(added, cleared);
  }

  private static Set<String> codes(List<StoredResult.FlagRow> flags) {
    return flags.stream().map(StoredResult.FlagRow::code).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonNode evidence(StoredResult.FlagRow f) {
    try {
      return ClaimsJson.mapper().readTree(f.evidenceJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored flag evidence is unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
