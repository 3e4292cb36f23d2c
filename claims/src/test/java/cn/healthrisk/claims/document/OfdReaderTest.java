package cn.healthrisk.claims.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.healthrisk.claims.document.UnreadableDocumentException.Reason;
import cn.healthrisk.claims.ocr.FakeOcrEngine;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.TextBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfdReaderTest {

  private final OcrEngineProvider provider = new OcrEngineProvider("fake", FakeOcrEngine::new);
  private final DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULTS, provider);

  @AfterEach
  void close() {
    reader.close();
    provider.close();
  }

  @Test
  void textObjectsOfPageAndTemplateBecomeBoxesInPixels() throws Exception {
    DocumentText text = reader.read("receipt.ofd", zip(ofd(1)));

    assertThat(text.source()).isEqualTo(DocumentText.Source.OFD_TEXT);
    assertThat(text.ocrEngine()).isNull();
    assertThat(text.pages()).hasSize(1);
    assertThat(text.pages().get(0).width()).isEqualTo((int) Math.floor(210 * 200 / 25.4));
    assertThat(text.fullText()).contains("票据号码：", "0012345678", "合计(小写)", "¥8650.40");
    TextBox label = box(text, "票据号码：");
    TextBox value = box(text, "0012345678");
    // Same line, label left of its value; its top is 16 + 4 - 3.5 = 16.5 mm down, 130 px at 200 dpi.
    assertThat(value.x()).isGreaterThan(label.right() - 5);
    assertThat(Math.abs(value.centerY() - label.centerY())).isLessThan(10);
    assertThat(label.y()).isBetween(125, 135);
  }

  @Test
  void ofdWithTooManyPagesIsRefused() throws Exception {
    UnreadableDocumentException e = catchThrowableOfType(
        () -> reader.read("many.ofd", zip(ofd(12))), UnreadableDocumentException.class);
    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PAGES);
  }

  @Test
  void zipBombInsideAnOfdIsRefusedWithoutInflatingIt() throws Exception {
    Map<String, byte[]> files = ofd(1);
    files.put("Doc_0/Res/Bomb.xml", new byte[20 * 1024 * 1024]); // 20 MB of zeros, a few KB zipped
    UnreadableDocumentException e = catchThrowableOfType(
        () -> reader.read("bomb.ofd", zip(files)), UnreadableDocumentException.class);
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void xmlWithAnExternalEntityIsCorruptAndNothingIsFetched() throws Exception {
    Map<String, byte[]> files = ofd(1);
    files.put("OFD.xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>&e;</ofd:DocRoot>"
        + "</ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
    UnreadableDocumentException e = catchThrowableOfType(
        () -> reader.read("xxe.ofd", zip(files)), UnreadableDocumentException.class);
    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void aZipThatIsNotOfdIsUnsupported() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
    UnreadableDocumentException e = catchThrowableOfType(
        () -> reader.read("x.zip", zip(files)), UnreadableDocumentException.class);
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
  }

  private static TextBox box(DocumentText text, String s) {
    return text.pages().get(0).boxes().stream().filter(b -> b.text().equals(s)).findFirst().orElseThrow();
  }

  private static Map<String, byte[]> ofd(int pages) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    files.put("OFD.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + ns + " Version=\"1.1\">"
        + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID></ofd:DocInfo>"
        + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
    StringBuilder refs = new StringBuilder();
    for (int i = 0; i < pages; i++) {
      refs.append("<ofd:Page ID=\"").append(10 + i).append("\" BaseLoc=\"Pages/Page_").append(i)
          .append("/Content.xml\"/>");
      files.put("Doc_0/Pages/Page_" + i + "/Content.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<ofd:Page " + ns + "><ofd:Template TemplateID=\"2\" ZOrder=\"Background\"/><ofd:Content>"
          + "<ofd:Layer ID=\"3\">"
          + textObject(4, 60, 16, 40, "0012345678")
          + textObject(5, 70, 60, 40, "¥8650.40")
          + "</ofd:Layer></ofd:Content></ofd:Page>").getBytes(StandardCharsets.UTF_8));
    }
    files.put("Doc_0/Document.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document " + ns + ">"
        + "<ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140"
        + "</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>"
        + "</ofd:CommonData><ofd:Pages>" + refs + "</ofd:Pages></ofd:Document>").getBytes(StandardCharsets.UTF_8));
    files.put("Doc_0/Tpls/Tpl_0/Content.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page " + ns
        + "><ofd:Content><ofd:Layer ID=\"6\">"
        + textObject(7, 30, 16, 28, "票据号码：")
        + textObject(8, 30, 60, 38, "合计(小写)")
        + "</ofd:Layer></ofd:Content></ofd:Page>").getBytes(StandardCharsets.UTF_8));
    return files;
  }

  // A text object whose baseline is 4 mm below the boundary's top, 3.5 mm high.
  private static String textObject(int id, double x, double y, double w, String text) {
    return "<ofd:TextObject ID=\"" + id + "\" Boundary=\"" + x + " " + y + " " + w + " 5\" Font=\"1\" Size=\"3.5\">"
        + "<ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"4\">" + text + "</ofd:TextCode></ofd:TextObject>";
  }

  private static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
