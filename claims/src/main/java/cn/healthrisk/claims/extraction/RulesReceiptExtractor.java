package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.extraction.ReceiptValues.Parsed;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads receipt fields from laid-out text by its printed labels: a value in the label's box, in
 * the next box to the right, or just below; the item table by its 项目名称/金额 header columns.
 * Stateless and thread-safe. A field that is not found stays null.
 */
public final class RulesReceiptExtractor {

  private static final Pattern NAME_WITH_AMOUNT =
      Pattern.compile("^(.*\\p{IsHan}.*?)[¥]?(\\d[\\d,]*\\.\\d{2})$");
  private static final Pattern DAYS_IN_STAY = Pattern.compile("共(\\d+(?:\\.\\d)?)天");
  private static final Pattern VISIT_KIND_LABEL = Pattern.compile("就诊类型|就医类型|医疗类别|业务类型|票据类型");
  private static final Pattern DOUBLE_READ_MASK = Pattern.compile("(\\d{6})\\d(\\*{8}[0-9]{3}[0-9Xx])");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern LABEL_WORD = Pattern.compile("[\\p{IsHan}()A-Za-z]{1,15}[\\p{IsHan})]:");
  private static final Pattern TWO_PLACES = Pattern.compile("\\d\\.\\d{2}(?!\\d)");
  private static final double FORMAT_PENALTY = 0.5;
  private static final double FUZZY_LABEL_PENALTY = 0.8;
  /** A name separated from the sex printed after it is a little less certain than a name alone. */
  private static final double GENDER_SPLIT_PENALTY = 0.9;
  /** OCR confidence of a figure box taken as the value without looking further right. */
  private static final double SURE_FIGURE = 0.8;
  private static final Pattern NAME_THEN_GENDER = Pattern.compile("([\\p{IsHan}·]{2,6}?)(\\s*)([男女])");
  /** An institution's name as a heading, optionally followed by the receipt title. */
  private static final Pattern HEADING_HOSPITAL = Pattern.compile(
      "(\\p{IsHan}{2,30}?(?:医院|卫生院|保健院|保健所|服务中心|服务站|医疗中心|诊所|门诊部|医务室|卫生室)"
          + "(?:\\(\\p{IsHan}{1,10}\\))?)"
          + "(?:(?:门诊|住院|急诊|医疗|收费|电子|专用|结算|票据|发票|收据|单|\\(机打\\))*)");
  /** A name taken from its position (the heading), not from a label. */
  private static final double HEADING_PENALTY = 0.9;
  private static final Pattern GENDER_LABEL = Pattern.compile("^性别:?");
  private static final List<String> TEXT_FIELDS =
      List.of("payerName", "hospitalName", "hospitalType", "insuranceType");

  /** Reads the fields of one document. */
  public ReceiptExtractionResult extract(DocumentText document) {
    State st = new State();
    for (int p = 0; p < document.pages().size(); p++) {
      OcrPage page = document.pages().get(p);
      List<TextBox> segments = split(page.boxes());
      List<List<TextBox>> lines = LayoutLines.group(segments);
      st.genderPrinted |= segments.stream().anyMatch(b -> GENDER_LABEL.matcher(ReceiptValues.compact(b.text())).find());
      Set<TextBox> consumed = new HashSet<>();
      if (st.items.isEmpty()) {
        readItems(p, lines, st, consumed);
      }
      readLabels(p, lines, st, consumed);
      if (p == 0) {
        readHeadingHospital(lines, st);
      }
    }
    DocumentType type = detectType(document, st.extra);
    ReceiptCrossChecks.repairAndCalibrate(st.values, st.items, st.confidence);
    Map<String, Object> values = new HashMap<>(st.values);
    values.put("items", List.copyOf(st.items));
    values.put("extra", Map.copyOf(st.extra));
    return new ReceiptExtractionResult(type, ReceiptFieldAccess.fromMap(values), st.confidence, st.sources);
  }

  /** Mutable accumulation of one document's reading. */
  private static final class State {
    final Map<String, Object> values = new LinkedHashMap<>();
    final Map<String, Double> confidence = new LinkedHashMap<>();
    final Map<String, FieldSource> sources = new LinkedHashMap<>();
    final List<ReceiptItem> items = new ArrayList<>();
    final Map<String, String> extra = new LinkedHashMap<>();
    /** The page prints the sex under a label of its own (性别：女), so no name has it appended. */
    boolean genderPrinted;
  }

