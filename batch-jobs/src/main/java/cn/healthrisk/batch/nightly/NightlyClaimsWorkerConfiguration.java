package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.application.ClaimProcessingService;
import cn.healthrisk.claims.application.ProcessedClaim;
import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * The worker side of the nightly run: the chunk step that processes the claims of one partition.
 * Kept apart from the manager: in processes mode a worker JVM executes this step alone ({@link PartitionWorker}).
 */
@Configuration(proxyBeanMethods = false)
public class NightlyClaimsWorkerConfiguration {
  public static final String WORKER_STEP = "nightlyClaimWorker";
  private static final Logger log = LoggerFactory.getLogger(NightlyClaimsWorkerConfiguration.class);

  @Bean
  @StepScope
  public PendingClaimReader pendingClaimReader(ClaimRepository claims,
      @Value("#{stepExecutionContext['minPk']}") Long minPk,
      @Value("#{stepExecutionContext['maxPk']}") Long maxPk,
      @Value("#{stepExecutionContext['receivedBefore']}") String receivedBefore) {
    return new PendingClaimReader(claims, minPk, maxPk, LocalDateTime.parse(receivedBefore));
  }

  @Bean
  @StepScope
  public ItemProcessor<Long, ProcessedClaim> claimProcessor(ClaimProcessingService processing, NightlyProgress progress,
      @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
      @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
    return claimPk -> {
      try {
        return processing.process(claimPk);
      } catch (RuntimeException e) {
        if (transientFailure(e)) {
          throw e;
        }
        // Never skip a claim silently: park it for a human with the reason, in its own transaction.
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn("Claim key {} parked: {}", claimPk, reason);
        processing.park(claimPk, reason, jobExecutionId, businessDate);
        progress.parked();
        return null;
      }
    };
  }

  @Bean
  @StepScope
  public ItemWriter<ProcessedClaim> claimWriter(ClaimProcessingService processing, NightlyProgress progress,
      ObjectProvider<ChunkFaultInjector> faults, @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
      @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
    ChunkFaultInjector injector = faults.getIfAvailable(() -> ChunkFaultInjector.NONE);
    return chunk -> {
      injector.beforeWrite(chunk.getItems().stream().map(ProcessedClaim::claimId).toList());
      processing.write(chunk.getItems().stream().map(p -> (ProcessedClaim) p).toList(), jobExecutionId, businessDate);
      progress.written(chunk.size());
    };
  }

  @Bean
  public Step nightlyClaimWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      PendingClaimReader pendingClaimReader, ItemProcessor<Long, ProcessedClaim> claimProcessor,
      ItemWriter<ProcessedClaim> claimWriter, NightlyJobProperties props, ClaimProcessingService processing,
      NightlyProgress progress) {
    return new StepBuilder(WORKER_STEP, jobRepository)
        .<Long, ProcessedClaim>chunk(props.chunkSize(), transactionManager)
        .reader(pendingClaimReader)
        .processor(claimProcessor)
        .writer(claimWriter)
        .faultTolerant()
        .retry(TransientDataAccessException.class)
        .retry(RecoverableDataAccessException.class)
        .retryLimit(props.retryLimit())
        // Anything else that fails a write is a problem of that claim: the chunk is written again
        // claim by claim and the one that fails is parked. Transient failures past their retries
        // fail the run instead, to be resumed once the database is healthy.
        .skipPolicy((t, skipCount) -> t instanceof Exception && !transientFailure(t))
        .listener(parkOnWriteFailure(processing, progress))
        .processorNonTransactional()
        .transactionAttribute(chunkTransaction())
        .build();
  }

  /**
   * READ COMMITTED for the chunk transactions. Under InnoDB's default REPEATABLE READ, replacing
   * a claim's receipts (delete, then insert) takes gap locks, and two partitions writing new claims
   * lock the same gap at the end of the index and deadlock on their inserts, often enough to use
   * up the retries. Each chunk touches only its own claims' rows, so it needs no gap locks.
   */
  static DefaultTransactionAttribute chunkTransaction() {
    DefaultTransactionAttribute attribute = new DefaultTransactionAttribute();
    attribute.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    return attribute;
  }

  static boolean transientFailure(Throwable t) {
    return t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException;
  }

  /** Parks, with the reason and in its own transaction, a claim whose result could not be written. */
  static SkipListener<Long, ProcessedClaim> parkOnWriteFailure(ClaimProcessingService processing,
      NightlyProgress progress) {
    return new SkipListener<>() {
      @Override
      public void onSkipInWrite(ProcessedClaim item, Throwable t) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        String reason = "result could not be written: " + t.getClass().getSimpleName() + ": " + t.getMessage();
        log.warn("Claim key {} parked: {}", item.claimPk(), reason);
        processing.park(item.claimPk(), reason, step.getJobExecutionId(),
            step.getJobParameters().getLocalDate(NightlyClaimsJobConfiguration.BUSINESS_DATE));
        progress.parked();
      }
    };
  }
}
