package cn.healthrisk.kb.model;

/**
 * One of the contract's product lines, e.g. {@code MILLION_MEDICAL 百万医疗险}, with the waiting period a
 * policy of the line carries by default when it is issued from an underwriting decision.
 */
public record ProductLine(String code, String name, int defaultWaitingPeriodDays) {

  /** A product line without a waiting period of its own. */
  public ProductLine(String code, String name) {
    this(code, name, 0);
  }
}
