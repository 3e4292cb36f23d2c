package cn.healthrisk.claims.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.anomaly.AnomalySettings;
import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code engine.claims.anomaly.*} binds to the rules' thresholds, with the contract's defaults. */
class AnomalyConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(AnomalyConfiguration.class);

  @Test
  void defaultsAreTheContracts() {
    runner.run(ctx -> {
      assertThat(ctx.getBean(AnomalySettings.class)).isEqualTo(AnomalySettings.defaults());
      assertThat(ctx.getBean(ClaimAnomalyRules.class).settings()).isEqualTo(AnomalySettings.defaults());
    });
  }

  @Test
  void propertiesOverrideEachThreshold() {
    runner.withPropertyValues("engine.claims.anomaly.amount-tolerance=1.50",
        "engine.claims.anomaly.split-stay-window-days=10", "engine.claims.anomaly.frequency-window-days=60",
        "engine.claims.anomaly.frequency-max-claims=6").run(ctx -> assertThat(ctx.getBean(AnomalySettings.class))
        .isEqualTo(new AnomalySettings(new BigDecimal("1.50"), 10, 60, 6)));
  }

  @Test
  void aBadThresholdStopsStartUpNamingTheProperty() {
    runner.withPropertyValues("engine.claims.anomaly.frequency-max-claims=0").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("engine.claims.anomaly.frequency-max-claims");
    });
  }
}
