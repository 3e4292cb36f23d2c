package cn.healthrisk.app.cli;

import cn.healthrisk.claims.generator.FontUnavailableException;
import cn.healthrisk.claims.generator.GeneratedDocument;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine claims generate --out D}: labelled synthetic receipts for the bench. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write synthetic receipts (image or PDF) with exact ground truth (<name>.json and "
        + "ground-truth.jsonl) for `claims bench`. Families: B 电子住院, C 门诊机打, D 住院机打清单, E 门诊热敏小票 "
        + "(the default); held out from extractor development: F 财政电子票据 (门诊 and 住院), G 上海住院机打 "
        + "(pre-printed form, dot-matrix), H 北京门诊机打 (自付一/自付二).")
public class ClaimsGenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Folder to write into (created if missing).")
  Path out;

  @Option(names = "--count", defaultValue = "20", description = "Number of documents (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same documents.")
  long seed;

  @Option(names = "--families", split = ",", defaultValue = "B,C,D,E",
      description = "Layout families, comma-separated, of B-H (default ${DEFAULT-VALUE}).")
  List<String> families;

  @Option(names = "--degradations", split = ",", defaultValue = "clean,scan,photo",
      description = "Capture modes, comma-separated (default ${DEFAULT-VALUE}).")
  List<String> degradations;

  @Override
  public Integer call() {
    if (count < 1) {
      System.err.println("engine claims generate: --count must be at least 1");
      return 2;
    }
    Set<String> fams = new LinkedHashSet<>();
    families.forEach(f -> fams.add(f.strip().toUpperCase(Locale.ROOT)));
    Set<String> degs = new LinkedHashSet<>();
    degradations.forEach(d -> degs.add(d.strip().toLowerCase(Locale.ROOT)));
    try {
      List<GeneratedDocument> docs = new ReceiptGenerator().generate(out, count, seed, fams, degs);
      Map<String, Integer> byKind = new TreeMap<>();
      for (GeneratedDocument d : docs) {
        byKind.merge(d.meta().get("family") + "/" + d.meta().get("degradation"), 1, Integer::sum);
      }
      System.out.printf("Wrote %d receipts with ground truth to %s %s%n", docs.size(), out, byKind);
      return 0;
    } catch (FontUnavailableException e) {
      // The message names the packages to install (fonts-noto-cjk, fonts-wqy-zenhei).
      System.err.println("engine claims generate: no CJK font: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println("engine claims generate: " + e.getMessage());
      return 2;
    }
  }
}
