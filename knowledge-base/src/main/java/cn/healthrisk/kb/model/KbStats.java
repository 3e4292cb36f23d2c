package cn.healthrisk.kb.model;

import java.util.Map;

/**
 * Counts of what a knowledge base holds; {@code diseasesByCategory} keyed by ICD-10 block.
 *
 * @param rulesByProductLineAndOutcome per product line, the rules that can apply to it, by outcome
 * @param diseasesByProductLineAndOutcome per product line, the diseases by the outcome a finding of the disease
 *     gets when nothing more is known of it (no grade, size, control or time: the rule the engine falls back on)
 * @param diseasesWithConditionalRules per product line, the diseases whose outcome there depends on attributes
 */
public record KbStats(
    int diseases,
    int surgeries,
    int indicators,
    int productLines,
    int rules,
    Map<String, Integer> diseasesByCategory,
    Map<String, Integer> diseasesByChapter,
    Map<String, Map<String, Integer>> rulesByProductLineAndOutcome,
    Map<String, Map<String, Integer>> diseasesByProductLineAndOutcome,
    Map<String, Integer> diseasesWithConditionalRules) {}
