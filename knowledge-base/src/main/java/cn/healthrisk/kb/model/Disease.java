package cn.healthrisk.kb.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A condition the engine recognises, placed in the ICD-10 hierarchy.
 *
 * @param icd10 codes or code prefixes, the first being the primary one
 * @param category the ICD-10 block containing the primary code, e.g. {@code E00-E07}
 * @param chapter the ICD-10 chapter containing the primary code, e.g. {@code E00-E90}
 * @param broader id of a broader disease this one refines (a checkup finding of the broader
 *     disease confirms this one), or null
 * @param attributes facts every finding of this disease carries, for rule conditions
 */
public record Disease(
    String id,
    String name,
    List<String> icd10,
    String category,
    String chapter,
    List<String> synonyms,
    List<Pattern> patterns,
    String broader,
    Map<String, Object> attributes) {

  public String primaryIcd10() {
    return icd10.get(0);
  }
}
