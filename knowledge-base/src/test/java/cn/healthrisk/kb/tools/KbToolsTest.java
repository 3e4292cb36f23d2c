package cn.healthrisk.kb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services behind {@code kb normalize}, {@code lookup}, {@code bench}, {@code manual} and {@code diff}. */
class KbToolsTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final DisclosureNormalizer NORMALIZER = new DisclosureNormalizer(KB);

  @Test
  void normalizeWritesTheTopFindingFlattenedAndAllFindings() throws Exception {
    StringWriter out = new StringWriter();
    int n = new BatchNormalizer(NORMALIZER, DAY).run(new BufferedReader(new StringReader(
        "{\"text\": \"父亲糖尿病，本人2019年阑尾切除\"}\n\n{\"text\": \"否认高血压\"}\nnot json\n")), out);
    assertThat(n).isEqualTo(3);
    List<JsonNode> rows = out.toString().lines().map(KbToolsTest::json).toList();
    JsonNode first = rows.get(0);
    assertThat(first.get("concept").asText()).isEqualTo("阑尾炎");
    assertThat(first.get("icd10").asText()).isEqualTo("K35.800");
    assertThat(first.get("procedure").asText()).isEqualTo("47.0100");
    assertThat(first.get("negated").asBoolean()).isFalse();
    assertThat(first.get("findings")).hasSize(2);
    assertThat(first.get("findings").get(0).get("subject").asText()).isEqualTo("FAMILY");
    assertThat(rows.get(1).get("negated").asBoolean()).isTrue();
    assertThat(rows.get(2).get("error").asText()).startsWith("not JSON");
  }

  @Test
  void lookupDescribesEverythingTheEngineUnderstood() {
    String line = FindingViews.describe(NORMALIZER.normalize("三年前查出甲状腺节结TI-RADS 3类，复查无变化", DAY).get(0));
    assertThat(line).contains("甲状腺结节 (THY_NODULE)", "E04.101", "肯定", "2023-11", "STABLE", "tirads=3",
        "fuzzy:transposition", "匹配词 甲状腺结节");
  }

  @Test
  void benchScoresTheEvaluationSetAndTimesIt() throws Exception {
    List<NormalizerBench.EvalCase> cases;
    try (InputStream in = getClass().getResourceAsStream("/eval/fixture.jsonl")) {
      cases = NormalizerBench.read(in);
    }
    assertThat(cases).hasSize(7);
    NormalizerBench.Result r = new NormalizerBench(NORMALIZER, DAY).run(cases, Duration.ofMillis(50),
        Duration.ofMillis(200));
    // Everything but the lupus case, which the knowledge base does not know.
    assertThat(r.top1Accuracy()).isEqualTo(6.0 / 7);
    assertThat(r.negationAccuracy()).isEqualTo(1.0);
    assertThat(r.misses()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("f7"));
    assertThat(r.byTag()).containsKeys("negation", "family", "typo", "unknown");
    assertThat(r.byTag().get("unknown")[0]).isZero();
    assertThat(r.phrasesPerSecond()).isPositive();
    assertThat(NormalizerBench.format(r)).contains("top-1 concept", "85.7%", "f7", "phrases/s");
  }

  @Test
  void manualHasAnIndexAndAChapterPerIcdChapterWithInheritedRulesMarked(@TempDir Path dir) throws Exception {
    List<Path> files = new ManualGenerator(KB).write(dir);
    assertThat(files.get(0).getFileName().toString()).isEqualTo("index.md");
    String index = Files.readString(dir.resolve("index.md"));
    assertThat(index).contains("# 核保手册", KB.version(), "[I00-I99](chapter-I00-I99.md)", "UW-SYS-001");
    String circulatory = Files.readString(dir.resolve("chapter-I00-I99.md"));
    assertThat(circulatory).contains("### 高血压（HTN）", "血压高", "I10.x00", "防癌险、防癌医疗险、意外伤害保险",
        "收缩压(mmHg) ≥ 180", "拒保", "+25%", "因高血压及其并发症", "UW-HTN-010");
    // Tumours without a rule of their own fall to their block's or chapter's rules, marked as inherited.
    assertThat(Files.readString(dir.resolve("chapter-C00-D48.md"))).containsPattern("UW-[A-Z0-9-]+（继承自");
    String endocrine = Files.readString(dir.resolve("chapter-E00-E90.md"));
    assertThat(endocrine).contains("体检触发", "IND-GLU-001", "延期", "UW-THY-002");
  }

  @Test
  void diffListsAddedRemovedAndChangedEntriesWithTheirFields(@TempDir Path dir) throws Exception {
    copyShippedKb(dir);
    replace(dir.resolve("diseases.yaml"), "synonyms: [羊癫疯, 羊角风, 癫痫发作]", "synonyms: [羊癫疯, 羊角风, 癫痫大发作]");
    replace(dir.resolve("rules.yaml"), "outcome: {type: RATED, extraPremiumPct: 75}", "outcome: {type: RATED, extraPremiumPct: 100}");
    replace(dir.resolve("surgeries.yaml"), "  - {id: LUNG_WEDGE", "  - {id: LUNG_WEDGE_X");
    Files.writeString(dir.resolve("indicators-extra.yaml"), "\n  - {code: NEWIND, name: 新指标, aliases: [新指标X], unit: U/L, thresholds: []}\n",
        java.nio.file.StandardOpenOption.APPEND);
    KnowledgeBase changed = KnowledgeBaseLoader.loadDirectory(dir);
    KbDiff.Result r = KbDiff.diff(KB, changed);
    assertThat(r.sections().get("diseases").changed()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("EPILEPSY");
      assertThat(c.fields()).extracting(KbDiff.FieldChange::field).containsExactly("synonyms");
    });
    assertThat(r.sections().get("rules").changed()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("UW-DM-003");
      assertThat(c.fields()).singleElement().satisfies(f -> {
        assertThat(f.before()).isEqualTo("75");
        assertThat(f.after()).isEqualTo("100");
      });
    });
    assertThat(r.sections().get("surgeries").added()).containsExactly("LUNG_WEDGE_X 胸腔镜下肺楔形切除术");
    assertThat(r.sections().get("surgeries").removed()).containsExactly("LUNG_WEDGE 胸腔镜下肺楔形切除术");
    assertThat(r.sections().get("indicators").added()).containsExactly("NEWIND 新指标");
    assertThat(KbDiff.format(r)).contains("## 疾病 (+0 −0 ~1)", "extraPremiumPct: 75 → 100", r.toVersion());
    assertThat(KbDiff.diff(KB, KB).isEmpty()).isTrue();
  }

  @Test
  void anOlderCopyWithoutTheLaterSystemRulesLoadsForReplayButDoesNotValidate(@TempDir Path dir) throws Exception {
    copyShippedKb(dir);
    replace(dir.resolve("rules.yaml"), "  - id: UW-SYS-007\n    kind: UNRECOGNISED_DOCUMENT\n"
        + "    outcome: {type: REFER, evidenceRequests: [清晰完整的体检报告（含各项检查结果、单位、参考范围及总检结论）]}\n"
        + "    reason: 已上传的体检报告未能识别出任何检查项目或结论，需人工核对\n", "");
    KnowledgeBase older = KnowledgeBaseLoader.loadDirectory(dir);
    assertThat(older.findSystemRule(cn.healthrisk.kb.model.SystemRule.Kind.UNRECOGNISED_DOCUMENT)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> older.systemRule(cn.healthrisk.kb.model.SystemRule.Kind.UNRECOGNISED_DOCUMENT))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("UNRECOGNISED_DOCUMENT");
    assertThat(new cn.healthrisk.kb.validate.KnowledgeBaseValidator().validate(older).errors())
        .anySatisfy(i -> assertThat(i.toString()).contains("UNRECOGNISED_DOCUMENT"));
    assertThat(new cn.healthrisk.kb.validate.KnowledgeBaseValidator().validate(KB).errors()).isEmpty();

    // One of the first kinds missing is still a broken knowledge base.
    replace(dir.resolve("rules.yaml"), "kind: NO_FINDINGS", "kind: PENDING_TREATMENT");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KnowledgeBaseLoader.loadDirectory(dir))
        .hasMessageContaining("NO_FINDINGS");
  }

  private static void copyShippedKb(Path dir) throws Exception {
    ClassLoader cl = KbToolsTest.class.getClassLoader();
    String manifest = new String(cl.getResourceAsStream("kb/manifest.yaml").readAllBytes(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("manifest.yaml"), manifest);
    for (String line : manifest.lines().filter(l -> l.startsWith("  - ")).toList()) {
      String file = line.substring(4).trim();
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      try (InputStream in = cl.getResourceAsStream("kb/" + file)) {
        Files.write(target, in.readAllBytes());
      }
    }
  }

  private static void replace(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
