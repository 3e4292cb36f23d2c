package cn.healthrisk.claims.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.healthrisk.claims.generator.GeneratedDocument;
import cn.healthrisk.claims.generator.ReceiptFonts;
import cn.healthrisk.claims.generator.ReceiptGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledFolderTest {

  private static final String TRUTH = "{\"document\":\"%s\",\"documentType\":\"OUTPATIENT_RECEIPT\","
      + "\"fields\":{\"invoiceCode\":\"33060125\",\"totalAmount\":\"12.50\",\"items\":[]}%s}";

  @TempDir
  Path dir;

  @Test
  void readsPerDocumentTruthAndTakesMetaFromTheJsonl() throws Exception {
    Files.write(dir.resolve("a.png"), new byte[] {1});
    Files.write(dir.resolve("b.jpg"), new byte[] {1});
    Files.writeString(dir.resolve("a.json"), String.format(TRUTH, "a.png", ""), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(LabelledFolder.JSONL),
        String.format(TRUTH, "a.png", ",\"meta\":{\"family\":\"A\",\"degradation\":\"clean\"}") + "\n"
            + String.format(TRUTH, "b.jpg", ",\"meta\":{\"family\":\"A\",\"degradation\":\"photo\"}") + "\n",
        StandardCharsets.UTF_8);

    var docs = LabelledFolder.load(dir);

    assertThat(docs).extracting(LabelledDocument::name).containsExactly("a.png", "b.jpg");
    assertThat(docs).extracting(LabelledDocument::degradation).containsExactly("clean", "photo");
    assertThat(docs.get(0).truth().fields().totalAmount()).isEqualByComparingTo("12.50");
  }

  @Test
  void aTruthWithoutMetaIsOfUnknownFamily() throws Exception {
    Files.write(dir.resolve("a.png"), new byte[] {1});
    Files.writeString(dir.resolve("a.json"), String.format(TRUTH, "a.png", ""), StandardCharsets.UTF_8);

    assertThat(LabelledFolder.load(dir).get(0).family()).isEqualTo("?");
  }

  @Test
  void generatedHeldOutFamiliesLoadWithTheirTruthAndFamily() {
    assumeTrue(ReceiptFonts.available() || "true".equals(System.getenv("CI")), "CJK fonts not installed");
    List<GeneratedDocument> generated = new ReceiptGenerator().generate(dir, 6, 8,
        ReceiptGenerator.HELD_OUT_FAMILIES, Set.of("clean"));

    var docs = LabelledFolder.load(dir);

    assertThat(docs).hasSize(generated.size());
    for (GeneratedDocument g : generated) {
      LabelledDocument d = docs.stream().filter(x -> x.name().equals(g.document().getFileName().toString()))
          .findFirst().orElseThrow();
      assertThat(d.family()).isEqualTo(g.meta().get("family"));
      assertThat(d.truth().documentType()).isEqualTo(g.documentType());
      assertThat(d.truth().fields().invoiceNumber()).isEqualTo(g.fields().invoiceNumber());
      assertThat(d.truth().fields().totalAmount()).isEqualByComparingTo(g.fields().totalAmount());
      assertThat(d.truth().fields().items()).hasSameSizeAs(g.fields().items());
      assertThat(d.truth().fields().selfPayPortion() == null).isEqualTo(g.fields().selfPayPortion() == null);
    }
  }

  @Test
  void aTruthNamingAMissingFileIsAnError() throws Exception {
    Files.writeString(dir.resolve("a.json"), String.format(TRUTH, "gone.png", ""), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> LabelledFolder.load(dir)).hasMessageContaining("gone.png");
  }
}
