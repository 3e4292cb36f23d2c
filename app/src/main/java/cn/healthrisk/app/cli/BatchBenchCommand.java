package cn.healthrisk.app.cli;

import cn.healthrisk.batch.nightly.NightlyJobProperties;
import cn.healthrisk.batch.nightly.NightlyRunService;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.generator.FontUnavailableException;
import cn.healthrisk.claims.generator.GeneratedDocument;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.ocr.ImagePreprocessor;
import cn.healthrisk.claims.ocr.OcrEngine;
import cn.healthrisk.claims.ocr.OcrEngines;
import cn.healthrisk.claims.ocr.OcrException;
import cn.healthrisk.sql.EmbeddedMariaDb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine batch bench}: the nightly run's throughput on generated claims, in a scratch
 * database on the embedded server for each partition count, against the OCR engine's own
 * single-core speed on the same pages.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Generate claims with receipts, run the nightly job on them in a scratch database for each "
        + "partition count, and report claims/min, pages/min per core, peak memory, scaling and the OCR engine's "
        + "own single-core pages/min on the same documents.")
public class BatchBenchCommand implements Callable<Integer> {
  @Option(names = "--claims", defaultValue = "500", description = "Claims to generate, one receipt each (default ${DEFAULT-VALUE}).")
  int claims;

  @Option(names = "--partitions", split = ",", defaultValue = "1,2",
      description = "Partition counts to run, comma-separated (default ${DEFAULT-VALUE}).")
  List<Integer> partitions;

  @Option(names = "--images-only", description = "Only image receipts that need OCR (default: a mix with e-receipt PDFs).")
  boolean imagesOnly;

  @Option(names = "--pdf-share", defaultValue = "0.3",
      description = "Share of e-receipt PDFs in the mix (default ${DEFAULT-VALUE}); ignored with --images-only.")
  double pdfShare;

