package cn.healthrisk.claims.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.healthrisk.claims.document.IntegrityFinding.Kind;
import cn.healthrisk.claims.document.TamperedPdfs.Genuine;
import cn.healthrisk.claims.extraction.ReceiptExtractionResult;
import cn.healthrisk.claims.extraction.RulesReceiptExtractor;
import cn.healthrisk.claims.generator.ReceiptFonts;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.OcrEngines;
import cn.healthrisk.claims.ocr.OcrException;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The text-layer check against real OCR: genuine e-receipts of every generator family pass, and
 * the usual alterations (hidden white text, an invisible layer over an image, text under a shape
 * or an image) are found, without the altered value reaching the extraction.
 */
class PdfTamperingIT {

  private static OcrEngineProvider provider;
  // With Tesseract only the hidden-text checks run (its digits are too noisy to compare).
  private static boolean compares;
  private static DocumentReader reader;

  @BeforeAll
  static void setUp() {
    assumeTrue(ReceiptFonts.available() || "true".equals(System.getenv("CI")), "CJK fonts not installed");
    provider = OcrEngines.perThread(System.getenv().getOrDefault("ENGINE_OCR", "rapidocr"));
    try {
      provider.get();
    } catch (OcrException e) {
      assumeTrue("true".equals(System.getenv("CI")), "OCR engine not available: " + e.getMessage());
    }
    reader = new DocumentReader(DocumentLimits.DEFAULTS, provider, true);
    compares = !provider.engineName().equals("tesseract");
  }

  @AfterAll
  static void tearDown() {
    if (reader != null) {
      reader.close();
      provider.close();
    }
  }

  @Test
  void genuineReceiptsOfEveryFamilyDoNotFire() throws Exception {
    List<String> alarms = new ArrayList<>();
    // The held-out families stay out of every check's development, this one included.
    for (String family : new TreeSet<>(ReceiptGenerator.DEFAULT_FAMILIES)) {
      for (long seed : new long[] {101, 202}) {
        Genuine g = TamperedPdfs.genuine(family, seed);
        DocumentText text = reader.read("genuine.pdf", g.pdf());
        if (!text.integrity().isEmpty() || text.source() != DocumentText.Source.PDF_TEXT_LAYER) {
          alarms.add(family + "/" + seed + ": " + text.integrity());
        }
      }
    }
    assertThat(alarms).isEmpty();
  }

