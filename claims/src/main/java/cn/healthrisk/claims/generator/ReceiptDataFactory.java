package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.extraction.ReceiptItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Makes realistic, internally consistent receipt contents from a seeded {@link Random}. */
public final class ReceiptDataFactory {

  private record Hospital(String name, String type, boolean inpatient) {}

  private record Province(
      String name, String code, boolean halfDays, List<String> districts, List<Hospital> hospitals) {}

  private record Category(String name, int minCents, int maxCents, double chance, boolean perDay) {}

  private static final List<Province> PROVINCES = List.of(
      new Province("浙江", "33", false, List.of("330102", "330106", "330203", "330302"), List.of(
          new Hospital("浙江大学医学院附属第一医院", "综合医院", true),
          new Hospital("浙江大学医学院附属邵逸夫医院", "综合医院", true),
          new Hospital("杭州市第一人民医院", "综合医院", true),
          new Hospital("浙江省中医院", "中医医院", true),
          new Hospital("宁波市第二医院", "综合医院", true),
          new Hospital("浙江省肿瘤医院", "专科医院", true),
          new Hospital("杭州市上城区湖滨街道社区卫生服务中心", "社区卫生服务中心", false))),
      new Province("江苏", "32", false, List.of("320102", "320106", "320505", "320282"), List.of(
          new Hospital("江苏省人民医院", "综合医院", true),
          new Hospital("南京鼓楼医院", "综合医院", true),
          new Hospital("苏州大学附属第一医院", "综合医院", true),
          new Hospital("江苏省中医院", "中医医院", true),
          new Hospital("南京市妇幼保健院", "妇幼保健院", true),
          new Hospital("南京市玄武区梅园新村街道社区卫生服务中心", "社区卫生服务中心", false))),
      new Province("广东", "44", true, List.of("440104", "440106", "440304", "440605"), List.of(
          new Hospital("中山大学附属第一医院", "综合医院", true),
          new Hospital("广东省人民医院", "综合医院", true),
          new Hospital("广州医科大学附属第一医院", "综合医院", true),
          new Hospital("深圳市人民医院", "综合医院", true),
          new Hospital("广东省中医院", "中医医院", true),
          new Hospital("广东省妇幼保健院", "妇幼保健院", true),
          new Hospital("深圳市福田区华富街道社区健康服务中心", "社区卫生服务中心", false))),
      new Province("四川", "51", true, List.of("510104", "510107", "510108", "510703"), List.of(
          new Hospital("四川大学华西医院", "综合医院", true),
          new Hospital("四川省人民医院", "综合医院", true),
          new Hospital("成都市第三人民医院", "综合医院", true),
          new Hospital("成都中医药大学附属医院", "中医医院", true),
          new Hospital("四川省肿瘤医院", "专科医院", true),
          new Hospital("成都市锦江区书院街社区卫生服务中心", "社区卫生服务中心", false))),
      new Province("北京", "11", false, List.of("110101", "110105", "110108", "110106"), List.of(
          new Hospital("北京协和医院", "综合医院", true),
          new Hospital("北京大学人民医院", "综合医院", true),
          new Hospital("首都医科大学附属北京天坛医院", "综合医院", true),
          new Hospital("中国中医科学院广安门医院", "中医医院", true),
          new Hospital("北京积水潭医院", "综合医院", true),
          new Hospital("北京市朝阳区潘家园社区卫生服务中心", "社区卫生服务中心", false))),
      new Province("上海", "31", false, List.of("310101", "310104", "310110", "310115"), List.of(
          new Hospital("复旦大学附属华山医院", "综合医院", true),
          new Hospital("上海交通大学医学院附属瑞金医院", "综合医院", true),
          new Hospital("上海市第一人民医院", "综合医院", true),
          new Hospital("上海中医药大学附属曙光医院", "中医医院", true),
          new Hospital("复旦大学附属妇产科医院", "专科医院", true),
          new Hospital("上海市静安区江宁路街道社区卫生服务中心", "社区卫生服务中心", false))),
      new Province("湖北", "42", true, List.of("420102", "420106", "420111"), List.of(
          new Hospital("华中科技大学同济医学院附属同济医院", "综合医院", true),
          new Hospital("武汉大学人民医院", "综合医院", true),
          new Hospital("湖北省中医院", "中医医院", true),
          new Hospital("湖北省妇幼保健院", "妇幼保健院", true))),
      new Province("山东", "37", false, List.of("370102", "370103", "370202", "370602"), List.of(
          new Hospital("山东大学齐鲁医院", "综合医院", true),
          new Hospital("山东省立医院", "综合医院", true),
          new Hospital("青岛大学附属医院", "综合医院", true),
          new Hospital("山东中医药大学附属医院", "中医医院", true))),
      new Province("河南", "41", false, List.of("410102", "410105", "410302"), List.of(
          new Hospital("郑州大学第一附属医院", "综合医院", true),
          new Hospital("河南省人民医院", "综合医院", true),
          new Hospital("河南省中医院", "中医医院", true))),
      new Province("湖南", "43", false, List.of("430102", "430104", "430211"), List.of(
          new Hospital("中南大学湘雅医院", "综合医院", true),
          new Hospital("湖南省人民医院", "综合医院", true),
          new Hospital("湖南中医药大学第一附属医院", "中医医院", true))),
      new Province("陕西", "61", false, List.of("610102", "610113", "610302"), List.of(
          new Hospital("西安交通大学第一附属医院", "综合医院", true),
          new Hospital("陕西省人民医院", "综合医院", true),
          new Hospital("陕西省中医医院", "中医医院", true))));

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
          + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final List<String> DOUBLE_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "慕容");
  private static final String GIVEN =
      "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉鹏宇浩然子涵欣怡雨轩思远晨曦佳琪"
          + "俊杰志强海燕丹婷雪梅国庆晓东春生秋菊振华建国淑珍凤英德明嘉豪梓萱一诺若曦";

  private static final List<Category> OUTPATIENT = List.of(
      new Category("挂号费", 100, 500, 0.12, false),
      new Category("诊察费", 1000, 10000, 0.55, false),
      new Category("一般诊疗费", 1000, 1000, 0.2, false),
      new Category("检查费", 3000, 80000, 0.45, false),
      new Category("化验费", 2000, 60000, 0.45, false),
      new Category("治疗费", 1000, 50000, 0.3, false),
      new Category("西药费", 500, 80000, 0.6, false),
      new Category("中成药费", 1000, 40000, 0.3, false),
      new Category("中药饮片", 3000, 60000, 0.2, false),
      new Category("卫生材料费", 200, 20000, 0.2, false),
      new Category("其他门急诊收费", 500, 5000, 0.05, false));

  private static final List<Category> INPATIENT = List.of(
      new Category("床位费", 4000, 12000, 0.95, true),
      new Category("诊察费", 1000, 2500, 0.8, true),
      new Category("检查费", 20000, 500000, 0.9, false),
      new Category("化验费", 20000, 300000, 0.9, false),
      new Category("治疗费", 10000, 500000, 0.8, false),
      new Category("手术费", 80000, 1500000, 0.4, false),
      new Category("麻醉费", 30000, 300000, 0.35, false),
      new Category("护理费", 1500, 6000, 0.9, true),
      new Category("西药费", 30000, 2000000, 0.95, false),
      new Category("中成药费", 5000, 300000, 0.4, false),
      new Category("中药饮片", 5000, 200000, 0.15, false),
      new Category("卫生材料费", 10000, 2000000, 0.6, false),
      new Category("输氧费", 2000, 30000, 0.15, true),
      new Category("输血费", 30000, 300000, 0.05, false),
      new Category("其他住院费用", 1000, 20000, 0.2, false));

  private static final String CHECK_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String CHECK_CHARS_HEX = "0123456789abcdef";
  private static final List<String> DEPARTMENTS_OUT =
      List.of("内科", "外科", "儿科", "皮肤科", "耳鼻喉科", "消化内科", "呼吸内科", "中医科", "眼科", "急诊科");
  private static final List<String> DEPARTMENTS_IN =
      List.of("普外科", "骨科", "心血管内科", "呼吸内科", "神经内科", "妇产科", "泌尿外科", "肿瘤科", "消化内科");
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  private static final int DAY_RANGE = 660;

  /** Same as {@link #create(Random, DocumentType, Inconsistency)} with a fresh Random(seed). */
  public ReceiptData create(long seed, DocumentType type, Inconsistency inconsistency) {
    return create(new Random(seed), type, inconsistency);
  }

  /**
   * A receipt of the given kind; every draw comes from {@code random}, so the same sequence gives
   * the same receipt.
   */
  public ReceiptData create(Random random, DocumentType type, Inconsistency inconsistency) {
    return create(random, type, inconsistency, Set.of());
  }

  /**
   * A receipt of the given kind from one of {@code provinces} (names such as 北京, 上海; empty for any), for
   * layouts only issued there.
   *
   * @throws IllegalArgumentException for a province this factory does not know
   */
  public ReceiptData create(Random random, DocumentType type, Inconsistency inconsistency,
      Set<String> provinces) {
    List<Province> from = PROVINCES;
    if (!provinces.isEmpty()) {
      from = PROVINCES.stream().filter(p -> provinces.contains(p.name())).toList();
      if (from.size() != provinces.size()) {
        throw new IllegalArgumentException("unknown province in " + provinces + "; known: "
            + PROVINCES.stream().map(Province::name).toList());
      }
    }
    if (type != DocumentType.OUTPATIENT_RECEIPT && type != DocumentType.INPATIENT_RECEIPT) {
      throw new IllegalArgumentException("only outpatient and inpatient receipts: " + type);
    }
    boolean inpatient = type == DocumentType.INPATIENT_RECEIPT;
    Province province = pick(random, from);
    List<Hospital> hospitals = province.hospitals().stream()
        .filter(h -> !inpatient || h.inpatient()).toList();
    Hospital hospital = pick(random, hospitals);

    LocalDate start = FIRST_DAY.plusDays(random.nextInt(DAY_RANGE));
    LocalDate visit = null;
    LocalDate admission = null;
    LocalDate discharge = null;
    BigDecimal hospitalDays = null;
    LocalDate issue;
    int nights = 0;
    if (inpatient) {
      nights = nights(random);
      admission = start;
      discharge = start.plusDays(nights);
      // Some regions count the admission and discharge days as halves, printing e.g. 22.5.
      boolean half = province.halfDays() && random.nextDouble() < 0.5;
      hospitalDays = half ? BigDecimal.valueOf(nights).add(new BigDecimal("0.5"))
          : BigDecimal.valueOf(nights);
      issue = discharge.plusDays(random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(5));
    } else {
      visit = start;
      issue = visit.plusDays(random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(3));
    }

    List<ReceiptItem> items = items(random, inpatient ? INPATIENT : OUTPATIENT, Math.max(1, nights));
    BigDecimal itemsSum = items.stream().map(ReceiptItem::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);

    String insurance = insuranceType(random);
    BigDecimal total = itemsSum;
    BigDecimal wordsAmount = itemsSum;
    switch (inconsistency) {
      case WRONG_TOTAL -> {
        total = itemsSum.add(delta(random, itemsSum));
        wordsAmount = total;
      }
      case WRONG_WORDS -> wordsAmount = itemsSum.add(delta(random, itemsSum));
      case WRONG_SPLIT, NONE -> { }
    }
    // Payments split the printed total, so each injected error breaks one check only.
    Split split = split(random, total, insurance, inpatient);
    // Based on the fund amount so a wrong split never prints a negative 统筹.
    BigDecimal fund = inconsistency == Inconsistency.WRONG_SPLIT
        ? split.fund().add(delta(random, split.fund())) : split.fund();

    String payerName = name(random);
    String district = pick(random, province.districts());
    String idTail = String.format("%03d", random.nextInt(1000))
        + (random.nextInt(11) == 10 ? "X" : String.valueOf(random.nextInt(10)));
    String kindCode = inpatient ? "02" : "01";
    String invoiceCode = province.code() + (random.nextBoolean() ? "06" : "60") + kindCode
        + String.format("%02d", issue.getYear() % 100);
    String invoiceNumber = String.format("00%08d", random.nextInt(100_000_000));
    String checkCode = checkCode(random);

    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("性别", random.nextBoolean() ? "男" : "女");
    extra.put("科室", pick(random, inpatient ? DEPARTMENTS_IN : DEPARTMENTS_OUT));
    extra.put(inpatient ? "住院号" : "门诊号", String.format("%s%06d",
        inpatient ? "ZY" : "MZ", random.nextInt(1_000_000)));
    extra.put("业务流水号", issue.toString().replace("-", "").substring(2)
        + String.format("%07d", random.nextInt(10_000_000)));
    extra.put("收款人", name(random));
    extra.put("复核人", name(random));
    extra.put("开票时间", String.format("%02d:%02d:%02d",
        8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)));

    ReceiptFields fields = new ReceiptFields(invoiceCode, invoiceNumber, checkCode, payerName,
        district + "********" + idTail, issue, hospital.name(), hospital.type(), insurance, visit,
        admission, discharge, hospitalDays, items, total, ChineseWords.amount(wordsAmount), fund,
        split.other(), split.account(), split.cash(), split.selfPay(), split.selfExpense(), extra);
    // 北京 and 上海 are municipalities: 北京市医疗..., not 北京省.
    String fullName = province.name() + (province.code().equals("11") || province.code().equals("31")
        ? "市" : "省");
    return new ReceiptData(type, fields, fullName, province.halfDays(), inconsistency);
  }

  /** The amounts of 统筹/其他/个人账户/个人现金 and 自付/自费, each scale 2. */
  private record Split(BigDecimal fund, BigDecimal other, BigDecimal account, BigDecimal cash,
      BigDecimal selfPay, BigDecimal selfExpense) {}

  private static Split split(Random random, BigDecimal total, String insurance, boolean inpatient) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    if (insurance.equals("自费")) {
      return new Split(zero, zero, zero, total, zero, total);
    }
    BigDecimal selfExpense = random.nextDouble() < 0.5 ? zero
        : fraction(total, 0.01 + random.nextDouble() * 0.14);
    BigDecimal eligible = total.subtract(selfExpense);
    double fundRatio;
    if (inpatient) {
      fundRatio = 0.55 + random.nextDouble() * 0.3;
    } else {
      // Outpatient visits under the annual deductible get nothing from the fund.
      fundRatio = random.nextDouble() < 0.4 ? 0 : 0.5 + random.nextDouble() * 0.2;
    }
    BigDecimal fund = fraction(eligible, fundRatio);
    // 其他支付 (大病保险, 医疗救助) appears on inpatient receipts only.
    BigDecimal other = inpatient && random.nextDouble() < 0.25
        ? fraction(eligible.subtract(fund), 0.1 + random.nextDouble() * 0.4) : zero;
    BigDecimal personal = total.subtract(fund).subtract(other);
    // 城乡居民 have no personal account.
    BigDecimal account = insurance.startsWith("职工") && random.nextDouble() < 0.5
        ? (random.nextBoolean() ? personal : fraction(personal, random.nextDouble())) : zero;
    BigDecimal cash = personal.subtract(account);
    return new Split(fund, other, account, cash, personal.subtract(selfExpense), selfExpense);
  }

  private static BigDecimal fraction(BigDecimal amount, double ratio) {
    return amount.multiply(BigDecimal.valueOf(ratio)).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal delta(Random random, BigDecimal base) {
    BigDecimal d = random.nextBoolean()
        ? BigDecimal.valueOf(1 + random.nextInt(9)).multiply(BigDecimal.TEN)
        : BigDecimal.valueOf(1 + random.nextInt(99), 2);
    // Subtract only when the result stays positive.
    return random.nextBoolean() && base.compareTo(d.add(BigDecimal.ONE)) > 0
        ? d.negate().setScale(2) : d.setScale(2);
  }

  private static int nights(Random random) {
    double u = random.nextDouble();
    if (u < 0.6) {
      return 2 + random.nextInt(8);
    }
    return u < 0.9 ? 10 + random.nextInt(11) : 21 + random.nextInt(25);
  }

  private static List<ReceiptItem> items(Random random, List<Category> categories, int days) {
    List<ReceiptItem> items = new ArrayList<>();
    for (Category c : categories) {
      if (random.nextDouble() >= c.chance()) {
        continue;
      }
      long cents = c.minCents() + (long) (random.nextDouble() * (c.maxCents() - c.minCents()));
      if (c.perDay()) {
        // Daily charges are a whole daily rate times the days stayed.
        cents = (cents / 100) * 100L * days;
      } else if (c.name().equals("诊察费") || c.name().equals("挂号费")) {
        cents = (cents / 500) * 500L;
      }
      items.add(new ReceiptItem(c.name(), BigDecimal.valueOf(Math.max(cents, 100), 2)));
    }
    if (items.isEmpty()) {
      Category c = categories.get(categories.size() > 7 ? 8 : 6);
      items.add(new ReceiptItem(c.name(), BigDecimal.valueOf(c.minCents() + random.nextInt(5000), 2)));
    }
    return items;
  }

  private static String insuranceType(Random random) {
    double u = random.nextDouble();
    if (u < 0.5) {
      return "职工基本医疗保险";
    }
    return u < 0.85 ? "城乡居民基本医疗保险" : "自费";
  }

  private static String name(Random random) {
    String surname = random.nextDouble() < 0.03 ? pick(random, DOUBLE_SURNAMES)
        : String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
    StringBuilder sb = new StringBuilder(surname);
    int given = random.nextDouble() < 0.35 ? 1 : 2;
    for (int i = 0; i < given; i++) {
      sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
    }
    return sb.toString();
  }

  private static String checkCode(Random random) {
    String alphabet = random.nextDouble() < 0.3 ? CHECK_CHARS_HEX : CHECK_CHARS;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
