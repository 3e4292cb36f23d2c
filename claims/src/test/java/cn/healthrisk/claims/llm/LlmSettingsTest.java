package cn.healthrisk.claims.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  @Test
  void isEmptyWithoutABaseUrl() {
    assertThat(LlmSettings.fromEnv(Map.of("ENGINE_LLM_MODEL", "qwen"))).isEmpty();
    assertThat(LlmSettings.fromEnv(Map.of("ENGINE_LLM_BASE_URL", " "))).isEmpty();
  }

  @Test
  void readsTheEnvironmentAndHidesTheKey() {
    LlmSettings s = LlmSettings.fromEnv(Map.of("ENGINE_LLM_BASE_URL", "http://127.0.0.1:8000/v1",
        "ENGINE_LLM_API_KEY", "sk-secret", "ENGINE_LLM_MODEL", "qwen2.5", "ENGINE_LLM_TIMEOUT_SECONDS", "7")).orElseThrow();
    assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
    assertThat(s.model()).isEqualTo("qwen2.5");
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(s.maxRetries()).isEqualTo(LlmSettings.DEFAULT_MAX_RETRIES);
    assertThat(s.maxTokensPerClaim()).isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
    assertThat(s.toString()).doesNotContain("sk-secret");
  }

  @Test
  void rejectsANonNumericTimeout() {
    assertThatThrownBy(() -> LlmSettings.fromEnv(Map.of("ENGINE_LLM_BASE_URL", "http://x/v1",
        "ENGINE_LLM_TIMEOUT_SECONDS", "soon"))).hasMessageContaining("ENGINE_LLM_TIMEOUT_SECONDS");
  }
}
