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

  /** About 6°: more than any scan a person would submit; beyond it the estimate is noise. */
  private static final double MAX_SKEW = 0.1;
  private static final double SAME_ROW_BAND = 0.8;
  /** A box more than this many median heights tall spans rows (seal text): it anchors no line. */
  private static final double TALL = 2.2;

  private LayoutLines() {}

  /**
   * Lines of boxes, top to bottom. The page's skew is estimated first (a scan rotated by 3° drops
   * a row by a line height across the page); then boxes are taken left to right and each joins the
   * line whose rightmost box overlaps it vertically most, after deskewing (at least half the
   * smaller height).
   */
  public static List<List<TextBox>> group(List<TextBox> boxes) {
    double slope = skew(boxes);
    double tall = TALL * medianHeight(boxes);
    List<TextBox> byX = new ArrayList<>(boxes);
    byX.sort(Comparator.comparingInt(TextBox::x).thenComparingInt(TextBox::y));
    List<List<TextBox>> lines = new ArrayList<>();
    for (TextBox b : byX) {
      List<TextBox> best = null;
      double bestOverlap = 0;
      for (List<TextBox> line : lines) {
        TextBox last = anchor(line, tall);
        double overlap = verticalOverlap(last, b, slope);
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
    lines.sort(Comparator.comparingDouble(line -> line.stream()
        .mapToDouble(b -> deskewedTop(b, slope) + b.height() / 2.0).average().orElse(0)));
    return lines;
  }

  /**
   * The box of a line the next one is compared with: its last box, passing over boxes much taller
   * than a line (a seal's text read as a box spanning three rows), which would join the rows they
   * cover into one.
   */
  private static TextBox anchor(List<TextBox> line, double tall) {
    for (int i = line.size() - 1; i >= 0; i--) {
      if (line.get(i).height() <= tall) {
        return line.get(i);
      }
    }
    return line.get(line.size() - 1);
  }

  private static double medianHeight(List<TextBox> boxes) {
    if (boxes.isEmpty()) {
      return 0;
    }
    int[] heights = boxes.stream().mapToInt(TextBox::height).sorted().toArray();
    return heights[heights.length / 2];
  }

  /**
   * The page's skew as dy/dx: the median slope between each box and its nearest neighbour to the
   * right at about the same height (mostly the next box of the same printed line).
   */
  static double skew(List<TextBox> all) {
    // Boxes spanning rows (seal text) say nothing about the rows' slope.
    double tall = TALL * medianHeight(all);
    List<TextBox> boxes = all.stream().filter(b -> b.height() <= tall).toList();
    List<Double> slopes = new ArrayList<>();
    for (TextBox b : boxes) {
      TextBox nearest = null;
      for (TextBox c : boxes) {
        double dy = Math.abs(centerY(c) - centerY(b));
        // Within most of a line height: a wider band lets a table row pair with the row above
        // or below it (rows are barely more than a line apart) and tilts the estimate.
        if (c.x() >= b.right() && dy < SAME_ROW_BAND * Math.max(b.height(), c.height())
            && (nearest == null || c.x() < nearest.x())) {
          nearest = c;
        }
      }
      if (nearest != null) {
        double dx = centerX(nearest) - centerX(b);
        slopes.add((centerY(nearest) - centerY(b)) / dx);
      }
    }
    if (slopes.size() < 3) {
      return 0;
    }
    slopes.sort(Double::compare);
    double median = slopes.get(slopes.size() / 2);
    return Math.max(-MAX_SKEW, Math.min(MAX_SKEW, median));
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
    return verticalOverlap(a, b, 0);
  }

  private static double verticalOverlap(TextBox a, TextBox b, double slope) {
    double aTop = deskewedTop(a, slope);
    double bTop = deskewedTop(b, slope);
    double top = Math.max(aTop, bTop);
    double bottom = Math.min(aTop + a.height(), bTop + b.height());
    int minHeight = Math.max(1, Math.min(a.height(), b.height()));
    return Math.max(0, bottom - top) / minHeight;
  }

  private static double deskewedTop(TextBox b, double slope) {
    return b.y() - slope * centerX(b);
  }

  private static double centerX(TextBox b) {
    return b.x() + b.width() / 2.0;
  }

  private static double centerY(TextBox b) {
    return b.y() + b.height() / 2.0;
  }
}
