package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * Splits the pending claims of a business date into contiguous key ranges, one per partition.
 * The ranges are saved in each partition's context, so a restart works on the same ranges.
 */
public class ClaimKeyRangePartitioner implements Partitioner {
  static final String MIN = "minPk";
  static final String MAX = "maxPk";
  static final String END = "receivedBefore";

  private final ClaimRepository claims;
  private final LocalDateTime receivedBefore;

  public ClaimKeyRangePartitioner(ClaimRepository claims, LocalDateTime receivedBefore) {
    this.claims = claims;
    this.receivedBefore = receivedBefore;
  }

  /**
   * Always exactly {@code gridSize} partitions, some possibly empty. On a restart Spring Batch
   * partitions again and resumes only the unfinished partitions whose names it finds, with their
   * saved ranges: were the count to follow the claims left (fewer than partitions), an unfinished
   * partition could go missing and its claims stay pending for ever.
   */
  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    int n = Math.max(1, gridSize);
    Map<String, ExecutionContext> out = new LinkedHashMap<>();
    long[] range = claims.pendingKeyRange(receivedBefore).orElse(null);
    if (range == null) {
      for (int i = 0; i < n; i++) {
        out.put("partition" + i, context(1, 0));
      }
      return out;
    }
    long min = range[0];
    long max = range[1];
    long span = Math.max(1, (max - min + 1 + n - 1) / n);
    for (int i = 0; i < n; i++) {
      long lo = min + i * span;
      long hi = Math.min(max, lo + span - 1);
      // A range past the last key is empty (lo > hi): its reader finds nothing.
      out.put("partition" + i, context(lo, hi));
    }
    return out;
  }

  private ExecutionContext context(long lo, long hi) {
    ExecutionContext c = new ExecutionContext();
    c.putLong(MIN, lo);
    c.putLong(MAX, hi);
    c.putString(END, receivedBefore.toString());
    return c;
  }
}
