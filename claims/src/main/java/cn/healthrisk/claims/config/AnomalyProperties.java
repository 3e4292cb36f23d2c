package cn.healthrisk.claims.config;

import cn.healthrisk.claims.anomaly.AnomalySettings;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the anomaly rules, {@code engine.claims.anomaly.*} (environment variables
 * {@code ENGINE_CLAIMS_ANOMALY_*}); the defaults are the contract's.
 *
 * @param amountTolerance CLAIMED_AMOUNT_MISMATCH, RECEIPT_TOTAL_MISMATCH (items against 合计) and
 *     PAYMENT_SPLIT_MISMATCH only beyond this difference (yuan)
 * @param splitStayWindowDays SPLIT_HOSPITALIZATION: readmission at most this many days after a discharge
 * @param frequencyWindowDays HIGH_FREQUENCY: claims whose service dates lie at most this many days apart
 * @param frequencyMaxClaims HIGH_FREQUENCY: raised when more claims than this fall in one window
 */
@ConfigurationProperties("engine.claims.anomaly")
public record AnomalyProperties(
    @DefaultValue("0.01") BigDecimal amountTolerance,
    @DefaultValue("15") int splitStayWindowDays,
    @DefaultValue("30") int frequencyWindowDays,
    @DefaultValue("4") int frequencyMaxClaims) {

  public AnomalySettings settings() {
    return new AnomalySettings(amountTolerance, splitStayWindowDays, frequencyWindowDays, frequencyMaxClaims);
  }
}
