package cn.healthrisk.batch.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs each partition of a step in a worker process of its own: one JVM per partition, each with
 * its own OCR engine, instead of threads that share the one engine of this JVM.
 *
 * <p>The splitter creates and saves the partitions' step executions (on a restart, only those
 * not completed, with their saved contexts). One worker per partition is started with the job
 * and step execution ids; it executes the step and records the outcome in the job repository,
 * where this handler reads it. A worker that ends without recording an outcome (killed, out of
 * memory, failed to start) has its partition marked FAILED here, so the step fails and a rerun
 * of the date resumes that partition. Workers read the standard input this handler keeps open
 * and stop when it closes, so none outlives the manager.
 */
public class WorkerProcessPartitionHandler implements PartitionHandler {
  private static final Logger log = LoggerFactory.getLogger(WorkerProcessPartitionHandler.class);
  private static final int LOG_TAIL_LINES = 15;

  private final WorkerCommand command;
  private final JobExplorer explorer;
  private final JobRepository repository;
  private final NightlyProgress progress;
  private final int gridSize;
  private final Path logDir;
  private final Duration pollInterval;

  public WorkerProcessPartitionHandler(WorkerCommand command, JobExplorer explorer, JobRepository repository,
      NightlyProgress progress, int gridSize, Path logDir, Duration pollInterval) {
    this.command = command;
    this.explorer = explorer;
    this.repository = repository;
    this.progress = progress;
    this.gridSize = gridSize;
    this.logDir = logDir.toAbsolutePath().normalize();
    this.pollInterval = pollInterval;
  }

  /** A partition's worker process and its log file. */
  private record Worker(Process process, Path log) {}

  @Override
  public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
      throws Exception {
    // Before the split: once split, every partition must be started or recorded as failed.
    Files.createDirectories(logDir);
    Set<StepExecution> partitions = splitter.split(managerStepExecution, gridSize);
    Map<StepExecution, Worker> running = new LinkedHashMap<>();
    List<StepExecution> done = new ArrayList<>();
    try {
      for (StepExecution partition : partitions) {
        Path logFile = logDir.resolve("job-" + partition.getJobExecutionId() + "-step-" + partition.getId() + ".log");
        try {
          running.put(partition, new Worker(start(partition, logFile), logFile));
        } catch (IOException | RuntimeException e) {
          log.error("Could not start the worker process for {}: {}", partition.getStepName(), e.getMessage());
          finish(partition, "its worker process could not be started: " + e.getMessage());
          done.add(partition);
        }
      }
      int[] finishedCounts = new int[2];
      while (!running.isEmpty()) {
        int[] counts = finishedCounts.clone();
        var it = running.entrySet().iterator();
        while (it.hasNext()) {
          var e = it.next();
          StepExecution partition = e.getKey();
          Worker worker = e.getValue();
          if (worker.process().isAlive()) {
            StepExecution seen = explorer.getStepExecution(partition.getJobExecutionId(), partition.getId());
            if (seen != null) {
              add(counts, seen);
            }
            continue;
          }
          ended(partition, worker);
          add(finishedCounts, partition);
          add(counts, partition);
          done.add(partition);
          it.remove();
        }
        progress.observed(counts[0], counts[1]);
        if (!running.isEmpty()) {
          Thread.sleep(pollInterval.toMillis());
        }
      }
    } finally {
      // Only when this thread is interrupted or the repository fails: stop the workers left, then
      // record their partitions as failed so that a rerun resumes them.
      for (var e : running.entrySet()) {
        e.getValue().process().destroyForcibly();
        try {
          e.getValue().process().waitFor(30, TimeUnit.SECONDS);
          ended(e.getKey(), e.getValue());
        } catch (InterruptedException | RuntimeException ex) {
          log.error("Could not record the end of the worker of {}: {}", e.getKey().getStepName(), ex.getMessage());
        }
      }
    }
    return done;
  }

  private Process start(StepExecution partition, Path logFile) throws IOException {
    ProcessBuilder pb = command.worker(partition.getJobExecutionId(), partition.getId());
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Process p = pb.start();
    log.info("Started worker process {} for {} (step execution {}); its output goes to {}", p.pid(),
        partition.getStepName(), partition.getId(), logFile);
    return p;
  }

  /** After the worker's exit: its outcome from the repository, or FAILED if it recorded none. */
  private void ended(StepExecution partition, Worker worker) {
    int exit = worker.process().exitValue();
    try {
      worker.process().getOutputStream().close();
    } catch (IOException e) {
      // The pipe to a process that has ended: nothing to release.
    }
    StepExecution fresh = explorer.getStepExecution(partition.getJobExecutionId(), partition.getId());
    BatchStatus status = fresh == null ? BatchStatus.UNKNOWN : fresh.getStatus();
    boolean recorded = status == BatchStatus.COMPLETED || status == BatchStatus.FAILED
        || status == BatchStatus.STOPPED || status == BatchStatus.ABANDONED;
    if (!recorded) {
      finish(partition, "its worker process " + worker.process().pid() + " ended with exit status " + exit
          + " leaving the step " + status + "; see " + worker.log());
    } else {
      copy(fresh, partition);
    }
    if (exit != 0 || partition.getStatus() != BatchStatus.COMPLETED) {
      log.error("Worker process {} for {} ended with exit status {}, step {}; last lines of {}:\n{}",
          worker.process().pid(), partition.getStepName(), exit, partition.getStatus(), worker.log(),
          tail(worker.log()));
    }
  }

  /** Marks a partition whose worker ended without recording an outcome as FAILED. */
  private void finish(StepExecution partition, String why) {
    StepExecution fresh = explorer.getStepExecution(partition.getJobExecutionId(), partition.getId());
    StepExecution target = fresh == null ? partition : fresh;
    target.setStatus(BatchStatus.FAILED);
    target.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
    target.setEndTime(LocalDateTime.now());
    if (target.getStartTime() == null) {
      target.setStartTime(target.getEndTime());
    }
    repository.update(target);
    if (target != partition) {
      copy(target, partition);
    }
  }

  /**
   * Copies a partition's state as the worker saved it into the manager's own instance, which the
   * job execution holds: the manager's books (and the aggregated counts of its step) read it.
   */
  static void copy(StepExecution from, StepExecution to) {
    to.setStatus(from.getStatus());
    to.setExitStatus(from.getExitStatus());
    to.setReadCount(from.getReadCount());
    to.setWriteCount(from.getWriteCount());
    to.setFilterCount(from.getFilterCount());
    to.setReadSkipCount(from.getReadSkipCount());
    to.setWriteSkipCount(from.getWriteSkipCount());
    to.setProcessSkipCount(from.getProcessSkipCount());
    to.setCommitCount(from.getCommitCount());
    to.setRollbackCount(from.getRollbackCount());
    to.setStartTime(from.getStartTime());
    to.setEndTime(from.getEndTime());
    to.setLastUpdated(from.getLastUpdated());
    to.setVersion(from.getVersion());
    to.setExecutionContext(from.getExecutionContext());
    from.getFailureExceptions().forEach(to::addFailureException);
  }

  /** Claims done (written, filtered, skipped in write) and parked among them. */
  private static void add(int[] counts, StepExecution s) {
    long parked = s.getFilterCount() + s.getWriteSkipCount();
    counts[0] += (int) (s.getWriteCount() + parked);
    counts[1] += (int) parked;
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
