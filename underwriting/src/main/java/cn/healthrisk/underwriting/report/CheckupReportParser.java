package cn.healthrisk.underwriting.report;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a Chinese checkup report (体检报告) into result rows and descriptive text, section by
 * section: laboratory tables (血常规, 肝功能, 血脂, 乙肝五项, 肿瘤标志物 ...), the general and clinical
 * examinations, imaging (彩超, 胸部CT, 心电图 ...) and the summary (总检结论, 异常汇总).
 *
 * <p>Layouts vary between hospitals, and OCR adds its own noise, so rows are read token by token rather
 * than by column: a name, then a result, then in any order a unit, a reference range, a flag (↑, ↓, H, L)
 * and a qualitative word; a row may also be written "ALT 85 U/L (9-50) ↑", "谷丙转氨酶：85", with two
 * results on one line, or with its name on one line and its result on the next. Common OCR confusions in
 * numbers and units are undone (8S → 85, mmo1/L → mmol/L).
 *
 * <p>The parser knows no indicator: it keeps every row, and the engine judges them by the knowledge
 * base. The report's header (name, ID number, phone) and advice are not kept. Pure and thread-safe.
 */
public final class CheckupReportParser {

  /** What a section holds, which decides how its lines are read. */
  enum Kind {
    /** Before the first section: the applicant's particulars, read only for the report date. */
    HEADER,
    LAB,
    /** General and clinical examinations: results (血压, 身高) and findings in words. */
    EXAM,
    IMAGING,
    /** 总检结论, 异常汇总: one entry per abnormal finding. */
    SUMMARY,
    ADVICE
  }

