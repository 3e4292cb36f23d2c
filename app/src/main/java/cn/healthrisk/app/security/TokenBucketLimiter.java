package cn.healthrisk.app.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** One token bucket per client, in memory: a client over its rate is told how long to wait. */
public final class TokenBucketLimiter {

  private final double perSecond;
  private final double burst;
  // A monotonic clock: wall-clock jumps must neither refill nor drain buckets.
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBucketLimiter(double perSecond, double burst, LongSupplier nanoTime) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("Rate limit needs perSecond > 0 and burst >= 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /** Takes a token for the client: 0 when allowed, else the whole seconds to wait before retrying. */
  public long acquire(String clientId) {
    return buckets.computeIfAbsent(clientId, id -> new Bucket(burst, nanoTime.getAsLong())).take();
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long take() {
      long now = nanoTime.getAsLong();
      tokens = Math.min(burst, tokens + (now - last) / (double) TimeUnit.SECONDS.toNanos(1) * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
  }
}
