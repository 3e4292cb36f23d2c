package cn.healthrisk.claims.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.ocr.ImagePreprocessor;
import cn.healthrisk.claims.ocr.OcrEngine;
import cn.healthrisk.claims.ocr.OcrEngineProvider;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Photos on their side: the EXIF orientation tag, and pages that only read when turned. */
class OrientationTest {

  /** Reads a page full of text only when it is upright, which here means wider than tall. */
  private static final class LandscapeOnlyEngine implements OcrEngine {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public OcrPage recognize(BufferedImage image) {
      calls.incrementAndGet();
      List<TextBox> boxes = image.getWidth() > image.getHeight()
          ? List.of(new TextBox("医疗收费票据 合计 128.50 票据号码 0012345678 交款人 王丽 住院 西药费 检查费 床位费 治疗费",
              0.95, 10, 10, 500, 30))
          : List.of(new TextBox("l1 ,", 0.4, 10, 10, 50, 30));
      return new OcrPage(image.getWidth(), image.getHeight(), boxes);
    }
  }

  @Test
  void exifOrientationTagsAreRead() throws Exception {
    byte[] plain = jpeg(image(300, 200));
    assertThat(ExifOrientation.quarterTurns(plain)).isZero();
    assertThat(ExifOrientation.quarterTurns(withOrientation(plain, 6, true))).isEqualTo(1);
    assertThat(ExifOrientation.quarterTurns(withOrientation(plain, 3, false))).isEqualTo(2);
    assertThat(ExifOrientation.quarterTurns(withOrientation(plain, 8, true))).isEqualTo(3);
    assertThat(ExifOrientation.quarterTurns(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isZero();
  }

  @Test
  void aPageOnItsSideIsTurnedUntilItReads() throws Exception {
    LandscapeOnlyEngine engine = new LandscapeOnlyEngine();
    try (OcrEngineProvider provider = new OcrEngineProvider("fake", () -> engine);
        DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULTS, provider,
            ImagePreprocessor.defaults().withStraightening(false), true)) {
      DocumentText text = reader.read("side.png", png(image(1300, 1800)));
      assertThat(text.pages().get(0).width()).isGreaterThan(text.pages().get(0).height());
      assertThat(text.fullText()).contains("0012345678");

      engine.calls.set(0);
      reader.read("upright.png", png(image(1800, 1300)));
      assertThat(engine.calls.get()).as("an upright page is read once").isEqualTo(1);
    }
  }

  @Test
  void aPhoneTaggedSidewaysIsTurnedBeforeOcr() throws Exception {
    LandscapeOnlyEngine engine = new LandscapeOnlyEngine();
    try (OcrEngineProvider provider = new OcrEngineProvider("fake", () -> engine);
        DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULTS, provider,
            ImagePreprocessor.defaults().withStraightening(false), true)) {
      // Stored portrait, tagged "turn 90° clockwise": upright it is landscape.
      byte[] photo = withOrientation(jpeg(image(1300, 1800)), 6, false);
      DocumentText text = reader.read("phone.jpg", photo);
      assertThat(text.pages().get(0).width()).isGreaterThan(text.pages().get(0).height());
      assertThat(engine.calls.get()).isEqualTo(1);
    }
  }

  private static BufferedImage image(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  private static byte[] jpeg(BufferedImage img) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage img) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** The JPEG with an APP1 EXIF block holding one IFD entry: Orientation = value. */
  private static byte[] withOrientation(byte[] jpeg, int value, boolean little) {
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    if (little) {
      tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
          (byte) value, 0, 0, 0, 0, 0, 0, 0});
    } else {
      tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
          0, (byte) value, 0, 0, 0, 0, 0, 0});
    }
    byte[] body = tiff.toByteArray();
    int length = 2 + 6 + body.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(body);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
