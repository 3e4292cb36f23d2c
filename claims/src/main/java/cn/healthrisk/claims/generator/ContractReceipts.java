package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.generator.ReceiptFonts.Face;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * E-receipt PDFs (with a text layer) drawn from given contract fields rather than random ones, in any
 * layout family; optionally with printed text (e.g. instructions aimed at a model) or tampered in one of
 * two ways. Used to turn labelled scenarios into documents the nightly run reads.
 */
public final class ContractReceipts {

  /** Tampering a document can carry. */
  public enum Tamper {
    /** The PDF also carries text a reader cannot see (invisible render mode): a different total. */
    HIDDEN_TEXT,
    /** The page is drawn as an image; the text layer over it says another total than the image shows. */
    TEXT_LAYER_MISMATCH
  }

  /**
   * How to render one receipt.
   *
   * @param family layout family (B, C, D or E); null for B, the electronic receipt of either document type
   * @param injectText text printed on the receipt as a remark, or null
   * @param tamper tampering, or null for an honest document
   */
  public record RenderOptions(String family, String injectText, Tamper tamper) {}

  private static final double DPI = 200;
  private static final Map<String, String> PROVINCE_BY_CODE = Map.ofEntries(
      Map.entry("11", "北京市"), Map.entry("12", "天津市"), Map.entry("13", "河北省"), Map.entry("14", "山西省"),
      Map.entry("21", "辽宁省"), Map.entry("22", "吉林省"), Map.entry("23", "黑龙江省"), Map.entry("31", "上海市"),
      Map.entry("32", "江苏省"), Map.entry("33", "浙江省"), Map.entry("34", "安徽省"), Map.entry("35", "福建省"),
      Map.entry("36", "江西省"), Map.entry("37", "山东省"), Map.entry("41", "河南省"), Map.entry("42", "湖北省"),
      Map.entry("43", "湖南省"), Map.entry("44", "广东省"), Map.entry("50", "重庆市"), Map.entry("51", "四川省"),
      Map.entry("52", "贵州省"), Map.entry("53", "云南省"), Map.entry("61", "陕西省"), Map.entry("62", "甘肃省"));
  private static final List<String> MUNICIPALITIES = List.of("北京", "上海", "天津", "重庆");

  private ContractReceipts() {}

  /** The default family: B, the electronic receipt (医疗住院/门诊收费电子票据), for either document type. */
  public static String defaultFamily(DocumentType type) {
    return "B";
  }

  /**
   * A receipt saying exactly the given fields. Regional extras the layouts print (住院号, 科室, 收款人 ...) are
   * derived from the invoice number unless given; the province comes from the 票据代码 or the hospital name.
   */
  public static ReceiptData fromContract(DocumentType type, ReceiptFields fields) {
    DocumentType t = type != null && type != DocumentType.OTHER ? type
        : fields.admissionDate() != null ? DocumentType.INPATIENT_RECEIPT : DocumentType.OUTPATIENT_RECEIPT;
    Random r = new Random(String.valueOf(fields.invoiceCode()).hashCode() * 31L
        + String.valueOf(fields.invoiceNumber()).hashCode());
    Map<String, String> extra = new LinkedHashMap<>();
    // 性别 stays off unless given: the payer's name is printed next to it on some layouts.
    extra.put("科室", t == DocumentType.INPATIENT_RECEIPT ? "内科病区" : "内科门诊");
    extra.put(t == DocumentType.INPATIENT_RECEIPT ? "住院号" : "门诊号",
        (t == DocumentType.INPATIENT_RECEIPT ? "ZY" : "MZ") + String.format("%06d", r.nextInt(1_000_000)));
    LocalDate issue = fields.issueDate() != null ? fields.issueDate() : LocalDate.of(2026, 1, 1);
    extra.put("业务流水号", issue.toString().replace("-", "").substring(2) + String.format("%07d", r.nextInt(10_000_000)));
    extra.put("收款人", "张敏");
    extra.put("复核人", "李静");
    extra.put("开票时间", String.format("%02d:%02d:%02d", 8 + r.nextInt(10), r.nextInt(60), r.nextInt(60)));
    extra.putAll(fields.extra());
    ReceiptFields withExtra = new ReceiptFields(fields.invoiceCode(), fields.invoiceNumber(), fields.checkCode(),
        fields.payerName(), fields.payerIdMasked(), fields.issueDate(), fields.hospitalName(), fields.hospitalType(),
        fields.insuranceType(), fields.visitDate(), fields.admissionDate(), fields.dischargeDate(), fields.hospitalDays(),
        fields.items(), fields.totalAmount(), fields.totalAmountInWords(), fields.fundPayment(), fields.otherPayment(),
        fields.personalAccountPayment(), fields.personalCashPayment(), fields.selfPayPortion(), fields.selfExpense(),
        extra);
    boolean halfDays = fields.hospitalDays() != null && fields.hospitalDays().stripTrailingZeros().scale() > 0;
    return new ReceiptData(t, withExtra, province(fields), halfDays, Inconsistency.NONE);
  }

