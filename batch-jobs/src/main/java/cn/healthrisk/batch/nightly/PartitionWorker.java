package cn.healthrisk.batch.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobInterruptedException;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;

/**
 * The worker side of processes mode: executes, in this JVM, one partition step execution that
 * the manager created and saved, and reports through the job repository like a local partition.
 */
public final class PartitionWorker {
  /**
   * Key in a partition's step execution context naming the worker process that runs it:
   * {@code host pid stepExecutionId}, so {@code batch recover} can tell a live worker.
   */
  public static final String WORKER_PROCESS = "workerProcess";
  /** Exit status of a worker whose manager is gone. */
  public static final int EXIT_MANAGER_GONE = 3;

  private PartitionWorker() {}

  /**
   * Stops this JVM at once when its standard input reaches end of file. The manager keeps the
   * worker's standard input open as long as it lives, so a worker never outlives its manager,
   * even one killed with SIGKILL. What the worker had not committed is rolled back by the
   * database; its step execution stays STARTED until {@code batch recover} marks it FAILED.
   */
  public static void haltWhenStdinCloses() {
    InputStream in = System.in;
    PrintStream err = System.err;
    Thread watch = new Thread(() -> {
      byte[] buffer = new byte[256];
      try {
        while (in.read(buffer) >= 0) {
          // The manager writes nothing; anything it does write is ignored.
        }
      } catch (IOException e) {
        // A broken pipe means the same as end of file.
      }
      err.println("The manager process is gone (standard input closed); this worker stops now.");
      err.flush();
      Runtime.getRuntime().halt(EXIT_MANAGER_GONE);
    }, "manager-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /**
   * Loads the step execution from the repository, finds the step it belongs to among the
   * context's beans and executes it. Returns 0 when the step completed, 1 otherwise.
   */
  public static int execute(ApplicationContext ctx, long jobExecutionId, long stepExecutionId, PrintStream out)
      throws JobInterruptedException {
    JobExplorer explorer = ctx.getBean(JobExplorer.class);
    JobRepository repository = ctx.getBean(JobRepository.class);
    StepExecution stepExecution = explorer.getStepExecution(jobExecutionId, stepExecutionId);
    if (stepExecution == null) {
      out.printf("No step execution %d in job execution %d.%n", stepExecutionId, jobExecutionId);
      return 1;
    }
    if (stepExecution.getStatus() != BatchStatus.STARTING) {
      // Only a partition the manager has just created and no worker has started yet.
      out.printf("Step execution %d (%s) is %s, not waiting for a worker; nothing done.%n", stepExecutionId,
          stepExecution.getStepName(), stepExecution.getStatus());
      return stepExecution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
    Step step = step(ctx, stepExecution.getStepName());
    stepExecution.getExecutionContext().putString(WORKER_PROCESS, describe(stepExecutionId));
    repository.updateExecutionContext(stepExecution);
    out.printf("Worker %d: executing %s (step execution %d of job execution %d)%n", ProcessHandle.current().pid(),
        stepExecution.getStepName(), stepExecutionId, jobExecutionId);
    out.flush();
    step.execute(stepExecution);
    out.printf("Worker %d: %s %s, read %d, written %d, filtered %d, skipped %d%s%n", ProcessHandle.current().pid(),
        stepExecution.getStepName(), stepExecution.getStatus(), stepExecution.getReadCount(),
        stepExecution.getWriteCount(), stepExecution.getFilterCount(), stepExecution.getSkipCount(),
        stepExecution.getStatus() == BatchStatus.COMPLETED ? ""
            : ": " + stepExecution.getExitStatus().getExitDescription());
    out.flush();
    return stepExecution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
  }

  /** The step named before the partition suffix ({@code nightlyClaimWorker:partition0}). */
  static Step step(ApplicationContext ctx, String stepExecutionName) {
    int colon = stepExecutionName.indexOf(':');
    String stepName = colon < 0 ? stepExecutionName : stepExecutionName.substring(0, colon);
    try {
      // By convention the bean is named after the step; this avoids creating the other steps.
      Step step = ctx.getBean(stepName + "Step", Step.class);
      if (step.getName().equals(stepName)) {
        return step;
      }
    } catch (NoSuchBeanDefinitionException e) {
      // Look through them all.
    }
    return ctx.getBeansOfType(Step.class).values().stream().filter(s -> s.getName().equals(stepName)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No step named " + stepName + " in this application"));
  }

  static String describe(long stepExecutionId) {
    return NightlyRunService.hostName() + " " + ProcessHandle.current().pid() + " " + stepExecutionId;
  }

  /** Whether the worker process recorded in a partition's context is alive on this machine. */
  static boolean workerAlive(StepExecution stepExecution) {
    String recorded = stepExecution.getExecutionContext().containsKey(WORKER_PROCESS)
        ? stepExecution.getExecutionContext().getString(WORKER_PROCESS) : null;
    if (recorded == null) {
      return false;
    }
    String[] parts = recorded.split(" ");
    if (parts.length != 3 || !parts[0].equals(NightlyRunService.hostName())
        || !parts[2].equals(String.valueOf(stepExecution.getId()))) {
      // Another machine, or left over from the execution this one resumes.
      return false;
    }
    try {
      long pid = Long.parseLong(parts[1]);
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
