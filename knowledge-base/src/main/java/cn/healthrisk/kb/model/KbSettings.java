package cn.healthrisk.kb.model;

/** Engine-wide settings held in rules.yaml. */
public record KbSettings(int extraPremiumCapPct, double minConfidence) {}
