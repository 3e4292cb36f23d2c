package cn.healthrisk.claims.llm;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach an OpenAI-compatible chat-completions server. The API key comes only from the
 * environment and is never printed.
 *
 * @param baseUrl the API root, e.g. {@code http://127.0.0.1:8000/v1}
 * @param maxTokensPerClaim the completion budget of one extraction request
 */
public record LlmSettings(
    String baseUrl, String apiKey, String model, Duration timeout, int maxRetries, int maxTokensPerClaim) {

  public static final String DEFAULT_MODEL = "default";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_RETRIES = 1;
  public static final int DEFAULT_MAX_TOKENS = 2000;

  public LlmSettings {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("LLM base URL is required");
    }
    // Local servers accept any key, but the client insists on one.
    apiKey = apiKey == null || apiKey.isBlank() ? "unused" : apiKey;
    model = model == null || model.isBlank() ? DEFAULT_MODEL : model;
    timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
    if (maxRetries < 0 || maxTokensPerClaim <= 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0 and maxTokensPerClaim > 0");
    }
  }

  /** Settings from ENGINE_LLM_* variables of the process; empty when no base URL is set. */
  public static Optional<LlmSettings> fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Settings from ENGINE_LLM_BASE_URL, ENGINE_LLM_API_KEY, ENGINE_LLM_MODEL,
   * ENGINE_LLM_TIMEOUT_SECONDS (and optionally ENGINE_LLM_MAX_RETRIES, ENGINE_LLM_MAX_TOKENS).
   */
  public static Optional<LlmSettings> fromEnv(Map<String, String> env) {
    String baseUrl = env.get("ENGINE_LLM_BASE_URL");
    if (baseUrl == null || baseUrl.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new LlmSettings(baseUrl.strip(), env.get("ENGINE_LLM_API_KEY"), env.get("ENGINE_LLM_MODEL"),
        Duration.ofSeconds(intOr(env, "ENGINE_LLM_TIMEOUT_SECONDS", (int) DEFAULT_TIMEOUT.toSeconds())),
        intOr(env, "ENGINE_LLM_MAX_RETRIES", DEFAULT_MAX_RETRIES),
        intOr(env, "ENGINE_LLM_MAX_TOKENS", DEFAULT_MAX_TOKENS)));
  }

  private static int intOr(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
    }
  }

  @Override
  public String toString() {
    return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=***, model=" + model + ", timeout=" + timeout
        + ", maxRetries=" + maxRetries + ", maxTokensPerClaim=" + maxTokensPerClaim + "]";
  }
}
