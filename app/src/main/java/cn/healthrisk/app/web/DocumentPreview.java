package cn.healthrisk.app.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** What the browser can show of a document: an image as it is, the first page of a PDF rendered to PNG. */
final class DocumentPreview {
  /** Enough to read a receipt beside its fields; the highlights are placed in fractions of the page. */
  static final float PDF_DPI = 110f;
  /** A page larger than this (in points, either side) is not rendered: no receipt is that big. */
  static final float MAX_PAGE_POINTS = 3000f;

  private DocumentPreview() {}

  static boolean isPdf(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".pdf");
  }

  static boolean isImage(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
  }

  /** The first page of a PDF as PNG bytes, or empty when it cannot be rendered (damaged, encrypted, huge). */
  static Optional<byte[]> firstPage(byte[] pdf) {
    RandomAccessStreamCache.StreamCacheCreateFunction memoryOnly = MemoryUsageSetting.setupMainMemoryOnly().streamCache;
    try (PDDocument doc = Loader.loadPDF(pdf, "", null, null, memoryOnly)) {
      if (doc.getNumberOfPages() == 0) {
        return Optional.empty();
      }
      var box = doc.getPage(0).getCropBox();
      if (box.getWidth() > MAX_PAGE_POINTS || box.getHeight() > MAX_PAGE_POINTS) {
        return Optional.empty();
      }
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, PDF_DPI, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return Optional.of(out.toByteArray());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
