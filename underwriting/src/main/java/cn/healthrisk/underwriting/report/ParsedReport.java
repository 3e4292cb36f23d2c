package cn.healthrisk.underwriting.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the parser found in one report.
 *
 * @param reportDate the checkup date printed on the report (体检日期, else 报告日期), null when none
 * @param items result rows
 * @param texts imaging, examination and summary text
 * @param lines lines of text the report held
 */
public record ParsedReport(LocalDate reportDate, List<ReportItem> items, List<ReportText> texts, int lines) {

  public ParsedReport {
    items = List.copyOf(items);
    texts = List.copyOf(texts);
  }
}
