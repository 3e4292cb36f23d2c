package cn.healthrisk.underwriting.decision;

/** A problem with one field of an application, e.g. {@code productLines[2]}: unknown code. */
public record FieldError(String path, String message) {}
