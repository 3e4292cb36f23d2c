package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.application.CrossClaimChecks;
import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The manager side of the nightly run: the job, its partitioned claim step and the closing
 * reconciliation. Their number comes from {@code engine.batch.partitions}; they run on local threads, or with
 * {@code engine.batch.worker-mode=processes} in worker processes of their own ({@link WorkerProcessPartitionHandler}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NightlyJobProperties.class)
public class NightlyClaimsJobConfiguration {
  public static final String JOB_NAME = "nightlyClaims";
  public static final String BUSINESS_DATE = "businessDate";

  @Bean
  public Job nightlyClaimsJob(JobRepository jobRepository, Step nightlyClaimsManagerStep, Step nightlyCrossClaimStep,
      Step nightlyReconcileStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(nightlyClaimsManagerStep)
        .next(nightlyCrossClaimStep)
        .next(nightlyReconcileStep)
        .build();
  }

  @Bean
  @JobScope
  public ClaimKeyRangePartitioner claimKeyRangePartitioner(ClaimRepository claims, NightlyJobProperties props,
      @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
    return new ClaimKeyRangePartitioner(claims, receivedBefore(businessDate, props));
  }

  @Bean
  public Step nightlyClaimsManagerStep(JobRepository jobRepository, Step nightlyClaimWorkerStep,
      ClaimKeyRangePartitioner claimKeyRangePartitioner, NightlyJobProperties props, JobExplorer explorer,
      NightlyProgress progress, ObjectProvider<WorkerCommand> workerCommand) {
    if (props.workerMode() == NightlyJobProperties.WorkerMode.PROCESSES) {
      WorkerCommand command = workerCommand.getIfAvailable(() -> {
        throw new IllegalStateException("engine.batch.worker-mode=processes, but this application does not say "
            + "how to start a worker process (no WorkerCommand bean)");
      });
      return new StepBuilder("nightlyClaimsManager", jobRepository)
          .partitioner(NightlyClaimsWorkerConfiguration.WORKER_STEP, claimKeyRangePartitioner)
          .partitionHandler(new WorkerProcessPartitionHandler(command, explorer, jobRepository, progress,
              Math.max(1, props.partitions()), props.workerLogDir(), props.workerPollInterval()))
          .build();
    }
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("claims-partition-");
    executor.setConcurrencyLimit(Math.max(1, props.partitions()));
    return new StepBuilder("nightlyClaimsManager", jobRepository)
        .partitioner(NightlyClaimsWorkerConfiguration.WORKER_STEP, claimKeyRangePartitioner)
        .step(nightlyClaimWorkerStep)
        .gridSize(Math.max(1, props.partitions()))
        .taskExecutor(executor)
        .build();
  }

  /** Checks across claims (duplicate receipts) once every claim of the night is written. */
  @Bean
  public Step nightlyCrossClaimStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      CrossClaimChecks crossClaimChecks) {
    return new StepBuilder("nightlyCrossClaim", jobRepository)
        .tasklet((contribution, chunk) -> {
          LocalDate date = chunk.getStepContext().getStepExecution().getJobParameters().getLocalDate(BUSINESS_DATE);
          contribution.incrementWriteCount(crossClaimChecks.apply(date));
          return org.springframework.batch.repeat.RepeatStatus.FINISHED;
        }, transactionManager)
        .build();
  }

  @Bean
  public Step nightlyReconcileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      ReconcileTasklet reconcileTasklet) {
    return new StepBuilder("nightlyReconcile", jobRepository)
        .tasklet(reconcileTasklet, transactionManager)
        .build();
  }

  @Bean
  public ReconcileTasklet reconcileTasklet(ClaimRepository claims, NightlyJobProperties props) {
    return new ReconcileTasklet(claims, props);
  }

  /** Claims received before the end of the business date, in the store's UTC clock. */
  static LocalDateTime receivedBefore(LocalDate businessDate, NightlyJobProperties props) {
    return LocalDateTime.ofInstant(businessDate.plusDays(1).atStartOfDay(props.zone()).toInstant(), ZoneOffset.UTC);
  }
}
