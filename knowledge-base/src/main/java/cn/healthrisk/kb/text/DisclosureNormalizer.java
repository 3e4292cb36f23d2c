package cn.healthrisk.kb.text;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.model.Disease;
import cn.healthrisk.kb.model.Facts;
import cn.healthrisk.kb.model.Indicator;
import cn.healthrisk.kb.model.Medication;
import cn.healthrisk.kb.model.Surgery;
import cn.healthrisk.kb.model.Threshold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads free Chinese disclosure text into findings. A term index over disease and surgery names
 * and synonyms finds the longest terms (several per sentence); the diseases' patterns are a second
 * pass, and one-edit typo matches a third, scored lower. Around each match it reads negation
 * (with its scope over a list), family history, times resolved against a reference date, status,
 * grades, TI-RADS/BI-RADS, sizes, blood pressure and operations.
 */
public final class DisclosureNormalizer {

  static final double CONFIDENCE_ICD10 = 0.95;
  static final double CONFIDENCE_NAME = 0.95;
  static final double CONFIDENCE_SYNONYM = 0.85;
  static final double CONFIDENCE_PATTERN = 0.7;
  /** A condition read from the medicine taken for it: clear enough to underwrite, less than its name. */
  static final double CONFIDENCE_MEDICATION = 0.7;
  /** A swap or an input-method confusion (节结, 胆襄) is nearly always a typo of that very term. */
  static final double CONFIDENCE_LIKELY_TYPO = 0.8;
  /** A two-character term with one character typed as a homophone (湿诊): likely, but short terms mislead more. */
  static final double CONFIDENCE_TWO_CHAR_HOMOPHONE = 0.7;
  /** Other single edits in terms of four or more characters. */
  static final double CONFIDENCE_TYPO = 0.65;
  /** A substitution in a three-character term is a guess: below the usual minConfidence, so a human looks. */
  static final double CONFIDENCE_SHORT_TYPO = 0.5;
  static final double CONFIDENCE_UNKNOWN = 0.2;

  /** Pairs of characters Chinese input methods commonly put in place of each other. */
  public static final List<String> INPUT_CONFUSIONS = List.of(
      "结节", "囊襄", "症证", "胆担", "腺线", "瘤留", "肿种", "糖唐", "癫颠", "痫闲", "哮孝", "脂指", "肪防", "梗埂",
      "疹诊", "溃馈", "疡扬", "椎锥", "肌机", "阑兰", "膀旁", "胱光", "塞赛", "喘端", "湿施", "痔志", "脓浓", "瘘楼",
      "肾甚", "胃谓", "酯脂", "垂锤", "疝汕", "痹闭", "症正",
      // Characters that look alike or share a reading pinyin tables miss (曾 is also zeng).
      "剖刨", "增曾", "喘揣", "癣鲜", "癣先", "癣藓", "森深");