  private static final Pattern SUMMARY_HEADING = Pattern.compile(
      "总检|主检|体检结论|体检小结|小结|异常汇总|异常结果|异常项目|阳性结果|阳性发现|重要异常|结论与建议|结论及建议|综合结论|综述|检查结论汇总");
  /** Advice headings, matched whole: "建议" inside a summary entry is no heading. */
  private static final Pattern ADVICE_HEADING = Pattern.compile(
      "(健康|医生|医师|生活方式|饮食|运动|专家|主检)?(建议|指导|处方|指导意见)(与指导|及指导|与建议)?|温馨提示|注意事项");
  /** Words of a finding: a line holding them says what was found, it does not open a section. */
  private static final Pattern FINDING_WORD = Pattern.compile(
      "升高|偏高|增高|降低|偏低|减低|异常|阳性|阴性|未见|正常|窦性|结节|增生|囊肿|息肉|炎|肿大|钙化|斑块|不齐|过缓|过速");
  private static final Pattern IMAGING_HEADING = Pattern.compile(
      "彩超|超声|B超|CT|X线|X光|DR|胸片|心电图|磁共振|MRI|钼靶|脑电图|眼底照相|胃镜|肠镜|内镜|影像|放射|经颅多普勒|TCD|"
          + "动脉硬化|肺功能|骨密度|病理|细胞学|TCT|HPV", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXAM_HEADING = Pattern.compile(
      "一般检查|一般情况|一般项目|体格检查|内科|外科|眼科|耳鼻喉|口腔|妇科|皮肤科|男科|五官科|血压测量|人体成分");
  private static final Pattern LAB_HEADING = Pattern.compile(
      "血常规|血细胞|血液分析|肝功|肾功|血脂|血糖|糖化|糖代谢|乙肝|乙型肝炎|两对半|肿瘤标志|肿瘤标记|甲状腺功能|甲功|尿常规|尿液|便常规|"
          + "大便|粪便|电解质|凝血|心肌酶|生化|免疫|检验|化验|风湿|同型半胱氨酸|幽门螺杆菌|呼气试验|性激素|微量元素|丙肝|梅毒|"
          + "艾滋|传染病|血型|血流变|血沉|维生素|胰岛素|C肽|前列腺特异");
  /** A heading is short and names its subject; this is the longest heading expected. */
  private static final int MAX_HEADING = 18;

  /** Column headings of a result table (项目 结果 单位 参考范围 提示). */
  private static final Pattern TABLE_HEADER_WORD = Pattern.compile(
      "项目|名称|结果|单位|参考|范围|提示|标志|正常值|检测值|测定值|缩写|英文");

  /** Labels of the applicant's particulars and of signatures: never results. */
  private static final Pattern PERSONAL = Pattern.compile(
      "姓名|性别|年龄|出生|身份证|证件|电话|手机|联系|地址|单位|部门|工号|编号|体检号|档案号|条码|卡号|登记号|婚否|婚姻|民族|籍贯|套餐|"
          + "日期|时间|医生|医师|审核|检验者|报告人|签名|签字|操作者|打印|页码|体检中心|医院");
  private static final Pattern PAGE_NUMBER = Pattern.compile("第\\s*\\d+\\s*页|共\\s*\\d+\\s*页|^\\d+\\s*/\\s*\\d+$");

  private static final Pattern DATE = Pattern.compile(
      "(体检|检查|报告|打印|采样|检测|登记)?\\s*(?:日期|时间)\\s*:?\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");

  private static final Pattern DECORATION_START = Pattern.compile(
      "^[\\s【\\[(<《■□●○◆◇★☆※▶►▲△·•\\-—*#=]+");
  private static final Pattern NUMBERING = Pattern.compile("^([一二三四五六七八九十]{1,3}|\\d{1,2})\\s*[、.．)）]\\s*");
  private static final Pattern DECORATION_END = Pattern.compile("[\\s】\\]）)》>:=]+$");
  /** The start of a summary entry: a number, a circled number (folded to a digit) or a bullet. */
  private static final Pattern ENTRY_START = Pattern.compile(
      "^\\s*(([一二三四五六七八九十]{1,3}|\\d{1,2})\\s*[、.．)）:]|\\(\\d{1,2}\\)|[★☆●○◆◇■□▲△※•·*\\-])\\s*");
  private static final Pattern ADVICE_TAIL = Pattern.compile(
      "([,;:]|\\.(?!\\d)|\\s)\\s*(建议|请|宜|应|需|定期|注意|必要时|随诊|随访|复查).*$");

  /** Description and conclusion labels inside an imaging section. */
  private static final Pattern DESCRIPTION_LABEL = Pattern.compile(
      "^(检查所见|超声所见|影像所见|影像表现|检查描述|超声描述|所见|描述)\\s*:?\\s*");
  private static final Pattern CONCLUSION_LABEL = Pattern.compile(
      "^(检查结论|检查提示|超声提示|超声诊断|影像诊断|诊断意见|诊断结论|印象|结论|提示|意见|诊断)\\s*:?\\s*");

  private static final Pattern NUMBER = Pattern.compile("[<>≤≥]?-?\\d+(?:\\.\\d+)?");
  private static final Pattern PAIR = Pattern.compile("\\d{2,3}/\\d{2,3}");
  private static final Pattern QUALITATIVE = Pattern.compile(
      "阴性|阳性|弱阳性|可疑阳性|阴性\\(-\\)|阳性\\(\\+\\)|\\(-\\)|\\(\\+{1,4}\\)|\\(±\\)|-|\\+{1,4}|±|\\+-|[1-4]\\+|"
          + "未检出|检出|正常|NEGATIVE|POSITIVE|NEG|POS", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE = Pattern.compile(
      "\\(?[<>≤≥]?\\d+(?:\\.\\d+)?(?:-{1,2}|~|—|–)\\d+(?:\\.\\d+)?\\)?|\\([<>≤≥]=?\\d+(?:\\.\\d+)?\\)");
  private static final Pattern BOUND = Pattern.compile("[<>≤≥]=?\\d+(?:\\.\\d+)?");
  private static final Pattern FLAG = Pattern.compile("↑{1,2}|↓{1,2}|H{1,2}|L{1,2}|高|低|偏高|偏低|\\*|▲|▼");
  private static final Pattern UNIT = Pattern.compile(
      "10\\^\\d{1,2}/[μ]?L|%|‰|mmHg|kPa|cm|mm|kg|kg/m2|次/分钟?|次/min|bpm|fL|fl|pg|S/CO|COI|s|秒|拷贝/mL|"
          + "[a-zA-Zμ]{1,6}/[a-zA-Zμ0-9.]{1,8}(?:/[0-9.]+m2)?", Pattern.CASE_INSENSITIVE);
  /** Characters OCR puts where digits belong, and the digits they stand for. */
  private static final String OCR_DIGIT_FROM = "OoDIl|SB";
  private static final String OCR_DIGIT_TO = "00011158";
  private static final Pattern NEARLY_NUMBER = Pattern.compile("[<>≤≥]?[0-9OoDIl|SB]+(?:[.,。][0-9OoDIl|SB]+)?");

  /** A number glued to what follows it: "85U/L", "6.8mmol/L", "135/85mmHg", "85↑". */
  private static final Pattern GLUED_NUMBER =
      Pattern.compile("^([<>≤≥]?\\d+(?:\\.\\d+)?(?:/\\d+)?)(?![x×*X]\\d)([a-zA-Zμ%‰↑↓次].*)$");
  /** A result glued to the name before it: "血红蛋白135", "谷丙转氨酶(ALT)85". */
  private static final Pattern GLUED_NAME = Pattern.compile("^(.*[\\p{IsHan})\\]])([<>≤≥]?\\d+(?:\\.\\d+)?(?:/\\d+)?)$");
  private static final Pattern TRAILING_FLAG = Pattern.compile("^(.+?)(↑{1,2}|↓{1,2})$");

  /** Reads a document's layout: its boxes are grouped into lines, page after page. */
  public ParsedReport parse(ReportLayout layout) {
    List<String> lines = new ArrayList<>();
    for (ReportLayout.Page page : layout.pages()) {
      lines.addAll(lines(page));
    }
    return parseLines(lines);
  }

  /** Reads lines of text, as given; cells of a row may be separated by any whitespace. */
  public ParsedReport parseLines(List<String> rawLines) {
    List<String> lines = new ArrayList<>();
    for (String raw : rawLines) {
      String line = normalise(raw);
      if (!line.isEmpty() && !(PAGE_NUMBER.matcher(line).find() && line.length() < 20)) {
        lines.add(line);
      }
    }
    Reading r = new Reading();
    r.lines = lines.size();
    for (int i = 0; i < lines.size(); i++) {
      r.line(lines.get(i), i + 1 < lines.size() ? lines.get(i + 1) : "");
    }
    r.endSection();
    return new ParsedReport(r.reportDate(), r.items, r.texts, r.lines);
  }

  /** The lines of a page: boxes whose vertical centres are close form one line, read left to right. */
  static List<String> lines(ReportLayout.Page page) {
    List<ReportLayout.Box> boxes = page.boxes().stream()
        .filter(b -> b.text() != null && !b.text().isBlank())
        .sorted(Comparator.comparingDouble((ReportLayout.Box b) -> b.y() + b.height() / 2.0)
            .thenComparingInt(ReportLayout.Box::x))
        .toList();
    List<Row> rows = new ArrayList<>();
    for (ReportLayout.Box b : boxes) {
      Row row = null;
      // Rows come in order of their centres: a box can only belong to one of the last few.
      for (int i = rows.size() - 1; i >= Math.max(0, rows.size() - 3) && row == null; i--) {
        if (rows.get(i).takes(b)) {
          row = rows.get(i);
        }
      }
      if (row == null) {
        row = new Row();
        rows.add(row);
      }
      row.add(b);
    }
    return rows.stream().map(Row::text).toList();
  }

  private static final class Row {
    private final List<ReportLayout.Box> boxes = new ArrayList<>();
    private double centre;
    private double height;

    boolean takes(ReportLayout.Box b) {
      double c = b.y() + b.height() / 2.0;
      return Math.abs(c - centre) <= 0.45 * Math.min(Math.max(1, b.height()), height);
    }

    void add(ReportLayout.Box b) {
      boxes.add(b);
      double n = boxes.size();
      centre = centre + ((b.y() + b.height() / 2.0) - centre) / n;
      height = height + (Math.max(1, b.height()) - height) / n;
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      boxes.stream().sorted(Comparator.comparingInt(ReportLayout.Box::x))
          .forEach(b -> sb.append(sb.length() == 0 ? "" : "  ").append(b.text().strip()));
      return sb.toString();
    }
  }

  /** Full-width forms to ASCII, superscript exponents kept as exponents, table rules to spaces. */
  static String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      int sup = "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
      if (sup >= 0) {
        // 10⁹/L: NFKC alone would make it 109/L.
        if (i == 0 || "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(raw.charAt(i - 1)) < 0) {
          sb.append('^');
        }
        sb.append((char) ('0' + sup));
      } else {
        sb.append(c);
      }
    }
    String s = Normalizer.normalize(sb, Normalizer.Form.NFKC);
    s = s.replace('。', '.').replace('|', ' ').replace('│', ' ').replace('┃', ' ')
        .replace('\t', ' ');
    // A label's colon ends the label: "血压:135/85" reads as "血压: 135/85". Times (08:30) keep theirs.
    s = s.replaceAll("([\\p{IsHan}A-Za-z)\\]])\\s*:\\s*", "$1: ");
    // "9 - 50", "3.9 -- 6.1", "135 / 85": one token.
    s = s.replaceAll("(\\d)\\s*(-{1,2}|~|—|–)\\s*(\\d)", "$1$2$3");
    s = s.replaceAll("(\\d)\\s*/\\s*(\\d)", "$1/$2");
    // "CA 19-9", "CA 125", "CYFRA 21-1": the number belongs to the name.
    s = s.replaceAll("\\b(CA|Ca|CYFRA|Cyfra)\\s+(\\d{2,3}(?:-\\d)?)\\b", "$1$2");
    return s.strip().replaceAll("\\s+", " ");
  }