  @Test
  void hiddenWhiteTextWithAnotherTotalIsFlaggedAndLeftOutOfTheText() throws Exception {
    Genuine g = TamperedPdfs.genuine("B", 303);
    float[] at = locate(g.pdf(), g.total().toPlainString());
    byte[] pdf = TamperedPdfs.withText(g.pdf(), "99999.00", Color.WHITE, 9, at[2] + 20, at[3],
        RenderingMode.FILL);

    DocumentText text = reader.read("white.pdf", pdf);

    assertThat(text.integrity()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.HIDDEN_TEXT);
      assertThat(f.reason()).isEqualTo("NEAR_BACKGROUND_FILL");
      assertThat(f.textLayer()).isEqualTo("99999.00");
      assertThat(f.page()).isEqualTo(1);
    });
    assertThat(text.fullText()).doesNotContain("99999");
    assertThat(total(text)).isEqualByComparingTo(g.total());
  }

  @Test
  void tinyAndOffPageTextIsFlagged() throws Exception {
    Genuine g = TamperedPdfs.genuine("D", 404);
    byte[] tiny = TamperedPdfs.withText(g.pdf(), "1.00", Color.BLACK, 1, 40, 40,
        RenderingMode.FILL);
    byte[] offPage = TamperedPdfs.withText(g.pdf(), "88888.00", Color.BLACK, 10, -400, 60,
        RenderingMode.FILL);

    assertThat(reader.read("tiny.pdf", tiny).integrity())
        .anySatisfy(f -> assertThat(f.reason()).isEqualTo("TINY_FONT"));
    DocumentText off = reader.read("off.pdf", offPage);
    assertThat(off.integrity()).anySatisfy(f -> assertThat(f.reason()).isEqualTo("OUTSIDE_PAGE"));
    assertThat(off.fullText()).doesNotContain("88888");
  }

  @Test
  void totalCoveredByAWhiteRectangleIsFlagged() throws Exception {
    Genuine g = TamperedPdfs.genuine("B", 505);
    float[] at = locate(g.pdf(), g.total().toPlainString());
    byte[] pdf = TamperedPdfs.withRectangle(g.pdf(), Color.WHITE, at[0] - 1, at[1] - 1,
        at[2] - at[0] + 2, at[3] - at[1] + 3);

    DocumentText text = reader.read("covered.pdf", pdf);

    assertThat(text.integrity()).anySatisfy(f -> {
      assertThat(f.reason()).isEqualTo("COVERED");
      assertThat(f.textLayer()).contains(g.total().toPlainString());
    });
    assertThat(text.fullText()).doesNotContain(g.total().toPlainString());
  }

  @Test
  void invisibleLayerWithAlteredAmountsOverThePageImageIsFlaggedAndThePageIsRead() throws Exception {
    assumeTrue(compares, "values are only compared with an engine whose digits are reliable");
    Genuine g = TamperedPdfs.genuine("B", 606);
    Genuine altered = g.withTotal(g.total().add(new BigDecimal("3000.00")));
    byte[] pdf = TamperedPdfs.invisibleTextOverImage(altered.pdf(), TamperedPdfs.render(g.pdf(), 200));

    DocumentText text = reader.read("layer.pdf", pdf);

    assertThat(text.integrity()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.TEXT_LAYER_MISMATCH);
      assertThat(f.reason()).isEqualTo("AMOUNT");
      assertThat(f.textLayer()).contains(altered.total().toPlainString());
      assertThat(f.pageShows()).contains(g.total().toPlainString());
    });
    assertThat(text.source()).isEqualTo(DocumentText.Source.OCR);
    assertThat(text.fullText()).doesNotContain(altered.total().toPlainString());
  }

  @Test
  void searchableScanWhoseInvisibleLayerMatchesTheImageIsNotFlagged() throws Exception {
    Genuine g = TamperedPdfs.genuine("D", 707);
    byte[] pdf = TamperedPdfs.invisibleTextOverImage(g.pdf(), TamperedPdfs.render(g.pdf(), 200));

    DocumentText text = reader.read("scan.pdf", pdf);

    assertThat(text.integrity()).isEmpty();
    assertThat(text.source()).isEqualTo(DocumentText.Source.OCR);
  }

  @Test
  void textLayerUnderAnImageShowingOtherAmountsIsFlaggedAndTheVisibleValueIsUsed() throws Exception {
    assumeTrue(compares, "values are only compared with an engine whose digits are reliable");
    Genuine g = TamperedPdfs.genuine("B", 808);
    Genuine altered = g.withTotal(g.total().subtract(new BigDecimal("100.00")));
    byte[] pdf = TamperedPdfs.coveredByImage(altered.pdf(), TamperedPdfs.render(g.pdf(), 200));

    DocumentText text = reader.read("image-over.pdf", pdf);

    assertThat(text.integrity()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.TEXT_LAYER_MISMATCH);
      assertThat(f.textLayer()).contains(altered.total().toPlainString());
    });
    assertThat(text.fullText()).doesNotContain(altered.total().toPlainString());
    assertThat(total(text)).isNotEqualByComparingTo(altered.total());
  }

  @Test
  void aTamperedDocumentDoesNotAffectTheOthersReadAroundIt() throws Exception {
    Genuine first = TamperedPdfs.genuine("B", 909);
    Genuine last = TamperedPdfs.genuine("D", 910);
    float[] at = locate(first.pdf(), first.total().toPlainString());
    byte[] tampered = TamperedPdfs.withText(first.pdf(), "77777.00", Color.WHITE, 9, at[2] + 20, at[3],
        RenderingMode.FILL);
    byte[] corrupt = java.util.Arrays.copyOf(first.pdf(), 60);

    DocumentText a = reader.read("a.pdf", first.pdf());
    DocumentText b = reader.read("b.pdf", tampered);
    UnreadableDocumentException c = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> reader.read("c.pdf", corrupt), UnreadableDocumentException.class);
    DocumentText d = reader.read("d.pdf", last.pdf());

    assertThat(a.integrity()).isEmpty();
    assertThat(b.integrity()).isNotEmpty();
    assertThat(c).isNotNull();
    assertThat(d.integrity()).isEmpty();
    assertThat(total(a)).isEqualByComparingTo(first.total());
    assertThat(total(d)).isEqualByComparingTo(last.total());
  }

  private static BigDecimal total(DocumentText text) {
    ReceiptExtractionResult r = new RulesReceiptExtractor().extract(text);
    return r.fields().totalAmount();
  }

  /** Left, top, right, baseline in points of the first occurrence of {@code value} on page 1. */
  static float[] locate(byte[] pdf, String value) throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      for (List<PdfTextLayer.Glyph> line : PdfTextLayer.read(doc, 0).lines()) {
        List<PdfTextLayer.Glyph> glyphs = line.stream().filter(gl -> !gl.separator()).toList();
        StringBuilder sb = new StringBuilder();
        glyphs.forEach(gl -> sb.append(gl.text()));
        int i = sb.indexOf(value);
        if (i >= 0 && sb.length() == glyphs.size()) {
          PdfTextLayer.Glyph a = glyphs.get(i);
          PdfTextLayer.Glyph b = glyphs.get(i + value.length() - 1);
          return new float[] {a.left(), a.top(), b.right(), b.baseline()};
        }
      }
    }
    throw new AssertionError(value + " not found in the text layer");
  }
}