  /**
   * Slips and many regional receipts print the hospital's name as their heading instead of under a
   * label (陕西省人民医院 / 门诊收费票据, or 某某医院门诊收费票据 in one line). Without a labelled
   * name, a heading line above every label whose text is a medical institution's name (ending in
   * 医院, 卫生院, 保健院, 卫生服务中心 …), optionally followed by the receipt's title, is taken.
   */
  private static void readHeadingHospital(List<List<TextBox>> lines, State st) {
    if (st.values.containsKey("hospitalName")) {
      return;
    }
    for (List<TextBox> line : lines) {
      if (line.stream().anyMatch(b -> isLabel(b) || ReceiptValues.compact(b.text()).indexOf(':') >= 0)) {
        return;
      }
      for (TextBox b : line) {
        Matcher m = HEADING_HOSPITAL.matcher(ReceiptValues.compact(b.text()));
        if (m.matches()) {
          put("hospitalName", m.group(1), true, b, b, 0, st);
          st.confidence.computeIfPresent("hospitalName", (f, c) -> c * HEADING_PENALTY);
          return;
        }
      }
    }
  }

  /** Splits boxes in which OCR or a text layer merged several "label: value" pairs. */
  static List<TextBox> split(List<TextBox> boxes) {
    List<TextBox> out = new ArrayList<>();
    for (TextBox b : splitAtSpacedLabels(boxes)) {
      String compact = ReceiptValues.compact(b.text());
      List<Integer> starts = ReceiptLabels.labelStarts(compact);
      if (compact.isEmpty()) {
        continue;
      }
      if (starts.isEmpty()) {
        out.add(b);
        continue;
      }
      List<Integer> cuts = new ArrayList<>();
      cuts.add(0);
      cuts.addAll(starts);
      cuts.add(compact.length());
      for (int i = 0; i + 1 < cuts.size(); i++) {
        int from = cuts.get(i);
        int to = cuts.get(i + 1);
        int x = b.x() + (int) ((long) b.width() * from / compact.length());
        int w = Math.max(1, (int) ((long) b.width() * (to - from) / compact.length()));
        out.add(new TextBox(compact.substring(from, to), b.confidence(), x, b.y(), w, b.height()));
      }
    }
    return out;
  }

  /**
   * A text layer or OCR line may hold several "label：value" pairs separated by spaces
   * (交款人：王丽 住院号：ZY1 科室：内科), some with labels no table knows: a space-separated
   * word whose colon follows a label (Han or a closing bracket, not a clock time's digits) starts a
   * box of its own; other words stay with the pair before them (2026-03-08 至 2026-03-15).
   */
  static List<TextBox> splitAtSpacedLabels(List<TextBox> boxes) {
    List<TextBox> out = new ArrayList<>();
    for (TextBox b : boxes) {
      String text = ReceiptValues.normalize(b.text()).strip();
      Matcher word = WORD.matcher(text);
      List<int[]> spans = new ArrayList<>();
      while (word.find()) {
        boolean label = LABEL_WORD.matcher(word.group()).lookingAt();
        if (spans.isEmpty() || label) {
          spans.add(new int[] {word.start(), word.end()});
        } else {
          spans.get(spans.size() - 1)[1] = word.end();
        }
      }
      if (spans.size() < 2) {
        out.add(b);
        continue;
      }
      for (int[] span : spans) {
        int x = b.x() + (int) ((long) b.width() * span[0] / text.length());
        int w = Math.max(1, (int) ((long) b.width() * (span[1] - span[0]) / text.length()));
        out.add(new TextBox(text.substring(span[0], span[1]), b.confidence(), x, b.y(), w, b.height()));
      }
    }
    return out;
  }

