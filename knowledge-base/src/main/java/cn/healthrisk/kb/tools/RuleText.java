package cn.healthrisk.kb.tools;

import cn.healthrisk.kb.model.Condition;
import cn.healthrisk.kb.model.Facts;
import cn.healthrisk.kb.model.OutcomeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rules in the words of an underwriting manual: fact names, conditions and outcomes in Chinese. */
final class RuleText {
  private RuleText() {}

  private static final Map<String, String> FACTS = Map.ofEntries(
      Map.entry(Facts.AGE, "年龄"), Map.entry(Facts.SEX, "性别"), Map.entry(Facts.SMOKER, "吸烟"),
      Map.entry(Facts.SOURCE, "信息来源"), Map.entry(Facts.STATUS, "目前状态"), Map.entry(Facts.SINCE, "诊断/治疗时间"),
      Map.entry(Facts.MONTHS_SINCE, "距诊断/治疗月数"), Map.entry(Facts.GRADE, "分级"), Map.entry(Facts.TIRADS, "TI-RADS 分类"),
      Map.entry(Facts.BIRADS, "BI-RADS 分类"), Map.entry(Facts.RADS_CATEGORY, "RADS 亚类"), Map.entry(Facts.SIZE_MM, "大小(mm)"),
      Map.entry(Facts.SYSTOLIC, "收缩压(mmHg)"), Map.entry(Facts.DIASTOLIC, "舒张压(mmHg)"), Map.entry(Facts.SEVERITY, "严重程度"),
      Map.entry(Facts.OPERATED, "已手术"), Map.entry(Facts.SURGERY, "手术"), Map.entry(Facts.ICD9, "手术编码"),
      Map.entry(Facts.VALUE, "检验值"), Map.entry(Facts.UNIT, "单位"), Map.entry(Facts.INDICATOR, "体检指标"),
      Map.entry(Facts.MARKER, "标志物"), Map.entry(Facts.SEVERE, "重度"), Map.entry("malignant", "恶性"),
      Map.entry("chronic", "慢性病"));

  private static final Map<String, String> VALUES = Map.of(
      "CURED", "已治愈", "CONTROLLED", "控制良好", "STABLE", "稳定", "UNCONTROLLED", "控制不佳", "ONGOING", "治疗中",
      "true", "是", "false", "否", "M", "男", "F", "女");

  static String fact(String fact) {
    return FACTS.getOrDefault(fact, fact);
  }

  static String value(Object v) {
    String s = String.valueOf(v);
    return VALUES.getOrDefault(s, s);
  }

  static String conditions(List<Condition> when) {
    if (when.isEmpty()) {
      return "不限";
    }
    List<String> parts = new ArrayList<>();
    for (Condition c : when) {
      String name = fact(c.fact());
      if (c instanceof Condition.Range r) {
        if (r.min() != null && r.max() != null) {
          parts.add(name + " " + r.min().toPlainString() + "–" + r.max().toPlainString());
        } else if (r.min() != null) {
          parts.add(name + " ≥ " + r.min().toPlainString());
        } else {
          parts.add(name + " ≤ " + r.max().toPlainString());
        }
      } else if (c instanceof Condition.OneOf o) {
        parts.add(name + " 为 " + String.join("/", o.values().stream().map(RuleText::value).toList()));
      } else if (c instanceof Condition.Equals e) {
        parts.add(name + "：" + value(e.value()));
      }
    }
    return String.join("，且 ", parts);
  }

  static String outcome(OutcomeType type) {
    return switch (type) {
      case STANDARD -> "标准体承保";
      case EXCLUSION -> "除外承保";
      case RATED -> "加费承保";
      case REFER -> "转人工核保";
      case POSTPONE -> "延期";
      case DECLINE -> "拒保";
    };
  }
}
