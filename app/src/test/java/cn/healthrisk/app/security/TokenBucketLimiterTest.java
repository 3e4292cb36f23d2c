package cn.healthrisk.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final TokenBucketLimiter limiter = new TokenBucketLimiter(2, 3, now::get);

  @Test
  void allowsTheBurstThenAsksToWaitUntilATokenIsBack() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    assertThat(limiter.acquire("b")).as("buckets are per client").isZero();

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }

  @Test
  void refillsNoMoreThanTheBurst() {
    now.addAndGet(TimeUnit.HOURS.toNanos(1));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isPositive();
  }
}
