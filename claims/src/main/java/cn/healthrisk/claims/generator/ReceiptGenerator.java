package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/** Writes varied, labelled receipts: an image or PDF plus its ground-truth JSON per document. */
public final class ReceiptGenerator {

  /**
   * The layout families the rules extractor was developed on, and the default: B 电子住院, C 门诊机打
   * (regional), D 住院机打 (list), E 门诊热敏小票.
   */
  public static final Set<String> DEFAULT_FAMILIES = Set.of("B", "C", "D", "E");
  /**
   * Families kept out of extractor development, to score layouts the rules were not written against: F
   * 财政电子票据 (门诊 and 住院, one title for both), G 上海住院机打 (pre-printed form, wide charge table,
   * dot-matrix), H 北京门诊机打 (labels without colons, 自付一/自付二, 大额互助).
   */
  public static final Set<String> HELD_OUT_FAMILIES = Set.of("F", "G", "H");
  /** Every family the generator draws. */
  public static final Set<String> FAMILIES = union(DEFAULT_FAMILIES, HELD_OUT_FAMILIES);
  /** Capture modes: a clean render, a flatbed scan, a phone photo. */
  public static final Set<String> DEGRADATIONS = Set.of("clean", "scan", "photo");

  /** Image resolution the layouts are drawn at; PDF points are derived from it. */
  private static final double DPI = 200;
  private static final double PDF_CLEAN_SHARE = 0.6;

  /** Each family's layouts, one per document type it is issued for. */
  private static final Map<String, List<ReceiptLayout>> LAYOUTS = List.<ReceiptLayout>of(
          new ElectronicInpatientLayout(), new RegionalOutpatientLayout(),
          new ListInpatientLayout(), new ThermalOutpatientLayout(),
          new FinanceElectronicLayout(DocumentType.OUTPATIENT_RECEIPT),
          new FinanceElectronicLayout(DocumentType.INPATIENT_RECEIPT),
          new FormInpatientLayout(), new BeijingOutpatientLayout()).stream()
      .collect(Collectors.groupingBy(ReceiptLayout::family, TreeMap::new, Collectors.toList()));

  private final ReceiptDataFactory factory = new ReceiptDataFactory();
  private final double inconsistencyRate;

  /** A generator whose receipts are all internally consistent. */
  public ReceiptGenerator() {
    this(0);
  }

  /**
   * @param inconsistencyRate share of receipts (0..1) carrying one deliberate error, recorded as
   *     {@code meta.inconsistency}
   */
  public ReceiptGenerator(double inconsistencyRate) {
    if (inconsistencyRate < 0 || inconsistencyRate > 1) {
      throw new IllegalArgumentException("inconsistencyRate must be in [0, 1]");
    }
    this.inconsistencyRate = inconsistencyRate;
  }

