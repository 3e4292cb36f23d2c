package cn.healthrisk.claims.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagePreprocessorSealTest {

  private static BufferedImage pixels(int... rgbs) {
    BufferedImage image = new BufferedImage(rgbs.length, 1, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < rgbs.length; i++) {
      image.setRGB(i, 0, rgbs[i]);
    }
    return image;
  }

  @Test
  void fadesASealOverPaperButKeepsTextUnderItAndRedPrintedInk() {
    int sealOverPaper = 0xE56767;   // translucent seal red on white
    int textUnderSeal = 0x961B1B;   // black glyph seen through the seal
    int redInk = 0xBE1E1E;          // a red printed 票据号码
    int black = 0x141414;
    BufferedImage image = pixels(sealOverPaper, textUnderSeal, redInk, black);

    assertThat(ImagePreprocessor.fadeSeals(image)).isEqualTo(1);
    assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
    assertThat(image.getRGB(1, 0) & 0xffffff).isEqualTo(textUnderSeal);
    assertThat(image.getRGB(2, 0) & 0xffffff).isEqualTo(redInk);
    assertThat(image.getRGB(3, 0) & 0xffffff).isEqualTo(black);
  }

  @Test
  void rapidOcrReadsWithSealsFadedTesseractWithout() {
    BufferedImage page = pixels(0xE56767);

    assertThat(ImagePreprocessor.forEngine("rapidocr").prepare(page).getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
    assertThat(ImagePreprocessor.forEngine("tesseract").prepare(page).getRGB(0, 0) & 0xffffff).isEqualTo(0xE56767);
    assertThat(ImagePreprocessor.forEngine("rapidocr").name()).endsWith("-seal");
    assertThat(ImagePreprocessor.defaults().name()).doesNotEndWith("-seal");
  }
}
