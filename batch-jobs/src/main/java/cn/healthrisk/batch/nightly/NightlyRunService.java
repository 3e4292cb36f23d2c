package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.JobRestartException;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.stereotype.Service;

/**
 * Runs, resumes and recovers the nightly claims job. The business date is the job's identifying
 * parameter: running a failed date resumes it, running a completed date does nothing.
 */
@Service
public class NightlyRunService {
  private final JobLauncher launcher;
  private final Job job;
  private final JobExplorer explorer;
  private final JobRepository repository;
  private final ClaimRepository claims;
  private final NightlyProgress progress;
  private final NightlyJobProperties props;
  private final java.time.Clock clock;

  public NightlyRunService(JobLauncher launcher, Job nightlyClaimsJob, JobExplorer explorer, JobRepository repository,
      ClaimRepository claims, NightlyProgress progress, NightlyJobProperties props, java.time.Clock clock) {
    this.launcher = launcher;
    this.job = nightlyClaimsJob;
    this.explorer = explorer;
    this.repository = repository;
    this.claims = claims;
    this.progress = progress;
    this.props = props;
    this.clock = clock;
  }

  /**
   * One execution of the nightly job: what an invocation did, or a line of the history.
   *
   * @param startTime when the execution started (null if it never did), as Spring Batch records it (host local time)
   * @param endTime when it ended; null while it runs
   */
  public record RunReport(LocalDate businessDate, String outcome, Long jobExecutionId, BatchStatus status,
      long read, long written, long parked, long pending, String exitDescription, LocalDateTime startTime,
      LocalDateTime endTime) {}

  /** Non-identifying parameters naming the process that runs an execution, so recover can tell a live one. */
  static final String HOST = "host";
  static final String PID = "pid";

  public static JobParameters parameters(LocalDate businessDate) {
    return new JobParametersBuilder()
        .addLocalDate(NightlyClaimsJobConfiguration.BUSINESS_DATE, businessDate, true)
        .toJobParameters();
  }

  static JobParameters launchParameters(LocalDate businessDate) {
    return new JobParametersBuilder(parameters(businessDate))
        .addString(HOST, hostName(), false)
        .addLong(PID, ProcessHandle.current().pid(), false)
        .toJobParameters();
  }

  /** Number of claims this run would process. */
  public int pending(LocalDate businessDate) {
    return claims.countPending(NightlyClaimsJobConfiguration.receivedBefore(businessDate, props));
  }

  public RunReport run(LocalDate businessDate) {
    JobParameters params = parameters(businessDate);
    JobExecution last = repository.getLastJobExecution(NightlyClaimsJobConfiguration.JOB_NAME, params);
    if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
      return report(businessDate, "ALREADY_COMPLETED", last);
    }
    if (last != null && last.getStatus().isRunning()) {
      throw new IllegalStateException("The run for " + businessDate + " (execution " + last.getId()
          + ") is marked " + last.getStatus() + ". If no engine process is running it, it was interrupted: "
          + "run `./engine batch recover` and then run the date again.");
    }
    progress.start(pending(businessDate));
    try {
      JobExecution exec = launcher.run(job, launchParameters(businessDate));
      return report(businessDate, last == null ? "RAN" : "RESUMED", exec);
    } catch (JobInstanceAlreadyCompleteException e) {
      return report(businessDate, "ALREADY_COMPLETED", repository.getLastJobExecution(job.getName(), params));
    } catch (JobExecutionAlreadyRunningException | JobRestartException | JobParametersInvalidException e) {
      throw new IllegalStateException("Cannot run the nightly job for " + businessDate + ": " + e.getMessage(), e);
    }
  }

  /**
   * Marks executions left STARTED by a process that died (kill -9, power loss) as FAILED, so
   * their business dates can be resumed. Returns the ids it recovered. An execution whose process
   * is still alive on this machine is left alone, and so is one with a worker process still alive
   * here (in processes mode a worker stops by itself once its manager is gone, so that lasts a
   * moment); one started on another machine cannot be checked, so only call it when no engine
   * process anywhere is running the job.
   */
  public List<Long> recover() {
    List<Long> recovered = new ArrayList<>();
    for (JobExecution exec : explorer.findRunningJobExecutions(NightlyClaimsJobConfiguration.JOB_NAME)) {
      if (aliveHere(exec)) {
        // Its process, or one of its workers, is alive on this machine: it is running, not interrupted.
        continue;
      }
      LocalDateTime now = LocalDateTime.now(clock);
      for (StepExecution step : exec.getStepExecutions()) {
        if (step.getStatus().isRunning()) {
          step.setStatus(BatchStatus.FAILED);
          step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted; recovered by `engine batch recover`"));
          step.setEndTime(now);
          repository.update(step);
        }
      }
      exec.setStatus(BatchStatus.FAILED);
      exec.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted; recovered by `engine batch recover`"));
      exec.setEndTime(now);
      repository.update(exec);
      recovered.add(exec.getId());
    }
    return recovered;
  }

  /**
   * Executions that look running and whose process, or a worker process of theirs, is alive on
   * this machine, so recover leaves them alone.
   */
  public List<Long> aliveElsewhere() {
    return explorer.findRunningJobExecutions(NightlyClaimsJobConfiguration.JOB_NAME).stream()
        .filter(this::aliveHere).map(JobExecution::getId).sorted().toList();
  }

  /** The execution's own process or the worker process of one of its running partitions is alive here. */
  boolean aliveHere(JobExecution exec) {
    if (runningHere(exec)) {
      return true;
    }
    for (StepExecution step : exec.getStepExecutions()) {
      if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.STOPPING) {
        StepExecution withContext = explorer.getStepExecution(exec.getId(), step.getId());
        if (withContext != null && PartitionWorker.workerAlive(withContext)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean runningHere(JobExecution exec) {
    String host = exec.getJobParameters().getString(HOST);
    Long pid = exec.getJobParameters().getLong(PID);
    return host != null && pid != null && host.equals(hostName()) && pid != ProcessHandle.current().pid()
        && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** The most recent runs, newest first. */
  public List<RunReport> history(int max) {
    List<RunReport> out = new ArrayList<>();
    for (JobInstance instance : explorer.getJobInstances(NightlyClaimsJobConfiguration.JOB_NAME, 0, max)) {
      for (JobExecution exec : explorer.getJobExecutions(instance)) {
        LocalDate date = exec.getJobParameters().getLocalDate(NightlyClaimsJobConfiguration.BUSINESS_DATE);
        out.add(report(date, "HISTORY", exec));
      }
    }
    out.sort(Comparator.comparing(RunReport::jobExecutionId).reversed());
    return out.size() > max ? out.subList(0, max) : out;
  }

  private RunReport report(LocalDate date, String outcome, JobExecution exec) {
    RunBooks books = RunBooks.of(exec, claims);
    String desc = exec.getExitStatus() == null ? "" : exec.getExitStatus().getExitDescription();
    if (desc != null && desc.length() > 400) {
      desc = desc.substring(0, 400) + "…";
    }
    return new RunReport(date, outcome, exec.getId(), exec.getStatus(), books.read(), books.written(), books.parked(),
        date == null ? 0 : pending(date), desc, exec.getStartTime(), exec.getEndTime());
  }
}
