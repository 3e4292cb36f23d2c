package cn.healthrisk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class DocumentPreviewTest {

  static byte[] pdfWithABlackBlock() throws Exception {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A5);
      doc.addPage(page);
      doc.addPage(new PDPage(PDRectangle.A4));
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.addRect(0, page.getMediaBox().getHeight() - 72, 144, 72);
        s.fill();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void rendersTheFirstPageOfAPdf() throws Exception {
    byte[] png = DocumentPreview.firstPage(pdfWithABlackBlock()).orElseThrow();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    float scale = DocumentPreview.PDF_DPI / 72f;
    assertThat(image.getWidth()).isBetween((int) (PDRectangle.A5.getWidth() * scale) - 1, (int) (PDRectangle.A5.getWidth() * scale) + 1);
    // The block drawn at the top left of page 1 is dark, the rest of the page is white.
    assertThat(image.getRGB(10, 10) & 0xffffff).isEqualTo(0x000000);
    assertThat(image.getRGB(image.getWidth() - 10, image.getHeight() - 10) & 0xffffff).isEqualTo(0xffffff);
  }

  @Test
  void aDamagedPdfHasNoPreview() {
    assertThat(DocumentPreview.firstPage("%PDF-1.4 not really".getBytes())).isEmpty();
    assertThat(DocumentPreview.firstPage(new byte[0])).isEmpty();
  }
}
