package cn.healthrisk.kb.model;

import java.util.List;

/** What a rule decides; only the fields of its type are set (checked at load). */
public record Outcome(
    OutcomeType type,
    int extraPremiumPct,
    String clause,
    List<String> icd10Prefixes,
    Integer postponeMonths,
    List<String> evidenceRequests) {}
