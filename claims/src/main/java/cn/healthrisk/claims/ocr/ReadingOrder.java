package cn.healthrisk.claims.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sorts text boxes into reading order: lines top to bottom, boxes left to right within a line. */
public final class ReadingOrder {

  private ReadingOrder() {}

  /** Returns the boxes in reading order; the input list is not modified. */
  public static List<TextBox> sort(List<TextBox> boxes) {
    List<TextBox> byTop = new ArrayList<>(boxes);
    byTop.sort(Comparator.comparingInt(TextBox::y).thenComparingInt(TextBox::x));
    List<List<TextBox>> lines = new ArrayList<>();
    List<TextBox> line = null;
    int lineTop = 0;
    int lineBottom = 0;
    for (TextBox box : byTop) {
      if (line != null && sameLine(box, lineTop, lineBottom)) {
        line.add(box);
      } else {
        line = new ArrayList<>();
        line.add(box);
        lines.add(line);
        lineTop = box.y();
        lineBottom = box.bottom();
      }
    }
    List<TextBox> ordered = new ArrayList<>(boxes.size());
    for (List<TextBox> l : lines) {
      l.sort(Comparator.comparingInt(TextBox::x));
      ordered.addAll(l);
    }
    return ordered;
  }

  // Boxes share a line when they overlap the line's first box vertically by at least half of the
  // smaller height. The band is not widened as boxes join: a tall stamp or a merged two-row box
  // would otherwise chain neighbouring rows into one line.
  private static boolean sameLine(TextBox box, int lineTop, int lineBottom) {
    int overlap = Math.min(box.bottom(), lineBottom) - Math.max(box.y(), lineTop);
    int smaller = Math.min(box.height(), lineBottom - lineTop);
    return smaller > 0 && overlap * 2 >= smaller;
  }
}
