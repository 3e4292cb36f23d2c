package cn.healthrisk.claims.generator;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The CJK system fonts receipts are drawn with, looked up in well-known locations. */
public final class ReceiptFonts {

  /**
   * The typefaces a layout may ask for. MONO is a fixed-pitch face as receipt printers use, HEI_MONO and
   * HEI_SHARP are the other cuts of the embeddable Zen Hei collection, SERIF_NARROW is the serif drawn 84 %
   * wide, as the condensed Song of pre-printed forms.
   */
  enum Face { SANS, SANS_BOLD, SERIF, SERIF_BOLD, HEI, MONO, HEI_MONO, HEI_SHARP, SERIF_NARROW }

  // Well-known locations on Debian/Ubuntu, Fedora, Arch, macOS (Homebrew) and Windows.
  private static final List<String> NOTO_SANS = List.of(
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
      "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
      "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
      "/opt/homebrew/share/fonts/NotoSansCJK-Regular.ttc");
  private static final List<String> NOTO_SANS_BOLD = List.of(
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
      "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
      "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc");
  private static final List<String> NOTO_SERIF = List.of(
      "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
      "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",
      "/usr/share/fonts/google-noto-serif-cjk/NotoSerifCJK-Regular.ttc");
  private static final List<String> NOTO_SERIF_BOLD = List.of(
      "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
      "/usr/share/fonts/noto-cjk/NotoSerifCJK-Bold.ttc",
      "/usr/share/fonts/google-noto-serif-cjk/NotoSerifCJK-Bold.ttc");
  /** TrueType outlines: the only kind PDFBox can embed, so the PDF text layer uses it. */
  static final List<String> EMBEDDABLE = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
      "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
      "C:/Windows/Fonts/simsun.ttc");

  private static final String INSTALL_HINT =
      "install fonts-noto-cjk and fonts-wqy-zenhei (Debian/Ubuntu) or the equivalent packages";

  private static volatile ReceiptFonts shared;

  private final Map<Face, Font> faces;
  private final Path embeddable;

  private ReceiptFonts(Map<Face, Font> faces, Path embeddable) {
    this.faces = faces;
    this.embeddable = embeddable;
  }

  /** Whether the fonts needed for images and PDFs are installed. */
  public static boolean available() {
    try {
      load();
      return true;
    } catch (FontUnavailableException e) {
      return false;
    }
  }

  /**
   * The fonts, loaded once.
   *
   * @throws FontUnavailableException naming the paths tried and what to install
   */
  public static ReceiptFonts load() {
    ReceiptFonts fonts = shared;
    if (fonts == null) {
      synchronized (ReceiptFonts.class) {
        if (shared == null) {
          shared = locate();
        }
        fonts = shared;
      }
    }
    return fonts;
  }

  private static ReceiptFonts locate() {
    Path hei = first(EMBEDDABLE).orElseThrow(() -> new FontUnavailableException(
        "No embeddable (TrueType) CJK font found; tried " + EMBEDDABLE + "; " + INSTALL_HINT));
    Font heiFont = open(hei, "WenQuanYi Zen Hei");
    Font sans = first(NOTO_SANS).map(p -> open(p, "SC")).orElse(heiFont);
    Font serif = first(NOTO_SERIF).map(p -> open(p, "SC")).orElse(sans);
    Font sansBold = first(NOTO_SANS_BOLD).map(p -> open(p, "SC")).orElse(sans.deriveFont(Font.BOLD));
    Font serifBold = first(NOTO_SERIF_BOLD).map(p -> open(p, "SC"))
        .orElse(serif.deriveFont(Font.BOLD));
    Font heiMono = open(hei, "Zen Hei Mono");
    Font heiSharp = open(hei, "Zen Hei Sharp");
    Font mono = first(NOTO_SANS).map(p -> open(p, "Mono CJK SC")).orElse(heiMono);
    Map<Face, Font> faces = new EnumMap<>(Face.class);
    faces.put(Face.SANS, sans);
    faces.put(Face.SANS_BOLD, sansBold);
    faces.put(Face.SERIF, serif);
    faces.put(Face.SERIF_BOLD, serifBold);
    faces.put(Face.HEI, heiFont);
    faces.put(Face.MONO, mono);
    faces.put(Face.HEI_MONO, heiMono);
    faces.put(Face.HEI_SHARP, heiSharp);
    faces.put(Face.SERIF_NARROW, serif.deriveFont(AffineTransform.getScaleInstance(0.84, 1)));
    return new ReceiptFonts(faces, hei);
  }

  private static Optional<Path> first(List<String> candidates) {
    return candidates.stream().map(Path::of).filter(Files::isReadable).findFirst();
  }

  /** The font in a collection whose family name contains {@code want}, else its first font. */
  private static Font open(Path file, String want) {
    try {
      Font[] all = Font.createFonts(file.toFile());
      for (Font f : all) {
        if (f.getFamily(Locale.ROOT).contains(want)) {
          return f;
        }
      }
      return all[0];
    } catch (IOException | FontFormatException e) {
      throw new FontUnavailableException("Cannot read font " + file + ": " + e.getMessage()
          + "; " + INSTALL_HINT);
    }
  }

  Font font(Face face, float sizePx) {
    return faces.get(face).deriveFont(sizePx);
  }

  /** A TrueType collection PDFBox can embed. */
  Path embeddableFile() {
    return embeddable;
  }
}
