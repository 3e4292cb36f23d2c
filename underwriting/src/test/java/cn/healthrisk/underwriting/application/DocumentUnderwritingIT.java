package cn.healthrisk.underwriting.application;

import static cn.healthrisk.sql.jooq.Tables.UW_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.FieldError;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.persistence.StoredDecision;
import cn.healthrisk.underwriting.replay.ReplayReport;
import cn.healthrisk.underwriting.replay.ReplayService;
import cn.healthrisk.underwriting.report.DocumentReading;
import cn.healthrisk.underwriting.report.ReportDocumentReader;
import cn.healthrisk.underwriting.report.ReportLayout;
import cn.healthrisk.underwriting.report.ReportUnreadableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applications with report documents through the service and the store: read before anything is stored,
 * the reading kept in the snapshot, retries compared by the documents' hashes, replays without reading.
 * Documents here are text files read by a stand-in reader; the app module reads real PDFs and images.
 */
class DocumentUnderwritingIT {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final String REPORT = String.join("\n", "健康体检报告", "体检日期: 2026-09-30", "肝功能",
      "谷丙转氨酶(ALT) 85 U/L 9-50 ↑", "甲状腺彩超", "检查结论: 甲状腺右叶低回声结节 TI-RADS 3类", "总检结论",
      "1、谷丙转氨酶升高", "2、甲状腺右叶结节");

  private TestDatabase db;
  private DSLContext dsl;
  private DecisionRepository repository;
  private UnderwritingService service;
  private final TextReader reader = new TextReader();

  /** Reads UTF-8 text as report lines; "CORRUPT" and "HUGE" stand for files a real reader refuses. */
  static final class TextReader implements ReportDocumentReader {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public long maxBytes() {
      return 4096;
    }

    @Override
    public ReportLayout read(String name, byte[] content) throws ReportUnreadableException {
      reads.incrementAndGet();
      String text = new String(content, StandardCharsets.UTF_8);
      if (text.startsWith("CORRUPT")) {
        throw new ReportUnreadableException(ReportUnreadableException.Problem.INVALID, "文件已损坏，无法解析: " + name);
      }
      if (text.startsWith("HUGE")) {
        throw new ReportUnreadableException(ReportUnreadableException.Problem.TOO_LARGE, "页数过多: " + name);
      }
      return ReportLayout.ofLines(text.lines().toList());
    }
  }

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
    DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
    repository = new DecisionRepository(dsl);
    service = new UnderwritingService(new UnderwritingEngine(KB, normalizer, new CheckupEvaluator(KB, normalizer),
        Clock.fixed(Instant.parse("2026-11-24T10:15:30.123Z"), ZoneOffset.UTC)), new ApplicationValidator(KB),
        repository, reader);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  static Application application(String id, String disclosure, String... documents) {
    return new Application(id, LocalDate.of(2026, 11, 20),
        new Application.Applicant(45, "M", new BigDecimal("175"), new BigDecimal("70"), false),
        List.of("CRITICAL_ILLNESS", "MILLION_MEDICAL"),
        disclosure == null ? List.of() : List.of(new Application.Disclosure(disclosure, null, null, null)), null,
        List.of(documents));
  }

