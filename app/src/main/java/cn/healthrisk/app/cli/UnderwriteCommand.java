package cn.healthrisk.app.cli;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.application.ApplicationValidationException;
import cn.healthrisk.underwriting.application.DocumentReaderUnavailableException;
import cn.healthrisk.underwriting.application.DocumentTooLargeException;
import cn.healthrisk.underwriting.application.UnderwritingService;
import cn.healthrisk.underwriting.bench.GoldenPack;
import cn.healthrisk.underwriting.bench.ThroughputBench;
import cn.healthrisk.underwriting.bench.TypicalApplication;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.FieldError;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.replay.DecisionDiff;
import cn.healthrisk.underwriting.replay.ReplayReport;
import cn.healthrisk.underwriting.replay.ReplayService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine underwrite --in F --out F}: one decision (or error record) per application line, in
 * input order; {@code replay} and {@code bench} are its subcommands.
 */
@Command(name = "underwrite", mixinStandardHelpOptions = true,
    description = "Underwrite applications (JSON lines) and write one decision per line, in input order. A malformed "
        + "line, or one whose checkup report documents cannot be read, gets an error record; the others still run. "
        + "Relative document paths resolve against the folder of the input file. The output appears only when "
        + "complete.",
    subcommands = {UnderwriteCommand.Replay.class, UnderwriteCommand.Bench.class})
public class UnderwriteCommand implements Callable<Integer> {
  // Not required by picocli: `underwrite replay` and `underwrite bench` do without them.
  @Option(names = "--in", description = "Applications, one JSON object per line.")
  Path in;

  @Option(names = "--out", description = "Decisions, one JSON object per line, in input order.")
  Path out;

  @Option(names = "--client", defaultValue = "cli", description = "Client id recorded with each decision (default: ${DEFAULT-VALUE}).")
  String client;

