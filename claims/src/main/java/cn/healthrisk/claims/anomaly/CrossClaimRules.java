package cn.healthrisk.claims.anomaly;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that look at all claims of one insured person (one ID number, whichever policy): split
 * hospitalisation, overlapping stays and claim frequency. Pure: the same claims give the same flags, so
 * rerunning the cross-claim step replaces flags with identical ones.
 *
 * <p>Only <em>open</em> claims get flags: the claims processed tonight. Claims decided on earlier nights are
 * compared with, never revised, so a night's results stay as the adjusters saw them; the flag on the later
 * claim names the earlier one. Within one night:
 * <ul>
 *   <li>a split stay is flagged on the readmission only, since the pair has an order; when the readmission
 *       was processed on an earlier night and the first stay arrives late, the first stay carries it;</li>
 *   <li>overlapping stays have no order and are flagged on every open claim of the pair;</li>
 *   <li>frequency is flagged on every open claim that lies in a window holding more claims than allowed.</li>
 * </ul>
 */
public final class CrossClaimRules {

  /** The codes these rules own; the cross-claim step replaces exactly these on every claim it looks at. */
  public static final Set<FlagCode> CODES =
      Set.of(FlagCode.SPLIT_HOSPITALIZATION, FlagCode.OVERLAPPING_STAYS, FlagCode.HIGH_FREQUENCY);

  /** A readmission for scheduled chemotherapy or radiotherapy is planned care, not a split stay. */
  private static final Pattern SCHEDULED_WORDS = Pattern.compile("化疗|放疗|化学治疗|放射治疗|靶向治疗周期");
  private static final Pattern NOT_TEXT = Pattern.compile("[\\s　,，.。;；:：、()（）\\[\\]【】]");

  /**
   * One inpatient stay as its receipt shows it.
   *
   * @param invoiceKey 票据代码/票据号码, so that the same receipt in two claims is left to DUPLICATE_RECEIPT
   */
  public record Stay(String document, String invoiceKey, LocalDate admission, LocalDate discharge) {}

  /**
   * What the rules need of one processed claim.
   *
   * @param serviceDate when treatment started (earliest visit or admission date read), else the day it was submitted
   * @param itemNames the charge items read from its receipts (化疗费 ...)
   */
  public record ClaimFacts(String claimId, String claimType, String diagnosisText, String icd10, LocalDate serviceDate,
      List<Stay> stays, List<String> itemNames) {
    public ClaimFacts {
      stays = stays == null ? List.of() : List.copyOf(stays);
      itemNames = itemNames == null ? List.of() : List.copyOf(itemNames);
    }
  }

  private final AnomalySettings settings;

  public CrossClaimRules(AnomalySettings settings) {
    this.settings = settings;
  }

  /** Flags of {@link #CODES} per claim id, for claims of one insured that are all open (processed together). */
  public Map<String, List<Flag>> evaluate(List<ClaimFacts> claims) {
    return evaluate(claims, claims.stream().map(ClaimFacts::claimId).collect(java.util.stream.Collectors.toSet()));
  }

