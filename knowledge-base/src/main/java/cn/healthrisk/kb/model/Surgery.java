package cn.healthrisk.kb.model;

import java.util.List;

/** An operation, coded in ICD-9-CM-3, and the disease it treats. */
public record Surgery(String id, String name, List<String> icd9, String conditionId, List<String> synonyms) {}
