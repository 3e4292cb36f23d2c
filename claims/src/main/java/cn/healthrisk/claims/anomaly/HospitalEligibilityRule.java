package cn.healthrisk.claims.anomaly;

import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.kb.hospital.HospitalDirectory;
import cn.healthrisk.kb.model.Hospital;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INELIGIBLE_HOSPITAL: under {@code PUBLIC_GRADE2_PLUS} the receipt's 收款单位 must be a public hospital of
 * grade 二级 or above, outside its special departments. A name the directory does not hold is only
 * reported as unverified (LOW): the engine cannot say it is ineligible.
 */
public final class HospitalEligibilityRule {

  /** Why a hospital was flagged, as written to the evidence. */
  public enum Reason {
    PRIVATE,
    GRADE_BELOW_2,
    SPECIAL_DEPARTMENT,
    UNVERIFIED
  }

  private final HospitalDirectory directory;
  private final String kbVersion;

  public HospitalEligibilityRule(HospitalDirectory directory, String kbVersion) {
    this.directory = directory;
    this.kbVersion = kbVersion;
  }

  /** One flag per distinct hospital name on the claim's receipts that fails the policy's requirement. */
  public List<Flag> evaluate(Policy policy, List<ReceiptExtraction> receipts) {
    List<Flag> out = new ArrayList<>();
    if (policy == null || policy.hospitalRequirement() != Policy.HospitalRequirement.PUBLIC_GRADE2_PLUS) {
      return out;
    }
    Map<String, List<String>> documentsByName = new LinkedHashMap<>();
    for (ReceiptExtraction r : receipts) {
      String name = r.fields().hospitalName();
      if (name != null && !name.isBlank()) {
        documentsByName.computeIfAbsent(name.strip(), k -> new ArrayList<>()).add(r.document());
      }
    }
    documentsByName.forEach((name, docs) -> check(name, docs).ifPresent(out::add));
    return out;
  }

  java.util.Optional<Flag> check(String name, List<String> documents) {
    HospitalDirectory.Match m = directory.match(name);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("document", documents.get(0));
    if (documents.size() > 1) {
      evidence.put("documents", List.copyOf(documents));
    }
    evidence.put("field", "hospitalName");
    evidence.put("hospitalName", name);
    evidence.put("policyClause", "hospitalRequirement=PUBLIC_GRADE2_PLUS（二级及以上公立医院普通部）");
    if (kbVersion != null) {
      evidence.put("kbVersion", kbVersion);
    }
    if (m.hospital().isEmpty()) {
      if (m.specialDepartment() != null) {
        evidence.put("reason", Reason.SPECIAL_DEPARTMENT.name());
        evidence.put("department", m.specialDepartment());
        return java.util.Optional.of(new Flag(FlagCode.INELIGIBLE_HOSPITAL, Severity.HIGH,
            "就诊机构 " + name + " 为特需/国际/VIP 部门，不属于保单约定的二级及以上公立医院普通部", evidence));
      }
      evidence.put("reason", Reason.UNVERIFIED.name());
      return java.util.Optional.of(new Flag(FlagCode.INELIGIBLE_HOSPITAL, Severity.LOW,
          "医院未在名录中，无法核实：" + name + "（保单要求二级及以上公立医院普通部），请人工核实医院等级与性质", evidence));
    }
    Hospital h = m.hospital().get();
    evidence.put("directoryName", h.name());
    evidence.put("grade", h.grade());
    evidence.put("ownership", h.ownership().name());
    String why;
    Reason reason;
    if (h.ownership() == Hospital.Ownership.PRIVATE) {
      reason = Reason.PRIVATE;
      why = "为民营医院（" + h.grade() + "）";
    } else if (h.level() < 2) {
      reason = Reason.GRADE_BELOW_2;
      why = "为" + h.grade() + "医疗机构";
    } else if (m.specialDepartment() != null) {
      reason = Reason.SPECIAL_DEPARTMENT;
      why = "的" + m.specialDepartment() + "不属于普通部";
      evidence.put("department", m.specialDepartment());
    } else {
      return java.util.Optional.empty();
    }
    evidence.put("reason", reason.name());
    return java.util.Optional.of(new Flag(FlagCode.INELIGIBLE_HOSPITAL, Severity.HIGH,
        "就诊医院 " + name + why + "，不符合保单约定的二级及以上公立医院普通部", evidence));
  }
}
