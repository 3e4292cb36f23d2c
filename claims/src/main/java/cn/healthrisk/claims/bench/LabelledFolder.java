package cn.healthrisk.claims.bench;

import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a labelled folder: one {@code <name>.json} ground truth per document (the contract's
 * receipt shape, {@code document} naming the file) and/or a {@code ground-truth.jsonl} with one
 * such object per line; {@code meta} (family, degradation) from whichever has it.
 */
public final class LabelledFolder {

  /** The one-file-for-all ground truth. */
  public static final String JSONL = "ground-truth.jsonl";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LabelledFolder() {}

  /**
   * The labelled documents in name order.
   *
   * @throws IllegalArgumentException when a ground truth is malformed or names a missing file
   */
  public static List<LabelledDocument> load(Path dir) {
    Map<String, JsonNode> truths = new TreeMap<>();
    try {
      Path jsonl = dir.resolve(JSONL);
      if (Files.isRegularFile(jsonl)) {
        int n = 0;
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
          n++;
          if (!line.isBlank()) {
            JsonNode node = parse(line, jsonl + ":" + n);
            truths.put(documentName(node, jsonl + ":" + n), node);
          }
        }
      }
      List<Path> jsons;
      try (Stream<Path> s = Files.list(dir)) {
        jsons = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList();
      }
      for (Path p : jsons) {
        JsonNode node = parse(Files.readString(p, StandardCharsets.UTF_8), p.toString());
        if (!node.has("fields")) {
          continue;
        }
        String name = node.hasNonNull("document") ? node.get("document").asText() : siblingOf(p);
        JsonNode known = truths.get(name);
        // The per-document file is the truth; a jsonl line may add the meta it lacks.
        if (known != null && !node.has("meta") && known.has("meta")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("meta", known.get("meta"));
        }
        truths.put(name, node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read labelled folder " + dir, e);
    }
    List<LabelledDocument> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : truths.entrySet()) {
      Path file = dir.resolve(e.getKey());
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("ground truth names " + e.getKey() + ", which is not in " + dir);
      }
      ReceiptExtraction truth = ReceiptJson.fromJson(e.getValue());
      JsonNode meta = e.getValue().path("meta");
      out.add(new LabelledDocument(file, truth, metaText(meta, "family"), metaText(meta, "degradation")));
    }
    return out;
  }

  private static JsonNode parse(String json, String where) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": not JSON: " + e.getMessage(), e);
    }
  }

  private static String documentName(JsonNode node, String where) {
    if (!node.hasNonNull("document")) {
      throw new IllegalArgumentException(where + ": no \"document\" naming the file");
    }
    return node.get("document").asText();
  }

  /** The document next to a ground-truth file with the same stem. */
  private static String siblingOf(Path json) throws IOException {
    String stem = json.getFileName().toString().replaceFirst("(?i)\\.json$", "");
    try (Stream<Path> s = Files.list(json.getParent())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(stem + ".") && !n.toLowerCase(Locale.ROOT).endsWith(".json"))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(json + ": no document next to it"));
    }
  }

  private static String metaText(JsonNode meta, String key) {
    JsonNode v = meta.get(key);
    return v == null || v.isNull() ? "?" : v.asText();
  }
}
