package cn.healthrisk.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese labels for flag codes and receipt fields on the adjuster pages. */
final class FlagLabels {
  private FlagLabels() {}

  static final Map<String, String> ZH = Map.ofEntries(
      Map.entry("UNREADABLE_DOCUMENT", "单据无法读取"),
      Map.entry("LOW_CONFIDENCE_EXTRACTION", "识别置信度低"),
      Map.entry("DUPLICATE_RECEIPT", "重复票据"),
      Map.entry("RECEIPT_TOTAL_MISMATCH", "票据合计不符"),
      Map.entry("PAYMENT_SPLIT_MISMATCH", "支付构成不符"),
      Map.entry("CLAIMED_AMOUNT_MISMATCH", "申请金额不符"),
      Map.entry("PAYER_MISMATCH", "交款人非被保险人"),
      Map.entry("DATE_INCONSISTENT", "日期矛盾"),
      Map.entry("OUTSIDE_POLICY_PERIOD", "不在保险期间"),
      Map.entry("WAITING_PERIOD", "等待期内出险"),
      Map.entry("EXCLUDED_CONDITION", "除外责任"),
      Map.entry("INELIGIBLE_HOSPITAL", "医院不符合要求"),
      Map.entry("SPLIT_HOSPITALIZATION", "分解住院"),
      Map.entry("OVERLAPPING_STAYS", "住院时间重叠"),
      Map.entry("HIGH_FREQUENCY", "频繁理赔"),
      Map.entry("DOCUMENT_TAMPERING_SUSPECTED", "疑似篡改"),
      Map.entry("PROMPT_INJECTION_SUSPECTED", "疑似提示词注入"),
      Map.entry("RECEIVED", "待处理"),
      Map.entry("PROCESSING", "处理中"),
      Map.entry("NEEDS_REVIEW", "待审核"),
      Map.entry("CLEAN", "无异常"),
      Map.entry("APPROVED", "已通过"),
      Map.entry("REJECTED", "已拒赔"),
      Map.entry("MORE_INFO_REQUESTED", "待补充材料"),
      Map.entry("PENDING_SUPERVISOR", "待主管复核"),
      Map.entry("SUGGEST_APPROVE", "建议通过"),
      Map.entry("SUGGEST_REVIEW", "建议人工审核"),
      Map.entry("SUGGEST_REQUEST_INFO", "建议补充材料"),
      Map.entry("SUGGEST_INVESTIGATE", "建议调查"),
      Map.entry("APPROVE", "通过"),
      Map.entry("PROPOSE_APPROVAL", "提交通过申请(待主管复核)"),
      Map.entry("CONFIRM_APPROVAL", "主管确认通过"),
      Map.entry("REJECT", "拒赔"),
      Map.entry("REQUEST_INFO", "要求补充材料"),
      Map.entry("CORRECT_FIELD", "更正字段"),
      Map.entry("ADJUSTER", "理赔员"),
      Map.entry("SUPERVISOR", "主管"),
      Map.entry("OUTPATIENT", "门诊"),
      Map.entry("INPATIENT", "住院"),
      Map.entry("OUTPATIENT_RECEIPT", "门诊收费票据"),
      Map.entry("INPATIENT_RECEIPT", "住院收费票据"),
      Map.entry("OTHER", "其他单据"),
      Map.entry("ANY", "不限"),
      Map.entry("PUBLIC_GRADE2_PLUS", "二级及以上公立医院普通部"));

  /** The flag codes of the contract, in the order the queue's filter lists them. */
  static final java.util.List<String> FLAG_CODES = java.util.List.of("UNREADABLE_DOCUMENT", "LOW_CONFIDENCE_EXTRACTION",
      "DUPLICATE_RECEIPT", "RECEIPT_TOTAL_MISMATCH", "PAYMENT_SPLIT_MISMATCH", "CLAIMED_AMOUNT_MISMATCH",
      "PAYER_MISMATCH", "DATE_INCONSISTENT", "OUTSIDE_POLICY_PERIOD", "WAITING_PERIOD", "EXCLUDED_CONDITION",
      "INELIGIBLE_HOSPITAL", "SPLIT_HOSPITALIZATION", "OVERLAPPING_STAYS", "HIGH_FREQUENCY",
      "DOCUMENT_TAMPERING_SUSPECTED", "PROMPT_INJECTION_SUSPECTED");

  /** Statuses the queue can be filtered by, in workflow order. */
  static final java.util.List<String> STATUS_CODES = java.util.List.of("RECEIVED", "PROCESSING", "NEEDS_REVIEW",
      "CLEAN", "PENDING_SUPERVISOR", "MORE_INFO_REQUESTED", "APPROVED", "REJECTED");

  static final Map<String, String> FIELDS;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("invoiceCode", "票据代码");
    m.put("invoiceNumber", "票据号码");
    m.put("checkCode", "校验码");
    m.put("payerName", "交款人");
    m.put("payerIdMasked", "交款人证件号");
    m.put("issueDate", "开票日期");
    m.put("hospitalName", "收款单位");
    m.put("hospitalType", "医疗机构类型");
    m.put("insuranceType", "医保类型");
    m.put("visitDate", "就诊日期");
    m.put("admissionDate", "入院日期");
    m.put("dischargeDate", "出院日期");
    m.put("hospitalDays", "住院天数");
    m.put("totalAmount", "合计(小写)");
    m.put("totalAmountInWords", "合计(大写)");
    m.put("fundPayment", "医保统筹基金支付");
    m.put("otherPayment", "其他支付");
    m.put("personalAccountPayment", "个人账户支付");
    m.put("personalCashPayment", "个人现金支付");
    m.put("selfPayPortion", "个人自付");
    m.put("selfExpense", "个人自费");
    FIELDS = new FieldLabels(java.util.Collections.unmodifiableMap(m));
  }

  /** Field labels that also name charge items: {@code items[2].amount} → 第3项收费项目·金额. */
  private static final class FieldLabels extends java.util.AbstractMap<String, String> {
    private final Map<String, String> plain;

    FieldLabels(Map<String, String> plain) {
      this.plain = plain;
    }

    @Override
    public String get(Object key) {
      String label = plain.get(key);
      if (label != null || !(key instanceof String k)) {
        return label;
      }
      java.util.regex.Matcher m = cn.healthrisk.claims.review.ReviewService.ITEM_FIELD.matcher(k);
      if (!m.matches()) {
        return null;
      }
      if (m.group(3) != null) {
        return "新增收费项目";
      }
      return "第" + (Integer.parseInt(m.group(1)) + 1) + "项收费项目·" + (m.group(2).equals("name") ? "名称" : "金额");
    }

    @Override
    public java.util.Set<Entry<String, String>> entrySet() {
      return plain.entrySet();
    }
  }
}
