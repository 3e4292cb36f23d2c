package cn.healthrisk.claims.flagbench;

import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptJson;
import cn.healthrisk.claims.generator.ContractReceipts;
import cn.healthrisk.claims.generator.ReceiptData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a folder of labelled flag scenarios and turns each into one intake folder per night, with the
 * described receipts drawn as e-receipt PDFs. Any problem is an {@link IllegalArgumentException} naming the
 * scenario (and claim and document) at fault.
 */
public final class FlagScenarios {
  /** Nights are business dates in China: a claim belongs to the night of its submittedAt there. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final String EXPECTED = "expected.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP_KEYS = Set.of("description", "nights", "expected");
  private static final Set<String> RENDER_KEYS = Set.of("family", "injectText", "tamper");

  private FlagScenarios() {}

  /** Every sub-folder holding an {@code expected.json}, by name; a sub-folder without one is an error. */
  public static List<FlagScenario> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a folder: " + dir);
    }
    List<FlagScenario> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
        out.add(scenario(folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no scenario folders in " + dir);
    }
    return out;
  }

  static FlagScenario scenario(Path folder) {
    String name = folder.getFileName().toString();
    Path expectedFile = folder.resolve(EXPECTED);
    if (!Files.isRegularFile(expectedFile)) {
      throw bad(name, "has no " + EXPECTED);
    }
    JsonNode root = readJson(name, expectedFile);
    if (!root.isObject()) {
      throw bad(name, EXPECTED + " must be a JSON object");
    }
    root.fieldNames().forEachRemaining(k -> {
      if (!TOP_KEYS.contains(k)) {
        throw bad(name, EXPECTED + " has an unknown key '" + k + "' (known: " + TOP_KEYS + ")");
      }
    });
    List<LocalDate> nights = new ArrayList<>();
    if (!root.path("nights").isArray() || root.path("nights").isEmpty()) {
      throw bad(name, EXPECTED + " needs \"nights\": a non-empty list of business dates");
    }
    for (JsonNode n : root.path("nights")) {
      LocalDate d;
      try {
        d = LocalDate.parse(n.asText());
      } catch (DateTimeParseException e) {
        throw bad(name, "night '" + n.asText() + "' is not a date YYYY-MM-DD");
      }
      if (!nights.isEmpty() && !d.isAfter(nights.get(nights.size() - 1))) {
        throw bad(name, "nights must be in increasing order: " + d + " follows " + nights.get(nights.size() - 1));
      }
      nights.add(d);
    }
    if (!root.path("expected").isObject()) {
      throw bad(name, EXPECTED + " needs \"expected\": an object of claim id → list of flag codes");
    }
    Map<String, Set<FlagCode>> expected = new TreeMap<>();
    root.path("expected").properties().forEach(e -> {
      if (!e.getValue().isArray()) {
        throw bad(name, "expected flags of claim " + e.getKey() + " must be a list");
      }
      Set<FlagCode> codes = new LinkedHashSet<>();
      for (JsonNode c : e.getValue()) {
        try {
          codes.add(FlagCode.valueOf(c.asText()));
        } catch (IllegalArgumentException x) {
          throw bad(name, "claim " + e.getKey() + " expects unknown flag code '" + c.asText() + "' (known: "
              + Arrays.toString(FlagCode.values()) + ")");
        }
      }
      expected.put(e.getKey(), codes);
    });

    Map<String, LocalDate> claimNights = new LinkedHashMap<>();
    Map<String, String> claimFolders = new LinkedHashMap<>();
    Path claims = folder.resolve("claims");
    if (!Files.isRegularFile(folder.resolve("policies.jsonl"))) {
      throw bad(name, "has no policies.jsonl");
    }
    if (Files.isDirectory(claims)) {
      try (Stream<Path> s = Files.list(claims)) {
        for (Path c : s.filter(Files::isDirectory).sorted().toList()) {
          Path claimJson = c.resolve("claim.json");
          String where = "claims/" + c.getFileName() + "/claim.json";
          if (!Files.isRegularFile(claimJson)) {
            throw bad(name, where + " is missing");
          }
          JsonNode claim = readJson(name, claimJson);
          String id = claim.path("claimId").asText(null);
          if (id == null || id.isBlank()) {
            throw bad(name, where + " has no claimId");
          }
          Instant submitted;
          try {
            submitted = Instant.parse(claim.path("submittedAt").asText(""));
          } catch (DateTimeParseException e) {
            throw bad(name, where + ": submittedAt '" + claim.path("submittedAt").asText("") + "' is not an ISO instant");
          }
          LocalDate night = submitted.atZone(ZONE).toLocalDate();
          if (!nights.contains(night)) {
            throw bad(name, "claim " + id + " was submitted on " + night + " (Asia/Shanghai), which is not one of the "
                + "nights " + nights);
          }
          if (claimNights.put(id, night) != null) {
            throw bad(name, "claim id " + id + " appears in two claim folders");
          }
          claimFolders.put(id, c.getFileName().toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + claims, e);
      }
    }
    for (String id : expected.keySet()) {
      if (!claimNights.containsKey(id)) {
        throw bad(name, "expected.json names claim " + id + ", which has no claims/<folder>/claim.json");
      }
    }
    return new FlagScenario(name, folder, root.path("description").asText(""), nights, expected, claimNights,
        claimFolders);
  }

  /**
   * Writes one intake folder per night under {@code work} (policies.jsonl plus that night's claims), copying
   * documents that are present and drawing those described by {@code <document>.json}.
   *
   * @return night → its intake folder, in night order
   */
  public static Map<LocalDate, Path> prepare(FlagScenario s, Path work) {
    checkDescriptions(s);
    Map<LocalDate, Path> out = new LinkedHashMap<>();
    try {
      for (LocalDate night : s.nights()) {
        Path n = Files.createDirectories(work.resolve(s.name()).resolve(night.toString()));
        Files.copy(s.folder().resolve("policies.jsonl"), n.resolve("policies.jsonl"));
        Files.createDirectories(n.resolve("claims"));
        out.put(night, n);
      }
      for (Map.Entry<String, String> e : s.claimFolders().entrySet()) {
        String id = e.getKey();
        Path from = s.folder().resolve("claims").resolve(e.getValue());
        Path to = Files.createDirectories(out.get(s.claimNights().get(id)).resolve("claims").resolve(e.getValue()));
        Files.copy(from.resolve("claim.json"), to.resolve("claim.json"));
        JsonNode claim = readJson(s.name(), from.resolve("claim.json"));
        for (JsonNode d : claim.path("documents")) {
          String doc = d.asText();
          if (doc.contains("/") || doc.contains("\\") || doc.startsWith(".")) {
            // The intake rejects such names with its own message; copy nothing outside the claim folder.
            continue;
          }
          Path present = from.resolve(doc);
          Path described = from.resolve(doc + ".json");
          if (Files.isRegularFile(present)) {
            Files.copy(present, to.resolve(doc));
          } else if (Files.isRegularFile(described)) {
            Files.write(to.resolve(doc), render(s.name(), id, doc, readJson(s.name(), described)));
          } else {
            throw bad(s.name(), "claim " + id + ": document " + doc + " is neither present nor described by " + doc
                + ".json");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare scenario " + s.name() + " under " + work, e);
    }
    return out;
  }

  /**
   * Reads every {@code <document>.json} of the scenario and checks it, before anything is drawn or written, so
   * that a bad description is reported by name whatever claim comes first.
   */
  private static void checkDescriptions(FlagScenario s) {
    for (Map.Entry<String, String> e : s.claimFolders().entrySet()) {
      Path from = s.folder().resolve("claims").resolve(e.getValue());
      JsonNode claim = readJson(s.name(), from.resolve("claim.json"));
      for (JsonNode d : claim.path("documents")) {
        Path described = from.resolve(d.asText() + ".json");
        if (!Files.isRegularFile(from.resolve(d.asText())) && Files.isRegularFile(described)) {
          described(s.name(), e.getKey(), d.asText(), readJson(s.name(), described));
        }
      }
    }
  }

  private record Described(ReceiptData data, ContractReceipts.RenderOptions options) {}

  /** The e-receipt PDF a {@code <document>.json} describes. */
  static byte[] render(String scenario, String claimId, String document, JsonNode node) {
    Described d = described(scenario, claimId, document, node);
    try {
      return ContractReceipts.pdf(d.data(), d.options(), (scenario + "/" + claimId + "/" + document).hashCode());
    } catch (IllegalArgumentException x) {
      throw bad(scenario, "claim " + claimId + ", " + document + ".json: " + x.getMessage());
    }
  }

  private static Described described(String scenario, String claimId, String document, JsonNode node) {
    String where = "claim " + claimId + ", " + document + ".json: ";
    JsonNode render = node.path("render");
    String family = null;
    String inject = null;
    ContractReceipts.Tamper tamper = null;
    if (!render.isMissingNode() && !render.isNull()) {
      if (!render.isObject()) {
        throw bad(scenario, where + "\"render\" must be an object");
      }
      for (var it = render.fieldNames(); it.hasNext();) {
        String k = it.next();
        if (!RENDER_KEYS.contains(k)) {
          throw bad(scenario, where + "unknown render option '" + k + "' (known: " + RENDER_KEYS + ")");
        }
      }
      family = render.path("family").isMissingNode() || render.path("family").isNull() ? null
          : render.path("family").asText();
      if (family != null && !ContractReceipts.families().contains(family)) {
        throw bad(scenario, where + "unknown render family '" + family + "' (known: " + ContractReceipts.families() + ")");
      }
      inject = render.path("injectText").isMissingNode() || render.path("injectText").isNull() ? null
          : render.path("injectText").asText();
      if (render.has("tamper") && !render.path("tamper").isNull()) {
        try {
          tamper = ContractReceipts.Tamper.valueOf(render.path("tamper").asText());
        } catch (IllegalArgumentException e) {
          throw bad(scenario, where + "unknown render tamper '" + render.path("tamper").asText() + "' (known: "
              + Arrays.toString(ContractReceipts.Tamper.values()) + ")");
        }
      }
    }
    if (!node.path("fields").isObject()) {
      throw bad(scenario, where + "needs a \"fields\" object as in the receipt extraction contract");
    }
    ReceiptExtraction e;
    try {
      e = ReceiptJson.fromJson(node);
    } catch (IllegalArgumentException x) {
      throw bad(scenario, where + x.getMessage());
    }
    DocumentType type = e.documentType();
    try {
      return new Described(ContractReceipts.fromContract(type, e.fields()),
          new ContractReceipts.RenderOptions(family, inject, tamper));
    } catch (IllegalArgumentException x) {
      throw bad(scenario, where + x.getMessage());
    }
  }

  private static JsonNode readJson(String scenario, Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw bad(scenario, file.getFileName() + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static IllegalArgumentException bad(String scenario, String message) {
    return new IllegalArgumentException("scenario " + scenario + ": " + message);
  }
}
