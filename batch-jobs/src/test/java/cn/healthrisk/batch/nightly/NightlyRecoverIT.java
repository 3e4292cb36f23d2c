package cn.healthrisk.batch.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code recover} marks an execution whose process died as FAILED, so its date can be resumed,
 * and leaves alone one whose process is still alive on this machine.
 */
@SpringBootTest(classes = NightlyTestApplication.class, properties = {"spring.batch.job.enabled=false",
    "spring.batch.jdbc.initialize-schema=never", "spring.flyway.enabled=false",
    // Its own retry limit, and so its own context and fresh database.
    "engine.batch.retry-limit=5"})
class NightlyRecoverIT {
  @Autowired NightlyRunService runs;
  @Autowired JobRepository repository;
  @Autowired JobExplorer explorer;

  @Test
  void recoversOnlyExecutionsWhoseProcessIsGone() throws Exception {
    Process owner = new ProcessBuilder("sleep", "120").start();
    try {
      JobExecution exec = repository.createJobExecution(NightlyClaimsJobConfiguration.JOB_NAME,
          new JobParametersBuilder(NightlyRunService.launchParameters(LocalDate.of(2026, 3, 1)))
              .addLong(NightlyRunService.PID, owner.pid(), false).toJobParameters());
      exec.setStatus(BatchStatus.STARTED);
      repository.update(exec);

      assertThat(runs.aliveElsewhere()).containsExactly(exec.getId());
      assertThat(runs.recover()).isEmpty();
      assertThat(explorer.getJobExecution(exec.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);

      owner.destroyForcibly();
      assertThat(owner.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.aliveElsewhere()).isEmpty();
      assertThat(runs.recover()).containsExactly(exec.getId());
      JobExecution after = explorer.getJobExecution(exec.getId());
      assertThat(after.getStatus()).isEqualTo(BatchStatus.FAILED);
      assertThat(after.getEndTime()).isNotNull();
      assertThat(after.getExitStatus().getExitDescription()).contains("interrupted");
    } finally {
      owner.destroyForcibly();
    }
  }

  /** In processes mode the manager may be gone while a worker still finishes: recover waits for the worker. */
  @Test
  void leavesAloneAnExecutionWhoseWorkerProcessIsAlive() throws Exception {
    Process manager = new ProcessBuilder("sleep", "120").start();
    Process worker = new ProcessBuilder("sleep", "120").start();
    try {
      JobExecution exec = repository.createJobExecution(NightlyClaimsJobConfiguration.JOB_NAME,
          new JobParametersBuilder(NightlyRunService.launchParameters(LocalDate.of(2026, 3, 2)))
              .addLong(NightlyRunService.PID, manager.pid(), false).toJobParameters());
      exec.setStatus(BatchStatus.STARTED);
      repository.update(exec);
      StepExecution partition = exec.createStepExecution(NightlyClaimsWorkerConfiguration.WORKER_STEP + ":partition0");
      repository.add(partition);
      partition.setStatus(BatchStatus.STARTED);
      repository.update(partition);
      partition.getExecutionContext().putString(PartitionWorker.WORKER_PROCESS,
          NightlyRunService.hostName() + " " + worker.pid() + " " + partition.getId());
      repository.updateExecutionContext(partition);

      manager.destroyForcibly();
      assertThat(manager.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.aliveElsewhere()).containsExactly(exec.getId());
      assertThat(runs.recover()).isEmpty();

      worker.destroyForcibly();
      assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.aliveElsewhere()).isEmpty();
      assertThat(runs.recover()).containsExactly(exec.getId());
      JobExecution after = explorer.getJobExecution(exec.getId());
      assertThat(after.getStatus()).isEqualTo(BatchStatus.FAILED);
      assertThat(after.getStepExecutions()).extracting(StepExecution::getStatus).containsExactly(BatchStatus.FAILED);
    } finally {
      manager.destroyForcibly();
      worker.destroyForcibly();
    }
  }
}
