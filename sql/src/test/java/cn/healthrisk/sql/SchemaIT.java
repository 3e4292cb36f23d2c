package cn.healthrisk.sql;

import static cn.healthrisk.sql.jooq.Tables.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class SchemaIT {

  @Test
  void migratesAndRoundTripsThroughJooqWithTheDetectedDialect() {
    try (TestDatabase db = TestDatabase.create()) {
      SQLDialect dialect = Dialects.detect(db.dataSource());
      assertThat(dialect).isIn(SQLDialect.MARIADB, SQLDialect.MYSQL);
      DSLContext ctx = DSL.using(db.dataSource(), dialect);
      ctx.insertInto(POLICY)
          .set(POLICY.POLICY_NO, "P-1")
          .set(POLICY.PRODUCT_LINE, "MILLION_MEDICAL")
          .set(POLICY.INSURED_NAME, "王丽")
          .set(POLICY.INSURED_ID_NUMBER, "330102199001011234")
          .set(POLICY.EFFECTIVE_DATE, LocalDate.of(2026, 1, 1))
          .set(POLICY.EXPIRY_DATE, LocalDate.of(2026, 12, 31))
          .set(POLICY.WAITING_PERIOD_DAYS, 30)
          .set(POLICY.HOSPITAL_REQUIREMENT, "ANY")
          .set(POLICY.EXCLUSIONS_JSON, "[]")
          .set(POLICY.POLICY_JSON, "{}")
          .set(POLICY.IMPORTED_AT, LocalDateTime.of(2026, 11, 24, 8, 0))
          .onDuplicateKeyUpdate()
          .set(POLICY.INSURED_NAME, "王丽")
          .execute();
      assertThat(ctx.fetchOne(POLICY, POLICY.POLICY_NO.eq("P-1")).getInsuredName()).isEqualTo("王丽");
      assertThat(ctx.fetchCount(DSL.table("BATCH_JOB_INSTANCE"))).isZero();
    }
  }

  @Test
  void mariaDbVersionStringSelectsTheMariaDbDialect() {
    assertThat(Dialects.fromServer("MySQL", "10.11.19-MariaDB-0+deb12u1")).isEqualTo(SQLDialect.MARIADB);
    assertThat(Dialects.fromServer("MySQL", "8.0.36")).isEqualTo(SQLDialect.MYSQL);
  }
}