  private void readLabels(int page, List<List<TextBox>> lines, State st, Set<TextBox> consumed) {
    for (int li = 0; li < lines.size(); li++) {
      List<TextBox> line = lines.get(li);
      for (int k = 0; k < line.size(); k++) {
        TextBox seg = line.get(k);
        if (consumed.contains(seg)) {
          continue;
        }
        ReceiptLabels.Match m = ReceiptLabels.match(ReceiptValues.compact(seg.text()));
        if (m == null || gluedToText(m)) {
          continue;
        }
        consumed.add(seg);
        if (m.fuzzy()) {
          // A label read through an OCR error is weaker evidence for whatever follows it.
          seg = new TextBox(seg.text(), seg.confidence() * FUZZY_LABEL_PENALTY, seg.x(), seg.y(), seg.width(),
              seg.height());
        }
        if (readContinued(m, seg, lines.get(li), k, page, st, consumed)) {
          continue;
        }
        if (!m.value().isEmpty()) {
          if (m.field() == null) {
            st.extra.putIfAbsent(m.label(), m.value());
          } else {
            assign(m.field(), m.value(), seg, seg, page, st);
          }
          continue;
        }
        List<TextBox> candidates = neighbours(lines, li, k, consumed, m);
        if (m.field() == null) {
          // An unknown label takes only the box right of it: a box below may belong to anything.
          if (!candidates.isEmpty() && candidates.get(0).y() <= seg.bottom()) {
            st.extra.putIfAbsent(m.label(), ReceiptValues.compact(candidates.get(0).text()));
            consumed.add(candidates.get(0));
          }
          continue;
        }
        for (TextBox candidate : candidates) {
          if (assign(m.field(), candidate.text(), seg, candidate, page, st)) {
            consumed.add(candidate);
            // Pieces of amount words offered joined are used up with it.
            lines.get(li).stream().filter(b -> b.x() >= candidate.x() && b.right() <= candidate.right()
                && wordsField(m.field()) && ReceiptValues.looksLikeWords(b.text())).forEach(consumed::add);
            break;
          }
        }
      }
    }
  }

  /**
   * Without a colon, a label prefix followed by more Chinese is another word (个人账户余额,
   * 自费药品) unless the field itself is text or amount words.
   */
  private static boolean gluedToText(ReceiptLabels.Match m) {
    if (m.hadColon() || m.value().isEmpty() || !Character.UnicodeScript.of(m.value().codePointAt(0))
        .equals(Character.UnicodeScript.HAN)) {
      return false;
    }
    boolean textField = m.field() == null || TEXT_FIELDS.contains(m.field());
    boolean words = (m.field() != null && (m.field().equals("totalAmountInWords")
        || m.field().equals(ReceiptLabels.TOTAL_ANY))) && ReceiptValues.looksLikeWords(m.value());
    return !textField && !words;
  }

  /**
   * OCR often cuts a masked ID at the asterisks (330102 | ********1234), sometimes with the colon
   * in its own box: the boxes right of the label that continue it are read as one value.
   */
  private boolean readContinued(ReceiptLabels.Match m, TextBox label, List<TextBox> line, int k, int page,
      State st, Set<TextBox> consumed) {
    if (!"payerIdMasked".equals(m.field())) {
      return false;
    }
    String value = m.value();
    TextBox valueBox = label;
    List<TextBox> used = new ArrayList<>();
    boolean overlapping = false;
    for (int i = k + 1; i < line.size() && !completeMaskedId(value); i++) {
      TextBox next = line.get(i);
      String t = ReceiptValues.compact(next.text()).replaceFirst("^[:.,;·、]+", "");
      if (consumed.contains(next) || !t.matches("[0-9Xx*]+")) {
        break;
      }
      overlapping |= next.x() < valueBox.right();
      value += t;
      valueBox = next;
      used.add(next);
    }
    Matcher doubled = DOUBLE_READ_MASK.matcher(value);
    if (overlapping && doubled.matches()) {
      // Overlapping boxes read the same glyph twice (3702021 | ********7811): drop the repeat.
      value = doubled.group(1) + doubled.group(2);
    }
    if (used.isEmpty() || !assign(m.field(), value, label, valueBox, page, st)) {
      return false;
    }
    consumed.addAll(used);
    return true;
  }

  private static boolean completeMaskedId(String value) {
    return ReceiptValues.maskedId(value).map(Parsed::formatOk).orElse(false);
  }

