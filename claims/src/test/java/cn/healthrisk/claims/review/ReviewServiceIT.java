package cn.healthrisk.claims.review;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_AUDIT;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_CORRECTION;
import static cn.healthrisk.sql.jooq.Tables.CLAIM_FLAG;
import static cn.healthrisk.sql.jooq.Tables.RECEIPT_EXTRACTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.healthrisk.claims.anomaly.AnomalySettings;
import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import cn.healthrisk.claims.application.ClaimFlagRefresh;
import cn.healthrisk.claims.persistence.AnomalyRepository;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.claims.persistence.ReviewRepository;
import cn.healthrisk.claims.persistence.ReviewRepository.QueueQuery;
import cn.healthrisk.claims.persistence.ReviewRepository.QueueRow;
import cn.healthrisk.claims.persistence.ReviewRepository.Sort;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/** The adjusters' review on a real MariaDB: actions, four eyes, corrections, audit, insurer isolation, queue. */
class ReviewServiceIT {
  static final Reviewer ADJUSTER = new Reviewer("adj-a", "ins-a", Reviewer.Role.ADJUSTER);
  static final Reviewer SUPERVISOR = new Reviewer("sup-a", "ins-a", Reviewer.Role.SUPERVISOR);
  static final Reviewer SUPERVISOR_2 = new Reviewer("sup-a2", "ins-a", Reviewer.Role.SUPERVISOR);
  static final Reviewer OTHER_INSURER = new Reviewer("adj-b", "ins-b", Reviewer.Role.SUPERVISOR);
  static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 20, 1, 0);

  TestDatabase db;
  DSLContext ctx;
  TransactionTemplate tx;
  ReviewRepository repository;
  ReviewFixtures fixtures;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    ctx = DSL.using(new TransactionAwareDataSourceProxy(db.dataSource()), Dialects.detect(db.dataSource()));
    tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    repository = new ReviewRepository(ctx);
    fixtures = new ReviewFixtures(ctx);
    fixtures.insurer("ins-a");
    fixtures.insurer("ins-b");
    fixtures.policy("ins-a", "P-A1", "王丽", "330102199001011234");
    fixtures.policy("ins-a", "P-A2", "李雷", "110101198001011111");
    fixtures.policy("ins-b", "P-B1", "韩梅", "440101198501012222");
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  ReviewService service(ReviewRepository repo) {
    return new ReviewService(repo, tx, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC),
        new ReviewSettings(new BigDecimal("10000.00")),
        new ClaimFlagRefresh(new ClaimRepository(ctx), new PolicyRepository(ctx), new AnomalyRepository(ctx),
            new ClaimAnomalyRules(AnomalySettings.defaults())));
  }

  String status(String claimId) {
    return ctx.select(CLAIM.STATUS).from(CLAIM).where(CLAIM.CLAIM_ID.eq(claimId)).fetchOne(CLAIM.STATUS);
  }

  List<String> auditActions(long pk) {
    return ctx.select(CLAIM_AUDIT.ACTION).from(CLAIM_AUDIT).where(CLAIM_AUDIT.CLAIM_PK.eq(pk)).orderBy(CLAIM_AUDIT.ID)
        .fetch(CLAIM_AUDIT.ACTION);
  }

  @Test
  void smallClaimIsApprovedAtOnceWithItsReasonAudited() {
    long pk = fixtures.claim("C-1", "P-A1", "100.00", T0, "杭州市第一人民医院", 20, ReviewFixtures.bytes("a"), "PAYER_MISMATCH");
    assertThat(service(repository).approve(ADJUSTER, "C-1", "  票据齐全，交款人为被保险人母亲  "))
        .isEqualTo(ReviewService.ApprovalOutcome.APPROVED);
    assertThat(status("C-1")).isEqualTo("APPROVED");
    assertThat(repository.auditTrail(pk)).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo("APPROVE");
      assertThat(a.username()).isEqualTo("adj-a");
      assertThat(a.fromStatus()).isEqualTo("NEEDS_REVIEW");
      assertThat(a.toStatus()).isEqualTo("APPROVED");
      assertThat(a.reason()).isEqualTo("票据齐全，交款人为被保险人母亲");
    });
    assertThatThrownBy(() -> service(repository).reject(ADJUSTER, "C-1", "再拒"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.code()).isEqualTo("CLAIM_NOT_OPEN"));
  }

  @Test
  void everyActionNeedsAReason() {
    long pk = fixtures.claim("C-1", "P-A1", "100.00", T0, "医院", 20, ReviewFixtures.bytes("a"), "PAYER_MISMATCH");
    ReviewService s = service(repository);
    for (String blank : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> s.approve(ADJUSTER, "C-1", blank)).isInstanceOfSatisfying(ReviewException.class,
          e -> assertThat(e.code()).isEqualTo("REASON_REQUIRED"));
      assertThatThrownBy(() -> s.reject(ADJUSTER, "C-1", blank)).isInstanceOf(ReviewException.class);
      assertThatThrownBy(() -> s.requestInformation(ADJUSTER, "C-1", blank)).isInstanceOf(ReviewException.class);
      assertThatThrownBy(() -> s.correct(ADJUSTER, "C-1", "receipt.png", "totalAmount", "100.00", blank))
          .isInstanceOf(ReviewException.class);
    }
    assertThat(status("C-1")).isEqualTo("NEEDS_REVIEW");
    assertThat(auditActions(pk)).isEmpty();
  }

  @Test
  void largeApprovalNeedsAnotherSupervisor() {
    long pk = fixtures.claim("C-BIG", "P-A1", "25000.00", T0, "医院", 40, ReviewFixtures.bytes("a"), "HIGH_FREQUENCY");
    ReviewService s = service(repository);

    assertThat(s.approve(ADJUSTER, "C-BIG", "住院材料齐全")).isEqualTo(ReviewService.ApprovalOutcome.PROPOSED);
    assertThat(status("C-BIG")).isEqualTo("NEEDS_REVIEW");
    assertThat(repository.find("ins-a", "C-BIG").orElseThrow().reviewState()).isEqualTo("PENDING_SUPERVISOR");

    assertThatThrownBy(() -> s.approve(ADJUSTER, "C-BIG", "再次通过")).isInstanceOfSatisfying(ReviewException.class,
        e -> assertThat(e.code()).isEqualTo("FOUR_EYES_SUPERVISOR_REQUIRED"));
    assertThat(status("C-BIG")).isEqualTo("NEEDS_REVIEW");

    assertThat(s.approve(SUPERVISOR, "C-BIG", "核对无误")).isEqualTo(ReviewService.ApprovalOutcome.APPROVED);
    assertThat(status("C-BIG")).isEqualTo("APPROVED");
    assertThat(repository.find("ins-a", "C-BIG").orElseThrow()).satisfies(c -> {
      assertThat(c.reviewState()).isNull();
      assertThat(c.proposedBy()).isEqualTo("adj-a");
      assertThat(c.decidedBy()).isEqualTo("sup-a");
    });
    assertThat(auditActions(pk)).containsExactly("PROPOSE_APPROVAL", "CONFIRM_APPROVAL");
  }

  @Test
  void aSupervisorCannotConfirmTheirOwnProposal() {
    fixtures.claim("C-BIG", "P-A1", "10000.01", T0, "医院", 40, ReviewFixtures.bytes("a"), "HIGH_FREQUENCY");
    ReviewService s = service(repository);
    assertThat(s.approve(SUPERVISOR, "C-BIG", "材料齐全")).isEqualTo(ReviewService.ApprovalOutcome.PROPOSED);
    assertThatThrownBy(() -> s.approve(SUPERVISOR, "C-BIG", "自己确认")).isInstanceOfSatisfying(ReviewException.class,
        e -> assertThat(e.code()).isEqualTo("FOUR_EYES_SAME_USER"));
    assertThat(status("C-BIG")).isEqualTo("NEEDS_REVIEW");
    assertThat(s.approve(SUPERVISOR_2, "C-BIG", "复核通过")).isEqualTo(ReviewService.ApprovalOutcome.APPROVED);
    assertThat(status("C-BIG")).isEqualTo("APPROVED");
  }

  @Test
  void exactlyTheFourEyesAmountIsApprovedByOnePerson() {
    fixtures.claim("C-EDGE", "P-A1", "10000.00", T0, "医院", 40, ReviewFixtures.bytes("a"), "HIGH_FREQUENCY");
    assertThat(service(repository).approve(ADJUSTER, "C-EDGE", "材料齐全"))
        .isEqualTo(ReviewService.ApprovalOutcome.APPROVED);
  }

  @Test
  void requestingInformationDropsAPendingProposal() {
    long pk = fixtures.claim("C-BIG", "P-A1", "25000.00", T0, "医院", 40, ReviewFixtures.bytes("a"), "HIGH_FREQUENCY");
    ReviewService s = service(repository);
    s.approve(ADJUSTER, "C-BIG", "材料齐全");
    s.requestInformation(SUPERVISOR, "C-BIG", "请补充出院小结");
    assertThat(status("C-BIG")).isEqualTo("MORE_INFO_REQUESTED");
    assertThat(repository.find("ins-a", "C-BIG").orElseThrow().reviewState()).isNull();
    assertThat(auditActions(pk)).containsExactly("PROPOSE_APPROVAL", "REQUEST_INFO");
    // After the information arrives, the claim is still open, and four eyes start again.
    assertThat(s.approve(ADJUSTER, "C-BIG", "已补充")).isEqualTo(ReviewService.ApprovalOutcome.PROPOSED);
  }

  @Test
  void anotherInsurersClaimIsNotFoundForEveryAction() {
    long pk = fixtures.claim("C-A", "P-A1", "100.00", T0, "医院", 10, ReviewFixtures.bytes("a"), "PAYER_MISMATCH");
    ReviewService s = service(repository);
    List<Runnable> actions = List.of(() -> s.approve(OTHER_INSURER, "C-A", "x"), () -> s.reject(OTHER_INSURER, "C-A", "x"),
        () -> s.requestInformation(OTHER_INSURER, "C-A", "x"),
        () -> s.correct(OTHER_INSURER, "C-A", "receipt.png", "totalAmount", "1.00", "x"));
    for (Runnable a : actions) {
      assertThatThrownBy(a::run).isInstanceOfSatisfying(ReviewException.class,
          e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    }
    assertThat(repository.find("ins-b", "C-A")).isEmpty();
    assertThat(status("C-A")).isEqualTo("NEEDS_REVIEW");
    assertThat(auditActions(pk)).isEmpty();
  }

  @Test
  void correctionRewritesTheFieldReRunsValidationsAndRecordsOldAndNew() {
    long pk = fixtures.claim("C-1", "P-A1", "180.00", T0, "医院", 10, ReviewFixtures.bytes("a"), "RECEIPT_TOTAL_MISMATCH");
    service(repository).correct(ADJUSTER, "C-1", "receipt.png", "totalAmount", "100.00", "原件合计为100元，识别有误");

    String json = ctx.select(RECEIPT_EXTRACTION.EXTRACTION_JSON).from(RECEIPT_EXTRACTION)
        .where(RECEIPT_EXTRACTION.CLAIM_PK.eq(pk)).fetchOne(RECEIPT_EXTRACTION.EXTRACTION_JSON);
    assertThat(json).contains("\"totalAmount\":\"100.00\"").contains("\"check\":\"ITEMS_SUM_EQUALS_TOTAL\",\"passed\":true");
    assertThat(ctx.select(RECEIPT_EXTRACTION.TOTAL_AMOUNT).from(RECEIPT_EXTRACTION)
        .where(RECEIPT_EXTRACTION.CLAIM_PK.eq(pk)).fetchOne(RECEIPT_EXTRACTION.TOTAL_AMOUNT)).isEqualByComparingTo("100.00");
    assertThat(repository.corrections(pk)).singleElement().satisfies(c -> {
      assertThat(c.field()).isEqualTo("totalAmount");
      assertThat(c.oldValue()).isEqualTo("180.00");
      assertThat(c.newValue()).isEqualTo("100.00");
      assertThat(c.username()).isEqualTo("adj-a");
      assertThat(c.reason()).isEqualTo("原件合计为100元，识别有误");
      assertThat(c.at()).isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0));
    });
    assertThat(auditActions(pk)).containsExactly("CORRECT_FIELD");

    // The flags follow the corrected value: the items now sum to the total, but the claimed 180.00 does not.
    assertThat(flagCodes(pk)).containsExactly("CLAIMED_AMOUNT_MISMATCH");
    assertThat(repository.auditTrail(pk)).singleElement().satisfies(a -> assertThat(a.detail())
        .contains("totalAmount: 180.00 → 100.00").contains("新增 CLAIMED_AMOUNT_MISMATCH").contains("消除 RECEIPT_TOTAL_MISMATCH"));
    assertThat(ctx.select(CLAIM.RISK_SCORE).from(CLAIM).where(CLAIM.ID.eq(pk)).fetchOne(CLAIM.RISK_SCORE)).isPositive();
    assertThat(status("C-1")).isEqualTo("NEEDS_REVIEW");
  }

  @Test
  void correctingTheLastFlaggedFieldLeavesTheClaimClean() {
    long pk = fixtures.claim("C-1", "P-A1", "100.00", T0, "医院", 10, ReviewFixtures.bytes("a"), "PAYER_MISMATCH");
    ctx.update(RECEIPT_EXTRACTION).set(RECEIPT_EXTRACTION.EXTRACTION_JSON,
        ReviewFixtures.extraction("C-1", "医院", "100.00").replace("\"王丽\"", "\"王莉\"")).execute();
    service(repository).correct(ADJUSTER, "C-1", "receipt.png", "payerName", "王丽", "原件交款人为王丽，识别有误");
    assertThat(flagCodes(pk)).isEmpty();
    assertThat(status("C-1")).isEqualTo("CLEAN");
    assertThat(repository.auditTrail(pk)).singleElement().satisfies(a -> {
      assertThat(a.detail()).contains("消除 PAYER_MISMATCH");
      assertThat(a.fromStatus()).isEqualTo("NEEDS_REVIEW");
      assertThat(a.toStatus()).isEqualTo("CLEAN");
    });
    assertThat(ctx.select(CLAIM.SUGGESTED_ACTION).from(CLAIM).where(CLAIM.ID.eq(pk)).fetchOne(CLAIM.SUGGESTED_ACTION))
        .isEqualTo("SUGGEST_APPROVE");
  }

  @Test
  void chargeItemsCanBeAddedCorrectedAndRemovedAndEachChangeIsRecorded() {
    long pk = fixtures.claim("C-1", "P-A1", "180.00", T0, "医院", 10, ReviewFixtures.bytes("a"), "RECEIPT_TOTAL_MISMATCH");
    ReviewService s = service(repository);

    // The reading missed a line: added, the items (60 + 40 + 80) now sum to the total 180.
    s.correct(ADJUSTER, "C-1", "receipt.png", "items[+]", "床位费 80", "原件有床位费80元，漏识别");
    assertThat(extractionJson(pk)).contains("{\"name\":\"床位费\",\"amount\":\"80.00\"}")
        .contains("\"check\":\"ITEMS_SUM_EQUALS_TOTAL\",\"passed\":true");
    assertThat(flagCodes(pk)).doesNotContain("RECEIPT_TOTAL_MISMATCH");

    // A misread amount.
    s.correct(ADJUSTER, "C-1", "receipt.png", "items[0].amount", "70.00", "西药费应为70元");
    assertThat(extractionJson(pk)).contains("{\"name\":\"西药费\",\"amount\":\"70.00\"}")
        .contains("\"check\":\"ITEMS_SUM_EQUALS_TOTAL\",\"passed\":false");
    assertThat(flagCodes(pk)).contains("RECEIPT_TOTAL_MISMATCH");

    // A line that is not a charge: a blank name removes it.
    s.correct(ADJUSTER, "C-1", "receipt.png", "items[1].name", "", "检查费一行为重复识别");
    assertThat(extractionJson(pk)).doesNotContain("检查费");

    assertThat(repository.corrections(pk)).extracting(c -> c.field() + "|" + c.oldValue() + "|" + c.newValue())
        .containsExactly("items[+]|null|床位费 80.00", "items[0].amount|60.00|70.00", "items[1].name|检查费 40.00|null");
    assertThat(auditActions(pk)).containsExactly("CORRECT_FIELD", "CORRECT_FIELD", "CORRECT_FIELD");

    // Bad item corrections change nothing.
    assertThatThrownBy(() -> s.correct(ADJUSTER, "C-1", "receipt.png", "items[7].amount", "1.00", "改"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.code()).isEqualTo("FIELD_NOT_CORRECTABLE"));
    assertThatThrownBy(() -> s.correct(ADJUSTER, "C-1", "receipt.png", "items[0].amount", "七十", "改"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.code()).isEqualTo("INVALID_VALUE"));
    assertThatThrownBy(() -> s.correct(ADJUSTER, "C-1", "receipt.png", "items[+]", "床位费", "改"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.code()).isEqualTo("INVALID_VALUE"));
    assertThatThrownBy(() -> s.correct(ADJUSTER, "C-1", "receipt.png", "items[0].amount", "", "改"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.code()).isEqualTo("INVALID_VALUE"));
    assertThat(repository.corrections(pk)).hasSize(3);
  }

  String extractionJson(long pk) {
    return ctx.select(RECEIPT_EXTRACTION.EXTRACTION_JSON).from(RECEIPT_EXTRACTION)
        .where(RECEIPT_EXTRACTION.CLAIM_PK.eq(pk)).fetchOne(RECEIPT_EXTRACTION.EXTRACTION_JSON);
  }

  List<String> flagCodes(long pk) {
    return ctx.select(CLAIM_FLAG.CODE).from(CLAIM_FLAG).where(CLAIM_FLAG.CLAIM_PK.eq(pk)).orderBy(CLAIM_FLAG.ID)
        .fetch(CLAIM_FLAG.CODE);
  }

  @Test
  void aMalformedCorrectionChangesNothing() {
    long pk = fixtures.claim("C-1", "P-A1", "180.00", T0, "医院", 10, ReviewFixtures.bytes("a"), "RECEIPT_TOTAL_MISMATCH");
    ReviewService s = service(repository);
    assertThatThrownBy(() -> s.correct(ADJUSTER, "C-1", "receipt.png", "totalAmount", "一百元", "改"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.code()).isEqualTo("INVALID_VALUE"));
    assertThatThrownBy(() -> s.correct(ADJUSTER, "C-1", "receipt.png", "items", "[]", "改"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.code()).isEqualTo("FIELD_NOT_CORRECTABLE"));
    assertThat(ctx.fetchCount(CLAIM_CORRECTION)).isZero();
    assertThat(auditActions(pk)).isEmpty();
  }

  @Test
  void whenTheAuditCannotBeWrittenTheCorrectionIsRolledBackToo() {
    long pk = fixtures.claim("C-1", "P-A1", "180.00", T0, "医院", 10, ReviewFixtures.bytes("a"), "RECEIPT_TOTAL_MISMATCH");
    String before = ctx.select(RECEIPT_EXTRACTION.EXTRACTION_JSON).from(RECEIPT_EXTRACTION)
        .where(RECEIPT_EXTRACTION.CLAIM_PK.eq(pk)).fetchOne(RECEIPT_EXTRACTION.EXTRACTION_JSON);
    ReviewRepository failingAudit = new ReviewRepository(ctx) {
      @Override
      public void audit(long claimPk, LocalDateTime at, String username, String role, String action, String fromStatus,
          String toStatus, String reason, String detail) {
        throw new IllegalStateException("audit table unavailable");
      }
    };
    assertThatThrownBy(() -> service(failingAudit).correct(ADJUSTER, "C-1", "receipt.png", "totalAmount", "100.00",
        "原件合计为100元")).hasMessageContaining("audit table unavailable");

    assertThat(ctx.fetchCount(CLAIM_CORRECTION)).isZero();
    assertThat(ctx.select(RECEIPT_EXTRACTION.EXTRACTION_JSON).from(RECEIPT_EXTRACTION)
        .where(RECEIPT_EXTRACTION.CLAIM_PK.eq(pk)).fetchOne(RECEIPT_EXTRACTION.EXTRACTION_JSON)).isEqualTo(before);
    // The same correction with a working audit goes through, so the failure above was the audit's alone.
    service(repository).correct(ADJUSTER, "C-1", "receipt.png", "totalAmount", "100.00", "原件合计为100元");
    assertThat(ctx.fetchCount(CLAIM_CORRECTION)).isEqualTo(1);
  }

  QueueQuery query(String status, String flag, String min, String max, String hospital, Integer riskMin, Integer riskMax,
      Sort sort, boolean desc, int offset, int limit) {
    return new QueueQuery("ins-a", status, null, flag, min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max), null, null, hospital, riskMin, riskMax, sort, desc, offset, limit);
  }

  @Test
  void queueFiltersSortsAndPagesWithinTheInsurer() {
    fixtures.claim("C-01", "P-A1", "120.00", T0, "杭州市第一人民医院", 15, ReviewFixtures.bytes("1"), "PAYER_MISMATCH");
    fixtures.claim("C-02", "P-A1", "5600.00", T0.plusHours(1), "浙江大学医学院附属邵逸夫医院", 75, ReviewFixtures.bytes("2"),
        "WAITING_PERIOD", "EXCLUDED_CONDITION");
    fixtures.claim("C-03", "P-A2", "880.50", T0.plusHours(2), "杭州市第一人民医院", 55, ReviewFixtures.bytes("3"));
    fixtures.claim("C-04", "P-A2", "15000.00", T0.plusHours(3), "北京协和医院", null, ReviewFixtures.bytes("4"),
        "HIGH_FREQUENCY");
    fixtures.claim("C-B1", "P-B1", "300.00", T0.plusHours(4), "杭州市第一人民医院", 90, ReviewFixtures.bytes("5"),
        "WAITING_PERIOD");

    assertThat(ids(query(null, null, null, null, null, null, null, Sort.RECEIVED, true, 0, 50)))
        .containsExactly("C-04", "C-03", "C-02", "C-01");
    assertThat(ids(query("NEEDS_REVIEW", null, null, null, null, null, null, Sort.RECEIVED, false, 0, 50)))
        .containsExactly("C-01", "C-02", "C-04");
    assertThat(ids(query(null, "WAITING_PERIOD", null, null, null, null, null, Sort.RECEIVED, true, 0, 50)))
        .containsExactly("C-02");
    assertThat(ids(query(null, null, "500", "6000", null, null, null, Sort.AMOUNT, false, 0, 50)))
        .containsExactly("C-03", "C-02");
    assertThat(ids(query(null, null, null, null, "第一人民", null, null, Sort.CLAIM_ID, false, 0, 50)))
        .containsExactly("C-01", "C-03");
    assertThat(ids(query(null, null, null, null, "100%", null, null, Sort.CLAIM_ID, false, 0, 50))).isEmpty();
    assertThat(ids(query(null, null, null, null, null, 50, 80, Sort.RISK, true, 0, 50)))
        .containsExactly("C-02", "C-03");
    // Claims without a score come last whichever way the risk is sorted.
    assertThat(ids(query(null, null, null, null, null, null, null, Sort.RISK, false, 0, 50)))
        .containsExactly("C-01", "C-03", "C-02", "C-04");
    assertThat(ids(query(null, null, null, null, null, null, null, Sort.CLAIM_ID, false, 2, 2)))
        .containsExactly("C-03", "C-04");
    assertThat(repository.count(query(null, null, null, null, null, null, null, Sort.CLAIM_ID, false, 2, 2))).isEqualTo(4);
    assertThat(repository.countByStatus("ins-a")).containsEntry("NEEDS_REVIEW", 3).containsEntry("CLEAN", 1);

    long c01 = repository.find("ins-a", "C-01").orElseThrow().pk();
    assertThat(repository.history("ins-a", "330102199001011234", c01, 10)).extracting(QueueRow::claimId)
        .containsExactly("C-02");
  }

  @Test
  void pagingThroughThousandsOfClaimsStaysFast() {
    byte[] image = ReviewFixtures.bytes("same receipt");
    tx.executeWithoutResult(st -> {
      for (int i = 0; i < 2000; i++) {
        fixtures.claim(String.format("C-%05d", i), i % 2 == 0 ? "P-A1" : "P-A2", (100 + i) + ".00", T0.plusMinutes(i),
            i % 3 == 0 ? "杭州市第一人民医院" : "北京协和医院", i % 101, image, i % 5 == 0 ? "HIGH_FREQUENCY" : "PAYER_MISMATCH");
      }
    });
    QueueQuery last = query("NEEDS_REVIEW", "HIGH_FREQUENCY", "200", null, "第一人民", 10, null, Sort.AMOUNT, true, 100, 50);
    long start = System.nanoTime();
    List<QueueRow> rows = repository.page(last);
    int total = repository.count(last);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // i divisible by 15, amount >= 200 (i >= 100), risk i % 101 >= 10.
    long expected = java.util.stream.IntStream.range(100, 2000).filter(i -> i % 15 == 0 && i % 101 >= 10).count();
    assertThat(total).isEqualTo((int) expected);
    assertThat(rows).hasSize(Math.min(50, (int) expected - 100));
    assertThat(rows).extracting(QueueRow::claimedAmount).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(millis).as("one filtered page with its count").isLessThan(3000);
  }

  List<String> ids(QueueQuery q) {
    return repository.page(q).stream().map(QueueRow::claimId).toList();
  }
}
