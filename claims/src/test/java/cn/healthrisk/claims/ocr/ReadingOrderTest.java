package cn.healthrisk.claims.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingOrderTest {

  @Test
  void sortsLinesTopToBottomAndBoxesLeftToRight() {
    // A two-column receipt row whose right cell sits a few pixels higher than the left one.
    TextBox amount = box("40.00", 778, 422, 91, 37);
    TextBox item = box("诊察费", 111, 419, 108, 43);
    TextBox serial = box("业务流水号", 1232, 416, 410, 30);
    TextBox nextItem = box("一般诊疗费", 116, 479, 170, 40);
    TextBox title = box("门诊收费票据", 675, 97, 841, 63);

    List<TextBox> ordered = ReadingOrder.sort(List.of(nextItem, serial, amount, title, item));

    assertThat(ordered).extracting(TextBox::text)
        .containsExactly("门诊收费票据", "诊察费", "40.00", "业务流水号", "一般诊疗费");
  }

  @Test
  void adjacentRowsOfADenseTableStaySeparate() {
    TextBox upper = box("B", 500, 100, 50, 30);
    TextBox lower = box("A", 100, 120, 50, 30); // overlaps the upper row by 10 of 30 px
    assertThat(ReadingOrder.sort(List.of(lower, upper))).extracting(TextBox::text)
        .containsExactly("B", "A");
  }

  @Test
  void aTallBoxDoesNotChainTheRowsBelowIntoItsLine() {
    TextBox stamp = box("stamp", 341, 938, 1105, 89);
    TextBox total = box("total", 115, 976, 1507, 225);
    TextBox footer = box("footer", 92, 1111, 1878, 144);
    assertThat(ReadingOrder.sort(List.of(footer, total, stamp))).extracting(TextBox::text)
        .containsExactly("total", "stamp", "footer");
  }

  private static TextBox box(String text, int x, int y, int w, int h) {
    return new TextBox(text, 0.9, x, y, w, h);
  }
}
