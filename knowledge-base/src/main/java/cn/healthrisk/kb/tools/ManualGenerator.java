package cn.healthrisk.kb.tools;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.ReferenceCodes;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.Outcome;
import cn.healthrisk.kb.model.ProductLine;
import cn.healthrisk.kb.model.Rule;
import cn.healthrisk.kb.model.Surgery;
import cn.healthrisk.kb.model.SystemRule;
import cn.healthrisk.kb.model.Threshold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kb manual}: an underwriting manual in Markdown generated from the knowledge base, one
 * file per ICD-10 chapter plus an index. For each condition it lists names, codes, operations,
 * checkup thresholds and, per group of product lines, the rules in the order the engine tries
 * them, with the inherited block and chapter rules marked.
 */
public final class ManualGenerator {

  private final KnowledgeBase kb;
  private final ReferenceCodes reference = ReferenceCodes.shipped();

  public ManualGenerator(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** Writes {@code index.md} and the chapter files into {@code dir}; returns the files written. */
  public List<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, List<Disease>> byChapter = new TreeMap<>();
    kb.diseases().forEach(d -> byChapter.computeIfAbsent(d.chapter(), k -> new ArrayList<>()).add(d));
    List<Path> written = new ArrayList<>();
    StringBuilder index = new StringBuilder();
    index.append("# 核保手册\n\n");
    index.append("知识库版本：`").append(kb.version()).append("`  \n");
    index.append(String.format("疾病 %d 种，手术 %d 种，体检指标 %d 项，核保规则 %d 条。%n%n", kb.diseases().size(),
        kb.surgeries().size(), kb.indicators().size(), kb.rules().size()));
    index.append("本手册由知识库数据自动生成；规则按引擎的判断顺序排列：先看疾病本身的规则，再看所属分类（ICD-10 类目段）"
        + "和章节的规则（标注“继承”），同一层级内第一条条件满足的规则生效。\n\n");
    index.append("## 章节目录\n\n| 章节 | 名称 | 疾病数 |\n|---|---|---|\n");
    for (Map.Entry<String, List<Disease>> e : byChapter.entrySet()) {
      String file = fileName(e.getKey());
      index.append("| [").append(e.getKey()).append("](").append(file).append(") | ").append(title(e.getKey()))
          .append(" | ").append(e.getValue().size()).append(" |\n");
      Path chapterFile = dir.resolve(file);
      Files.writeString(chapterFile, chapter(e.getKey(), e.getValue()), StandardCharsets.UTF_8);
      written.add(chapterFile);
    }
    index.append("\n## 通用规则\n\n| 规则 | 情形 | 结论 | 说明 |\n|---|---|---|---|\n");
    for (SystemRule.Kind kind : SystemRule.Kind.values()) {
      SystemRule r = kb.findSystemRule(kind).orElse(null);
      if (r != null) {
        index.append("| ").append(r.id()).append(" | ").append(kind).append(" | ")
            .append(RuleText.outcome(r.outcome().type())).append(" | ").append(cell(r.reason())).append(" |\n");
      }
    }
    index.append(String.format("%n累计加费上限：%d%%；识别置信度低于 %.2f 的告知转人工核保。%n",
        kb.settings().extraPremiumCapPct(), kb.settings().minConfidence()));
    Path indexFile = dir.resolve("index.md");
    Files.writeString(indexFile, index.toString(), StandardCharsets.UTF_8);
    written.add(0, indexFile);
    return written;
  }

  static String fileName(String chapter) {
    return "chapter-" + chapter + ".md";
  }

  private String title(String range) {
    return reference.range(range).map(ReferenceCodes.Block::title).orElse("");
  }

  String chapter(String chapter, List<Disease> diseases) {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(chapter).append(" ").append(title(chapter)).append("\n\n[返回目录](index.md)\n\n");
    Map<String, List<Disease>> byBlock = new TreeMap<>();
    diseases.forEach(d -> byBlock.computeIfAbsent(d.category(), k -> new ArrayList<>()).add(d));
    for (Map.Entry<String, List<Disease>> block : byBlock.entrySet()) {
      s.append("## ").append(block.getKey()).append(" ").append(title(block.getKey())).append("\n\n");
      for (Disease d : block.getValue()) {
        disease(s, d);
      }
    }
    return s.toString();
  }

