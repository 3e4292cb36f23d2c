package cn.healthrisk.app.cli;

import cn.healthrisk.batch.nightly.NightlyJobProperties;
import cn.healthrisk.batch.nightly.NightlyProgress;
import cn.healthrisk.batch.nightly.PartitionWorker;
import cn.healthrisk.batch.nightly.NightlyRunService;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine batch ...}: the nightly claims run. */
@Command(name = "batch", mixinStandardHelpOptions = true, description = "Run, resume and inspect the nightly claims run.",
    subcommands = {BatchCommand.Nightly.class, BatchCommand.Recover.class, BatchCommand.Status.class,
        BatchBenchCommand.class, BatchCommand.Worker.class})
public class BatchCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code engine batch nightly --business-date D}. */
  @Command(name = "nightly", mixinStandardHelpOptions = true,
      description = "Process every claim received up to the end of the business date that no run has processed. "
          + "Rerunning a failed date resumes it; rerunning a completed date does nothing.")
  public static class Nightly implements Callable<Integer> {
    @Option(names = {"--business-date", "--date"}, required = true, description = "The business date, YYYY-MM-DD.")
    LocalDate businessDate;

    @Option(names = "--partitions", description = "Partitions for the claim step (default: engine.batch.partitions).")
    Integer partitions;

    @Option(names = "--worker-mode", description = "Where partitions run: threads of this process, or processes, one "
        + "worker JVM each with its own OCR engine (default: engine.batch.worker-mode, threads).")
    NightlyJobProperties.WorkerMode workerMode;

    @Override
    public Integer call() {
      // Command-line options outrank application.yml and ENGINE_BATCH_* variables.
      java.util.Map<String, Object> overrides = new java.util.HashMap<>();
      if (partitions != null) {
        overrides.put("engine.batch.partitions", partitions);
      }
      if (workerMode != null) {
        overrides.put("engine.batch.worker-mode", workerMode.name().toLowerCase(java.util.Locale.ROOT));
      }
      try (ConfigurableApplicationContext ctx = Contexts.start(false, java.util.Map.of(), overrides)) {
        NightlyRunService.RunReport r = runWithProgress(ctx, businessDate);
        return r.status() == BatchStatus.COMPLETED ? 0 : 1;
      }
    }
  }

  /** Runs the nightly job while drawing a progress bar; prints the outcome. */
  static NightlyRunService.RunReport runWithProgress(ConfigurableApplicationContext ctx, LocalDate date) {
    NightlyRunService runs = ctx.getBean(NightlyRunService.class);
    NightlyProgress progress = ctx.getBean(NightlyProgress.class);
    ProgressBar bar = new ProgressBar(System.out, System.console() != null);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "progress");
      t.setDaemon(true);
      return t;
    });
    System.out.printf("Nightly run for %s: %d claims to process%n", date, runs.pending(date));
    ticker.scheduleAtFixedRate(() -> {
      NightlyProgress.Snapshot s = progress.snapshot();
      // Until the job has counted its claims there is nothing to show.
      if (s.total() > 0 || s.done() > 0) {
        bar.draw(s);
      }
    }, 500, 500, TimeUnit.MILLISECONDS);
    NightlyRunService.RunReport r;
    try {
      r = runs.run(date);
    } finally {
      ticker.shutdownNow();
    }
    if (!"ALREADY_COMPLETED".equals(r.outcome())) {
      bar.finish(progress.snapshot());
    }
    switch (r.outcome()) {
      case "ALREADY_COMPLETED" -> System.out.printf("The run for %s already completed (execution %d); nothing to do.%n",
          date, r.jobExecutionId());
      default -> System.out.printf("Run %s for %s: %s (execution %d) read %d, written %d, parked %d, still pending %d%s%n",
          r.outcome().toLowerCase(java.util.Locale.ROOT), date, r.status(), r.jobExecutionId(), r.read(), r.written(),
          r.parked(), r.pending(), r.status() == BatchStatus.COMPLETED ? ""
              : ". Fix the cause and run the same date again to resume: " + r.exitDescription());
    }
    return r;
  }

  /** {@code engine batch recover}. */
  @Command(name = "recover", mixinStandardHelpOptions = true,
      description = "After a crash (kill -9, power loss): mark runs left STARTED as FAILED so their dates can be "
          + "resumed. Only use it when no engine process is running the nightly job.")
  public static class Recover implements Callable<Integer> {
    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
        NightlyRunService runs = ctx.getBean(NightlyRunService.class);
        List<Long> alive = runs.aliveElsewhere();
        List<Long> ids = runs.recover();
        if (!alive.isEmpty()) {
          System.out.println("Executions " + alive + " are still running in a live engine process on this machine; "
              + "left as they are.");
        }
        System.out.println(ids.isEmpty() ? "No interrupted runs found."
            : "Recovered interrupted executions " + ids + ". Run `./engine batch nightly --date D` to resume.");
        return 0;
      }
    }
  }

  /**
   * {@code engine batch worker}: not for people. In processes mode the nightly run starts one of
   * these per partition; it executes that partition's step execution and exits 0 when it
   * completed, 1 otherwise. It stops at once when its standard input closes, which is when the
   * process that started it ends, however it ends.
   */
  @Command(name = "worker", hidden = true, description = "Execute one partition of a nightly run (started by the run).")
  public static class Worker implements Callable<Integer> {
    @Option(names = "--job-execution-id", required = true)
    long jobExecutionId;

    @Option(names = "--step-execution-id", required = true)
    long stepExecutionId;

    @Option(names = {"-P", "--property"}, description = "A start-up default of the manager, key=value.")
    java.util.Map<String, String> properties = new java.util.HashMap<>();

    @Option(names = {"-O", "--override"}, description = "A setting the manager was given on its command line, key=value.")
    java.util.Map<String, String> overrides = new java.util.HashMap<>();

    @Override
    public Integer call() throws Exception {
      PartitionWorker.haltWhenStdinCloses();
      try (ConfigurableApplicationContext ctx = Contexts.start(false, new java.util.HashMap<>(properties), overrides)) {
        return PartitionWorker.execute(ctx, jobExecutionId, stepExecutionId, System.out);
      }
    }
  }

  /** {@code engine batch status}. */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show recent nightly runs and their counts.")
  public static class Status implements Callable<Integer> {
    @Option(names = "--limit", defaultValue = "10", description = "How many runs to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
        List<NightlyRunService.RunReport> runs = ctx.getBean(NightlyRunService.class).history(limit);
        if (runs.isEmpty()) {
          System.out.println("No nightly runs yet.");
        }
        for (NightlyRunService.RunReport r : runs) {
          System.out.printf("execution %-5d %s  %-9s read %-5d written %-5d parked %-5d%n", r.jobExecutionId(),
              r.businessDate(), r.status(), r.read(), r.written(), r.parked());
        }
        return 0;
      }
    }
  }
}
