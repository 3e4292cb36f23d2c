package cn.healthrisk.claims.bench;

import cn.healthrisk.claims.bench.ReceiptBench.EngineRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The bench's figures as text tables (Markdown) and as JSON. */
public final class BenchReport {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchReport() {}

  /** The tables of one or more engine runs over the same documents; with two, a comparison. */
  public static String text(List<EngineRun> runs) {
    return text(runs, false);
  }

  /** As {@link #text(List)}; with {@code details}, each wrong value against its truth. */
  public static String text(List<EngineRun> runs, boolean details) {
    StringBuilder sb = new StringBuilder();
    for (EngineRun run : runs) {
      BenchSummary s = run.summary();
      sb.append(String.format(Locale.ROOT, "## OCR engine %s: %d documents (%d unreadable)%n%n", run.engine(),
          s.documents(), s.unreadable()));
      sb.append("| figure | value |\n|---|---|\n");
      row(sb, "field accuracy", pct(s.fieldAccuracy()));
      row(sb, "document exact rate", pct(s.documentExactRate()));
      row(sb, "items precision / recall / F1", pct(s.itemPrecision()) + " / " + pct(s.itemRecall()) + " / "
          + pct(s.itemF1()));
      row(sb, "wrong values with confidence > 0.95", String.valueOf(s.wrongConfident()));
      row(sb, "null rate (set in truth, read as null)", pct(s.nullRate()));
      row(sb, "pages / minute / core", s.pagesPerMinutePerCore() == 0 ? "n/a (cached text)"
          : String.format(Locale.ROOT, "%.1f", s.pagesPerMinutePerCore()));
      row(sb, "peak heap used", mib(run.peakHeapBytes()));
      if (run.peakRssBytes() > 0) {
        row(sb, "peak process RSS (incl. native OCR)", mib(run.peakRssBytes()));
      }
      sb.append('\n');
      sb.append("| by degradation | docs | field accuracy |\n|---|---|---|\n");
      s.byDegradation().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", k,
          s.documentsByDegradation().get(k), pct(v))));
      sb.append('\n');
      sb.append("| by family | docs | field accuracy |\n|---|---|---|\n");
      s.byFamily().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", k,
          s.documentsByFamily().get(k), pct(v))));
      sb.append('\n');
      sb.append("| field | accuracy |\n|---|---|\n");
      s.perField().forEach((k, v) -> row(sb, k, pct(v)));
      sb.append('\n');
      List<DocumentScore> wrong = run.scores().stream().filter(d -> !d.exact()).toList();
      if (!wrong.isEmpty()) {
        sb.append("Documents with a wrong field:\n");
        for (DocumentScore d : wrong) {
          sb.append("- ").append(d.document()).append(" (").append(d.family()).append('/')
              .append(d.degradation()).append("): ").append(d.wrongFields());
          if (!d.wrongConfident().isEmpty()) {
            sb.append(" confident: ").append(d.wrongConfident());
          }
          if (d.error() != null) {
            sb.append(" ").append(d.error());
          }
          sb.append('\n');
          if (details) {
            d.differences().forEach((f, v) -> sb.append("    ").append(f).append(": ").append(v).append('\n'));
          }
        }
        sb.append('\n');
      }
    }
    if (runs.size() > 1) {
      sb.append(comparison(runs));
    }
    return sb.toString();
  }

  /** Engines side by side. */
  static String comparison(List<EngineRun> runs) {
    StringBuilder sb = new StringBuilder("## Engines compared\n\n| figure |");
    runs.forEach(r -> sb.append(' ').append(r.engine()).append(" |"));
    sb.append("\n|---|");
    runs.forEach(r -> sb.append("---|"));
    sb.append('\n');
    compareRow(sb, runs, "field accuracy", r -> pct(r.summary().fieldAccuracy()));
    Set<String> degradations = new LinkedHashSet<>();
    runs.forEach(r -> degradations.addAll(r.summary().byDegradation().keySet()));
    for (String d : degradations) {
      compareRow(sb, runs, "  " + d, r -> pct(r.summary().byDegradation().getOrDefault(d, 0.0)));
    }
    Set<String> families = new LinkedHashSet<>();
    runs.forEach(r -> families.addAll(r.summary().byFamily().keySet()));
    for (String f : families) {
      compareRow(sb, runs, "  family " + f, r -> pct(r.summary().byFamily().getOrDefault(f, 0.0)));
    }
    compareRow(sb, runs, "document exact rate", r -> pct(r.summary().documentExactRate()));
    compareRow(sb, runs, "items F1", r -> pct(r.summary().itemF1()));
    compareRow(sb, runs, "wrong > 0.95", r -> String.valueOf(r.summary().wrongConfident()));
    compareRow(sb, runs, "null rate", r -> pct(r.summary().nullRate()));
    compareRow(sb, runs, "pages/min/core", r -> String.format(Locale.ROOT, "%.1f",
        r.summary().pagesPerMinutePerCore()));
    compareRow(sb, runs, "peak heap", r -> mib(r.peakHeapBytes()));
    return sb.append('\n').toString();
  }

  /** The figures as JSON. */
  public static String json(List<EngineRun> runs) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode engines = root.putArray("engines");
    for (EngineRun run : runs) {
      ObjectNode e = engines.addObject();
      e.put("engine", run.engine());
      e.set("summary", MAPPER.valueToTree(run.summary()));
      e.put("peakHeapBytes", run.peakHeapBytes());
      e.put("peakRssBytes", run.peakRssBytes());
      e.set("documents", MAPPER.valueToTree(run.scores()));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write bench JSON", e);
    }
  }

  private static void compareRow(StringBuilder sb, List<EngineRun> runs, String label,
      java.util.function.Function<EngineRun, String> value) {
    sb.append("| ").append(label).append(" |");
    runs.forEach(r -> sb.append(' ').append(value.apply(r)).append(" |"));
    sb.append('\n');
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }
}
