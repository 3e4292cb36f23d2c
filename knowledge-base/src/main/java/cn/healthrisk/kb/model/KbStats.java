package cn.healthrisk.kb.model;

import java.util.Map;

/** Counts of what a knowledge base holds; {@code diseasesByCategory} keyed by ICD-10 block. */
public record KbStats(
    int diseases,
    int surgeries,
    int indicators,
    int productLines,
    int rules,
    Map<String, Integer> diseasesByCategory,
    Map<String, Integer> diseasesByChapter) {}
