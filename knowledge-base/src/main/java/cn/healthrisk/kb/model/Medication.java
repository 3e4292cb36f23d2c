package cn.healthrisk.kb.model;

import java.util.List;

/**
 * A medicine whose use points to one condition: naming it discloses that condition.
 *
 * @param aliases generic and brand names and colloquial names ("降压药")
 * @param implies id of the disease it is taken for
 */
public record Medication(String id, String name, List<String> aliases, String implies) {}
