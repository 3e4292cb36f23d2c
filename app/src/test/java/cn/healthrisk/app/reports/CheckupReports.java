package cn.healthrisk.app.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws Chinese checkup reports (体检报告) for tests: a PDF with a text layer, or the same page rendered as a
 * PNG for OCR. A report has the usual header (the applicant's particulars, the checkup date) and sections:
 * result tables (项目, 结果, 单位, 参考范围, 提示), imaging or examination text, and the summary (总检结论).
 */
public final class CheckupReports {

  /** TrueType CJK fonts: PDFBox can embed them, and Java2D draws with them. */
  private static final List<String> FONTS = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
      "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc");

  private static final float PAGE_W = PDRectangle.A4.getWidth();
  private static final float PAGE_H = PDRectangle.A4.getHeight();
  private static final float MARGIN = 50;
  private static final float LINE = 17;
  /** Columns of a result table, in points from the left edge. */
  private static final float[] COLUMNS = {MARGIN, 240, 310, 390, 490};
  /** Pixels per point of the PNG: 2 is 144 dpi, a phone scan's resolution. */
  private static final int PNG_SCALE = 2;

  private CheckupReports() {}

  /**
   * A report.
   *
   * @param name the applicant's name, printed in the header only
   * @param date the checkup date (体检日期)
   */
  public record Spec(String hospital, String name, String sex, int age, LocalDate date, List<Section> sections) {}

  /**
   * A section: {@code rows} of a result table (name, result, unit, range, flag; later ones may be missing),
   * {@code lines} of text, or numbered {@code entries} of a summary.
   */
  public record Section(String title, List<List<String>> rows, List<String> lines, List<String> entries) {
    public Section {
      rows = rows == null ? List.of() : rows;
      lines = lines == null ? List.of() : lines;
      entries = entries == null ? List.of() : entries;
    }
  }

  public static boolean fontsAvailable() {
    return font() != null;
  }

  private static Path font() {
    return FONTS.stream().map(Path::of).filter(Files::isReadable).findFirst().orElse(null);
  }

  /** What is drawn where, in points from the top-left of a page. */
  private record Text(int page, float x, float y, float size, String text) {}

  private static List<Text> layout(Spec spec) {
    List<Text> out = new ArrayList<>();
    float[] y = {MARGIN + 20};
    int[] page = {0};
    Runnable room = () -> {
      if (y[0] > PAGE_H - MARGIN - LINE) {
        page[0]++;
        y[0] = MARGIN + 20;
      }
    };
    out.add(new Text(0, MARGIN, y[0], 16, spec.hospital() + " 健康体检报告"));
    y[0] += LINE * 2;
    out.add(new Text(0, MARGIN, y[0], 10, "姓名: " + spec.name() + "    性别: " + spec.sex() + "    年龄: " + spec.age() + "岁"));
    y[0] += LINE;
    out.add(new Text(0, MARGIN, y[0], 10, "体检编号: " + spec.date().toString().replace("-", "") + "0137    体检日期: "
        + spec.date()));
    y[0] += LINE * 1.5f;
    int n = 0;
    for (Section s : spec.sections()) {
      room.run();
      n++;
      out.add(new Text(page[0], MARGIN, y[0], 12, chineseNumber(n) + "、" + s.title()));
      y[0] += LINE * 1.2f;
      if (!s.rows().isEmpty()) {
        room.run();
        String[] head = {"项目", "结果", "单位", "参考范围", "提示"};
        for (int c = 0; c < head.length; c++) {
          out.add(new Text(page[0], COLUMNS[c], y[0], 10, head[c]));
        }
        y[0] += LINE;
        for (List<String> row : s.rows()) {
          room.run();
          for (int c = 0; c < row.size() && c < COLUMNS.length; c++) {
            if (!row.get(c).isEmpty()) {
              out.add(new Text(page[0], COLUMNS[c], y[0], 10, row.get(c)));
            }
          }
          y[0] += LINE;
        }
      }
      for (String line : s.lines()) {
        room.run();
        out.add(new Text(page[0], MARGIN + 10, y[0], 10, line));
        y[0] += LINE;
      }
      for (int e = 0; e < s.entries().size(); e++) {
        room.run();
        out.add(new Text(page[0], MARGIN + 10, y[0], 10, (e + 1) + "、" + s.entries().get(e)));
        y[0] += LINE;
      }
      y[0] += LINE * 0.5f;
    }
    room.run();
    out.add(new Text(page[0], MARGIN, y[0] + LINE, 10, "主检医生: 刘敏    报告日期: " + spec.date().plusDays(7)));
    return out;
  }

  private static String chineseNumber(int n) {
    String digits = "一二三四五六七八九十";
    return n <= 10 ? String.valueOf(digits.charAt(n - 1)) : "十" + digits.charAt(n - 11);
  }

  /** The report as a PDF with a text layer, one or more A4 pages, each with its page number. */
  public static byte[] pdf(Spec spec) {
    return pdf(layout(spec));
  }

  /** Any lines of text as a one-page PDF with a text layer: a document that is no checkup report. */
  public static byte[] pdfOfLines(List<String> lines) {
    List<Text> texts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      texts.add(new Text(0, MARGIN, MARGIN + 20 + i * LINE, 11, lines.get(i)));
    }
    return pdf(texts);
  }

  private static byte[] pdf(List<Text> texts) {
    int pages = texts.stream().mapToInt(Text::page).max().orElse(0) + 1;
    try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(font().toFile())) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      ttc.processAllFonts(ttf -> {
        if (first[0] == null) {
          first[0] = ttf;
        }
      });
      PDType0Font font = PDType0Font.load(doc, first[0], true);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          for (Text t : texts) {
            if (t.page() == p) {
              write(content, font, t.size(), t.x(), t.y(), t.text());
            }
          }
          write(content, font, 9, PAGE_W / 2 - 30, PAGE_H - 30, "第 " + (p + 1) + " 页 共 " + pages + " 页");
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(PDPageContentStream content, PDType0Font font, float size, float x, float top, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, PAGE_H - top - size);
    content.showText(text);
    content.endText();
  }

  /** The report drawn as one PNG image, as a scan or a photo of the printed pages laid end to end. */
  public static byte[] png(Spec spec) {
    List<Text> texts = layout(spec);
    float height = 0;
    for (Text t : texts) {
      height = Math.max(height, t.page() * (PAGE_H - MARGIN) + t.y() + LINE);
    }
    int w = (int) (PAGE_W * PNG_SCALE);
    int h = (int) ((height + MARGIN) * PNG_SCALE);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Font base = Font.createFonts(font().toFile())[0];
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(new Color(30, 30, 30));
      for (Text t : texts) {
        g.setFont(base.deriveFont(t.size() * PNG_SCALE));
        float y = t.page() * (PAGE_H - MARGIN) + t.y() + t.size();
        g.drawString(t.text(), t.x() * PNG_SCALE, y * PNG_SCALE);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("Not a font: " + font(), e);
    } finally {
      g.dispose();
    }
  }

  /** A typical report of a 45-year-old man: raised ALT and lipids, a TI-RADS 3 thyroid nodule, mild fatty liver. */
  public static Spec typical(LocalDate date) {
    return new Spec("杭州市第一人民医院健康管理中心", "张三", "男", 45, date, List.of(
        new Section("一般检查", List.of(List.of("身高", "175", "cm"), List.of("体重", "72", "kg"),
            List.of("血压", "128/82", "mmHg", "90-139/60-89")), null, null),
        new Section("血常规", List.of(List.of("白细胞计数(WBC)", "6.2", "10^9/L", "3.5-9.5"),
            List.of("血红蛋白(HGB)", "148", "g/L", "130-175"), List.of("血小板计数(PLT)", "215", "10^9/L", "125-350")),
            null, null),
        new Section("肝功能", List.of(List.of("谷丙转氨酶(ALT)", "96", "U/L", "9-50", "↑"),
            List.of("谷草转氨酶(AST)", "45", "U/L", "15-40", "↑")), null, null),
        new Section("血脂", List.of(List.of("总胆固醇(TC)", "6.45", "mmol/L", "<5.18", "↑"),
            List.of("甘油三酯(TG)", "1.52", "mmol/L", "<1.70")), null, null),
        new Section("血糖", List.of(List.of("空腹血糖(GLU)", "5.2", "mmol/L", "3.9-6.1")), null, null),
        new Section("乙肝五项", List.of(List.of("乙肝表面抗原(HBsAg)", "阴性", "", "阴性"),
            List.of("乙肝表面抗体(HBsAb)", "阳性", "", "阴性")), null, null),
        new Section("肿瘤标志物", List.of(List.of("甲胎蛋白(AFP)", "3.2", "ng/mL", "0-7"),
            List.of("癌胚抗原(CEA)", "2.1", "ng/mL", "0-5")), null, null),
        new Section("甲状腺彩超", null, List.of("检查结论: 甲状腺右叶低回声结节 TI-RADS 3类"), null),
        new Section("腹部彩超", null, List.of("超声提示: 轻度脂肪肝"), null),
        new Section("胸部CT", null, List.of("诊断意见: 双肺未见明显异常"), null),
        new Section("总检结论", null, null, List.of("谷丙转氨酶升高，建议消化内科随诊", "总胆固醇偏高",
            "甲状腺右叶结节(TI-RADS 3类)，建议定期复查", "轻度脂肪肝"))));
  }
}
