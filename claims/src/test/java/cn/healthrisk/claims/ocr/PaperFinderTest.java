package cn.healthrisk.claims.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.generator.Degradations;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaperFinderTest {

  @Test
  void photographedSheetIsFoundAndStraightenedToItsOwnShape() {
    BufferedImage clean = sheet(900, 1300);
    int straightened = 0;
    for (long seed = 1; seed <= 8; seed++) {
      BufferedImage photo = Degradations.photo(clean, new Random(seed)).image();

      BufferedImage straight = PaperFinder.straighten(photo);

      if (straight == photo) {
        continue; // not sure enough of the sheet: left alone, which is always safe
      }
      straightened++;
      double aspect = (double) straight.getWidth() / straight.getHeight();
      assertThat(aspect).as("seed %d", seed).isCloseTo(900.0 / 1300, org.assertj.core.data.Offset.offset(0.06));
      // The darker table around the sheet is gone.
      assertThat(meanLuminance(straight)).as("seed %d", seed).isGreaterThan(meanLuminance(photo) + 10);
    }
    assertThat(straightened).isGreaterThanOrEqualTo(6);
  }

  @Test
  void scansAndCleanPagesAreLeftAlone() {
    BufferedImage clean = sheet(900, 1300);
    assertThat(PaperFinder.corners(clean)).isEmpty();
    assertThat(PaperFinder.straighten(clean)).isSameAs(clean);
    BufferedImage scan = Degradations.scan(clean, new Random(3)).image();
    assertThat(PaperFinder.corners(scan)).isEmpty();
  }

  @Test
  void homographyMapsTheCornersOntoEachOther() {
    double[] from = {0, 0, 100, 0, 100, 200, 0, 200};
    double[] to = {10, 5, 120, 12, 115, 230, 3, 210};
    double[] m = PaperFinder.homography(from, to);
    for (int i = 0; i < 4; i++) {
      double x = from[2 * i];
      double y = from[2 * i + 1];
      double d = m[6] * x + m[7] * y + 1;
      assertThat((m[0] * x + m[1] * y + m[2]) / d).isCloseTo(to[2 * i], org.assertj.core.data.Offset.offset(1e-6));
      assertThat((m[3] * x + m[4] * y + m[5]) / d).isCloseTo(to[2 * i + 1], org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void quarterTurnsKeepEveryPixel() {
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xff0000);
    BufferedImage cw = ImagePreprocessor.rotateQuarter(img, 1);
    assertThat(cw.getWidth()).isEqualTo(2);
    assertThat(cw.getRGB(1, 0) & 0xffffff).isEqualTo(0xff0000);
    BufferedImage half = ImagePreprocessor.rotateQuarter(img, 2);
    assertThat(half.getRGB(2, 1) & 0xffffff).isEqualTo(0xff0000);
    BufferedImage ccw = ImagePreprocessor.rotateQuarter(img, 3);
    assertThat(ccw.getRGB(0, 2) & 0xffffff).isEqualTo(0xff0000);
  }

  private static BufferedImage sheet(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
    for (int y = 80; y < h - 60; y += 50) {
      g.drawString("ITEM 0012345678 128.50", 60, y);
    }
    g.drawRect(40, 40, w - 80, h - 80);
    g.dispose();
    return img;
  }

  private static double meanLuminance(BufferedImage img) {
    double sum = 0;
    long n = 0;
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        int p = img.getRGB(x, y);
        sum += 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        n++;
      }
    }
    return sum / n;
  }
}
