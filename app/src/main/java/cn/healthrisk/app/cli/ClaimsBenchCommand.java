package cn.healthrisk.app.cli;

import cn.healthrisk.claims.bench.BenchReport;
import cn.healthrisk.claims.bench.LabelledDocument;
import cn.healthrisk.claims.bench.LabelledFolder;
import cn.healthrisk.claims.bench.ReceiptBench;
import cn.healthrisk.claims.ocr.OcrEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine claims bench --in D}: accuracy of the rules extraction on a labelled folder. Runs
 * without the database or Spring: the reader and extractor are built directly.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Score the rules extraction on a labelled folder (<name>.json ground truth per document or a "
        + "ground-truth.jsonl): per-field accuracy, items P/R/F1, exact documents, accuracy by degradation and "
        + "family, wrong values above 0.95 confidence, null rate, pages/min/core and peak heap.")
public class ClaimsBenchCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "The labelled folder.")
  Path in;

  @Option(names = "--ocr", defaultValue = "rapidocr",
      description = "OCR engine: rapidocr, tesseract or both (default ${DEFAULT-VALUE}).")
  String ocr;

  @Option(names = "--limit", description = "Score only the first N documents (by name).")
  Integer limit;

  @Option(names = "--json", description = "Also write the figures (and per-document scores) to this JSON file.")
  Path json;

  @Option(names = "--text-cache", description = "Keep each document's OCR text here and reuse it on later runs "
      + "(for re-scoring extractor changes quickly; cached documents are not timed).")
  Path textCache;

  @Option(names = "--seal-filter", negatable = true,
      description = "Fade red seals before OCR (--seal-filter) or not (--no-seal-filter); default: as in production, "
          + "on for rapidocr, off for tesseract.")
  Boolean sealFilter;

  @Option(names = "--straighten", negatable = true,
      description = "Find a photographed sheet against its background and undo its perspective before OCR "
          + "(--straighten) or not (--no-straighten); default: as in production, on for rapidocr, off for tesseract.")
  Boolean straighten;

  @Option(names = "--details", description = "List each wrong value against its truth.")
  boolean details;

  @Option(names = "--quiet", description = "No per-document progress lines.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    quietLibraryLogs();
    if (!Files.isDirectory(in)) {
      System.err.println("engine claims bench: not a folder: " + in);
      return 2;
    }
    List<String> engines = switch (ocr.strip().toLowerCase(Locale.ROOT)) {
      case "both" -> OcrEngines.NAMES;
      case "rapidocr", "tesseract" -> List.of(ocr.strip().toLowerCase(Locale.ROOT));
      default -> null;
    };
    if (engines == null) {
      System.err.println("engine claims bench: --ocr must be rapidocr, tesseract or both, not " + ocr);
      return 2;
    }
    List<LabelledDocument> docs;
    try {
      docs = LabelledFolder.load(in);
    } catch (IllegalArgumentException e) {
      System.err.println("engine claims bench: " + e.getMessage());
      return 2;
    }
    if (limit != null) {
      docs = docs.subList(0, Math.min(Math.max(0, limit), docs.size()));
    }
    if (docs.isEmpty()) {
      System.err.println("engine claims bench: no labelled documents in " + in);
      return 2;
    }
    ReceiptBench bench = new ReceiptBench(sealFilter, textCache, straighten);
    List<ReceiptBench.EngineRun> runs = new ArrayList<>();
    for (String engine : engines) {
      runs.add(bench.run(engine, docs, line -> {
        if (!quiet) {
          System.err.println(line);
        }
      }));
    }
    System.out.print(BenchReport.text(runs, details));
    if (json != null) {
      Files.writeString(json, BenchReport.json(runs), StandardCharsets.UTF_8);
      System.out.println("Figures written to " + json);
    }
    boolean noConfidentErrors = runs.stream().allMatch(r -> r.summary().wrongConfident() == 0);
    return noConfidentErrors ? 0 : 1;
  }

  // Without Spring's logging setup the OCR library logs every page at INFO onto standard output.
  private static void quietLibraryLogs() {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
