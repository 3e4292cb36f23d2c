package cn.healthrisk.kb.tools;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.Rule;
import cn.healthrisk.kb.model.Surgery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** {@code kb diff}: a changelog between two knowledge-base versions, entry by entry and field by field. */
public final class KbDiff {
  private KbDiff() {}

  /** One changed field of an entry, as text before and after. */
  public record FieldChange(String field, String before, String after) {}

  /** An entry present in both versions whose fields differ. */
  public record Changed(String id, String name, List<FieldChange> fields) {}

  /** What changed per kind ({@code diseases}, {@code surgeries}, {@code indicators}, {@code rules}, {@code settings}). */
  public record Section(List<String> added, List<String> removed, List<Changed> changed) {
    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  public record Result(String fromVersion, String toVersion, Map<String, Section> sections) {
    public boolean isEmpty() {
      return sections.values().stream().allMatch(Section::isEmpty);
    }
  }

  public static Result diff(KnowledgeBase from, KnowledgeBase to) {
    Map<String, Section> sections = new LinkedHashMap<>();
    sections.put("diseases", section(from.diseases(), to.diseases(), Disease::id, Disease::name, KbDiff::fields));
    sections.put("surgeries", section(from.surgeries(), to.surgeries(), Surgery::id, Surgery::name, KbDiff::fields));
    sections.put("indicators", section(from.indicators(), to.indicators(), Indicator::code, Indicator::name,
        KbDiff::fields));
    sections.put("rules", section(from.rules(), to.rules(), Rule::id, Rule::reason, KbDiff::fields));
    sections.put("settings", section(List.of(from), List.of(to), kb -> "settings", kb -> "", KbDiff::settings));
    return new Result(from.version(), to.version(), sections);
  }

  private static <T> Section section(List<T> before, List<T> after, Function<T, String> id, Function<T, String> name,
      Function<T, Map<String, Object>> fields) {
    Map<String, T> old = new LinkedHashMap<>();
    before.forEach(t -> old.put(id.apply(t), t));
    Map<String, T> now = new LinkedHashMap<>();
    after.forEach(t -> now.put(id.apply(t), t));
    List<String> added = now.keySet().stream().filter(k -> !old.containsKey(k))
        .map(k -> label(k, name.apply(now.get(k)))).toList();
    List<String> removed = old.keySet().stream().filter(k -> !now.containsKey(k))
        .map(k -> label(k, name.apply(old.get(k)))).toList();
    List<Changed> changed = new ArrayList<>();
    for (Map.Entry<String, T> e : now.entrySet()) {
      T was = old.get(e.getKey());
      if (was == null) {
        continue;
      }
      Map<String, Object> a = fields.apply(was);
      Map<String, Object> b = fields.apply(e.getValue());
      List<FieldChange> diffs = new ArrayList<>();
      for (String f : new TreeSet<>(union(a.keySet(), b.keySet()))) {
        String x = text(a.get(f));
        String y = text(b.get(f));
        if (!Objects.equals(x, y)) {
          diffs.add(new FieldChange(f, x, y));
        }
      }
      if (!diffs.isEmpty()) {
        changed.add(new Changed(e.getKey(), name.apply(e.getValue()), diffs));
      }
    }
    return new Section(added, removed, changed);
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String label(String id, String name) {
    return name == null || name.isBlank() ? id : id + " " + name;
  }

  /** Values compared as text, so 1.0 and 1.00, or sets in another order, are not changes. */
  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.math.BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    if (v instanceof java.util.Set<?> set) {
      return new TreeSet<>(set.stream().map(String::valueOf).toList()).toString();
    }
    if (v instanceof Map<?, ?> m) {
      return new TreeMap<>(m).toString();
    }
    return String.valueOf(v);
  }

  private static Map<String, Object> fields(Disease d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("icd10", d.icd10());
    m.put("category", d.category());
    m.put("synonyms", d.synonyms());
    m.put("patterns", d.patterns().stream().map(Pattern::pattern).toList());
    m.put("broader", d.broader());
    m.put("attributes", d.attributes());
    return m;
  }

