package cn.healthrisk.kb.load;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.hospital.HospitalDirectory;
import cn.healthrisk.kb.model.BodySite;
import cn.healthrisk.kb.model.Hospital;
import cn.healthrisk.kb.model.Condition;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Facts;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.KbSettings;
import cn.healthrisk.kb.model.Medication;
import cn.healthrisk.kb.model.Outcome;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.model.ProductLine;
import cn.healthrisk.kb.model.Rule;
import cn.healthrisk.kb.model.Surgery;
import cn.healthrisk.kb.model.SystemRule;
import cn.healthrisk.kb.model.Threshold;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the knowledge-base YAML files and validates them; every problem is collected and reported
 * together as a {@link KnowledgeBaseException}.
 */
public final class KnowledgeBaseLoader {

  /** The classpath folder of the shipped knowledge base. */
  public static final String DEFAULT_LOCATION = "kb";

  private static final String MANIFEST = "manifest.yaml";
  /** Which file each row came from, so every problem names its file. */
  private final Map<Object, String> origin = new java.util.IdentityHashMap<>();
  /** Clause separators of the normaliser; a term containing one could never be matched whole. */
  private static final Pattern SEPARATORS = Pattern.compile("[，,。；;、和及]");

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ReferenceCodes reference;
  private final List<String> problems = new ArrayList<>();

  private KnowledgeBaseLoader(ReferenceCodes reference) {
    this.reference = reference;
  }

  /** Loads the knowledge base shipped on the classpath under {@code kb/}. */
  public static KnowledgeBase loadDefault() {
    return loadClasspath(DEFAULT_LOCATION);
  }