  /** The report's text with the part that decorates or numbers it removed. */
  static String stripDecoration(String line) {
    String s = DECORATION_START.matcher(line).replaceFirst("");
    s = NUMBERING.matcher(s).replaceFirst("");
    s = DECORATION_START.matcher(s).replaceFirst("");
    return DECORATION_END.matcher(s).replaceFirst("").strip();
  }

  /** The kind of section a line opens, or null when it is no heading. */
  static Kind heading(String line) {
    String s = stripDecoration(line).replace(" ", "");
    if (s.isEmpty() || s.length() > MAX_HEADING || s.contains(":") || hasResult(s) || s.matches(".*[,;、.。，；].*")) {
      return null;
    }
    if (SUMMARY_HEADING.matcher(s).find()) {
      return Kind.SUMMARY;
    }
    if (ADVICE_HEADING.matcher(s).matches()) {
      return Kind.ADVICE;
    }
    if (FINDING_WORD.matcher(s).find()) {
      return null;
    }
    if (LAB_HEADING.matcher(s).find()) {
      return Kind.LAB;
    }
    if (IMAGING_HEADING.matcher(s).find()) {
      return Kind.IMAGING;
    }
    if (EXAM_HEADING.matcher(s).find()) {
      return Kind.EXAM;
    }
    return null;
  }

