package cn.healthrisk.claims.document;

import cn.healthrisk.claims.document.IntegrityFinding.Kind;
import cn.healthrisk.claims.document.PdfTextLayer.Glyph;
import cn.healthrisk.claims.ocr.OcrEngine;
import cn.healthrisk.claims.ocr.OcrException;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one PDF page whose text layer a reader cannot see: glyphs painted invisibly (render mode
 * 3, transparent, in the background's colour, under 2 pt, off the page, covered by a shape or an
 * image), judged from the glyph's own paint and from the rendered page; and values of the visible
 * text layer (amounts, dates, long numbers, the payer) that OCR of the rendered page does not read
 * at the same place.
 *
 * <p>OCR noise is allowed for: values compare as digits after mapping the letters OCR confuses with
 * digits (O/0, l/1, S/5, B/8 ...), and a value not found on the OCR'd line gets a second reading of
 * just that line, enlarged, before it counts as a difference. A line OCR does not read at all is not
 * a difference: the pixel checks decide whether it is visible.
 */
final class PdfIntegrityCheck {

  /** Text smaller than this cannot be read on a printed or displayed receipt. */
  static final float MIN_VISIBLE_PT = 2f;

  // Per-channel distance under which a glyph's paint is the background's colour.
  private static final int SAME_COLOUR = 40;
  // Per-channel distance from the background over which a rendered pixel is ink.
  private static final int INK = 60;
  // A glyph box with fewer ink pixels than this share (and at least two) shows nothing.
  private static final double MIN_INK_SHARE = 0.003;
  private static final int MAX_FINDINGS_PER_PAGE = 20;
  private static final int MAX_TEXT = 120;
  // Line height in pixels a line is enlarged to for its second reading.
  private static final int SECOND_LOOK_LINE_PX = 56;

  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?<date>\\d{4}\\s*[-./年]\\s*\\d{1,2}\\s*[-./月]\\s*\\d{1,2})"
          + "|(?<amount>(?<![\\d.])\\d{1,3}(?:,\\d{3})+\\.\\d{2}(?!\\d)|(?<![\\d.])\\d+\\.\\d{2}(?!\\d))"
          + "|(?<number>(?<![\\d.])\\d{6,}(?![\\d.]))"
          + "|(?:交款人|患者姓名)[:：\\s]*(?<payer>[\\u4e00-\\u9fa5·]{2,5})");

  private PdfIntegrityCheck() {}

  /**
   * What a page's check found and which text to extract from.
   *
   * @param text the text to extract from: the visible text layer, or OCR of the page when the
   *     layer is all hidden or disagrees with the page
   * @param ocr whether {@code text} is OCR
   */
  record PageResult(OcrPage text, boolean ocr, List<IntegrityFinding> findings) {}

  /**
   * Checks one page.
   *
   * @param render the page rendered at {@code renderDpi}
   * @param pageDpi the resolution of the returned page's coordinates
   * @param engine OCR engine for the comparison, or null to compare nothing (pixel checks only)
   * @param prepared the render as the OCR engine should see it
   */
  static PageResult check(int pageNo, PdfTextLayer layer, BufferedImage render, double renderDpi,
      double pageDpi, OcrEngine engine, BufferedImage prepared) throws OcrException {
    return check(pageNo, layer, render, renderDpi, pageDpi, engine, prepared, true);
  }

  /**
   * Checks one page; with {@code compare} false the OCR engine only reads a page whose whole
   * layer is hidden, and values are not compared (for an engine whose digits are too noisy).
   */
  static PageResult check(int pageNo, PdfTextLayer layer, BufferedImage render, double renderDpi,
      double pageDpi, OcrEngine engine, BufferedImage prepared, boolean compare) throws OcrException {
    Map<Glyph, String> hidden = hiddenGlyphs(layer, render, renderDpi / 72.0);
    long drawn = layer.lines().stream().flatMap(List::stream).filter(g -> !g.blank()).count();
    // A page whose whole text layer is invisible is how scanners make a scan searchable: not
    // suspicious in itself, but its text must match the image.
    boolean searchableScan = drawn > 0 && hidden.size() == drawn
        && hidden.values().stream().allMatch("INVISIBLE_RENDER_MODE"::equals);
    List<IntegrityFinding> findings = new ArrayList<>();
    if (!searchableScan) {
      findings.addAll(hiddenRuns(pageNo, layer, hidden));
    }
    OcrPage visible = layer.page(pageDpi, g -> !hidden.containsKey(g));
    if (engine == null || (!compare && !visible.boxes().isEmpty())) {
      return new PageResult(visible, false, cap(findings));
    }
    if (!compare) {
      OcrPage ocr = scaled(engine.recognize(prepared), visible.width(), visible.height());
      return new PageResult(ocr, true, cap(findings));
    }
    OcrPage ocr = scaled(engine.recognize(prepared), visible.width(), visible.height());
    OcrPage compared = searchableScan ? layer.page(pageDpi, g -> true) : visible;
    List<IntegrityFinding> mismatches =
        compare(pageNo, compared, ocr, line -> secondLook(engine, render, renderDpi / pageDpi, line));
    findings.addAll(mismatches);
    boolean useOcr = visible.boxes().isEmpty() || !mismatches.isEmpty();
    return new PageResult(useOcr ? ocr : visible, useOcr, cap(findings));
  }

  /** Glyphs a reader cannot see, with the reason; blank glyphs are never listed. */
  static Map<Glyph, String> hiddenGlyphs(PdfTextLayer layer, BufferedImage render, double scale) {
    Map<Glyph, String> hidden = new IdentityHashMap<>();
    for (List<Glyph> line : layer.lines()) {
      for (Glyph g : line) {
        if (g.blank()) {
          continue;
        }
        String reason = byPaint(g, layer.pageWidth(), layer.pageHeight());
        if (reason == null && render != null) {
          reason = byPixels(g, render, scale);
        }
        if (reason != null) {
          hidden.put(g, reason);
        }
      }
    }
    return hidden;
  }

  private static String byPaint(Glyph g, float pageWidth, float pageHeight) {
    if (g.renderMode() == 3 || g.renderMode() == 7) {
      return "INVISIBLE_RENDER_MODE";
    }
    if (g.alpha() < 0.1) {
      return "TRANSPARENT";
    }
    if (g.sizePt() < MIN_VISIBLE_PT) {
      return "TINY_FONT";
    }
    float cx = (g.left() + g.right()) / 2;
    float cy = (g.top() + g.baseline()) / 2;
    if (g.right() <= 0 || g.left() >= pageWidth || g.baseline() <= 0 || g.top() >= pageHeight
        || cx < 0 || cx > pageWidth || cy < 0 || cy > pageHeight) {
      return "OUTSIDE_PAGE";
    }
    return null;
  }

  private static String byPixels(Glyph g, BufferedImage render, double scale) {
    int x0 = Math.max(0, (int) Math.floor(g.left() * scale));
    int x1 = Math.min(render.getWidth(), (int) Math.ceil(g.right() * scale));
    int y0 = Math.max(0, (int) Math.floor(g.top() * scale));
    int y1 = Math.min(render.getHeight(), (int) Math.ceil(g.baseline() * scale));
    if (x1 - x0 < 1 || y1 - y0 < 1) {
      return null;
    }
    // The background is taken around the glyph too: a bold glyph can be mostly ink itself.
    int padY = Math.max(2, (y1 - y0) / 2);
    int padX = Math.max(1, (x1 - x0) / 4);
    int ex0 = Math.max(0, x0 - padX);
    int ex1 = Math.min(render.getWidth(), x1 + padX);
    int ey0 = Math.max(0, y0 - padY);
    int ey1 = Math.min(render.getHeight(), y1 + padY);
    int background = dominantColour(render.getRGB(ex0, ey0, ex1 - ex0, ey1 - ey0, null, 0, ex1 - ex0));
    if (g.rgb() >= 0 && distance(g.rgb(), background) < SAME_COLOUR) {
      return "NEAR_BACKGROUND_FILL";
    }
    int[] pixels = render.getRGB(x0, y0, x1 - x0, y1 - y0, null, 0, x1 - x0);
    int ink = 0;
    for (int p : pixels) {
      if (distance(p, background) > INK) {
        ink++;
      }
    }
    return ink < Math.max(2, pixels.length * MIN_INK_SHARE) ? "COVERED" : null;
  }

  // The most common colour, at 4 bits per channel, averaged over the pixels that have it.
  private static int dominantColour(int[] pixels) {
    int[] counts = new int[4096];
    for (int p : pixels) {
      counts[bin(p)]++;
    }
    int best = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    long r = 0;
    long gr = 0;
    long b = 0;
    for (int p : pixels) {
      if (bin(p) == best) {
        r += (p >> 16) & 0xff;
        gr += (p >> 8) & 0xff;
        b += p & 0xff;
      }
    }
    int n = counts[best];
    return (int) (r / n) << 16 | (int) (gr / n) << 8 | (int) (b / n);
  }

  private static int bin(int p) {
    return ((p >> 20) & 0xf) << 8 | ((p >> 12) & 0xf) << 4 | ((p >> 4) & 0xf);
  }

  private static int distance(int a, int b) {
    return Math.max(Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)),
        Math.max(Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)), Math.abs((a & 0xff) - (b & 0xff))));
  }

  /** Runs of hidden glyphs with one reason on one line, as findings. */
  static List<IntegrityFinding> hiddenRuns(int pageNo, PdfTextLayer layer, Map<Glyph, String> hidden) {
    List<IntegrityFinding> out = new ArrayList<>();
    for (List<Glyph> line : layer.lines()) {
      StringBuilder run = new StringBuilder();
      String reason = null;
      for (Glyph g : line) {
        String r = g.blank() ? reason : hidden.get(g);
        if (r == null || !r.equals(reason)) {
          addRun(out, pageNo, reason, run);
          run.setLength(0);
          reason = r;
        }
        if (r != null) {
          run.append(g.text());
        }
      }
      addRun(out, pageNo, reason, run);
    }
    return out;
  }

  private static void addRun(List<IntegrityFinding> out, int pageNo, String reason, StringBuilder run) {
    String text = run.toString().strip();
    if (reason != null && !text.isEmpty()) {
      out.add(new IntegrityFinding(pageNo, Kind.HIDDEN_TEXT, reason, clip(text), null));
    }
  }

  /** A second reading of one text-layer line's region; returns the text read, or "". */
  @FunctionalInterface
  interface SecondLook {
    String read(TextBox line) throws OcrException;
  }

  /**
   * Values of {@code textLayer} that OCR does not read on the same line: amounts, dates and
   * numbers compared as digits, the payer's name by its characters.
   */
  static List<IntegrityFinding> compare(int pageNo, OcrPage textLayer, OcrPage ocr, SecondLook secondLook)
      throws OcrException {
    List<IntegrityFinding> out = new ArrayList<>();
    for (TextBox line : textLayer.boxes()) {
      Matcher m = KEY_VALUE.matcher(line.text());
      String band = null;
      String second = null;
      while (m.find()) {
        String kind = m.group("date") != null ? "DATE" : m.group("amount") != null ? "AMOUNT"
            : m.group("number") != null ? "NUMBER" : "PAYER";
        String value = kind.equals("PAYER") ? m.group("payer") : m.group();
        if (band == null) {
          band = bandText(line, ocr);
        }
        if (band.isBlank() || readsAs(kind, value, band)) {
          continue;
        }
        if (second == null) {
          second = secondLook == null ? "" : secondLook.read(line);
        }
        if (!second.isBlank() && readsAs(kind, value, second)) {
          continue;
        }
        out.add(new IntegrityFinding(pageNo, Kind.TEXT_LAYER_MISMATCH, kind, value, clip(band)));
      }
    }
    return out;
  }

  private static boolean readsAs(String kind, String value, String read) {
    if (kind.equals("PAYER")) {
      // OCR of a name is noisy; a replaced name shares none of its characters.
      return value.codePoints().filter(c -> c != '·').anyMatch(c -> read.indexOf(c) >= 0);
    }
    return digits(read, true).contains(digits(value, false));
  }

  /** The OCR'd text on the same line as {@code line}, left to right. */
  static String bandText(TextBox line, OcrPage ocr) {
    StringBuilder sb = new StringBuilder();
    ocr.boxes().stream()
        .filter(b -> verticalOverlap(line, b) >= 0.4 * Math.min(line.height(), b.height()))
        .sorted(Comparator.comparingInt(TextBox::x))
        .forEach(b -> sb.append(b.text()).append(' '));
    return sb.toString().strip();
  }

  private static int verticalOverlap(TextBox a, TextBox b) {
    return Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
  }

  /** The digits of a text; with {@code ocr}, letters OCR mistakes for digits count as those digits. */
  static String digits(String s, boolean ocr) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (c >= '0' && c <= '9') {
        sb.append((char) c);
      } else if (c >= '０' && c <= '９') {
        sb.append((char) ('0' + c - '０'));
      } else if (ocr) {
        int d = switch (c) {
          case 'O', 'o', 'D', 'Q', '〇' -> '0';
          case 'I', 'l', '|', 'i', '!', 'L' -> '1';
          case 'Z', 'z' -> '2';
          case 'S', 's', '$' -> '5';
          case 'B' -> '8';
          case 'b', 'G' -> '6';
          case 'g', 'q' -> '9';
          default -> -1;
        };
        if (d >= 0) {
          sb.append((char) d);
        }
      }
    });
    return sb.toString();
  }

  // Reads one line's region again, enlarged so its text is about SECOND_LOOK_LINE_PX tall.
  private static String secondLook(OcrEngine engine, BufferedImage render, double renderPerPage,
      TextBox line) throws OcrException {
    int pad = Math.max(4, line.height() / 2);
    int x0 = Math.max(0, (int) ((line.x() - pad) * renderPerPage));
    int y0 = Math.max(0, (int) ((line.y() - pad) * renderPerPage));
    int x1 = Math.min(render.getWidth(), (int) ((line.right() + pad) * renderPerPage));
    int y1 = Math.min(render.getHeight(), (int) ((line.bottom() + pad) * renderPerPage));
    if (x1 - x0 < 4 || y1 - y0 < 4) {
      return "";
    }
    double zoom = Math.max(1.0, Math.min(4.0, SECOND_LOOK_LINE_PX / Math.max(1.0, line.height() * renderPerPage)));
    int w = (int) Math.round((x1 - x0) * zoom);
    int h = (int) Math.round((y1 - y0) * zoom);
    BufferedImage crop = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = crop.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(render.getSubimage(x0, y0, x1 - x0, y1 - y0), 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    StringBuilder sb = new StringBuilder();
    engine.recognize(crop).boxes().forEach(b -> sb.append(b.text()).append(' '));
    return sb.toString().strip();
  }

  /** OCR boxes moved from the prepared image's pixels to the page's. */
  static OcrPage scaled(OcrPage page, int width, int height) {
    if (page.width() == width && page.height() == height) {
      return page;
    }
    double sx = (double) width / page.width();
    double sy = (double) height / page.height();
    List<TextBox> boxes = page.boxes().stream()
        .map(b -> new TextBox(b.text(), b.confidence(), (int) Math.round(b.x() * sx),
            (int) Math.round(b.y() * sy), Math.max(1, (int) Math.round(b.width() * sx)),
            Math.max(1, (int) Math.round(b.height() * sy))))
        .toList();
    return new OcrPage(width, height, boxes);
  }

  private static List<IntegrityFinding> cap(List<IntegrityFinding> findings) {
    return findings.size() <= MAX_FINDINGS_PER_PAGE
        ? List.copyOf(findings) : List.copyOf(findings.subList(0, MAX_FINDINGS_PER_PAGE));
  }

  private static String clip(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }
}