  /**
   * Flags of {@link #CODES} per open claim id, for all claims of one insured; the other claims are compared
   * with but get no entry. Open claims without flags map to an empty list.
   */
  public Map<String, List<Flag>> evaluate(List<ClaimFacts> claims, Set<String> open) {
    Map<String, List<Flag>> out = new LinkedHashMap<>();
    List<ClaimFacts> sorted = new ArrayList<>(claims);
    sorted.sort(Comparator.comparing(ClaimFacts::claimId));
    sorted.stream().filter(c -> open.contains(c.claimId())).forEach(c -> out.put(c.claimId(), new ArrayList<>()));
    splitStays(sorted, out);
    overlaps(sorted, out);
    frequency(sorted, out);
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  private void splitStays(List<ClaimFacts> claims, Map<String, List<Flag>> out) {
    Set<String> seen = new LinkedHashSet<>();
    for (ClaimFacts first : claims) {
      for (ClaimFacts again : claims) {
        if (first == again || !related(first, again) || scheduledTreatment(again)) {
          continue;
        }
        for (Stay a : first.stays()) {
          for (Stay b : again.stays()) {
            if (a.discharge() == null || b.admission() == null || sameReceipt(a, b)) {
              continue;
            }
            long gap = ChronoUnit.DAYS.between(a.discharge(), b.admission());
            if (gap < 0 || gap > settings.splitStayWindowDays()
                || !seen.add(first.claimId() + "→" + again.claimId())) {
              continue;
            }
            if (out.containsKey(again.claimId())) {
              Map<String, Object> onAgain = new LinkedHashMap<>();
              onAgain.put("document", b.document());
              onAgain.put("field", "admissionDate");
              onAgain.put("otherClaimId", first.claimId());
              onAgain.put("otherDocument", a.document());
              onAgain.put("otherDischargeDate", a.discharge().toString());
              onAgain.put("admissionDate", b.admission().toString());
              onAgain.put("gapDays", gap);
              onAgain.put("windowDays", settings.splitStayWindowDays());
              out.get(again.claimId()).add(new Flag(FlagCode.SPLIT_HOSPITALIZATION, Severity.MEDIUM,
                  "出院（" + a.discharge() + "，案件 " + first.claimId() + "）后第 " + gap + " 天因相关诊断（"
                      + describe(again) + "）再次入院（" + b.admission() + "），疑似分解住院", onAgain));
              continue;
            }
            if (!out.containsKey(first.claimId())) {
              continue;
            }
            // The readmission was decided on an earlier night and this first stay arrived late.
            Map<String, Object> onFirst = new LinkedHashMap<>();
            onFirst.put("document", a.document());
            onFirst.put("field", "dischargeDate");
            onFirst.put("otherClaimId", again.claimId());
            onFirst.put("otherDocument", b.document());
            onFirst.put("otherAdmissionDate", b.admission().toString());
            onFirst.put("dischargeDate", a.discharge().toString());
            onFirst.put("gapDays", gap);
            onFirst.put("windowDays", settings.splitStayWindowDays());
            out.get(first.claimId()).add(new Flag(FlagCode.SPLIT_HOSPITALIZATION, Severity.MEDIUM,
                "本次出院（" + a.discharge() + "）后第 " + gap + " 天，案件 " + again.claimId() + " 因相关诊断再次入院（"
                    + b.admission() + "），疑似分解住院", onFirst));
          }
        }
      }
    }
  }

  private static void overlaps(List<ClaimFacts> claims, Map<String, List<Flag>> out) {
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < claims.size(); i++) {
      for (int j = i; j < claims.size(); j++) {
        ClaimFacts x = claims.get(i);
        ClaimFacts y = claims.get(j);
        List<Stay> xs = x.stays();
        List<Stay> ys = y.stays();
        for (int p = 0; p < xs.size(); p++) {
          for (int q = (i == j ? p + 1 : 0); q < ys.size(); q++) {
            Stay a = xs.get(p);
            Stay b = ys.get(q);
            if (!overlap(a, b) || sameReceipt(a, b)) {
              continue;
            }
            if (i == j) {
              if (seen.add(x.claimId() + "|" + a.document() + "|" + b.document())) {
                addIfOpen(out, x.claimId(), overlapFlag(a, b, x.claimId(), true));
              }
              continue;
            }
            if (seen.add(x.claimId() + "|" + y.claimId())) {
              addIfOpen(out, x.claimId(), overlapFlag(a, b, y.claimId(), false));
              addIfOpen(out, y.claimId(), overlapFlag(b, a, x.claimId(), false));
            }
          }
        }
      }
    }
  }

  private static void addIfOpen(Map<String, List<Flag>> out, String claimId, Flag flag) {
    List<Flag> flags = out.get(claimId);
    if (flags != null) {
      flags.add(flag);
    }
  }

