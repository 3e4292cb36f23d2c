package cn.healthrisk.kb.model;

import java.util.List;

/**
 * One hospital of the directory.
 *
 * @param name the registered name, as on its 收款单位 seal
 * @param aliases other names a receipt may print (short names, former names)
 * @param level 1, 2 or 3 (一级/二级/三级)
 * @param gradeClass 甲, 乙 or 丙, or null when the hospital is not graded within its level
 * @param ownership PUBLIC or PRIVATE
 * @param ineligibleDepartments departments of this hospital that insurers treat apart (特需部, 国际部, VIP ...)
 * @param province province or municipality, e.g. 北京市
 */
public record Hospital(String name, List<String> aliases, int level, String gradeClass, Ownership ownership,
    List<String> ineligibleDepartments, String province) {

  public Hospital {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ineligibleDepartments = ineligibleDepartments == null ? List.of() : List.copyOf(ineligibleDepartments);
  }

  /** Who owns the hospital. */
  public enum Ownership {
    PUBLIC,
    PRIVATE
  }

  /** The grade as printed in China, e.g. 三级甲等 or 二级. */
  public String grade() {
    String l = switch (level) {
      case 1 -> "一级";
      case 2 -> "二级";
      default -> "三级";
    };
    return gradeClass == null ? l : l + gradeClass + "等";
  }
}
