package cn.healthrisk.app.web;

import cn.healthrisk.batch.nightly.NightlyProgress;
import cn.healthrisk.batch.nightly.NightlyRunService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /runs}: the nightly runs, running and past, with their counts, for operations staff. */
@Controller
public class RunsController {
  private final NightlyRunService runs;
  private final NightlyProgress progress;

  public RunsController(NightlyRunService runs, NightlyProgress progress) {
    this.runs = runs;
    this.progress = progress;
  }

  @GetMapping("/runs")
  public String runs(@RequestParam(defaultValue = "30") int limit, Model model) {
    List<NightlyRunService.RunReport> list = runs.history(Math.max(1, Math.min(200, limit)));
    model.addAttribute("runs", list);
    // Live counters only describe a run this process is executing.
    boolean running = list.stream().anyMatch(r -> r.status().isRunning());
    NightlyProgress.Snapshot s = progress.snapshot();
    model.addAttribute("live", running && s.total() > 0 ? s : null);
    return "runs";
  }
}
