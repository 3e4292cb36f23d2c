package cn.healthrisk.claims.document;

import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.ReadingOrder;
import cn.healthrisk.claims.ocr.TextBox;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads one page's text layer as lines of glyphs, each with what decides whether a reader can see
 * it (render mode, paint colour and opacity, size, position), and turns the lines into one text
 * box per line, in pixels at a given resolution.
 */
final class PdfTextLayer extends PDFTextStripper {

  /**
   * One glyph of the text layer; coordinates in points from the crop box's top-left corner.
   *
   * @param text the glyph's Unicode text, or a single space for a word separator
   * @param separator whether this is a word separator rather than a drawn glyph
   * @param sizePt the glyph's size on the page in points
   * @param renderMode the PDF text render mode (3 and 7 paint nothing)
   * @param rgb the colour it is painted in (fill, or stroke for stroke-only modes), -1 if unknown
   * @param alpha the paint's constant opacity
   */
  record Glyph(String text, boolean separator, float left, float top, float right, float baseline,
      float sizePt, int renderMode, int rgb, double alpha) {

    boolean blank() {
      return separator || text.isBlank();
    }
  }

  private record Paint(int renderMode, int rgb, double alpha) {}

  private final List<List<Glyph>> lines = new ArrayList<>();
  private final Map<TextPosition, Paint> paints = new IdentityHashMap<>();
  private List<Glyph> line = new ArrayList<>();
  private final float pageWidth;
  private final float pageHeight;

  private PdfTextLayer(PDRectangle crop) {
    this.pageWidth = crop.getWidth();
    this.pageHeight = crop.getHeight();
    setSortByPosition(true);
    // Duplicates (text drawn twice for a bold effect) are dropped in page(), among the glyphs
    // kept: here a hidden copy could win over the visible one.
    setSuppressDuplicateOverlappingText(false);
    // The text stripper ignores colour; the glyph's paint is needed to tell hidden text.
    addOperator(new SetStrokingColorSpace(this));
    addOperator(new SetNonStrokingColorSpace(this));
    addOperator(new SetStrokingColor(this));
    addOperator(new SetNonStrokingColor(this));
    addOperator(new SetStrokingColorN(this));
    addOperator(new SetNonStrokingColorN(this));
    addOperator(new SetStrokingDeviceGrayColor(this));
    addOperator(new SetNonStrokingDeviceGrayColor(this));
    addOperator(new SetStrokingDeviceRGBColor(this));
    addOperator(new SetNonStrokingDeviceRGBColor(this));
    addOperator(new SetStrokingDeviceCMYKColor(this));
    addOperator(new SetNonStrokingDeviceCMYKColor(this));
  }

  /** The page's text lines; no lines means the page has no text layer. */
  static PdfTextLayer read(PDDocument document, int pageIndex) throws IOException {
    PdfTextLayer layer = new PdfTextLayer(document.getPage(pageIndex).getCropBox());
    layer.setStartPage(pageIndex + 1);
    layer.setEndPage(pageIndex + 1);
    layer.writeText(document, new StringWriter());
    layer.flushLine();
    layer.paints.clear();
    return layer;
  }

  /** The page's whole text layer as one box per line, in pixels at {@code dpi}. */
  static OcrPage readPage(PDDocument document, int pageIndex, double dpi) throws IOException {
    return read(document, pageIndex).page(dpi, g -> true);
  }

  List<List<Glyph>> lines() {
    return lines;
  }

  boolean isEmpty() {
    return lines.stream().flatMap(List::stream).allMatch(Glyph::blank);
  }

  float pageWidth() {
    return pageWidth;
  }

  float pageHeight() {
    return pageHeight;
  }