  /**
   * The box to the right of a label, then the boxes below it that overlap it horizontally. For a
   * figure (amount, date, number) the boxes right of the label up to the first one with a digit are
   * all candidates: a seal's text or a stray mark often sits between a label and its figure
   * (个人现金： 收费专用章 955.20). Amount words OCR cut into pieces around such a mark are also
   * offered joined (贰佰保拾 | 医院 | 爱元陆角陆分).
   */
  private static List<TextBox> neighbours(
      List<List<TextBox>> lines, int li, int k, Set<TextBox> consumed, ReceiptLabels.Match m) {
    List<TextBox> out = new ArrayList<>();
    TextBox label = lines.get(li).get(k);
    List<TextBox> line = lines.get(li);
    int r = k + 1;
    // A colon OCR put in a box of its own sits between the label and its value.
    while (r < line.size() && ReceiptValues.compact(line.get(r).text()).matches("[:：.,;、]*")) {
      r++;
    }
    // In a row of column headings (姓名 性别 医保类型 …) the value is under the label, and the box
    // to its right is the next heading.
    if (r < line.size() && !isHeadingRow(line)) {
      List<TextBox> right = new ArrayList<>();
      for (int i = r; i < line.size(); i++) {
        TextBox b = line.get(i);
        if (consumed.contains(b)) {
          break;
        }
        if (isLabel(b)) {
          if (i == r && valueLikeLabel(m, line, i)) {
            right.add(b);
          }
          break;
        }
        right.add(b);
        if (!figureField(m.field()) && !wordsField(m.field()) || hasDigit(b) && b.confidence() >= SURE_FIGURE) {
          break;
        }
      }
      if (figureField(m.field())) {
        // A seal's digits read unsure (90 at 0.46) give way to a well-formed figure after them.
        right.sort(Comparator.comparing(b -> !wellFormed(m.field(), b)));
      }
      if (wordsField(m.field())) {
        List<TextBox> pieces = right.stream().filter(b -> ReceiptValues.looksLikeWords(b.text())).toList();
        if (pieces.size() > 1) {
          out.add(joined(pieces));
        }
      }
      out.addAll(right);
    }
    for (int below = li + 1; below < Math.min(lines.size(), li + 2); below++) {
      // A value may itself read like a label (医保类型 自费): under a heading row, a colon-less
      // box in a row that is not headings too is a value.
      boolean underHeadings = isHeadingRow(line) && !isHeadingRow(lines.get(below));
      lines.get(below).stream()
          .filter(b -> !consumed.contains(b) && (!isLabel(b)
              || underHeadings && ReceiptValues.compact(b.text()).indexOf(':') < 0))
          .filter(b -> horizontalOverlap(label, b) > 0)
          .filter(b -> b.y() - label.bottom() < 2 * label.height())
          .max(Comparator.comparingInt(b -> horizontalOverlap(label, b)))
          .ifPresent(out::add);
    }
    return out;
  }

  /**
   * A text field's value that happens to be a label word (医保类型： 自费): right after a label with a
   * colon, itself without colon or value, and with nothing right of it that could be its own value.
   */
  private static boolean valueLikeLabel(ReceiptLabels.Match m, List<TextBox> line, int i) {
    if (!m.hadColon() || !TEXT_FIELDS.contains(m.field()) || i != line.size() - 1) {
      return false;
    }
    ReceiptLabels.Match inner = ReceiptLabels.match(ReceiptValues.compact(line.get(i).text()));
    return inner != null && !inner.hadColon() && inner.value().isEmpty();
  }

  private static boolean wellFormed(String field, TextBox b) {
    return b.confidence() >= SURE_FIGURE
        && parse(ReceiptLabels.STAY.equals(field) ? "admissionDate"
            : ReceiptLabels.TOTAL_ANY.equals(field) ? "totalAmount" : field, b.text())
            .map(Parsed::formatOk).orElse(false);
  }

  private static boolean figureField(String field) {
    return field != null && !TEXT_FIELDS.contains(field) && !field.equals("checkCode")
        && !field.equals("payerIdMasked") && !field.equals("totalAmountInWords");
  }

  private static boolean wordsField(String field) {
    return "totalAmountInWords".equals(field) || ReceiptLabels.TOTAL_ANY.equals(field);
  }

