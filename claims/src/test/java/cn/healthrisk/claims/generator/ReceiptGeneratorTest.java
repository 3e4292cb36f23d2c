package cn.healthrisk.claims.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptGeneratorTest {

  private static final List<String> CONTRACT_FIELDS = List.of("invoiceCode", "invoiceNumber",
      "checkCode", "payerName", "payerIdMasked", "issueDate", "hospitalName", "hospitalType",
      "insuranceType", "visitDate", "admissionDate", "dischargeDate", "hospitalDays", "items",
      "totalAmount", "totalAmountInWords", "fundPayment", "otherPayment",
      "personalAccountPayment", "personalCashPayment", "selfPayPortion", "selfExpense");

  /** Fields each family leaves off the paper, so its ground truth must hold null. */
  private static final Map<String, Set<String>> NOT_PRINTED = Map.of(
      "B", Set.of("visitDate"),
      "C", Set.of("checkCode", "payerIdMasked", "hospitalType", "otherPayment", "admissionDate",
          "dischargeDate", "hospitalDays"),
      "D", Set.of("checkCode", "visitDate"),
      "E", Set.of("payerIdMasked", "hospitalType", "otherPayment", "admissionDate",
          "dischargeDate", "hospitalDays"),
      "F", Set.of(),
      "G", Set.of("checkCode", "visitDate"),
      "H", Set.of("checkCode", "hospitalType", "selfPayPortion", "admissionDate", "dischargeDate",
          "hospitalDays"));

  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir Path dir;

  @BeforeEach
  void needsFonts() {
    // On CI a missing font is a broken environment, not a reason to skip.
    assumeTrue(ReceiptFonts.available() || "true".equals(System.getenv("CI")),
        "CJK fonts not installed (fonts-noto-cjk, fonts-wqy-zenhei)");
  }

  @Test
  void everyFamilyAndCaptureWritesReadableFilesWithMatchingGroundTruth() throws IOException {
    List<GeneratedDocument> docs = new ReceiptGenerator().generate(dir, 16, 11,
        ReceiptGenerator.DEFAULT_FAMILIES, ReceiptGenerator.DEGRADATIONS);

    assertThat(docs).hasSize(16);
    assertThat(docs).extracting(d -> d.meta().get("family")).contains("B", "C", "D", "E");
    assertThat(docs).extracting(d -> d.meta().get("degradation")).contains("clean", "scan",
        "photo");
    assertMatchesGroundTruth(docs);
    assertThat(Files.readAllLines(dir.resolve("ground-truth.jsonl"))).hasSize(16);
  }

  @Test
  void everyHeldOutFamilyRendersInEveryCapture() throws IOException {
    for (String family : new TreeSet<>(ReceiptGenerator.HELD_OUT_FAMILIES)) {
      for (String capture : new TreeSet<>(ReceiptGenerator.DEGRADATIONS)) {
        List<GeneratedDocument> docs = new ReceiptGenerator().generate(dir.resolve(family + capture), 2,
            5, Set.of(family), Set.of(capture));
        assertThat(docs).extracting(d -> d.meta().get("degradation")).containsOnly(capture);
        assertMatchesGroundTruth(docs);
      }
    }
  }

  /** Each document is readable and its ground truth holds null exactly for what its family leaves off. */
  private void assertMatchesGroundTruth(List<GeneratedDocument> docs) throws IOException {
    for (GeneratedDocument doc : docs) {
      String family = (String) doc.meta().get("family");
      JsonNode json = mapper.readTree(doc.groundTruth().toFile());
      assertThat(json.get("document").asText()).isEqualTo(doc.document().getFileName().toString());
      assertThat(json.get("documentType").asText()).isEqualTo(doc.documentType().name());
      List<String> names = new ArrayList<>();
      json.get("fields").fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyElementsOf(CONTRACT_FIELDS);
      for (String field : CONTRACT_FIELDS) {
        boolean printed = !NOT_PRINTED.get(family).contains(field)
            && !(field.equals("visitDate") && doc.documentType() == DocumentType.INPATIENT_RECEIPT)
            && !(Set.of("admissionDate", "dischargeDate", "hospitalDays").contains(field)
                && doc.documentType() == DocumentType.OUTPATIENT_RECEIPT);
        assertThat(json.get("fields").get(field).isNull()).as(doc.document() + " " + field)
            .isEqualTo(!printed);
      }
      assertThat(json.get("fields").get("totalAmount").asText()).matches("\\d+\\.\\d{2}");
      if (doc.documentType() == DocumentType.INPATIENT_RECEIPT) {
        assertThat(json.get("fields").get("hospitalDays").isNumber()).isTrue();
      }
      assertThat(json.get("meta").get("format").asText())
          .isEqualTo(doc.document().getFileName().toString().replaceAll(".*\\.", ""));

      if (doc.meta().get("format").equals("pdf")) {
        assertPdfText(doc);
      } else {
        BufferedImage image = ImageIO.read(doc.document().toFile());
        assertThat(image).as(doc.document().toString()).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(600);
      }
    }
  }

  @Test
  void electronicReceiptsArePdfsWithATextLayer() throws IOException {
    List<GeneratedDocument> docs = new ReceiptGenerator().generate(dir, 6, 3, Set.of("B"),
        Set.of("clean"));

    List<GeneratedDocument> pdfs = docs.stream()
        .filter(d -> d.meta().get("format").equals("pdf")).toList();
    assertThat(pdfs).isNotEmpty();
    for (GeneratedDocument doc : pdfs) {
      assertPdfText(doc);
    }
  }

  @Test
  void sameSeedGivesSameGroundTruth() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    new ReceiptGenerator(0.3).generate(first, 5, 99, ReceiptGenerator.FAMILIES, Set.of("scan"));
    new ReceiptGenerator(0.3).generate(second, 5, 99, ReceiptGenerator.FAMILIES, Set.of("scan"));

    assertThat(Files.readString(first.resolve("ground-truth.jsonl")))
        .isEqualTo(Files.readString(second.resolve("ground-truth.jsonl")));
    assertThat(Files.readString(first.resolve("ground-truth.jsonl")))
        .isNotEqualTo(Files.readString(new ReceiptGenerator(0.3)
            .generate(dir.resolve("third"), 5, 100, ReceiptGenerator.FAMILIES, Set.of("scan"))
            .get(0).groundTruth().resolveSibling("ground-truth.jsonl")));
  }

  @Test
  void printedGroundTruthIsConsistentForEveryFamilyOver200Seeds() {
    ReceiptDataFactory factory = new ReceiptDataFactory();
    for (String family : ReceiptGenerator.FAMILIES) {
      for (DocumentType type : ReceiptGenerator.documentTypes(family)) {
        for (long seed = 0; seed < 200; seed++) {
          ReceiptFields f = ReceiptGenerator.printed(family, type, factory.create(new Random(seed), type,
              Inconsistency.NONE, ReceiptGenerator.provinces(family, type)).fields());
          // A family that leaves 其他支付 off the paper must only get receipts where it is zero.
          BigDecimal other = f.otherPayment() == null ? BigDecimal.ZERO : f.otherPayment();
          assertThat(f.fundPayment().add(other).add(f.personalAccountPayment())
              .add(f.personalCashPayment())).as(family + " seed " + seed)
              .isEqualByComparingTo(f.totalAmount());
          assertThat(f.totalAmountInWords()).isEqualTo(ChineseWords.amount(f.totalAmount()));
        }
      }
    }
  }

  private static void assertPdfText(GeneratedDocument doc) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(doc.document().toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(doc.fields().invoiceNumber())
          .contains(doc.fields().totalAmount().toPlainString())
          .contains(doc.fields().hospitalName());
    }
  }
}