  private static Map<String, byte[]> files(Object... nameAndText) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (int i = 0; i < nameAndText.length; i += 2) {
      out.put((String) nameAndText[i], ((String) nameAndText[i + 1]).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theReadingIsStoredWithTheDecisionAndAReplayReproducesItWithoutReadingAgain() throws Exception {
    StoredDecision stored = service.issue(application("A-DOC-1", "甲状腺结节两年", "reports/report.pdf"),
        files("reports/report.pdf", REPORT), "c1", null);

    assertThat(stored.decision().findings()).extracting(Decision.Finding::concept)
        .containsExactly("甲状腺结节", "肝功能异常");
    JsonNode doc = UnderwritingJson.mapper().readTree(stored.documentsJson()).get(0);
    assertThat(doc.get("name").asText()).isEqualTo("reports/report.pdf");
    assertThat(doc.get("size").asLong()).isEqualTo(REPORT.getBytes(StandardCharsets.UTF_8).length);
    assertThat(doc.get("sha256").asText()).isEqualTo(sha256(REPORT));
    assertThat(doc.get("reportDate").asText()).isEqualTo("2026-09-30");
    assertThat(doc.get("items").findValuesAsText("name")).containsExactly("谷丙转氨酶(ALT)");
    assertThat(doc.get("texts").findValuesAsText("text")).contains("甲状腺彩超:甲状腺右叶低回声结节 TI-RADS 3类");
    String column = dsl.select(UW_DECISION.DOCUMENTS_JSON).from(UW_DECISION).fetchOne(UW_DECISION.DOCUMENTS_JSON);
    assertThat(column).isEqualTo(stored.documentsJson());
    assertThat(reader.reads).hasValue(1);

    ReplayReport report = new ReplayService(repository).replay(KB, null, null);

    assertThat(report.replayed()).isEqualTo(1);
    assertThat(report.errors()).isEmpty();
    assertThat(report.reproducibilityFailures()).isEmpty();
    assertThat(reader.reads).as("replay uses the stored reading").hasValue(1);
  }

  @Test
  void aRetryWithTheSameDocumentsIsAnsweredFromTheStoreAndOtherDocumentsAreRefused() {
    Application app = application("A-DOC-2", null, "report.pdf");
    StoredDecision first = service.issue(app, files("report.pdf", REPORT), "c1", "key-1");
    StoredDecision again = service.issue(app, files("report.pdf", REPORT), "c1", "key-1");

    assertThat(again.decisionJson()).isEqualTo(first.decisionJson());
    assertThat(reader.reads).as("the retry is not read again").hasValue(1);
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(1);

    assertThatThrownBy(() -> service.issue(app, files("report.pdf", REPORT.replace("85", "95")), "c1", "key-1"))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(1);
  }

  @Test
  void missingUnlistedCorruptAndOversizedDocumentsAreNamedAndNothingIsStored() {
    assertThat(errors(() -> service.issue(application("A-DOC-3", null, "a.pdf", "b.png"), files("a.pdf", REPORT),
        "c1", null))).extracting(FieldError::path).containsExactly("documents[1]");
    assertThat(errors(() -> service.issue(application("A-DOC-3", null, "a.pdf"),
        files("a.pdf", REPORT, "extra.pdf", REPORT), "c1", null)))
        .singleElement().satisfies(f -> {
          assertThat(f.path()).isEqualTo("documents");
          assertThat(f.message()).contains("extra.pdf");
        });
    assertThat(errors(() -> service.issue(application("A-DOC-3", null, "a.pdf", "b.pdf"),
        files("a.pdf", REPORT, "b.pdf", "CORRUPT"), "c1", null)))
        .singleElement().satisfies(f -> {
          assertThat(f.path()).isEqualTo("documents[1]");
          assertThat(f.message()).contains("b.pdf").contains("损坏");
        });
    assertThat(errors(() -> service.issue(application("A-DOC-3", null, "a.pdf", "a.pdf"),
        files("a.pdf", REPORT), "c1", null))).extracting(FieldError::path).containsExactly("documents[1]");

    assertThatThrownBy(() -> service.issue(application("A-DOC-3", null, "big.pdf"), files("big.pdf", "x".repeat(5000)),
        "c1", null)).isInstanceOfSatisfying(DocumentTooLargeException.class, e -> {
          assertThat(e.code()).isEqualTo("DOCUMENT_TOO_LARGE");
          assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("documents[0]"));
        });
    assertThatThrownBy(() -> service.issue(application("A-DOC-3", null, "many-pages.pdf"),
        files("many-pages.pdf", "HUGE"), "c1", null)).isInstanceOf(DocumentTooLargeException.class);

    assertThat(dsl.fetchCount(UW_DECISION)).isZero();
  }

  @Test
  void withoutAReaderAnApplicationWithDocumentsIsNotDecidedButOneWithoutIs() {
    DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
    UnderwritingService noReader = new UnderwritingService(new UnderwritingEngine(KB, normalizer,
        new CheckupEvaluator(KB, normalizer), Clock.systemUTC()), new ApplicationValidator(KB), repository);

    assertThatThrownBy(() -> noReader.issue(application("A-DOC-4", null, "a.pdf"), files("a.pdf", REPORT), "c1", null))
        .isInstanceOf(DocumentReaderUnavailableException.class);
    assertThat(noReader.decide(application("A-DOC-5", "无"), "c1", null).decisionFor("CRITICAL_ILLNESS").outcome())
        .isEqualTo(OutcomeType.STANDARD);
    assertThat(dsl.fetchCount(UW_DECISION)).isEqualTo(1);
  }

  @Test
  void theStoredReadingIsReadBack() throws Exception {
    StoredDecision stored = service.issue(application("A-DOC-6", null, "report.pdf"), files("report.pdf", REPORT),
        "c1", null);

    List<DocumentReading> back = repository.documents(repository.findLatest("c1", "A-DOC-6").orElseThrow());

    assertThat(back).singleElement().satisfies(d -> {
      assertThat(d.sha256()).isEqualTo(sha256(REPORT));
      assertThat(d.readBy()).isEqualTo("TEXT");
      assertThat(d.lines()).isEqualTo(9);
    });
    assertThat(UnderwritingJson.mapper().writeValueAsString(back)).isEqualTo(stored.documentsJson());
  }

  private static List<FieldError> errors(Runnable call) {
    try {
      call.run();
    } catch (ApplicationValidationException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("expected a validation error");
  }
}
