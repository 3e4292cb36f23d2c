package cn.healthrisk.claims.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.document.IntegrityFinding.Kind;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The hidden-text checks on small PDFs, and the value comparison on given OCR text. */
class PdfIntegrityCheckTest {

  @Test
  void visibleBlackTextIsNotHidden() throws Exception {
    assertThat(hidden(pdf(cs -> text(cs, "TOTAL 1234.00", Color.BLACK, 12, 72, 100)))).isEmpty();
  }

  @Test
  void eachWayOfHidingTextIsFoundWithItsReason() throws Exception {
    assertThat(reasons(pdf(cs -> text(cs, "9999.00", Color.WHITE, 12, 72, 100))))
        .containsExactly("NEAR_BACKGROUND_FILL");
    assertThat(reasons(pdf(cs -> text(cs, "9999.00", new Color(250, 250, 248), 12, 72, 100))))
        .containsExactly("NEAR_BACKGROUND_FILL");
    assertThat(reasons(pdf(cs -> {
      cs.setRenderingMode(RenderingMode.NEITHER);
      text(cs, "9999.00", Color.BLACK, 12, 72, 100);
    }))).containsExactly("INVISIBLE_RENDER_MODE");
    assertThat(reasons(pdf(cs -> text(cs, "9999.00", Color.BLACK, 1.5f, 72, 100))))
        .containsExactly("TINY_FONT");
    assertThat(reasons(pdf(cs -> text(cs, "9999.00", Color.BLACK, 12, -300, 100))))
        .containsExactly("OUTSIDE_PAGE");
    assertThat(reasons(pdf(cs -> {
      text(cs, "9999.00", Color.BLACK, 12, 72, 100);
      cs.setNonStrokingColor(Color.WHITE);
      cs.addRect(60, 842 - 110, 200, 30);
      cs.fill();
    }))).containsExactly("COVERED");
    assertThat(reasons(pdf(cs -> {
      PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
      gs.setNonStrokingAlphaConstant(0f);
      cs.setGraphicsStateParameters(gs);
      text(cs, "9999.00", Color.BLACK, 12, 72, 100);
    }))).containsExactly("TRANSPARENT");
  }

  @Test
  void whiteTextUnderBlackTextIsHiddenAndTheBlackTextIsNot() throws Exception {
    byte[] pdf = pdf(cs -> {
      text(cs, "9999.00", Color.WHITE, 12, 72, 100);
      text(cs, "1234.00", Color.BLACK, 12, 72, 100);
    });
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PdfTextLayer layer = PdfTextLayer.read(doc, 0);
      Map<PdfTextLayer.Glyph, String> hidden = hiddenGlyphs(doc, layer);
      OcrPage visible = layer.page(72, g -> !hidden.containsKey(g));
      assertThat(visible.boxes()).extracting(TextBox::text).containsExactly("1234.00");
    }
  }

  @Test
  void valuesAreComparedAsDigitsOnTheSameLineDespiteOcrNoise() throws Exception {
    OcrPage layer = new OcrPage(1000, 1000, List.of(
        new TextBox("合计(小写)：¥8,650.40", 1, 100, 100, 400, 30),
        new TextBox("开票日期：2026-03-15 票据号码：0012345678", 1, 100, 200, 600, 30),
        new TextBox("交款人：王丽", 1, 100, 300, 200, 30)));
    OcrPage same = new OcrPage(1000, 1000, List.of(
        new TextBox("合计(小写)：￥865O.4O", 0.9, 98, 102, 300, 28),
        new TextBox("开票日期：2026-03-l5", 0.9, 98, 198, 200, 30),
        new TextBox("票据号码：OO12345678", 0.9, 400, 200, 200, 30),
        new TextBox("交款人：王朋", 0.9, 100, 300, 200, 30)));
    assertThat(PdfIntegrityCheck.compare(1, layer, same, null)).isEmpty();

    OcrPage other = new OcrPage(1000, 1000, List.of(
        new TextBox("合计(小写)：¥3650.40", 0.9, 98, 102, 300, 28),
        new TextBox("开票日期：2026-03-15 票据号码：0012345679", 0.9, 98, 198, 600, 30),
        new TextBox("交款人：张伟", 0.9, 100, 300, 200, 30)));
    assertThat(PdfIntegrityCheck.compare(1, layer, other, line -> ""))
        .extracting(IntegrityFinding::reason, IntegrityFinding::textLayer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("AMOUNT", "8,650.40"),
            org.assertj.core.groups.Tuple.tuple("NUMBER", "0012345678"),
            org.assertj.core.groups.Tuple.tuple("PAYER", "王丽"));
    assertThat(PdfIntegrityCheck.compare(1, layer, other, line -> "").get(0).kind())
        .isEqualTo(Kind.TEXT_LAYER_MISMATCH);
  }

  @Test
  void aLineOcrDidNotReadIsNotADifferenceButASecondReadingCanClearOne() throws Exception {
    OcrPage layer = new OcrPage(1000, 1000, List.of(new TextBox("合计 8650.40", 1, 100, 100, 400, 30)));
    OcrPage nothing = new OcrPage(1000, 1000, List.of());
    assertThat(PdfIntegrityCheck.compare(1, layer, nothing, null)).isEmpty();
    OcrPage misread = new OcrPage(1000, 1000, List.of(new TextBox("合计 8850.40", 0.6, 100, 100, 400, 30)));
    assertThat(PdfIntegrityCheck.compare(1, layer, misread, line -> "合计 8650.40")).isEmpty();
    assertThat(PdfIntegrityCheck.compare(1, layer, misread, line -> "合计 8850.40")).hasSize(1);
  }

  private static List<String> reasons(byte[] pdf) throws IOException {
    return hidden(pdf).values().stream().distinct().toList();
  }

  private static Map<PdfTextLayer.Glyph, String> hidden(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return hiddenGlyphs(doc, PdfTextLayer.read(doc, 0));
    }
  }

  private static Map<PdfTextLayer.Glyph, String> hiddenGlyphs(PDDocument doc, PdfTextLayer layer)
      throws IOException {
    BufferedImage render = new PDFRenderer(doc).renderImageWithDPI(0, 100, ImageType.RGB);
    return PdfIntegrityCheck.hiddenGlyphs(layer, render, 100 / 72.0);
  }

  @FunctionalInterface
  private interface Drawing {
    void draw(PDPageContentStream cs) throws IOException;
  }

  private static void text(PDPageContentStream cs, String s, Color color, float size, float x, float yFromTop)
      throws IOException {
    cs.beginText();
    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), size);
    cs.setNonStrokingColor(color);
    cs.newLineAtOffset(x, 842 - yFromTop);
    cs.showText(s);
    cs.endText();
  }

  private static byte[] pdf(Drawing drawing) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        drawing.draw(cs);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