  /**
   * The lines made of the glyphs {@code keep} accepts, one box per line, in pixels at {@code dpi}.
   * A page the size of the crop box, rounded down like PDFRenderer, so text-layer and rendered
   * pages have the same size.
   */
  OcrPage page(double dpi, Predicate<Glyph> keep) {
    double scale = dpi / 72.0;
    List<TextBox> boxes = new ArrayList<>();
    for (List<Glyph> glyphs : lines) {
      StringBuilder text = new StringBuilder();
      float minX = Float.MAX_VALUE;
      float minY = Float.MAX_VALUE;
      float maxX = -Float.MAX_VALUE;
      float maxY = -Float.MAX_VALUE;
      boolean any = false;
      List<Glyph> kept = new ArrayList<>();
      for (Glyph g : glyphs) {
        if (g.separator()) {
          text.append(' ');
          continue;
        }
        if (!keep.test(g) || kept.stream().anyMatch(k -> duplicate(k, g))) {
          continue;
        }
        kept.add(g);
        text.append(g.text());
        minX = Math.min(minX, g.left());
        minY = Math.min(minY, g.top());
        maxX = Math.max(maxX, g.right());
        maxY = Math.max(maxY, g.baseline());
        any = true;
      }
      String s = text.toString().strip().replaceAll(" {2,}", " ");
      if (!any || s.isEmpty()) {
        continue;
      }
      int x = (int) Math.floor(minX * scale);
      int y = (int) Math.floor(minY * scale);
      boxes.add(new TextBox(s, 1.0, Math.max(0, x), Math.max(0, y),
          Math.max(1, (int) Math.ceil(maxX * scale) - x), Math.max(1, (int) Math.ceil(maxY * scale) - y)));
    }
    int width = Math.max(1, (int) Math.floor(pageWidth * scale));
    int height = Math.max(1, (int) Math.floor(pageHeight * scale));
    return new OcrPage(width, height, ReadingOrder.sort(boxes));
  }

  private static boolean duplicate(Glyph a, Glyph b) {
    float tolerance = Math.max(0.5f, (a.right() - a.left()) / 3);
    return a.text().equals(b.text()) && Math.abs(a.left() - b.left()) < tolerance
        && Math.abs(a.baseline() - b.baseline()) < tolerance;
  }

  // Called while the content stream is processed, so the graphics state is the glyph's own.
  @Override
  protected void processTextPosition(TextPosition text) {
    PDGraphicsState state = getGraphicsState();
    RenderingMode mode = state.getTextState().getRenderingMode();
    boolean strokeOnly = mode.isStroke() && !mode.isFill();
    paints.put(text, new Paint(mode.intValue(),
        rgb(strokeOnly ? state.getStrokingColor() : state.getNonStrokingColor()),
        strokeOnly ? state.getAlphaConstant() : state.getNonStrokeAlphaConstant()));
    super.processTextPosition(text);
  }

  private static int rgb(PDColor color) {
    try {
      return color == null ? -1 : color.toRGB() & 0xffffff;
    } catch (IOException | RuntimeException e) {
      // Patterns and some special colour spaces have no single colour.
      return -1;
    }
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    super.startPage(page);
    flushLine();
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    for (TextPosition p : positions) {
      Paint paint = paints.getOrDefault(p, new Paint(0, -1, 1.0));
      float left = p.getXDirAdj();
      float baseline = p.getYDirAdj();
      float top = baseline - Math.max(p.getHeightDir(), 1f);
      float size = Math.abs(p.getTextMatrix().getScalingFactorY());
      String unicode = p.getUnicode() == null ? "" : p.getUnicode();
      line.add(new Glyph(unicode, false, left, top, left + p.getWidthDirAdj(), baseline, size,
          paint.renderMode(), paint.rgb(), paint.alpha()));
    }
  }

  @Override
  protected void writeWordSeparator() {
    line.add(new Glyph(" ", true, 0, 0, 0, 0, 0, 0, -1, 1.0));
  }

  @Override
  protected void writeLineSeparator() {
    flushLine();
  }

  @Override
  protected void writeParagraphEnd() {
    flushLine();
  }

  private void flushLine() {
    if (line.stream().anyMatch(g -> !g.blank())) {
      lines.add(line);
    }
    line = new ArrayList<>();
  }
}
