package cn.healthrisk.underwriting.bench;

import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.Decision;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Measures in-process decisions per second, one thread and N threads, and the latency of single
 * decisions. Timing uses {@code System.nanoTime}: this measures the machine, it decides nothing.
 */
public final class ThroughputBench {

  /** Latency samples kept per run; enough for percentiles, bounded so a long run stays small. */
  private static final int MAX_SAMPLES = 2_000_000;

  private final Function<Application, Decision> decide;
  private final Application application;

  public ThroughputBench(Function<Application, Decision> decide, Application application) {
    this.decide = decide;
    this.application = application;
  }

  /** Decisions per second and latency percentiles (milliseconds) of one run. */
  public record Run(int threads, long decisions, double seconds, double cpuSeconds, double p50Ms, double p90Ms,
      double p99Ms, double maxMs) {
    public double perSecond() {
      return decisions / seconds;
    }

    /**
     * Decisions per second of CPU time the deciding threads got: what one core does when it is not
     * shared, and so the figure that survives other work on a busy machine.
     */
    public double perCpuSecond() {
      return cpuSeconds == 0 ? 0 : decisions / cpuSeconds;
    }

    public double perSecondPerThread() {
      return perSecond() / threads;
    }
  }

  /** Runs the engine for {@code seconds} so the JIT has compiled the hot path before anything is measured. */
  public void warmUp(double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        decide.apply(application);
      }
    }
  }

  /** Decides the application over and over on {@code threads} threads for {@code seconds}. */
  public Run measure(int threads, double seconds) throws InterruptedException {
    long[][] samples = new long[threads][];
    int[] counts = new int[threads];
    LongAdder total = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    long[] window = new long[2];
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int t = 0; t < threads; t++) {
      int me = t;
      samples[me] = new long[Math.max(1024, MAX_SAMPLES / threads)];
      Thread w = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long end = window[0] + window[1];
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long[] mine = samples[me];
        int n = 0;
        long done = 0;
        while (true) {
          long t0 = System.nanoTime();
          if (t0 >= end) {
            break;
          }
          decide.apply(application);
          long took = System.nanoTime() - t0;
          // Past the buffer, overwrite a rotating slot: later samples still count, memory stays bounded.
          mine[n < mine.length ? n : (int) (done % mine.length)] = took;
          n = Math.min(n + 1, mine.length);
          done++;
        }
        cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
        counts[me] = n;
        total.add(done);
      }, "bench-" + t);
      workers.add(w);
    }
    workers.forEach(Thread::start);
    window[0] = System.nanoTime();
    window[1] = (long) (seconds * 1e9);
    long began = System.nanoTime();
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - began) / 1e9;
    int all = Arrays.stream(counts).sum();
    long[] merged = new long[all];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(samples[t], 0, merged, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(merged);
    return new Run(threads, total.sum(), elapsed, cpuNanos.sum() / 1e9, percentile(merged, 50), percentile(merged, 90),
        percentile(merged, 99), merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
