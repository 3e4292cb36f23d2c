package cn.healthrisk.underwriting.replay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.checkup.CheckupItem;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.application.UnderwritingService;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayServiceIT {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();

  private TestDatabase db;
  private UnderwritingService underwriting;
  private ReplayService replay;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:15:30.123Z"));

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    DSLContext dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
    DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
    DecisionRepository repository = new DecisionRepository(dsl);
    underwriting = new UnderwritingService(
        new UnderwritingEngine(KB, normalizer, new CheckupEvaluator(KB, normalizer), clock),
        new ApplicationValidator(KB), repository);
    replay = new ReplayService(repository);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void replayOnTheIssuingKnowledgeBaseReproducesEveryDecisionExactly() throws IOException {
    List<Decision> issued = storeSamples();

    ReplayReport report = replay.replay(KB, null, null);

    assertThat(report.replayed()).isEqualTo(issued.size());
    assertThat(report.sameVersion()).isEqualTo(issued.size());
    assertThat(report.errors()).isEmpty();
    assertThat(report.reproducibilityFailures()).isEmpty();
    assertThat(report.changes()).isEmpty();
    // Attribute keys come out sorted, whatever order the normaliser's maps iterate in this JVM.
    ObjectMapper json = UnderwritingJson.mapper();
    for (Decision d : issued) {
      for (JsonNode finding : json.readTree(json.writeValueAsString(d)).get("findings")) {
        List<String> keys = new ArrayList<>();
        finding.get("attributes").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted();
      }
    }
  }

  @Test
  void replayOnAKnowledgeBaseWithOneRuleChangedReportsTheDifference(@TempDir Path dir) throws IOException {
    List<Decision> issued = storeSamples();
    Decision hepatitis = issued.get(1);
    Decision.ProductLineDecision before = hepatitis.decisionFor("CRITICAL_ILLNESS");
    String ruleId = before.reasons().get(0).ruleId();
    copyShippedKb(dir);
    declineInstead(dir, ruleId);
    KnowledgeBase changed = KnowledgeBaseLoader.loadDirectory(dir);
    assertThat(changed.version()).isNotEqualTo(KB.version());

    ReplayReport report = replay.replay(changed, null, null);

    assertThat(report.replayed()).isEqualTo(issued.size());
    assertThat(report.sameVersion()).isZero();
    assertThat(report.errors()).isEmpty();
    ReplayReport.ApplicationChange change = report.changes().stream()
        .filter(c -> c.applicationId().equals(hepatitis.applicationId())).findFirst().orElseThrow();
    assertThat(change.lines()).filteredOn(l -> l.productLine().equals("CRITICAL_ILLNESS")).singleElement()
        .satisfies(l -> {
          assertThat(l.before()).isEqualTo(before.outcome());
          assertThat(l.after()).isEqualTo(OutcomeType.DECLINE);
          assertThat(l.rulesAfter()).contains(ruleId);
        });
    // Only decisions the edited rule took part in can change.
    assertThat(report.changes()).flatExtracting(ReplayReport.ApplicationChange::lines)
        .allSatisfy(l -> assertThat(l.rulesBefore()).contains(ruleId));
    assertThat(report.changesByProductLine()).containsEntry("CRITICAL_ILLNESS", (int) report.changes().stream()
        .flatMap(c -> c.lines().stream()).filter(l -> l.productLine().equals("CRITICAL_ILLNESS")).count());
    assertThat(report.changesByTransition()).containsKey(before.outcome() + " -> DECLINE");
  }

  @Test
  void replayKeepsToOneClientAndToDecisionsSinceADate() {
    clock.set(Instant.parse("2026-10-01T08:00:00Z"));
    underwriting.decide(hepatitis("A-OLD"), "insurer-1", null);
    clock.set(Instant.parse("2026-11-24T08:00:00Z"));
    underwriting.decide(hepatitis("A-NEW"), "insurer-1", null);
    underwriting.decide(hepatitis("A-OTHER"), "insurer-2", null);

    assertThat(replay.replay(KB, "insurer-1", null).replayed()).isEqualTo(2);
    assertThat(replay.replay(KB, null, Instant.parse("2026-11-01T00:00:00Z")).replayed()).isEqualTo(2);
    assertThat(replay.replay(KB, "insurer-1", Instant.parse("2026-11-01T00:00:00Z")).replayed()).isEqualTo(1);
  }

  /** Three applications; the second has 小三阳 and CRITICAL_ILLNESS. Each is decided at its own time. */
  private List<Decision> storeSamples() {
    List<Decision> out = new ArrayList<>();
    clock.set(Instant.parse("2026-11-24T10:15:30.123Z"));
    out.add(underwriting.decide(contractExample("A-1"), "insurer-1", "k-1"));
    clock.set(Instant.parse("2026-11-25T02:00:00Z"));
    out.add(underwriting.decide(hepatitis("A-2"), "insurer-1", "k-2"));
    clock.set(Instant.parse("2026-11-26T23:59:59.999Z"));
    // No application date: relative times count back from the decision's own day, which replay must reuse.
    out.add(underwriting.decide(new Application("A-3", null,
        new Application.Applicant(50, "M", new BigDecimal("170.5"), new BigDecimal("95"), true),
        List.of("CRITICAL_ILLNESS", "TERM_LIFE", "MILLION_MEDICAL"),
        List.of(new Application.Disclosure("糖尿病三年前确诊，吃药控制", null, null, null),
            new Application.Disclosure("去年做过胆囊切除", null, null, null)),
        new Application.Checkup(null, List.of(new CheckupItem("HbA1c", "7.2", "%"),
            new CheckupItem("血压", "150/95", "mmHg"), new CheckupItem("尿酸", "9.1", "mg/dL"))),
        List.of()), "insurer-2", null));
    return out;
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

  static Application hepatitis(String id) {
    return new Application(id, LocalDate.of(2026, 11, 21),
        new Application.Applicant(42, "M", new BigDecimal("175"), new BigDecimal("80"), true),
        List.of("CRITICAL_ILLNESS", "MILLION_MEDICAL", "CANCER"),
        List.of(new Application.Disclosure("小三阳，肝功能一直正常", null, null, null)),
        new Application.Checkup(LocalDate.of(2026, 10, 12), List.of(new CheckupItem("HBsAg", "阳性", null),
            new CheckupItem("GPT", "32", "U/L"))),
        List.of());
  }

  /** Copies the files the shipped manifest lists, as an insurer would start a new knowledge-base release. */
  private static void copyShippedKb(Path dir) throws IOException {
    byte[] manifest = resource("kb/manifest.yaml");
    Files.write(dir.resolve("manifest.yaml"), manifest);
    JsonNode files = new ObjectMapper(new YAMLFactory()).readTree(manifest).get("files");
    for (JsonNode f : files) {
      Path target = dir.resolve(f.asText());
      Files.createDirectories(target.getParent());
      Files.write(target, resource("kb/" + f.asText()));
    }
  }

  /** Rewrites the outcome of rule {@code ruleId} (a one-line flow mapping) to DECLINE. */
  private static void declineInstead(Path dir, String ruleId) throws IOException {
    Pattern outcome = Pattern.compile("outcome: \\{[^}]*}");
    List<Path> yamls;
    try (var walk = Files.walk(dir)) {
      yamls = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
    }
    for (Path file : yamls) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("id: " + ruleId + ",")) {
          Matcher m = outcome.matcher(lines.get(i));
          assertThat(m.find()).as("rule %s has a one-line outcome in %s", ruleId, file).isTrue();
          lines.set(i, m.replaceFirst("outcome: {type: DECLINE}"));
          Files.write(file, lines, StandardCharsets.UTF_8);
          return;
        }
      }
    }
    throw new AssertionError("rule " + ruleId + " not found in the copied knowledge base");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ReplayServiceIT.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  /** A clock the test moves between decisions. */
  private static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
