package cn.healthrisk.claims.document;

import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.ReadingOrder;
import cn.healthrisk.claims.ocr.TextBox;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads one page's text layer as one text box per line, in pixels at a given resolution. */
final class PdfTextLayer extends PDFTextStripper {

  private final double scale;
  private final List<TextBox> boxes = new ArrayList<>();
  private final StringBuilder lineText = new StringBuilder();
  private float minX;
  private float minY;
  private float maxX;
  private float maxY;
  private boolean lineOpen;

  private PdfTextLayer(double dpi) {
    this.scale = dpi / 72.0;
    setSortByPosition(true);
    setSuppressDuplicateOverlappingText(true);
  }

  /** The page's text lines; an empty box list means the page has no text layer. */
  static OcrPage readPage(PDDocument document, int pageIndex, double dpi) throws IOException {
    PdfTextLayer layer = new PdfTextLayer(dpi);
    layer.setStartPage(pageIndex + 1);
    layer.setEndPage(pageIndex + 1);
    layer.writeText(document, new StringWriter());
    layer.flushLine();
    PDRectangle crop = document.getPage(pageIndex).getCropBox();
    // Rounded down like PDFRenderer, so text-layer and rendered pages have the same size.
    int width = Math.max(1, (int) Math.floor(crop.getWidth() * layer.scale));
    int height = Math.max(1, (int) Math.floor(crop.getHeight() * layer.scale));
    return new OcrPage(width, height, ReadingOrder.sort(layer.boxes));
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    super.startPage(page);
    flushLine();
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    lineText.append(text);
    for (TextPosition p : positions) {
      float left = p.getXDirAdj();
      float baseline = p.getYDirAdj();
      float top = baseline - Math.max(p.getHeightDir(), 1f);
      float right = left + p.getWidthDirAdj();
      if (!lineOpen) {
        minX = left;
        minY = top;
        maxX = right;
        maxY = baseline;
        lineOpen = true;
      } else {
        minX = Math.min(minX, left);
        minY = Math.min(minY, top);
        maxX = Math.max(maxX, right);
        maxY = Math.max(maxY, baseline);
      }
    }
  }

  @Override
  protected void writeWordSeparator() {
    lineText.append(' ');
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
    String text = lineText.toString().strip();
    if (lineOpen && !text.isEmpty()) {
      int x = (int) Math.floor(minX * scale);
      int y = (int) Math.floor(minY * scale);
      boxes.add(
          new TextBox(
              text,
              1.0,
              Math.max(0, x),
              Math.max(0, y),
              Math.max(1, (int) Math.ceil(maxX * scale) - x),
              Math.max(1, (int) Math.ceil(maxY * scale) - y)));
    }
    lineText.setLength(0);
    lineOpen = false;
  }
}
