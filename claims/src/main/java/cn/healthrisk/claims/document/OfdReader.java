package cn.healthrisk.claims.document;

import cn.healthrisk.claims.document.UnreadableDocumentException.Reason;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.ReadingOrder;
import cn.healthrisk.claims.ocr.TextBox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the text of an OFD document (GB/T 33190, the format of Chinese electronic invoices and
 * e-receipts): a zip of XML whose pages hold text objects with their positions in millimetres.
 * Each text object becomes one text box, in pixels at {@link DocumentReader#PDF_DPI} dpi, with the
 * text of the page's templates (where e-invoices keep their printed labels) included.
 *
 * <p>Only text is read: no rendering, so no hidden-text check. The zip is read with limits on
 * entries and on uncompressed size, and the XML without DTDs or external entities.
 */
final class OfdReader {

  private static final double PX_PER_MM = DocumentReader.PDF_DPI / 25.4;
  private static final int MAX_ENTRIES = 2000;
  private static final long MAX_ENTRY_BYTES = 8L * 1024 * 1024;
  private static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

  private OfdReader() {}

  /** Whether the zip content is an OFD package (it has an {@code OFD.xml} at its root). */
  static boolean isOfd(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (int i = 0; i < MAX_ENTRIES; i++) {
        ZipEntry e = zip.getNextEntry();
        if (e == null) {
          return false;
        }
        if (e.getName().equalsIgnoreCase("OFD.xml")) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  static DocumentText read(String fileName, byte[] content, int maxPages)
      throws UnreadableDocumentException {
    Map<String, byte[]> files = unzip(fileName, content);
    try {
      DocumentBuilder xml = secureBuilder();
      byte[] root = files.get(key(files, "OFD.xml"));
      if (root == null) {
        throw new UnreadableDocumentException(Reason.CORRUPT, "OFD 文件缺少 OFD.xml: " + fileName);
      }
      String docRoot = text(parse(xml, root), "DocRoot");
      if (docRoot == null) {
        throw new UnreadableDocumentException(Reason.CORRUPT, "OFD 文件缺少 DocRoot: " + fileName);
      }
      String docPath = normalise("", docRoot);
      byte[] docBytes = files.get(key(files, docPath));
      if (docBytes == null) {
        throw new UnreadableDocumentException(Reason.CORRUPT, "OFD 文件缺少 " + docPath + ": " + fileName);
      }
      String docDir = docPath.contains("/") ? docPath.substring(0, docPath.lastIndexOf('/') + 1) : "";
      Document doc = parse(xml, docBytes);
      double[] defaultBox = box(first(doc, "PhysicalBox"), new double[] {0, 0, 210, 297});
      Map<String, String> templates = new HashMap<>();
      NodeList tpls = doc.getElementsByTagNameNS("*", "TemplatePage");
      for (int i = 0; i < tpls.getLength(); i++) {
        Element t = (Element) tpls.item(i);
        templates.put(t.getAttribute("ID"), normalise(docDir, t.getAttribute("BaseLoc")));
      }
      NodeList pageRefs = doc.getElementsByTagNameNS("*", "Page");
      if (pageRefs.getLength() == 0) {
        throw new UnreadableDocumentException(Reason.EMPTY, "OFD 文件没有任何页面: " + fileName);
      }
      if (pageRefs.getLength() > maxPages) {
        throw new UnreadableDocumentException(Reason.TOO_MANY_PAGES,
            "页数过多: " + fileName + " 共 " + pageRefs.getLength() + " 页，上限 " + maxPages + " 页");
      }
      List<OcrPage> pages = new ArrayList<>();
      for (int i = 0; i < pageRefs.getLength(); i++) {
        String pagePath = normalise(docDir, ((Element) pageRefs.item(i)).getAttribute("BaseLoc"));
        byte[] pageBytes = files.get(key(files, pagePath));
        if (pageBytes == null) {
          throw new UnreadableDocumentException(Reason.CORRUPT, "OFD 文件缺少页面 " + pagePath + ": " + fileName);
        }
        Document page = parse(xml, pageBytes);
        double[] area = box(first(page, "PhysicalBox"), defaultBox);
        List<TextBox> boxes = new ArrayList<>();
        NodeList used = page.getElementsByTagNameNS("*", "Template");
        for (int t = 0; t < used.getLength(); t++) {
          String tplPath = templates.get(((Element) used.item(t)).getAttribute("TemplateID"));
          byte[] tpl = tplPath == null ? null : files.get(key(files, tplPath));
          if (tpl != null) {
            boxes.addAll(textBoxes(parse(xml, tpl)));
          }
        }
        boxes.addAll(textBoxes(page));
        pages.add(new OcrPage(Math.max(1, (int) Math.floor(area[2] * PX_PER_MM)),
            Math.max(1, (int) Math.floor(area[3] * PX_PER_MM)), ReadingOrder.sort(boxes)));
      }
      return new DocumentText("application/ofd", DocumentText.Source.OFD_TEXT, null, pages);
    } catch (SAXException | IOException | RuntimeException e) {
      throw new UnreadableDocumentException(
          Reason.CORRUPT, "OFD 文件已损坏，无法解析: " + fileName + " (" + e.getMessage() + ")", e);
    }
  }

  // One box per text object: its boundary's origin plus the first text code's position, one
  // font size high, as wide as the boundary.
  private static List<TextBox> textBoxes(Document page) {
    List<TextBox> out = new ArrayList<>();
    NodeList objects = page.getElementsByTagNameNS("*", "TextObject");
    for (int i = 0; i < objects.getLength(); i++) {
      Element o = (Element) objects.item(i);
      double[] b = box(o.getAttribute("Boundary"), null);
      if (b == null) {
        continue;
      }
      double size = number(o.getAttribute("Size"), b[3]);
      NodeList codes = o.getElementsByTagNameNS("*", "TextCode");
      StringBuilder text = new StringBuilder();
      double x = 0;
      double y = size;
      for (int c = 0; c < codes.getLength(); c++) {
        Element code = (Element) codes.item(c);
        if (c == 0) {
          x = number(code.getAttribute("X"), 0);
          y = number(code.getAttribute("Y"), size);
        }
        text.append(code.getTextContent());
      }
      String s = text.toString().strip();
      if (s.isEmpty()) {
        continue;
      }
      double left = b[0] + x;
      double top = b[1] + y - size;
      double width = Math.max(size, b[2] - x);
      out.add(new TextBox(s, 1.0, (int) Math.max(0, Math.floor(left * PX_PER_MM)),
          (int) Math.max(0, Math.floor(top * PX_PER_MM)), Math.max(1, (int) Math.ceil(width * PX_PER_MM)),
          Math.max(1, (int) Math.ceil(size * PX_PER_MM))));
    }
    return out;
  }

  private static Map<String, byte[]> unzip(String fileName, byte[] content) throws UnreadableDocumentException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry e;
      int entries = 0;
      while ((e = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new UnreadableDocumentException(Reason.TOO_LARGE, "OFD 文件条目过多: " + fileName);
        }
        if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
          continue;
        }
        byte[] data = readCapped(zip, MAX_ENTRY_BYTES);
        if (data == null) {
          throw new UnreadableDocumentException(Reason.TOO_LARGE,
              "OFD 文件解压后过大（可能是压缩炸弹）: " + fileName + " 的 " + e.getName());
        }
        total += data.length;
        if (total > MAX_TOTAL_BYTES) {
          throw new UnreadableDocumentException(Reason.TOO_LARGE,
              "OFD 文件解压后过大（可能是压缩炸弹）: " + fileName);
        }
        files.put(normalise("", e.getName()), data);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableDocumentException(
          Reason.CORRUPT, "OFD 文件已损坏，无法解压: " + fileName + " (" + e.getMessage() + ")", e);
    }
    return files;
  }

  private static byte[] readCapped(InputStream in, long cap) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long n = 0;
    int r;
    while ((r = in.read(buf)) > 0) {
      n += r;
      if (n > cap) {
        return null;
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  private static DocumentBuilder secureBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be configured securely", e);
    }
  }

  private static Document parse(DocumentBuilder xml, byte[] bytes) throws SAXException, IOException {
    return xml.parse(new ByteArrayInputStream(bytes));
  }

  private static String text(Document d, String localName) {
    Element e = firstElement(d, localName);
    return e == null ? null : e.getTextContent().strip();
  }

  private static String first(Document d, String localName) {
    return text(d, localName);
  }

  private static Element firstElement(Document d, String localName) {
    NodeList l = d.getElementsByTagNameNS("*", localName);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  private static double[] box(String s, double[] fallback) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    String[] p = s.strip().split("\\s+");
    if (p.length != 4) {
      return fallback;
    }
    try {
      return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
          Double.parseDouble(p[3])};
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static double number(String s, double fallback) {
    try {
      return s == null || s.isBlank() ? fallback : Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  // Paths in OFD are relative to the referring file's folder, or absolute from the package root.
  private static String normalise(String dir, String path) {
    String p = path.replace('\\', '/');
    String joined = p.startsWith("/") ? p.substring(1) : dir + p;
    List<String> parts = new ArrayList<>();
    for (String s : joined.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(s);
    }
    return String.join("/", parts);
  }

  // Zip entry names are matched without regard to case, as some producers differ from their refs.
  private static String key(Map<String, byte[]> files, String path) {
    if (files.containsKey(path)) {
      return path;
    }
    for (String k : files.keySet()) {
      if (k.equalsIgnoreCase(path)) {
        return k;
      }
    }
    return path;
  }
}