  private static boolean hasDigit(TextBox b) {
    return b.text().chars().anyMatch(c -> c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19');
  }

  /** One box spanning the given boxes of a line, their texts joined. */
  private static TextBox joined(List<TextBox> boxes) {
    TextBox first = boxes.get(0);
    TextBox last = boxes.get(boxes.size() - 1);
    int top = boxes.stream().mapToInt(TextBox::y).min().orElse(first.y());
    int bottom = boxes.stream().mapToInt(TextBox::bottom).max().orElse(first.bottom());
    double confidence = boxes.stream().mapToDouble(TextBox::confidence).min().orElse(0);
    String text = String.join("", boxes.stream().map(b -> ReceiptValues.compact(b.text())).toList());
    return new TextBox(text, confidence, first.x(), top, last.right() - first.x(), bottom - top);
  }

  /** Three or more short word boxes without colons or digits, at least one a known label. */
  static boolean isHeadingRow(List<TextBox> line) {
    if (line.size() < 3) {
      return false;
    }
    boolean anyLabel = false;
    for (TextBox b : line) {
      String c = ReceiptValues.compact(b.text());
      if (c.length() > 8 || !c.matches("[\\p{IsHan}()]+")) {
        return false;
      }
      anyLabel |= isLabel(b);
    }
    return anyLabel;
  }

  private static boolean isLabel(TextBox b) {
    return ReceiptLabels.match(ReceiptValues.compact(b.text())) != null;
  }

  private static int horizontalOverlap(TextBox a, TextBox b) {
    return Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
  }

  /** Parses the raw value for the field and records it if the field is not yet set. */
  private boolean assign(String field, String rawText, TextBox label, TextBox valueBox, int page, State st) {
    // OCR sometimes leaves the label's colon at the start of the value box.
    String raw = ReceiptValues.normalize(rawText).strip().replaceFirst("^:\\s*", "");
    if (ReceiptLabels.TOTAL_ANY.equals(field)) {
      String target = ReceiptValues.looksLikeWords(raw) ? "totalAmountInWords" : "totalAmount";
      return assign(target, raw, label, valueBox, page, st);
    }
    if (ReceiptLabels.STAY.equals(field)) {
      List<LocalDate> dates = ReceiptValues.datesIn(ReceiptValues.fixDigits(ReceiptValues.compact(raw)));
      if (dates.size() < 2) {
        return false;
      }
      put("admissionDate", dates.get(0), true, label, valueBox, page, st);
      put("dischargeDate", dates.get(1), true, label, valueBox, page, st);
      Matcher days = DAYS_IN_STAY.matcher(ReceiptValues.compact(raw));
      if (days.find()) {
        put("hospitalDays", new BigDecimal(days.group(1)), true, label, valueBox, page, st);
      }
      return true;
    }
    if ("payerName".equals(field) && !st.genderPrinted) {
      Optional<String> name = nameBeforeGender(raw);
      if (name.isPresent()) {
        put(field, name.get(), true, label, valueBox, page, st);
        st.confidence.computeIfPresent(field, (f, c) -> c * GENDER_SPLIT_PENALTY);
        return true;
      }
    }
    Optional<? extends Parsed<?>> parsed = parse(field, raw);
    if (parsed.isEmpty()) {
      return false;
    }
    put(field, parsed.get().value(), parsed.get().formatOk(), label, valueBox, page, st);
    return true;
  }

  /**
   * A name with the sex printed after it in the same box (魏平 男, 万超文女), where no 性别 label of
   * its own holds the sex. With a space before 男/女 it is certainly the sex; without one a
   * three-character name ending in 男 after a character that often precedes it in given names
   * (亚男, 胜男, 若男) is kept whole.
   */
  static Optional<String> nameBeforeGender(String raw) {
    String s = ReceiptValues.normalize(raw).strip().replaceAll("^[:,.;、]+|[:,.;、]+$", "").strip();
    Matcher m = NAME_THEN_GENDER.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1).replaceAll("\\s+", "");
    boolean spaced = !m.group(2).isEmpty();
    if (!spaced && name.length() == 2 && m.group(3).equals("男") && "亚胜若".indexOf(name.charAt(1)) >= 0) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private static Optional<? extends Parsed<?>> parse(String field, String raw) {
    return switch (field) {
      case "invoiceCode" -> ReceiptValues.digits(raw, 8);
      case "invoiceNumber" -> ReceiptValues.digits(raw, 10);
      case "checkCode" -> ReceiptValues.code(raw);
      case "payerIdMasked" -> ReceiptValues.maskedId(raw);
      case "payerName" -> text(raw, "[\\p{IsHan}·]{2,8}");
      case "hospitalName", "hospitalType", "insuranceType" -> text(raw, "[\\p{IsHan}()A-Za-z0-9·]+");
      case "issueDate", "visitDate", "admissionDate", "dischargeDate" -> ReceiptValues.date(raw);
      case "hospitalDays" -> ReceiptValues.days(raw);
      case "totalAmountInWords" -> ReceiptValues.amountWords(raw);
      case "totalAmount", "fundPayment", "otherPayment", "personalAccountPayment",
          "personalCashPayment", "selfPayPortion", "selfExpense" -> printedAmount(raw);
      default -> throw new IllegalArgumentException("no parser for " + field);
    };
  }

  /**
   * Receipts print every amount with two decimals: one read with fewer (4436.9, 7082) has lost
   * digits to OCR, so its format is not ok.
   */
  private static Optional<Parsed<BigDecimal>> printedAmount(String raw) {
    boolean twoPlaces = TWO_PLACES.matcher(ReceiptValues.compact(raw)).find();
    return ReceiptValues.amount(raw).map(p -> new Parsed<>(p.value(), p.formatOk() && twoPlaces));
  }

  private static Optional<Parsed<String>> text(String raw, String expected) {
    String s = ReceiptValues.compact(raw).replaceAll("^[:,.;、]+|[:,.;、]+$", "");
    // A bracket OCR took from a frame line or seal edge has no partner in the name.
    if (s.startsWith("(") && s.indexOf(')') < 0) {
      s = s.substring(1);
    }
    if (s.endsWith(")") && s.indexOf('(') < 0) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Parsed<>(s, s.matches(expected)));
  }

