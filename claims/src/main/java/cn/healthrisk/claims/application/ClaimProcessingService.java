package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import cn.healthrisk.claims.anomaly.ClaimContext;
import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.anomaly.RiskScoring;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.ClaimStatus;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.persistence.AnomalyRepository;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.ClaimRow;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.claims.persistence.StoredDocument;
import cn.healthrisk.claims.persistence.StoredResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processes one received claim: reads every document, extracts and checks the receipts, and
 * raises the anomaly flags. Computing and writing are separate so the nightly job can write a
 * whole chunk in one transaction.
 */
@Service
public class ClaimProcessingService {
  private final ClaimRepository claims;
  private final PolicyRepository policies;
  private final DocumentPipeline pipeline;
  private final ClaimAnomalyRules rules;
  private final AnomalyRepository anomalies;
  private final Clock clock;
  private final ObjectMapper json = ClaimsJson.mapper();

  public ClaimProcessingService(ClaimRepository claims, PolicyRepository policies, DocumentPipeline pipeline,
      ClaimAnomalyRules rules, AnomalyRepository anomalies, Clock clock) {
    this.claims = claims;
    this.policies = policies;
    this.pipeline = pipeline;
    this.rules = rules;
    this.anomalies = anomalies;
    this.clock = clock;
  }

  /** Computes the result of one claim without writing it. */
  public ProcessedClaim process(long claimPk) {
    ClaimRow row = claims.find(claimPk)
        .orElseThrow(() -> new IllegalStateException("Claim key " + claimPk + " not found"));
    Claim claim = read(row.claimJson(), Claim.class);
    Policy policy = policies.find(row.policyNo()).orElse(null);

    List<ReceiptExtraction> receipts = new ArrayList<>();
    List<StoredResult.Extraction> stored = new ArrayList<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    Map<String, List<String>> injection = new LinkedHashMap<>();
    List<Flag> tampering = new ArrayList<>();
    for (StoredDocument doc : claims.documents(claimPk)) {
      byte[] content = claims.content(doc.contentHash()).orElse(null);
      DocumentPipeline.Outcome out = content == null
          ? DocumentPipeline.Outcome.unreadable("document content is missing from the store")
          : pipeline.process(claim.claimId(), doc.fileName(), doc.contentHash(), content);
      if (!out.injectionEvidence().isEmpty()) {
        injection.put(doc.fileName(), out.injectionEvidence());
      }
      if (!out.tampering().isEmpty()) {
        tampering.add(DocumentTampering.flag(doc.fileName(), out.tampering()));
      }
      if (out.extraction() == null) {
        unreadable.put(doc.fileName(), out.unreadableReason());
        continue;
      }
      receipts.add(out.extraction());
      ReceiptFields f = out.extraction().fields();
      stored.add(new StoredResult.Extraction(doc.fileName(), doc.contentHash(), out.extraction().documentType().name(),
          f.invoiceCode(), f.invoiceNumber(), f.totalAmount(), out.extractor(), out.ocrEngine(), out.extractionJson()));
    }

    // Receipts shared with other claims are found once the whole run is written (CrossClaimChecks).
    List<Flag> flags = new ArrayList<>(rules.evaluate(new ClaimContext(claim, policy, receipts, unreadable, injection)));
    flags.addAll(tampering);
    List<StoredResult.FlagRow> flagRows = flags.stream()
        .map(FlagRows::of)
        .toList();
    ClaimStatus status = flags.isEmpty() ? ClaimStatus.CLEAN : ClaimStatus.NEEDS_REVIEW;
    return new ProcessedClaim(claimPk, claim.claimId(), new StoredResult(status.name(), stored, flagRows),
        ClaimRisk.of(flagRows, claim.claimedAmount(), false));
  }

  /** Writes computed results; the caller's transaction (the job's chunk) makes them atomic. */
  @Transactional
  public void write(List<ProcessedClaim> results, Long jobExecutionId, java.time.LocalDate businessDate) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (ProcessedClaim r : results) {
      claims.saveResult(r.claimPk(), r.result(), jobExecutionId, businessDate, now);
      RiskScoring.Assessment risk = r.risk() != null ? r.risk()
          : ClaimRisk.of(r.result().flags(), anomalies.riskInputs(r.claimPk()).map(AnomalyRepository.RiskInputs::claimedAmount)
              .orElse(null), false);
      anomalies.saveRisk(r.claimPk(), risk.score(), risk.action().name());
    }
  }

  /**
   * Parks a claim that could not be processed: NEEDS_REVIEW with the reason, so it is never
   * dropped silently. Runs in its own transaction so it survives a chunk rollback.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void park(long claimPk, String reason, Long jobExecutionId, java.time.LocalDate businessDate) {
    StoredResult parked = new StoredResult(ClaimStatus.NEEDS_REVIEW.name(), List.of(), List.of(
        new StoredResult.FlagRow("LOW_CONFIDENCE_EXTRACTION", "HIGH",
            "自动处理失败，已转人工审核：" + reason, write(Map.of("reason", reason, "parked", true)))));
    claims.saveResult(claimPk, parked, jobExecutionId, businessDate,
        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), reason);
    RiskScoring.Assessment risk = ClaimRisk.of(parked.flags(),
        anomalies.riskInputs(claimPk).map(AnomalyRepository.RiskInputs::claimedAmount).orElse(null), true);
    anomalies.saveRisk(claimPk, risk.score(), risk.action().name());
  }

  private <T> T read(String s, Class<T> type) {
    try {
      return json.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored " + type.getSimpleName() + " JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
