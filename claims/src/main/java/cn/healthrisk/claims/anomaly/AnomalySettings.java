package cn.healthrisk.claims.anomaly;

import java.math.BigDecimal;

/**
 * Thresholds of the anomaly rules; the defaults are the contract's.
 *
 * @param amountTolerance largest difference that is not a mismatch: the claimed amount against the receipts' total,
 *     and a receipt's items or payment lines against its 合计 (合计 in words has none)
 * @param splitStayWindowDays a readmission at most this many days after a discharge, for a related diagnosis, is a
 *     split stay (15: day 15 is split, day 16 is not)
 * @param frequencyWindowDays claims whose service dates lie at most this many days apart count together (30)
 * @param frequencyMaxClaims more claims than this within the window raise HIGH_FREQUENCY (4: five claims do)
 */
public record AnomalySettings(BigDecimal amountTolerance, int splitStayWindowDays, int frequencyWindowDays,
    int frequencyMaxClaims) {

  public static final BigDecimal DEFAULT_AMOUNT_TOLERANCE = new BigDecimal("0.01");
  public static final int DEFAULT_SPLIT_STAY_WINDOW_DAYS = 15;
  public static final int DEFAULT_FREQUENCY_WINDOW_DAYS = 30;
  public static final int DEFAULT_FREQUENCY_MAX_CLAIMS = 4;

  public AnomalySettings {
    if (amountTolerance == null || amountTolerance.signum() < 0) {
      throw new IllegalArgumentException("engine.claims.anomaly.amount-tolerance must be zero or more, not "
          + amountTolerance);
    }
    if (splitStayWindowDays < 0) {
      throw new IllegalArgumentException("engine.claims.anomaly.split-stay-window-days must be zero or more, not "
          + splitStayWindowDays);
    }
    if (frequencyWindowDays < 0) {
      throw new IllegalArgumentException("engine.claims.anomaly.frequency-window-days must be zero or more, not "
          + frequencyWindowDays);
    }
    if (frequencyMaxClaims < 1) {
      throw new IllegalArgumentException("engine.claims.anomaly.frequency-max-claims must be at least 1, not "
          + frequencyMaxClaims);
    }
  }

  public static AnomalySettings defaults() {
    return new AnomalySettings(DEFAULT_AMOUNT_TOLERANCE, DEFAULT_SPLIT_STAY_WINDOW_DAYS,
        DEFAULT_FREQUENCY_WINDOW_DAYS, DEFAULT_FREQUENCY_MAX_CLAIMS);
  }
}
