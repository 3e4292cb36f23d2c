package cn.healthrisk.claims.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.healthrisk.claims.document.UnreadableDocumentException.Reason;
import cn.healthrisk.claims.ocr.FakeOcrEngine;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

  private OcrEngineProvider provider = new OcrEngineProvider("fake", FakeOcrEngine::new);
  private DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULTS, provider);

  @AfterEach
  void closeReader() {
    reader.close();
    provider.close();
  }

  @Test
  void zeroBytesIsEmpty() {
    assertThat(failure("receipt.jpg", new byte[0]).reason()).isEqualTo(Reason.EMPTY);
  }

  @Test
  void randomBytesNamedPdfAreRejectedByContentNotName() {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    UnreadableDocumentException e = failure("x.pdf", noise);
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
    assertThat(e.getMessage()).contains("application/octet-stream").contains("x.pdf");
  }

  @Test
  void truncatedPngIsCorrupt() throws Exception {
    byte[] png = png(noisyImage(600, 400));
    UnreadableDocumentException e = failure("r.png", Arrays.copyOf(png, png.length / 2));
    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void truncatedJpegIsCorrupt() throws Exception {
    byte[] jpeg = encode(noisyImage(600, 400), "jpg");
    UnreadableDocumentException e = failure("r.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void jpegWithGarbageAfterHeaderIsCorrupt() throws Exception {
    byte[] jpeg = encode(noisyImage(600, 400), "jpg");
    byte[] damaged = Arrays.copyOf(jpeg, 40);
    UnreadableDocumentException e = failure("r.jpg", damaged);
    assertThat(e.reason()).isIn(Reason.CORRUPT);
  }

  @Test
  void fileOverTheByteLimitIsTooLarge() throws Exception {
    useLimits(new DocumentLimits(1000, 40_000_000L, 10, Duration.ofSeconds(60)));
    UnreadableDocumentException e = failure("big.png", png(noisyImage(300, 300)));
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void imageClaimingTooManyPixelsIsRejectedFromItsHeader() throws Exception {
    UnreadableDocumentException e = failure("bomb.png", pngHeaderOnly(50_000, 50_000));
    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
    assertThat(e.getMessage()).contains("50000 x 50000");
  }

  @Test
  void imageIsPreprocessedAndRecognised() throws Exception {
    DocumentText text = reader.read("photo.png", png(noisyImage(800, 600)));
    assertThat(text.mediaType()).isEqualTo("image/png");
    assertThat(text.source()).isEqualTo(DocumentText.Source.OCR);
    assertThat(text.ocrEngine()).isEqualTo("fake");
    // Small images are enlarged so the long side reaches the preprocessor's minimum.
    assertThat(text.fullText()).isEqualTo("page 1200x900");
  }

  @Test
  void jpegNamedPdfIsReadAsAnImage() throws Exception {
    DocumentText text = reader.read("scan.pdf", encode(noisyImage(1600, 1000), "jpg"));
    assertThat(text.mediaType()).isEqualTo("image/jpeg");
    assertThat(text.fullText()).isEqualTo("page 1600x1000");
  }

  @Test
  void pdfTextLayerGivesOneBoxPerLineInPixels() throws Exception {
    byte[] pdf =
        pdf(
            1,
            (doc, page, content) -> {
              content.beginText();
              content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
              content.newLineAtOffset(72, 700);
              content.showText("Invoice No 0012345678");
              content.newLineAtOffset(0, -20);
              content.showText("Total 1188.59");
              content.endText();
            });
    DocumentText text = reader.read("receipt.pdf", pdf);
    assertThat(text.mediaType()).isEqualTo("application/pdf");
    assertThat(text.source()).isEqualTo(DocumentText.Source.PDF_TEXT_LAYER);
    assertThat(text.ocrEngine()).isNull();
    OcrPage page = text.pages().get(0);
    assertThat(page.width()).isEqualTo(1653); // A4 width 595.28 pt at 200 dpi, rounded down
    assertThat(page.boxes()).extracting(TextBox::text)
        .containsExactly("Invoice No 0012345678", "Total 1188.59");
    TextBox first = page.boxes().get(0);
    TextBox second = page.boxes().get(1);
    assertThat(first.x()).isBetween(195, 205); // 72 pt = 1 inch = 200 px
    // Baseline 700 pt from the bottom of an 842 pt page is 142 pt = 394 px from the top.
    assertThat(first.bottom()).isBetween(385, 400);
    assertThat(first.height()).isBetween(15, 45);
    assertThat(second.y()).isGreaterThan(first.bottom() - 5);
    assertThat(first.confidence()).isEqualTo(1.0);
  }

  @Test
  void pdfWithoutTextLayerIsRenderedAndRecognised() throws Exception {
    byte[] pdf =
        pdf(
            1,
            (doc, page, content) -> {
              content.setNonStrokingColor(Color.DARK_GRAY);
              content.addRect(100, 100, 300, 200);
              content.fill();
            });
    DocumentText text = reader.read("scan.pdf", pdf);
    assertThat(text.source()).isEqualTo(DocumentText.Source.OCR);
    assertThat(text.ocrEngine()).isEqualTo("fake");
    assertThat(text.fullText()).isEqualTo("page 1653x2338");
  }

  @Test
  void pdfOverThePageLimitIsRejected() throws Exception {
    UnreadableDocumentException e = failure("many.pdf", pdf(11, (doc, page, content) -> {}));
    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PAGES);
    assertThat(e.getMessage()).contains("11");
  }

  @Test
  void passwordProtectedPdfSaysSo() throws Exception {
    byte[] encrypted;
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(PDRectangle.A4));
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      encrypted = save(doc);
    }
    UnreadableDocumentException e = failure("locked.pdf", encrypted);
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
    assertThat(e.getMessage()).contains("加密");
  }

  @Test
  void truncatedPdfIsCorrupt() throws Exception {
    byte[] pdf = pdf(1, (doc, page, content) -> {});
    byte[] cut = Arrays.copyOf(pdf, 60);
    UnreadableDocumentException e = failure("cut.pdf", cut);
    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void slowDocumentTimesOutWithoutHangingTheCaller() throws Exception {
    reader.close();
    provider.close();
    provider = new OcrEngineProvider("slow", () -> new FakeOcrEngine(Duration.ofSeconds(5)));
    reader =
        new DocumentReader(
            new DocumentLimits(20_000_000L, 40_000_000L, 10, Duration.ofMillis(500)), provider);
    byte[] image = png(noisyImage(1600, 1000));
    long start = System.nanoTime();
    UnreadableDocumentException e = failure("slow.png", image);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(elapsedMs).isLessThan(3000);
  }

  private void useLimits(DocumentLimits limits) {
    reader.close();
    reader = new DocumentReader(limits, provider);
  }

  private UnreadableDocumentException failure(String name, byte[] content) {
    UnreadableDocumentException e =
        catchThrowableOfType(() -> reader.read(name, content), UnreadableDocumentException.class);
    assertThat(e).as("reading %s should fail", name).isNotNull();
    assertThat(e.getMessage()).isNotBlank();
    return e;
  }

  private static BufferedImage noisyImage(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(1);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.drawString("0012345678", 20, 40);
    g.dispose();
    return image;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    return encode(image, "png");
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  /** A PNG signature and IHDR chunk claiming the given size, followed by an empty IDAT. */
  private static byte[] pngHeaderOnly(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream header = new DataOutputStream(ihdr);
    header.writeInt(width);
    header.writeInt(height);
    header.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, no interlace
    chunk(out, "IHDR", ihdr.toByteArray());
    chunk(out, "IDAT", new byte[0]);
    chunk(out, "IEND", new byte[0]);
    return bytes.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(typeBytes);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  @FunctionalInterface
  private interface PageContent {
    void draw(PDDocument doc, PDPage page, PDPageContentStream content) throws IOException;
  }

  private static byte[] pdf(int pages, PageContent drawing) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          drawing.draw(doc, page, content);
        }
      }
      return save(doc);
    }
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
