package cn.healthrisk.batch.nightly;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly claims run.
 *
 * @param partitions how many partitions the claim step is split into
 * @param chunkSize claims written per transaction
 * @param retryLimit attempts for a transient failure (deadlock, lost connection) before a claim is parked
 * @param zone the time zone in which a business date starts and ends
 * @param workerMode where the partitions run: {@code threads} (default), threads of the engine's own JVM, which
 *     share its one OCR engine; or {@code processes}, one worker JVM per partition, each with an OCR engine
 *     of its own, started by the engine and stopped with it
 * @param workerLogDir where worker processes write their output, one file per partition execution
 * @param workerPollInterval how often the manager looks at its workers and their step executions
 */
@ConfigurationProperties("engine.batch")
public record NightlyJobProperties(
    @DefaultValue("2") int partitions,
    @DefaultValue("4") int chunkSize,
    @DefaultValue("3") int retryLimit,
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("threads") WorkerMode workerMode,
    @DefaultValue("data/logs/workers") Path workerLogDir,
    @DefaultValue("500ms") Duration workerPollInterval) {

  /** Where the partitions of the claim step run. */
  public enum WorkerMode {
    /** Threads of the engine's JVM (the default). */
    THREADS,
    /** One worker JVM per partition. */
    PROCESSES
  }
}
