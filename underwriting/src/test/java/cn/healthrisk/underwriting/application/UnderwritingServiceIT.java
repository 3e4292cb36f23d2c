package cn.healthrisk.underwriting.application;

import static cn.healthrisk.sql.jooq.Tables.UW_DECISION;
import static cn.healthrisk.sql.jooq.Tables.UW_DECISION_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.checkup.CheckupItem;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnderwritingServiceIT {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();

  private TestDatabase db;
  private DSLContext dsl;
  private UnderwritingService service;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:15:30.123Z"));

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
    DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
    service = new UnderwritingService(new UnderwritingEngine(KB, normalizer, new CheckupEvaluator(KB, normalizer), clock),
        new ApplicationValidator(KB), new DecisionRepository(dsl));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  static Application contractExample(String id) {
    return new Application(id, LocalDate.of(2026, 11, 20),
        new Application.Applicant(35, "F", new BigDecimal("162"), new BigDecimal("58"), false),
        List.of("CRITICAL_ILLNESS", "MILLION_MEDICAL"),
        List.of(new Application.Disclosure("2019年做过腹腔镜阑尾切除，已痊愈", null, null, null),
            new Application.Disclosure("高血压两年，吃药控制在130/85左右", null, null, null),
            new Application.Disclosure("甲状腺结节", "E04.101", "2025-06", "ONGOING")),
        new Application.Checkup(LocalDate.of(2026, 9, 30), List.of(
            new CheckupItem("空腹血糖", "6.8", "mmol/L"),
            new CheckupItem("ALT", "85", "U/L"),
            new CheckupItem("甲状腺彩超", "甲状腺右叶低回声结节 6x4mm TI-RADS 3类", null))),
        List.of());
  }

  @Test
  void contractExampleIsDecidedStoredAndFoundAsIssued() {
    Decision issued = service.decide(contractExample("A-2026-000123"), "insurer-1", null);

    assertThat(issued.findings()).extracting(Decision.Finding::concept)
        .containsExactly("阑尾炎", "高血压", "甲状腺结节", "空腹血糖受损", "肝功能异常");
    // ALT 85 U/L is more than twice the upper limit: a human must see the liver results first.
    assertThat(issued.decisionFor("MILLION_MEDICAL").outcome()).isEqualTo(OutcomeType.REFER);
    assertThat(issued.decisionFor("MILLION_MEDICAL").exclusions()).hasSize(2);
    assertThat(issued.decidedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));

    assertThat(service.find("insurer-1", "A-2026-000123").map(UnderwritingServiceIT::json)).contains(json(issued));
    assertThat(service.findIssuedJson("insurer-1", "A-2026-000123")).contains(json(issued));
    assertThat(service.find("insurer-2", "A-2026-000123")).isEmpty();
    assertThat(dsl.fetchCount(UW_DECISION_LINE)).isEqualTo(2);
    assertThat(dsl.select(UW_DECISION_LINE.RULE_IDS).from(UW_DECISION_LINE)
        .where(UW_DECISION_LINE.PRODUCT_LINE.eq("CRITICAL_ILLNESS")).fetchOne().value1())
        .contains("UW-HTN-004").contains("UW-APP-001");
  }

  @Test
  void retriedIdempotencyKeyReturnsTheStoredDecisionWithoutASecondRecord() {
    Decision first = service.decide(contractExample("A-7"), "insurer-1", "key-1");
    clock.set(Instant.parse("2026-11-25T08:00:00Z"));
    Decision retry = service.decide(contractExample("A-7"), "insurer-1", "key-1");

    assertThat(retry.decidedAt()).isEqualTo(first.decidedAt());
    assertThat(json(retry)).isEqualTo(json(first));
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(1);

    // The same key from another client is a different request.
    service.decide(contractExample("A-7"), "insurer-2", "key-1");
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(2);
  }

  @Test
  void withoutKeyEachCallIsANewDecisionAndFindReturnsTheLatest() {
    service.decide(contractExample("A-8"), "insurer-1", null);
    clock.set(Instant.parse("2026-11-25T08:00:00Z"));
    service.decide(contractExample("A-8"), "insurer-1", null);
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(2);
    assertThat(service.find("insurer-1", "A-8")).get().extracting(Decision::decidedAt)
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
  }

  @Test
  void invalidApplicationIsRejectedWithFieldPathsAndNothingStored() {
    Application bad = new Application("A-9", LocalDate.of(2026, 11, 20),
        new Application.Applicant(150, "X", null, null, null), List.of("MILLION_MEDICAL", "PET_CARE"), List.of(), null,
        List.of());
    assertThatThrownBy(() -> service.decide(bad, "insurer-1", "k"))
        .isInstanceOfSatisfying(ApplicationValidationException.class, e -> assertThat(e.fieldErrors())
            .extracting(f -> f.path()).containsExactly("applicant.age", "applicant.sex", "productLines[1]"));
    assertThat(dsl.fetchCount(UW_DECISION)).isZero();
  }

  private static String json(Decision d) {
    try {
      return UnderwritingJson.mapper().writeValueAsString(d);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test can move, standing in for time passing between retries. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
