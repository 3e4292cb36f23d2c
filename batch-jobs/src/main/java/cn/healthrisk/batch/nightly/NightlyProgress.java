package cn.healthrisk.batch.nightly;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Live counters of the running nightly job, for the progress bar and the status page. */
@Component
public class NightlyProgress {
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger parked = new AtomicInteger();
  private final AtomicLong startedNanos = new AtomicLong();

  void start(int pending) {
    total.set(pending);
    done.set(0);
    parked.set(0);
    startedNanos.set(System.nanoTime());
  }

  void written(int n) {
    done.addAndGet(n);
  }

  void parked() {
    parked.incrementAndGet();
    done.incrementAndGet();
  }

  /** Counts observed from outside this JVM (worker processes): claims done so far, parked among them. */
  void observed(int doneSoFar, int parkedSoFar) {
    done.set(doneSoFar);
    parked.set(parkedSoFar);
  }

  /** A snapshot: claims done out of total, parked among them, seconds elapsed. */
  public Snapshot snapshot() {
    long started = startedNanos.get();
    double secs = started == 0 ? 0 : (System.nanoTime() - started) / 1e9;
    return new Snapshot(done.get(), total.get(), parked.get(), secs);
  }

  /** Progress at one moment. */
  public record Snapshot(int done, int total, int parked, double elapsedSeconds) {
    public double perMinute() {
      return elapsedSeconds <= 0 ? 0 : done * 60.0 / elapsedSeconds;
    }

    /** Seconds left at the current pace, or -1 when unknown. */
    public double etaSeconds() {
      return done == 0 ? -1 : (total - done) * elapsedSeconds / done;
    }
  }
}