  /** Loads a knowledge base from a classpath folder such as {@code kb}. */
  public static KnowledgeBase loadClasspath(String folder) {
    ClassLoader cl = KnowledgeBaseLoader.class.getClassLoader();
    return new KnowledgeBaseLoader(ReferenceCodes.shipped()).load(name -> {
      try (InputStream in = cl.getResourceAsStream(folder + "/" + name)) {
        return in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Loads a knowledge base from a directory on disk. */
  public static KnowledgeBase loadDirectory(Path dir) {
    return new KnowledgeBaseLoader(ReferenceCodes.shipped()).load(name -> {
      Path file = dir.resolve(name);
      try {
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private KnowledgeBase load(Function<String, byte[]> source) {
    byte[] manifestBytes = source.apply(MANIFEST);
    if (manifestBytes == null) {
      throw new KnowledgeBaseException(List.of(MANIFEST + ": file is missing"));
    }
    RawKb.Manifest manifest = parse(MANIFEST, manifestBytes, RawKb.Manifest.class);
    if (manifest == null) {
      throw new KnowledgeBaseException(problems);
    }
    if (blank(manifest.version())) {
      problem(MANIFEST, "version", "is required");
    }
    List<String> files = manifest.files() == null ? List.of() : manifest.files();
    if (files.isEmpty()) {
      problem(MANIFEST, "files", "must list the data files");
    }
    if (new HashSet<>(files).size() != files.size()) {
      problem(MANIFEST, "files", "lists a file twice");
    }
    MessageDigest sha = sha256();
    sha.update(manifestBytes);
    List<RawKb.ProductLineRow> productLineRows = new ArrayList<>();
    Map<String, List<String>> groupRows = new LinkedHashMap<>();
    List<RawKb.DiseaseRow> diseaseRows = new ArrayList<>();
    List<RawKb.SurgeryRow> surgeryRows = new ArrayList<>();
    List<RawKb.IndicatorRow> indicatorRows = new ArrayList<>();
    List<RawKb.SystemRuleRow> systemRows = new ArrayList<>();
    List<RawKb.RuleRow> ruleRows = new ArrayList<>();
    List<RawKb.MedicationRow> medicationRows = new ArrayList<>();
    List<RawKb.HospitalRow> hospitalRows = new ArrayList<>();
    List<RawKb.BodySiteRow> bodySiteRows = new ArrayList<>();
    RawKb.SettingsRow settingsRow = null;
    for (String file : files) {
      byte[] content = source.apply(file);
      if (content == null) {
        problem(file, "-", "file is missing");
        continue;
      }
      // The file name goes into the hash too, so moving content between files changes the version.
      sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(content);
      RawKb.DataFile data = parse(file, content, RawKb.DataFile.class);
      if (data == null) {
        continue;
      }
      collect(file, data.productLines(), productLineRows);
      collect(file, data.diseases(), diseaseRows);
      collect(file, data.surgeries(), surgeryRows);
      collect(file, data.indicators(), indicatorRows);
      collect(file, data.medications(), medicationRows);
      collect(file, data.system(), systemRows);
      collect(file, data.rules(), ruleRows);
      collect(file, data.hospitals(), hospitalRows);
      collect(file, data.bodySites(), bodySiteRows);
      if (data.groups() != null) {
        groupRows.putAll(data.groups());
      }
      if (data.settings() != null) {
        if (settingsRow != null) {
          problem(file, "settings", "settings may appear in one file only");
        }
        settingsRow = data.settings();
      }
    }
    RawKb.ProductLinesFile plf = new RawKb.ProductLinesFile(productLineRows, groupRows);
    RawKb.DiseasesFile df = new RawKb.DiseasesFile(diseaseRows);
    RawKb.SurgeriesFile sf = new RawKb.SurgeriesFile(surgeryRows);
    RawKb.IndicatorsFile inf = new RawKb.IndicatorsFile(indicatorRows);
    RawKb.RulesFile rf = new RawKb.RulesFile(settingsRow, systemRows, ruleRows);
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(problems);
    }

    List<ProductLine> productLines = productLines(plf);
    Set<String> codes = new LinkedHashSet<>();
    productLines.forEach(p -> codes.add(p.code()));
    Map<String, Set<String>> groups = groups(plf, codes);
    List<Disease> diseases = diseases(df);
    Map<String, Disease> diseaseById = new LinkedHashMap<>();
    diseases.forEach(d -> diseaseById.put(d.id(), d));
    checkTerms(diseases);
    List<Surgery> surgeries = surgeries(sf, diseaseById.keySet());
    Set<String> ruleIds = new HashSet<>();
    List<Indicator> indicators = indicators(inf, diseaseById.keySet(), ruleIds);
    List<Medication> medications = medications(medicationRows, diseaseById.keySet());
    List<BodySite> bodySites = bodySites(bodySiteRows, diseaseById);
    Set<String> knownFacts = new HashSet<>(Facts.BUILT_IN);
    diseases.forEach(d -> knownFacts.addAll(d.attributes().keySet()));
    List<Rule> rules = rules(rf, codes, groups, diseaseById.keySet(), knownFacts, ruleIds);
    List<SystemRule> systemRules = systemRules(rf, ruleIds);
    KbSettings settings = settings(rf);
    HospitalDirectory hospitals = hospitals(hospitalRows);
    KnowledgeBase kb = new KnowledgeBase(
        "kb-" + manifest.version() + "+sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 12),
        productLines, diseases, surgeries, indicators, medications, bodySites, rules, systemRules, settings, hospitals);
    checkCoverage(kb);
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(problems);
    }
    return kb;
  }

  private List<Medication> medications(List<RawKb.MedicationRow> rows, Set<String> diseaseIds) {
    List<Medication> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, String> owners = new HashMap<>();
    for (RawKb.MedicationRow row : rows) {
      String f = fileOf(row, "medications");
      String entry = row.id() == null ? "medication" : row.id();
      if (blank(row.id()) || !ids.add(row.id())) {
        problem(f, entry, blank(row.id()) ? "id is required" : "duplicate medication id");
        continue;
      }
      if (blank(row.name())) {
        problem(f, entry, "name is required");
      }
      if (blank(row.implies()) || !diseaseIds.contains(row.implies())) {
        problem(f, entry, "implies '" + row.implies() + "' is not a disease id");
      }
      List<String> names = new ArrayList<>();
      if (!blank(row.name())) {
        names.add(row.name().trim());
      }
      nonNull(row.aliases()).stream().filter(a -> !blank(a)).map(String::trim).forEach(names::add);
      for (String n : names) {
        String previous = owners.putIfAbsent(n, row.id());
        if (previous != null && !previous.equals(row.id())) {
          problem(f, entry, "name '" + n + "' is also used by medication " + previous);
        }
        if (n.chars().anyMatch(c -> "，。；、和及".indexOf(c) >= 0)) {
          problem(f, entry, "name '" + n + "' contains a clause separator");
        }
      }
      out.add(new Medication(row.id(), blank(row.name()) ? row.id() : row.name().trim(),
          List.copyOf(names.subList(Math.min(1, names.size()), names.size())), row.implies()));
    }
    return out;
  }

  /**
   * Body sites: an id, at least one word, words of Chinese characters only and owned by one site,
   * and a fracture that is a disease of the injury chapter.
   */
  private List<BodySite> bodySites(List<RawKb.BodySiteRow> rows, Map<String, Disease> diseaseById) {
    List<BodySite> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, String> owners = new HashMap<>();
    for (RawKb.BodySiteRow row : rows) {
      String f = fileOf(row, "bodySites");
      String entry = row.id() == null ? "body site" : row.id();
      if (blank(row.id()) || !ids.add(row.id())) {
        problem(f, entry, blank(row.id()) ? "id is required" : "duplicate body-site id");
        continue;
      }
      List<String> words = nonNull(row.words()).stream().filter(w -> !blank(w)).map(String::trim).toList();
      if (words.isEmpty()) {
        problem(f, entry, "needs at least one word");
      }
      for (String w : words) {
        if (!w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
          problem(f, entry, "word '" + w + "' must be Chinese characters only");
        }
        String previous = owners.putIfAbsent(w, row.id());
        if (previous != null) {
          problem(f, entry, "word '" + w + "' is also used by body site " + previous);
        }
      }
      Disease fracture = blank(row.fracture()) ? null : diseaseById.get(row.fracture());
      if (fracture == null) {
        problem(f, entry, "fracture '" + row.fracture() + "' is not a disease id");
        continue;
      }
      if (!"S00-T98".equals(fracture.chapter())) {
        problem(f, entry, "fracture " + fracture.id() + " (" + fracture.primaryIcd10()
            + ") is not an injury of ICD-10 chapter S00-T98");
      }
      out.add(new BodySite(row.id(), words, fracture.id()));
    }
    return out;
  }

  private <T> void collect(String file, List<T> rows, List<T> into) {
    for (T row : nonNull(rows)) {
      if (row != null) {
        origin.put(row, file);
        into.add(row);
      }
    }
  }

  private String fileOf(Object row, String fallback) {
    return origin.getOrDefault(row, fallback);
  }

  private List<ProductLine> productLines(RawKb.ProductLinesFile file) {
    List<ProductLine> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (RawKb.ProductLineRow row : nonNull(file.productLines())) {
      String f = fileOf(row, "product lines");
      if (blank(row.code()) || blank(row.name())) {
        problem(f, String.valueOf(row.code()), "code and name are required");
        continue;
      }
      if (!seen.add(row.code())) {
        problem(f, row.code(), "duplicate product-line code");
      }
      // Absent means the line has no waiting period of its own (accident cover, say).
      int waiting = row.waitingPeriodDays() == null ? 0 : row.waitingPeriodDays();
      if (waiting < 0 || waiting > 730) {
        problem(f, row.code(), "waitingPeriodDays must be 0 to 730 days, was " + waiting);
        waiting = 0;
      }
      out.add(new ProductLine(row.code(), row.name(), waiting));
    }
    if (out.isEmpty()) {
      problem(MANIFEST, "productLines", "at least one product line is required");
    }
    return out;
  }

  private Map<String, Set<String>> groups(RawKb.ProductLinesFile file, Set<String> codes) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (file.groups() == null) {
      return out;
    }
    file.groups().forEach((name, members) -> {
      if (codes.contains(name)) {
        problem("groups", "groups." + name, "a group may not reuse a product-line code");
      }
      Set<String> set = new LinkedHashSet<>();
      for (String m : nonNull(members)) {
        if (!codes.contains(m)) {
          problem("groups", "groups." + name, "unknown product line '" + m + "'");
        }
        set.add(m);
      }
      out.put(name, set);
    });
    return out;
  }

  private List<Disease> diseases(RawKb.DiseasesFile file) {
    List<Disease> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<RawKb.DiseaseRow> rows = nonNull(file.diseases());
    for (RawKb.DiseaseRow row : rows) {
      String f = fileOf(row, "diseases");
      String entry = row.id() == null ? "(no id)" : row.id();
      if (blank(row.id())) {
        problem(f, entry, "id is required");
        continue;
      }
      if (!ids.add(row.id())) {
        problem(f, entry, "duplicate disease id");
      }
      if (blank(row.name())) {
        problem(f, entry, "name is required");
      }
      List<String> icd10 = nonNull(row.icd10());
      if (icd10.isEmpty()) {
        problem(f, entry, "at least one icd10 code is required");
      }
      icd10.stream().filter(c -> !reference.icd10Exists(c))
          .forEach(c -> problem(f, entry, "icd10 '" + c + "' is not in the ICD-10 reference list"));
      if (nonNull(row.synonyms()).size() < 3) {
        problem(f, entry, "needs at least 3 synonyms, has " + nonNull(row.synonyms()).size());
      }
      List<Pattern> patterns = new ArrayList<>();
      for (String p : nonNull(row.patterns())) {
        try {
          patterns.add(Pattern.compile(p));
        } catch (PatternSyntaxException e) {
          problem(f, entry, "pattern '" + p + "' does not compile: " + e.getDescription());
        }
      }
      String block = null;
      String chapter = null;
      if (!icd10.isEmpty()) {
        block = reference.blockOf(icd10.get(0)).map(ReferenceCodes.Block::range).orElse(null);
        chapter = reference.chapterOf(icd10.get(0)).map(ReferenceCodes.Block::range).orElse(null);
      }
      if (blank(row.category())) {
        problem(f, entry, "category (the ICD-10 block of the primary code) is required");
      } else if (block != null && !block.equals(row.category())) {
        problem(f, entry, "category '" + row.category() + "' is not the block of " + icd10.get(0) + " (" + block + ")");
      }
      if (block == null || chapter == null) {
        if (!icd10.isEmpty()) {
          problem(f, entry, "primary code " + icd10.get(0) + " falls in no ICD-10 chapter and block of the reference "
              + "table, so no inherited rule can reach it");
        }
        continue;
      }
      Disease disease = new Disease(row.id(), row.name(), List.copyOf(icd10), block, chapter,
          List.copyOf(nonNull(row.synonyms())), List.copyOf(patterns), row.broader(),
          row.attributes() == null ? Map.of() : Map.copyOf(row.attributes()));
      origin.put(disease, f);
      out.add(disease);
    }
    for (RawKb.DiseaseRow row : rows) {
      if (row.broader() != null && !ids.contains(row.broader())) {
        problem(fileOf(row, "diseases"), row.id(), "broader '" + row.broader() + "' is not a disease id");
      }
    }
    return out;
  }

  private void checkTerms(List<Disease> diseases) {
    Map<String, String> owner = new HashMap<>();
    for (Disease d : diseases) {
      List<String> terms = new ArrayList<>();
      terms.add(d.name());
      terms.addAll(d.synonyms());
      for (String t : terms) {
        if (SEPARATORS.matcher(t).find()) {
          problem(fileOf(d, "diseases"), d.id(), "term '" + t + "' contains a clause separator");
        }
        String previous = owner.putIfAbsent(t, d.id());
        if (previous != null && !previous.equals(d.id())) {
          problem(fileOf(d, "diseases"), d.id(), "term '" + t + "' is already used by " + previous);
        }
      }
    }
  }

  private List<Surgery> surgeries(RawKb.SurgeriesFile file, Set<String> diseaseIds) {
    List<Surgery> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RawKb.SurgeryRow row : nonNull(file.surgeries())) {
      String f = fileOf(row, "surgeries");
      String entry = row.id() == null ? "(no id)" : row.id();
      if (blank(row.id()) || blank(row.name())) {
        problem(f, entry, "id and name are required");
        continue;
      }
      if (!ids.add(row.id())) {
        problem(f, entry, "duplicate surgery id");
      }
      if (nonNull(row.icd9()).isEmpty()) {
        problem(f, entry, "at least one icd9 code is required");
      }
      nonNull(row.icd9()).stream().filter(c -> !reference.icd9Exists(c))
          .forEach(c -> problem(f, entry, "icd9 '" + c + "' is not in the ICD-9-CM-3 reference list"));
      if (row.condition() == null || !diseaseIds.contains(row.condition())) {
        problem(f, entry, "condition '" + row.condition() + "' is not a disease id");
      }
      if (nonNull(row.synonyms()).size() < 3) {
        problem(f, entry, "needs at least 3 synonyms");
      }
      nonNull(row.synonyms()).stream().filter(t -> SEPARATORS.matcher(t).find())
          .forEach(t -> problem(f, entry, "term '" + t + "' contains a clause separator"));
      out.add(new Surgery(row.id(), row.name(), List.copyOf(nonNull(row.icd9())), row.condition(),
          List.copyOf(nonNull(row.synonyms()))));
    }
    return out;
  }

  private List<Indicator> indicators(RawKb.IndicatorsFile file, Set<String> diseaseIds, Set<String> ruleIds) {
    List<Indicator> out = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    List<RawKb.IndicatorRow> rows = nonNull(file.indicators());
    rows.forEach(r -> codes.add(r.code()));
    Map<String, String> aliasOwner = new HashMap<>();
    for (RawKb.IndicatorRow row : rows) {
      String f = fileOf(row, "indicators");
      String entry = row.code() == null ? "(no code)" : row.code();
      if (blank(row.code()) || blank(row.name()) || row.unit() == null) {
        problem(f, entry, "code, name and unit are required");
        continue;
      }
      for (String alias : nonNull(row.aliases())) {
        String key = alias.toUpperCase(java.util.Locale.ROOT);
        String previous = aliasOwner.putIfAbsent(key, row.code());
        if (previous != null && !previous.equals(row.code())) {
          problem(f, entry, "alias '" + alias + "' is already used by " + previous);
        }
      }
      List<Indicator.Conversion> conversions = new ArrayList<>();
      for (RawKb.ConversionRow c : nonNull(row.conversions())) {
        if (blank(c.unit()) || (c.multiply() == null) == (c.divide() == null)) {
          problem(f, entry, "conversion from '" + c.unit() + "' needs a unit and exactly one of multiply/divide");
        } else if (c.divide() != null && c.divide().signum() == 0) {
          problem(f, entry, "conversion from '" + c.unit() + "' divides by zero");
        } else {
          conversions.add(new Indicator.Conversion(c.unit(), c.multiply(), c.divide()));
        }
      }
      List<Indicator.ReferenceRange> ranges = new ArrayList<>();
      for (RawKb.RangeRow r : nonNull(row.ranges())) {
        if (r.low() == null || r.high() == null || r.low().compareTo(r.high()) > 0) {
          problem(f, entry, "reference range needs low <= high");
        } else if (r.sex() != null && !r.sex().equals("M") && !r.sex().equals("F")) {
          problem(f, entry, "reference range sex must be M or F, not '" + r.sex() + "'");
        } else if (r.minAge() != null && r.maxAge() != null && r.minAge() > r.maxAge()) {
          problem(f, entry, "reference range needs minAge <= maxAge");
        } else {
          ranges.add(new Indicator.ReferenceRange(r.sex(), r.low(), r.high(), r.minAge(), r.maxAge()));
        }
      }
      for (String part : nonNull(row.compositeOf())) {
        if (!codes.contains(part)) {
          problem(f, entry, "compositeOf '" + part + "' is not an indicator code");
        }
      }
      for (String o : nonNull(row.outranks())) {
        if (!codes.contains(o)) {
          problem(f, entry, "outranks '" + o + "' is not an indicator code");
        }
      }
      boolean qualitative = Boolean.TRUE.equals(row.qualitative());
      List<Threshold> thresholds = new ArrayList<>();
      for (RawKb.ThresholdRow t : nonNull(row.thresholds())) {
        String tEntry = entry + "/" + t.id();
        if (blank(t.id())) {
          problem(f, entry, "threshold without id");
          continue;
        }
        if (!ruleIds.add(t.id())) {
          problem(f, tEntry, "duplicate rule id");
        }
        if (t.concept() == null || !diseaseIds.contains(t.concept())) {
          problem(f, tEntry, "concept '" + t.concept() + "' is not a disease id");
        }
        boolean anyBound = t.gte() != null || t.gt() != null || t.lte() != null || t.lt() != null || t.gtUln() != null;
        if (qualitative ? t.positive() == null : !anyBound) {
          problem(f, tEntry, qualitative ? "a qualitative threshold needs positive" : "a threshold needs a bound");
        }
        if (t.gtUln() != null && ranges.isEmpty()) {
          problem(f, tEntry, "gtUln needs a reference range");
        }
        thresholds.add(new Threshold(t.id(), t.gte(), t.gt(), t.lte(), t.lt(), t.gtUln(), t.positive(), t.concept(),
            t.attributes() == null ? Map.of() : Map.copyOf(t.attributes()), t.text()));
      }
      out.add(new Indicator(row.code(), row.name(), List.copyOf(nonNull(row.aliases())), row.unit(), conversions,
          ranges, qualitative, List.copyOf(nonNull(row.compositeOf())), List.copyOf(nonNull(row.outranks())),
          thresholds));
    }
    return out;
  }

  private List<Rule> rules(RawKb.RulesFile file, Set<String> codes, Map<String, Set<String>> groups,
      Set<String> diseaseIds, Set<String> knownFacts, Set<String> ruleIds) {
    List<Rule> out = new ArrayList<>();
    for (RawKb.RuleRow row : nonNull(file.rules())) {
      String f = fileOf(row, "rules");
      String entry = row.id() == null ? "(no id)" : row.id();
      if (blank(row.id())) {
        problem(f, entry, "id is required");
        continue;
      }
      if (!ruleIds.add(row.id())) {
        problem(f, entry, "duplicate rule id");
      }
      if ((row.disease() == null) == (row.category() == null)) {
        problem(f, entry, "exactly one of disease or category is required");
      } else if (row.disease() != null && !diseaseIds.contains(row.disease())) {
        problem(f, entry, "disease '" + row.disease() + "' is not a disease id");
      } else if (row.category() != null && reference.range(row.category()).isEmpty()) {
        problem(f, entry, "category '" + row.category() + "' is not an ICD-10 block or chapter range");
      }
      Set<String> lines = new LinkedHashSet<>();
      for (String p : nonNull(row.productLines())) {
        if (codes.contains(p)) {
          lines.add(p);
        } else if (groups.containsKey(p)) {
          lines.addAll(groups.get(p));
        } else {
          problem(f, entry, "unknown product line or group '" + p + "'");
        }
      }
      List<Condition> when = conditions(f, entry, row.when(), knownFacts);
      Outcome outcome = outcome(f, entry, row.outcome());
      if (blank(row.reason())) {
        problem(f, entry, "reason text is required");
      }
      // A rule naming only unknown lines must not silently become a rule for every line.
      boolean linesResolved = lines.size() > 0 || nonNull(row.productLines()).isEmpty();
      if (outcome != null && linesResolved) {
        out.add(new Rule(row.id(), row.disease(), row.category(), Set.copyOf(lines), when, outcome, row.reason()));
      }
    }
    return out;
  }

  private List<Condition> conditions(String f, String entry, Map<String, Object> when, Set<String> knownFacts) {
    List<Condition> out = new ArrayList<>();
    if (when == null) {
      return out;
    }
    when.forEach((fact, spec) -> {
      if (!knownFacts.contains(fact)) {
        problem(f, entry, "condition on unknown fact '" + fact + "'");
      }
      if (spec instanceof Map<?, ?> m) {
        Set<?> extra = new HashSet<>(m.keySet());
        extra.removeAll(Set.of("min", "max"));
        BigDecimal min = number(m.get("min"));
        BigDecimal max = number(m.get("max"));
        if (!extra.isEmpty() || (min == null && max == null)) {
          problem(f, entry, "condition '" + fact + "' must be a value, a list, or {min, max} with numbers");
        } else {
          out.add(new Condition.Range(fact, min, max));
        }
      } else if (spec instanceof List<?> l) {
        if (l.isEmpty()) {
          problem(f, entry, "condition '" + fact + "' has an empty list");
        } else {
          out.add(new Condition.OneOf(fact, List.copyOf(l)));
        }
      } else if (spec == null) {
        problem(f, entry, "condition '" + fact + "' has no value");
      } else {
        out.add(new Condition.Equals(fact, spec));
      }
    });
    return out;
  }

  private Outcome outcome(String f, String entry, RawKb.OutcomeRow row) {
    if (row == null || row.type() == null) {
      problem(f, entry, "outcome.type is required");
      return null;
    }
    OutcomeType type;
    try {
      type = OutcomeType.valueOf(row.type());
    } catch (IllegalArgumentException e) {
      problem(f, entry, "unknown outcome type '" + row.type() + "'");
      return null;
    }
    int extra = row.extraPremiumPct() == null ? 0 : row.extraPremiumPct();
    List<String> prefixes = nonNull(row.icd10Prefixes());
    List<String> evidence = nonNull(row.evidenceRequests());
    switch (type) {
      case RATED -> {
        if (extra <= 0) {
          problem(f, entry, "RATED needs extraPremiumPct > 0");
        }
      }
      case EXCLUSION -> {
        if (blank(row.clause())) {
          problem(f, entry, "EXCLUSION needs clause");
        }
        if (prefixes.isEmpty()) {
          problem(f, entry, "EXCLUSION needs icd10Prefixes");
        }
        prefixes.stream().filter(p -> !reference.icd10Exists(p))
            .forEach(p -> problem(f, entry, "icd10Prefix '" + p + "' is not in the ICD-10 reference list"));
      }
      case POSTPONE -> {
        if (row.postponeMonths() == null || row.postponeMonths() <= 0) {
          problem(f, entry, "POSTPONE needs postponeMonths > 0");
        }
      }
      case REFER -> {
        if (evidence.isEmpty()) {
          problem(f, entry, "REFER needs evidenceRequests");
        }
      }
      default -> {
        // STANDARD and DECLINE carry nothing beyond the type.
      }
    }
    if (type != OutcomeType.RATED && extra != 0) {
      problem(f, entry, "extraPremiumPct is only allowed on RATED");
    }
    return new Outcome(type, extra, row.clause(), List.copyOf(prefixes), row.postponeMonths(), List.copyOf(evidence));
  }

  private static final Set<SystemRule.Kind> LATER_SYSTEM_KINDS =
      Set.of(SystemRule.Kind.PENDING_TREATMENT, SystemRule.Kind.UNRECOGNISED_DOCUMENT);

  private List<SystemRule> systemRules(RawKb.RulesFile file, Set<String> ruleIds) {
    String f = "system rules";
    List<SystemRule> out = new ArrayList<>();
    Set<SystemRule.Kind> seen = new HashSet<>();
    for (RawKb.SystemRuleRow row : nonNull(file.system())) {
      f = fileOf(row, "system rules");
      String entry = row.id() == null ? "(no id)" : row.id();
      if (blank(row.id()) || !ruleIds.add(row.id())) {
        problem(f, entry, "system rule needs a unique id");
      }
      SystemRule.Kind kind;
      try {
        kind = SystemRule.Kind.valueOf(String.valueOf(row.kind()));
      } catch (IllegalArgumentException e) {
        problem(f, entry, "unknown system rule kind '" + row.kind() + "'");
        continue;
      }
      seen.add(kind);
      Outcome outcome = outcome(f, entry, row.outcome());
      if (blank(row.reason())) {
        problem(f, entry, "reason text is required");
      }
      if (outcome != null) {
        out.add(new SystemRule(row.id(), kind, outcome, row.reason()));
      }
    }
    // Kinds added after the first release may be missing from an older copy loaded to replay stored decisions;
    // the shipped knowledge base must have them all (KnowledgeBaseValidator reports a missing one as an error).
    for (SystemRule.Kind kind : SystemRule.Kind.values()) {
      if (!seen.contains(kind) && !LATER_SYSTEM_KINDS.contains(kind)) {
        problem(f, "system", "no system rule of kind " + kind);
      }
    }
    return out;
  }

  private KbSettings settings(RawKb.RulesFile file) {
    RawKb.SettingsRow s = file.settings();
    if (s == null || s.extraPremiumCapPct() == null || s.minConfidence() == null) {
      problem(MANIFEST, "settings", "extraPremiumCapPct and minConfidence are required");
      return new KbSettings(0, 1.0);
    }
    return new KbSettings(s.extraPremiumCapPct(), s.minConfidence());
  }

  private static final Pattern GRADE = Pattern.compile("(一级|二级|三级)(?:(甲|乙|丙)等)?");

  /**
   * The hospital directory: names and aliases unique after normalisation (a receipt name must lead to
   * one hospital), grades 一级..三级 with an optional 甲/乙/丙等, ownership PUBLIC or PRIVATE.
   */
  private HospitalDirectory hospitals(List<RawKb.HospitalRow> rows) {
    List<Hospital> out = new ArrayList<>();
    Map<String, String> owner = new HashMap<>();
    for (RawKb.HospitalRow row : rows) {
      String f = fileOf(row, "hospitals");
      String entry = blank(row.name()) ? "(hospital without name)" : row.name();
      if (blank(row.name())) {
        problem(f, entry, "hospital name is required");
        continue;
      }
      java.util.regex.Matcher g = GRADE.matcher(row.grade() == null ? "" : row.grade().strip());
      if (!g.matches()) {
        problem(f, entry, "grade '" + row.grade() + "' is not one of 一级/二级/三级, optionally followed by 甲等/乙等/丙等");
      }
      Hospital.Ownership ownership = null;
      try {
        ownership = Hospital.Ownership.valueOf(String.valueOf(row.ownership()));
      } catch (IllegalArgumentException e) {
        problem(f, entry, "ownership '" + row.ownership() + "' must be PUBLIC or PRIVATE");
      }
      List<String> names = new ArrayList<>();
      names.add(row.name());
      names.addAll(nonNull(row.aliases()));
      Set<String> own = new HashSet<>();
      for (String n : names) {
        String k = HospitalDirectory.key(n);
        if (k.length() < 4) {
          problem(f, entry, "name or alias '" + n + "' is too short to identify a hospital");
          continue;
        }
        if (!own.add(k)) {
          problem(f, entry, "name or alias '" + n + "' is listed twice on this hospital");
          continue;
        }
        String prev = owner.putIfAbsent(k, row.name());
        if (prev != null) {
          problem(f, entry, "name or alias '" + n + "' is already used by " + prev);
        }
      }
      for (String d : nonNull(row.ineligibleDepartments())) {
        if (blank(d)) {
          problem(f, entry, "an ineligible department is blank");
        }
      }
      if (g.matches() && ownership != null) {
        int level = switch (g.group(1)) {
          case "一级" -> 1;
          case "二级" -> 2;
          default -> 3;
        };
        out.add(new Hospital(row.name().strip(), nonNull(row.aliases()), level, g.group(2), ownership,
            nonNull(row.ineligibleDepartments()), row.province()));
      }
    }
    return new HospitalDirectory(out);
  }

  /** Every disease must reach, for every product line, a rule that matches whatever the facts. */
  private void checkCoverage(KnowledgeBase kb) {
    for (Disease d : kb.diseases()) {
      for (ProductLine p : kb.productLines()) {
        boolean covered = kb.rules().stream().anyMatch(r -> r.when().isEmpty() && r.appliesTo(p.code())
            && (d.id().equals(r.diseaseId()) || d.category().equals(r.category()) || d.chapter().equals(r.category())));
        if (!covered) {
          problem(fileOf(d, "diseases"), d.id(), "no unconditional rule for product line " + p.code()
              + " (on the disease, its block " + d.category() + " or chapter " + d.chapter() + ")");
        }
      }
    }
  }

  private <T> T parse(String file, byte[] content, Class<T> type) {
    if (content == null) {
      return null;
    }
    try {
      T value = yaml.readValue(content, type);
      if (value == null) {
        problem(file, "-", "file is empty");
      }
      return value;
    } catch (IOException e) {
      problem(file, "-", "not valid: " + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
  }

  private void problem(String file, String entry, String message) {
    problems.add(file + ": " + entry + ": " + message);
  }

  private static BigDecimal number(Object o) {
    if (o instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
