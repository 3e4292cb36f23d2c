package cn.healthrisk.claims.ocr;

import java.util.List;
import java.util.Locale;

/** Creates OCR engines by their configured name. */
public final class OcrEngines {

  /** The engine used when none is configured. */
  public static final String DEFAULT = RapidOcrEngine.NAME;

  /** Every valid engine name. */
  public static final List<String> NAMES = List.of(RapidOcrEngine.NAME, TesseractOcrEngine.NAME);

  private OcrEngines() {}

  /**
   * Creates a new engine.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the valid ones)
   * @throws OcrException if the engine's native library or models cannot be loaded
   */
  public static OcrEngine create(String name) throws OcrException {
    return switch (canonical(name)) {
      case RapidOcrEngine.NAME -> new RapidOcrEngine();
      case TesseractOcrEngine.NAME -> new TesseractOcrEngine();
      default -> throw unknown(name);
    };
  }

  /**
   * A provider handing each thread its own engine of the named kind; the name is checked now,
   * the engines are created on first use.
   */
  public static OcrEngineProvider perThread(String name) {
    String canonical = canonical(name);
    if (!NAMES.contains(canonical)) {
      throw unknown(name);
    }
    return new OcrEngineProvider(canonical, () -> create(canonical));
  }

  private static String canonical(String name) {
    return name == null || name.isBlank() ? DEFAULT : name.strip().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(
        "Unknown OCR engine '" + name + "'; valid names are " + String.join(", ", NAMES));
  }
}