  private static boolean hasResult(String s) {
    return s.matches(".*\\d+(\\.\\d+)?\\s*(mmol|μmol|U/L|g/L|mmHg|%|ng|pg|IU).*") || s.contains("阳性")
        || s.contains("阴性") || s.matches(".*\\d{2,3}/\\d{2,3}.*");
  }

  /** What a token is in a result row. */
  enum Token {
    NUMBER, PAIR, QUALITATIVE, RANGE, FLAG, UNIT, NAME, NOISE
  }

  static Token classify(String t) {
    if (PAIR.matcher(t).matches()) {
      return Token.PAIR;
    }
    if (NUMBER.matcher(t).matches()) {
      return Token.NUMBER;
    }
    if (QUALITATIVE.matcher(t).matches()) {
      return Token.QUALITATIVE;
    }
    if (RANGE.matcher(t).matches()) {
      return Token.RANGE;
    }
    if (FLAG.matcher(t).matches()) {
      return Token.FLAG;
    }
    if (UNIT.matcher(t).matches()) {
      return Token.UNIT;
    }
    if (t.codePoints().anyMatch(c -> Character.isLetter(c))) {
      return Token.NAME;
    }
    return Token.NOISE;
  }

  /** A token OCR may have spoilt into letters where digits belong ("8S", "1O.2", "5,2"), read as a number. */
  static String ocrNumber(String t) {
    if (!NEARLY_NUMBER.matcher(t).matches() || t.chars().noneMatch(Character::isDigit)) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (char c : t.toCharArray()) {
      int k = OCR_DIGIT_FROM.indexOf(c);
      sb.append(k >= 0 ? OCR_DIGIT_TO.charAt(k) : c == ',' || c == '。' ? '.' : c);
    }
    String s = sb.toString();
    return NUMBER.matcher(s).matches() ? s : null;
  }

