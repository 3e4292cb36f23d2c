package cn.healthrisk.app.cli;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseException;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.KbStats;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine kb ...}: tools for the people who keep the knowledge base. */
@Command(name = "kb", mixinStandardHelpOptions = true, description = "Inspect and validate the knowledge base.",
    subcommands = {KbCommand.Stats.class, KbCommand.Validate.class})
public class KbCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
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
      System.out.println(m.writeValueAsString(out));
      return;
    }
    System.out.printf("Knowledge base %s%n", kb.version());
    System.out.printf("  diseases %d, surgeries %d, indicators %d, product lines %d, rules %d%n", s.diseases(),
        s.surgeries(), s.indicators(), s.productLines(), s.rules());
    s.diseasesByChapter().forEach((k, v) -> System.out.printf("  %-40s %d%n", k, v));
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
      printStats(dir == null ? KnowledgeBaseLoader.loadDefault() : KnowledgeBaseLoader.loadDirectory(dir), json);
      return 0;
    }
  }

  /** {@code engine kb validate}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check every code against the reference lists and every rule against the schema.")
  public static class Validate implements Callable<Integer> {
    @Option(names = "--dir", description = "Validate this folder instead of the built-in knowledge base.")
    Path dir;

    @Override
    public Integer call() {
      try {
        KnowledgeBase kb = dir == null ? KnowledgeBaseLoader.loadDefault() : KnowledgeBaseLoader.loadDirectory(dir);
        KbStats s = kb.stats();
        System.out.printf("Knowledge base %s is valid: %d diseases, %d surgeries, %d indicators, %d rules.%n",
            kb.version(), s.diseases(), s.surgeries(), s.indicators(), s.rules());
        return 0;
      } catch (KnowledgeBaseException e) {
        System.err.printf("Knowledge base is invalid (%d problems):%n", e.problems().size());
        e.problems().forEach(p -> System.err.println("  - " + p));
        return 1;
      }
    }
  }
}
