package cn.healthrisk.claims.generator;

/** A deliberate error printed on a generated receipt, so anomaly checks can be measured. */
public enum Inconsistency {
  /** The receipt is internally consistent. */
  NONE,
  /** 合计 differs from the sum of the items (words agree with the printed 合计). */
  WRONG_TOTAL,
  /** 合计(大写) names a different amount than 合计(小写). */
  WRONG_WORDS,
  /** 统筹 + 其他 + 个人账户 + 个人现金 differs from 合计. */
  WRONG_SPLIT
}