  private static Map<String, Object> fields(Surgery s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("icd9", s.icd9());
    m.put("condition", s.conditionId());
    m.put("synonyms", s.synonyms());
    return m;
  }

  private static Map<String, Object> fields(Indicator i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", i.name());
    m.put("aliases", i.aliases());
    m.put("unit", i.unit());
    m.put("conversions", i.conversions().stream().map(c -> c.unit() + (c.multiply() != null
        ? " ×" + c.multiply().stripTrailingZeros().toPlainString()
        : " ÷" + c.divide().stripTrailingZeros().toPlainString())).toList());
    m.put("ranges", i.ranges().stream().map(r -> (r.sex() == null ? "" : r.sex() + " ")
        + (r.minAge() == null && r.maxAge() == null ? "" : "age " + r.minAge() + "-" + r.maxAge() + " ")
        + r.low().stripTrailingZeros().toPlainString() + "-" + r.high().stripTrailingZeros().toPlainString()).toList());
    m.put("qualitative", i.qualitative());
    m.put("compositeOf", i.compositeOf());
    m.put("outranks", i.outranks());
    m.put("thresholds", i.thresholds().stream().map(t -> t.id() + "→" + t.conceptId()
        + bound(" ≥", t.gte()) + bound(" >", t.gt()) + bound(" ≤", t.lte()) + bound(" <", t.lt())
        + bound(" >ULN×", t.gtUln()) + (t.positive() == null ? "" : " positive=" + t.positive())
        + (t.attributes().isEmpty() ? "" : " " + new TreeMap<>(t.attributes()))).toList());
    return m;
  }

  private static String bound(String op, java.math.BigDecimal v) {
    return v == null ? "" : op + v.stripTrailingZeros().toPlainString();
  }

  private static Map<String, Object> fields(Rule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", r.diseaseId() != null ? r.diseaseId() : r.category());
    m.put("productLines", r.productLines());
    m.put("when", RuleText.conditions(r.when()));
    m.put("outcome", r.outcome().type());
    m.put("extraPremiumPct", r.outcome().extraPremiumPct());
    m.put("clause", r.outcome().clause());
    m.put("icd10Prefixes", r.outcome().icd10Prefixes());
    m.put("postponeMonths", r.outcome().postponeMonths());
    m.put("evidenceRequests", r.outcome().evidenceRequests());
    m.put("reason", r.reason());
    return m;
  }

  private static Map<String, Object> settings(KnowledgeBase kb) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("extraPremiumCapPct", kb.settings().extraPremiumCapPct());
    m.put("minConfidence", kb.settings().minConfidence());
    m.put("productLines", kb.productLines().stream().map(p -> p.code() + " " + p.name()).toList());
    return m;
  }

  /** The changelog as Markdown. */
  public static String format(Result r) {
    StringBuilder s = new StringBuilder();
    s.append("# 知识库变更：").append(r.fromVersion()).append(" → ").append(r.toVersion()).append("\n\n");
    if (r.isEmpty()) {
      return s.append("无变化。\n").toString();
    }
    Map<String, String> titles = Map.of("diseases", "疾病", "surgeries", "手术", "indicators", "体检指标", "rules",
        "核保规则", "settings", "设置");
    r.sections().forEach((kind, sec) -> {
      if (sec.isEmpty()) {
        return;
      }
      s.append("## ").append(titles.getOrDefault(kind, kind)).append(String.format(" (+%d −%d ~%d)%n%n",
          sec.added().size(), sec.removed().size(), sec.changed().size()));
      sec.added().forEach(a -> s.append("- 新增 ").append(a).append("\n"));
      sec.removed().forEach(a -> s.append("- 删除 ").append(a).append("\n"));
      for (Changed c : sec.changed()) {
        s.append("- 修改 ").append(label(c.id(), c.name())).append("\n");
        c.fields().forEach(f -> s.append("  - ").append(f.field()).append(": ").append(shorten(f.before()))
            .append(" → ").append(shorten(f.after())).append("\n"));
      }
      s.append("\n");
    });
    return s.toString();
  }

  private static String shorten(String v) {
    if (v == null) {
      return "(无)";
    }
    return v.length() > 160 ? v.substring(0, 157) + "..." : v;
  }
}