  private static Flag overlapFlag(Stay mine, Stay other, String otherClaimId, boolean sameClaim) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("document", mine.document());
    e.put("field", "admissionDate");
    e.put("otherClaimId", otherClaimId);
    e.put("otherDocument", other.document());
    e.put("stay", mine.admission() + "/" + mine.discharge());
    e.put("otherStay", other.admission() + "/" + other.discharge());
    String where = sameClaim ? "本案另一张票据 " + other.document() : "案件 " + otherClaimId;
    return new Flag(FlagCode.OVERLAPPING_STAYS, Severity.HIGH,
        "住院期间 " + mine.admission() + " 至 " + mine.discharge() + " 与" + where + "的住院期间 " + other.admission() + " 至 "
            + other.discharge() + " 重叠，同一被保险人不可能同时住院两处", e);
  }

  /**
   * Stays overlap when one starts before the other ends; a discharge and an admission on the same day only
   * touch. A stay admitted and discharged on one day counts as that whole day.
   */
  static boolean overlap(Stay a, Stay b) {
    if (a.admission() == null || a.discharge() == null || b.admission() == null || b.discharge() == null) {
      return false;
    }
    LocalDate aEnd = a.discharge().isAfter(a.admission()) ? a.discharge() : a.admission().plusDays(1);
    LocalDate bEnd = b.discharge().isAfter(b.admission()) ? b.discharge() : b.admission().plusDays(1);
    return a.admission().isBefore(bEnd) && b.admission().isBefore(aEnd);
  }

  /** Evidence lists at most this many other claims; the count says how many there are. */
  private static final int MAX_LISTED = 20;

  private void frequency(List<ClaimFacts> claims, Map<String, List<Flag>> out) {
    List<ClaimFacts> dated = claims.stream().filter(c -> c.serviceDate() != null)
        .sorted(Comparator.comparing(ClaimFacts::serviceDate).thenComparing(ClaimFacts::claimId)).toList();
    int n = dated.size();
    int window = settings.frequencyWindowDays();
    // last[i]: the last claim within the window that starts at claim i (two pointers over the sorted dates).
    int[] last = new int[n];
    for (int i = 0, j = 0; i < n; i++) {
      j = Math.max(j, i);
      while (j + 1 < n && !dated.get(j + 1).serviceDate().isAfter(dated.get(i).serviceDate().plusDays(window))) {
        j++;
      }
      last[i] = j;
    }
    for (int k = 0, lo = 0; k < n; k++) {
      ClaimFacts c = dated.get(k);
      while (dated.get(lo).serviceDate().isBefore(c.serviceDate().minusDays(window))) {
        lo++;
      }
      // Every window holding c starts at a claim between lo and k; the fullest one is the evidence.
      int best = lo;
      for (int i = lo; i <= k; i++) {
        if (last[i] - i > last[best] - best) {
          best = i;
        }
      }
      int count = last[best] - best + 1;
      if (count <= settings.frequencyMaxClaims() || !out.containsKey(c.claimId())) {
        continue;
      }
      List<ClaimFacts> in = dated.subList(best, last[best] + 1);
      List<String> others = in.stream().map(ClaimFacts::claimId).filter(id -> !id.equals(c.claimId())).toList();
      LocalDate from = in.get(0).serviceDate();
      LocalDate to = in.get(in.size() - 1).serviceDate();
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("field", "serviceDate");
      e.put("serviceDate", c.serviceDate().toString());
      e.put("otherClaimIds", others.size() > MAX_LISTED ? others.subList(0, MAX_LISTED) : others);
      e.put("claimCount", count);
      e.put("from", from.toString());
      e.put("to", to.toString());
      e.put("windowDays", window);
      e.put("maxClaims", settings.frequencyMaxClaims());
      out.get(c.claimId()).add(new Flag(FlagCode.HIGH_FREQUENCY, Severity.MEDIUM,
          "同一被保险人在 " + from + " 至 " + to + " 的 " + window + " 天内有 " + count + " 次理赔（超过 "
              + settings.frequencyMaxClaims() + " 次），请核查就诊的必要性", e));
    }
  }

  private static boolean sameReceipt(Stay a, Stay b) {
    return a.invoiceKey() != null && a.invoiceKey().equals(b.invoiceKey());
  }

  /** Same ICD-10 category (three characters), or the same diagnosis text, or one text containing the other. */
  static boolean related(ClaimFacts a, ClaimFacts b) {
    String ca = category(a.icd10());
    String cb = category(b.icd10());
    if (ca != null && ca.equals(cb)) {
      return true;
    }
    String ta = text(a.diagnosisText());
    String tb = text(b.diagnosisText());
    if (ta.length() < 2 || tb.length() < 2) {
      return false;
    }
    return ta.equals(tb) || ta.contains(tb) || tb.contains(ta);
  }

  /** Z51.0 radiotherapy session, Z51.1 chemotherapy session, or the words in the diagnosis or the items. */
  static boolean scheduledTreatment(ClaimFacts c) {
    String code = c.icd10() == null ? "" : c.icd10().strip().toUpperCase(Locale.ROOT).replace(".", "");
    if (code.startsWith("Z510") || code.startsWith("Z511")) {
      return true;
    }
    if (c.diagnosisText() != null && SCHEDULED_WORDS.matcher(c.diagnosisText()).find()) {
      return true;
    }
    return c.itemNames().stream().anyMatch(n -> n != null && SCHEDULED_WORDS.matcher(n).find());
  }

  private static String category(String icd10) {
    if (icd10 == null) {
      return null;
    }
    String s = icd10.strip().toUpperCase(Locale.ROOT).replace(".", "");
    return s.length() >= 3 ? s.substring(0, 3) : null;
  }

  private static String text(String s) {
    return s == null ? "" : NOT_TEXT.matcher(s).replaceAll("");
  }

  private static String describe(ClaimFacts c) {
    String t = c.diagnosisText() == null ? "" : c.diagnosisText();
    return c.icd10() == null ? t : t + " " + c.icd10();
  }
}
