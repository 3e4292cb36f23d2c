package cn.healthrisk.kb.checkup;

/** One line of a checkup report as given: a name, a value (number, 阳性/阴性 or text) and a unit. */
public record CheckupItem(String name, String value, String unit) {}
