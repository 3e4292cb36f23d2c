package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads the keys of the claims of one partition that are still RECEIVED.
 *
 * <p>The claim's status is the process indicator: a processed claim is written with its new
 * status in the same transaction as its results, so a restart simply reads what is still
 * pending. The reader keeps no position of its own.
 */
public class PendingClaimReader implements ItemStreamReader<Long> {
  private final ClaimRepository claims;
  private final long minPk;
  private final long maxPk;
  private final LocalDateTime receivedBefore;
  private Deque<Long> keys;

  public PendingClaimReader(ClaimRepository claims, long minPk, long maxPk, LocalDateTime receivedBefore) {
    this.claims = claims;
    this.minPk = minPk;
    this.maxPk = maxPk;
    this.receivedBefore = receivedBefore;
  }

  @Override
  public void open(ExecutionContext executionContext) {
    keys = new ArrayDeque<>(claims.pendingKeys(minPk, maxPk, receivedBefore));
  }

  @Override
  public synchronized Long read() {
    return keys == null ? null : keys.pollFirst();
  }
}