  private static String province(ReceiptFields f) {
    if (f.invoiceCode() != null && f.invoiceCode().length() >= 2) {
      String p = PROVINCE_BY_CODE.get(f.invoiceCode().substring(0, 2));
      if (p != null) {
        return p;
      }
    }
    String h = f.hospitalName() == null ? "" : f.hospitalName();
    for (String p : PROVINCE_BY_CODE.values()) {
      if (h.startsWith(p.substring(0, p.length() - 1))) {
        return p;
      }
    }
    for (String m : MUNICIPALITIES) {
      if (h.startsWith(m)) {
        return m + "市";
      }
    }
    return "浙江省";
  }

  /** The fields a family cannot draw without. */
  private static List<String> missing(String family, DocumentType type, ReceiptFields f) {
    List<String> out = new ArrayList<>();
    if (family.equals("B")) {
      // The electronic family leaves a missing field blank, which is how a receipt without it looks.
      return out;
    }
    if (f.issueDate() == null) {
      out.add("issueDate");
    }
    boolean inpatient = family.equals("D") || family.equals("B") && type == DocumentType.INPATIENT_RECEIPT;
    if (inpatient) {
      if (f.admissionDate() == null) {
        out.add("admissionDate");
      }
      if (f.dischargeDate() == null) {
        out.add("dischargeDate");
      }
      if (f.hospitalDays() == null) {
        out.add("hospitalDays");
      }
    } else if (f.visitDate() == null) {
      out.add("visitDate");
    }
    return out;
  }

