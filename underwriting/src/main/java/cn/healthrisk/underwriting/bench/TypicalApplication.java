package cn.healthrisk.underwriting.bench;

import cn.healthrisk.kb.checkup.CheckupItem;
import cn.healthrisk.underwriting.decision.Application;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The application the benchmarks decide: three free-text disclosures and a twenty-item checkup report
 * with one imaging description, as an agent's app typically sends them.
 */
public final class TypicalApplication {
  private TypicalApplication() {}

  public static Application create(String applicationId) {
    return new Application(applicationId, LocalDate.of(2026, 11, 20),
        new Application.Applicant(38, "F", new BigDecimal("162"), new BigDecimal("61"), false),
        List.of("CRITICAL_ILLNESS", "MILLION_MEDICAL", "TERM_LIFE"),
        List.of(new Application.Disclosure("2019年做过腹腔镜阑尾切除，已痊愈", null, null, null),
            new Application.Disclosure("高血压两年，吃药控制在130/85左右", null, null, null),
            new Application.Disclosure("甲状腺结节", "E04.101", "2025-06", "ONGOING")),
        new Application.Checkup(LocalDate.of(2026, 9, 30), List.of(
            new CheckupItem("空腹血糖", "6.8", "mmol/L"),
            new CheckupItem("ALT", "85", "U/L"),
            new CheckupItem("AST", "30", "U/L"),
            new CheckupItem("总胆固醇", "5.1", "mmol/L"),
            new CheckupItem("甘油三酯", "1.6", "mmol/L"),
            new CheckupItem("尿酸", "380", "μmol/L"),
            new CheckupItem("肌酐", "70", "μmol/L"),
            new CheckupItem("HbA1c", "5.6", "%"),
            new CheckupItem("HBsAg", "阴性", null),
            new CheckupItem("AFP", "3.2", "ng/mL"),
            new CheckupItem("CEA", "1.8", "ng/mL"),
            new CheckupItem("血红蛋白", "128", "g/L"),
            new CheckupItem("白细胞", "6.1", "10^9/L"),
            new CheckupItem("血小板", "210", "10^9/L"),
            new CheckupItem("收缩压", "128", "mmHg"),
            new CheckupItem("舒张压", "82", "mmHg"),
            new CheckupItem("GGT", "35", "U/L"),
            new CheckupItem("低密度脂蛋白", "3.0", "mmol/L"),
            new CheckupItem("高密度脂蛋白", "1.3", "mmol/L"),
            new CheckupItem("甲状腺彩超", "甲状腺右叶低回声结节 6x4mm TI-RADS 3类", null))),
        List.of());
  }
}
