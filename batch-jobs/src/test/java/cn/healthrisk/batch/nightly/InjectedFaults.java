package cn.healthrisk.batch.nightly;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Test-only failures while a chunk is written. A failure is raised by the database itself (a
 * stored procedure that SIGNALs the error), so it reaches the job through the real driver, jOOQ
 * and Spring's exception translation, exactly as a deadlock or a lock wait timeout would.
 * The one {@link ChunkFaultInjector} of the test contexts.
 */
@Component
public class InjectedFaults implements ChunkFaultInjector {
  /** Errors MariaDB and MySQL raise, by their error number. */
  public enum DbError {
    DEADLOCK(1213, "40001", "Deadlock found when trying to get lock; try restarting transaction"),
    LOCK_WAIT_TIMEOUT(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction"),
    DATA_TOO_LONG(1406, "22001", "Data too long for column 'message' at row 1");

    final int errno;
    final String sqlState;
    final String message;

    DbError(int errno, String sqlState, String message) {
      this.errno = errno;
      this.sqlState = sqlState;
      this.message = message;
    }

    String procedure() {
      return "it_fail_" + errno;
    }
  }

  private record Plan(DbError error, AtomicInteger remaining) {}

  private final DSLContext ctx;
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> raised = new ConcurrentHashMap<>();

  private final String haltOnWriteOf;

  /**
   * A worker process ({@link TestWorker}) gets its faults from properties, as its test cannot
   * reach into it: {@code engine.test.fail-writes=CLAIM_ID:ERROR:TIMES} plans failures like
   * {@link #failWrites}; {@code engine.test.halt-on-write=CLAIM_ID} ends the JVM at once, as a
   * crash would, when a chunk holding the claim is about to be written.
   */
  public InjectedFaults(DSLContext ctx, @Value("${engine.test.fail-writes:}") String failWrites,
      @Value("${engine.test.halt-on-write:}") String haltOnWriteOf) {
    this.ctx = ctx;
    this.haltOnWriteOf = haltOnWriteOf;
    if (!failWrites.isBlank()) {
      String[] p = failWrites.split(":");
      failWrites(p[0], DbError.valueOf(p[1]), Integer.parseInt(p[2]));
    }
  }

  /** From now on, the next {@code times} writes of a chunk holding the claim fail with the error. */
  public void failWrites(String claimId, DbError error, int times) {
    // Outside any transaction: DDL would commit the chunk's transaction half-way.
    ctx.execute("CREATE PROCEDURE IF NOT EXISTS " + error.procedure() + "() SIGNAL SQLSTATE '" + error.sqlState
        + "' SET MYSQL_ERRNO = " + error.errno + ", MESSAGE_TEXT = '" + error.message.replace("'", "''") + "'");
    plans.put(claimId, new Plan(error, new AtomicInteger(times)));
  }

  /** How many failures were raised on chunks holding the claim. */
  public int raised(String claimId) {
    return raised.getOrDefault(claimId, new AtomicInteger()).get();
  }

  public void clear() {
    plans.clear();
    raised.clear();
  }

  @Override
  public void beforeWrite(List<String> claimIds) {
    if (!haltOnWriteOf.isBlank() && claimIds.contains(haltOnWriteOf)) {
      System.err.println("Injected crash before writing a chunk with " + haltOnWriteOf);
      Runtime.getRuntime().halt(86);
    }
    for (String id : claimIds) {
      Plan plan = plans.get(id);
      if (plan != null && plan.remaining().getAndDecrement() > 0) {
        raised.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        ctx.execute("CALL " + plan.error().procedure() + "()");
      }
    }
  }
}
