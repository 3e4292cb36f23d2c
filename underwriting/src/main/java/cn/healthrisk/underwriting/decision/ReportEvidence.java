package cn.healthrisk.underwriting.decision;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.checkup.CheckupItem;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.Threshold;
import cn.healthrisk.kb.text.ClinicalFinding;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.kb.text.TextForms;
import cn.healthrisk.underwriting.report.DocumentReading;
import cn.healthrisk.underwriting.report.ReportItem;
import cn.healthrisk.underwriting.report.ReportText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the checkup report documents of one application add to its checkup, judged by the knowledge base:
 * result rows become checkup items (deduplicated against the structured items, since the same reading
 * counts once), and imaging, examination and summary text is read by the normaliser as printed text.
 * A summary line that only restates a result the report measured ("谷丙转氨酶升高" beside ALT 85 U/L) adds
 * nothing: the measured value, judged by the knowledge base's range, decides.
 */
final class ReportEvidence {

  /** Words a report uses to restate that a measured result is out of range, rather than name a diagnosis. */
  private static final Pattern RESTATES_LEVEL = Pattern.compile(
      "偏高|升高|增高|略高|稍高|偏低|降低|减低|下降|略低|超标|异常|↑|↓|高于|低于|阳性|\\+");
  /** Summary wording that says a result is normal: no finding, known or unknown. */
  private static final Pattern NORMAL = Pattern.compile(
      "正常|未见异常|未见明显异常|未发现|无异常|阴性|窦性心律|未见|无明显");
  private static final Pattern QUALITATIVE_VALUE = Pattern.compile("阴|阳|\\+|-|±|检出|正常|NEG|POS",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UPPER_BOUND = Pattern.compile(
      "^\\s*(?:[<≤]=?\\s*(\\d+(?:\\.\\d+)?)|0(?:\\.0+)?\\s*(?:-{1,2}|~|—|–)\\s*(\\d+(?:\\.\\d+)?))\\s*$");
  private static final Pattern NUMBER = Pattern.compile("^[<>≤≥=]?(\\d+(?:\\.\\d+)?)$");

  private final KnowledgeBase kb;
  private final DisclosureNormalizer normalizer;
  private final CheckupEvaluator evaluator;

  ReportEvidence(KnowledgeBase kb, DisclosureNormalizer normalizer, CheckupEvaluator evaluator) {
    this.kb = kb;
    this.normalizer = normalizer;
    this.evaluator = evaluator;
  }

  /** The report rows to evaluate with the structured items, and where each came from. */
  static final class Items {
    final List<CheckupItem> items = new ArrayList<>();
    /** Item description as quoted in evidence ("ALT 85 U/L") to the document it was read from. */
    final Map<String, String> documentOf = new HashMap<>();
    /** (name, value, unit) of each report item, for unreadable entries, to its document. */
    final Map<List<String>, String> documentOfTriple = new HashMap<>();
    /** Concepts the measured indicators (structured or read) can produce. */
    final Set<String> measuredConcepts = new HashSet<>();
    /** Documents in which at least one known indicator was read. */
    final Set<String> recognised = new HashSet<>();
    /** Names under which measured items were printed or are known (谷丙转氨酶, ALT, 血压): a summary line
     * naming one of them and saying it is high restates the measurement. */
    final Set<String> measuredNames = new HashSet<>();

    /** Evidence with each quoted report item followed by its document: "ALT 85 U/L〔report.pdf〕". */
    String annotate(String evidence) {
      if (documentOf.isEmpty() || evidence == null) {
        return evidence;
      }
      // A blood pressure's two halves quote the same item twice: once is enough.
      Set<String> parts = new java.util.LinkedHashSet<>(List.of(evidence.split("；", -1)));
      StringBuilder sb = new StringBuilder();
      for (String part : parts) {
        String doc = documentOf.get(part);
        sb.append(sb.length() == 0 ? "" : "；").append(part).append(doc == null ? "" : "〔" + doc + "〕");
      }
      return sb.toString();
    }

    String documentOf(String name, String value, String unit) {
      return documentOfTriple.get(java.util.Arrays.asList(name, value, unit));
    }
  }

  /**
   * The rows of every document that the knowledge base knows, with a qualitative result taken from the
   * row where the indicator is qualitative but printed as a number, minus readings already given.
   */
  Items items(List<DocumentReading> documents, List<CheckupItem> structured) {
    Items out = new Items();
    Set<String> seen = new HashSet<>();
    for (CheckupItem s : structured) {
      if (s != null && s.name() != null) {
        Optional<Indicator> ind = evaluator.resolve(s.name());
        ind.ifPresent(i -> measured(i, s.name(), out));
        seen.add(key(ind.map(Indicator::code).orElse(TextForms.fold(s.name())), s.value()));
      }
    }
    for (DocumentReading doc : documents) {
      for (ReportItem r : doc.items()) {
        if (r.name() == null || r.value() == null) {
          continue;
        }
        Optional<Indicator> ind = evaluator.resolve(r.name());
        if (ind.isEmpty()) {
          continue;
        }
        out.recognised.add(doc.name());
        measured(ind.get(), r.name(), out);
        String value = r.value();
        if (ind.get().qualitative() && !QUALITATIVE_VALUE.matcher(value).find()) {
          value = Optional.ofNullable(qualitative(r)).orElse(value);
        }
        if (!seen.add(key(ind.get().code(), value))) {
          continue;
        }
        CheckupItem item = new CheckupItem(r.name(), value, r.unit());
        out.items.add(item);
        out.documentOf.putIfAbsent(CheckupEvaluator.describe(item), doc.name());
        out.documentOfTriple.putIfAbsent(java.util.Arrays.asList(item.name(), item.value(), item.unit()), doc.name());
      }
    }
    return out;
  }

  /**
   * The findings of the documents' text: known conditions about the applicant, except a summary line
   * restating a measured result; and a summary line naming something wrong that the knowledge base does
   * not know, which a person must read.
   */
  List<Found> texts(List<DocumentReading> documents, Items items, LocalDate fallbackDate) {
    List<Found> out = new ArrayList<>();
    for (DocumentReading doc : documents) {
      LocalDate date = doc.reportDate() != null ? doc.reportDate() : fallbackDate;
      for (ReportText t : doc.texts()) {
        if (t.text() == null || t.text().isBlank()) {
          continue;
        }
        String evidence = t.text() + "〔" + doc.name() + "〕";
        List<ClinicalFinding> read = normalizer.normalizePrinted(t.text(), date);
        boolean restates = RESTATES_LEVEL.matcher(t.text()).find();
        boolean anyKnown = false;
        for (ClinicalFinding f : read) {
          if (!f.known()) {
            continue;
          }
          anyKnown = true;
          if (f.negated() || !f.aboutApplicant() || restates && covered(f.conceptId(), items.measuredConcepts)) {
            continue;
          }
          out.add(new Found(f, evidence));
        }
        if (t.summary() && !anyKnown && !NORMAL.matcher(t.text()).find()
            && !(restates && items.measuredNames.stream().anyMatch(t.text()::contains))) {
          read.stream().filter(f -> !f.known() && !f.negated() && f.aboutApplicant()).findFirst()
              .ifPresent(f -> out.add(new Found(f, evidence)));
        }
      }
    }
    return out;
  }

  /** A finding read from a document's text, with its evidence. */
  record Found(ClinicalFinding finding, String evidence) {}

  /** Documents read, but with nothing in them the engine recognises: neither a known item nor any text. */
  static List<DocumentReading> unrecognised(List<DocumentReading> documents, Items items) {
    return documents.stream().filter(d -> !items.recognised.contains(d.name()) && d.texts().isEmpty()).toList();
  }

  private void measured(Indicator ind, String printedName, Items out) {
    for (Threshold t : ind.thresholds()) {
      out.measuredConcepts.add(t.conceptId());
    }
    for (String part : ind.compositeOf()) {
      kb.indicator(part).ifPresent(p -> p.thresholds().forEach(t -> out.measuredConcepts.add(t.conceptId())));
    }
    List<String> names = new ArrayList<>(ind.aliases());
    names.add(ind.name());
    names.addAll(List.of(printedName.split("[()]")));
    names.stream().map(String::strip).filter(n -> n.length() >= 2).forEach(out.measuredNames::add);
  }

  private boolean covered(String conceptId, Set<String> measured) {
    if (measured.contains(conceptId)) {
      return true;
    }
    String broader = kb.disease(conceptId).map(Disease::broader).orElse(null);
    if (broader != null && measured.contains(broader)) {
      return true;
    }
    return measured.stream().anyMatch(m -> conceptId.equals(kb.disease(m).map(Disease::broader).orElse(null)));
  }

  /**
   * A qualitative result from a row printed as a number: the word printed beside it, else the report's flag,
   * else the number against the report's upper limit (0.01 with "<0.05" is negative).
   */
  static String qualitative(ReportItem r) {
    if (r.qualitative() != null && QUALITATIVE_VALUE.matcher(r.qualitative()).find()) {
      return r.qualitative();
    }
    if (r.flag() != null && (r.flag().contains("↑") || r.flag().startsWith("H") || r.flag().contains("高"))) {
      return "阳性";
    }
    Matcher value = NUMBER.matcher(r.value());
    Matcher bound = r.range() == null ? null : UPPER_BOUND.matcher(r.range());
    if (value.matches() && bound != null && bound.matches()) {
      BigDecimal limit = new BigDecimal(bound.group(1) != null ? bound.group(1) : bound.group(2));
      return new BigDecimal(value.group(1)).compareTo(limit) > 0 ? "阳性" : "阴性";
    }
    return null;
  }

  private static String key(String indicator, String value) {
    String v = TextForms.fold(value);
    Matcher m = NUMBER.matcher(v);
    if (m.matches() && v.equals(m.group(1))) {
      v = new BigDecimal(m.group(1)).stripTrailingZeros().toPlainString();
    }
    return indicator + "|" + v;
  }
}
