package cn.healthrisk.batch.nightly;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly claims run.
 *
 * @param partitions how many partitions the claim step is split into (local threads by default)
 * @param chunkSize claims written per transaction
 * @param retryLimit attempts for a transient failure (deadlock, lost connection) before a claim is parked
 * @param zone the time zone in which a business date starts and ends
 */
@ConfigurationProperties("engine.batch")
public record NightlyJobProperties(
    @DefaultValue("2") int partitions,
    @DefaultValue("4") int chunkSize,
    @DefaultValue("3") int retryLimit,
    @DefaultValue("Asia/Shanghai") ZoneId zone) {}