  /**
   * Writes {@code count} receipts into {@code outDir} as {@code receipt-<family>-NNNN.<ext>} with
   * a {@code .json} each and one {@code ground-truth.jsonl}. The same seed gives the same
   * documents.
   *
   * @param families subset of {@link #FAMILIES}, used in turn at random
   * @param degradations subset of {@link #DEGRADATIONS}
   * @throws FontUnavailableException when no CJK font is installed
   */
  public List<GeneratedDocument> generate(Path outDir, int count, long seed, Set<String> families,
      Set<String> degradations) {
    List<String> fams = checked(families, FAMILIES, "family");
    List<String> degs = checked(degradations, DEGRADATIONS, "degradation");
    ReceiptFonts fonts = ReceiptFonts.load();
    List<GeneratedDocument> out = new ArrayList<>();
    StringBuilder jsonl = new StringBuilder();
    try {
      Files.createDirectories(outDir);
      for (int i = 1; i <= count; i++) {
        // Content and rendering draw from separate streams so cosmetics never change the truth.
        Random data = new Random(mix(seed, i, 1));
        Random render = new Random(mix(seed, i, 2));
        List<ReceiptLayout> kinds = LAYOUTS.get(fams.get(data.nextInt(fams.size())));
        // A family issued for both document types draws which one; the others draw nothing more.
        ReceiptLayout layout = kinds.size() == 1 ? kinds.get(0) : kinds.get(data.nextInt(kinds.size()));
        String degradation = degs.get(data.nextInt(degs.size()));
        Inconsistency inconsistency = data.nextDouble() < inconsistencyRate
            ? Inconsistency.values()[1 + data.nextInt(Inconsistency.values().length - 1)]
            : Inconsistency.NONE;
        boolean pdf = layout.electronic() && degradation.equals("clean")
            && data.nextDouble() < PDF_CLEAN_SHARE;
        ReceiptData receipt = factory.create(data, layout.documentType(), inconsistency,
            layout.provinces());
        String format = pdf ? "pdf" : degradation.equals("clean") ? "png" : "jpg";
        String name = String.format(Locale.ROOT, "receipt-%s-%04d",
            layout.family().toLowerCase(Locale.ROOT), i);
        Path file = outDir.resolve(name + "." + format);

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("family", layout.family());
        meta.put("degradation", degradation);
        meta.put("format", format);
        if (pdf) {
          ReceiptLayout.Drawn drawn = writePdf(layout, receipt, fonts, render, file);
          meta.put("seal", drawn.seal());
          meta.putAll(drawn.meta());
        } else {
          meta.putAll(writeImage(layout, receipt, fonts, render, degradation, file));
        }
        meta.put("province", receipt.province());
        Map<String, String> extra = layout.printedExtra(receipt);
        if (!extra.isEmpty()) {
          meta.put("printedExtra", extra);
        }
        meta.put("inconsistency", inconsistency.name());
        meta.put("seed", seed);
        meta.put("index", i);

        ReceiptFields printed = layout.printed(receipt.fields());
        ObjectNode node = GroundTruthJson.toNode(file.getFileName().toString(),
            layout.documentType(), printed, meta);
        Path json = outDir.resolve(name + ".json");
        Files.writeString(json, GroundTruthJson.pretty(node) + "\n", StandardCharsets.UTF_8);
        jsonl.append(GroundTruthJson.line(node)).append('\n');
        out.add(new GeneratedDocument(file, json, layout.documentType(), printed, meta));
      }
      Files.writeString(outDir.resolve("ground-truth.jsonl"), jsonl, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write receipts to " + outDir, e);
    }
    return out;
  }

  /**
   * The clean image of one receipt in a family, without writing anything.
   *
   * @throws IllegalArgumentException for an unknown family, or one not issued for the receipt's document type
   */
  public static BufferedImage render(String family, ReceiptData data, long seed) {
    return drawImage(layout(family, data.documentType()), data, ReceiptFonts.load(), new Random(seed))
        .image();
  }

  /**
   * The receipt of one family as a PDF with a text layer, as an e-receipt platform or a hospital
   * system would issue it, without writing anything else.
   *
   * @throws IllegalArgumentException for an unknown family, or one not issued for the receipt's document type
   */
  public static byte[] pdf(String family, ReceiptData data, long seed) {
    ReceiptLayout layout = layout(family, data.documentType());
    try {
      Path file = Files.createTempFile("receipt-", ".pdf");
      try {
        writePdf(layout, data, ReceiptFonts.load(), new Random(seed), file);
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a PDF receipt", e);
    }
  }

  /** The document type a family prints; for a family issued for both, the first of {@link #documentTypes}. */
  public static DocumentType documentType(String family) {
    return documentTypes(family).get(0);
  }

  /** The document types a family is issued for, its main one first. */
  public static List<DocumentType> documentTypes(String family) {
    return layouts(family).stream().map(ReceiptLayout::documentType).toList();
  }

  /** What a family prints of {@code all} on a receipt of {@code type}: fields it does not show are null. */
  static ReceiptFields printed(String family, DocumentType type, ReceiptFields all) {
    return layout(family, type).printed(all);
  }

  /** The regional values a family prints beyond the contract fields (meta.printedExtra). */
  static Map<String, String> printedExtra(String family, ReceiptData data) {
    return layout(family, data.documentType()).printedExtra(data);
  }

  /** The provinces a family's receipts come from; empty for any. */
  static Set<String> provinces(String family, DocumentType type) {
    return layout(family, type).provinces();
  }

  private static List<ReceiptLayout> layouts(String family) {
    List<ReceiptLayout> layouts = LAYOUTS.get(family);
    if (layouts == null) {
      throw new IllegalArgumentException("unknown family " + family + "; known: " + FAMILIES);
    }
    return layouts;
  }

  static ReceiptLayout layout(String family, DocumentType type) {
    return layouts(family).stream().filter(l -> l.documentType() == type).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("family " + family + " prints "
            + documentTypes(family) + ", not " + type));
  }

  private record Image(BufferedImage image, ReceiptLayout.Drawn drawn) {}

  private static Image drawImage(ReceiptLayout layout, ReceiptData data, ReceiptFonts fonts,
      Random random) {
    ImageCanvas canvas = new ImageCanvas(fonts, layout.width(), layout.height(data),
        layout.paper());
    ReceiptLayout.Drawn drawn = layout.draw(canvas, data, fonts, random);
    return new Image(canvas.finish(), drawn);
  }

  private static Map<String, Object> writeImage(ReceiptLayout layout, ReceiptData data,
      ReceiptFonts fonts, Random random, String degradation, Path file) throws IOException {
    Image clean = drawImage(layout, data, fonts, random);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("seal", clean.drawn().seal());
    meta.putAll(clean.drawn().meta());
    if (degradation.equals("clean")) {
      if (!ImageIO.write(clean.image(), "png", file.toFile())) {
        throw new IOException("no PNG writer");
      }
      return meta;
    }
    Degradations.Degraded d = degradation.equals("scan")
        ? Degradations.scan(clean.image(), random)
        : Degradations.photo(clean.image(), random);
    meta.putAll(d.meta());
    Files.write(file, Degradations.jpeg(d.image(), d.jpegQuality()));
    return meta;
  }

  private static ReceiptLayout.Drawn writePdf(ReceiptLayout layout, ReceiptData data,
      ReceiptFonts fonts, Random random, Path file) throws IOException {
    double scale = 72 / DPI;
    float w = (float) (layout.width() * scale);
    float h = (float) (layout.height(data) * scale);
    try (PDDocument doc = new PDDocument();
        TrueTypeCollection ttc = new TrueTypeCollection(fonts.embeddableFile().toFile())) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      String wanted = layout.pdfFont();
      ttc.processAllFonts(ttf -> {
        if (first[0] == null && (wanted == null || wanted.equals(ttf.getName()))) {
          first[0] = ttf;
        }
      });
      if (first[0] == null) {
        // Another collection (e.g. SimSun on Windows) lacks the cut: its first font will do.
        ttc.processAllFonts(ttf -> {
          if (first[0] == null) {
            first[0] = ttf;
          }
        });
      }
      PDType0Font font = PDType0Font.load(doc, first[0], true);
      PDPage page = new PDPage(new PDRectangle(w, h));
      doc.addPage(page);
      ReceiptLayout.Drawn drawn;
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        PdfCanvas canvas = new PdfCanvas(doc, content, font, scale, h);
        canvas.fillRect(0, 0, layout.width(), layout.height(data), layout.paper());
        drawn = layout.draw(canvas, data, fonts, random);
      }
      doc.getDocumentInformation().setTitle(data.province() + "医疗收费电子票据 "
          + data.fields().invoiceNumber());
      doc.save(file.toFile());
      return drawn;
    }
  }

  private static List<String> checked(Set<String> wanted, Set<String> known, String what) {
    if (wanted == null || wanted.isEmpty()) {
      throw new IllegalArgumentException("no " + what + " chosen; known: " + new TreeSet<>(known));
    }
    for (String s : wanted) {
      if (!known.contains(s)) {
        throw new IllegalArgumentException("unknown " + what + " " + s + "; known: "
            + new TreeSet<>(known));
      }
    }
    // Sorted so that the same set gives the same choices regardless of its iteration order.
    return List.copyOf(new TreeSet<>(wanted));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static long mix(long seed, int index, int stream) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L
        + stream * 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
