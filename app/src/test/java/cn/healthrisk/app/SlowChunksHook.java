package cn.healthrisk.app;

import cn.healthrisk.batch.nightly.ChunkFaultInjector;
import org.springframework.context.annotation.Bean;

/**
 * Test-only: makes every chunk of the nightly run wait before it is written, so a test can kill
 * the engine while partitions are running. A child engine process gets it with
 * {@code -Dspring.main.sources=cn.healthrisk.app.SlowChunksHook -Dengine.test.chunk-delay-ms=N}.
 * Deliberately not a {@code @Configuration}: component scanning in other tests must not find it.
 */
public class SlowChunksHook {

  @Bean
  ChunkFaultInjector slowChunks() {
    long delayMs = Long.getLong("engine.test.chunk-delay-ms", 300);
    return claimIds -> {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
