package cn.healthrisk.underwriting.report;

/**
 * A piece of descriptive text of a checkup report: an imaging conclusion (甲状腺彩超: 右叶低回声结节 TI-RADS 3类),
 * an examination finding, or one entry of the summary (总检结论, 异常汇总).
 *
 * @param section the section it belongs to
 * @param text the text as printed, advice ("建议...") left out
 * @param summary whether it is an entry of the report's summary of abnormal results
 */
public record ReportText(String section, String text, boolean summary) {}