  /** Units as the knowledge base writes them: OCR's and typists' variants undone. */
  static String canonicalUnit(String unit) {
    String u = unit.replace('µ', 'μ');
    u = u.replaceAll("^[uU](?=(mol|g|IU|U)/)", "μ");
    u = u.replaceAll("(?i)mo[1I|]/", "mol/").replaceAll("(?i)/[1I|]$", "/L");
    u = u.replaceAll("^[×xX*]?\\s*10\\s*[\\^*~eE]?\\s*(9|12)\\s*/\\s*L$", "10^$1/L");
    u = u.replaceAll("(?i)^mg/dl$", "mg/dL").replaceAll("(?i)^iu/ml$", "IU/mL").replaceAll("(?i)^ng/ml$", "ng/mL")
        .replaceAll("(?i)^u/l$", "U/L").replaceAll("(?i)^mmol/l$", "mmol/L").replaceAll("(?i)^g/l$", "g/L")
        .replaceAll("(?i)^u/ml$", "U/mL").replaceAll("(?i)^pg/ml$", "pg/mL").replaceAll("(?i)^mmhg$", "mmHg");
    return u;
  }

  /** Splits glued tokens: a number and its unit or flag, a name and its result, a value and its arrow. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    for (String raw : line.split(" ")) {
      split(raw, out);
    }
    return out;
  }

  private static void split(String t, List<String> out) {
    if (t.isEmpty()) {
      return;
    }
    // "8S" is 85 misread, not 8 seconds; "mmo1/L" is a unit.
    if (classify(t) != Token.NAME || t.endsWith(":") || ocrNumber(t) != null) {
      out.add(t);
      return;
    }
    String unit = canonicalUnit(t);
    if (UNIT.matcher(unit).matches()) {
      out.add(unit);
      return;
    }
    Matcher glued = GLUED_NUMBER.matcher(t);
    if (glued.matches()) {
      out.add(glued.group(1));
      split(glued.group(2), out);
      return;
    }
    Matcher flag = TRAILING_FLAG.matcher(t);
    if (flag.matches()) {
      split(flag.group(1), out);
      out.add(flag.group(2));
      return;
    }
    Matcher named = GLUED_NAME.matcher(t);
    if (named.matches() && !named.group(1).isEmpty()) {
      out.add(named.group(1));
      out.add(named.group(2));
      return;
    }
    out.add(t);
  }

  /** The state of one report being read, line by line. */
  private static final class Reading {
    final List<ReportItem> items = new ArrayList<>();
    final List<ReportText> texts = new ArrayList<>();
    int lines;
    Kind kind = Kind.HEADER;
    String section;
    LocalDate checkupDate;
    LocalDate otherDate;
    /** A row's name printed alone, waiting for its result on the next line. */
    String pendingName;
    /** The summary entry being read, which may continue on the next line. */
    StringBuilder entry;
    /** An imaging section's description and conclusion so far. */
    StringBuilder description = new StringBuilder();
    StringBuilder conclusion = new StringBuilder();
    boolean inConclusion;

    LocalDate reportDate() {
      return checkupDate != null ? checkupDate : otherDate;
    }

    /** Reads one line; {@code next} is the line after it (empty at the end), to tell a name from a heading. */
    void line(String line, String next) {
      date(line);
      boolean resultNext = startsWithResult(next);
      Kind opened = heading(line);
      // "糖化血红蛋白" alone with "6.8 %" on the next line is a row's name, not a section.
      if (opened != null && !(resultNext && opened == Kind.LAB && (kind == Kind.LAB || kind == Kind.EXAM))) {
        endSection();
        kind = opened;
        section = stripDecoration(line).replace(" ", "");
        return;
      }
      String pending = pendingName;
      pendingName = null;
      switch (kind) {
        case HEADER, LAB -> rows(line, pending, resultNext);
        case EXAM -> exam(line, pending, resultNext);
        case IMAGING -> imaging(line);
        case SUMMARY -> summary(line);
        case ADVICE -> { }
        default -> throw new IllegalStateException(kind.name());
      }
    }

