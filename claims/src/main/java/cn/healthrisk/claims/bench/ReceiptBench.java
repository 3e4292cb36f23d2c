package cn.healthrisk.claims.bench;

import cn.healthrisk.claims.document.DocumentLimits;
import cn.healthrisk.claims.document.DocumentReader;
import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.document.UnreadableDocumentException;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.RulesReceiptExtractor;
import cn.healthrisk.claims.llm.CombinedExtraction;
import cn.healthrisk.claims.llm.CombinedReceiptExtractor;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.ocr.ImagePreprocessor;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.OcrEngines;
import cn.healthrisk.claims.validation.ReceiptValidator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the rules extraction (no database, no model) over a labelled folder with one OCR engine
 * and scores it. Documents are read one at a time on one thread, so the timing is per core.
 */
public final class ReceiptBench {

  /**
   * One engine's run.
   *
   * @param peakHeapBytes the sum of the heap pools' peak usage during the run
   * @param peakRssBytes the process's peak resident set (VmHWM), 0 where not available; it includes
   *     the native OCR engines' memory
   */
  public record EngineRun(String engine, BenchSummary summary, List<DocumentScore> scores, long peakHeapBytes,
      long peakRssBytes) {}

  private final Boolean sealFilter;
  private final Path textCache;
  private final Boolean straighten;

  /**
   * @param sealFilter whether to fade seals before OCR, or null for what the engine uses in
   *     production ({@link ImagePreprocessor#forEngine})
   * @param textCache folder where each document's OCR text is kept and reused (for re-scoring after
   *     extractor changes without OCR); null for none. Cached documents are not timed.
   */
  public ReceiptBench(Boolean sealFilter, Path textCache) {
    this(sealFilter, textCache, null);
  }

  /**
   * @param straighten whether photographed sheets are straightened before OCR, or null for the
   *     engine's production setting (on for RapidOCR, off for Tesseract)
   */
  public ReceiptBench(Boolean sealFilter, Path textCache, Boolean straighten) {
    this.sealFilter = sealFilter;
    this.textCache = textCache;
    this.straighten = straighten;
  }

  /** Reads, extracts and scores every document with the named engine. */
  public EngineRun run(String engine, List<LabelledDocument> docs, Consumer<String> progress) throws IOException {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    CombinedReceiptExtractor extractor =
        new CombinedReceiptExtractor(new RulesReceiptExtractor(), new ReceiptValidator());
    List<DocumentScore> scores = new ArrayList<>();
    ImagePreprocessor preprocessor = ImagePreprocessor.forEngine(engine);
    if (sealFilter != null) {
      preprocessor = preprocessor.withSealFilter(sealFilter);
    }
    if (straighten != null) {
      preprocessor = preprocessor.withStraightening(straighten);
    }
    try (OcrEngineProvider engines = OcrEngines.perThread(engine);
        DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULTS, engines, preprocessor)) {
      int i = 0;
      for (LabelledDocument doc : docs) {
        i++;
        byte[] content = Files.readAllBytes(doc.file());
        Path cached = cacheFile(engine, preprocessor, doc, content);
        long start = System.nanoTime();
        DocumentScore score;
        try {
          DocumentText text = cached != null && Files.isRegularFile(cached)
              ? ClaimsJson.mapper().readValue(Files.readString(cached, StandardCharsets.UTF_8), DocumentText.class)
              : reader.read(doc.name(), content);
          CombinedExtraction c = extractor.extract(text);
          double seconds = (System.nanoTime() - start) / 1e9;
          if (cached != null && !Files.isRegularFile(cached)) {
            Files.createDirectories(cached.getParent());
            Files.writeString(cached, ClaimsJson.mapper().writeValueAsString(text), StandardCharsets.UTF_8);
          } else if (cached != null) {
            seconds = 0;
          }
          ReceiptExtraction extraction = c.result().toExtraction(null, doc.name(), c.validations());
          score = BenchScoring.score(doc, extraction, text.pages().size(), seconds);
        } catch (UnreadableDocumentException e) {
          score = BenchScoring.unreadable(doc, e.reason() + ": " + e.getMessage(), (System.nanoTime() - start) / 1e9);
        }
        scores.add(score);
        progress.accept(String.format(java.util.Locale.ROOT, "%s %d/%d %s %.1fs %s", engine, i, docs.size(),
            doc.name(), score.seconds(), score.exact() ? "exact" : "wrong " + score.wrongFields()));
      }
    }
    return new EngineRun(engine, BenchSummary.of(scores), scores, peakHeap(), peakRss());
  }

  private Path cacheFile(String engine, ImagePreprocessor preprocessor, LabelledDocument doc, byte[] content) {
    if (textCache == null) {
      return null;
    }
    try {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
      return textCache.resolve(engine + "-" + preprocessor.name() + "-" + hash + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: the figure is simply not reported.
    }
    return 0;
  }
}
