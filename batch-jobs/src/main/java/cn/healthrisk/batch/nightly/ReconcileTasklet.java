package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.persistence.ClaimRepository;
import java.time.LocalDate;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Closes a run by checking its books: every claim read was written or parked, and no claim of
 * the business date is left pending. A mismatch fails the run, so it can be resumed.
 */
public class ReconcileTasklet implements Tasklet {
  private final ClaimRepository claims;
  private final NightlyJobProperties props;

  public ReconcileTasklet(ClaimRepository claims, NightlyJobProperties props) {
    this.claims = claims;
    this.props = props;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
    RunBooks books = RunBooks.of(jobExecution, claims);
    LocalDate date = jobExecution.getJobParameters().getLocalDate(NightlyClaimsJobConfiguration.BUSINESS_DATE);
    int pending = claims.countPending(NightlyClaimsJobConfiguration.receivedBefore(date, props));
    ExecutionContext ctx = jobExecution.getExecutionContext();
    ctx.putLong("claimsRead", books.read());
    ctx.putLong("claimsWritten", books.written());
    ctx.putLong("claimsParked", books.parked());
    ctx.putLong("claimsPending", pending);
    if (!books.balanced() || pending != 0) {
      throw new IllegalStateException("Reconciliation failed for " + date + ": read " + books.read() + " != written "
          + books.written() + " + parked " + books.parked() + ", or " + pending + " claims still pending");
    }
    return RepeatStatus.FINISHED;
  }
}
