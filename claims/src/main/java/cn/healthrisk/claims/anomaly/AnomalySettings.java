package cn.healthrisk.claims.anomaly;

import java.math.BigDecimal;

/** Thresholds of the anomaly rules; the defaults are the contract's. */
public record AnomalySettings(BigDecimal amountTolerance) {
  public static AnomalySettings defaults() {
    return new AnomalySettings(new BigDecimal("0.01"));
  }
}
