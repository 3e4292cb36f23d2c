package cn.healthrisk.app.api;

import cn.healthrisk.batch.nightly.NightlyRunService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/batch/runs}: running and past nightly runs with their counts, newest first. */
@RestController
public class BatchRunsController {
  static final int MAX_LIMIT = 200;

  private final NightlyRunService runs;

  public BatchRunsController(NightlyRunService runs) {
    this.runs = runs;
  }

  /** One execution of the nightly job as the API shows it. */
  public record BatchRun(long executionId, LocalDate businessDate, String status, boolean running, long read,
      long written, long parked, long pending, LocalDateTime startTime, LocalDateTime endTime, String message) {

    static BatchRun of(NightlyRunService.RunReport r) {
      return new BatchRun(r.jobExecutionId(), r.businessDate(), r.status().name(), r.status().isRunning(), r.read(),
          r.written(), r.parked(), r.pending(), r.startTime(), r.endTime(), firstLine(r.exitDescription()));
    }

    // The exit description can hold a stack trace; the first line says what happened.
    private static String firstLine(String s) {
      if (s == null || s.isBlank()) {
        return null;
      }
      int nl = s.indexOf('\n');
      String line = (nl < 0 ? s : s.substring(0, nl)).strip();
      return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
  }

  /** The list with the limit applied. */
  public record BatchRuns(List<BatchRun> runs) {}

  @GetMapping("/api/v1/batch/runs")
  public BatchRuns list(@RequestParam(defaultValue = "20") int limit) {
    int n = Math.max(1, Math.min(MAX_LIMIT, limit));
    return new BatchRuns(runs.history(n).stream().map(BatchRun::of).toList());
  }
}
