package cn.healthrisk.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the REST API ({@code engine.api.*}, e.g. {@code ENGINE_API_MAX_BODY_BYTES},
 * {@code ENGINE_API_RATE_LIMIT_PER_SECOND}). The defaults leave room for the benchmark.
 *
 * @param maxBodyBytes largest JSON request body; multipart uploads have their own limits
 * @param rateLimit per-client token bucket
 */
@ConfigurationProperties("engine.api")
public record ApiProperties(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue RateLimit rateLimit) {

  /** Tokens added per second and the bucket size (the burst a client may send at once). */
  public record RateLimit(@DefaultValue("2000") double perSecond, @DefaultValue("4000") double burst) {}
}