  private void disease(StringBuilder s, Disease d) {
    s.append("### ").append(d.name()).append("（").append(d.id()).append("）\n\n");
    s.append("- **ICD-10**：").append(String.join("、", d.icd10())).append("\n");
    s.append("- **同义词**：").append(String.join("、", d.synonyms())).append("\n");
    if (d.broader() != null) {
      kb.disease(d.broader()).ifPresent(b -> s.append("- **上位疾病**：").append(b.name()).append("\n"));
    }
    if (!d.attributes().isEmpty()) {
      List<String> attrs = new ArrayList<>();
      d.attributes().forEach((k, v) -> attrs.add(RuleText.fact(k) + "：" + RuleText.value(v)));
      s.append("- **固有属性**：").append(String.join("，", attrs)).append("\n");
    }
    for (Surgery op : kb.surgeries()) {
      if (op.conditionId().equals(d.id())) {
        s.append("- **相关手术**：").append(op.name()).append("（ICD-9-CM-3 ").append(String.join("、", op.icd9()))
            .append("；又称 ").append(String.join("、", op.synonyms())).append("）\n");
      }
    }
    for (Indicator ind : kb.indicators()) {
      for (Threshold t : ind.thresholds()) {
        if (t.conceptId().equals(d.id())) {
          s.append("- **体检触发**：").append(ind.name()).append("（").append(ind.code()).append("）")
              .append(t.text() == null ? "" : " " + t.text()).append("，规则 ").append(t.id()).append("\n");
        }
      }
    }
    s.append("\n");
    Map<List<Applied>, List<String>> groups = new LinkedHashMap<>();
    for (ProductLine line : kb.productLines()) {
      groups.computeIfAbsent(applicable(d, line.code()), k -> new ArrayList<>()).add(line.name());
    }
    for (Map.Entry<List<Applied>, List<String>> g : groups.entrySet()) {
      s.append("**").append(String.join("、", g.getValue())).append("**\n\n");
      s.append("| 条件 | 结论 | 加费 | 除外责任 | 延期(月) | 需补充资料 | 说明 | 规则 |\n|---|---|---|---|---|---|---|---|\n");
      for (Applied a : g.getKey()) {
        Outcome o = a.rule().outcome();
        s.append("| ").append(cell(RuleText.conditions(a.rule().when())))
            .append(" | ").append(RuleText.outcome(o.type()))
            .append(" | ").append(o.extraPremiumPct() > 0 ? "+" + o.extraPremiumPct() + "%" : "")
            .append(" | ").append(o.clause() == null ? "" : cell(o.clause())
                + (o.icd10Prefixes().isEmpty() ? "" : "（" + String.join("、", o.icd10Prefixes()) + "）"))
            .append(" | ").append(o.postponeMonths() == null ? "" : o.postponeMonths())
            .append(" | ").append(cell(String.join("；", o.evidenceRequests())))
            .append(" | ").append(cell(a.rule().reason()))
            .append(" | ").append(a.rule().id()).append(a.inherited() == null ? "" : "（继承自" + a.inherited() + "）")
            .append(" |\n");
      }
      s.append("\n");
    }
  }

  /** A rule as it applies to one condition; {@code inherited} names the block or chapter it comes from. */
  private record Applied(Rule rule, String inherited) {}

  /**
   * The rules the engine may use for this disease and line, in the order it tries them, up to
   * the first unconditional one (nothing after it can apply).
   */
  private List<Applied> applicable(Disease d, String line) {
    List<Applied> out = new ArrayList<>();
    List<String> levels = List.of(d.id(), d.category(), d.chapter());
    for (int level = 0; level < levels.size(); level++) {
      String target = levels.get(level);
      for (Rule r : kb.rules()) {
        boolean targeted = level == 0 ? target.equals(r.diseaseId()) : target.equals(r.category());
        if (targeted && r.appliesTo(line)) {
          out.add(new Applied(r, level == 0 ? null : (level == 1 ? "分类 " : "章节 ") + target));
          if (r.when().isEmpty()) {
            return out;
          }
        }
      }
    }
    return out;
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
