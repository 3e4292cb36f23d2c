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
import java.util.TreeSet;
import java.util.function.Function;
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

  /** Layout families: B 电子住院, C 门诊机打 (regional), D 住院机打 (list), E 门诊热敏小票. */
  public static final Set<String> FAMILIES = Set.of("B", "C", "D", "E");
  /** Capture modes: a clean render, a flatbed scan, a phone photo. */
  public static final Set<String> DEGRADATIONS = Set.of("clean", "scan", "photo");

  /** Image resolution the layouts are drawn at; PDF points are derived from it. */
  private static final double DPI = 200;
  private static final double PDF_CLEAN_SHARE = 0.6;

  private static final Map<String, ReceiptLayout> LAYOUTS = List.of(
          new ElectronicInpatientLayout(), new RegionalOutpatientLayout(),
          new ListInpatientLayout(), new ThermalOutpatientLayout()).stream()
      .collect(Collectors.toMap(ReceiptLayout::family, Function.identity()));

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
        ReceiptLayout layout = LAYOUTS.get(fams.get(data.nextInt(fams.size())));
        String degradation = degs.get(data.nextInt(degs.size()));
        Inconsistency inconsistency = data.nextDouble() < inconsistencyRate
            ? Inconsistency.values()[1 + data.nextInt(Inconsistency.values().length - 1)]
            : Inconsistency.NONE;
        boolean pdf = layout.electronic() && degradation.equals("clean")
            && data.nextDouble() < PDF_CLEAN_SHARE;
        ReceiptData receipt = factory.create(data, layout.documentType(), inconsistency);
        String format = pdf ? "pdf" : degradation.equals("clean") ? "png" : "jpg";
        String name = String.format(Locale.ROOT, "receipt-%s-%04d",
            layout.family().toLowerCase(Locale.ROOT), i);
        Path file = outDir.resolve(name + "." + format);

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("family", layout.family());
        meta.put("degradation", degradation);
        meta.put("format", format);
        if (pdf) {
          meta.put("seal", writePdf(layout, receipt, fonts, render, file).seal());
        } else {
          meta.putAll(writeImage(layout, receipt, fonts, render, degradation, file));
        }
        meta.put("province", receipt.province());
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

  /** The clean image of one receipt in a family, without writing anything. */
  public static BufferedImage render(String family, ReceiptData data, long seed) {
    ReceiptLayout layout = LAYOUTS.get(family);
    if (layout == null) {
      throw new IllegalArgumentException("unknown family " + family + "; known: " + FAMILIES);
    }
    if (layout.documentType() != data.documentType()) {
      throw new IllegalArgumentException("family " + family + " prints "
          + layout.documentType() + ", not " + data.documentType());
    }
    return drawImage(layout, data, ReceiptFonts.load(), new Random(seed)).image();
  }

  /**
   * The receipt of one family as a PDF with a text layer, as an e-receipt platform or a hospital
   * system would issue it, without writing anything else.
   */
  public static byte[] pdf(String family, ReceiptData data, long seed) {
    ReceiptLayout layout = LAYOUTS.get(family);
    if (layout == null) {
      throw new IllegalArgumentException("unknown family " + family + "; known: " + FAMILIES);
    }
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

  /** The document type a family prints. */
  public static DocumentType documentType(String family) {
    ReceiptLayout layout = LAYOUTS.get(family);
    if (layout == null) {
      throw new IllegalArgumentException("unknown family " + family + "; known: " + FAMILIES);
    }
    return layout.documentType();
  }

  /** What a family prints of {@code all}: fields it does not show are null. */
  static ReceiptFields printed(String family, ReceiptFields all) {
    return LAYOUTS.get(family).printed(all);
  }

  private record Image(BufferedImage image, String seal) {}

  private static Image drawImage(ReceiptLayout layout, ReceiptData data, ReceiptFonts fonts,
      Random random) {
    ImageCanvas canvas = new ImageCanvas(fonts, layout.width(), layout.height(data),
        layout.paper());
    ReceiptLayout.Drawn drawn = layout.draw(canvas, data, fonts, random);
    return new Image(canvas.finish(), drawn.seal());
  }

  private static Map<String, Object> writeImage(ReceiptLayout layout, ReceiptData data,
      ReceiptFonts fonts, Random random, String degradation, Path file) throws IOException {
    Image clean = drawImage(layout, data, fonts, random);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("seal", clean.seal());
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
      ttc.processAllFonts(ttf -> {
        if (first[0] == null) {
          first[0] = ttf;
        }
      });
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

  private static long mix(long seed, int index, int stream) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L
        + stream * 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
