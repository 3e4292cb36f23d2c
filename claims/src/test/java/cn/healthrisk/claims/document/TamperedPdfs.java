package cn.healthrisk.claims.document;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFieldAccess;
import cn.healthrisk.claims.generator.Inconsistency;
import cn.healthrisk.claims.generator.ReceiptData;
import cn.healthrisk.claims.generator.ReceiptDataFactory;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Genuine e-receipt PDFs from the generator, and the usual ways of altering one, for tests. */
final class TamperedPdfs {

  private TamperedPdfs() {}

  /** The family's document type, receipt data and PDF for a seed. */
  record Genuine(String family, ReceiptData data, byte[] pdf) {
    BigDecimal total() {
      return data.fields().totalAmount();
    }

    /** The same receipt with another total printed (and nothing else changed). */
    Genuine withTotal(BigDecimal total) {
      ReceiptData altered = new ReceiptData(data.documentType(),
          ReceiptFieldAccess.with(data.fields(), "totalAmount", total), data.province(),
          data.halfDayRegion(), data.inconsistency());
      return new Genuine(family, altered, ReceiptGenerator.pdf(family, altered, 7));
    }
  }

  static Genuine genuine(String family, long seed) {
    DocumentType type = ReceiptGenerator.documentType(family);
    ReceiptData data = new ReceiptDataFactory().create(seed, type, Inconsistency.NONE);
    return new Genuine(family, data, ReceiptGenerator.pdf(family, data, 7));
  }

  /** Text drawn on top of the page: in a colour, at a size, at a position in points from the top-left. */
  static byte[] withText(byte[] pdf, String text, Color color, float size, float x, float yFromTop,
      RenderingMode mode) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      float height = page.getCropBox().getHeight();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), size);
        cs.setNonStrokingColor(color);
        cs.setRenderingMode(mode);
        cs.newLineAtOffset(x, height - yFromTop);
        cs.showText(text);
        cs.endText();
      }
      return save(doc);
    }
  }

  /** A filled rectangle drawn over part of the page (points from the top-left). */
  static byte[] withRectangle(byte[] pdf, Color color, float x, float yFromTop, float w, float h)
      throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      float height = page.getCropBox().getHeight();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
        cs.setNonStrokingColor(color);
        cs.addRect(x, height - yFromTop - h, w, h);
        cs.fill();
      }
      return save(doc);
    }
  }

  /** The page as an image, as a scanner would see it. */
  static BufferedImage render(byte[] pdf, float dpi) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
    }
  }

  /** {@code textFrom}'s page with {@code image} drawn over the whole of it. */
  static byte[] coveredByImage(byte[] textFrom, BufferedImage image) throws IOException {
    try (PDDocument doc = Loader.loadPDF(textFrom)) {
      PDPage page = doc.getPage(0);
      PDRectangle box = page.getCropBox();
      PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
        cs.drawImage(xo, box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight());
      }
      return save(doc);
    }
  }

  /**
   * A "searchable scan": {@code image} as the visible page, with only the text objects of
   * {@code textFrom} over it in render mode 3 (invisible), as scanners with OCR produce.
   */
  static byte[] invisibleTextOverImage(byte[] textFrom, BufferedImage image) throws IOException {
    try (PDDocument doc = Loader.loadPDF(textFrom)) {
      PDPage page = doc.getPage(0);
      PDRectangle box = page.getCropBox();
      List<Object> kept = new ArrayList<>();
      PDFStreamParser parser = new PDFStreamParser(page);
      List<Object> tokens = parser.parse();
      boolean inText = false;
      List<Object> operands = new ArrayList<>();
      for (Object token : tokens) {
        if (!(token instanceof Operator op)) {
          operands.add(token);
          continue;
        }
        String name = op.getName();
        if (name.equals("BT")) {
          inText = true;
        }
        if (inText) {
          if (name.equals("Tr")) {
            operands = List.of(COSInteger.get(3));
          }
          kept.addAll(operands);
          kept.add(op);
        }
        if (name.equals("ET")) {
          inText = false;
        }
        operands = new ArrayList<>();
      }
      PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
      COSName imageName = page.getResources().add(xo);
      PDStream stream = new PDStream(doc);
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        String drawImage = String.format(java.util.Locale.ROOT, "q %.3f 0 0 %.3f %.3f %.3f cm /%s Do Q%n",
            box.getWidth(), box.getHeight(), box.getLowerLeftX(), box.getLowerLeftY(), imageName.getName());
        out.write(drawImage.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        new ContentStreamWriter(out).writeTokens(kept);
      }
      page.setContents(stream);
      return save(doc);
    }
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