  @Option(names = "--threads", description = "Applications decided at once (default: the number of cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** Counts of one batch. */
  record Totals(int decided, int errors) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (in == null || out == null) {
      System.err.println("engine underwrite: --in and --out are required (or use 'underwrite replay' / 'underwrite bench')");
      return 2;
    }
    if (!Files.isRegularFile(in)) {
      System.err.println("engine underwrite: input file not found: " + in);
      return 2;
    }
    if (threads < 1) {
      System.err.println("engine underwrite: --threads must be at least 1");
      return 2;
    }
    try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
      UnderwritingService service = ctx.getBean(UnderwritingService.class);
      Totals t = writeAtomically(out, w -> {
        try (InputStream raw = Files.newInputStream(in)) {
          return underwrite(service, raw, w, client, threads, new Progress(System.err, Files.size(in)),
              in.toAbsolutePath().getParent());
        }
      });
      System.out.printf("Decided %d applications, %d error records, written to %s%n", t.decided(), t.errors(), out);
      return t.errors() == 0 ? 0 : 1;
    }
  }

  /** Something that writes a file's whole content. */
  interface FileBody<T> {
    T write(Writer w) throws IOException, InterruptedException;
  }

  /** Writes into a temporary file beside {@code target} and moves it into place only when complete. */
  static <T> T writeAtomically(Path target, FileBody<T> body) throws IOException, InterruptedException {
    Path dir = target.toAbsolutePath().getParent();
    // Not Files.createTempFile: its owner-only permissions would carry over to the published file.
    Path tmp = dir.resolve("." + target.getFileName() + "-" + UUID.randomUUID() + ".tmp");
    T result;
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      result = body.write(w);
    } catch (IOException | InterruptedException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return result;
  }

  /**
   * Decides every line of {@code input} on {@code threads} workers and writes the records in input
   * order. At most a fixed number of lines are in flight, so memory stays constant whatever the file
   * size. A database failure stops the batch (it would fail every line); anything wrong with one
   * application gives that line an error record.
   */
  static Totals underwrite(UnderwritingService service, InputStream input, Writer w, String client,
      int threads, Progress progress) throws IOException, InterruptedException {
    return underwrite(service, input, w, client, threads, progress, null);
  }

  /**
   * As {@link #underwrite(UnderwritingService, InputStream, Writer, String, int, Progress)}, with relative
   * document paths resolved against {@code documentDir} (the working directory when null).
   */
  static Totals underwrite(UnderwritingService service, InputStream input, Writer w, String client,
      int threads, Progress progress, Path documentDir) throws IOException, InterruptedException {
    ObjectMapper json = UnderwritingJson.mapper();
    BufferedReader r = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    int window = threads * 64;
    ArrayDeque<Future<Line>> inFlight = new ArrayDeque<>(window);
    AtomicInteger workerId = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "underwrite-" + workerId.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    int decided = 0;
    int errors = 0;
    int lines = 0;
    // Bytes of the lines already written, not of those read: the reader runs a window ahead.
    long bytesDone = 0;
    try {
      String text;
      while ((text = r.readLine()) != null) {
        lines++;
        long size = utf8Length(text) + 1;
        if (text.isBlank()) {
          bytesDone += size;
          continue;
        }
        int number = lines;
        String body = text;
        inFlight.add(pool.submit(() -> decideLine(service, json, number, body, client, size, documentDir)));
        while (inFlight.size() >= window) {
          Line done = take(inFlight);
          write(w, done);
          decided += done.ok() ? 1 : 0;
          errors += done.ok() ? 0 : 1;
          bytesDone += done.bytes();
          progress.update(done.number(), bytesDone);
        }
      }
      while (!inFlight.isEmpty()) {
        Line done = take(inFlight);
        write(w, done);
        decided += done.ok() ? 1 : 0;
        errors += done.ok() ? 0 : 1;
        bytesDone += done.bytes();
        progress.update(done.number(), bytesDone);
      }
      progress.finish(lines, bytesDone);
      return new Totals(decided, errors);
    } finally {
      inFlight.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  /** One input line's output record; {@code bytes} is the input line's size, for the progress display. */
  private record Line(int number, String record, boolean ok, long bytes) {}

  /** Size of the line as UTF-8 on disk, without encoding it. */
  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static Line take(ArrayDeque<Future<Line>> inFlight) throws InterruptedException, IOException {
    try {
      return inFlight.poll().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    }
  }

  private static void write(Writer w, Line line) throws IOException {
    w.write(line.record());
    w.write('\n');
  }

  private static Line decideLine(UnderwritingService service, ObjectMapper json, int number, String text,
      String client, long bytes, Path documentDir) throws JsonProcessingException {
    Application app;
    try {
      app = json.readValue(text, Application.class);
    } catch (JsonMappingException e) {
      // Well-formed JSON with a wrong field: name the field like a validation error does.
      return error(json, number, bytes, e.getPath().isEmpty() ? "MALFORMED_JSON" : "VALIDATION_FAILED",
          firstLine(e.getOriginalMessage()), null, List.of(new FieldError(path(e.getPath()), firstLine(e.getOriginalMessage()))));
    } catch (JsonProcessingException e) {
      return error(json, number, bytes, "MALFORMED_JSON", firstLine(e.getOriginalMessage()), null,
          List.of(new FieldError("$", "malformed JSON")));
    }
    Map<String, byte[]> documents = new LinkedHashMap<>();
    List<String> names = app.documents() == null ? List.of() : app.documents();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank() || documents.containsKey(name)) {
        continue;  // the validator names these
      }
      DocumentProblem problem = load(name, documentDir, service.maxDocumentBytes(), documents);
      if (problem != null) {
        return error(json, number, bytes, problem.code(), problem.message(), app.applicationId(),
            List.of(new FieldError("documents[" + i + "]", problem.message())));
      }
    }
    try {
      Decision d = service.decide(app, documents, client, null);
      return new Line(number, json.writeValueAsString(d), true, bytes);
    } catch (ApplicationValidationException e) {
      return error(json, number, bytes, e.code(), e instanceof DocumentTooLargeException ? "a document is over the limits"
          : "invalid application", app.applicationId(), e.fieldErrors());
    } catch (DocumentReaderUnavailableException e) {
      return error(json, number, bytes, "DOCUMENT_READER_UNAVAILABLE", e.getMessage(), app.applicationId(), List.of());
    } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      return error(json, number, bytes, "ENGINE_ERROR", String.valueOf(e.getMessage()), app.applicationId(), List.of());
    }
  }

  /** Why a document file could not be loaded: an error code and a message naming the file. */
  private record DocumentProblem(String code, String message) {}

  /**
   * Loads one document named by an application line: a relative path resolves against {@code dir}. A file
   * over {@code maxBytes} is not loaded at all.
   */
  private static DocumentProblem load(String name, Path dir, long maxBytes, Map<String, byte[]> into) {
    Path file;
    try {
      Path given = Path.of(name);
      file = given.isAbsolute() || dir == null ? given : dir.resolve(given);
    } catch (InvalidPathException e) {
      return new DocumentProblem("DOCUMENT_NOT_FOUND", "'" + name + "' is not a valid file path");
    }
    if (!Files.exists(file)) {
      return new DocumentProblem("DOCUMENT_NOT_FOUND", "document '" + name + "' not found (looked for " + file + ")");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return new DocumentProblem("DOCUMENT_UNREADABLE", "document '" + name + "' is not a readable file (" + file + ")");
    }
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return new DocumentProblem("DOCUMENT_TOO_LARGE", "document '" + name + "' is " + size
            + " bytes, over the limit of " + maxBytes + " bytes");
      }
      into.put(name, Files.readAllBytes(file));
      return null;
    } catch (IOException e) {
      return new DocumentProblem("DOCUMENT_UNREADABLE", "document '" + name + "' cannot be read: " + e.getMessage());
    }
  }

  private static Line error(ObjectMapper json, int line, long bytes, String code, String message,
      String applicationId, List<FieldError> fields) throws JsonProcessingException {
    ObjectNode node = json.createObjectNode();
    node.put("line", line);
    node.put("error", code);
    node.put("message", message);
    if (applicationId != null) {
      node.put("applicationId", applicationId);
    }
    ArrayNode errors = node.putArray("fieldErrors");
    for (FieldError f : fields) {
      errors.addObject().put("path", f.path()).put("message", f.message());
    }
    return new Line(line, json.writeValueAsString(node), false, bytes);
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "$" : sb.toString();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** Lines done, lines per second and, when the input size is known, percentage and ETA; at most twice a second. */
  static final class Progress {
    private final PrintStream out;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long lastDrawn;

    Progress(PrintStream out, long totalBytes) {
      this.out = out;
      this.totalBytes = totalBytes;
    }

    void update(int lines, long bytes) {
      long now = System.nanoTime();
      if (out == null || now - lastDrawn < 500_000_000L) {
        return;
      }
      lastDrawn = now;
      out.print("\r" + render(lines, bytes, (now - started) / 1e9) + "   ");
      out.flush();
    }

    void finish(int lines, long bytes) {
      if (out != null) {
        out.println("\r" + render(lines, bytes, (System.nanoTime() - started) / 1e9) + "   ");
      }
    }

    String render(int lines, long bytes, double seconds) {
      double rate = seconds > 0 ? lines / seconds : 0;
      StringBuilder sb = new StringBuilder(String.format("%,d lines  %,.0f/s", lines, rate));
      if (totalBytes > 0 && bytes > 0) {
        double fraction = Math.min(1.0, (double) bytes / totalBytes);
        long eta = Math.round(seconds * (1 - fraction) / fraction);
        sb.append(String.format("  %3.0f%%  ETA %02d:%02d", fraction * 100, eta / 60, eta % 60));
      }
      return sb.toString();
    }
  }

  /** {@code engine underwrite replay}: what stored decisions would become on another knowledge base. */
  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Re-run stored applications on a knowledge base (with each decision's own time as the clock) and "
          + "report which decisions would change and why. On the knowledge base that issued them, every decision must "
          + "come out exactly as issued.")
  static class Replay implements Callable<Integer> {
    private static final int SHOWN = 200;

    @Option(names = "--kb-dir", description = "Knowledge base to replay on: a directory with a manifest.yaml "
        + "(default: the built-in one).")
    Path kbDir;

    @Option(names = "--kb-version", description = "Expected version of that knowledge base; replay refuses to run "
        + "if the loaded one differs.")
    String kbVersion;

    @Option(names = "--client", description = "Only this client's decisions (default: all clients).")
    String client;

    @Option(names = "--since", description = "Only decisions made on or after this date (YYYY-MM-DD, UTC).")
    LocalDate since;

    @Option(names = "--out", description = "Also write the full report as JSON to this file.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
      if (kbDir != null && !Files.isRegularFile(kbDir.resolve("manifest.yaml"))) {
        System.err.println("engine underwrite replay: no manifest.yaml in " + kbDir);
        return 2;
      }
      KnowledgeBase kb = kbDir == null ? KnowledgeBaseLoader.loadDefault() : KnowledgeBaseLoader.loadDirectory(kbDir);
      if (kbVersion != null && !kbVersion.equals(kb.version())) {
        System.err.println("engine underwrite replay: --kb-version " + kbVersion + " does not match the loaded "
            + "knowledge base " + kb.version() + (kbDir == null ? " (built in)" : " (" + kbDir + ")"));
        return 2;
      }
      try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
        ReplayReport report = ctx.getBean(ReplayService.class).replay(kb, client,
            since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant());
        print(report, System.out);
        if (out != null) {
          ObjectMapper json = UnderwritingJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
          writeAtomically(out, w -> {
            json.writeValue(w, report);
            return null;
          });
          System.out.println("Full report written to " + out);
        }
        return report.reproducible() ? 0 : 1;
      }
    }

    static void print(ReplayReport r, PrintStream out) {
      out.printf("Replayed %d stored decisions on %s%n", r.replayed(), r.kbVersion());
      if (r.sameVersion() > 0) {
        out.printf("  %d were issued by this knowledge base: %s%n", r.sameVersion(), r.reproducible()
            ? "all reproduced exactly" : r.reproducibilityFailures().size() + " REPRODUCIBILITY FAILURES");
      }
      for (ReplayReport.ReproducibilityFailure f : r.reproducibilityFailures().stream().limit(SHOWN).toList()) {
        out.printf("  NOT REPRODUCED %s (decision %s, %s)%n    issued:   %s%n    replayed: %s%n", f.applicationId(),
            f.decisionId(), f.storedKbVersion(), f.issuedExcerpt(), f.replayedExcerpt());
      }
      for (ReplayReport.ReplayError e : r.errors().stream().limit(SHOWN).toList()) {
        out.printf("  ERROR %s (decision %s): %s %s%n", e.applicationId(), e.decisionId(), e.code(), e.message());
      }
      int lines = r.changes().stream().mapToInt(c -> c.lines().size()).sum();
      out.printf("%d applications would change (%d product-line decisions)%n", r.changes().size(), lines);
      int shown = 0;
      for (ReplayReport.ApplicationChange c : r.changes()) {
        for (DecisionDiff.LineChange l : c.lines()) {
          if (shown++ == SHOWN) {
            out.printf("  ... %d more (see --out)%n", lines - SHOWN);
          }
          if (shown > SHOWN) {
            continue;
          }
          out.printf("  %-16s %-18s %-22s extra %d%% -> %d%%%s%s  rules %s -> %s%n", c.applicationId(),
              l.productLine(), l.transition(), l.extraPremiumBefore(), l.extraPremiumAfter(),
              l.exclusionsAdded().isEmpty() ? "" : "  +exclusion " + l.exclusionsAdded(),
              l.exclusionsRemoved().isEmpty() ? "" : "  -exclusion " + l.exclusionsRemoved(),
              String.join(",", l.rulesBefore()), String.join(",", l.rulesAfter()));
        }
      }
      table(out, "By product line", r.changesByProductLine());
      table(out, "By outcome (old -> new)", r.changesByTransition());
    }

    private static void table(PrintStream out, String title, Map<String, Integer> counts) {
      if (counts.isEmpty()) {
        return;
      }
      out.printf("%s:%n", title);
      counts.forEach((k, v) -> out.printf("  %-28s %6d%n", k, v));
    }
  }

  /** {@code engine underwrite bench}: golden-pack agreement, in-process throughput and latency. */
  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = "Score the golden pack (if present), then measure in-process decisions per second and latency "
          + "for a typical application (3 disclosures, 20 checkup items). Uses no database.")
  static class Bench implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "10", description = "Measuring time per run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--threads", description = "Threads for the parallel run (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintStream out = System.out;
      KnowledgeBase kb = KnowledgeBaseLoader.loadDefault();
      DisclosureNormalizer normalizer = new DisclosureNormalizer(kb);
      UnderwritingEngine engine = new UnderwritingEngine(kb, normalizer, new CheckupEvaluator(kb, normalizer),
          Clock.systemUTC());
      ApplicationValidator validator = new ApplicationValidator(kb);
      out.printf("Machine: %d cores, %s %s, max heap %d MB, load average %.2f%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
          System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.printf("Knowledge base: %s%n", kb.version());
      golden(out, engine, validator);

      Application app = TypicalApplication.create("BENCH-1");
      ObjectMapper json = UnderwritingJson.mapper();
      String body = json.writeValueAsString(app);
      out.printf("Typical application: %d disclosures, %d checkup items, %d product lines, %d findings%n",
          app.disclosures().size(), app.checkup().items().size(), app.productLines().size(),
          engine.decide(app).findings().size());
      ThroughputBench decide = new ThroughputBench(engine::decide, app);
      // Long enough for C2 to compile the whole path even when other work shares the cores.
      double warm = Math.max(5, seconds);
      decide.warmUp(warm);
      ThroughputBench.Run one = decide.measure(1, seconds);
      report(out, "engine.decide, 1 thread", one);
      ThroughputBench.Run many = decide.measure(threads, seconds);
      report(out, "engine.decide, " + threads + " threads", many);
      // What a request costs without HTTP and the database: read JSON, validate, decide, write JSON.
      ThroughputBench withJson = new ThroughputBench(a -> {
        try {
          Application parsed = json.readValue(body, Application.class);
          validator.validate(parsed);
          Decision d = engine.decide(parsed);
          json.writeValueAsString(d);
          return d;
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }, app);
      withJson.warmUp(warm / 2);
      report(out, "JSON in + validate + decide + JSON out, 1 thread", withJson.measure(1, seconds));
      out.printf("Target: >= 3,000 decisions/s per core in process: %s (%.0f/s per CPU-second, %.0f/s wall)%n",
          one.perCpuSecond() >= 3000 ? "MET" : "NOT MET", one.perCpuSecond(), one.perSecond());
      return 0;
    }

    private static void golden(PrintStream out, UnderwritingEngine engine, ApplicationValidator validator)
        throws IOException {
      var result = GoldenPack.evaluateClasspath(engine, validator);
      if (result.isEmpty()) {
        out.println("golden pack: not found");
        return;
      }
      GoldenPack.Result g = result.get();
      out.printf("golden pack: %d applications, %d (application, product line) pairs, agreement %.1f%% (%d/%d)%n",
          g.applications(), g.pairs(), 100 * g.agreement(), g.agreed(), g.pairs());
      for (GoldenPack.Disagreement d : g.disagreements().stream().limit(20).toList()) {
        out.printf("  line %d %s %s: got %s, acceptable %s%s%n", d.line(), d.applicationId(), d.productLine(),
            d.actual(), d.acceptable(), d.note() == null ? "" : "  (" + d.note() + ")");
      }
      if (g.disagreements().size() > 20) {
        out.printf("  ... %d more disagreements%n", g.disagreements().size() - 20);
      }
    }

    private static void report(PrintStream out, String what, ThroughputBench.Run r) {
      out.printf("%s: %,d decisions in %.1f s = %,.0f/s (%,.0f/s per thread; %,.0f per CPU-second)%n"
          + "  latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n", what, r.decisions(), r.seconds(), r.perSecond(),
          r.perSecondPerThread(), r.perCpuSecond(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs());
    }
  }

  /** Underwrites the shipped sample applications and prints one line per product line. */
  static void demo(ConfigurableApplicationContext ctx) throws IOException {
    UnderwritingService service = ctx.getBean(UnderwritingService.class);
    ObjectMapper json = UnderwritingJson.mapper();
    try (InputStream in = UnderwriteCommand.class.getClassLoader().getResourceAsStream("demo/applications.jsonl")) {
      if (in == null) {
        throw new IOException("demo/applications.jsonl is missing from the application");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Application app = json.readValue(line, Application.class);
        Decision d = service.decide(app, "demo", "demo-" + app.applicationId());
        System.out.printf("%s (%d findings, %s)%n", d.applicationId(), d.findings().size(), d.kbVersion());
        for (Decision.Finding f : d.findings()) {
          System.out.printf("    finding %s %s %s  «%s»%n", f.findingId(), f.concept() == null ? "?" : f.concept(),
              f.icd10() == null ? "" : f.icd10(), f.evidence());
        }
        for (Decision.ProductLineDecision pl : d.decisions()) {
          String extra = pl.extraPremiumPct() > 0 ? " +" + pl.extraPremiumPct() + "%" : "";
          String rules = pl.reasons().stream().map(Decision.Reason::ruleId).distinct().reduce((a, b) -> a + "," + b)
              .orElse("");
          System.out.printf("    %-20s %-9s%s %s%n", pl.productLine(), pl.outcome(), extra, rules);
        }
      }
    }
  }
}