  private static void put(
      String field, Object value, boolean formatOk, TextBox label, TextBox valueBox, int page, State st) {
    if (st.values.containsKey(field)) {
      return;
    }
    st.values.put(field, value);
    double c = Math.min(label.confidence(), valueBox.confidence()) * (formatOk ? 1 : FORMAT_PENALTY);
    st.confidence.put(field, c);
    st.sources.put(field, new FieldSource(page, valueBox.text(), valueBox));
  }

  private void readItems(int page, List<List<TextBox>> lines, State st, Set<TextBox> consumed) {
    for (int li = 0; li < lines.size() && st.items.isEmpty(); li++) {
      List<TextBox> header = lines.get(li);
      boolean names = header.stream().anyMatch(RulesReceiptExtractor::isNameHeader);
      boolean amounts = header.stream().anyMatch(RulesReceiptExtractor::isAmountHeader);
      if (names && amounts) {
        readColumnTable(page, lines, li, st, consumed);
        if (st.items.isEmpty()) {
          // Rows a text layer merged into one run do not fall into the header's columns.
          readTextTable(page, lines, li, st, consumed);
        }
      } else if (header.stream().anyMatch(RulesReceiptExtractor::isMergedHeader)) {
        readTextTable(page, lines, li, st, consumed);
      }
    }
    if (st.items.isEmpty()) {
      readStackedItems(page, lines, st, consumed);
    }
  }

  /**
   * Items printed as a row of names over a row of amounts (挂号费 诊察费 … / 1.00 10.00 …), with no
   * 项目/金额 heading: every name needs exactly one amount under it, else the rows are not items.
   */
  private void readStackedItems(int page, List<List<TextBox>> lines, State st, Set<TextBox> consumed) {
    double minConfidence = 1.0;
    List<FieldSource> itemSources = new ArrayList<>();
    for (int li = 0; li + 1 < lines.size(); li++) {
      List<TextBox> names = lines.get(li);
      List<TextBox> amounts = lines.get(li + 1);
      // One name over one amount is an item only when the name is a standard charge category.
      boolean single = names.size() == 1 && ReceiptCrossChecks.isCategory(ReceiptValues.compact(names.get(0).text()));
      if (names.size() < 2 && !single || names.size() != amounts.size()
          || !names.stream().allMatch(b -> !consumed.contains(b) && isItemName(b))
          || !amounts.stream().allMatch(b -> !consumed.contains(b)
              && ReceiptValues.compact(b.text()).replace("¥", "").matches("\\d[\\d,]*\\.\\d{2}"))) {
        continue;
      }
      boolean aligned = true;
      for (int i = 0; i < names.size() && aligned; i++) {
        aligned = horizontalOverlap(names.get(i), amounts.get(i)) > 0;
      }
      if (!aligned) {
        continue;
      }
      for (int i = 0; i < names.size(); i++) {
        TextBox name = names.get(i);
        TextBox amount = amounts.get(i);
        Optional<Parsed<BigDecimal>> value = ReceiptValues.amount(amount.text());
        if (value.isEmpty()) {
          continue;
        }
        st.items.add(new ReceiptItem(ReceiptValues.compact(name.text()), value.get().value()));
        minConfidence = Math.min(minConfidence, Math.min(name.confidence(), amount.confidence()));
        consumed.add(name);
        consumed.add(amount);
        itemSources.add(new FieldSource(page, amount.text(), amount));
      }
      li++;
    }
    recordItems(st, minConfidence, true, itemSources);
  }

