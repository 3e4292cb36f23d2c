package cn.healthrisk.underwriting.report;

/**
 * One result row of a checkup report as printed: the engine judges it by the knowledge base's own
 * aliases, units and reference ranges, not by the report's range or arrow, which are kept for the record.
 *
 * @param section the report section it was printed under (血常规, 肝功能 ...), null when none
 * @param name the item's name as printed (谷丙转氨酶(ALT), HBsAg ...)
 * @param value the result: a number, a pair such as 135/85, or a qualitative result (阴性, 阳性, 2+)
 * @param unit the unit as printed (after fixing common OCR confusions), null when none
 * @param range the report's reference range, null when none
 * @param flag the report's abnormal flag (↑, ↓, H, L), null when none
 * @param qualitative a qualitative word printed beside a numeric result (0.01 阴性), null when none
 */
public record ReportItem(String section, String name, String value, String unit, String range, String flag,
    String qualitative) {}
