package cn.healthrisk.claims.ocr;

import com.sun.jna.Pointer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract 5 (system libtesseract, {@code chi_sim+eng}) through tess4j 5.14's low-level {@link
 * TessAPI}, returning one box per text line.
 *
 * <p>The low-level API keeps one initialised handle for the life of the engine (the high-level
 * {@code Tesseract} class reloads the language models on every page) and hands pixels over
 * directly, so Leptonica's Java bindings are never involved.
 */
public final class TesseractOcrEngine implements OcrEngine {

  /** Engine name recorded with results. */
  public static final String NAME = "tesseract";

  /** Languages loaded: simplified Chinese first, English for codes and Latin labels. */
  public static final String LANGUAGES = "chi_sim+eng";

  // Debian/Ubuntu locations of the tessdata packages, newest first.
  private static final List<String> KNOWN_TESSDATA =
      List.of(
          "/usr/share/tesseract-ocr/5/tessdata",
          "/usr/share/tesseract-ocr/4.00/tessdata",
          "/usr/share/tessdata",
          "/usr/local/share/tessdata");

  // Receipts and pages rendered for OCR are 150-300 dpi; telling Tesseract avoids its
  // "invalid resolution" fallback to 70 dpi, which ruins line finding.
  private static final int SOURCE_DPI = 300;

  private final TessAPI api;
  private TessBaseAPI handle;

  /** Initialises Tesseract with the tessdata directory found by {@link #findTessdata()}. */
  public TesseractOcrEngine() throws OcrException {
    this(
        findTessdata()
            .orElseThrow(
                () ->
                    new OcrException(
                        "Tesseract language data not found: set TESSDATA_PREFIX to the folder"
                            + " holding chi_sim.traineddata and eng.traineddata, or install"
                            + " tesseract-ocr-chi-sim")));
  }

  /** Initialises Tesseract with the given tessdata directory. */
  public TesseractOcrEngine(Path tessdata) throws OcrException {
    for (String lang : LANGUAGES.split("\\+")) {
      if (!Files.isRegularFile(tessdata.resolve(lang + ".traineddata"))) {
        throw new OcrException(
            "Tesseract language data " + lang + ".traineddata is missing in " + tessdata);
      }
    }
    try {
      // The interface mapping resolves C functions on first call; the direct mapping (TessAPI1)
      // binds all of them up front and fails on Debian's libtesseract 5.3, which lacks a few.
      api = TessAPI.INSTANCE;
      handle = api.TessBaseAPICreate();
      if (api.TessBaseAPIInit3(handle, tessdata.toString(), LANGUAGES) != 0) {
        api.TessBaseAPIDelete(handle);
        handle = null;
        throw new OcrException("Tesseract could not load " + LANGUAGES + " from " + tessdata);
      }
      // PSM 4 (one column of text of variable sizes) keeps the item table of a receipt; PSM 6
      // (one uniform block) drops most of it.
      api.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_SINGLE_COLUMN);
      // Silences per-page chatter such as "Detected N diacritics" on stderr.
      api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
    } catch (LinkageError e) {
      throw new OcrException(
          "Tesseract native library (libtesseract.so.5) could not be loaded: install"
              + " tesseract-ocr; "
              + e,
          e);
    }
  }

  /**
   * The tessdata directory: {@code TESSDATA_PREFIX} (the folder itself or its parent, as
   * Tesseract accepts both) if it holds chi_sim, else the first known system location that does.
   */
  public static Optional<Path> findTessdata() {
    List<Path> candidates = new ArrayList<>();
    String prefix = System.getenv("TESSDATA_PREFIX");
    if (prefix != null && !prefix.isBlank()) {
      candidates.add(Path.of(prefix));
      candidates.add(Path.of(prefix, "tessdata"));
    }
    KNOWN_TESSDATA.forEach(p -> candidates.add(Path.of(p)));
    return candidates.stream()
        .filter(p -> Files.isRegularFile(p.resolve("chi_sim.traineddata")))
        .findFirst();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public OcrPage recognize(BufferedImage image) throws OcrException {
    if (handle == null) {
      throw new OcrException("Tesseract engine is closed");
    }
    int width = image.getWidth();
    int height = image.getHeight();
    BufferedImage gray = toGray(image);
    byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
    buffer.put(pixels).flip();
    api.TessBaseAPISetImage(handle, buffer, width, height, 1, width);
    api.TessBaseAPISetSourceResolution(handle, SOURCE_DPI);
    if (api.TessBaseAPIRecognize(handle, null) != 0) {
      api.TessBaseAPIClear(handle);
      throw new OcrException("Tesseract failed to recognise the page");
    }
    List<TextBox> boxes = new ArrayList<>();
    TessResultIterator it = api.TessBaseAPIGetIterator(handle);
    if (it != null) {
      try {
        int level = TessPageIteratorLevel.RIL_TEXTLINE;
        TessPageIterator page = api.TessResultIteratorGetPageIterator(it);
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        do {
          Pointer textPtr = api.TessResultIteratorGetUTF8Text(it, level);
          if (textPtr == null) {
            continue;
          }
          String text = textPtr.getString(0, "UTF-8").strip();
          api.TessDeleteText(textPtr);
          if (text.isEmpty()
              || api.TessPageIteratorBoundingBox(page, level, left, top, right, bottom) == 0) {
            continue;
          }
          double confidence = api.TessResultIteratorConfidence(it, level) / 100.0;
          boxes.add(
              new TextBox(
                  text,
                  Math.max(0.0, Math.min(1.0, confidence)),
                  left.get(0),
                  top.get(0),
                  Math.max(1, right.get(0) - left.get(0)),
                  Math.max(1, bottom.get(0) - top.get(0))));
        } while (api.TessResultIteratorNext(it, level) != 0);
      } finally {
        api.TessResultIteratorDelete(it);
      }
    }
    api.TessBaseAPIClear(handle);
    return new OcrPage(width, height, ReadingOrder.sort(boxes));
  }

  @Override
  public void close() {
    if (handle != null) {
      api.TessBaseAPIEnd(handle);
      api.TessBaseAPIDelete(handle);
      handle = null;
    }
  }

  // Always copies: a gray image handed in might be a sub-image whose rows are not contiguous.
  private static BufferedImage toGray(BufferedImage image) {
    BufferedImage gray =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    var g = gray.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return gray;
  }
}
