package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Groups the boxes of a page into visual lines by vertical overlap, left to right. */
public final class LayoutLines {

  private LayoutLines() {}

  /**
   * Lines of boxes, top to bottom. Boxes are taken left to right and each joins the line whose
   * rightmost box overlaps it vertically most (at least half the smaller height), so a slightly
   * rotated scan still chains into one line.
   */
  public static List<List<TextBox>> group(List<TextBox> boxes) {
    List<TextBox> byX = new ArrayList<>(boxes);
    byX.sort(Comparator.comparingInt(TextBox::x).thenComparingInt(TextBox::y));
    List<List<TextBox>> lines = new ArrayList<>();
    for (TextBox b : byX) {
      List<TextBox> best = null;
      double bestOverlap = 0;
      for (List<TextBox> line : lines) {
        TextBox last = line.get(line.size() - 1);
        double overlap = verticalOverlap(last, b);
        if (overlap >= 0.5 && overlap > bestOverlap && last.x() <= b.x()) {
          best = line;
          bestOverlap = overlap;
        }
      }
      if (best == null) {
        best = new ArrayList<>();
        lines.add(best);
      }
      best.add(b);
    }
    lines.sort(Comparator.comparingDouble(LayoutLines::meanCenterY));
    return lines;
  }

  /** The text of a document laid out as lines (boxes of a line joined by two spaces). */
  public static String text(DocumentText document) {
    List<String> pages = new ArrayList<>();
    for (OcrPage page : document.pages()) {
      pages.add(group(page.boxes()).stream()
          .map(line -> line.stream().map(TextBox::text).collect(Collectors.joining("  ")))
          .collect(Collectors.joining("\n")));
    }
    return String.join("\n\n", pages);
  }

  /** Overlap of the vertical extents as a fraction of the smaller height. */
  static double verticalOverlap(TextBox a, TextBox b) {
    int top = Math.max(a.y(), b.y());
    int bottom = Math.min(a.bottom(), b.bottom());
    int minHeight = Math.max(1, Math.min(a.height(), b.height()));
    return Math.max(0, bottom - top) / (double) minHeight;
  }

  private static double meanCenterY(List<TextBox> line) {
    return line.stream().mapToInt(TextBox::centerY).average().orElse(0);
  }
}