  private static boolean isItemName(TextBox b) {
    String c = ReceiptValues.compact(b.text());
    return c.matches("\\p{IsHan}{2,10}") && !isLabel(b) && !c.matches(".*(合计|大写|小写|金额|项目|名称).*");
  }

  private static boolean isNameHeader(TextBox b) {
    String c = ReceiptValues.compact(b.text());
    return c.length() <= 8 && c.indexOf(':') < 0 && c.matches(".*(项目|名称|类别|费别).*")
        && !c.contains("金额") && !c.contains("编码");
  }

  private static boolean isAmountHeader(TextBox b) {
    String c = ReceiptValues.compact(b.text());
    return c.length() <= 8 && c.indexOf(':') < 0 && c.contains("金额")
        && !c.matches(".*(合计|大写|小写|项目).*");
  }

  private static boolean isMergedHeader(TextBox b) {
    String c = ReceiptValues.compact(b.text());
    return c.indexOf(':') < 0 && c.matches(".*项目.*金额.*");
  }

  /** The table ends at its total line or where labelled fields start under it. */
  private static boolean endsTable(List<TextBox> line) {
    return line.stream().map(b -> ReceiptValues.compact(b.text()))
        .anyMatch(c -> c.contains("合计") || c.contains("大写") || c.contains("小写") || c.startsWith("小计"));
  }

