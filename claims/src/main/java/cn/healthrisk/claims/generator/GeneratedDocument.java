package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated receipt file with its ground truth.
 *
 * @param document the png, jpg or pdf file
 * @param groundTruth the {@code <name>.json} file next to it
 * @param fields exactly what is printed: fields the family does not print are null
 * @param meta family, degradation, format, seal and capture details, as written to the JSON
 */
public record GeneratedDocument(
    Path document,
    Path groundTruth,
    DocumentType documentType,
    ReceiptFields fields,
    Map<String, Object> meta) {

  public GeneratedDocument {
    meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
  }
}