  private static final Pattern SENTENCE = Pattern.compile("[,;。!?\\n]");
  private static final Pattern ITEM = Pattern.compile("[、和及]");
  private static final Pattern NEGATION = Pattern.compile(
      "否认|没有|没得|没做过|没动过|没住过|没患过|没查出|没发现|没确诊|没诊断|从没|从来没|未曾|未患|从未|不曾|未见|未发现"
          + "|未查出|未诊断|没看到|没看见|未看到|没查到|未查到|没检查出|并无|排除|不是|还没到|没到|够不上|达不到|没达到|还不算|不算|算不上|无|未"
          // Regional and spoken forms of 没有: 冇 (Cantonese), 莫得 (Sichuan), 呒没 (Wu), 木有.
          + "|冇|莫得|呒没|木有"
          // "没发过痛风", "没犯过哮喘".
          + "|没有?(?:发|犯|发作|得)过"
          // "以前以为是胃溃疡，胃镜做了只是胃炎": what was only thought to be is not (所以为了 is no 以为).
          + "|(?<!所)以为是?"
          // A bare 不/没 right before the condition: 不失眠, 没气胸过.
          + "|不$|没$");
  /** A clause that only takes back what was just said: "不是", "不对". */
  private static final Pattern TAKEN_BACK = Pattern.compile("(?:不是|不对)(?:的)?");
  /** Words that restore the affirmative after a denial earlier in the list ("无高血压，有糖尿病"). */
  private static final Pattern AFFIRM = Pattern.compile("有|患|确诊|诊断|查出|发现|得了|得过");
  /** A denial after the conditions it covers: "高血压、糖尿病均否认", "乙肝两对半均阴性". */
  private static final Pattern POST_NEGATION =
      Pattern.compile("^[:：]?(后来|最后|最终|之后|后面|复查后?|再查|进一步检查)?(又|也|都|已经|已)?(病史|史)?"
          + "((均|都|也|皆)(阴性|否认|无|没有|未见|排除)|阴性|否认|已?排除了?|(是)?没有的?$|没得$|无$|否$"
          // "痛风没犯过", "哮喘从没发作过": never had it.
          + "|(从来?)?没有?(犯|发作|发|得|患)过$|从未(犯|发作|发)过$"
          // "得过伤寒？不是，是副伤寒", "糖尿病周围神经病变不是": taken back (but "是不是" only asks).
          + "|(?<!是)不是$|不对$)");
  /**
   * Relatives whose conditions are family history. A son or daughter is not among them: like 孩子 and
   * 宝宝, "女儿性早熟" is a parent declaring for the child to be insured.
   */
  private static final Pattern FAMILY = Pattern.compile(
      "父亲|母亲|父母|爸爸|妈妈|爸|妈|爷爷|奶奶|外公|外婆|外祖父|外祖母|祖父|祖母|姥爷|姥姥|哥哥|姐姐|弟弟|妹妹|兄弟|姐妹"
          + "|兄妹|姐弟|子女|舅舅|姑姑|叔叔|伯伯|大伯|阿姨|姨妈|表哥|表姐|堂哥|堂姐|孙子|孙女|外孙|公公|婆婆|岳父|岳母"
          + "|丈夫|老公|妻子|老婆|爱人|家族|家人|家里有人|家里人|亲属|亲戚"
          + "|我哥|我姐|我弟|我妹|大姨|小姨|二姨|姨|舅|表妹|表弟|堂妹|堂弟|侄子|侄女|外甥"
          // Regional and in-law names: 俺爹, 俺娘, 我老汉儿 (Sichuan), 老伴, 媳妇, 嫂子, 姐夫, 公婆.
          + "|爹|[我俺咱]娘|老娘|老汉儿|我老汉|老伴|媳妇|嫂子|嫂嫂|大嫂|姐夫|妹夫|弟媳|儿媳|女婿|公婆|姑妈|姑父|姨父|舅妈|舅母|亲家");
  /** The kin words a person may be insured as, for {@link #INSURED_RELATIVE}. */
  private static final String KIN = "父亲|母亲|爸爸|妈妈|老爸|老妈|爸|妈|姆妈|阿爸|阿妈|爷爷|奶奶|外公|外婆|姥爷|姥姥|公公|婆婆"
      + "|岳父|岳母|丈人|丈母娘|老公|丈夫|老婆|妻子|爱人|哥哥|姐姐|弟弟|妹妹|老汉儿|老汉|老爹|爹|老娘|娘|老伴|媳妇";
  /**
   * The relative is the one being insured, not family history: "给我妈投保", "帮我爸问问", "替老公买",
   * "被保人是客户老公", "我婆婆……还能投吗". Their conditions are declared for them.
   */
  private static final Pattern INSURED_RELATIVE = Pattern.compile(
      "(?:给|帮|替|为)(?:我|咱)?家?的?(" + KIN + ")(?:投保|买|问|咨询|办|申请|保|填|报)"
          + "|被保(?:险)?人(?:是|为)(?:客户|投保人|我)?的?(" + KIN + ")"
          + "|(" + KIN + ")(?:是|作为|当)被保(?:险)?人");
  /** A question whether the person described can be insured ("还能投吗", "能不能买"). */
  private static final Pattern CAN_INSURE = Pattern.compile("能(?:不能)?(?:投|买|保|承保)|可以(?:投|买|保)|可不可以(?:投|买|保)");
  private static final Pattern KIN_WORD = Pattern.compile(KIN);
  private static final Pattern INSURING = Pattern.compile("[保买问投咨办申填报]");
  private static final Pattern SELF = Pattern.compile(
      "本人|自己|自身|我(?!们|家|[父母爸妈哥姐弟妹爷奶舅姑姨叔伯儿女孩老公婆丈妻爱外岳媳嫂娘爹]|的?(父|母|爸|妈|哥|姐|弟|妹|家))");
  /**
   * Status phrases, most specific first. They are masked before looking for a negation, so that
   * 未规律服药 (uncontrolled), 没有再犯 (stable) and 现在没有了 (cured) are never read as denials.
   */
  private static final List<Map.Entry<Pattern, String>> STATUS = List.of(
      // Not ruled out is not denied: the doctor suspects it (不排除早期肺癌).
      Map.entry(Pattern.compile("不排除|不能排除|待排除?|未排除|没排除|排除不了|疑似|可疑|怀疑"), "SUSPECTED"),
      Map.entry(Pattern.compile("未规律(服药|用药|治疗)|不规律(服药|用药)|控制(不佳|不好|欠佳)|未控制|没控制"
          + "|(自行|自己|擅自)停(药|了药)"), "UNCONTROLLED"),
      // Off medicine on the doctor's word, for a condition that goes into remission (甲亢, 焦虑症).
      Map.entry(Pattern.compile("(已经|已|现在|目前)停(药|了药)|停药(了|[0-9一两二三四五六七八九十半]+多?(个月|年))"), "CURED"),
      Map.entry(Pattern.compile("没有?再(犯|发作|发)|未再(犯|发作|发|复发)|没有?复发|未复发|无复发"), "STABLE"),
      Map.entry(Pattern.compile("已?痊愈|已?治愈|已?康复|已?愈合|(现在|目前|已经|已)?(没有了|没了|好了|消失了?|不犯了)"), "CURED"),
      Map.entry(Pattern.compile("控制(良好|稳定|正常|在)|(吃药|服药|药物|用药)控制|规律(服药|用药)"), "CONTROLLED"),
      Map.entry(Pattern.compile("复查(无|未见)(明显)?变化|无明显变化|无变化|稳定|定期复查"), "STABLE"));
  /** Phrases with a negation word that say nothing about a condition being absent. */
  private static final Pattern NOT_A_DENIAL = Pattern.compile("无明显诱因|无不适|无症状|无异常|未见异常|无特殊|未手术|无需");
  private static final Pattern YEAR_MONTH = Pattern.compile("((?:19|20)\\d{2})(?:年|-|/|\\.)(\\d{1,2})月?");
  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
  private static final String NUM = "(\\d{1,2}|[一两二三四五六七八九十半]{1,3})";
  private static final Pattern AGO = Pattern.compile(NUM + "多?(个月|年)(?:前|之前|以前)");
  private static final Pattern DURATION = Pattern.compile("(?<![\\d.])" + NUM + "多?(个月|年)(?!前|之前|以前)");
  private static final Pattern GRADE = Pattern.compile("(?<![A-Z-])([1-4一二三四]|IV|III|II|I)级");
  private static final Pattern TIRADS = Pattern.compile("TI-?RADS:?([1-6])([ABC])?");
  private static final Pattern BIRADS = Pattern.compile("BI-?RADS:?([0-6])([ABC])?");
  /** "4a类" without the system's name: TI-RADS for thyroid findings, BI-RADS for breast findings. */
  private static final Pattern RADS_BARE = Pattern.compile("(?<![\\d.])([0-6])([ABC])?类");
  private static final Pattern SIZE = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)(?:[X×*](\\d+(?:\\.\\d+)?))?(?:[X×*](\\d+(?:\\.\\d+)?))?(MM|CM|毫米|厘米|公分)");
  private static final Pattern BLOOD_PRESSURE = Pattern.compile("(?<!\\d)(\\d{2,3})/(\\d{2,3})(?!\\d)");
  private static final Pattern SEVERITY = Pattern.compile("(轻|中|重)度");
  /** An operation only advised or planned ("医生建议手术", "准备下个月做") has not been done. */
  private static final Pattern PLANNED = Pattern.compile("建议|准备|打算|计划|考虑|安排|预约|需要|要做|要|待|将|择期"
      + "|下个?月|下个?星期|下周|明年|明天|后天|过几天|过两天|过段时间");
  /** Treatment under way: the applicant is in hospital or still being treated ("正在住院", "还在打点滴"). */
  private static final Pattern ONGOING = Pattern.compile(
      "(正在|现在|目前|还在|仍在|尚在)(住院|治疗|输液|打点滴|挂水|化疗|放疗|透析)|住院中|治疗中|尚未出院|还没出院|没出院"
          // Still being worked up: the diagnosis is not known yet ("还在查原因", "正在等病理结果").
          + "|(还在|正在|仍在)(查|检查|复查|等)|待查|查原因|等[^,。;]{0,8}(病理|结果|报告)|结果(还)?没出|未出结果");
  /** An operation still to come: scheduled, advised or planned ("下个月做", "两周后要做", "医生建议手术"). */
  private static final Pattern SCHEDULED = Pattern.compile(
      "下个?月|下周|下礼拜|明年|过几天|近期|[0-9一二两三四五六七八九十几]+(天|周|个?星期|个?月)(以?后|之后)"
          + "|准备|打算|计划|预约|安排|建议|要做|将要|等着做|排期|待");
  /** An operation said not to have been done: "没做手术", "未手术", "不用开刀". */
  private static final Pattern NOT_DONE = Pattern.compile("没|未|不|无");
  /**
   * Words that may name a condition of its own. A clause after a known condition without any of them
   * ("吃两种药", "每年复查没变化", "走路久了疼") is a remark on that condition, not an unknown one.
   */
  private static final Pattern CONDITION_WORDS = Pattern.compile(
      "病|症|炎|癌|瘤|肿|结节|囊|息肉|结石|骨折|综合征|增生|硬化|梗|衰|障碍|畸形|缺损|狭窄|积液|积水|占位|包块|疙瘩|包"
          + "|块|溃疡|血栓|栓|破裂|穿孔|脱|突出|肥大|失明|盲|聋|瘫|残|中风|卒中|感染|阳性|转移|复发|恶性|病变|损伤|撕裂"
          + "|扩张|斑块|钙化|东西|影|有个|长了|长个|怀|孕|胎|住院|ICU|抢救|昏迷|截|移植|透析|化疗|放疗|靶向|病理|待查|确诊"
          + "|诊断|查出|发现|怀疑|考虑|不排除|可能|偏高|偏低|升高|降低|增高|过高|过低|高了|低了|增大|变大|减少|增多|超标"
          + "|心|肝|肺|肾|脑|胃|肠|眼|耳|血[^压糖脂]?[^,。]{0,2}(异常|高|低)|黑便|血便|尿血|血尿|咳血|咯血|吐血");
  /** A result said to be normal in a clause of its own: "视力正常", "肝功能一直正常", "甲状腺没问题". */
  private static final Pattern NORMAL_RESULT = Pattern.compile(
      "^[\\p{IsHan}A-Z]{1,8}(一直|都|也|均|还|基本|完全)?(正常|无异常|未见异常|没问题|没事|没毛病|挺好|良好)(的)?$");
  /** Smoking and drinking denied: "不抽烟不喝酒", "从不吸烟", "烟酒不沾". */
  private static final Pattern LIFESTYLE_DENIED = Pattern.compile(
      "^((从|也|都)?(不|没|无|未|戒了?)(抽|吸|喝|饮)?(烟|酒|烟酒)(了)?)+$|^烟酒(都|也)?(不沾|不碰|没有|无)$");
  private static final Pattern OPERATED =
      Pattern.compile("术后|手术|切除|已切|消融|摘除|剔除|支架|碎石|内固定|钢板|钢钉|髓内钉|打了?钉"
          // What applicants say they had done: "全切了", "电切", "做了封堵", "换了瓣膜", "挂线".
          + "|[全半]切|切[了掉过]|割[了掉过]|摘[了掉过]|剥[了掉除]|电切|环切|旋切|锥切|夹闭|封堵|修补|置换|融合|减压|缝合"
          + "|重建|矫正|清宫|刮宫|挂线|套扎|植入|开刀|动过刀|拿掉|换[了过]?瓣膜|搭桥|介入");
  /**
   * Words that carry no condition, stripped before deciding a clause is unknown text: fillers,
   * and what people say about treatment and follow-up ("打胰岛素", "医生说先观察", "复查指标都正常"),
   * so only a clause that may name a condition the knowledge base lacks is referred as unknown.
   */
  private static final Pattern FILLER = Pattern.compile(
      "做过|患有|病史|曾经|查出|发现|诊断|确诊|目前|现在|一直|吃药|服药|用药|治疗|住院|身体|健康|正常|良好|无异常|未见异常"
          + "|良性|医院|检查|体检|左右|以前|之前|本人|自己"
          + "|医生说|大夫说|医生|大夫|建议|观察|随访|复查|定期|指标|结果|控制|稳定|好转|没事|不用管|不要紧|问题不大"
          + "|规律|按时|坚持|注意|饮食|运动|锻炼|减肥|戒烟|戒酒|平时|偶尔|经常|一般|基本|挺好|还好|恢复|打针|输液"
          + "|孩子|小孩|宝宝|儿子|女儿|疫苗|接种|非常|特别|一切|都好|很好|从小|出生|至今|任何|疾病|毛病|不适|什么"
          + "|里面|钢板|钢钉|钉子|内固定|取出来了|取出|没取|手术|开刀|做了|打了|考虑|准备|打算|计划|安排"
          // Habits, routine results and ways of treatment say nothing about a condition of their own.
          + "|不抽烟|不吸烟|不喝酒|不饮酒|烟酒|抽烟|吸烟|喝酒|饮酒|肝功能|肝功|肾功能|肾功|视力|活动|变化|症状|停药|喷雾|药膏|吸入|激素|理疗"
          + "|每年|每次|春秋|季节|已经|两种|几种|种药|反复发作|经常发作|时好时坏|反反复复|反复|发作|抹|擦|涂|外用|喷"
          + "|胰岛素|降压药|降糖药|降脂药|二甲双胍|阿司匹林|他汀|[^，。；、\\s]{1,4}(?:拉唑|沙坦|地平|片|胶囊|颗粒|口服液)"
          + "|[有曾为了过的在年月个前后天次多约左右侧部叶史是吃打先都也就还很说要没再些点着过把被让给]"
          + "|[\\dA-Z.%/()\\-+:~]");

  private final KnowledgeBase kb;
  private final TermIndex<Entry> terms = new TermIndex<>(INPUT_CONFUSIONS);
  /** Leading literal of each pattern → its disease and pattern; patterns without one are always tried. */
  private final TermIndex<List<PatternRef>> patternLiterals = new TermIndex<>(List.of());
  private final List<PatternRef> unanchoredPatterns = new ArrayList<>();
  private final Map<String, Surgery> surgeries = new HashMap<>();
  /** Each surgery's name and synonyms, folded. */
  private final Map<String, List<String>> surgeryWords = new HashMap<>();
  private final Map<String, List<Surgery>> surgeriesByCondition = new HashMap<>();

  private record Entry(String conceptId, String surgeryId, boolean standard) {}

  private record PatternRef(String conceptId, Pattern pattern) {}

  private record Match(int start, int end, String conceptId, String surgeryId, double confidence, String basis,
      String term, boolean deniedInside) {
    Match(int start, int end, String conceptId, String surgeryId, double confidence, String basis, String term) {
      this(start, end, conceptId, surgeryId, confidence, basis, term, false);
    }
  }

  public DisclosureNormalizer(KnowledgeBase kb) {
    this.kb = kb;
    // Standard names first, then synonyms, then surgeries: the first owner of a term wins.
    for (Disease d : kb.diseases()) {
      terms.add(TextForms.fold(d.name()), new Entry(d.id(), null, true));
    }
    for (Surgery s : kb.surgeries()) {
      terms.add(TextForms.fold(s.name()), new Entry(s.conditionId(), s.id(), true));
      surgeries.put(s.id(), s);
      List<String> words = new ArrayList<>();
      words.add(TextForms.fold(s.name()));
      s.synonyms().forEach(t -> words.add(TextForms.fold(t)));
      surgeryWords.put(s.id(), List.copyOf(words));
      surgeriesByCondition.computeIfAbsent(s.conditionId(), k -> new ArrayList<>()).add(s);
    }
    for (Disease d : kb.diseases()) {
      d.synonyms().forEach(t -> terms.add(TextForms.fold(t), new Entry(d.id(), null, false)));
    }
    for (Surgery s : kb.surgeries()) {
      s.synonyms().forEach(t -> terms.add(TextForms.fold(t), new Entry(s.conditionId(), s.id(), false)));
    }
    Map<String, List<PatternRef>> byLiteral = new LinkedHashMap<>();
    for (Disease d : kb.diseases()) {
      for (Pattern p : d.patterns()) {
        String literal = TextForms.fold(leadingLiteral(p.pattern()));
        PatternRef ref = new PatternRef(d.id(), p);
        if (literal.isEmpty()) {
          unanchoredPatterns.add(ref);
        } else {
          byLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(ref);
        }
      }
    }
    byLiteral.forEach(patternLiterals::add);
    composition = new Composition<>(terms);
    fractureSites = new FractureSites(kb.bodySites());
    for (Indicator ind : kb.indicators()) {
      String high = null;
      String low = null;
      // The mildest finding each way: thresholds run from severe to mild, so the last one listed.
      for (Threshold t : ind.thresholds()) {
        if (t.conceptId() == null) {
          continue;
        }
        if (Boolean.TRUE.equals(t.positive())) {
          high = t.conceptId();
        } else if (t.positive() != null) {
          continue;
        } else if (t.gte() != null || t.gt() != null || t.gtUln() != null) {
          high = t.conceptId();
        } else if (t.lte() != null || t.lt() != null) {
          low = t.conceptId();
        }
      }
      if (high == null && low == null) {
        continue;
      }
      String[] trend = {high, low};
      indicatorByTerm.put(TextForms.fold(ind.name()), ind);
      ind.aliases().forEach(a -> indicatorByTerm.putIfAbsent(TextForms.fold(a), ind));
      indicatorTrends.add(TextForms.fold(ind.name()), trend);
      // In a disclosure, CT is the scan ("头部CT正常"), not calcitonin as on a lab report.
      ind.aliases().stream().filter(a -> !IMAGING_WORDS.contains(TextForms.fold(a)))
          .forEach(a -> indicatorTrends.add(TextForms.fold(a), trend));
    }
    highPressure = kb.indicators().stream().filter(i -> i.code().equals("SBP")).flatMap(i -> i.thresholds().stream())
        .map(Threshold::conceptId).filter(Objects::nonNull).findFirst().orElse(null);
    for (Medication med : kb.medications()) {
      medications.add(TextForms.fold(med.name()), med);
      med.aliases().forEach(a -> medications.add(TextForms.fold(a), med));
    }
  }

  private static final java.util.Set<String> IMAGING_WORDS = java.util.Set.of("CT", "MR", "MRI", "DR", "PET");

  private final Composition<Entry> composition;
  private final FractureSites fractureSites;
  /** "没吃过", "不用", "停了" right before a medicine: it is not taken, so it discloses nothing. */
  private static final Pattern MEDICINE_NOT_TAKEN =
      Pattern.compile("(没有?|未|不|从不|从没|从未|没再|不再|停)(吃|服|用|打|注射)?(过|了)?(的)?$");
  private final Map<String, Indicator> indicatorByTerm = new HashMap<>();
  /** Checkup indicators by name → the conditions their high and low values mean, from their thresholds. */
  private final TermIndex<String[]> indicatorTrends = new TermIndex<>(List.of());
  /** What follows an indicator's name when the applicant says it is high or low ("尿酸有点高", "转氨酶↑"). */
  private static final Pattern TREND = Pattern.compile(
      "^[:：]?(?:有点|有些|稍微|稍|略|轻度|轻微|一直|总是|长期|都|也|比较|很|太|一点)?"
          + "(偏高|升高|增高|超标|高了|高|↑|阳性|弱阳性|\\+{1,4}|偏低|降低|减低|减少|低了|低|↓)");
  /** What follows an indicator's name when the applicant says it is normal ("尿酸正常", "血糖一直不高"). */
  /** "谷丙转氨酶78，偏高": a value and what the applicant says of it, read as one clause. */
  private static final Pattern VALUE_THEN_TREND = Pattern.compile(
      "(\\d)\\s*[,;]\\s*(?:(?:医生|大夫|报告)?说(?:是)?)?(?=(?:有点|有些|稍微|稍|略|比较)?(?:偏高|偏低|升高|降低|超标|高了|低了))");
  private static final Pattern VALUE = Pattern.compile(
      "^[:：]?\\s*(?:是|为|有|到了?)?\\s*\\d+(?:\\.\\d+)?\\s*(?:MMOL/L|UMOL/L|μMOL/L|U/L|IU/L|MG/DL|NG/ML|G/L|%|MMHG)?\\s*");
  private static final Pattern TREND_NORMAL = Pattern.compile(
      "^[:：]?(?:一直|都|也|均|还|基本|完全|向来)?(正常|无异常|未见异常|没问题|不高|不低|在正常范围|阴性|\\(-\\)|-)");
  private final TermIndex<Medication> medications = new TermIndex<>(List.of());
  /** The condition a high systolic pressure means (hypertension), from the knowledge base's thresholds. */
  private final String highPressure;

  /**
   * The characters every match of the pattern starts with, so the pattern is only tried on text
   * containing them; empty when the pattern has alternatives at its top level or starts with a
   * class or group.
   */
  static String leadingLiteral(String regex) {
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return "";
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (".[](){}*+?|\\^$".indexOf(c) >= 0) {
        // A quantifier makes the character before it optional.
        if ((c == '?' || c == '*' || c == '{') && out.length() > 0) {
          out.setLength(out.length() - 1);
        }
        break;
      }
      out.append(c);
    }
    return out.toString();
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Findings in free text; relative times count back from {@code referenceDate}. */
  public List<ClinicalFinding> normalize(String text, LocalDate referenceDate) {
    return read(text, referenceDate, true);
  }

  /**
   * Findings in text a system printed (a checkup report's imaging conclusion): read like typed text
   * but without the search for typing errors, which printed text does not make and which is the
   * costliest part of reading.
   */
  public List<ClinicalFinding> normalizePrinted(String text, LocalDate referenceDate) {
    return read(text, referenceDate, false);
  }

  private List<ClinicalFinding> read(String text, LocalDate referenceDate, boolean typed) {
    List<Builder> findings = new ArrayList<>();
    Reading reading = new Reading();
    reading.typed = typed;
    reading.insured = insuredRelative(TextForms.fold(text));
    for (String sentence : SENTENCE.split(VALUE_THEN_TREND.matcher(TextForms.fold(text)).replaceAll("$1"))) {
      if (!sentence.isEmpty()) {
        readSentence(sentence, referenceDate, reading, findings);
      }
    }
    operatedForLater(findings);
    List<Builder> merged = merge(findings);
    markRefined(merged);
    if (merged.isEmpty() && saysSomethingIsWrong(text)) {
      merged.add(new Builder(null, text.strip(), false, false, CONFIDENCE_UNKNOWN, "unknown", null));
    }
    // "脖子上摸到个包，还在查原因": what is still being worked up is pending, named or not.
    Matcher ongoing = ONGOING.matcher(TextForms.fold(text));
    if (ongoing.find()) {
      String said = "正在治疗：" + ongoing.group();
      merged.stream().filter(b -> b.conceptId == null && !b.negated && !b.family)
          .forEach(b -> b.attributes.putIfAbsent(Facts.PENDING, said));
    }
    return merged.stream().map(Builder::build).toList();
  }

  /**
   * A disclosure that names nothing yet says something is wrong ("身体有点小毛病", "有个病，在吃药",
   * "头部有个东西", "yy ca 术后?"), or that is too garbled to read: a person must ask, so it is an unknown
   * finding rather than nothing. A denial ("没什么毛病") is nothing.
   */
  private static boolean saysSomethingIsWrong(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    String folded = TextForms.fold(text);
    if (GARBLED.matcher(folded).find() || ONGOING.matcher(folded).find()) {
      return true;
    }
    Matcher m = VAGUE_ILLNESS.matcher(folded);
    return m.find() && !Boolean.TRUE.equals(polarity(folded.substring(0, m.end())))
        && !NOT_DONE.matcher(folded.substring(Math.max(0, m.start() - 2), m.start())).find();
  }

  private static final Pattern VAGUE_ILLNESS = Pattern.compile(
      "(有|长|摸到|发现|查出)(了)?(个|一个|点|些)?(小)?(病|毛病|问题|东西|肿物|肿块|硬块|疙瘩|包)|(体检|检查|化验|指标|报告)[^,。;]{0,8}(箭头|异常|不正常|超标|偏高|偏低|有问题|不合格)|在吃药|吃着药|一直吃药|术后|开过刀|动过手术|住过院|(?i:\\bca\\b)|不舒服");
  /** Runs of symbols or question marks where words should be: the text did not survive typing. */
  private static final Pattern GARBLED = Pattern.compile("[?？]{2,}|[^\\p{IsHan}\\p{Alnum}\\s,.;:()]{4,}");

  /**
   * What carries over from one sentence to the next: facts said after the conditions they
   * describe ("阑尾切除，已痊愈") and facts said before them ("2019年，查出高血压").
   */
  private static final class Reading {
    /** Typed by a person, so typing errors are looked for. */
    boolean typed = true;
    List<Builder> last = new ArrayList<>();
    final Map<String, Object> pending = new LinkedHashMap<>();
    /** The clause before took back the condition told ("不是结节"). */
    boolean corrected;
    /** The organ named last in an earlier clause ("肺部CT未见异常"), for a lesion said without one. */
    List<String> organ;
    /** The relative who is the insured ("给我妈投保"), whose conditions are no family history; null if none. */
    String insured;
  }

  private void readSentence(String sentence, LocalDate ref, Reading reading, List<Builder> findings) {
    List<Builder> inSentence = new ArrayList<>();
    Map<String, Object> pending = reading.pending;
    boolean negated = false;
    boolean family = false;
    // "外公糖尿病，打了十几年胰岛素", "我妈胆结石，胆囊已经切了": right after a relative's condition, its
    // treatment or the same condition again is still the relative's, unless the applicant says 我/本人.
    List<String> relatives = reading.last.isEmpty() || !reading.last.stream().allMatch(b -> b.family)
        || SELF.matcher(sentence).find() ? List.of() : reading.last.stream().map(b -> b.conceptId).toList();
    for (String item : ITEM.split(sentence)) {
      if (item.isEmpty()) {
        continue;
      }
      String masked = mask(item);
      List<TermIndex.Hit<List<String>>> organHits = composition.organs(item);
      List<Match> matches = match(item, reading.typed, organHits);
      if (reading.organ != null) {
        atToldOrgan(item, matches, reading.organ, organHits);
      }
      List<String> organHere = Composition.lastOrgan(organHits);
      if (organHere != null) {
        reading.organ = organHere;
      }
      Map<String, Object> attrs = attributes(item, ref);
      int from = 0;
      int added = 0;
      for (Match said : matches) {
        Match m = lesionAtToldSite(ownOperation(said, findings, inSentence), masked, findings, inSentence);
        String before = masked.substring(from, m.start());
        // "便血，还没去做肠镜": an operation or examination still to come for the condition just told is
        // pending on it; it does not tell a condition of its own.
        Builder toldFor = m.surgeryId() == null ? null : nearestTold(findings, inSentence);
        if (toldFor != null && !toldFor.conceptId.equals(m.conceptId())
            && stillToCome(masked.substring(0, m.start()), masked.substring(m.end()))) {
          toldFor.attributes.put(Facts.PENDING, "计划手术：" + surgeries.get(m.surgeryId()).name());
          from = m.end();
          continue;
        }
        // The latest cue before the match decides; none means the list's scope carries on.
        Boolean cue = polarity(before);
        if (cue != null) {
          negated = cue;
        }
        if (SELF.matcher(before).find()) {
          family = false;
        }
        if (familyCue(before, reading.insured)) {
          family = true;
        }
        // "平时偶尔感冒", "感冒都很少得": a cold caught now and then is everyone's, not a disclosure; nor is
        // one that only sets off what is told ("感冒就咳得厉害", "感冒的时候喘").
        if (m.surgeryId() == null && everydayAilment(m.conceptId()) && (OCCASIONAL.matcher(sentence).find()
            || TRIGGER.matcher(item).region(m.end(), item.length()).lookingAt())) {
          from = m.end();
          continue;
        }
        boolean relative = family || !relatives.isEmpty()
            && (m.surgeryId() != null || relatives.contains(m.conceptId()));
        Builder b = new Builder(m, sentence, negated || m.deniedInside(), relative);
        b.explicit = cue != null || m.deniedInside();
        b.attributes.putAll(pending);
        b.attributes.putAll(attrs);
        operation(item, m, b);
        radsWithoutSystem(item, m.conceptId(), b.attributes);
        inSentence.add(b);
        added++;
        from = m.end();
      }
      int fromMedicines = medicines(item, masked, matches, sentence, attrs, family || !relatives.isEmpty(),
          reading.insured, inSentence);
      if (matches.isEmpty() && fromMedicines > 0) {
        reading.last = new ArrayList<>(inSentence.subList(inSentence.size() - fromMedicines, inSentence.size()));
        pending.clear();
        continue;
      }
      if (!matches.isEmpty()) {
        if (added + fromMedicines > 0) {
          reading.last = new ArrayList<>(inSentence.subList(inSentence.size() - added - fromMedicines,
              inSentence.size()));
        }
        pending.clear();
        if (POST_NEGATION.matcher(masked.substring(from)).find()) {
          // "高血压、糖尿病均否认": the denial reaches back over the list, except what was affirmed.
          inSentence.stream().filter(b -> !b.explicit || b.negated).forEach(b -> b.negated = true);
        }
        continue;
      }
      if (POST_NEGATION.matcher(masked).find() && !inSentence.isEmpty()) {
        inSentence.stream().filter(b -> !b.explicit || b.negated).forEach(b -> b.negated = true);
        continue;
      }
      // "医生怀疑过冠心病，后来排除了": a clause that is only a denial takes back what the clause before told.
      // A result that turned negative ("复查又阴性了") is a finding that went away, not a denial.
      if (inSentence.isEmpty() && !reading.last.isEmpty() && POST_NEGATION.matcher(masked).find()
          && !masked.contains("阴性")
          && !hasUnknownWords(masked.replaceFirst("^.*?(排除|否认|没有|没得|无)", ""))) {
        // "得过胆囊炎？不是，是胆结石": a bare 不是 takes back even what was said affirmatively.
        boolean takenBack = TAKEN_BACK.matcher(masked.strip()).matches();
        reading.last.stream().filter(b -> takenBack || !b.explicit || b.negated).forEach(b -> b.negated = true);
        continue;
      }
      // "胆结石，医生建议手术", "下个月做手术": an operation still to come leaves the conditions pending.
      Matcher comingOperation = OPERATED.matcher(masked);
      if (matches.isEmpty() && comingOperation.find() && !reading.last.isEmpty()
          && SCHEDULED.matcher(masked.substring(0, comingOperation.start())).find()
          && !NOT_DONE.matcher(masked.substring(0, comingOperation.start())).find()) {
        reading.last.forEach(b -> b.attributes.put(Facts.PENDING, "计划手术：" + item.strip()));
        continue;
      }
      // "骨折，打了钢板": an operation said in a clause of its own is on the conditions just named.
      Matcher operated = OPERATED.matcher(masked);
      if (operated.find() && !reading.last.isEmpty()
          && !Boolean.TRUE.equals(polarity(masked.substring(0, operated.start())))
          && !NOT_DONE.matcher(masked.substring(0, operated.start())).find()
          && !planned(masked.substring(0, operated.start()), masked.substring(operated.end()))) {
        String cue = operated.group();
        reading.last.forEach(b -> {
          if (!b.attributes.containsKey(Facts.OPERATED)) {
            operatedWith(b, cue, item);
          }
        });
        reading.last.forEach(b -> attrs.forEach(b.attributes::putIfAbsent));
        if (!hasUnknownWords(item)) {
          continue;
        }
      }
      if (!attrs.isEmpty()) {
        if (reading.last.isEmpty()) {
          pending.putAll(attrs);
        } else {
          reading.last.forEach(b -> attrs.forEach(b.attributes::putIfAbsent));
        }
        continue;
      }
      if (refineLast(item, reading, findings)) {
        continue;
      }
      if (corrects(item, masked, reading)) {
        continue;
      }
      Boolean cue = polarity(masked);
      if (cue != null) {
        negated = cue;
      }
      if (familyCue(item, reading.insured)) {
        family = true;
      }
      // An unknown word inside a list of denials ("无鼻炎、胃炎、皮肤病") is denied with the rest.
      if (!negated && hasUnknownWords(item) && !saysNothingNew(item, masked, family, reading)) {
        inSentence.add(new Builder(null, item, false, family, CONFIDENCE_UNKNOWN, "unknown", null));
      }
    }
    findings.addAll(inSentence);
  }

  /** "肺部CT未见异常，没有结节": a lesion said without an organ is at the organ named in a clause before. */
  private void atToldOrgan(String item, List<Match> matches, List<String> organ,
      List<TermIndex.Hit<List<String>>> organHits) {
    for (Composition.Hit<Entry> h : composition.atOrgan(item, organ, organHits)) {
      if (h.value().surgeryId() != null
          || matches.stream().anyMatch(x -> x.start() < h.end() && h.start() < x.end())) {
        continue;
      }
      matches.add(new Match(h.start(), h.end(), h.value().conceptId(), null, CONFIDENCE_SYNONYM, "composed", h.term(),
          false));
    }
    matches.sort(Comparator.comparingInt(Match::start));
  }

  private static final Pattern TRIGGER = Pattern.compile("(?:了|一下)?(?:就|的时候|时候|时|后|以后|容易)");
  private static final Pattern OCCASIONAL = Pattern.compile("偶尔|很少|极少|少有|不常|不怎么|难得|一年[一两二三]?次|几年[一两]?次");

  /** A common cold or upper-respiratory infection (J00, J06): what everyone catches now and then. */
  private boolean everydayAilment(String conceptId) {
    String code = kb.disease(conceptId).map(Disease::primaryIcd10).orElse("");
    return code.startsWith("J00") || code.startsWith("J06");
  }

  /** "后来复查说不是结节": a denial of what was just told, by its lesion word. */
  private static final Pattern CORRECTION = Pattern.compile("(?:不是|并不是|并非|排除了?|其实没有)(\\p{IsHan}{2,4}?)(?:了|的)?$");
  /** "是血管影", "只是炎症": what it turned out to be instead, in the clause after a correction. */
  private static final Pattern INSTEAD = Pattern.compile("^(?:而|只|其实|实际上|原来)?是");

  /**
   * "以前以为是肺结节，后来复查说不是结节": a clause that denies the lesion of the condition just told
   * takes that condition back; the clause after it that says what it was instead ("是血管影") is a remark.
   */
  private boolean corrects(String item, String masked, Reading reading) {
    if (reading.corrected && INSTEAD.matcher(item.strip()).find() && !reading.last.isEmpty()) {
      reading.corrected = false;
      reading.last.forEach(b -> b.attributes.put(Facts.REMARKS, List.of(item.strip())));
      return true;
    }
    Matcher c = CORRECTION.matcher(item.strip());
    if (!c.find() || reading.last.size() != 1 || reading.last.get(0).conceptId == null) {
      return false;
    }
    Builder told = reading.last.get(0);
    String said = told.term == null ? "" : TextForms.fold(told.term);
    String denied = c.group(1);
    if (said.length() <= denied.length() || !said.endsWith(denied) || told.family) {
      return false;
    }
    told.negated = true;
    told.explicit = true;
    reading.corrected = true;
    return true;
  }

  /**
   * "髋关节置换，股骨头坏死", "胆囊切除术后，原因是胆囊炎": an operation named first, filed under its usual
   * condition, was for the condition told right after it when that condition has an operation of the same
   * ICD-9-CM-3 subcategory (or shares the usual condition's ICD-10 category). The operation's finding then
   * becomes that condition's, and the two are merged as one story.
   */
  private void operatedForLater(List<Builder> findings) {
    for (int i = 0; i + 1 < findings.size(); i++) {
      Builder op = findings.get(i);
      if (op.surgeryId == null || op.family || op.negated || op.conceptId == null
          || !op.conceptId.equals(surgeries.get(op.surgeryId).conditionId())) {
        continue;
      }
      Builder next = findings.get(i + 1);
      if (next.conceptId == null || next.family || next.negated || next.surgeryId != null
          || next.conceptId.equals(op.conceptId) || Boolean.TRUE.equals(next.attributes.get(Facts.OPERATED))) {
        continue;
      }
      String code = String.valueOf(op.attributes.get(Facts.ICD9));
      String sub = code.length() >= 4 ? code.substring(0, 4) : code;
      boolean same = surgeriesByCondition.getOrDefault(next.conceptId, List.of()).stream()
          .anyMatch(s -> s.icd9().stream().anyMatch(c -> c.startsWith(sub)))
          || sharesCategory(op.conceptId, next.conceptId) || sameOrgan(op.term, next.term);
      if (!same) {
        continue;
      }
      Builder moved = new Builder(next.conceptId, op.evidence, false, false, op.confidence, op.basis, op.term);
      moved.explicit = op.explicit;
      moved.surgeryId = op.surgeryId;
      moved.attributes.putAll(op.attributes);
      findings.set(i, moved);
    }
  }

  /** Two terms that open with the same organ's name (胆囊切除术, 胆囊炎; 脾切除术, 脾破裂). */
  private boolean sameOrgan(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = TextForms.fold(a);
    String y = TextForms.fold(b);
    int p = 0;
    while (p < Math.min(x.length(), y.length()) && x.charAt(p) == y.charAt(p)) {
      p++;
    }
    for (int len = p; len >= 1; len--) {
      if (composition.isOrgan(x.substring(0, len))) {
        return true;
      }
    }
    return false;
  }

  /** The condition told last, in this sentence or before: the one an operation still to come is for. */
  private static Builder nearestTold(List<Builder> earlier, List<Builder> inSentence) {
    for (List<Builder> told : List.of(inSentence, earlier)) {
      for (int i = told.size() - 1; i >= 0; i--) {
        Builder b = told.get(i);
        if (b.conceptId != null) {
          return b.family || b.negated ? null : b;
        }
      }
    }
    return null;
  }

  /** "还没去做", "准备做", "下个月要做": the operation named after it (or before "还没做") is still to come. */
  private static final Pattern STILL_NOT = Pattern.compile(
      "(?:还|尚|暂时|暂|仍|一直)(?:没有?|未)(?:去|来得及|顾上|空)?(?:做|行|查|手术)?$");

  private static boolean stillToCome(String before, String after) {
    return PLANNED.matcher(before).find() || SCHEDULED.matcher(before).find() || STILL_NOT.matcher(before).find()
        || NOT_DONE_AFTER.matcher(after).lookingAt() && after.matches("^(还|仍|尚|暂时).*");
  }

  /** What may stand before a bare lesion word that names no site of its own: "有个小", "还有". */
  private static final Pattern NO_SITE_BEFORE = Pattern.compile("^[还有个一小多发几颗枚粒处些点大也都长了另外又]*$");

  /**
   * "乳腺增生，有个小纤维瘤": a bare lesion word, said with no site of its own right after a condition of
   * an organ, is at that organ when the organ's name and the lesion make one of the knowledge base's terms
   * (乳腺纤维瘤).
   */
  private Match lesionAtToldSite(Match m, String masked, List<Builder> earlier, List<Builder> inSentence) {
    if (m.surgeryId() != null || m.term() == null || !Composition.isLesion(m.term())
        || !NO_SITE_BEFORE.matcher(masked.substring(0, m.start())).matches()) {
      return m;
    }
    Builder told = nearestTold(earlier, inSentence);
    if (told == null || told.term == null || told.conceptId.equals(m.conceptId())) {
      return m;
    }
    String said = TextForms.fold(told.term);
    for (int len = Math.min(3, said.length() - 1); len >= 1; len--) {
      Entry e = terms.get(said.substring(0, len) + m.term());
      if (e != null && e.surgeryId() == null && !e.conceptId().equals(m.conceptId())) {
        return new Match(m.start(), m.end(), e.conceptId(), null, CONFIDENCE_SYNONYM, "composed",
            said.substring(0, len) + m.term(), m.deniedInside());
      }
    }
    return m;
  }

  /** A clause of a site or kind alone: "乳腺的", "肝上的", "隐性的". */
  private static final Pattern QUALIFIER_CLAUSE = Pattern.compile("^(?:是|在)?(\\p{IsHan}{1,4}?)(?:上面|上|里面|里|那边|那)?的$");

  /**
   * "原位癌，乳腺的", "脊柱裂，隐性的": a clause naming only a site or a kind, right after a clause that
   * named one condition, names that condition more precisely when site or kind and the clause before
   * make one of the knowledge base's terms (乳腺原位癌, 隐性脊柱裂). The finding is replaced in place.
   */
  private boolean refineLast(String item, Reading reading, List<Builder> findings) {
    Matcher q = QUALIFIER_CLAUSE.matcher(item);
    if (!q.matches()) {
      return false;
    }
    if (refineUnknown(q.group(1), findings)) {
      return true;
    }
    if (reading.last.size() != 1 || reading.last.get(0).conceptId == null) {
      return false;
    }
    Builder told = reading.last.get(0);
    String qualifier = q.group(1);
    List<TermIndex.Hit<Entry>> hits = terms.longestMatches(qualifier + told.evidence);
    if (hits.isEmpty()) {
      return false;
    }
    TermIndex.Hit<Entry> h = hits.get(0);
    int at = findings.indexOf(told);
    if (h.start() != 0 || h.end() <= qualifier.length() || h.value().surgeryId() != null
        || h.value().conceptId().equals(told.conceptId) || at < 0) {
      return false;
    }
    Builder refined = new Builder(h.value().conceptId(), told.evidence, told.negated, told.family, CONFIDENCE_SYNONYM,
        "composed", h.term());
    refined.explicit = told.explicit;
    refined.attributes.putAll(told.attributes);
    findings.set(at, refined);
    reading.last = new ArrayList<>(List.of(refined));
    return true;
  }

  /**
   * "脖子上有结节，甲状腺的", "就是个小囊肿，肝上的": a clause naming only a site, right after a clause read as
   * unknown that said a lesion, names the condition when the site and the lesion make one of the knowledge
   * base's terms (甲状腺结节, 肝囊肿). The unknown finding is replaced in place.
   */
  private boolean refineUnknown(String site, List<Builder> findings) {
    if (findings.isEmpty()) {
      return false;
    }
    Builder told = findings.get(findings.size() - 1);
    if (told.conceptId != null || told.negated) {
      return false;
    }
    List<String> organ = composition.lastOrgan(site);
    List<String> names = organ != null ? organ : List.of(site);
    for (String name : names) {
      for (String ending : composition.lesionEndings(TextForms.fold(told.evidence))) {
        Entry e = terms.get(name + ending);
        if (e != null && e.surgeryId() == null) {
          Builder refined = new Builder(e.conceptId(), told.evidence, false, told.family, CONFIDENCE_SYNONYM, "composed",
              name + ending);
          refined.attributes.putAll(told.attributes);
          findings.set(findings.size() - 1, refined);
          return true;
        }
      }
    }
    return false;
  }

  /**
   * An operation named only by its technique ("射频消融", "腹腔镜手术") belongs to the condition told
   * just before when that condition has an operation of that name: "房颤，去年做了射频消融" is an
   * ablation for atrial fibrillation, not for the tachycardia the bare word stands for.
   */
  private Match ownOperation(Match m, List<Builder> earlier, List<Builder> inSentence) {
    if (m.surgeryId() == null) {
      return m;
    }
    String condition = surgeries.get(m.surgeryId()).conditionId();
    List<Builder> told = new ArrayList<>(earlier);
    told.addAll(inSentence);
    for (int i = told.size() - 1; i >= 0; i--) {
      Builder b = told.get(i);
      if (b.conceptId == null || b.family || b.negated) {
        continue;
      }
      if (b.conceptId.equals(condition)) {
        return m;
      }
      // "乳腺癌手术，做了化疗": a treatment for cancer in general given for the cancer just named.
      if (malignantUnspecified(condition) && malignant(b.conceptId)) {
        return new Match(m.start(), m.end(), b.conceptId, m.surgeryId(), m.confidence(), m.basis(), m.term(),
            m.deniedInside());
      }
      for (Surgery alt : surgeriesByCondition.getOrDefault(b.conceptId, List.of())) {
        if (TextForms.fold(alt.name()).contains(m.term())
            || alt.synonyms().stream().anyMatch(t -> TextForms.fold(t).contains(m.term()))) {
          return new Match(m.start(), m.end(), b.conceptId, alt.id(), m.confidence(), m.basis(), m.term(),
              m.deniedInside());
        }
      }
      // "脚踝骨折，打了钢钉": an operation filed under a broader condition of the same ICD-10 category
      // (骨折) is on the condition just told.
      if (sharesCategory(condition, b.conceptId)) {
        return new Match(m.start(), m.end(), b.conceptId, m.surgeryId(), m.confidence(), m.basis(), m.term(),
            m.deniedInside());
      }
      // Only the nearest condition told is the one operated on.
      return m;
    }
    return m;
  }

  private boolean sharesCategory(String a, String b) {
    List<String> codes = kb.disease(a).map(Disease::icd10).orElse(List.of());
    return kb.disease(b).map(Disease::icd10).orElse(List.of()).stream()
        .anyMatch(x -> codes.stream().anyMatch(y -> y.length() >= 3 && x.length() >= 3
            && x.regionMatches(0, y, 0, 3)));
  }

  private boolean malignant(String conceptId) {
    return kb.disease(conceptId).map(d -> Boolean.TRUE.equals(d.attributes().get("malignant"))).orElse(false);
  }

  /** A concept for cancer at no stated site (恶性肿瘤 C80): what a generic cancer treatment is filed under. */
  private boolean malignantUnspecified(String conceptId) {
    return kb.disease(conceptId).map(d -> d.primaryIcd10().startsWith("C80")).orElse(false);
  }

  /**
   * Findings implied by medicines the clause names outside any matched condition ("降压药吃了快十年",
   * "一直吃优甲乐"): the condition each is taken for, at {@link #CONFIDENCE_MEDICATION}. A denied
   * medicine ("没吃过降压药") implies nothing. Returns how many findings it added.
   */
  private int medicines(String item, String masked, List<Match> matches, String sentence, Map<String, Object> attrs,
      boolean family, String insured, List<Builder> inSentence) {
    int added = 0;
    for (TermIndex.Hit<Medication> h : medications.longestMatches(item)) {
      if (matches.stream().anyMatch(m -> h.start() < m.end() && m.start() < h.end())) {
        continue;
      }
      String before = masked.substring(0, h.start());
      if (Boolean.TRUE.equals(polarity(before)) || MEDICINE_NOT_TAKEN.matcher(before).find()) {
        continue;
      }
      boolean relative = family || familyCue(item.substring(0, h.start()), insured);
      Builder b = new Builder(h.value().implies(), sentence, false, relative, CONFIDENCE_MEDICATION, "medication",
          h.term());
      b.attributes.putAll(attrs);
      b.attributes.put(Facts.MEDICATION, h.value().name());
      inSentence.add(b);
      added++;
    }
    return added;
  }

  /**
   * TRUE when the text's last cue denies, FALSE when it affirms, null without a cue. Affirming
   * words inside or right after a denial (诊断 in 未诊断, 有 in 否认有) belong to it.
   */
  private static Boolean polarity(String text) {
    Matcher neg = NEGATION.matcher(text);
    int lastNeg = -1;
    List<int[]> spans = new ArrayList<>(2);
    while (neg.find()) {
      lastNeg = neg.start();
      spans.add(new int[] {neg.start(), neg.end()});
    }
    Matcher aff = AFFIRM.matcher(text);
    int lastAff = -1;
    while (aff.find()) {
      int at = aff.start();
      int[] owner = spans.stream().filter(sp -> at >= sp[0] && at <= sp[1]).findFirst().orElse(null);
      if (owner != null) {
        // 否认患有: the affirming words chained to the denial are part of it.
        owner[1] = Math.max(owner[1], aff.end());
      } else {
        lastAff = at;
      }
    }
    if (lastNeg < 0 && lastAff < 0) {
      return null;
    }
    return lastNeg > lastAff;
  }

  /**
   * The relative the text says is being insured, as {@link #kin} names them: "给我妈投保" or "被保人是客户老公",
   * or a question whether they can be insured ("我婆婆有老年痴呆，还能投吗") about the one relative named
   * when the applicant says nothing of themselves. Null when the insured is the applicant.
   */
  static String insuredRelative(String folded) {
    // Every way of saying it has one of these characters; most disclosures have none, and are done at once.
    if (!INSURING.matcher(folded).find()) {
      return null;
    }
    Matcher m = INSURED_RELATIVE.matcher(folded);
    if (m.find()) {
      String who = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      return kin(who);
    }
    if (CAN_INSURE.matcher(folded).find() && !SELF.matcher(folded).find()) {
      Matcher k = KIN_WORD.matcher(folded);
      String one = null;
      while (k.find()) {
        String who = kin(k.group());
        if (one != null && !one.equals(who)) {
          return null;
        }
        one = who;
      }
      // Every relative word in the text must be that one ("孩子奶奶是糖尿病，想问孩子投保要写吗" names no kin here).
      return one != null && !FAMILY.matcher(KIN_WORD.matcher(folded).replaceAll("")).find() ? one : null;
    }
    return null;
  }

  /** One name per relative: 妈, 妈妈, 母亲, 老妈 are all 妈. */
  private static String kin(String said) {
    String word = said.length() > 1 && "我俺咱".indexOf(said.charAt(0)) >= 0 ? said.substring(1) : said;
    return switch (word) {
      case "父亲", "爸爸", "老爸", "爸", "阿爸", "爹", "老爹", "老汉", "老汉儿" -> "爸";
      case "母亲", "妈妈", "老妈", "妈", "姆妈", "阿妈", "娘", "老娘" -> "妈";
      case "老公", "丈夫" -> "老公";
      case "老婆", "妻子", "媳妇" -> "老婆";
      case "外公", "姥爷" -> "外公";
      case "外婆", "姥姥" -> "外婆";
      case "岳父", "丈人" -> "岳父";
      case "岳母", "丈母娘" -> "岳母";
      default -> word;
    };
  }

  /** A relative other than the insured one is named: what follows is family history. */
  private static boolean familyCue(String text, String insured) {
    Matcher m = FAMILY.matcher(text);
    while (m.find()) {
      if (insured == null || !insured.equals(kin(m.group()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A clause that names no condition of its own: a normal result, smoking or drinking denied, or a remark
   * about the condition just named (kept on it as {@link Facts#REMARKS}).
   */
  private static boolean saysNothingNew(String item, String masked, boolean family, Reading reading) {
    String bare = item.strip();
    if (NORMAL_RESULT.matcher(bare).find() || LIFESTYLE_DENIED.matcher(bare).find()) {
      return true;
    }
    // A clause that only says no ("腰不疼", "不头晕") affirms nothing, with or without a condition before it;
    // "不能走路", "不太好" say something is wrong.
    String afterNo = bare.replaceFirst("^.*?(没|未|不|无)", "");
    if (!afterNo.equals(bare) && !afterNo.matches("^(能|会|好|行|太|舒服|正常|灵|对|清).*")
        && !CONDITION_WORDS.matcher(afterNo.replace("症状", "")).find() && !family) {
      if (reading.last.isEmpty()) {
        return true;
      }
    }
    if (family || reading.last.isEmpty()) {
      return false;
    }
    // Negative wording without a cue the list of denials knows ("没症状", "腰不疼") affirms nothing new.
    boolean saysNo = NOT_DONE.matcher(masked).find()
        && !CONDITION_WORDS.matcher(bare.replaceFirst("^.*?(没|未|不|无)", "").replace("症状", "")).find();
    if (!saysNo && CONDITION_WORDS.matcher(bare).find()) {
      return false;
    }
    for (Builder b : reading.last) {
      Object had = b.attributes.get(Facts.REMARKS);
      List<String> remarks = new ArrayList<>();
      if (had instanceof List<?> list) {
        list.forEach(x -> remarks.add(String.valueOf(x)));
      }
      if (!remarks.contains(bare)) {
        remarks.add(bare);
      }
      b.attributes.put(Facts.REMARKS, List.copyOf(remarks));
    }
    return true;
  }

  private static boolean hasUnknownWords(String item) {
    if (han(item) < 2) {
      return false;
    }
    String rest = FILLER.matcher(item).replaceAll("");
    // Most clauses are settled by the common fillers; the rarer ones are tried only on what is left.
    return han(rest) >= 2 && han(RARE_FILLER.matcher(rest).replaceAll("")) >= 2;
  }

  /**
   * Fillers rarer than {@link #FILLER}: regional ways of saying one is well (巴适得很, 安逸, 硬朗), who is
   * insured and the asking about it ("被保人是客户老公", "给我妈投保", "还能投吗"), an age said in words (七十多).
   */
  private static final Pattern RARE_FILLER = Pattern.compile(
      "巴适|安逸|硬朗|得很|被保险人|被保人|保险人|保人|投保人|客户|投保|保险|咨询|问问|想问|能不能|" + KIN + "|[买投俺咱]"
          + "|[一二两三四五六七八九十]{1,3}多?岁?");

  private static int han(String rest) {
    int cjk = 0;
    for (int i = 0; i < rest.length(); i++) {
      if (Character.UnicodeScript.of(rest.charAt(i)) == Character.UnicodeScript.HAN) {
        cjk++;
      }
    }
    return cjk;
  }

  /** Links an operation to its condition: the surgery matched, or one named by the clause's wording. */
  private void operation(String item, Match m, Builder b) {
    if (m.surgeryId() != null) {
      // A denied operation (没做过心脏支架) keeps its code on the denied finding; a planned one gets none.
      String before = item.substring(0, m.start());
      Surgery s = surgeries.get(m.surgeryId());
      if (PLANNED.matcher(before).find() || SCHEDULED.matcher(before).find()
          || NOT_DONE_AFTER.matcher(item.substring(m.end())).lookingAt()) {
        // Not done yet: the condition it treats is pending an operation, and nothing is operated.
        b.attributes.put(Facts.PENDING, "计划手术：" + s.name());
        return;
      }
      b.attributes.put(Facts.OPERATED, true);
      b.attributes.put(Facts.SURGERY, s.name());
      b.attributes.put(Facts.ICD9, s.icd9().get(0));
      b.surgeryId = s.id();
      return;
    }
    Matcher op = OPERATED.matcher(item);
    if (!op.find() || planned(item.substring(0, op.start()), item.substring(op.end()))) {
      return;
    }
    operatedWith(b, op.group(), item);
  }

  /**
   * An operation advised, planned or not yet done ("医生建议切胆囊还没做", "下个月要做手术") has not
   * been done: the words before it in the clause plan it, or the words after it say it is still to come.
   */
  private static boolean planned(String before, String after) {
    return PLANNED.matcher(before).find() || NOT_DONE_BEFORE.matcher(before).find()
        || NOT_DONE_AFTER.matcher(after).lookingAt();
  }

  /** "没做手术", "未行手术", "不用开刀": the operation named next was not done. */
  private static final Pattern NOT_DONE_BEFORE = Pattern.compile("(?:没有?|未|不用|无需|不需要?)(?:做|动|开|行)?过?$");

  private static final Pattern NOT_DONE_AFTER = Pattern.compile("(?:还|仍|尚|暂时)?(?:没有?|未)(?:做|手术|开刀|切)");

  /**
   * Marks the finding operated on, with the condition's operation the clause's wording shares most
   * two-character words with ("全切" picks 甲状腺全切除术, "电切" the resection), else the one the cue
   * names, else its first.
   */
  private void operatedWith(Builder b, String cue, String said) {
    b.attributes.put(Facts.OPERATED, true);
    if (b.conceptId == null) {
      return;
    }
    List<Surgery> linked = surgeriesByCondition.getOrDefault(b.conceptId, List.of());
    Surgery chosen = null;
    int best = 0;
    String text = TextForms.fold(said);
    for (Surgery s : linked) {
      int score = 0;
      for (String t : surgeryWords.get(s.id())) {
        score = Math.max(score, sharedPairs(text, t));
      }
      if (score > best) {
        best = score;
        chosen = s;
      }
    }
    if (chosen == null) {
      chosen = linked.stream()
          .filter(s -> s.name().contains(cue) || s.synonyms().stream().anyMatch(t -> t.contains(cue)))
          .findFirst()
          .orElse(linked.isEmpty() ? null : linked.get(0));
    }
    if (chosen != null) {
      b.attributes.put(Facts.SURGERY, chosen.name());
      b.attributes.put(Facts.ICD9, chosen.icd9().get(0));
    }
  }

  /** How many two-character pieces of {@code term} occur in {@code text}, leaving out the condition's organ words. */
  private static int sharedPairs(String text, String term) {
    int n = 0;
    for (int i = 0; i + 1 < term.length(); i++) {
      if (text.indexOf(term.charAt(i)) >= 0 && text.indexOf(term.substring(i, i + 2)) >= 0
          && "切除术手术".indexOf(term.charAt(i)) < 0) {
        n++;
      }
    }
    return n;
  }

  private void radsWithoutSystem(String item, String conceptId, Map<String, Object> attrs) {
    if (attrs.containsKey(Facts.TIRADS) || attrs.containsKey(Facts.BIRADS)) {
      return;
    }
    Matcher m = RADS_BARE.matcher(item);
    if (!m.find()) {
      return;
    }
    Disease d = kb.disease(conceptId).orElse(null);
    if (d == null) {
      return;
    }
    String code = d.primaryIcd10();
    String fact = code.startsWith("E0") || code.startsWith("C73") ? Facts.TIRADS
        : code.startsWith("N6") || code.startsWith("C50") ? Facts.BIRADS : null;
    if (fact != null) {
      attrs.put(fact, Integer.parseInt(m.group(1)));
      if (m.group(2) != null) {
        attrs.put(Facts.RADS_CATEGORY, m.group(1) + m.group(2));
      }
    }
  }

  /**
   * Marks each generic finding that a more specific finding of the same block, subject and
   * polarity refines: "先天性心脏病，房间隔缺损" is one condition, said twice.
   */
  private void markRefined(List<Builder> findings) {
    for (Builder general : findings) {
      if (general.conceptId == null) {
        continue;
      }
      Disease g = kb.disease(general.conceptId).orElseThrow();
      for (Builder specific : findings) {
        if (specific == general || specific.conceptId == null || specific.conceptId.equals(general.conceptId)
            || specific.negated != general.negated || specific.family != general.family) {
          continue;
        }
        Disease s = kb.disease(specific.conceptId).orElseThrow();
        if (refines(s, g)) {
          general.attributes.put(Facts.REFINED_BY, s.id());
          break;
        }
      }
    }
  }

  /** {@code specific} names a narrower condition than {@code general}: by the hierarchy, or by an unspecified code. */
  private boolean refines(Disease specific, Disease general) {
    String up = specific.broader();
    for (int depth = 0; up != null && depth < 8; depth++) {
      if (up.equals(general.id())) {
        return true;
      }
      up = kb.disease(up).map(Disease::broader).orElse(null);
    }
    return specific.category().equals(general.category()) && unspecified(general.primaryIcd10())
        && !unspecified(specific.primaryIcd10());
  }

  /** An ICD-10 code for the unspecified member of its category: C95.9, Q24.900. */
  static boolean unspecified(String code) {
    int dot = code.indexOf('.');
    return dot > 0 && dot + 1 < code.length() && code.charAt(dot + 1) == '9';
  }

  /** One finding per condition, subject and polarity: a disease and its operation told twice are one story. */
  private static List<Builder> merge(List<Builder> findings) {
    List<Builder> out = new ArrayList<>();
    for (Builder b : findings) {
      Builder same = b.conceptId == null ? null : out.stream()
          .filter(o -> b.conceptId.equals(o.conceptId) && o.negated == b.negated && o.family == b.family)
          .findFirst().orElse(null);
      if (same == null) {
        out.add(b);
      } else {
        b.attributes.forEach(same.attributes::putIfAbsent);
        same.confidence = Math.max(same.confidence, b.confidence);
      }
    }
    return out;
  }

  /**
   * Findings of a disclosure that may also carry a coded diagnosis: a known {@code icd10} decides
   * the concept, {@code diagnosedOn} (YYYY, YYYY-MM or YYYY-MM-DD) and {@code status} override
   * what the text says.
   */
  public List<ClinicalFinding> normalize(String text, String icd10, String diagnosedOn, String status,
      LocalDate referenceDate) {
    List<ClinicalFinding> fromText = text == null ? List.of() : normalize(text, referenceDate);
    List<ClinicalFinding> out = new ArrayList<>();
    Optional<Disease> coded = kb.diseaseByIcd10(icd10);
    Map<String, Object> extra = new LinkedHashMap<>();
    parseDate(diagnosedOn).ifPresent(ym -> putSince(extra, ym, referenceDate));
    if (status != null && !status.isBlank()) {
      extra.put(Facts.STATUS, status.trim().toUpperCase(Locale.ROOT).replace("RESOLVED", "CURED"));
    }
    if (coded.isPresent()) {
      Disease d = coded.get();
      Map<String, Object> attrs = new LinkedHashMap<>();
      fromText.stream().filter(f -> d.id().equals(f.conceptId()) && f.aboutApplicant()).findFirst()
          .ifPresent(f -> attrs.putAll(f.attributes()));
      attrs.putAll(extra);
      out.add(new ClinicalFinding(d.id(), d.name(), icd10.trim(), text, Map.copyOf(attrs), false, CONFIDENCE_ICD10,
          "icd10"));
      fromText.stream().filter(f -> !d.id().equals(f.conceptId()) && f.known()).forEach(out::add);
      return out;
    }
    for (ClinicalFinding f : fromText) {
      if (f.known() && !f.negated() && f.aboutApplicant()) {
        Map<String, Object> attrs = new LinkedHashMap<>(f.attributes());
        attrs.putAll(extra);
        out.add(new ClinicalFinding(f.conceptId(), f.concept(), f.icd10(), f.evidence(), Map.copyOf(attrs), false,
            f.confidence(), f.basis(), f.subject(), f.matchedTerm()));
      } else {
        out.add(f);
      }
    }
    boolean anyKnown = out.stream().anyMatch(f -> f.known() && f.aboutApplicant());
    if (!anyKnown && icd10 != null && !icd10.isBlank()) {
      out.removeIf(f -> !f.known() && !f.negated());
      out.add(new ClinicalFinding(null, null, icd10.trim(), text, Map.copyOf(extra), false, CONFIDENCE_UNKNOWN,
          "icd10"));
    }
    return out;
  }

  /** Exact terms first; patterns, then one-edit typo matches, only on what the terms left. */
  private List<Match> match(String item, boolean typed, List<TermIndex.Hit<List<String>>> organHits) {
    List<Match> found = new ArrayList<>();
    for (TermIndex.Hit<Entry> h : terms.longestMatches(item)) {
      Entry e = h.value();
      found.add(new Match(h.start(), h.end(), e.conceptId(), e.surgeryId(),
          e.standard() ? CONFIDENCE_NAME : CONFIDENCE_SYNONYM, "dictionary", h.term()));
    }
    List<PatternRef> candidates = new ArrayList<>(unanchoredPatterns);
    patternLiterals.allMatches(item).forEach(h -> candidates.addAll(h.value()));
    for (PatternRef p : candidates) {
      if (found.stream().anyMatch(m -> m.conceptId().equals(p.conceptId()))) {
        continue;
      }
      Matcher m = p.pattern().matcher(item);
      while (m.find()) {
        int s = m.start();
        int e = m.end();
        if (found.stream().noneMatch(x -> s < x.end() && x.start() < e)) {
          found.add(new Match(s, e, p.conceptId(), null, CONFIDENCE_PATTERN, "pattern", p.pattern().pattern()));
          break;
        }
      }
    }
    found.sort(Comparator.comparingInt(Match::start));
    compact(item, found);
    compose(item, found, organHits);
    fractureSites(item, found);
    trends(item, found);
    if (typed) {
      fuzzy(item, found);
    }
    // "宫颈癌疫苗打过了", "乙肝疫苗": a disease named as what a vaccine protects from is no disease.
    found.removeIf(x -> item.startsWith("疫苗", x.end()) && x.surgeryId() == null);
    // "风湿科", "肾病科": a condition named as a hospital department is no disease; nor is the 性病 inside
    // 弥漫性病变, 良性病灶.
    found.removeIf(x -> x.surgeryId() == null && item.startsWith("科", x.end()));
    found.removeIf(x -> "性病".equals(x.term()) && (item.startsWith("变", x.end()) || item.startsWith("灶", x.end())));
    // "过敏性哮揣": 过敏性 before a condition is the kind of that condition, not an allergy of its own.
    found.removeIf(x -> x.term() != null && x.term().equals("过敏") && item.startsWith("性", x.end())
        && found.stream().anyMatch(y -> y != x && y.start() == x.end() + 1));
    old(item, found);
    found.sort(Comparator.comparingInt(Match::start));
    return found;
  }

  /**
   * Words people put inside a term: aspect particles, counts and degree words ("放过一个支架", "搭了三根桥",
   * "听力有点下降", "拔过四颗智齿"). 过 and 着 stay where they begin a word of their own (过敏, 着凉).
   */
  private static final Pattern INFIX = Pattern.compile(
      "有点儿?|有些|稍微|稍稍|稍|略微|略|轻微|一点|比较|中重度|轻度|中度|重度|少量|少许|大量|了|过(?![敏度量期劳多少])|着(?![凉急])"
          + "|[一两二三四五六七八九十几\\d]+(?:个|根|枚|颗|次|条|处|粒|只|支|块|颗)|个");

  /**
   * Terms said with particles, counts or degree words inside them: the clause is read again without those
   * words, and a term found only that way (it spans a removed word) is taken, replacing shorter terms
   * inside it, at the confidence of a synonym.
   */
  private static final Pattern DEGREE = Pattern.compile("有点|有些|稍|略|轻|一点|比较");

  private void compact(String item, List<Match> found) {
    Matcher m = INFIX.matcher(item);
    if (!m.find()) {
      return;
    }
    StringBuilder text = new StringBuilder(item.length());
    int[] at = new int[item.length()];
    int from = 0;
    do {
      for (int i = from; i < m.start(); i++) {
        at[text.length()] = i;
        text.append(item.charAt(i));
      }
      from = m.end();
    } while (m.find());
    for (int i = from; i < item.length(); i++) {
      at[text.length()] = i;
      text.append(item.charAt(i));
    }
    for (TermIndex.Hit<Entry> h : terms.longestMatches(text.toString())) {
      int s = at[h.start()];
      int e = at[h.end() - 1] + 1;
      // "血糖有点高": a reading said high with a degree word is the indicator's, read by its trend.
      char last = h.term().charAt(h.length() - 1);
      if (e - s == h.length() || (last == '高' || last == '低') && DEGREE.matcher(item.substring(s, e)).find()) {
        continue;
      }
      List<Match> inside = found.stream().filter(x -> s <= x.start() && x.end() <= e).toList();
      boolean overlapsOutside = found.stream().anyMatch(x -> x.start() < e && s < x.end() && !inside.contains(x));
      if (overlapsOutside || inside.stream().anyMatch(x -> x.end() - x.start() >= h.length())) {
        continue;
      }
      found.removeAll(inside);
      Entry en = h.value();
      found.add(new Match(s, e, en.conceptId(), en.surgeryId(), CONFIDENCE_SYNONYM, "dictionary", h.term()));
    }
    found.sort(Comparator.comparingInt(Match::start));
  }

  private static final Pattern OLD = Pattern.compile("陈旧性?[^,;]{0,4}$");

  /**
   * "陈旧性下壁心梗": a condition said to be old, with a site or kind between, is the knowledge base's old
   * form of it (陈旧性心梗) when there is one.
   */
  private void old(String item, List<Match> found) {
    if (!item.contains("陈旧")) {
      return;
    }
    for (int i = 0; i < found.size(); i++) {
      Match m = found.get(i);
      Matcher o = OLD.matcher(item.substring(0, m.start()));
      Entry e = m.surgeryId() == null && o.find() ? terms.get("陈旧性" + m.term()) : null;
      if (e != null && e.surgeryId() == null && !e.conceptId().equals(m.conceptId())) {
        found.set(i, new Match(o.start(), m.end(), e.conceptId(), null, CONFIDENCE_SYNONYM, "composed",
            "陈旧性" + m.term(), m.deniedInside()));
      }
    }
  }

  /**
   * Conditions and operations said in pieces: an organ and, a few words later, a lesion
   * ("甲状腺上长了个小疙瘩" is a thyroid nodule, "肾上有个小囊肿" a renal cyst) or a removal
   * ("割过胆囊", "扁桃体割了"). The pieces name the knowledge base's own term (甲状腺结节,
   * 胆囊切除术); a composed match replaces the bare pieces inside it. A denial between the pieces
   * ("肺部没有结节") denies the condition. Pattern matches with a denial inside are denied too.
   */
  private void compose(String item, List<Match> found, List<TermIndex.Hit<List<String>>> organHits) {
    for (Composition.Hit<Entry> c : composition.find(item, organHits)) {
      Entry e = c.value();
      List<Match> inside = found.stream().filter(x -> c.start() <= x.start() && x.end() <= c.end()).toList();
      boolean overlapsOutside = found.stream()
          .anyMatch(x -> x.start() < c.end() && c.start() < x.end() && !inside.contains(x));
      // Keep a longer or equally specific term already found inside (乳腺结节 itself, 胆囊切除术 itself).
      boolean better = inside.stream().noneMatch(x -> x.end() - x.start() >= c.term().length());
      // "子宫肌瘤还没切": an operation not done says nothing against the condition named inside it.
      boolean deniedOperationOverCondition = c.denied() && e.surgeryId() != null && !inside.isEmpty();
      if (overlapsOutside || !better || deniedOperationOverCondition) {
        continue;
      }
      found.removeAll(inside);
      found.add(new Match(c.start(), c.end(), e.conceptId(), e.surgeryId(), CONFIDENCE_SYNONYM, "composed",
          c.term(), c.denied()));
    }
    for (int i = 0; i < found.size(); i++) {
      Match m = found.get(i);
      if (m.basis().equals("pattern") && !m.deniedInside()
          && Composition.deniesInside(mask(item.substring(m.start(), m.end())))) {
        found.set(i, new Match(m.start(), m.end(), m.conceptId(), m.surgeryId(), m.confidence(), m.basis(), m.term(),
            true));
      }
    }
    found.sort(Comparator.comparingInt(Match::start));
  }

  /**
   * Fractures said by their site ("足骨骨折", "脚踝摔骨折了", "肋骨断了"): the site's own fracture
   * replaces what was found after the site word on the fracture words alone (the bare 骨折, 摔断),
   * and never a term that takes in the site word or reaches past the fracture word (锁骨骨折,
   * 骨折不愈合).
   */
  private void fractureSites(String item, List<Match> found) {
    for (FractureSites.Hit h : fractureSites.find(item)) {
      List<Match> overlapping = found.stream().filter(x -> x.start() < h.end() && h.start() < x.end()).toList();
      if (overlapping.stream().anyMatch(x -> x.start() < h.siteEnd() || x.end() > h.end())) {
        continue;
      }
      found.removeAll(overlapping);
      found.add(new Match(h.start(), h.end(), h.conceptId(), null, CONFIDENCE_SYNONYM, "composed", h.term()));
    }
    found.sort(Comparator.comparingInt(Match::start));
  }

  /**
   * A checkup value said in words: an indicator's name and "high" or "low" ("尿酸有点高",
   * "甘油三酯↑", "转氨酶偏高") is the condition the indicator's mildest threshold that way names,
   * at the confidence of a pattern; "normal" ("尿酸正常") denies the condition its high value names.
   */
  private void trends(String item, List<Match> found) {
    for (TermIndex.Hit<String[]> h : indicatorTrends.longestMatches(item)) {
      // "空腹血糖6.8偏高": the value said between the name and the trend.
      Matcher value = VALUE.matcher(item).region(h.end(), item.length());
      int after = value.lookingAt() && value.end() > h.end() && hasDigit(value.group()) ? value.end() : h.end();
      Matcher m = TREND.matcher(item).region(after, item.length());
      if (!m.lookingAt() && after > h.end()) {
        // "尿酸500多", "空腹血糖7.8": a value said without a word for it is read against the thresholds.
        String concept = valueFinding(indicatorByTerm.get(h.term()), item.substring(h.end(), after));
        int end = after;
        if (concept != null && found.stream().noneMatch(x -> h.start() < x.end() && x.start() < end)) {
          found.removeIf(x -> h.start() <= x.start() && x.end() <= h.end());
          found.add(new Match(h.start(), end, concept, null, CONFIDENCE_PATTERN, "indicator", h.term()));
        }
        continue;
      }
      if (!m.lookingAt()) {
        // Said to be normal: the condition its high value means is denied ("尿酸正常"), so that a checkup
        // showing it is a contradiction rather than a silent override.
        Matcher normal = TREND_NORMAL.matcher(item).region(h.end(), item.length());
        String denied = h.value()[0] != null ? h.value()[0] : h.value()[1];
        int end = normal.lookingAt() ? normal.end() : -1;
        if (end > 0) {
          // "乙肝两对半正常": the indicator's name wins over a shorter term inside it (乙肝).
          found.removeIf(x -> h.start() <= x.start() && x.end() <= h.end() && x.end() - x.start() < h.length());
        }
        if (end > 0 && found.stream().noneMatch(x -> h.start() < x.end() && x.start() < end)) {
          found.add(new Match(h.start(), end, denied, null, CONFIDENCE_PATTERN, "indicator", h.term(), true));
        }
        continue;
      }
      String word = m.group(1);
      boolean up = word.contains("高") || word.contains("↑") || word.contains("升") || word.contains("增")
          || word.contains("超") || word.contains("阳") || word.contains("+");
      String concept = up ? h.value()[0] : h.value()[1];
      int end = m.end();
      if (concept != null) {
        found.removeIf(x -> h.start() <= x.start() && x.end() <= h.end() && x.end() - x.start() < h.length());
      }
      if (concept == null || found.stream().anyMatch(x -> h.start() < x.end() && x.start() < end)) {
        continue;
      }
      found.add(new Match(h.start(), end, concept, null, CONFIDENCE_PATTERN, "indicator", h.term()));
    }
    // "体检血压150/100": a high reading said with nothing else is the condition a high systolic or diastolic
    // pressure means.
    if (found.isEmpty() && highPressure != null && item.contains("血压") && item.indexOf('/') > 0) {
      Matcher bp = BLOOD_PRESSURE.matcher(item);
      if (bp.find()) {
        int sys = Integer.parseInt(bp.group(1));
        int dia = Integer.parseInt(bp.group(2));
        if (sys > dia && sys <= 260 && dia <= 160 && (sys >= 140 || dia >= 90)) {
          found.add(new Match(bp.start(), bp.end(), highPressure, null, CONFIDENCE_PATTERN, "indicator", bp.group()));
        }
      }
    }
    found.sort(Comparator.comparingInt(Match::start));
  }

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  /**
   * The condition a value said in a disclosure means by the indicator's thresholds (the first one it meets,
   * as on a checkup), or null: a value with a unit other than the indicator's, a qualitative indicator, or a
   * value within every threshold.
   */
  private static String valueFinding(Indicator ind, String said) {
    if (ind == null || ind.qualitative()) {
      return null;
    }
    Matcher n = NUMBER.matcher(said);
    if (!n.find()) {
      return null;
    }
    String unit = said.substring(n.end()).strip();
    if (!unit.isEmpty() && (ind.unit() == null || !unit.equalsIgnoreCase(TextForms.fold(ind.unit())))) {
      return null;
    }
    BigDecimal value = new BigDecimal(n.group());
    BigDecimal upper = ind.ranges().isEmpty() ? null : ind.ranges().get(0).high();
    for (Threshold t : ind.thresholds()) {
      if (t.conceptId() != null && t.positive() == null && (t.gtUln() == null || upper != null)
          && t.matches(value, upper)) {
        return t.conceptId();
      }
    }
    return null;
  }

  /**
   * One-edit matches in the stretches of the clause no term or pattern covered, and long one-edit
   * matches that swallow a much shorter exact one ("冠状动脉粥样硬性心脏病" is a misspelt coronary
   * heart disease, not the "心脏病" inside it).
   */
  private void fuzzy(String item, List<Match> found) {
    if (!found.isEmpty() && item.length() >= DOMINATING_FUZZY_LENGTH) {
      for (TermIndex.Hit<Entry> h : terms.fuzzyMatches(item)) {
        int s = h.start();
        int e = h.end();
        if (e - s < DOMINATING_FUZZY_LENGTH) {
          continue;
        }
        List<Match> inside = found.stream().filter(x -> s <= x.start() && x.end() <= e).toList();
        boolean overlapsOutside = found.stream().anyMatch(x -> x.start() < e && s < x.end() && !inside.contains(x));
        int covered = inside.stream().mapToInt(x -> x.end() - x.start()).sum();
        // A long term typed with one homophone ("累风湿关节炎") is that term even where its pieces are words.
        boolean sound = h.edit() == TermIndex.Edit.HOMOPHONE || h.edit() == TermIndex.Edit.CONFUSION;
        if (!inside.isEmpty() && !overlapsOutside && (covered * 2 <= e - s || sound)) {
          found.removeAll(inside);
          Entry en = h.value();
          found.add(new Match(s, e, en.conceptId(), en.surgeryId(), typoConfidence(h),
              "fuzzy:" + h.edit().name().toLowerCase(Locale.ROOT), h.term()));
          found.sort(Comparator.comparingInt(Match::start));
        }
      }
    }
    singleCharacterTerms(item, found);
    List<int[]> gaps = new ArrayList<>();
    int from = 0;
    for (Match m : found) {
      if (m.start() > from) {
        gaps.add(new int[] {from, m.start()});
      }
      from = Math.max(from, m.end());
    }
    if (from < item.length()) {
      gaps.add(new int[] {from, item.length()});
    }
    for (int[] gap : gaps) {
      String part = item.substring(gap[0], gap[1]);
      if (part.length() < 2 || !hasUnknownWords(part)) {
        continue;
      }
      List<TermIndex.Hit<Entry>> hits = new ArrayList<>(
          part.length() < TermIndex.MIN_FUZZY_LENGTH ? List.of() : terms.fuzzyMatches(part));
      for (TermIndex.Hit<Entry> h : terms.homophoneMatches(COMMON_WORDS.matcher(part).replaceAll(w -> "□".repeat(w.group().length())))) {
        if (hits.stream().noneMatch(x -> h.start() < x.end() && x.start() < h.end())) {
          hits.add(h);
        }
      }
      for (TermIndex.Hit<Entry> h : hits) {
        Entry e = h.value();
        found.add(new Match(gap[0] + h.start(), gap[0] + h.end(), e.conceptId(), e.surgeryId(),
            typoConfidence(h), "fuzzy:" + h.edit().name().toLowerCase(Locale.ROOT), h.term()));
      }
    }
  }

  /**
   * "痣疮" is 痔疮 typed with a homophone, not a mole: a one-character term next to a character no term
   * covers gives way to a two-character term the pair sounds like.
   */
  private void singleCharacterTerms(String item, List<Match> found) {
    for (int i = 0; i < found.size(); i++) {
      Match m = found.get(i);
      if (m.end() - m.start() != 1 || !m.basis().equals("dictionary")) {
        continue;
      }
      for (int s : new int[] {m.start() - 1, m.start()}) {
        int e = s + 2;
        if (s < 0 || e > item.length() || found.stream().anyMatch(x -> x != m && x.start() < e && s < x.end())) {
          continue;
        }
        List<TermIndex.Hit<Entry>> hits = terms.homophoneMatches(item.substring(s, e));
        if (!hits.isEmpty()) {
          TermIndex.Hit<Entry> h = hits.get(0);
          found.set(i, new Match(s, e, h.value().conceptId(), h.value().surgeryId(), typoConfidence(h),
              "fuzzy:" + h.edit().name().toLowerCase(Locale.ROOT), h.term()));
          break;
        }
      }
    }
  }

  /** Everyday words that sound like a two-character term (老是/老视, 病都/病窦): never read as its typo. */
  private static final Pattern COMMON_WORDS = Pattern.compile(
      "老是|总是|还是|就是|但是|可是|只是|都是|也是|要是|病都|时候|以后|之后|差点|有点|一点|点点|早点|晚点|疾病|几次|其他|其它"
          // Regional words: 啥子 (Sichuan "what") is no 痧子.
          + "|啥子|巴适"
          // Fingers and toes: 小指 is no 小痣.
          + "|小指|食指|中指|无名指|拇指|手指|脚趾|小趾");

  /** Shortest one-edit match allowed to replace the exact matches inside it. */
  private static final int DOMINATING_FUZZY_LENGTH = 6;

  private static double typoConfidence(TermIndex.Hit<?> h) {
    return switch (h.edit()) {
      case TRANSPOSITION, CONFUSION, HOMOPHONE -> h.term().length() == 2 ? CONFIDENCE_TWO_CHAR_HOMOPHONE
          : CONFIDENCE_LIKELY_TYPO;
      case SUBSTITUTION -> h.term().length() < TermIndex.MIN_SUBSTITUTION_LENGTH ? CONFIDENCE_SHORT_TYPO : CONFIDENCE_TYPO;
      default -> CONFIDENCE_TYPO;
    };
  }

  /** The clause with status phrases and harmless negation words blanked, for finding real denials. */
  private static String mask(String item) {
    if (!containsAny(item, NEGATION_CHARS)) {
      return item;
    }
    String masked = item;
    for (Map.Entry<Pattern, String> e : STATUS) {
      masked = e.getKey().matcher(masked).replaceAll(m -> "□".repeat(m.group().length()));
    }
    return NOT_A_DENIAL.matcher(masked).replaceAll(m -> "□".repeat(m.group().length()));
  }

  /** Every character a negation cue can start with or contain; clauses without one need no masking. */
  private static final String NEGATION_CHARS = "否没未从不并排无";

  private static boolean containsAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Facts stated in a clause: status, time, grade, TI-RADS/BI-RADS, size, blood pressure, severity.
   * Each pattern runs only when a character it needs is present: most clauses have no digits.
   */
  static Map<String, Object> attributes(String item, LocalDate ref) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    Matcher often = ATTACKS.matcher(item);
    if (often.find()) {
      // "一个月犯一两次": how often it comes back, not when it began.
      attrs.put(Facts.ATTACKS_PER_YEAR, attacksPerYear(often));
      item = item.substring(0, often.start()) + item.substring(often.end());
    }
    boolean digits = hasDigit(item);
    for (Map.Entry<Pattern, String> e : STATUS) {
      if (e.getKey().matcher(item).find()) {
        attrs.put(Facts.STATUS, e.getValue());
        break;
      }
    }
    time(item, ref).ifPresent(ym -> putSince(attrs, ym, ref));
    Matcher ongoing = ONGOING.matcher(item);
    if (ongoing.find()) {
      attrs.put(Facts.PENDING, "正在治疗：" + ongoing.group());
    }
    Matcher m = GRADE.matcher(item);
    if (item.indexOf('级') >= 0 && m.find()) {
      attrs.put(Facts.GRADE, grade(m.group(1)));
    }
    m = CIN_GRADE.matcher(item);
    if (item.contains("CIN") && m.find()) {
      attrs.put(Facts.GRADE, grade(m.group(1)));
    }
    boolean rads = item.contains("RADS");
    m = TIRADS.matcher(item);
    if (rads && m.find()) {
      attrs.put(Facts.TIRADS, Integer.parseInt(m.group(1)));
      if (m.group(2) != null) {
        attrs.put(Facts.RADS_CATEGORY, m.group(1) + m.group(2));
      }
    }
    m = BIRADS.matcher(item);
    if (rads && m.find()) {
      attrs.put(Facts.BIRADS, Integer.parseInt(m.group(1)));
      if (m.group(2) != null) {
        attrs.put(Facts.RADS_CATEGORY, m.group(1) + m.group(2));
      }
    }
    m = SIZE.matcher(item);
    if (digits && m.find()) {
      BigDecimal max = BigDecimal.ZERO;
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          max = max.max(new BigDecimal(m.group(g)));
        }
      }
      boolean mm = m.group(4).equals("MM") || m.group(4).equals("毫米");
      attrs.put(Facts.SIZE_MM, plain(mm ? max : max.multiply(BigDecimal.TEN)));
    }
    m = BLOOD_PRESSURE.matcher(item);
    if (digits && item.indexOf('/') >= 0 && m.find()) {
      int sys = Integer.parseInt(m.group(1));
      int dia = Integer.parseInt(m.group(2));
      if (sys >= 70 && sys <= 260 && dia >= 40 && dia <= 160 && sys > dia) {
        attrs.put(Facts.SYSTOLIC, sys);
        attrs.put(Facts.DIASTOLIC, dia);
      }
    }
    m = SEVERITY.matcher(item);
    if (item.indexOf('度') >= 0 && m.find()) {
      attrs.put(Facts.SEVERITY, "轻中重".indexOf(m.group(1)) + 1);
    }
    return attrs;
  }

  /** Cervical intraepithelial neoplasia by its grade: CIN2, CIN Ⅲ, CIN-1. */
  private static final Pattern CIN_GRADE = Pattern.compile("CIN[\\s-]*(III|II|I|[1-3])(?![\\dI])");
  private static final String PERIOD = "(一|每|1)?(年|个?月|周|个?星期|个?礼拜|天)";
  /** How often attacks come: "一个月犯一两次", "每年发作2-3次", "一周抽三四次". */
  private static final Pattern ATTACKS = Pattern.compile(PERIOD + "(?:大概|大约|约|会)?(?:发作|犯病?|抽搐?|发病|发)(?:了)?"
      + "(\\d{1,3}|[一两二三四五六七八九十几]{1,3})(?:[到至~\\-]?(\\d{1,3}|[一两二三四五六七八九十几]))?多?次");

  private static int attacksPerYear(Matcher m) {
    int per = switch (m.group(2).replace("个", "")) {
      case "年" -> 1;
      case "月" -> 12;
      case "周", "星期", "礼拜" -> 52;
      default -> 365;
    };
    String most = m.group(4) != null ? m.group(4) : m.group(3);
    int count;
    if (most.matches("\\d+")) {
      count = Integer.parseInt(most);
    } else if (most.length() == 2 && "一两二三四五六七八九".indexOf(most.charAt(0)) >= 0
        && "两二三四五六七八九".indexOf(most.charAt(1)) >= 0) {
      // 一两次, 两三次: the larger of the two.
      count = TextForms.number(most.substring(1)).intValue();
    } else {
      count = most.contains("几") ? 3 : TextForms.number(most).intValue();
    }
    return per * Math.max(1, count);
  }

  private static int grade(String s) {
    return switch (s) {
      case "I" -> 1;
      case "II" -> 2;
      case "III" -> 3;
      case "IV" -> 4;
      default -> TextForms.number(s).intValue();
    };
  }

  private static Optional<YearMonth> time(String item, LocalDate ref) {
    if (item.indexOf('年') < 0 && item.indexOf('月') < 0 && item.indexOf('近') < 0 && !hasDigit(item)) {
      return Optional.empty();
    }
    YearMonth now = YearMonth.from(ref);
    Matcher m = YEAR_MONTH.matcher(item);
    if (m.find()) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
      }
    }
    m = YEAR.matcher(item);
    if (m.find()) {
      return Optional.of(latestMonthOf(Integer.parseInt(m.group(1)), now));
    }
    if (item.contains("上个月") || item.contains("上月")) {
      return Optional.of(now.minusMonths(1));
    }
    if (item.contains("前年")) {
      return Optional.of(latestMonthOf(now.getYear() - 2, now));
    }
    if (item.contains("去年")) {
      return Optional.of(latestMonthOf(now.getYear() - 1, now));
    }
    if (item.contains("今年") || item.contains("本月") || item.contains("最近")) {
      return Optional.of(now);
    }
    m = AGO.matcher(item);
    if (!m.find()) {
      m = DURATION.matcher(item);
      if (!m.find()) {
        return Optional.empty();
      }
    }
    Double n = TextForms.number(m.group(1));
    if (n == null) {
      return Optional.empty();
    }
    long months = Math.round(m.group(2).equals("年") ? n * 12 : n);
    return Optional.of(now.minusMonths(months));
  }

  /**
   * A bare year ("2019年") is taken as its latest month not after the reference: it gives the fewest
   * months since, so a "at least N months ago" rule is never met by a guess.
   */
  private static YearMonth latestMonthOf(int year, YearMonth now) {
    YearMonth december = YearMonth.of(year, 12);
    return december.isAfter(now) ? now : december;
  }

  private static Optional<YearMonth> parseDate(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    Matcher m = Pattern.compile("((?:19|20)\\d{2})(?:-(\\d{1,2}))?(?:-\\d{1,2})?").matcher(s.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = m.group(2) == null ? 12 : Integer.parseInt(m.group(2));
    return month < 1 || month > 12 ? Optional.empty() : Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
  }

  private static void putSince(Map<String, Object> attrs, YearMonth since, LocalDate ref) {
    attrs.put(Facts.SINCE, since.toString());
    attrs.put(Facts.MONTHS_SINCE, (int) Math.max(0, ChronoUnit.MONTHS.between(since, YearMonth.from(ref))));
  }

  private static Object plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() <= 0 ? (Object) v.intValueExact() : v;
  }

  private final class Builder {
    final String conceptId;
    final String evidence;
    final boolean family;
    final String basis;
    final String term;
    /** The operation this finding was read from, when it was named by an operation's own term. */
    String surgeryId;
    boolean negated;
    /** Whether a cue in the clause itself decided the polarity (rather than the list's scope). */
    boolean explicit;
    double confidence;
    final Map<String, Object> attributes = new LinkedHashMap<>();

    Builder(Match m, String evidence, boolean negated, boolean family) {
      this(m.conceptId(), evidence, negated, family, m.confidence(), m.basis(), m.term());
    }

    Builder(String conceptId, String evidence, boolean negated, boolean family, double confidence, String basis,
        String term) {
      this.conceptId = conceptId;
      this.evidence = evidence;
      this.negated = negated;
      this.family = family;
      this.confidence = confidence;
      this.basis = basis;
      this.term = term;
    }

    ClinicalFinding build() {
      ClinicalFinding.Subject subject = family ? ClinicalFinding.Subject.FAMILY : ClinicalFinding.Subject.APPLICANT;
      if (conceptId == null) {
        return new ClinicalFinding(null, null, null, evidence, Map.copyOf(attributes), negated, confidence, basis,
            subject, null);
      }
      Disease d = kb.disease(conceptId).orElseThrow();
      return new ClinicalFinding(d.id(), d.name(), d.primaryIcd10(), evidence, Map.copyOf(attributes), negated,
          confidence, basis, subject, term);
    }
  }
}
