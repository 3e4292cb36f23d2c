package cn.healthrisk.claims.anomaly;

import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.validation.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The per-claim anomaly rules: small pure functions over a {@link ClaimContext}, each raising at
 * most one flag per piece of evidence, in a fixed order so reruns give identical results.
 */
public final class ClaimAnomalyRules {

  private static final Set<String> TOTAL_CHECKS = Set.of("ITEMS_SUM_EQUALS_TOTAL", "AMOUNT_IN_WORDS_MATCHES_TOTAL");
  private static final Set<String> SPLIT_CHECKS = Set.of("PAYMENT_SPLIT_EQUALS_TOTAL");
  private static final Set<String> DATE_CHECKS = Set.of("DATES_ORDERED", "HOSPITAL_DAYS_MATCH_DATES");

  /** Diagnosis words that name an injury when no ICD-10 code was given. */
  private static final java.util.regex.Pattern INJURY_WORDS = java.util.regex.Pattern.compile(
      "外伤|骨折|扭伤|挫伤|拉伤|裂伤|割伤|刺伤|摔伤|跌伤|撞伤|烧伤|烫伤|咬伤|脱位|车祸|意外|中毒|溺水");

  private final AnomalySettings settings;
  private final HospitalEligibilityRule hospitals;
  private final DiagnosisCoder coder;

  /** Rules without a hospital directory: every hospital under PUBLIC_GRADE2_PLUS is unverified. */
  public ClaimAnomalyRules(AnomalySettings settings) {
    this(settings, new HospitalEligibilityRule(cn.healthrisk.kb.hospital.HospitalDirectory.empty(), null));
  }

  /** Rules that check only coded diagnoses against exclusions. */
  public ClaimAnomalyRules(AnomalySettings settings, HospitalEligibilityRule hospitals) {
    this(settings, hospitals, DiagnosisCoder.NONE);
  }

  public ClaimAnomalyRules(AnomalySettings settings, HospitalEligibilityRule hospitals, DiagnosisCoder coder) {
    this.settings = settings;
    this.hospitals = hospitals;
    this.coder = Objects.requireNonNull(coder);
  }

  public AnomalySettings settings() {
    return settings;
  }

  public List<Flag> evaluate(ClaimContext ctx) {
    List<Flag> flags = new ArrayList<>();
    unreadable(ctx, flags);
    injection(ctx, flags);
    tampering(ctx, flags);
    for (ReceiptExtraction r : ctx.receipts()) {
      fromValidations(r, TOTAL_CHECKS, FlagCode.RECEIPT_TOTAL_MISMATCH, Severity.HIGH, "票据金额不一致", flags);
      fromValidations(r, SPLIT_CHECKS, FlagCode.PAYMENT_SPLIT_MISMATCH, Severity.MEDIUM, "支付方式合计与票据合计不一致", flags);
      fromValidations(r, DATE_CHECKS, FlagCode.DATE_INCONSISTENT, Severity.MEDIUM, "票据日期不一致", flags);
      lowConfidence(r, flags);
      payer(ctx.policy(), r, flags);
      policyPeriod(ctx.claim(), ctx.policy(), r, flags);
    }
    duplicates(ctx, flags);
    claimedAmount(ctx, flags);
    excluded(ctx, flags);
    flags.addAll(hospitals.evaluate(ctx.policy(), ctx.receipts()));
    return List.copyOf(flags);
  }

