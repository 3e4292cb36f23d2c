package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.persistence.ClaimRepository;
import java.util.List;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/**
 * The books of one run: claims read by its workers, and of the claims it processed, how many were
 * written normally and how many parked. Written and parked come from the claims themselves, so a
 * chunk retried or rolled back can never count twice.
 */
record RunBooks(long read, long written, long parked) {

  static RunBooks of(JobExecution exec, ClaimRepository claims) {
    long read = 0;
    for (StepExecution s : exec.getStepExecutions()) {
      if (s.getStepName().startsWith(NightlyClaimsWorkerConfiguration.WORKER_STEP)) {
        read += s.getReadCount();
      }
    }
    int[] processedAndParked = claims.processedAndParked(List.of(exec.getId()));
    return new RunBooks(read, processedAndParked[0] - processedAndParked[1], processedAndParked[1]);
  }

  boolean balanced() {
    return read == written + parked;
  }
}
