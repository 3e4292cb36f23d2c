package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.ocr.TextBox;

/**
 * Where a field's value was read: the page (0-based), the text of the box that holds the value,
 * and that box (null when the value did not come from a located box).
 */
public record FieldSource(int page, String text, TextBox box) {}