  private void readColumnTable(int page, List<List<TextBox>> lines, int li, State st, Set<TextBox> consumed) {
    List<TextBox> header = lines.get(li);
    int n = header.size();
    double[] bounds = new double[n + 1];
    bounds[0] = Double.NEGATIVE_INFINITY;
    for (int i = 1; i < n; i++) {
      // Half-way across the gap between the headings: names printed flush left under a centred
      // heading reach further left than half-way between the headings' centres.
      bounds[i] = (header.get(i - 1).right() + header.get(i).x()) / 2.0;
    }
    // The last column reaches a little past its header: right-aligned amounts overhang it.
    bounds[n] = header.get(n - 1).right() + 1.5 * header.get(n - 1).width();
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!isNameHeader(header.get(i))) {
        continue;
      }
      for (int j = i + 1; j < n && !isNameHeader(header.get(j)); j++) {
        if (isAmountHeader(header.get(j))) {
          pairs.add(new int[] {i, j});
          break;
        }
      }
    }
    double minConfidence = 1.0;
    boolean allOk = true;
    List<FieldSource> itemSources = new ArrayList<>();
    for (int r = li + 1; r < lines.size(); r++) {
      List<TextBox> row = lines.get(r);
      if (endsTable(row)) {
        break;
      }
      for (int[] pair : pairs) {
        List<TextBox> nameBoxes = inColumn(row, bounds[pair[0]], bounds[pair[0] + 1]);
        List<TextBox> amountBoxes = inColumn(row, bounds[pair[1]], bounds[pair[1] + 1]);
        if (nameBoxes.isEmpty()) {
          continue;
        }
        String name = String.join("", nameBoxes.stream().map(b -> ReceiptValues.compact(b.text())).toList());
        Optional<Parsed<BigDecimal>> amount = amountBoxes.isEmpty()
            ? Optional.empty() : ReceiptValues.amount(amountBoxes.get(0).text());
        TextBox amountBox = amountBoxes.isEmpty() ? nameBoxes.get(nameBoxes.size() - 1) : amountBoxes.get(0);
        if (amount.isEmpty()) {
          Matcher m = NAME_WITH_AMOUNT.matcher(name);
          if (!m.matches()) {
            continue;
          }
          name = m.group(1);
          amount = ReceiptValues.amount(m.group(2));
        }
        if (amount.isEmpty() || !name.matches(".*\\p{IsHan}.*") || name.indexOf(':') >= 0) {
          continue;
        }
        st.items.add(new ReceiptItem(name, amount.get().value()));
        allOk &= amount.get().formatOk();
        for (TextBox b : nameBoxes) {
          minConfidence = Math.min(minConfidence, b.confidence());
          consumed.add(b);
        }
        minConfidence = Math.min(minConfidence, amountBox.confidence());
        consumed.addAll(amountBoxes);
        itemSources.add(new FieldSource(page, amountBox.text(), amountBox));
      }
    }
    recordItems(st, minConfidence, allOk, itemSources);
  }

  /**
   * Rows read as text: each Chinese word (not a one-character unit such as 次 or 盒) starts an
   * item, and the last two-decimal amount before the next one is its 金额 (after 单价).
   */
  private void readTextTable(int page, List<List<TextBox>> lines, int li, State st, Set<TextBox> consumed) {
    double minConfidence = 1.0;
    List<FieldSource> itemSources = new ArrayList<>();
    for (int r = li + 1; r < lines.size(); r++) {
      List<TextBox> row = lines.get(r);
      if (endsTable(row)) {
        break;
      }
      for (TextBox b : row) {
        if (consumed.contains(b) || ReceiptValues.compact(b.text()).indexOf(':') >= 0) {
          continue;
        }
        int before = st.items.size();
        String name = null;
        String amount = null;
        for (String token : ReceiptValues.normalize(b.text()).strip().split("\\s+")) {
          Matcher glued = NAME_WITH_AMOUNT.matcher(token);
          if (glued.matches()) {
            addTextItem(st, name, amount);
            name = glued.group(1);
            amount = glued.group(2);
          } else if (token.matches(".*\\p{IsHan}.*") && token.codePointCount(0, token.length()) > 1) {
            addTextItem(st, name, amount);
            name = token;
            amount = null;
          } else if (token.matches("[¥]?(\\d{1,3}(,\\d{3})+|\\d+)\\.\\d{2}")) {
            amount = token.replace("¥", "");
          }
        }
        addTextItem(st, name, amount);
        if (st.items.size() > before) {
          minConfidence = Math.min(minConfidence, b.confidence());
          consumed.add(b);
          for (int i = before; i < st.items.size(); i++) {
            itemSources.add(new FieldSource(page, b.text(), b));
          }
        }
      }
    }
    recordItems(st, minConfidence, true, itemSources);
  }

  private static void addTextItem(State st, String name, String amount) {
    if (name != null && amount != null && ReceiptLabels.match(ReceiptValues.compact(name)) == null) {
      st.items.add(new ReceiptItem(ReceiptValues.compact(name), ReceiptValues.toMoney(amount)));
    }
  }

  private static void recordItems(State st, double confidence, boolean formatOk, List<FieldSource> sources) {
    if (st.items.isEmpty()) {
      return;
    }
    st.confidence.put("items", confidence * (formatOk ? 1 : FORMAT_PENALTY));
    for (int i = 0; i < sources.size(); i++) {
      st.sources.put("items[" + i + "]", sources.get(i));
    }
  }

  private static List<TextBox> inColumn(List<TextBox> row, double from, double to) {
    return row.stream().filter(b -> centerX(b) >= from && centerX(b) < to).toList();
  }

  private static double centerX(TextBox b) {
    return b.x() + b.width() / 2.0;
  }

  /** The kind from the title (门诊/住院 with 票据/发票/收据), else from a 就诊类型 field, else OTHER. */
  static DocumentType detectType(DocumentText document, Map<String, String> extra) {
    for (OcrPage page : document.pages()) {
      // The title may share a text-layer line with a labelled pair (…住院收费电子票据 票据号码：…).
      List<TextBox> byY = new ArrayList<>(splitAtSpacedLabels(page.boxes()));
      byY.sort(Comparator.comparingInt(TextBox::y));
      for (TextBox b : byY) {
        String c = ReceiptValues.compact(b.text());
        if (c.indexOf(':') >= 0 || !c.matches(".*(票据|发票|收据|结算单|收费单).*")) {
          continue;
        }
        Optional<DocumentType> kind = kindOf(c);
        if (kind.isPresent()) {
          return kind.get();
        }
      }
    }
    for (Map.Entry<String, String> e : extra.entrySet()) {
      if (VISIT_KIND_LABEL.matcher(e.getKey()).matches()) {
        Optional<DocumentType> kind = kindOf(e.getValue());
        if (kind.isPresent()) {
          return kind.get();
        }
      }
    }
    return DocumentType.OTHER;
  }

  private static Optional<DocumentType> kindOf(String text) {
    if (text.contains("住院")) {
      return Optional.of(DocumentType.INPATIENT_RECEIPT);
    }
    if (text.contains("门诊") || text.contains("急诊")) {
      return Optional.of(DocumentType.OUTPATIENT_RECEIPT);
    }
    return Optional.empty();
  }
}