  private static void unreadable(ClaimContext ctx, List<Flag> flags) {
    ctx.unreadable().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        flags.add(new Flag(FlagCode.UNREADABLE_DOCUMENT, Severity.HIGH,
            "单据 " + e.getKey() + " 无法读取：" + e.getValue(),
            Map.of("document", e.getKey(), "reason", e.getValue()))));
  }

  private static void injection(ClaimContext ctx, List<Flag> flags) {
    ctx.injectionEvidence().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        flags.add(new Flag(FlagCode.PROMPT_INJECTION_SUSPECTED, Severity.HIGH,
            "单据 " + e.getKey() + " 含有试图操纵自动审核的文字，请人工核对原件",
            Map.of("document", e.getKey(), "text", String.join(" | ", e.getValue())))));
  }

  private static void tampering(ClaimContext ctx, List<Flag> flags) {
    ctx.tamperEvidence().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        flags.add(new Flag(FlagCode.DOCUMENT_TAMPERING_SUSPECTED, Severity.HIGH,
            "单据 " + e.getKey() + " 疑似被篡改（" + String.join("；", e.getValue()) + "），请调阅原件核对",
            Map.of("document", e.getKey(), "findings", List.copyOf(e.getValue())))));
  }

  private void fromValidations(ReceiptExtraction r, Set<String> checks, FlagCode code, Severity severity,
      String title, List<Flag> flags) {
    for (Validation v : r.validations()) {
      if (!v.passed() && checks.contains(v.check()) && !isMissingInput(v) && !roundingOnly(r.fields(), v.check())) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("document", r.document());
        evidence.put("check", v.check());
        if (v.field() != null) {
          evidence.put("field", v.field());
        }
        flags.add(new Flag(code, severity,
            title + "（" + r.document() + "）：" + Objects.requireNonNullElse(v.detail(), v.check()), evidence));
      }
    }
  }

  /**
   * A sum that misses the total by no more than the amount tolerance (a cent of rounding between the lines) is
   * recorded as a failed check on the receipt but raises no flag. Words against figures have no tolerance.
   */
  private boolean roundingOnly(ReceiptFields f, String check) {
    if (f.totalAmount() == null) {
      return false;
    }
    BigDecimal sum;
    if (check.equals("ITEMS_SUM_EQUALS_TOTAL")) {
      if (f.items().isEmpty()) {
        return false;
      }
      sum = f.items().stream().map(ReceiptItem::amount).filter(Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    } else if (check.equals("PAYMENT_SPLIT_EQUALS_TOTAL")) {
      sum = java.util.stream.Stream.of(f.fundPayment(), f.otherPayment(), f.personalAccountPayment(),
          f.personalCashPayment()).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    } else {
      return false;
    }
    BigDecimal diff = sum.subtract(f.totalAmount()).abs();
    return diff.signum() > 0 && diff.compareTo(settings.amountTolerance()) <= 0;
  }

  /** A check that failed only because a field was not read is a confidence problem, not an anomaly. */
  private static boolean isMissingInput(Validation v) {
    return v.detail() != null && v.detail().startsWith("missing");
  }

  private static void lowConfidence(ReceiptExtraction r, List<Flag> flags) {
    ReceiptFields f = r.fields();
    List<String> missing = new ArrayList<>();
    // 票据代码 and 票据号码 together identify a receipt: without the code no duplicate can be found.
    if (f.invoiceCode() == null) {
      missing.add("invoiceCode");
    }
    if (f.invoiceNumber() == null) {
      missing.add("invoiceNumber");
    }
    if (f.totalAmount() == null) {
      missing.add("totalAmount");
    }
    if (f.issueDate() == null) {
      missing.add("issueDate");
    }
    if (f.payerName() == null) {
      missing.add("payerName");
    }
    if (f.hospitalName() == null) {
      missing.add("hospitalName");
    }
    if (f.visitDate() == null && f.admissionDate() == null) {
      missing.add(r.documentType() == cn.healthrisk.claims.extraction.DocumentType.INPATIENT_RECEIPT
          ? "admissionDate" : "visitDate");
    }
    if (!missing.isEmpty()) {
      flags.add(new Flag(FlagCode.LOW_CONFIDENCE_EXTRACTION, Severity.MEDIUM,
          "单据 " + r.document() + " 未能可靠识别必填字段：" + String.join(", ", missing),
          Map.of("document", r.document(), "fields", missing)));
    }
  }

  private static void payer(Policy policy, ReceiptExtraction r, List<Flag> flags) {
    String payer = r.fields().payerName();
    if (payer == null || policy == null || policy.insured() == null || policy.insured().name() == null) {
      return;
    }
    if (!normalise(payer).equals(normalise(policy.insured().name()))) {
      flags.add(new Flag(FlagCode.PAYER_MISMATCH, Severity.HIGH,
          "票据 " + r.document() + " 的交款人“" + payer + "”与被保险人“" + policy.insured().name() + "”不一致",
          Map.of("document", r.document(), "field", "payerName", "policyNo", policy.policyNo())));
      return;
    }
    String masked = r.fields().payerIdMasked();
    if (masked != null && !idAgrees(masked, policy.insured().idNumber())) {
      flags.add(new Flag(FlagCode.PAYER_MISMATCH, Severity.HIGH,
          "票据 " + r.document() + " 的交款人“" + payer + "”与被保险人同名，但证件号 " + masked + " 与被保险人证件号"
              + mask(policy.insured().idNumber()) + "不符，疑似同名不同人",
          Map.of("document", r.document(), "field", "payerIdMasked", "policyNo", policy.policyNo(),
              "payerIdMasked", masked, "insuredIdMasked", mask(policy.insured().idNumber()))));
    }
  }

  /**
   * Whether a masked ID number (330102********1234) can be the insured's: every digit it shows equals the
   * insured's digit in the same place. Only an 18-character resident ID is compared; any other shape (a
   * 统一社会信用代码, a passport) is left to the adjuster.
   */
  static boolean idAgrees(String masked, String idNumber) {
    String m = masked.strip().replace('＊', '*').toUpperCase(java.util.Locale.ROOT);
    String id = idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    if (m.length() != 18 || id.length() != 18 || m.indexOf('*') < 0 || !m.matches("[0-9X*]{18}")) {
      return true;
    }
    for (int i = 0; i < 18; i++) {
      char c = m.charAt(i);
      if (c != '*' && c != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The insured's ID number as a receipt shows it: first six and last four. */
  private static String mask(String idNumber) {
    if (idNumber == null || idNumber.length() < 10) {
      return "（未知）";
    }
    return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
  }

  private static String normalise(String name) {
    return name.replaceAll("[\\s·•.]", "");
  }

  /** The date treatment started: visit date for outpatients, admission for inpatients, else the issue date. */
  static LocalDate treatmentDate(ReceiptFields f) {
    if (f.admissionDate() != null) {
      return f.admissionDate();
    }
    if (f.visitDate() != null) {
      return f.visitDate();
    }
    return f.issueDate();
  }

  static String treatmentField(ReceiptFields f) {
    if (f.admissionDate() != null) {
      return "admissionDate";
    }
    return f.visitDate() != null ? "visitDate" : "issueDate";
  }

  private static void policyPeriod(Claim claim, Policy policy, ReceiptExtraction r, List<Flag> flags) {
    LocalDate d = treatmentDate(r.fields());
    if (d == null || policy == null) {
      return;
    }
    if (d.isBefore(policy.effectiveDate()) || d.isAfter(policy.expiryDate())) {
      flags.add(new Flag(FlagCode.OUTSIDE_POLICY_PERIOD, Severity.HIGH,
          "就诊日期 " + d + " 不在保险期间内（" + policy.effectiveDate() + " 至 " + policy.expiryDate() + "）",
          Map.of("document", r.document(), "field", treatmentField(r.fields()), "policyNo", policy.policyNo(),
              "policyClause", "保险期间 " + policy.effectiveDate() + " 至 " + policy.expiryDate())));
      return;
    }
    int waitingDays = policy.waitingPeriodDays() == null ? 0 : policy.waitingPeriodDays();
    LocalDate waitingEnds = policy.effectiveDate().plusDays(waitingDays);
    if (waitingDays > 0 && d.isBefore(waitingEnds) && !isInjury(claim)) {
      flags.add(new Flag(FlagCode.WAITING_PERIOD, Severity.HIGH,
          "就诊日期 " + d + " 在等待期内(生效 " + policy.effectiveDate() + ", 等待期 " + waitingDays + " 天)",
          Map.of("document", r.document(), "field", treatmentField(r.fields()), "policyNo", policy.policyNo(),
              "policyClause", "疾病等待期 " + waitingDays + " 天（至 " + waitingEnds.minusDays(1) + "），意外伤害不受等待期限制")));
    }
  }

  /**
   * Accidents are not subject to the waiting period: injuries (ICD-10 chapter XIX, S00–T98) and their
   * external causes (chapter XX, V01–Y98); without a code, a diagnosis text naming an injury.
   */
  static boolean isInjury(Claim claim) {
    if (claim.diagnosis() == null) {
      return false;
    }
    String icd = claim.diagnosis().icd10();
    if (icd != null && !icd.isBlank()) {
      char c = Character.toUpperCase(icd.strip().charAt(0));
      return c == 'S' || c == 'T' || c == 'V' || c == 'W' || c == 'X' || c == 'Y';
    }
    String text = claim.diagnosis().text();
    return text != null && INJURY_WORDS.matcher(text).find();
  }

  /** The same receipt twice in one claim; receipts shared with other claims are {@link DuplicateReceiptRule}'s. */
  private static void duplicates(ClaimContext ctx, List<Flag> flags) {
    flags.addAll(DuplicateReceiptRule.withinClaim(ctx.receipts().stream()
        .map(r -> new DuplicateReceiptRule.ReceiptRef(r.document(), r.fields().invoiceCode(), r.fields().invoiceNumber()))
        .toList()));
  }

  private void claimedAmount(ClaimContext ctx, List<Flag> flags) {
    if (!ctx.unreadable().isEmpty() || ctx.receipts().isEmpty() || ctx.claim().claimedAmount() == null) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (ReceiptExtraction r : ctx.receipts()) {
      if (r.fields().totalAmount() == null) {
        return;
      }
      sum = sum.add(r.fields().totalAmount());
    }
    if (sum.subtract(ctx.claim().claimedAmount()).abs().compareTo(settings.amountTolerance()) > 0) {
      flags.add(new Flag(FlagCode.CLAIMED_AMOUNT_MISMATCH, Severity.MEDIUM,
          "申请金额 " + ctx.claim().claimedAmount().toPlainString() + " 与票据合计 " + sum.setScale(2).toPlainString() + " 不一致",
          Map.of("field", "claimedAmount", "claimedAmount", ctx.claim().claimedAmount().toPlainString(),
              "receiptsTotal", sum.setScale(2).toPlainString())));
    }
  }

  private void excluded(ClaimContext ctx, List<Flag> flags) {
    Claim.Diagnosis dx = ctx.claim().diagnosis();
    if (dx == null || ctx.policy() == null || ctx.policy().exclusions().isEmpty()) {
      return;
    }
    if (dx.icd10() != null && !dx.icd10().isBlank()) {
      String code = dx.icd10().strip().toUpperCase(java.util.Locale.ROOT);
      Policy.Exclusion ex = exclusionFor(ctx.policy(), code);
      if (ex != null) {
        flags.add(new Flag(FlagCode.EXCLUDED_CONDITION, Severity.HIGH,
            "诊断 " + dx.text() + "（" + dx.icd10() + "）属于核保除外责任：" + ex.clause(),
            Map.of("field", "diagnosis.icd10", "policyNo", ctx.policy().policyNo(), "clause", ex.clause(),
                "icd10Prefix", prefixOf(ex, code))));
      }
      return;
    }
    // No code: what the diagnosis text plainly names, read with the knowledge base.
    for (String code : coder.codes(dx.text())) {
      String upper = code.toUpperCase(java.util.Locale.ROOT);
      Policy.Exclusion ex = exclusionFor(ctx.policy(), upper);
      if (ex != null) {
        flags.add(new Flag(FlagCode.EXCLUDED_CONDITION, Severity.HIGH,
            "诊断“" + dx.text() + "”未填写 ICD-10，按知识库对应 " + code + "，属于核保除外责任：" + ex.clause()
                + "（请核对诊断编码）",
            Map.of("field", "diagnosis.text", "policyNo", ctx.policy().policyNo(), "clause", ex.clause(),
                "icd10Prefix", prefixOf(ex, upper), "icd10FromText", code)));
        return;
      }
    }
  }

  private static Policy.Exclusion exclusionFor(Policy policy, String code) {
    for (Policy.Exclusion ex : policy.exclusions()) {
      if (prefixOf(ex, code) != null) {
        return ex;
      }
    }
    return null;
  }

  private static String prefixOf(Policy.Exclusion ex, String code) {
    for (String prefix : ex.icd10Prefixes()) {
      if (code.startsWith(prefix.strip().toUpperCase(java.util.Locale.ROOT))) {
        return prefix;
      }
    }
    return null;
  }
}
