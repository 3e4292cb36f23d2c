package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.application.ClaimProcessingService;
import cn.healthrisk.claims.application.ProcessedClaim;
import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Step;
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

/**
 * The worker side of the nightly run: the chunk step that processes the claims of one partition.
 * Kept apart from the manager so workers can later run in other processes.
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
      } catch (TransientDataAccessException | RecoverableDataAccessException e) {
        throw e;
      } catch (RuntimeException e) {
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
      ItemWriter<ProcessedClaim> claimWriter, NightlyJobProperties props) {
    return new StepBuilder(WORKER_STEP, jobRepository)
        .<Long, ProcessedClaim>chunk(props.chunkSize(), transactionManager)
        .reader(pendingClaimReader)
        .processor(claimProcessor)
        .writer(claimWriter)
        .faultTolerant()
        .retry(TransientDataAccessException.class)
        .retry(RecoverableDataAccessException.class)
        .retryLimit(props.retryLimit())
        .processorNonTransactional()
        .build();
  }
}