    void date(String line) {
      Matcher m = DATE.matcher(line);
      if (!m.find()) {
        return;
      }
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)));
        String label = m.group(1);
        if (("体检".equals(label) || "检查".equals(label) || "登记".equals(label)) && checkupDate == null) {
          checkupDate = d;
        } else if (otherDate == null) {
          otherDate = d;
        }
      } catch (DateTimeException | NumberFormatException e) {
        // Not a date after all ("日期: 2026-13-45"): the report simply has none we can use.
      }
    }

    /** Result rows; a line that is only a name may get its result on the next line. */
    void rows(String line, String pending, boolean resultNext) {
      if (PERSONAL.matcher(line).find() || tableHeader(line)) {
        return;
      }
      Label label = label(line);
      if (label != null && IMAGING_HEADING.matcher(label.name).find() && !startsWithResult(label.rest)) {
        texts.add(new ReportText(label.name, label.name + ":" + label.rest, false));
        return;
      }
      List<String> tokens = tokens(line);
      if (pending != null && !tokens.isEmpty() && isResult(tokens.get(0))) {
        tokens.add(0, pending);
      }
      int read = readRows(tokens);
      if (read == 0 && resultNext && nameOnly(tokens)) {
        pendingName = String.join(" ", tokens);
      }
    }

    void exam(String line, String pending, boolean resultNext) {
      if (PERSONAL.matcher(line).find() || tableHeader(line)) {
        return;
      }
      Label label = label(line);
      List<String> tokens = tokens(line);
      if (pending != null && !tokens.isEmpty() && isResult(tokens.get(0))) {
        tokens.add(0, pending);
      }
      if ((label == null || startsWithResult(label.rest)) && readRows(tokens) > 0) {
        return;
      }
      if (label == null && resultNext && nameOnly(tokens)) {
        pendingName = String.join(" ", tokens);
        return;
      }
      String text = label == null ? line : label.name + ":" + label.rest;
      String heading = label != null && IMAGING_HEADING.matcher(label.name).find() ? label.name : section;
      texts.add(new ReportText(heading, text, false));
    }

    void imaging(String line) {
      Label label = label(line);
      if (label != null && IMAGING_HEADING.matcher(label.name).find() && !DESCRIPTION_LABEL.matcher(line).find()
          && !CONCLUSION_LABEL.matcher(line).find()) {
        // Several examinations under one heading (影像学检查): each says its own.
        flushImaging();
        texts.add(new ReportText(label.name, label.name + ":" + label.rest, false));
        return;
      }
      if (PERSONAL.matcher(line).find() && line.length() < 40) {
        return;
      }
      Matcher d = DESCRIPTION_LABEL.matcher(line);
      Matcher c = CONCLUSION_LABEL.matcher(line);
      if (c.find()) {
        inConclusion = true;
        append(conclusion, line.substring(c.end()));
      } else if (d.find()) {
        inConclusion = false;
        append(description, line.substring(d.end()));
      } else {
        append(inConclusion ? conclusion : description, line);
      }
    }

    void summary(String line) {
      if (PERSONAL.matcher(line).find() && line.length() < 40) {
        return;
      }
      Matcher start = ENTRY_START.matcher(line);
      boolean starts = start.find() && start.end() < line.length();
      String body = starts ? line.substring(start.end()) : line;
      if (body.startsWith("建议") || body.startsWith("医生建议")) {
        flushEntry();
        return;
      }
      if (starts || entry == null) {
        flushEntry();
        entry = new StringBuilder(body);
      } else {
        entry.append(body);
      }
    }

    void endSection() {
      flushEntry();
      flushImaging();
      pendingName = null;
    }

    private void flushEntry() {
      if (entry == null) {
        return;
      }
      String body = entry.toString().strip();
      entry = null;
      List<String> tokens = tokens(body);
      // A summary entry with a result ("★谷丙转氨酶 85 U/L ↑") is also a row: its number decides if the
      // engine knows the item, its words if not.
      readRows(tokens);
      String finding = ADVICE_TAIL.matcher(body).replaceFirst("").strip();
      if (!finding.isEmpty()) {
        texts.add(new ReportText(section, finding, true));
      }
    }

    private void flushImaging() {
      String text = (conclusion.length() > 0 ? conclusion : description).toString().strip();
      if (!text.isEmpty() && section != null) {
        String found = ADVICE_TAIL.matcher(text).replaceFirst("").strip();
        texts.add(new ReportText(section, section + ":" + (found.isEmpty() ? text : found), false));
      }
      description = new StringBuilder();
      conclusion = new StringBuilder();
      inConclusion = false;
    }

    private static void append(StringBuilder sb, String s) {
      String t = s.strip();
      if (t.isEmpty()) {
        return;
      }
      if (sb.length() > 0 && !sb.toString().endsWith("，") && !sb.toString().endsWith(",")) {
        sb.append(' ');
      }
      sb.append(t);
    }

    /**
     * Reads result rows from a line's tokens: a name, its result, then unit, range, flag and qualitative
     * word in any order, until the next name. Returns how many rows were read.
     */
    int readRows(List<String> tokens) {
      int n = 0;
      int i = 0;
      while (i < tokens.size()) {
        List<String> name = new ArrayList<>();
        while (i < tokens.size()) {
          String t = tokens.get(i);
          Token k = classify(t);
          if (!name.isEmpty() && isResult(t)) {
            break;
          } else if (k == Token.NAME && !t.endsWith(":")) {
            name.add(t);
            i++;
          } else if (k == Token.NAME) {
            name.add(t.substring(0, t.length() - 1));
            i++;
            break;
          } else if ((k == Token.NUMBER || k == Token.RANGE) && !name.isEmpty() && latin(name.get(name.size() - 1))
              && i + 1 < tokens.size() && isResult(tokens.get(i + 1))) {
            // "CYFRA 21-1 2.1": the number is part of the name.
            name.set(name.size() - 1, name.get(name.size() - 1) + t);
            i++;
          } else {
            break;
          }
        }
        if (i >= tokens.size()) {
          return n;
        }
        String value = resultOf(tokens.get(i));
        if (name.isEmpty() || value == null) {
          i++;
          continue;
        }
        i++;
        String unit = null;
        String range = null;
        String flag = null;
        String qualitative = null;
        boolean numeric = classify(value) != Token.QUALITATIVE;
        while (i < tokens.size()) {
          String t = tokens.get(i);
          Token k = classify(t);
          if (k == Token.NAME && !FLAG.matcher(t).matches()) {
            break;
          }
          if (k == Token.FLAG && flag == null) {
            flag = t;
          } else if (k == Token.UNIT && unit == null) {
            unit = canonicalUnit(t);
          } else if ((k == Token.RANGE || k == Token.NUMBER && BOUND.matcher(t).matches()) && range == null) {
            range = t.replaceAll("^\\(|\\)$", "");
          } else if (k == Token.QUALITATIVE && numeric && qualitative == null && range == null) {
            qualitative = t;
          } else if (k == Token.QUALITATIVE && range == null) {
            range = t;
          } else if (k == Token.NAME || k == Token.NUMBER && !isResult(t)) {
            break;
          }
          i++;
        }
        String joined = joinName(name);
        if (!PERSONAL.matcher(joined).find()) {
          items.add(new ReportItem(section, joined, value, unit, range, flag, qualitative));
          n++;
        }
      }
      return n;
    }
  }

  /** A line "label: rest". */
  private record Label(String name, String rest) {}

  private static Label label(String line) {
    int colon = line.indexOf(": ");
    if (colon <= 0 || colon > 16) {
      return null;
    }
    String name = stripDecoration(line.substring(0, colon));
    String rest = line.substring(colon + 2).strip();
    return name.isEmpty() || rest.isEmpty() ? null : new Label(name, rest);
  }

  private static boolean startsWithResult(String rest) {
    List<String> t = tokens(rest);
    return !t.isEmpty() && isResult(t.get(0));
  }

  private static boolean tableHeader(String line) {
    Matcher m = TABLE_HEADER_WORD.matcher(line);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n >= 2 && tokens(line).stream().noneMatch(CheckupReportParser::isResult);
  }

  private static boolean nameOnly(List<String> tokens) {
    return !tokens.isEmpty() && tokens.size() <= 3
        && tokens.stream().allMatch(t -> classify(t) == Token.NAME && !t.endsWith(":"));
  }

  static boolean isResult(String token) {
    return resultOf(token) != null;
  }

  /** The token as a result (a number, a pair such as 135/85, a qualitative word), or null. */
  private static String resultOf(String token) {
    Token k = classify(token);
    if (k == Token.NUMBER || k == Token.PAIR || k == Token.QUALITATIVE) {
      return k == Token.QUALITATIVE ? token : token.replaceAll("^[≤]", "<").replaceAll("^[≥]", ">");
    }
    if (k == Token.NAME || k == Token.NOISE) {
      return ocrNumber(token);
    }
    return null;
  }

  private static boolean latin(String token) {
    return token.chars().allMatch(c -> c < 128);
  }

  /** "谷丙转氨酶 ALT" becomes "谷丙转氨酶(ALT)": the knowledge base resolves either half. */
  private static String joinName(List<String> name) {
    if (name.size() == 2) {
      String a = name.get(0);
      String b = name.get(1);
      if (!latin(a) && latin(b) && !b.startsWith("(")) {
        return a + "(" + b + ")";
      }
      if (latin(a) && !latin(b) && !a.startsWith("(")) {
        return b + "(" + a + ")";
      }
    }
    return String.join(" ", name).replace(" (", "(");
  }
}
