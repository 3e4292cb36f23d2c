package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** PDFBox canvas: real text in one embedded TrueType font, so the PDF has a text layer. */
final class PdfCanvas implements Canvas {

  private final PDDocument document;
  private final PDPageContentStream content;
  private final PDType0Font font;
  private final double scale;
  private final double pageHeight;
  /** Text only, in render mode 3 (neither filled nor stroked): a text layer nobody sees. */
  private final boolean invisible;

  /**
   * @param scale points per pixel of the layout
   * @param pageHeight page height in points
   */
  PdfCanvas(PDDocument document, PDPageContentStream content, PDType0Font font, double scale,
      double pageHeight) {
    this.document = document;
    this.content = content;
    this.font = font;
    this.scale = scale;
    this.pageHeight = pageHeight;
    this.invisible = false;
  }

  private PdfCanvas(PDPageContentStream content, PDType0Font font, double scale, double pageHeight) {
    this.document = null;
    this.content = content;
    this.font = font;
    this.scale = scale;
    this.pageHeight = pageHeight;
    this.invisible = true;
  }

  /**
   * A canvas that writes only an invisible text layer (render mode 3) and draws nothing else: what a
   * tampered PDF lays over the picture of a page.
   */
  static PdfCanvas invisible(PDPageContentStream content, PDType0Font font, double scale, double pageHeight) {
    return new PdfCanvas(content, font, scale, pageHeight);
  }

  @Override
  public void text(String s, double x, double y, Face face, double size, Color color) {
    try {
      content.beginText();
      content.setFont(font, (float) (size * scale));
      boolean bold = !invisible && (face == Face.SANS_BOLD || face == Face.SERIF_BOLD);
      if (invisible) {
        content.setRenderingMode(RenderingMode.NEITHER);
      } else {
        content.setNonStrokingColor(color);
        // One embedded face only: bold is drawn as fill plus a thin stroke.
        content.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
      }
      if (bold) {
        content.setStrokingColor(color);
        content.setLineWidth((float) (size * scale * 0.03));
      }
      content.newLineAtOffset((float) (x * scale), (float) (pageHeight - y * scale));
      content.showText(s);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public double width(String s, Face face, double size) {
    try {
      return font.getStringWidth(s) / 1000.0 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, double stroke, Color color) {
    if (invisible) {
      return;
    }
    try {
      content.setStrokingColor(color);
      content.setLineWidth((float) (stroke * scale));
      content.moveTo((float) (x1 * scale), (float) (pageHeight - y1 * scale));
      content.lineTo((float) (x2 * scale), (float) (pageHeight - y2 * scale));
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Color color) {
    if (invisible) {
      return;
    }
    try {
      content.setNonStrokingColor(color);
      content.addRect((float) (x * scale), (float) (pageHeight - (y + h) * scale),
          (float) (w * scale), (float) (h * scale));
      content.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void image(BufferedImage img, double x, double y, double w, double h) {
    if (invisible) {
      return;
    }
    try {
      PDImageXObject xo = LosslessFactory.createFromImage(document, img);
      content.drawImage(xo, (float) (x * scale), (float) (pageHeight - (y + h) * scale),
          (float) (w * scale), (float) (h * scale));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
