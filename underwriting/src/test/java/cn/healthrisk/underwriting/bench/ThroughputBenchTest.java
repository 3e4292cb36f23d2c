package cn.healthrisk.underwriting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputBenchTest {

  @Test
  void countsDecisionsOnEveryThreadAndOrdersThePercentiles() throws InterruptedException {
    ThroughputBench bench = new ThroughputBench(app -> {
      long until = System.nanoTime() + 50_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return null;
    }, TypicalApplication.create("B-1"));

    ThroughputBench.Run run = bench.measure(2, 0.3);

    assertThat(run.threads()).isEqualTo(2);
    assertThat(run.decisions()).isGreaterThan(100);
    assertThat(run.p50Ms()).isGreaterThanOrEqualTo(0.05);
    assertThat(run.p50Ms()).isLessThanOrEqualTo(run.p90Ms());
    assertThat(run.p90Ms()).isLessThanOrEqualTo(run.p99Ms());
    assertThat(run.p99Ms()).isLessThanOrEqualTo(run.maxMs());
    assertThat(run.perSecondPerThread()).isEqualTo(run.perSecond() / 2);
  }
}
