package cn.healthrisk.kb.model;

import java.util.Set;

/** Names of the facts a rule's {@code when} may test, besides the diseases' own attributes. */
public final class Facts {
  private Facts() {}

  public static final String AGE = "age";
  public static final String SEX = "sex";
  public static final String SMOKER = "smoker";
  public static final String SOURCE = "source";
  /** CURED, CONTROLLED, STABLE, UNCONTROLLED or ONGOING. */
  public static final String STATUS = "status";
  /** Year-month the condition was diagnosed or treated, {@code YYYY-MM}. */
  public static final String SINCE = "since";
  /** Whole months from {@link #SINCE} to the application date. */
  public static final String MONTHS_SINCE = "monthsSince";
  public static final String GRADE = "grade";
  public static final String TIRADS = "tirads";
  public static final String BIRADS = "birads";
  /** The full TI-RADS or BI-RADS category with its sub-class, e.g. {@code 4A}; the number alone is in tirads/birads. */
  public static final String RADS_CATEGORY = "radsCategory";
  public static final String SIZE_MM = "sizeMm";
  public static final String SYSTOLIC = "systolic";
  public static final String DIASTOLIC = "diastolic";
  /** 轻度 1, 中度 2, 重度 3. */
  public static final String SEVERITY = "severity";
  public static final String OPERATED = "operated";
  public static final String SURGERY = "surgery";
  public static final String ICD9 = "icd9";
  public static final String VALUE = "value";
  public static final String UNIT = "unit";
  public static final String INDICATOR = "indicator";
  public static final String MARKER = "marker";
  public static final String SEVERE = "severe";
  /**
   * On a generic finding (先天性心脏病, 白血病) told together with a more specific one of the same
   * block (房间隔缺损, 急性淋巴细胞白血病): the id of that specific finding, which says it better.
   */
  public static final String REFINED_BY = "refinedBy";
  /** On a finding read from a medicine named without its condition: the medicine ("降压药"). */
  public static final String MEDICATION = "medication";
  /** Treatment not finished: an operation still to come, or a stay or treatment under way, as said. */
  public static final String PENDING = "pending";
  /** What the applicant said about a condition that names nothing new ("吃两种药", "每年复查没变化"), as said. */
  public static final String REMARKS = "remarks";
  /** How often a condition's attacks come back, per year ("一个月犯一两次" is 24). */
  public static final String ATTACKS_PER_YEAR = "attacksPerYear";

  public static final Set<String> BUILT_IN = Set.of(AGE, SEX, SMOKER, SOURCE, STATUS, SINCE, MONTHS_SINCE, GRADE,
      TIRADS, BIRADS, RADS_CATEGORY, SIZE_MM, SYSTOLIC, DIASTOLIC, SEVERITY, OPERATED, SURGERY, ICD9, VALUE, UNIT, INDICATOR,
      MARKER, SEVERE, ATTACKS_PER_YEAR);
}