  /**
   * Draws the receipt as a one-page PDF with a text layer.
   *
   * @throws IllegalArgumentException for an unknown family (a family of the other document type, or one that
   *     cannot print a field that is missing, draws with family B instead)
   * @throws FontUnavailableException when no CJK font is installed
   */
  public static byte[] pdf(ReceiptData data, RenderOptions options, long seed) {
    String family = options.family() == null ? defaultFamily(data.documentType()) : options.family();
    if (!ReceiptGenerator.DEFAULT_FAMILIES.contains(family)) {
      throw new IllegalArgumentException("unknown render family '" + family + "'; known: "
          + new TreeSet<>(ReceiptGenerator.DEFAULT_FAMILIES));
    }
    // B is the electronic family and has both forms here; the others print one document type, so a receipt of
    // the other type asked of them is drawn by B (the family is a look, the receipt's type is its content).
    // The outpatient paper slips (C 机打, E 热敏) are never issued as PDFs with a text layer, and drawn as one
    // their text layer reads in an order no real document has; a PDF of them is drawn as B's outpatient form.
    if (!family.equals("B") && ReceiptGenerator.documentType(family) != data.documentType()
        || family.equals("C") || family.equals("E")) {
      family = "B";
    }
    // A printed paper layout has no way to show a date or a day count that is missing: such a receipt is drawn as
    // the electronic form, which leaves the missing field blank (how a receipt without it looks).
    if (!missing(family, data.documentType(), data.fields()).isEmpty()) {
      family = "B";
    }
    ReceiptLayout layout = layout(family, data.documentType());
    ReceiptFonts fonts = ReceiptFonts.load();
    double scale = 72 / DPI;
    int width = layout.width();
    int height = layout.height(data) + (options.injectText() == null ? 0 : 120);
    float w = (float) (width * scale);
    float h = (float) (height * scale);
    try (PDDocument doc = new PDDocument();
        TrueTypeCollection ttc = new TrueTypeCollection(fonts.embeddableFile().toFile())) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      ttc.processAllFonts(ttf -> {
        if (first[0] == null) {
          first[0] = ttf;
        }
      });
      PDType0Font font = PDType0Font.load(doc, first[0], true);
      PDPage page = new PDPage(new PDRectangle(w, h));
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        if (options.tamper() == Tamper.TEXT_LAYER_MISMATCH) {
          ImageCanvas image = new ImageCanvas(fonts, width, height, layout.paper());
          layout.draw(new NullSafe(image), data, fonts, new Random(seed));
          remark(new NullSafe(image), options, layout, data);
          BufferedImage drawn = image.finish();
          content.drawImage(LosslessFactory.createFromImage(doc, drawn), 0, 0, w, h);
          // The text layer: the same receipt with another total, invisible over the image.
          Canvas hidden = new NullSafe(PdfCanvas.invisible(content, font, scale, h));
          layout.draw(hidden, withTotal(data, altered(data.fields().totalAmount())), fonts, new Random(seed));
          remark(hidden, options, layout, data);
        } else {
          PdfCanvas canvas = new PdfCanvas(doc, content, font, scale, h);
          canvas.fillRect(0, 0, width, height, layout.paper());
          layout.draw(new NullSafe(canvas), data, fonts, new Random(seed));
          remark(new NullSafe(canvas), options, layout, data);
          if (options.tamper() == Tamper.HIDDEN_TEXT) {
            Canvas hidden = PdfCanvas.invisible(content, font, scale, h);
            hidden.text("合计(小写)：¥" + altered(data.fields().totalAmount()).toPlainString(), 120, height - 30.0,
                Face.SANS, 34, Color.BLACK);
          }
        }
      }
      doc.getDocumentInformation().setTitle(data.province() + "医疗收费电子票据 " + data.fields().invoiceNumber());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the receipt PDF", e);
    }
  }

  /** The family names, for messages. */
  public static Set<String> families() {
    return new TreeSet<>(ReceiptGenerator.DEFAULT_FAMILIES);
  }

  private static void remark(Canvas c, RenderOptions options, ReceiptLayout layout, ReceiptData data) {
    if (options.injectText() != null) {
      c.text("备注：" + options.injectText(), 110, layout.height(data) + 60.0, Face.SANS, 34, new Color(20, 20, 30));
    }
  }

  private static ReceiptLayout layout(String family, DocumentType type) {
    return switch (family) {
      case "B" -> type == DocumentType.INPATIENT_RECEIPT ? new ElectronicInpatientLayout() : new ElectronicOutpatientLayout();
      case "C" -> new RegionalOutpatientLayout();
      case "D" -> new ListInpatientLayout();
      default -> new ThermalOutpatientLayout();
    };
  }

  private static BigDecimal altered(BigDecimal total) {
    return (total == null ? new BigDecimal("9000.00") : total.add(new BigDecimal("1000.00"))).setScale(2);
  }

  private static ReceiptData withTotal(ReceiptData d, BigDecimal total) {
    ReceiptFields f = d.fields();
    return new ReceiptData(d.documentType(), new ReceiptFields(f.invoiceCode(), f.invoiceNumber(), f.checkCode(),
        f.payerName(), f.payerIdMasked(), f.issueDate(), f.hospitalName(), f.hospitalType(), f.insuranceType(),
        f.visitDate(), f.admissionDate(), f.dischargeDate(), f.hospitalDays(), f.items(), total, f.totalAmountInWords(),
        f.fundPayment(), f.otherPayment(), f.personalAccountPayment(), f.personalCashPayment(), f.selfPayPortion(),
        f.selfExpense(), f.extra()), d.province(), d.halfDayRegion(), d.inconsistency());
  }

  /** Leaves out what a field the receipt does not have would print ("null"), so a missing field stays missing. */
  private static final class NullSafe implements Canvas {
    private final Canvas inner;

    NullSafe(Canvas inner) {
      this.inner = inner;
    }

    private static String clean(String s) {
      return s == null ? "" : s.replace("null", "").strip();
    }

    @Override
    public void text(String s, double x, double y, Face face, double size, Color color) {
      String c = clean(s);
      if (!c.isEmpty() && !c.equals("¥")) {
        inner.text(c, x, y, face, size, color);
      }
    }

    @Override
    public double width(String s, Face face, double size) {
      String c = clean(s);
      return c.isEmpty() ? 0 : inner.width(c, face, size);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, double stroke, Color color) {
      inner.line(x1, y1, x2, y2, stroke, color);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color color) {
      inner.fillRect(x, y, w, h, color);
    }

    @Override
    public void image(BufferedImage image, double x, double y, double w, double h) {
      inner.image(image, x, y, w, h);
    }
  }
}
