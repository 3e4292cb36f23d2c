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
      Map.entry("MORE_INFO_REQUESTED", "待补充材料"));

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
    FIELDS = java.util.Collections.unmodifiableMap(m);
  }
}
