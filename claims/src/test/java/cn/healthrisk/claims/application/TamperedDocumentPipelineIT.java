package cn.healthrisk.claims.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.anomaly.Severity;
import cn.healthrisk.claims.document.IntegrityFinding;
import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.generator.Inconsistency;
import cn.healthrisk.claims.generator.ReceiptData;
import cn.healthrisk.claims.generator.ReceiptDataFactory;
import cn.healthrisk.claims.generator.ReceiptFonts;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import cn.healthrisk.claims.ocr.OcrEngines;
import cn.healthrisk.claims.ocr.OcrException;
import cn.healthrisk.claims.persistence.OcrCacheRepository;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * A batch of documents through the document pipeline: the tampered one comes back with its
 * findings (and the flag built from them), without the hidden value in its fields; the documents
 * before and after it are read as if it were not there.
 */
class TamperedDocumentPipelineIT {

  /** A cache that remembers nothing, so the pipeline runs without a database. */
  private static final class NoCache extends OcrCacheRepository {
    NoCache() {
      super(null);
    }

    @Override
    public Optional<String> find(String contentHash, String engine) {
      return Optional.empty();
    }

    @Override
    public void put(String contentHash, String engine, String json, LocalDateTime now) {}
  }

  @Test
  void onlyTheTamperedDocumentOfABatchIsFlagged() throws Exception {
    assumeTrue(ReceiptFonts.available() || "true".equals(System.getenv("CI")), "CJK fonts not installed");
    String engine = System.getenv().getOrDefault("ENGINE_OCR", "rapidocr");
    try (var provider = OcrEngines.perThread(engine)) {
      provider.get();
    } catch (OcrException e) {
      assumeTrue("true".equals(System.getenv("CI")), "OCR engine not available: " + e.getMessage());
    }
    ReceiptData b = new ReceiptDataFactory().create(31, DocumentType.INPATIENT_RECEIPT, Inconsistency.NONE);
    ReceiptData d = new ReceiptDataFactory().create(32, DocumentType.INPATIENT_RECEIPT, Inconsistency.NONE);
    byte[] first = ReceiptGenerator.pdf("B", b, 1);
    byte[] tampered = withWhiteText(ReceiptGenerator.pdf("B", b, 2), "99999.00");
    byte[] corrupt = Arrays.copyOf(first, 60);
    byte[] last = ReceiptGenerator.pdf("D", d, 3);

    ReceiptDocumentPipeline pipeline = new ReceiptDocumentPipeline(engine, new NoCache(), Clock.systemUTC(),
        new StandardEnvironment(), 20L << 20, 40_000_000L, 10, 120, true);
    try {
      List<DocumentPipeline.Outcome> outcomes = List.of(
          pipeline.process("C-1", "first.pdf", "h1", first),
          pipeline.process("C-1", "tampered.pdf", "h2", tampered),
          pipeline.process("C-1", "corrupt.pdf", "h3", corrupt),
          pipeline.process("C-1", "last.pdf", "h4", last));

      assertThat(outcomes.get(0).tampering()).isEmpty();
      assertThat(outcomes.get(0).extraction().fields().totalAmount())
          .isEqualByComparingTo(b.fields().totalAmount());
      DocumentPipeline.Outcome t = outcomes.get(1);
      assertThat(t.tampering()).extracting(IntegrityFinding::textLayer).contains("TOTAL 99999.00");
      assertThat(t.extractionJson()).doesNotContain("99999");
      assertThat(t.extraction().fields().totalAmount()).isEqualByComparingTo(b.fields().totalAmount());
      assertThat(outcomes.get(2).unreadableReason()).isNotBlank();
      assertThat(outcomes.get(3).tampering()).isEmpty();
      assertThat(outcomes.get(3).extraction().fields().totalAmount())
          .isEqualByComparingTo(d.fields().totalAmount());

      Flag flag = DocumentTampering.flag("tampered.pdf", t.tampering());
      assertThat(flag.code()).isEqualTo(FlagCode.DOCUMENT_TAMPERING_SUSPECTED);
      assertThat(flag.severity()).isEqualTo(Severity.HIGH);
      assertThat(flag.message()).contains("tampered.pdf").contains("99999.00");
      assertThat(flag.evidence()).containsEntry("document", "tampered.pdf");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> findings = (List<Map<String, Object>>) flag.evidence().get("findings");
      assertThat(findings).anySatisfy(f -> assertThat(f)
          .containsEntry("page", 1).containsEntry("kind", "HIDDEN_TEXT")
          .containsEntry("reason", "NEAR_BACKGROUND_FILL").containsEntry("textLayer", "TOTAL 99999.00"));
    } finally {
      pipeline.close();
    }
  }

  private static byte[] withWhiteText(byte[] pdf, String text) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        cs.setNonStrokingColor(Color.WHITE);
        cs.newLineAtOffset(40, 40);
        cs.showText("TOTAL " + text);
        cs.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
