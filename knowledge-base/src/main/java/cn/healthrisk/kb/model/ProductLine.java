package cn.healthrisk.kb.model;

/** One of the contract's product lines, e.g. {@code MILLION_MEDICAL 百万医疗险}. */
public record ProductLine(String code, String name) {}
