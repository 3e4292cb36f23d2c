package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.CrossClaimRules;
import cn.healthrisk.claims.anomaly.DuplicateReceiptRule;
import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.anomaly.RiskScoring;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.extraction.ReceiptJson;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.persistence.AnomalyRepository;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.StoredResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks that look across claims, run after every claim of a night is written, so two claims
 * processed side by side in different partitions still see each other, and claims of earlier nights
 * are compared too. Each claim of the night gets all its cross-claim flags recomputed and replaced, so
 * rerunning gives the same flags. Claims of earlier nights are compared with but never revised: their
 * flags, risk and status stay as the adjusters saw them, and the flag on tonight's claim names them.
 */
@Service
public class CrossClaimChecks {
  static final Set<String> CODES = Stream.concat(Stream.of(FlagCode.DUPLICATE_RECEIPT),
      CrossClaimRules.CODES.stream()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  /** When a claim has no date read from its receipts, the day it was submitted, in China. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final ClaimRepository claims;
  private final AnomalyRepository anomalies;
  private final CrossClaimRules rules;
  private final Clock clock;

  public CrossClaimChecks(ClaimRepository claims, AnomalyRepository anomalies, CrossClaimRules rules, Clock clock) {
    this.claims = claims;
    this.anomalies = anomalies;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * Applies the cross-claim checks to the claims processed for the business date, comparing them with each
   * other and with every claim processed on a night up to that date that they concern (same insured person,
   * or a shared receipt). Returns how many of tonight's claims have cross-claim flags afterwards.
   */
  @Transactional
  public int apply(LocalDate businessDate) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Long> tonight = claims.processedOn(businessDate);
    if (tonight.isEmpty()) {
      return 0;
    }
    Set<Long> open = new LinkedHashSet<>(tonight);
    List<AnomalyRepository.InsuredClaim> all = anomalies.processedClaimsOf(anomalies.insuredIdNumbers(open), businessDate);
    Set<String> openIds = all.stream().filter(c -> open.contains(c.pk())).map(AnomalyRepository.InsuredClaim::claimId)
        .collect(Collectors.toSet());

    Map<String, List<Flag>> crossFlags = new LinkedHashMap<>();
    all.stream().collect(Collectors.groupingBy(AnomalyRepository.InsuredClaim::insuredIdNumber, LinkedHashMap::new,
            Collectors.toList()))
        .values().forEach(group -> crossFlags.putAll(
            rules.evaluate(group.stream().map(CrossClaimChecks::facts).toList(), openIds)));

    List<AnomalyRepository.InsuredClaim> tonights = all.stream().filter(c -> open.contains(c.pk())).toList();
    Map<Long, List<StoredResult.FlagRow>> stored = anomalies.flags(
        tonights.stream().map(AnomalyRepository.InsuredClaim::pk).toList(), CODES);
    int flagged = 0;
    for (AnomalyRepository.InsuredClaim c : tonights) {
      List<Flag> flags = new ArrayList<>(duplicates(c, businessDate));
      flags.addAll(crossFlags.getOrDefault(c.claimId(), List.of()));
      List<StoredResult.FlagRow> rows = flags.stream().map(FlagRows::of).toList();
      if (!flags.isEmpty()) {
        flagged++;
      }
      // Only claims whose cross-claim flags changed are rewritten and rescored, so a rerun writes nothing.
      if (same(rows, stored.getOrDefault(c.pk(), List.of()))) {
        continue;
      }
      // A claim an adjuster already decided keeps its status; its flags are still brought up to date.
      claims.replaceFlags(c.pk(), CODES, rows, now);
      RiskScoring.Assessment risk = ClaimRisk.of(claims.flags(c.pk()), c.claimedAmount(), c.parked());
      anomalies.saveRisk(c.pk(), risk.score(), risk.action().name());
    }
    return flagged;
  }

  /** Same flags, evidence compared as JSON (its key order is not significant). */
  private static boolean same(List<StoredResult.FlagRow> computed, List<StoredResult.FlagRow> stored) {
    if (computed.size() != stored.size()) {
      return false;
    }
    for (int i = 0; i < computed.size(); i++) {
      StoredResult.FlagRow a = computed.get(i);
      StoredResult.FlagRow b = stored.get(i);
      if (!a.code().equals(b.code()) || !a.severity().equals(b.severity()) || !a.message().equals(b.message())
          || !evidence(a).equals(evidence(b))) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode evidence(StoredResult.FlagRow f) {
    try {
      return ClaimsJson.mapper().readTree(f.evidenceJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored flag evidence is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  /** DUPLICATE_RECEIPT within the claim and against every other claim, of any insured, up to this night. */
  private List<Flag> duplicates(AnomalyRepository.InsuredClaim c, LocalDate upTo) {
    List<DuplicateReceiptRule.ReceiptRef> refs = c.receipts().stream()
        .filter(r -> r.invoiceCode() != null && r.invoiceNumber() != null)
        .map(r -> new DuplicateReceiptRule.ReceiptRef(r.documentName(), r.invoiceCode(), r.invoiceNumber()))
        .toList();
    Map<String, List<String>> others = new LinkedHashMap<>();
    for (DuplicateReceiptRule.ReceiptRef r : refs) {
      List<String> hits = claims.receiptsWithInvoice(r.invoiceCode(), r.invoiceNumber(), c.pk(), upTo).stream()
          .map(Map.Entry::getKey).distinct().toList();
      if (!hits.isEmpty()) {
        others.put(DuplicateReceiptRule.key(r.invoiceCode(), r.invoiceNumber()), hits);
      }
    }
    List<Flag> out = new ArrayList<>(DuplicateReceiptRule.withinClaim(refs));
    out.addAll(DuplicateReceiptRule.acrossClaims(refs, others));
    return out;
  }

  /** What the cross-claim rules need of a stored claim, read from its receipt extractions. */
  static CrossClaimRules.ClaimFacts facts(AnomalyRepository.InsuredClaim c) {
    List<CrossClaimRules.Stay> stays = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<LocalDate> dates = new ArrayList<>();
    for (AnomalyRepository.Receipt r : c.receipts()) {
      ReceiptExtraction e = ReceiptJson.read(r.extractionJson());
      ReceiptFields f = e.fields();
      if (f == null) {
        continue;
      }
      f.items().stream().map(ReceiptItem::name).forEach(items::add);
      LocalDate start = f.admissionDate() != null ? f.admissionDate() : f.visitDate();
      if (start != null) {
        dates.add(start);
      }
      if (f.admissionDate() != null && f.dischargeDate() != null) {
        String key = f.invoiceCode() == null || f.invoiceNumber() == null ? null
            : DuplicateReceiptRule.key(f.invoiceCode(), f.invoiceNumber());
        stays.add(new CrossClaimRules.Stay(r.documentName(), key, f.admissionDate(), f.dischargeDate()));
      }
    }
    LocalDate serviceDate = dates.stream().min(Comparator.naturalOrder())
        .orElse(c.submittedAt() == null ? null
            : c.submittedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(CHINA).toLocalDate());
    return new CrossClaimRules.ClaimFacts(c.claimId(), c.claimType(), c.diagnosisText(), c.diagnosisIcd10(), serviceDate,
        stays, items);
  }
}