  @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--worker-mode", defaultValue = "threads",
      description = "Where partitions run: threads of the engine's JVM, or processes, one worker JVM each with its own "
          + "OCR engine (default ${DEFAULT-VALUE}). With processes, CPU and peak RSS include the workers.")
  NightlyJobProperties.WorkerMode workerMode;

  @Override
  public Integer call() throws Exception {
    if (claims < 1 || partitions.isEmpty() || partitions.stream().anyMatch(p -> p < 1) || pdfShare < 0
        || pdfShare > 1) {
      System.err.println("engine batch bench: --claims and --partitions must be at least 1, --pdf-share in [0, 1]");
      return 2;
    }
    Path dataDir = Path.of(System.getenv().getOrDefault("ENGINE_DATA_DIR", "data")).toAbsolutePath();
    Path work = Files.createDirectories(dataDir.resolve("bench").resolve("batch-" + System.currentTimeMillis()));
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s, load average at start %s%n", cores,
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), loadAverage());

    long t0 = System.nanoTime();
    List<GeneratedDocument> docs;
    try {
      docs = generate(work.resolve("receipts"));
    } catch (FontUnavailableException e) {
      System.err.println("engine batch bench: " + e.getMessage());
      return 1;
    }
    Map<Path, Integer> pages = new LinkedHashMap<>();
    for (GeneratedDocument d : docs) {
      pages.put(d.document(), pageCount(d.document()));
    }
    int totalPages = pages.values().stream().mapToInt(Integer::intValue).sum();
    long pdfs = docs.stream().filter(d -> isPdf(d.document())).count();
    System.out.printf(Locale.ROOT, "Generated %d claims with one receipt each: %d images needing OCR, %d e-receipt PDFs; "
        + "%d pages in %.1f s (in %s)%n", docs.size(), docs.size() - pdfs, pdfs, totalPages,
        (System.nanoTime() - t0) / 1e9, work);

    LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    List<Result> results = new ArrayList<>();
    try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir)) {
      for (int p : partitions) {
        results.add(runOnce(server, p, docs, totalPages, date, cores));
      }
    }
    System.out.printf(Locale.ROOT, "%nOCR engine alone on the same image pages, one thread...%n");
    OcrSpeed ocr = ocrSingleCore(docs);
    double ocrPagesPerMinute = ocr.pagesPerMinute();

    boolean processes = workerMode == NightlyJobProperties.WorkerMode.PROCESSES;
    System.out.println();
    System.out.println("Partitions ran as " + (processes ? "worker processes, one JVM each" : "threads of one JVM") + ":");
    System.out.println("partitions  claims  pages  seconds  claims/min  pages/min  pages/min/core  CPU s  "
        + "pages/CPU-min  peak heap MB  peak RSS MB");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "%10d  %6d  %5d  %7.1f  %10.1f  %9.1f  %14.1f  %5.0f  %13.1f  %12.0f  %11.0f%n",
          r.partitions, r.claims, r.pages, r.seconds, r.claims * 60 / r.seconds, r.pages * 60 / r.seconds,
          r.pages * 60 / r.seconds / cores, r.cpuSeconds, r.cpuSeconds <= 0 ? 0 : r.pages * 60 / r.cpuSeconds,
          r.peakHeapBytes / 1048576.0, r.peakRssBytes / 1048576.0);
    }
    if (results.size() > 1) {
      Result first = results.get(0);
      Result last = results.get(results.size() - 1);
      System.out.printf(Locale.ROOT, "Scaling %d -> %d partitions: %.2fx claims/min%n", first.partitions, last.partitions,
          first.seconds / last.seconds);
    }
    if (ocrPagesPerMinute > 0) {
      Result best = results.stream().min((a, b) -> Double.compare(a.seconds, b.seconds)).orElseThrow();
      double pipeline = best.pages * 60 / best.seconds;
      System.out.printf(Locale.ROOT, "OCR engine alone, one thread, same %d image pages: %.1f pages/min "
          + "(%.1f pages per CPU-minute)%n", docs.size() - pdfs, ocrPagesPerMinute, ocr.pagesPerCpuMinute());
      // The OCR engine may use more than one core for one page (ONNX Runtime's own threads): its single-core
      // speed is then its pages per CPU-minute, not its wall-clock rate.
      double perCpu = ocr.pagesPerCpuMinute();
      double singleCore = perCpu > 0 ? Math.min(ocrPagesPerMinute, perCpu) : ocrPagesPerMinute;
      if (perCpu > 0 && perCpu < ocrPagesPerMinute) {
        System.out.printf(Locale.ROOT, "The OCR call used %.1f cores on average: its single-core speed is its %.1f pages "
            + "per CPU-minute%n", ocrPagesPerMinute / perCpu, perCpu);
      }
      System.out.printf(Locale.ROOT, "Pipeline (best, %d partitions) %.1f pages/min = %.0f%% of OCR single-core x %d cores "
          + "(%.1f pages/min); target >= 80%%%s%n", best.partitions, pipeline,
          100 * pipeline / (singleCore * cores), cores, singleCore * cores,
          pdfs > 0 ? " (the PDFs need no OCR, so a mix flatters this; use --images-only to compare like with like)" : "");
    }
    System.out.printf(Locale.ROOT, "Load average at end %s. %s; the embedded database is a separate process and not "
        + "counted.%n", loadAverage(), processes
            ? "CPU s and peak RSS include the worker JVMs (RSS: the largest sum of the engine's and its workers' "
                + "resident memory at one sample, every 200 ms; CPU: each worker's last sample, so up to 200 ms of "
                + "each is missed). Peak heap is the engine JVM's alone"
            : "CPU s and peak RSS are the engine JVM's");
    return results.stream().allMatch(r -> r.completed) ? 0 : 1;
  }

  record Result(int partitions, int claims, int pages, double seconds, double cpuSeconds, long peakHeapBytes,
      long peakRssBytes, boolean completed) {}

  /** CPU time of this JVM, all threads: what the run got from a shared machine. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private List<GeneratedDocument> generate(Path dir) {
    ReceiptGenerator generator = new ReceiptGenerator(0.1);
    int pdfCount = imagesOnly ? 0 : (int) Math.round(claims * pdfShare);
    List<GeneratedDocument> images = generator.generate(dir.resolve("images"), claims - pdfCount, seed,
        ReceiptGenerator.DEFAULT_FAMILIES, ReceiptGenerator.DEGRADATIONS).stream().filter(d -> !isPdf(d.document())).toList();
    List<GeneratedDocument> out = new ArrayList<>(images);
    // Only family B in a clean capture comes as an e-receipt PDF, and not always.
    int attempt = 0;
    while (out.size() < claims && attempt < 5) {
      int missing = claims - out.size();
      boolean wantPdf = !imagesOnly;
      List<GeneratedDocument> more = generator.generate(dir.resolve("more-" + attempt), missing * 2 + 4,
          seed + 1000 + attempt, wantPdf ? Set.of("B") : ReceiptGenerator.DEFAULT_FAMILIES,
          wantPdf ? Set.of("clean") : ReceiptGenerator.DEGRADATIONS);
      more.stream().filter(d -> isPdf(d.document()) == wantPdf).limit(missing).forEach(out::add);
      attempt++;
    }
    return out;
  }

  private Result runOnce(EmbeddedMariaDb server, int p, List<GeneratedDocument> docs, int pages, LocalDate date,
      int cores) throws SQLException, IOException, InterruptedException {
    String db = "bench_p" + p + "_" + System.currentTimeMillis();
    execute(server, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    try {
      Map<String, Object> props = new HashMap<>();
      props.put("ENGINE_DB_URL", EmbeddedMariaDb.jdbcUrl(server.port(), db));
      props.put("ENGINE_DB_USER", "root");
      props.put("ENGINE_DB_PASSWORD", "");
      // Overrides: start-up defaults would rank below application.yml and be ignored.
      Map<String, Object> overrides = Map.of("engine.batch.partitions", p,
          "engine.batch.worker-mode", workerMode.name().toLowerCase(Locale.ROOT));
      try (ConfigurableApplicationContext ctx = Contexts.start(false, props, overrides)) {
        importClaims(ctx.getBean(ClaimIntakeService.class), docs);
        System.out.printf(Locale.ROOT, "%nNightly run with %d partition%s (%s) on %d cores (scratch database %s):%n", p,
            p == 1 ? "" : "s", workerMode == NightlyJobProperties.WorkerMode.PROCESSES ? "worker processes" : "threads",
            cores, db);
        System.gc();
        MemorySampler memory = new MemorySampler();
        memory.start();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        NightlyRunService.RunReport r = BatchCommand.runWithProgress(ctx, date);
        double seconds = (System.nanoTime() - start) / 1e9;
        memory.interrupt();
        memory.join();
        double cpuSeconds = (processCpuNanos() - cpuStart + memory.workerCpuNanos()) / 1e9;
        boolean ok = r.status() == BatchStatus.COMPLETED && r.read() == docs.size();
        return new Result(p, (int) r.read(), pages, seconds, cpuSeconds, memory.peakHeap.get(), memory.peakRss.get(),
            ok);
      }
    } finally {
      execute(server, "DROP DATABASE IF EXISTS " + db);
    }
  }

  private static void importClaims(ClaimIntakeService intake, List<GeneratedDocument> docs) throws IOException {
    int policies = Math.min(50, docs.size());
    for (int i = 0; i < docs.size(); i++) {
      GeneratedDocument d = docs.get(i);
      String policyNo = String.format(Locale.ROOT, "P-BENCH-%03d", i % policies);
      if (i < policies) {
        String name = d.fields().payerName() == null ? "王丽" : d.fields().payerName();
        intake.importPolicy(new Policy(policyNo, null, "MILLION_MEDICAL", new Policy.Insured(name, "330102199001011234",
            "F", LocalDate.of(1990, 1, 1)), LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31), 30,
            new BigDecimal("3000000.00"), new BigDecimal("0.00"), Policy.HospitalRequirement.ANY, List.of()));
      }
      String file = d.document().getFileName().toString();
      BigDecimal claimed = d.fields().totalAmount() == null ? new BigDecimal("100.00") : d.fields().totalAmount();
      Claim.ClaimType type = d.documentType().name().startsWith("INPATIENT") ? Claim.ClaimType.INPATIENT
          : Claim.ClaimType.OUTPATIENT;
      intake.importClaim(new Claim(String.format(Locale.ROOT, "C-BENCH-%05d", i), policyNo, type,
          new Claim.Diagnosis("急性阑尾炎", "K35.800"), claimed, Instant.now(), List.of(file)),
          Map.of(file, Files.readAllBytes(d.document())));
    }
  }

  /** Pages per minute of wall time and per CPU-minute of the OCR engine alone. */
  record OcrSpeed(double pagesPerMinute, double pagesPerCpuMinute) {}

  /** The OCR engine alone on the image pages, one thread: decoding and preparing are not timed. */
  private static OcrSpeed ocrSingleCore(List<GeneratedDocument> docs) throws IOException, OcrException {
    ImagePreprocessor prep = ImagePreprocessor.forEngine(OcrEngines.DEFAULT);
    OcrEngine engine = OcrEngines.create(OcrEngines.DEFAULT);
    long nanos = 0;
    long cpuNanos = 0;
    int n = 0;
    try {
      for (GeneratedDocument d : docs) {
        if (isPdf(d.document())) {
          continue;
        }
        BufferedImage image = prep.prepare(ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(d.document()))));
        long cpu = processCpuNanos();
        long s = System.nanoTime();
        engine.recognize(image);
        nanos += System.nanoTime() - s;
        cpuNanos += processCpuNanos() - cpu;
        n++;
      }
    } finally {
      engine.close();
    }
    return n == 0 ? new OcrSpeed(0, 0) : new OcrSpeed(n * 60e9 / nanos, cpuNanos <= 0 ? 0 : n * 60e9 / cpuNanos);
  }

  private static boolean isPdf(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
  }

  private static int pageCount(Path p) throws IOException {
    if (!isPdf(p)) {
      return 1;
    }
    try (PDDocument doc = Loader.loadPDF(p.toFile())) {
      return doc.getNumberOfPages();
    }
  }

  private static void execute(EmbeddedMariaDb server, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(server.port(), ""), "root", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /**
   * Samples heap in use and resident memory while a run goes on, keeping the peaks. Resident
   * memory is this JVM's plus that of its worker JVMs (children running the same java binary),
   * summed at each sample; the workers' CPU time is kept from their last sample.
   */
  private static final class MemorySampler extends Thread {
    final AtomicLong peakHeap = new AtomicLong();
    final AtomicLong peakRss = new AtomicLong();
    private final Map<Long, Long> workerCpu = new java.util.concurrent.ConcurrentHashMap<>();
    private final String java = ProcessHandle.current().info().command().orElse("");

    MemorySampler() {
      super("bench-memory");
      setDaemon(true);
    }

    long workerCpuNanos() {
      return workerCpu.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        long rss = rss("self");
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
          if (!java.isEmpty() && child.info().command().map(java::equals).orElse(false)) {
            rss += rss(Long.toString(child.pid()));
            child.info().totalCpuDuration().ifPresent(d -> workerCpu.merge(child.pid(), d.toNanos(), Math::max));
          }
        }
        peakRss.accumulateAndGet(rss, Math::max);
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private static long rss(String pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"), StandardCharsets.US_ASCII)) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
          }
        }
      } catch (IOException | RuntimeException e) {
        // Not on Linux, or the process has just ended: counted as 0.
      }
      return 0;
    }
  }
}
