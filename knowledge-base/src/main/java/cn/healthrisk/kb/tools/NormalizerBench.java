package cn.healthrisk.kb.tools;

import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code kb bench}: accuracy of the normaliser on an evaluation set and its single-thread
 * throughput. A case's {@code expected} lists conditions as 3-character ICD-10 categories and
 * ICD-9-CM-3 "NN.N" prefixes; only findings about the applicant count as found.
 */
public final class NormalizerBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_MAX_MISSES = 30;

  /** One line of the evaluation set. */
  public record EvalCase(String id, String text, List<Expected> expected, List<String> tags) {}

  /** An expected condition: ICD-10 category and/or procedure prefix, and whether it is denied. */
  public record Expected(String icd10, String procedure, boolean negated) {
    /**
     * The finding's concept is coded in the expected category: by its primary code or by another
     * of the concept's own codes (糖尿病 is both E11 and E14 in Chinese practice).
     */
    boolean matches(ClinicalFinding f, Function<String, List<String>> conceptCodes) {
      boolean icd = icd10 == null || (f.icd10() != null && (inCategory(f.icd10())
          || conceptCodes.apply(f.conceptId()).stream().anyMatch(this::inCategory)));
      String code = FindingViews.procedure(f);
      boolean proc = procedure == null || (code != null && code.startsWith(procedure));
      return f.known() && icd && proc;
    }

    private boolean inCategory(String code) {
      return code.toUpperCase(Locale.ROOT).startsWith(icd10.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return (icd10 == null ? "" : icd10) + (procedure == null ? "" : "/" + procedure) + (negated ? "(否定)" : "");
    }
  }

  /** A case the normaliser got wrong, with what it read. */
  public record Miss(String id, String text, String expected, String got, String reason) {}

  /** Accuracy figures (0..1) and throughput; {@code byTag} is top-1 accuracy and case count per tag. */
  public record Result(int cases, double top1Accuracy, double negationAccuracy, int negationChecked, double recall,
      double precision, Map<String, double[]> byTag, List<Miss> misses, int missCount, double phrasesPerSecond,
      long timedPhrases, double phrasesPerCpuSecond, Map<String, Integer> missesByKind) {}

  private final DisclosureNormalizer normalizer;
  private final LocalDate referenceDate;

  private final int maxMisses;

  public NormalizerBench(DisclosureNormalizer normalizer, LocalDate referenceDate) {
    this(normalizer, referenceDate, DEFAULT_MAX_MISSES);
  }

  /** {@code maxMisses}: how many misses the result lists (all are counted). */
  public NormalizerBench(DisclosureNormalizer normalizer, LocalDate referenceDate, int maxMisses) {
    this.normalizer = normalizer;
    this.referenceDate = referenceDate;
    this.maxMisses = Math.max(0, maxMisses);
  }

  /** Reads a JSON-lines evaluation set; blank lines are skipped, a malformed line is an error naming its number. */
  public static List<EvalCase> read(InputStream in) throws IOException {
    List<EvalCase> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new IOException("line " + number + ": not JSON: " + e.getMessage(), e);
      }
      if (node == null || !node.hasNonNull("text")) {
        throw new IOException("line " + number + ": needs \"text\"");
      }
      List<Expected> expected = new ArrayList<>();
      for (JsonNode e : iterable(node.get("expected"))) {
        expected.add(new Expected(text(e, "icd10"), text(e, "procedure"), e.path("negated").asBoolean(false)));
      }
      List<String> tags = new ArrayList<>();
      iterable(node.get("tags")).forEach(t -> tags.add(t.asText()));
      String id = node.hasNonNull("id") ? node.get("id").asText() : "#" + number;
      out.add(new EvalCase(id, node.get("text").asText(), List.copyOf(expected), List.copyOf(tags)));
    }
    return out;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node == null || !node.isArray() ? List.of() : node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
  }

  /** Scores the set, then times repeated passes over it for at least {@code timed} after a warm-up. */
  public Result run(List<EvalCase> cases, Duration warmUp, Duration timed) {
    Function<String, List<String>> codes = id -> id == null ? List.of()
        : normalizer.knowledgeBase().disease(id).map(d -> d.icd10()).orElse(List.of());
    int correct = 0;
    int negationRight = 0;
    int negationChecked = 0;
    int expectedTotal = 0;
    int expectedFound = 0;
    int foundTotal = 0;
    int foundRight = 0;
    Map<String, int[]> tags = new TreeMap<>();
    List<Miss> misses = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    int missCount = 0;
    for (EvalCase c : cases) {
      List<ClinicalFinding> all = normalizer.normalize(c.text(), referenceDate);
      List<ClinicalFinding> own = all.stream().filter(f -> f.known() && f.aboutApplicant()).toList();
      String reason = null;
      if (c.expected().isEmpty()) {
        if (own.stream().anyMatch(f -> !f.negated())) {
          reason = "nothing expected";
        }
      } else {
        Optional<ClinicalFinding> top = FindingViews.top(own);
        if (top.isEmpty()) {
          reason = "nothing read";
        } else if (c.expected().stream().noneMatch(e -> e.matches(top.get(), codes))) {
          reason = "top finding";
        }
      }
      // Each expected item takes its own finding, one of the same polarity first ("左乳结节，右乳无结节").
      java.util.Set<ClinicalFinding> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (Expected e : c.expected()) {
        expectedTotal++;
        Optional<ClinicalFinding> hit = own.stream()
            .filter(f -> e.matches(f, codes) && !used.contains(f) && f.negated() == e.negated()).findFirst()
            .or(() -> own.stream().filter(f -> e.matches(f, codes) && !used.contains(f)).findFirst())
            .or(() -> own.stream().filter(f -> e.matches(f, codes)).findFirst());
        hit.ifPresent(used::add);
        if (hit.isPresent()) {
          expectedFound++;
          negationChecked++;
          if (hit.get().negated() == e.negated()) {
            negationRight++;
          } else if (reason == null) {
            reason = "negation";
          }
        }
      }
      for (ClinicalFinding f : own) {
        foundTotal++;
        if (c.expected().stream().anyMatch(e -> e.matches(f, codes))) {
          foundRight++;
        }
      }
      boolean ok = reason == null || reason.equals("negation");
      if (ok) {
        correct++;
      }
      for (String tag : c.tags().isEmpty() ? List.of("(none)") : c.tags()) {
        int[] t = tags.computeIfAbsent(tag, k -> new int[2]);
        t[0] += ok ? 1 : 0;
        t[1]++;
      }
      if (reason != null && !reason.equals("negation")) {
        kinds.merge(reason, 1, Integer::sum);
      }
      if (reason != null) {
        missCount++;
        if (misses.size() < maxMisses) {
          misses.add(new Miss(c.id(), c.text(), c.expected().toString(), describe(all), reason));
        }
      }
    }
    Map<String, double[]> byTag = new TreeMap<>();
    tags.forEach((k, v) -> byTag.put(k, new double[] {ratio(v[0], v[1]), v[1]}));
    long[] timing = time(cases, warmUp, timed);
    double perSecond = timing[1] == 0 ? 0 : timing[0] * 1e9 / timing[1];
    double perCpuSecond = timing[2] <= 0 ? perSecond : timing[0] * 1e9 / timing[2];
    return new Result(cases.size(), ratio(correct, cases.size()), ratio(negationRight, negationChecked), negationChecked,
        ratio(expectedFound, expectedTotal), ratio(foundRight, foundTotal), byTag, List.copyOf(misses), missCount,
        perSecond, timing[0], perCpuSecond, kinds);
  }

  /**
   * Phrases normalised, wall nanoseconds and this thread's CPU nanoseconds, after the warm-up. CPU
   * time is what "per core" means on a shared machine, where wall time also counts other work.
   */
  private long[] time(List<EvalCase> cases, Duration warmUp, Duration timed) {
    if (cases.isEmpty()) {
      return new long[] {0, 0, 0};
    }
    long sink = 0;
    long end = System.nanoTime() + warmUp.toNanos();
    while (System.nanoTime() < end) {
      for (EvalCase c : cases) {
        sink += normalizer.normalize(c.text(), referenceDate).size();
      }
    }
    long phrases = 0;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
    long start = System.nanoTime();
    long stop = start + timed.toNanos();
    long now;
    do {
      for (EvalCase c : cases) {
        sink += normalizer.normalize(c.text(), referenceDate).size();
      }
      phrases += cases.size();
      now = System.nanoTime();
    } while (now < stop);
    // Using the result keeps the JIT from dropping the work being timed.
    long cpuNanos = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : -1;
    return new long[] {phrases + (sink < 0 ? 1 : 0), now - start, cpuNanos};
  }

  private static String describe(List<ClinicalFinding> findings) {
    if (findings.isEmpty()) {
      return "(nothing)";
    }
    List<String> parts = new ArrayList<>();
    for (ClinicalFinding f : findings) {
      String code = f.icd10() == null ? "?" : f.icd10();
      String proc = FindingViews.procedure(f);
      parts.add((f.known() ? f.concept() + " " + code : "未识别") + (proc == null ? "" : "/" + proc)
          + (f.negated() ? "(否定)" : "") + (f.aboutApplicant() ? "" : "(家族)")
          + String.format(Locale.ROOT, " %.2f", f.confidence()));
    }
    return String.join("; ", parts);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  /** The report {@code kb bench} prints. */
  public static String format(Result r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "cases                 %d%n", r.cases()));
    s.append(String.format(Locale.ROOT, "top-1 concept         %.1f%%%n", 100 * r.top1Accuracy()));
    s.append(String.format(Locale.ROOT, "negation              %.1f%% (of %d found conditions)%n",
        100 * r.negationAccuracy(), r.negationChecked()));
    s.append(String.format(Locale.ROOT, "recall / precision    %.1f%% / %.1f%%%n", 100 * r.recall(), 100 * r.precision()));
    s.append("by tag:\n");
    r.byTag().forEach((tag, v) -> s.append(String.format(Locale.ROOT, "  %-20s %5.1f%%  (%d)%n", tag, 100 * v[0],
        (int) v[1])));
    s.append(String.format(Locale.ROOT, "misses: %d%s%n", r.missCount(),
        r.missCount() > r.misses().size() ? " (first " + r.misses().size() + " shown)" : ""));
    // Of the phrases scored wrong: no known condition read, another one read first, or a finding where none was due.
    if (!r.missesByKind().isEmpty()) {
      s.append("  by kind:");
      r.missesByKind().forEach((k, v) -> s.append(String.format(Locale.ROOT, " %s %d;", k, v)));
      s.append('\n');
    }
    for (Miss m : r.misses()) {
      s.append(String.format(Locale.ROOT, "  %-10s %s%n             expected %s, got %s [%s]%n", m.id(), m.text(),
          m.expected(), m.got(), m.reason()));
    }
    s.append(String.format(Locale.ROOT, "throughput            %.0f phrases/s wall, %.0f phrases per CPU-second, one thread"
        + " (%d phrases timed)%n", r.phrasesPerSecond(), r.phrasesPerCpuSecond(), r.timedPhrases()));
    return s.toString();
  }
}
