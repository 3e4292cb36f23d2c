package cn.healthrisk.app.cli;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseException;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.KbStats;
import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.kb.tools.BatchNormalizer;
import cn.healthrisk.kb.tools.FindingViews;
import cn.healthrisk.kb.tools.KbDiff;
import cn.healthrisk.kb.tools.ManualGenerator;
import cn.healthrisk.kb.tools.NormalizerBench;
import cn.healthrisk.kb.validate.KnowledgeBaseValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine kb ...}: tools for the people who keep the knowledge base. */
@Command(name = "kb", mixinStandardHelpOptions = true,
    description = "Inspect, validate, document and try out the knowledge base (no database needed).",
    subcommands = {KbCommand.Stats.class, KbCommand.Validate.class, KbCommand.Normalize.class, KbCommand.Lookup.class,
        KbCommand.Bench.class, KbCommand.Manual.class, KbCommand.Diff.class})
public class KbCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static KnowledgeBase load(Path dir) {
    return dir == null ? KnowledgeBaseLoader.loadDefault() : KnowledgeBaseLoader.loadDirectory(dir);
  }

  /** Prints the counts of the loaded knowledge base. */
  static void printStats(ConfigurableApplicationContext ctx, boolean json) throws Exception {
    printStats(ctx.getBean(KnowledgeBase.class), json);
  }

  static void printStats(KnowledgeBase kb, boolean json) throws Exception {
    KbStats s = kb.stats();
    if (json) {
      ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("version", kb.version());
      out.put("diseases", s.diseases());
      out.put("surgeries", s.surgeries());
      out.put("indicators", s.indicators());
      out.put("productLines", s.productLines());
      out.put("rules", s.rules());
      out.put("diseasesByChapter", s.diseasesByChapter());
      out.put("diseasesByCategory", s.diseasesByCategory());
      out.put("rulesByProductLineAndOutcome", s.rulesByProductLineAndOutcome());
      out.put("diseasesByProductLineAndOutcome", s.diseasesByProductLineAndOutcome());
      out.put("diseasesWithConditionalRules", s.diseasesWithConditionalRules());
      System.out.println(m.writeValueAsString(out));
      return;
    }
    System.out.printf("Knowledge base %s%n", kb.version());
    System.out.printf("  diseases %d, surgeries %d, indicators %d, product lines %d, rules %d%n", s.diseases(),
        s.surgeries(), s.indicators(), s.productLines(), s.rules());
    System.out.println("Diseases by ICD-10 chapter:");
    s.diseasesByChapter().forEach((k, v) -> System.out.printf("  %-40s %d%n", k, v));
    List<String> outcomes = java.util.Arrays.stream(cn.healthrisk.kb.model.OutcomeType.values()).map(Enum::name)
        .toList();
    System.out.println();
    System.out.println("Diseases by product line and the outcome when nothing more is known of them"
        + " (and how many have rules on grade, size, control or time):");
    printLineTable(s.diseasesByProductLineAndOutcome(), outcomes, s.diseasesWithConditionalRules());
    System.out.println();
    System.out.println("Rules by product line and outcome:");
    printLineTable(s.rulesByProductLineAndOutcome(), outcomes, null);
  }

  private static void printLineTable(Map<String, Map<String, Integer>> table, List<String> outcomes,
      Map<String, Integer> extra) {
    StringBuilder head = new StringBuilder(String.format("  %-20s", "product line"));
    outcomes.forEach(o -> head.append(String.format(" %9s", o)));
    if (extra != null) {
      head.append(String.format(" %12s", "conditional"));
    }
    System.out.println(head);
    table.forEach((line, counts) -> {
      StringBuilder row = new StringBuilder(String.format("  %-20s", line));
      outcomes.forEach(o -> row.append(String.format(" %9d", counts.getOrDefault(o, 0))));
      if (extra != null) {
        row.append(String.format(" %12d", extra.getOrDefault(line, 0)));
      }
      System.out.println(row);
    });
  }

  /** {@code engine kb stats [--json]}. */
  @Command(name = "stats", mixinStandardHelpOptions = true, description = "Print counts by category, product line and rule.")
  public static class Stats implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON (keys diseases, surgeries, indicators, productLines, rules ...).")
    boolean json;

    @Option(names = "--dir", description = "Load the knowledge base from this folder instead of the built-in one.")
    Path dir;

    @Override
    public Integer call() throws Exception {
      // Loads the data files directly: no database is needed to inspect the knowledge base.
      printStats(load(dir), json);
      return 0;
    }
  }

  /** {@code engine kb validate}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = {"Check every code against the reference lists and every rule against the schema, then look for "
          + "contradictions and gaps: crossing bands with different outcomes, unreachable rules, diseases left to a "
          + "chapter-wide REFER (counted per chapter), terms shared across diseases, surgeries and indicators.",
          "Exit code 1 when there are errors; warnings alone exit 0."})
  public static class Validate implements Callable<Integer> {
    @Option(names = "--dir", description = "Validate this folder instead of the built-in knowledge base.")
    Path dir;

    @Override
    public Integer call() {
      KnowledgeBase kb;
      try {
        kb = load(dir);
      } catch (KnowledgeBaseException e) {
        System.err.printf("Knowledge base is invalid (%d problems):%n", e.problems().size());
        e.problems().forEach(p -> System.err.println("  - " + p));
        return 1;
      }
      KbStats s = kb.stats();
      KnowledgeBaseValidator.Report report = new KnowledgeBaseValidator().validate(kb);
      System.out.printf("Knowledge base %s loads: %d diseases, %d surgeries, %d indicators, %d rules.%n",
          kb.version(), s.diseases(), s.surgeries(), s.indicators(), s.rules());
      report.errors().forEach(i -> System.out.println("  " + i));
      report.warnings().forEach(i -> System.out.println("  " + i));
      System.out.printf("%d error(s), %d warning(s); %d disease(s) decided only by a chapter REFER.%n",
          report.errors().size(), report.warnings().size(),
          report.gaps().values().stream().mapToInt(List::size).sum());
      return report.errors().isEmpty() ? 0 : 1;
    }
  }

  /** {@code engine kb normalize --in F --out F}. */
  @Command(name = "normalize", mixinStandardHelpOptions = true,
      description = {"Read JSON lines {\"text\": \"...\"} and write, per line, {text, icd10, procedure, concept, "
          + "conceptId, negated, confidence, findings[]}: the top finding flattened, then every finding.",
          "A line that is not such an object gets {input, error} and the run goes on."})
  public static class Normalize implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "Input file, JSON lines (UTF-8).")
    Path in;

    @Option(names = "--out", required = true, description = "Output file, JSON lines (UTF-8); overwritten.")
    Path out;

    @Option(names = "--date", description = "Reference date for 三年前, 去年 ... (YYYY-MM-DD, default today).")
    LocalDate date;

    @Option(names = "--dir", description = "Use the knowledge base in this folder instead of the built-in one.")
    Path dir;

    @Override
    public Integer call() throws Exception {
      BatchNormalizer batch = new BatchNormalizer(new DisclosureNormalizer(load(dir)), today(date));
      int n;
      try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
          Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        n = batch.run(reader, writer);
      }
      System.out.printf("%d line(s) written to %s%n", n, out);
      return 0;
    }
  }

  /** {@code engine kb lookup "<text>"}. */
  @Command(name = "lookup", mixinStandardHelpOptions = true,
      description = "Print what the engine understands in a disclosure: per finding the concept, ICD-10 and "
          + "ICD-9-CM-3 codes, negation, family history, time, status, attributes, confidence and the matched term.")
  public static class Lookup implements Callable<Integer> {
    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "TEXT", description = "The disclosure text.")
    List<String> text;

    @Option(names = "--date", description = "Reference date for relative times (YYYY-MM-DD, default today).")
    LocalDate date;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    @Option(names = "--dir", description = "Use the knowledge base in this folder instead of the built-in one.")
    Path dir;

    @Override
    public Integer call() throws Exception {
      KnowledgeBase kb = load(dir);
      List<ClinicalFinding> findings = new DisclosureNormalizer(kb).normalize(String.join(" ", text), today(date));
      if (json) {
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(findings.stream().map(FindingViews::json).toList()));
        return 0;
      }
      if (findings.isEmpty()) {
        System.out.println("(nothing recognised)");
      }
      for (int i = 0; i < findings.size(); i++) {
        System.out.printf("%d. %s%n", i + 1, FindingViews.describe(findings.get(i)));
      }
      System.out.printf("Below %.2f confidence the underwriting engine refers the finding to a human.%n",
          kb.settings().minConfidence());
      return 0;
    }
  }

  /** {@code engine kb bench [--eval F]}. */
  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = {"Run the evaluation set through the normaliser and print top-1 concept accuracy, negation "
          + "accuracy, recall/precision, accuracy by tag, the first misses of a development set, and single-thread "
          + "throughput (after a warm-up, repeated over the set for at least --seconds).",
          "Exit code 0 whatever the numbers."})
  public static class Bench implements Callable<Integer> {
    /** The blind set: never used for tuning, so its figures are the ones to quote. */
    static final String DEFAULT_EVAL = "eval/blind.jsonl";

    @Option(names = "--eval", description = "Evaluation set, JSON lines {id, text, expected[{icd10, procedure, "
        + "negated}], tags[]} (default: classpath " + DEFAULT_EVAL + ", the blind set; the development sets are "
        + "eval/disclosures.jsonl, eval/dev2.jsonl, eval/dev3.jsonl and eval/holdout.jsonl).")
    Path eval;

    @Option(names = "--seconds", defaultValue = "5", description = "Minimum timed duration (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--date", description = "Reference date for relative times (YYYY-MM-DD, default today).")
    LocalDate date;

    @Option(names = "--dir", description = "Use the knowledge base in this folder instead of the built-in one.")
    Path dir;

    @Option(names = "--misses", description = "How many misses to list (default 30 for a development set given "
        + "with --eval, none for the blind set: reading its misses would make it a development set).")
    Integer misses;

    @Override
    public Integer call() throws Exception {
      List<NormalizerBench.EvalCase> cases;
      try (InputStream in = eval != null ? Files.newInputStream(eval)
          : KbCommand.class.getClassLoader().getResourceAsStream(DEFAULT_EVAL)) {
        if (in == null) {
          System.out.println("No evaluation set: classpath " + DEFAULT_EVAL + " is not there yet; pass --eval FILE.");
          return 0;
        }
        cases = NormalizerBench.read(in);
      }
      int shown = misses != null ? misses : eval != null ? 30 : 0;
      NormalizerBench bench = new NormalizerBench(new DisclosureNormalizer(load(dir)), today(date), shown);
      NormalizerBench.Result result = bench.run(cases, Duration.ofSeconds(2), Duration.ofSeconds(Math.max(1, seconds)));
      System.out.println("evaluation set        " + (eval != null ? eval.toString()
          : "classpath " + DEFAULT_EVAL + " (blind: never used for tuning)"));
      System.out.print(NormalizerBench.format(result));
      return 0;
    }
  }

  /** {@code engine kb manual --out DIR}. */
  @Command(name = "manual", mixinStandardHelpOptions = true,
      description = "Generate the underwriting manual (Markdown, Chinese headings): index.md plus one file per "
          + "ICD-10 chapter; per condition its names, codes, operations, checkup triggers and, per group of product "
          + "lines, the rules in the order the engine tries them, inherited block/chapter rules marked.")
  public static class Manual implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Folder to write into (created if missing).")
    Path out;

    @Option(names = "--dir", description = "Document the knowledge base in this folder instead of the built-in one.")
    Path dir;

    @Override
    public Integer call() throws Exception {
      List<Path> files = new ManualGenerator(load(dir)).write(out);
      System.out.printf("%d file(s) written to %s (start with index.md)%n", files.size(), out);
      return 0;
    }
  }

  /** {@code engine kb diff --from DIR [--to DIR]}. */
  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "Print a changelog (Markdown) between two knowledge-base versions: versions, added, removed and "
          + "changed diseases, surgeries, indicators, rules and settings, with the changed fields.")
  public static class Diff implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "Folder of the older knowledge base.")
    Path from;

    @Option(names = "--to", description = "Folder of the newer knowledge base (default: the built-in one).")
    Path to;

    @Override
    public Integer call() {
      try {
        System.out.print(KbDiff.format(KbDiff.diff(load(from), load(to))));
        return 0;
      } catch (KnowledgeBaseException e) {
        System.err.printf("Cannot load a knowledge base (%d problems):%n", e.problems().size());
        e.problems().forEach(p -> System.err.println("  - " + p));
        return 1;
      }
    }
  }

  /** The reference date: given, or today at the edge of the program (the services take it as a parameter). */
  static LocalDate today(LocalDate given) {
    return given != null ? given : LocalDate.now();
  }
}
