package cn.healthrisk.claims.document;

import cn.healthrisk.claims.document.UnreadableDocumentException.Reason;
import cn.healthrisk.claims.ocr.ImagePreprocessor;
import cn.healthrisk.claims.ocr.OcrEngine;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.OcrException;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TesseractOcrEngine;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Reads a claim document (PDF or image) into text with layout: a PDF's text layer where it has
 * one, OCR otherwise.
 *
 * <p>The type comes from the content alone, never the file name. Each document is read on one of
 * the reader's own threads under {@link DocumentLimits#maxDuration()}, so a pathological file
 * cannot hang the caller; each of those threads gets its own engine from the provider. PDF
 * coordinates (text layer and rendered pages alike) are pixels at {@value #PDF_DPI} dpi.
 *
 * <p>With the text-layer check on, each PDF page that has a text layer is also rendered once and
 * OCR'd: text the page does not show is left out of the text, and where the visible text layer
 * disagrees with the page, the page's OCR text is used instead. Both are reported in
 * {@link DocumentText#integrity()}.
 *
 * <p>Thread-safe. Closing the reader stops its threads; the provider is the caller's to close.
 */
public final class DocumentReader implements AutoCloseable {

  /** Resolution at which PDF pages are measured and rendered for OCR. */
  public static final int PDF_DPI = 200;

  // An upright receipt reads as far more Chinese characters and digits than this.
  private static final int MIN_UPRIGHT_CHARS = 40;

  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private final DocumentLimits limits;
  private final OcrEngineProvider engines;
  private final ImagePreprocessor preprocessor;
  private final boolean tamperCheck;
  private final ExecutorService workers;

  /** A reader with the engine's preprocessing and the text-layer check on. */
  public DocumentReader(DocumentLimits limits, OcrEngineProvider engines) {
    this(limits, engines, ImagePreprocessor.forEngine(engines.engineName()), true);
  }

  /** A reader with the engine's preprocessing. */
  public DocumentReader(DocumentLimits limits, OcrEngineProvider engines, boolean tamperCheck) {
    this(limits, engines, ImagePreprocessor.forEngine(engines.engineName()), tamperCheck);
  }

  public DocumentReader(
      DocumentLimits limits, OcrEngineProvider engines, ImagePreprocessor preprocessor) {
    this(limits, engines, preprocessor, true);
  }

  /**
   * @param tamperCheck whether a PDF page with a text layer is also rendered, checked for text a
   *     reader cannot see, and compared with OCR of the render (see {@link IntegrityFinding})
   */
  public DocumentReader(DocumentLimits limits, OcrEngineProvider engines,
      ImagePreprocessor preprocessor, boolean tamperCheck) {
    this.tamperCheck = tamperCheck;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.engines = Objects.requireNonNull(engines, "engines");
    this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
    // Threads are kept rather than retired when idle because each one owns an OCR engine that
    // is costly to create; their number follows the peak number of concurrent reads.
    AtomicInteger threadNo = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            Long.MAX_VALUE,
            TimeUnit.NANOSECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "document-reader-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Reads one document.
   *
   * @param fileName the name it was uploaded under, used in messages only
   * @param content the file's bytes
   * @throws UnreadableDocumentException if it is empty, corrupt, of an unsupported type, over a
   *     limit, or OCR fails; the reason says which and the message says why in words
   */
  public DocumentText read(String fileName, byte[] content) throws UnreadableDocumentException {
    if (content == null || content.length == 0) {
      throw new UnreadableDocumentException(Reason.EMPTY, "文件为空（0 字节）: " + fileName);
    }
    if (content.length > limits.maxBytes()) {
      throw new UnreadableDocumentException(
          Reason.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "文件过大: %s 为 %.1f MB，上限 %.1f MB",
              fileName,
              content.length / 1048576.0,
              limits.maxBytes() / 1048576.0));
    }
    Future<DocumentText> task = workers.submit(() -> readNow(fileName, content));
    try {
      return task.get(limits.maxDuration().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new UnreadableDocumentException(
          Reason.TIMEOUT,
          "读取超时: " + fileName + " 超过 " + limits.maxDuration().toSeconds() + " 秒仍未读完",
          e);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new UnreadableDocumentException(Reason.TIMEOUT, "读取被中断: " + fileName, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnreadableDocumentException unreadable) {
        throw unreadable;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      // Parsers signal some malformed input with unchecked exceptions.
      throw new UnreadableDocumentException(
          Reason.CORRUPT, "文件已损坏或格式错误，无法解析: " + fileName + " (" + cause + ")", cause);
    }
  }

  /** Stops the reader's threads; a document still being read is abandoned. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  private DocumentText readNow(String fileName, byte[] content)
      throws UnreadableDocumentException, IOException {
    MediaType type = detect(content);
    String mediaType = type.getBaseType().toString();
    if (mediaType.equals("application/pdf")) {
      return readPdf(fileName, content, mediaType);
    }
    if (type.getType().equals("image")) {
      return readImage(fileName, content, mediaType);
    }
    // An OFD e-receipt is a zip of XML; Tika may call it a zip or by its own name.
    if ((mediaType.equals("application/zip") || mediaType.equals("application/ofd")
        || mediaType.equals("application/x-ofd")) && OfdReader.isOfd(content)) {
      return OfdReader.read(fileName, content, limits.maxPages());
    }
    throw new UnreadableDocumentException(
        Reason.UNSUPPORTED_TYPE,
        "不支持的文件类型: " + fileName + " 的内容被识别为 " + mediaType
            + "，只接受 PDF、OFD 或图片（JPEG、PNG、TIFF、BMP）");
  }

  private static MediaType detect(byte[] content) throws IOException {
    // No file name in the metadata: a name hint would let "x.pdf" full of noise pass as a PDF.
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return DETECTOR.detect(in, new Metadata());
    }
  }

  private DocumentText readPdf(String fileName, byte[] content, String mediaType)
      throws UnreadableDocumentException {
    try (PDDocument document = Loader.loadPDF(content)) {
      int pageCount = document.getNumberOfPages();
      if (pageCount == 0) {
        throw new UnreadableDocumentException(Reason.EMPTY, "PDF 没有任何页面: " + fileName);
      }
      checkPageCount(fileName, pageCount);
      List<OcrPage> pages = new ArrayList<>(pageCount);
      List<IntegrityFinding> integrity = new ArrayList<>();
      PDFRenderer renderer = new PDFRenderer(document);
      String ocrEngine = null;
      for (int i = 0; i < pageCount; i++) {
        checkInterrupted();
        PdfTextLayer layer = PdfTextLayer.read(document, i);
        if (!layer.isEmpty() && !tamperCheck) {
          pages.add(layer.page(PDF_DPI, g -> true));
          continue;
        }
        float dpi = renderDpi(document, i);
        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
        checkInterrupted();
        if (layer.isEmpty()) {
          // A page without a text layer is a scan: OCR is all there is.
          OcrEngine engine = engine();
          pages.add(ocr(engine, image, fileName));
          ocrEngine = engine.name();
          continue;
        }
        PdfIntegrityCheck.PageResult checked = checkPage(fileName, i, layer, image, dpi);
        integrity.addAll(checked.findings());
        pages.add(checked.text());
        if (checked.ocr()) {
          ocrEngine = engines.engineName();
        }
      }
      // Any OCR'd page makes the whole document OCR: its text is then only as good as the OCR.
      return ocrEngine == null
          ? new DocumentText(mediaType, DocumentText.Source.PDF_TEXT_LAYER, null, pages, integrity)
          : new DocumentText(mediaType, DocumentText.Source.OCR, ocrEngine, pages, integrity);
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException(
          Reason.UNSUPPORTED_TYPE, "PDF 已加密，需要密码才能打开: " + fileName, e);
    } catch (IOException e) {
      throw new UnreadableDocumentException(
          Reason.CORRUPT, "PDF 文件已损坏，无法解析: " + fileName + " (" + e.getMessage() + ")", e);
    }
  }

  // The text-layer check of one page: hidden glyphs from the render, and the visible layer's
  // values against OCR of the same render. Without an OCR engine only the first part runs, unless
  // the whole layer is hidden, in which case the page can only be read by OCR.
  private PdfIntegrityCheck.PageResult checkPage(
      String fileName, int pageIndex, PdfTextLayer layer, BufferedImage image, float dpi)
      throws UnreadableDocumentException {
    OcrEngine engine;
    try {
      engine = engine();
    } catch (UnreadableDocumentException e) {
      PdfIntegrityCheck.PageResult partial;
      try {
        partial = PdfIntegrityCheck.check(pageIndex + 1, layer, image, dpi, PDF_DPI, null, null);
      } catch (OcrException impossible) {
        throw new IllegalStateException(impossible);
      }
      if (partial.text().boxes().isEmpty()) {
        throw e;
      }
      return partial;
    }
    try {
      // Tesseract's digits are too noisy for the comparison: on genuine e-receipts it misreads
      // amounts often enough to raise false alarms (PdfTamperingIT with ENGINE_OCR=tesseract),
      // so with it only the hidden-text checks run.
      boolean compare = !TesseractOcrEngine.NAME.equals(engines.engineName());
      return PdfIntegrityCheck.check(
          pageIndex + 1, layer, image, dpi, PDF_DPI, engine, preprocessor.prepare(image), compare);
    } catch (OcrException e) {
      throw new UnreadableDocumentException(
          Reason.OCR_FAILED, "文字识别失败: " + fileName + " (" + e.getMessage() + ")", e);
    }
  }

  // Renders at PDF_DPI unless the page is so large that this would exceed the pixel limit.
  private float renderDpi(PDDocument document, int pageIndex) {
    PDRectangle box = document.getPage(pageIndex).getCropBox();
    double points = (double) box.getWidth() * box.getHeight();
    double pixelsAtDpi = points * PDF_DPI * PDF_DPI / (72.0 * 72.0);
    if (pixelsAtDpi <= limits.maxPixels()) {
      return PDF_DPI;
    }
    return (float) (PDF_DPI * Math.sqrt(limits.maxPixels() / pixelsAtDpi));
  }

  private DocumentText readImage(String fileName, byte[] content, String mediaType)
      throws UnreadableDocumentException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new UnreadableDocumentException(
            Reason.UNSUPPORTED_TYPE, "无法解码此图片格式: " + fileName + " 的内容为 " + mediaType);
      }
      ImageReader reader = readers.next();
      try {
        AtomicReference<String> truncated = new AtomicReference<>();
        reader.addIIOReadWarningListener(truncationListener(truncated));
        reader.setInput(in, false, true);
        int imageCount = reader.getNumImages(true);
        if (imageCount <= 0) {
          throw new UnreadableDocumentException(Reason.EMPTY, "图片文件中没有图像: " + fileName);
        }
        checkPageCount(fileName, imageCount);
        // Check every page's size from the header before decoding any pixels.
        for (int i = 0; i < imageCount; i++) {
          long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
          if (pixels > limits.maxPixels()) {
            throw new UnreadableDocumentException(
                Reason.TOO_MANY_PIXELS,
                String.format(
                    Locale.ROOT,
                    "图片尺寸过大: %s 为 %d x %d 像素（%.1f 百万像素），上限 %.1f 百万像素",
                    fileName,
                    reader.getWidth(i),
                    reader.getHeight(i),
                    pixels / 1e6,
                    limits.maxPixels() / 1e6));
          }
        }
        OcrEngine engine = engine();
        List<OcrPage> pages = new ArrayList<>(imageCount);
        for (int i = 0; i < imageCount; i++) {
          checkInterrupted();
          BufferedImage image = reader.read(i);
          if (truncated.get() != null) {
            throw new UnreadableDocumentException(
                Reason.CORRUPT, "图片文件不完整（可能传输中断）: " + fileName + " (" + truncated.get() + ")");
          }
          if (imageCount == 1) {
            image = ImagePreprocessor.rotateQuarter(image, ExifOrientation.quarterTurns(content));
          }
          pages.add(recognizeUpright(engine, preprocessor.prepare(image), fileName));
        }
        return new DocumentText(mediaType, DocumentText.Source.OCR, engine.name(), pages);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new UnreadableDocumentException(
          Reason.CORRUPT, "图片文件已损坏，无法解码: " + fileName + " (" + e.getMessage() + ")", e);
    }
  }

  // Decoders report a cut-off file as a warning and return a grey-filled image; for a claim
  // document that silently loses the lower part of a receipt, so it counts as corrupt.
  private static IIOReadWarningListener truncationListener(AtomicReference<String> truncated) {
    return (source, warning) -> {
      String lower = warning.toLowerCase(Locale.ROOT);
      if (lower.contains("premature end") || lower.contains("truncat")) {
        truncated.compareAndSet(null, warning);
      }
    };
  }

  private void checkPageCount(String fileName, int pageCount) throws UnreadableDocumentException {
    if (pageCount > limits.maxPages()) {
      throw new UnreadableDocumentException(
          Reason.TOO_MANY_PAGES,
          "页数过多: " + fileName + " 共 " + pageCount + " 页，上限 " + limits.maxPages() + " 页");
    }
  }

  private OcrEngine engine() throws UnreadableDocumentException {
    try {
      return engines.get();
    } catch (OcrException e) {
      throw new UnreadableDocumentException(
          Reason.OCR_FAILED, "文字识别引擎不可用: " + e.getMessage(), e);
    }
  }

  private static OcrPage ocr(OcrEngine engine, BufferedImage image, String fileName)
      throws UnreadableDocumentException {
    try {
      return engine.recognize(image);
    } catch (OcrException e) {
      throw new UnreadableDocumentException(
          Reason.OCR_FAILED, "文字识别失败: " + fileName + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * OCR of an image that may be lying on its side or upside down (a phone photo without, or with a
   * wrong, orientation tag): when the page as given reads as almost nothing, the other three
   * orientations are tried and the one that reads best is kept. A readable page costs nothing
   * extra.
   */
  private static OcrPage recognizeUpright(OcrEngine engine, BufferedImage image, String fileName)
      throws UnreadableDocumentException {
    OcrPage best = ocr(engine, image, fileName);
    int bestScore = readableChars(best);
    if (bestScore >= MIN_UPRIGHT_CHARS) {
      return best;
    }
    for (int quarters : new int[] {1, 3, 2}) {
      checkInterrupted();
      OcrPage turned = ocr(engine, ImagePreprocessor.rotateQuarter(image, quarters), fileName);
      int score = readableChars(turned);
      // Only a turn that reads like a page, and clearly better: a faded slip read upright beats
      // the junk OCR finds in the same slip on its side.
      if (score >= MIN_UPRIGHT_CHARS && score > bestScore * 2 + 10) {
        best = turned;
        bestScore = score;
      }
      if (bestScore >= MIN_UPRIGHT_CHARS) {
        break;
      }
    }
    return best;
  }

  // Chinese characters and digits read with confidence: what an upright receipt is full of.
  private static int readableChars(OcrPage page) {
    int n = 0;
    for (var box : page.boxes()) {
      if (box.confidence() >= 0.8) {
        n += (int) box.text().codePoints()
            .filter(c -> Character.isDigit(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
            .count();
      }
    }
    return n;
  }

  private static void checkInterrupted() throws UnreadableDocumentException {
    if (Thread.currentThread().isInterrupted()) {
      throw new UnreadableDocumentException(Reason.TIMEOUT, "读取已超时，处理中止");
    }
  }
}
