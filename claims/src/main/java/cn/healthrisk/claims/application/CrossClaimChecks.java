package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.DuplicateReceiptRule;
import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks that look across claims, run after every claim of a night is written, so two claims
 * processed side by side in different partitions still see each other. Rerunning gives the same flags.
 */
@Service
public class CrossClaimChecks {
  static final Set<String> CODES = Set.of(FlagCode.DUPLICATE_RECEIPT.name());

  private final ClaimRepository claims;
  private final Clock clock;

  public CrossClaimChecks(ClaimRepository claims, Clock clock) {
    this.claims = claims;
    this.clock = clock;
  }

  /** Applies the cross-claim checks to the claims processed for the business date; returns how many got flags. */
  @Transactional
  public int apply(LocalDate businessDate) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int flagged = 0;
    for (long pk : claims.processedOn(businessDate)) {
      List<DuplicateReceiptRule.ReceiptRef> refs = new ArrayList<>();
      Map<String, List<String>> others = new LinkedHashMap<>();
      for (String[] inv : claims.invoices(pk)) {
        refs.add(new DuplicateReceiptRule.ReceiptRef(inv[2], inv[0], inv[1]));
        List<String> hits = claims.receiptsWithInvoice(inv[0], inv[1], pk).stream().map(Map.Entry::getKey)
            .distinct().toList();
        if (!hits.isEmpty()) {
          others.put(DuplicateReceiptRule.key(inv[0], inv[1]), hits);
        }
      }
      List<Flag> flags = DuplicateReceiptRule.acrossClaims(refs, others);
      // A claim an adjuster already decided keeps its status; its flags are still brought up to date.
      claims.replaceFlags(pk, CODES, flags.stream().map(FlagRows::of).toList(), now);
      if (!flags.isEmpty()) {
        flagged++;
      }
    }
    return flagged;
  }
}
