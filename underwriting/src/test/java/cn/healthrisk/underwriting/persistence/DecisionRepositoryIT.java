package cn.healthrisk.underwriting.persistence;

import static cn.healthrisk.sql.jooq.Tables.UW_DECISION;
import static cn.healthrisk.sql.jooq.Tables.UW_DECISION_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.FindingSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class DecisionRepositoryIT {

  private static Application application(String id) {
    return new Application(id, LocalDate.of(2026, 11, 20),
        new Application.Applicant(40, "M", new BigDecimal("175"), new BigDecimal("70"), true),
        List.of("TERM_LIFE", "ACCIDENT"), List.of(new Application.Disclosure("癫痫", null, null, null)), null, List.of());
  }

  private static Decision decision(String id, String decidedAt) {
    return new Decision(id, "kb-test+sha256:000000000000", Instant.parse(decidedAt),
        List.of(new Decision.Finding("F1", "癫痫", "G40.900", FindingSource.DISCLOSURE, "癫痫",
            Map.of("sizeMm", new BigDecimal("6.5")))),
        List.of(
            new Decision.ProductLineDecision("TERM_LIFE", OutcomeType.REFER, 0, List.of(), null,
                List.of("神经科病历"), List.of(new Decision.Reason("UW-EPI-005", "F1", "癫痫控制情况不明"))),
            new Decision.ProductLineDecision("ACCIDENT", OutcomeType.DECLINE, 0, List.of(), null, List.of(),
                List.of(new Decision.Reason("UW-EPI-001", "F1", "意外险拒保")))));
  }

  @Test
  void storesDecisionWithLinesAndReadsItBackUnchanged() {
    try (TestDatabase db = TestDatabase.create()) {
      DSLContext dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
      DecisionRepository repo = new DecisionRepository(dsl);
      Decision d = decision("A-1", "2026-11-24T10:15:30.456Z");
      StoredDecision stored = repo.insert(application("A-1"), d, "c1", "k1");

      assertThat(repo.findLatest("c1", "A-1")).get().satisfies(s -> {
        assertThat(s.decision()).isEqualTo(d);
        assertThat(s.decisionJson()).isEqualTo(stored.decisionJson());
        assertThat(s.applicationJson()).contains("\"applicationDate\":\"2026-11-20\"");
        assertThat(s.kbVersion()).isEqualTo("kb-test+sha256:000000000000");
        assertThat(s.decidedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.456Z"));
      });
      assertThat(repo.findByIdempotencyKey("c1", "k1")).isPresent();
      assertThat(repo.findByIdempotencyKey("c2", "k1")).isEmpty();
      assertThat(dsl.select(UW_DECISION_LINE.PRODUCT_LINE, UW_DECISION_LINE.OUTCOME).from(UW_DECISION_LINE)
          .orderBy(UW_DECISION_LINE.PRODUCT_LINE).fetch().map(r -> r.value1() + "=" + r.value2()))
          .containsExactly("ACCIDENT=DECLINE", "TERM_LIFE=REFER");
    }
  }

  @Test
  void duplicateIdempotencyKeyIsRefusedAndLeavesNoHalfWrittenRows() {
    try (TestDatabase db = TestDatabase.create()) {
      DSLContext dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
      DecisionRepository repo = new DecisionRepository(dsl);
      repo.insert(application("A-1"), decision("A-1", "2026-11-24T10:00:00Z"), "c1", "k1");
      assertThatThrownBy(() -> repo.insert(application("A-2"), decision("A-2", "2026-11-24T11:00:00Z"), "c1", "k1"))
          .isInstanceOf(DuplicateIdempotencyKeyException.class);
      assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(1);
      assertThat(dsl.fetchCount(UW_DECISION_LINE)).isEqualTo(2);
      assertThat(repo.findLatest("c1", "A-2")).isEmpty();
    }
  }
}
