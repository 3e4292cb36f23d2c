"""Group 3: the policy (OUTSIDE_POLICY_PERIOD, WAITING_PERIOD, EXCLUDED_CONDITION, INELIGIBLE_HOSPITAL).
Expected flags are written by hand on every claim."""
from lib import Scenario, Person as P, policy, out, inp

OUT, WAIT, EXCL, INEL = 'OUTSIDE_POLICY_PERIOD', 'WAITING_PERIOD', 'EXCLUDED_CONDITION', 'INELIGIBLE_HOSPITAL'
PAY = 'PAYER_MISMATCH'
SURG = ['床位费', '护理费', '检查费', '化验费', '手术费', '麻醉费', '西药费', '卫生材料费']
THYROID = ('甲状腺结节（非毒性甲状腺肿）及甲状腺恶性肿瘤引起的医疗费用不予赔付', ['E04', 'C73'])


def build():
    # ---------------------------------------------------------------- policy period
    s = Scenario('outside-expiry-boundary',
                 '两位被保险人的门诊医疗险都在 2026-10-31 到期（含当日）。易建国 11-01 就诊 → OUTSIDE_POLICY_PERIOD；邱丽 10-31 到期当日就诊 → '
                 '无标记。',
                 'Both policies expire on 2026-10-31, a day that is still covered: a visit on 11-01 is '
                 'OUTSIDE_POLICY_PERIOD, a visit on 10-31 is clean.')
    a = P('易建国', '430104', '1979-06-14', 'M')
    b = P('邱丽', '430104', '1986-02-18', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2025-11-01', exp='2026-10-31'))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL', eff='2025-11-01', exp='2026-10-31'))
    s.claim('2026-11-03 10:10', pa, 'OUTPATIENT', '急性支气管炎', 'J20.9',
            [out('中南大学湘雅医院', '2026-11-01', '245.00', a)], [OUT])
    s.claim('2026-11-03 10:35', pb, 'OUTPATIENT', '急性支气管炎', 'J20.9',
            [out('中南大学湘雅二医院', '2026-10-31', '262.40', b)], [])

    s = Scenario('outside-effective-boundary-no-waiting',
                 '两张保单 11-01 生效、无等待期（续保）。车晓鹏 10-30 就诊（生效前）→ OUTSIDE_POLICY_PERIOD；尚琳 11-01 生效当日就诊 → 无标记。',
                 'Policies effective 11-01 with no waiting period: a visit on 10-30 is before cover '
                 '(OUTSIDE_POLICY_PERIOD); a visit on the effective date itself is clean.')
    a = P('车晓鹏', '310115', '1991-09-25', 'M')
    b = P('尚琳', '310106', '1994-04-04', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-11-01', exp='2027-10-31', wait=0))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL', eff='2026-11-01', exp='2027-10-31', wait=0))
    s.claim('2026-11-04 12:00', pa, 'OUTPATIENT', '急性胃肠炎', 'K52.9',
            [out('复旦大学附属华山医院', '2026-10-30', '318.00', a)], [OUT])
    s.claim('2026-11-04 12:20', pb, 'OUTPATIENT', '急性胃肠炎', 'K52.9',
            [out('上海市第六人民医院', '2026-11-01', '296.50', b)], [])

    s = Scenario('outside-admitted-before-effective',
                 '房志刚保单 10-15 生效、无等待期；10-12 入院、10-19 出院。住院的治疗日期取入院日期，在生效前 → OUTSIDE_POLICY_PERIOD。',
                 'Cover starts 10-15 (no waiting period); the stay began 10-12. The treatment date of a stay is its '
                 'admission date: OUTSIDE_POLICY_PERIOD.')
    a = P('房志刚', '370102', '1977-11-30', 'M')
    pa = s.pol(policy(a, eff='2026-10-15', exp='2027-10-14', wait=0))
    s.claim('2026-11-05 09:15', pa, 'INPATIENT', '急性心肌梗死', 'I21.9',
            [inp('山东省立医院', '2026-10-12', '2026-10-19', '46380.00', a)], [OUT])

    s = Scenario('outside-near-miss-admitted-on-expiry-day',
                 '邹海保单 2026-10-31 到期；10-31 入院、11-06 出院。治疗日期取入院日期（到期当日，仍在保险期间）→ 无标记。',
                 'Admitted on the expiry date and discharged after it: the treatment date (admission) is inside the '
                 'period: clean.')
    a = P('邹海', '420106', '1969-08-02', 'M')
    pa = s.pol(policy(a, eff='2025-11-01', exp='2026-10-31'))
    s.claim('2026-11-08 15:30', pa, 'INPATIENT', '肺部感染', 'J18.9',
            [inp('华中科技大学同济医学院附属同济医院', '2026-10-31', '2026-11-06', '13240.00', a)], [])

    s = Scenario('outside-injury-before-effective',
                 '宁波保单 11-01 生效、等待期 30 天；10-29 胫骨骨折入院（意外伤害，不适用等待期）。治疗在生效前 → OUTSIDE_POLICY_PERIOD，'
                 '不判 WAITING_PERIOD。',
                 'A fracture admitted on 10-29 under a policy effective 11-01: OUTSIDE_POLICY_PERIOD (an injury, so no '
                 'reading gives WAITING_PERIOD).')
    a = P('宁波', '330203', '1990-12-20', 'M')
    pa = s.pol(policy(a, eff='2026-11-01', exp='2027-10-31', wait=30))
    s.claim('2026-11-06 18:45', pa, 'INPATIENT', '胫骨干骨折', 'S82.2',
            [inp('浙江大学医学院附属第二医院', '2026-10-29', '2026-11-04', '38760.00', a, item_names=SURG)], [OUT])

    s = Scenario('outside-near-miss-late-submission',
                 '詹秀兰保单 2026-09-30 到期，她 09-25 就诊，11-05 才提交理赔。治疗日期在保险期间内，提交晚不影响 → 无标记。',
                 'Treated on 09-25 under a policy that expired 09-30, submitted on 11-05: the treatment date is inside '
                 'the period: clean.')
    a = P('詹秀兰', '350203', '1963-07-19', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL', eff='2025-10-01', exp='2026-09-30'))
    s.claim('2026-11-05 10:50', pa, 'OUTPATIENT', '骨质疏松', 'M81.9',
            [out('厦门大学附属第一医院', '2026-09-25', '487.20', a)], [])

    s = Scenario('outside-and-excluded',
                 '蓝天保单 2026-10-31 到期并除外甲状腺结节及甲状腺癌（E04、C73）；11-04 因甲状腺结节（E04.101）就诊 → OUTSIDE_POLICY_PERIOD + '
                 'EXCLUDED_CONDITION。',
                 'A thyroid-nodule visit after expiry under a policy that excludes thyroid disease: '
                 'OUTSIDE_POLICY_PERIOD and EXCLUDED_CONDITION.')
    a = P('蓝天', '440106', '1988-10-05', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', eff='2025-11-01', exp='2026-10-31', req='ANY', exclusions=[THYROID]))
    s.claim('2026-11-07 11:25', pa, 'OUTPATIENT', '甲状腺结节', 'E04.101',
            [out('中山大学附属第一医院', '2026-11-04', '680.00', a)], [OUT, EXCL])

    s = Scenario('outside-inpatient-after-expiry',
                 '卢志明保单 2026-09-30 到期；10-03 入院 → OUTSIDE_POLICY_PERIOD。',
                 'Admitted three days after expiry: OUTSIDE_POLICY_PERIOD.')
    a = P('卢志明', '500103', '1972-02-26', 'M')
    pa = s.pol(policy(a, eff='2025-10-01', exp='2026-09-30'))
    s.claim('2026-11-08 09:35', pa, 'INPATIENT', '急性胆囊炎', 'K81.0',
            [inp('重庆医科大学附属第一医院', '2026-10-03', '2026-10-10', '15230.00', a)], [OUT])

    s = Scenario('outside-second-receipt-after-expiry',
                 '庞佳两张门诊票据：10-29 在保险期间内，11-02 在 10-31 到期之后 → OUTSIDE_POLICY_PERIOD（每张票据都检查）。',
                 'Two receipts, the second dated after expiry: OUTSIDE_POLICY_PERIOD (every receipt is checked).')
    a = P('庞佳', '110108', '1995-05-09', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2025-11-01', exp='2026-10-31'))
    s.claim('2026-11-09 19:10', pa, 'OUTPATIENT', '慢性胃炎', 'K29.5',
            [out('北京大学第一医院', '2026-10-29', '212.80', a), out('北京大学第一医院', '2026-11-02', '186.00', a)], [OUT])

    s = Scenario('outside-and-private-hospital',
                 '贺秋保单 2026-10-31 到期且要求二级及以上公立医院；11-05 在私立上海和睦家医院就诊 → OUTSIDE_POLICY_PERIOD + '
                 'INELIGIBLE_HOSPITAL。',
                 'A visit after expiry at a private hospital under PUBLIC_GRADE2_PLUS: OUTSIDE_POLICY_PERIOD and '
                 'INELIGIBLE_HOSPITAL.')
    a = P('贺秋', '310104', '1983-08-15', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2025-11-01', exp='2026-10-31'))
    s.claim('2026-11-10 14:00', pa, 'OUTPATIENT', '急性鼻窦炎', 'J01.9',
            [out('上海和睦家医院', '2026-11-05', '2860.00', a, insurance='自费')], [OUT, INEL])

    s = Scenario('outside-accident-day-after-expiry',
                 '韦小军意外险 2026-11-14 到期（无等待期）；11-15 手部切割伤就诊 → OUTSIDE_POLICY_PERIOD。',
                 'An accident policy that expired 11-14; the injury was treated on 11-15: OUTSIDE_POLICY_PERIOD.')
    a = P('韦小军', '530102', '1996-03-31', 'M')
    pa = s.pol(policy(a, 'ACCIDENT', eff='2025-11-15', exp='2026-11-14', wait=0, req='ANY'))
    s.claim('2026-11-17 08:30', pa, 'OUTPATIENT', '手部切割伤', 'S61.9',
            [out('昆明医科大学第一附属医院', '2026-11-15', '438.00', a)], [OUT])

    # ---------------------------------------------------------------- waiting period
    s = Scenario('waiting-last-day-and-first-day-after',
                 '两张保单 10-01 生效、等待期 30 天（10-01 至 10-30）。欧阳娜 10-30 就诊（等待期最后一天）→ WAITING_PERIOD；戴晓雯 10-31 就诊 → '
                 '无标记。',
                 'Waiting period 10-01 to 10-30: a visit on 10-30 is inside (WAITING_PERIOD), a visit on 10-31 is clean.')
    a = P('欧阳娜', '440305', '1992-06-19', 'F')
    b = P('戴晓雯', '440305', '1993-01-28', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-10-01', exp='2027-09-30'))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL', eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-02 10:00', pa, 'OUTPATIENT', '急性咽炎', 'J02.9',
            [out('深圳市人民医院', '2026-10-30', '198.00', a)], [WAIT])
    s.claim('2026-11-02 10:30', pb, 'OUTPATIENT', '急性咽炎', 'J02.9',
            [out('深圳市人民医院', '2026-10-31', '205.60', b)], [])

    s = Scenario('waiting-inpatient-illness',
                 '孟凡保单 10-01 生效、等待期 30 天；10-15 因肺炎入院 → WAITING_PERIOD。',
                 'Admitted for pneumonia on day 15 of a 30-day waiting period: WAITING_PERIOD.')
    a = P('孟凡', '410105', '1984-09-13', 'M')
    pa = s.pol(policy(a, eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-03 16:20', pa, 'INPATIENT', '社区获得性肺炎', 'J18.9',
            [inp('郑州大学第一附属医院', '2026-10-15', '2026-10-22', '12670.00', a)], [WAIT])

    s = Scenario('waiting-near-miss-injury',
                 '柯强保单 10-01 生效、等待期 30 天；10-10 桡骨远端骨折就诊。等待期只针对疾病，意外伤害（S 章）不受限 → 无标记。',
                 'A wrist fracture on day 10 of the waiting period: the waiting period applies to illness only: clean.')
    a = P('柯强', '350203', '1987-07-07', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-04 09:50', pa, 'OUTPATIENT', '桡骨远端骨折', 'S52.5',
            [out('厦门大学附属第一医院', '2026-10-10', '1350.00', a)], [])

    s = Scenario('waiting-90-days-boundary',
                 '防癌医疗险 08-20 生效、等待期 90 天（至 11-17）。傅红 11-17 入院治疗 → WAITING_PERIOD；阎静 11-18 入院 → 无标记。',
                 'A 90-day waiting period from 08-20 ends on 11-17: admitted on 11-17 is WAITING_PERIOD, on 11-18 clean.')
    a = P('傅红', '330106', '1975-03-03', 'F')
    b = P('阎静', '330106', '1976-10-26', 'F')
    pa = s.pol(policy(a, 'CANCER_MEDICAL', eff='2026-08-20', exp='2027-08-19', wait=90))
    pb = s.pol(policy(b, 'CANCER_MEDICAL', eff='2026-08-20', exp='2027-08-19', wait=90))
    s.claim('2026-11-24 10:15', pa, 'INPATIENT', '乳腺恶性肿瘤', 'C50.9',
            [inp('浙江省肿瘤医院', '2026-11-17', '2026-11-21', '18630.00', a)], [WAIT])
    s.claim('2026-11-25 10:40', pb, 'INPATIENT', '乳腺恶性肿瘤', 'C50.9',
            [inp('浙江省肿瘤医院', '2026-11-18', '2026-11-22', '17920.00', b)], [])

    s = Scenario('waiting-60-days-senior',
                 '老年医疗险 09-15 生效、等待期 60 天（至 11-13）；叶秀珍 11-10 门诊 → WAITING_PERIOD。',
                 'A 60-day waiting period from 09-15 ends on 11-13; a visit on 11-10 is WAITING_PERIOD.')
    a = P('叶秀珍', '320102', '1952-12-05', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL', eff='2026-09-15', exp='2027-09-14', wait=60))
    s.claim('2026-11-12 09:30', pa, 'OUTPATIENT', '慢性心功能不全', 'I50.9',
            [out('江苏省人民医院', '2026-11-10', '562.30', a)], [WAIT])

    s = Scenario('waiting-and-private-maternity-hospital',
                 '佟晓丽保单 10-01 生效、等待期 30 天、要求二级及以上公立医院；10-20 在私立北京美中宜和妇儿医院就诊 → WAITING_PERIOD + '
                 'INELIGIBLE_HOSPITAL。',
                 'A visit during the waiting period at a private hospital: WAITING_PERIOD and INELIGIBLE_HOSPITAL.')
    a = P('佟晓丽', '110105', '1991-02-14', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-05 14:30', pa, 'OUTPATIENT', '盆腔炎', 'N73.9',
            [out('北京美中宜和妇儿医院', '2026-10-20', '1680.00', a, insurance='自费')], [WAIT, INEL])

    s = Scenario('waiting-and-excluded',
                 '喻斌保单 10-01 生效、等待期 30 天、除外腰椎间盘疾病（M51）；10-22 因腰椎间盘突出症入院 → WAITING_PERIOD + '
                 'EXCLUDED_CONDITION。',
                 'An excluded disc herniation admitted during the waiting period: WAITING_PERIOD and EXCLUDED_CONDITION.')
    a = P('喻斌', '510104', '1980-05-05', 'M')
    pa = s.pol(policy(a, eff='2026-10-01', exp='2027-09-30',
                      exclusions=[('腰椎间盘突出及其并发症引起的医疗费用不予赔付', ['M51'])]))
    s.claim('2026-11-06 10:05', pa, 'INPATIENT', '腰椎间盘突出症', 'M51.2',
            [inp('四川大学华西医院', '2026-10-22', '2026-10-30', '28460.00', a, item_names=SURG)], [WAIT, EXCL])

    s = Scenario('waiting-near-miss-renewal-zero-days',
                 '闫小东续保保单 11-01 生效、等待期 0 天；11-03 就诊 → 无标记。',
                 'A renewal with no waiting period; a visit two days after the effective date is clean.')
    a = P('闫小东', '610113', '1985-08-28', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-11-01', exp='2027-10-31', wait=0))
    s.claim('2026-11-07 17:40', pa, 'OUTPATIENT', '急性胃炎', 'K29.1',
            [out('西安交通大学第一附属医院', '2026-11-03', '236.00', a)], [])

    s = Scenario('waiting-then-after',
                 '黎志保单 10-01 生效、等待期 30 天。10-12 感冒就诊 → WAITING_PERIOD；11-02 再次就诊（等待期后）→ 无标记。',
                 'The same insured: a visit on 10-12 is inside the waiting period, a visit on 11-02 is clean.')
    a = P('黎志', '420102', '1990-10-10', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-03 20:10', pa, 'OUTPATIENT', '急性上呼吸道感染', 'J06.9',
            [out('武汉大学人民医院', '2026-10-12', '176.00', a)], [WAIT])
    s.claim('2026-11-08 20:30', pa, 'OUTPATIENT', '急性上呼吸道感染', 'J06.9',
            [out('武汉大学人民医院', '2026-11-02', '188.40', a)], [])

    s = Scenario('waiting-near-miss-sprain-text-only',
                 '池梅保单 10-01 生效、等待期 30 天；10-08 “左踝扭伤”就诊（只有诊断文字，无编码）。理赔员读作意外伤害，不适用等待期 → 无标记。',
                 'A sprained ankle on day 8, diagnosis given as text only; an adjuster reads it as an injury: clean.')
    a = P('池梅', '360102', '1998-06-26', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-09 12:15', pa, 'OUTPATIENT', '左踝扭伤', None,
            [out('南昌大学第一附属医院', '2026-10-08', '365.00', a)], [])

    s = Scenario('waiting-first-of-two-receipts',
                 '祁文两张门诊票据：10-28（等待期内）和 11-03（等待期后）→ WAITING_PERIOD（每张票据都检查）。',
                 'Two receipts, the first inside the waiting period: WAITING_PERIOD.')
    a = P('祁文', '130102', '1982-03-16', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-10 09:40', pa, 'OUTPATIENT', '慢性胃炎', 'K29.5',
            [out('河北医科大学第二医院', '2026-10-28', '312.00', a), out('河北医科大学第二医院', '2026-11-03', '158.60', a)],
            [WAIT])

    s = Scenario('waiting-admitted-inside-discharged-after',
                 '裴雪保单 10-01 生效、等待期 30 天；10-28 入院、11-06 出院。治疗日期取入院日期（等待期内）→ WAITING_PERIOD。',
                 'Admitted on 10-28 (inside the waiting period), discharged 11-06: WAITING_PERIOD (admission date).')
    a = P('裴雪', '210102', '1989-11-19', 'F')
    pa = s.pol(policy(a, eff='2026-10-01', exp='2027-09-30'))
    s.claim('2026-11-11 15:25', pa, 'INPATIENT', '急性肾盂肾炎', 'N10',
            [inp('中国医科大学附属第一医院', '2026-10-28', '2026-11-06', '11840.00', a)], [WAIT])

    # ---------------------------------------------------------------- exclusions
    s = Scenario('excluded-thyroid-nodule-then-hyperthyroidism',
                 '伍敏保单除外甲状腺结节及甲状腺癌（E04、C73）。11-09 甲状腺结节 E04.101 → EXCLUDED_CONDITION；11-12 甲亢 E05.0 不在前缀内 → 无标记。',
                 'Exclusion prefixes E04 and C73: a nodule coded E04.101 is excluded; Graves\' disease E05.0 is not '
                 'under those prefixes: clean.')
    a = P('伍敏', '330102', '1986-05-12', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY', exclusions=[THYROID]))
    s.claim('2026-11-09 10:45', pa, 'OUTPATIENT', '甲状腺结节', 'E04.101',
            [out('浙江大学医学院附属第一医院', '2026-11-05', '726.00', a)], [EXCL])
    s.claim('2026-11-12 10:20', pa, 'OUTPATIENT', '毒性弥漫性甲状腺肿', 'E05.0',
            [out('浙江大学医学院附属第一医院', '2026-11-10', '484.50', a)], [])

    s = Scenario('excluded-text-only-thyroid-nodule',
                 '解玉保单除外甲状腺结节及甲状腺癌（E04、C73）；理赔诊断只有文字“甲状腺结节”，理赔员读作 E04 → EXCLUDED_CONDITION。',
                 'The diagnosis is the text 甲状腺结节 without a code; an adjuster reads it as E04: EXCLUDED_CONDITION.')
    a = P('解玉', '370202', '1979-09-09', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', exclusions=[THYROID]))
    s.claim('2026-11-10 13:10', pa, 'OUTPATIENT', '甲状腺结节', None,
            [out('青岛大学附属医院', '2026-11-06', '398.00', a)], [EXCL])

    s = Scenario('excluded-gallstone-and-neighbour-cholecystitis',
                 '包俊保单除外胆结石（K80）。熊莉（另一人，同样条款）因胆囊结石 K80.1 住院 → EXCLUDED_CONDITION；包俊因急性胆囊炎 K81.0 住院，'
                 'K81 不在 K80 前缀内 → 无标记。',
                 'Exclusion prefix K80: gallstones K80.1 are excluded; acute cholecystitis K81.0 is not under K80: clean.')
    a = P('包俊', '320508', '1974-01-31', 'M')
    b = P('熊莉', '320508', '1978-06-07', 'F')
    clause = ('胆囊结石及胆管结石引起的医疗费用不予赔付', ['K80'])
    pa = s.pol(policy(a, exclusions=[clause]))
    pb = s.pol(policy(b, exclusions=[clause]))
    s.claim('2026-11-11 09:55', pb, 'INPATIENT', '胆囊结石伴慢性胆囊炎', 'K80.1',
            [inp('苏州大学附属第一医院', '2026-10-26', '2026-10-31', '24580.00', b, item_names=SURG)], [EXCL])
    s.claim('2026-11-11 10:25', pa, 'INPATIENT', '急性胆囊炎', 'K81.0',
            [inp('苏州大学附属第一医院', '2026-11-01', '2026-11-06', '9870.00', a)], [])

    s = Scenario('excluded-kidney-stone',
                 '甘志勇保单除外肾及输尿管结石（N20）；因肾结石 N20.0 住院碎石 → EXCLUDED_CONDITION。',
                 'Exclusion prefix N20; a kidney stone N20.0 admission: EXCLUDED_CONDITION.')
    a = P('甘志勇', '440106', '1983-04-20', 'M')
    pa = s.pol(policy(a, exclusions=[('肾结石及输尿管结石引起的医疗费用不予赔付', ['N20'])]))
    s.claim('2026-11-12 14:35', pa, 'INPATIENT', '肾结石', 'N20.0',
            [inp('南方医科大学南方医院', '2026-11-02', '2026-11-05', '15360.00', a)], [EXCL])

    s = Scenario('excluded-breast-fibroadenosis',
                 '薛梅保单除外乳腺（N60、D24）；乳腺纤维腺病 N60.2 门诊 → EXCLUDED_CONDITION。',
                 'Exclusion prefixes N60, D24; fibroadenosis N60.2: EXCLUDED_CONDITION.')
    a = P('薛梅', '310106', '1985-12-09', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', exclusions=[('乳腺增生、乳腺良性肿瘤引起的医疗费用不予赔付', ['N60', 'D24'])]))
    s.claim('2026-11-13 11:05', pa, 'OUTPATIENT', '乳腺纤维腺病', 'N60.2',
            [out('复旦大学附属中山医院', '2026-11-09', '612.40', a)], [EXCL])

    s = Scenario('excluded-one-policy-not-the-other',
                 '吴海燕有两张保单：百万医疗除外甲状腺结节及甲状腺癌（E04、C73），中高端医疗无除外。甲状腺结节手术住院用百万医疗理赔 → '
                 'EXCLUDED_CONDITION；之后的甲状腺结节复查门诊用中高端医疗理赔（同一人，不同保单，无除外）→ 无标记。',
                 'One insured with two policies, only one of them excluding the thyroid: the claim under that policy is '
                 'EXCLUDED_CONDITION, the claim under the other is clean.')
    a = P('吴海燕', '110108', '1982-08-24', 'F')
    pa = s.pol(policy(a, exclusions=[THYROID]))
    pb = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-13 15:50', pa, 'INPATIENT', '甲状腺结节', 'E04.101',
            [inp('北京协和医院', '2026-10-20', '2026-10-24', '16240.00', a, item_names=SURG)], [EXCL])
    s.claim('2026-11-13 16:10', pb, 'OUTPATIENT', '甲状腺结节', 'E04.101',
            [out('北京协和医院', '2026-11-10', '936.00', a)], [])

    s = Scenario('excluded-hypertensive-heart-disease',
                 '谷长青保单除外高血压及其并发症（I10–I13、I15）；高血压性心脏病 I11.9 住院 → EXCLUDED_CONDITION。',
                 'Exclusion prefixes I10-I13, I15; hypertensive heart disease I11.9: EXCLUDED_CONDITION.')
    a = P('谷长青', '410105', '1960-09-21', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL', exclusions=[('高血压及其并发症引起的医疗费用不予赔付',
                                                         ['I10', 'I11', 'I12', 'I13', 'I15'])]))
    s.claim('2026-11-14 10:00', pa, 'INPATIENT', '高血压性心脏病', 'I11.9',
            [inp('郑州大学第一附属医院', '2026-10-30', '2026-11-08', '18450.00', a)], [EXCL])

    s = Scenario('excluded-asthma-national-code',
                 '柏贝贝（10 岁）保单除外哮喘（J45）；诊断编码为国家临床版 J45.900 → EXCLUDED_CONDITION。',
                 'Exclusion prefix J45; the diagnosis carries the national code J45.900: EXCLUDED_CONDITION.')
    a = P('柏贝贝', '320102', '2016-04-12', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY', exclusions=[('支气管哮喘引起的医疗费用不予赔付', ['J45'])]))
    s.claim('2026-11-14 18:20', pa, 'INPATIENT', '支气管哮喘急性发作', 'J45.900',
            [inp('江苏省人民医院', '2026-11-03', '2026-11-08', '8640.00', a)], [EXCL])

    s = Scenario('excluded-near-miss-reflux-under-gastritis-exclusion',
                 '包晓红保单除外慢性胃炎（K29）；胃食管反流病 K21.0 不在前缀内 → 无标记。',
                 'Exclusion prefix K29; reflux disease K21.0 is not under it: clean.')
    a = P('包晓红', '500103', '1987-11-11', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL', exclusions=[('慢性胃炎引起的医疗费用不予赔付', ['K29'])]))
    s.claim('2026-11-15 10:10', pa, 'OUTPATIENT', '胃食管反流病', 'K21.0',
            [out('陆军军医大学第一附属医院', '2026-11-11', '452.00', a)], [])

    s = Scenario('excluded-prostate-hyperplasia',
                 '桂长林保单除外前列腺增生（N40）；诊断 N40 → EXCLUDED_CONDITION。',
                 'Exclusion prefix N40; diagnosis N40: EXCLUDED_CONDITION.')
    a = P('桂长林', '360102', '1958-02-02', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL', exclusions=[('前列腺增生引起的医疗费用不予赔付', ['N40'])]))
    s.claim('2026-11-15 14:45', pa, 'INPATIENT', '前列腺增生', 'N40',
            [inp('南昌大学第一附属医院', '2026-11-02', '2026-11-09', '21680.00', a, item_names=SURG)], [EXCL])

    s = Scenario('excluded-diabetes-chronic-policy',
                 '邝国华慢病医疗险除外 2 型糖尿病（E11）；2 型糖尿病伴周围循环并发症 E11.5 住院 → EXCLUDED_CONDITION。',
                 'Exclusion prefix E11; E11.5: EXCLUDED_CONDITION.')
    a = P('邝国华', '440305', '1962-10-30', 'M')
    pa = s.pol(policy(a, 'CHRONIC_MEDICAL', exclusions=[('2型糖尿病及其并发症引起的医疗费用不予赔付', ['E11'])]))
    s.claim('2026-11-16 09:05', pa, 'INPATIENT', '2型糖尿病足', 'E11.5',
            [inp('北京大学第一医院', '2026-10-26', '2026-11-09', '35260.00', a)], [EXCL])

    s = Scenario('excluded-near-miss-cancer-clause-benign-nodule',
                 '左琳保单只除外甲状腺恶性肿瘤（C73）；甲状腺结节 E04.101 不在 C73 之内 → 无标记。另一笔慢性胃炎（只有文字）也不在除外内 → 无标记。',
                 'Only C73 is excluded: a benign nodule E04.101 is clean, and so is a text-only 慢性胃炎.')
    a = P('左琳', '330106', '1990-07-30', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY', exclusions=[('甲状腺恶性肿瘤不予赔付', ['C73'])]))
    s.claim('2026-11-16 13:40', pa, 'OUTPATIENT', '甲状腺结节', 'E04.101',
            [out('浙江大学医学院附属邵逸夫医院', '2026-11-12', '588.00', a)], [])
    s.claim('2026-11-18 13:55', pa, 'OUTPATIENT', '慢性胃炎', None,
            [out('浙江大学医学院附属邵逸夫医院', '2026-11-16', '276.00', a)], [])

    # ---------------------------------------------------------------- hospital eligibility
    s = Scenario('ineligible-private-united-family',
                 '管晓（门诊医疗险，要求二级及以上公立医院）在私立北京和睦家医院就诊 → INELIGIBLE_HOSPITAL。',
                 'A private hospital under PUBLIC_GRADE2_PLUS: INELIGIBLE_HOSPITAL.')
    a = P('管晓', '110105', '1992-09-15', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-02 15:10', pa, 'OUTPATIENT', '急性中耳炎', 'H66.9',
            [out('北京和睦家医院', '2026-10-29', '2380.00', a, insurance='自费')], [INEL])

    s = Scenario('ineligible-international-department',
                 '路远在北京协和医院国际医疗部就诊（公立医院的国际医疗部不属于普通部）→ INELIGIBLE_HOSPITAL。',
                 'The international department of a public hospital is not its general department: '
                 'INELIGIBLE_HOSPITAL.')
    a = P('路远', '110102', '1978-04-18', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-03 11:50', pa, 'OUTPATIENT', '过敏性鼻炎', 'J30.4',
            [out('北京协和医院国际医疗部', '2026-10-30', '1860.00', a, insurance='自费')], [INEL])

    s = Scenario('ineligible-community-health-centre',
                 '尤丽在杭州市上城区湖滨街道社区卫生服务中心（一级）就诊，保单要求二级及以上 → INELIGIBLE_HOSPITAL。',
                 'A grade-1 community health centre under PUBLIC_GRADE2_PLUS: INELIGIBLE_HOSPITAL.')
    a = P('尤丽', '330102', '1969-03-27', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-04 15:35', pa, 'OUTPATIENT', '原发性高血压', 'I10',
            [out('杭州市上城区湖滨街道社区卫生服务中心', '2026-10-31', '128.60', a)], [INEL])

    s = Scenario('ineligible-private-under-alias',
                 '储伟在“树兰(杭州)医院”住院，即民营的杭州树兰医院（别名）→ INELIGIBLE_HOSPITAL。',
                 'A private hospital printed under one of its other names: INELIGIBLE_HOSPITAL.')
    a = P('储伟', '330106', '1971-08-08', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-05 16:05', pa, 'INPATIENT', '急性胰腺炎', 'K85.9',
            [inp('树兰(杭州)医院', '2026-10-18', '2026-10-27', '32650.00', a)], [INEL])

    s = Scenario('ineligible-private-clinic',
                 '简宁在卓正医疗深圳福田诊所看儿科门诊（私立诊所）→ INELIGIBLE_HOSPITAL。',
                 'A private clinic: INELIGIBLE_HOSPITAL.')
    a = P('简宁', '440305', '2019-12-01', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-06 12:25', pa, 'OUTPATIENT', '急性支气管炎', 'J20.9',
            [out('卓正医疗深圳福田诊所', '2026-11-02', '780.00', a, insurance='自费')], [INEL])

    s = Scenario('ineligible-private-eye-hospital',
                 '滕飞在上海爱尔眼科医院（民营）就诊 → INELIGIBLE_HOSPITAL。',
                 'A private eye hospital: INELIGIBLE_HOSPITAL.')
    a = P('滕飞', '310115', '1985-10-12', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-07 13:20', pa, 'OUTPATIENT', '干眼症', 'H04.1',
            [out('上海爱尔眼科医院', '2026-11-03', '920.00', a, insurance='自费')], [INEL])

    s = Scenario('ineligible-vip-clinic-of-public-hospital',
                 '姬红在复旦大学附属华山医院特需医疗科就诊（特需部不属于普通部）→ INELIGIBLE_HOSPITAL。',
                 'The VIP clinic of a public hospital: INELIGIBLE_HOSPITAL.')
    a = P('姬红', '310104', '1976-01-06', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-08 10:40', pa, 'OUTPATIENT', '偏头痛', 'G43.9',
            [out('复旦大学附属华山医院特需医疗科', '2026-11-04', '1200.00', a, insurance='自费')], [INEL])

    s = Scenario('ineligible-private-tertiary',
                 '臧东在河北燕达医院（三级甲等，但为民营）住院；要求的是公立 → INELIGIBLE_HOSPITAL。',
                 'A grade-3 hospital that is private: INELIGIBLE_HOSPITAL (the policy requires a public hospital).')
    a = P('臧东', '130102', '1966-06-16', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-09 15:15', pa, 'INPATIENT', '脑梗死', 'I63.9',
            [inp('河北燕达医院', '2026-10-20', '2026-11-01', '41230.00', a)], [INEL])

    s = Scenario('ineligible-international-centre-and-payer',
                 '蒲小雨在中山大学附属第一医院国际医疗中心就诊 → INELIGIBLE_HOSPITAL；票据交款人为其丈夫 → PAYER_MISMATCH。',
                 'An international centre of a public hospital (INELIGIBLE_HOSPITAL), paid by the husband '
                 '(PAYER_MISMATCH).')
    a = P('蒲小雨', '440106', '1990-03-21', 'F')
    h = P('郎峰', '440106', '1988-11-03', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-10 17:05', pa, 'OUTPATIENT', '妊娠期甲状腺功能减退', 'O99.2',
            [out('中山大学附属第一医院国际医疗中心', '2026-11-06', '1450.00', h, insurance='自费')], [INEL, PAY])

    s = Scenario('ineligible-community-centre-chengdu',
                 '苟玉芬在成都市武侯区玉林社区卫生服务中心（一级）输液 → INELIGIBLE_HOSPITAL。',
                 'A grade-1 community centre: INELIGIBLE_HOSPITAL.')
    a = P('苟玉芬', '510107', '1958-07-04', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-11 11:30', pa, 'OUTPATIENT', '急性支气管炎', 'J20.9',
            [out('成都市武侯区玉林社区卫生服务中心', '2026-11-07', '236.00', a)], [INEL])

    s = Scenario('ineligible-private-heart-hospital',
                 '冉建国在武汉亚心总医院（民营心血管专科）住院行射频消融 → INELIGIBLE_HOSPITAL。',
                 'A private heart hospital: INELIGIBLE_HOSPITAL.')
    a = P('冉建国', '420106', '1965-12-18', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-12 16:45', pa, 'INPATIENT', '阵发性心房颤动', 'I48.0',
            [inp('武汉亚心总医院', '2026-10-25', '2026-10-30', '58600.00', a, item_names=SURG)], [INEL])

    s = Scenario('eligible-near-miss-private-under-any',
                 '阚晓婷的中高端医疗险医院要求为 ANY，她在私立北京和睦家医院就诊、全自费 → 无标记。',
                 'A private hospital under a policy that accepts ANY hospital: clean.')
    a = P('阚晓婷', '110105', '1989-05-01', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-13 10:30', pa, 'OUTPATIENT', '急性扁桃体炎', 'J03.9',
            [out('北京和睦家医院', '2026-11-08', '3150.00', a, insurance='自费')], [])

    s = Scenario('eligible-near-miss-aliases',
                 '票面印医院常用简称：浙大一院、华西医院、湘雅医院，都是名录中三甲公立医院的别名 → 三笔均无标记。',
                 'Receipts printed with the short names 浙大一院, 华西医院, 湘雅医院 of public tertiary hospitals: all '
                 'three clean.')
    a = P('谈思琪', '330106', '1994-08-16', 'F')
    b = P('阳光', '510104', '1988-03-09', 'M')
    c = P('戚雅', '430104', '1979-12-27', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    pb = s.pol(policy(b))
    pc = s.pol(policy(c, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-14 09:10', pa, 'OUTPATIENT', '急性胃肠炎', 'K52.9', [out('浙大一院', '2026-11-09', '268.00', a)], [])
    s.claim('2026-11-14 09:40', pb, 'INPATIENT', '急性阑尾炎', 'K35.8',
            [inp('华西医院', '2026-10-29', '2026-11-03', '14360.00', b, item_names=SURG)], [])
    s.claim('2026-11-14 10:15', pc, 'OUTPATIENT', '骨关节炎', 'M19.9', [out('湘雅医院', '2026-11-10', '420.00', c)], [])

    s = Scenario('eligible-near-miss-grade-two-and-grade-three-b',
                 '北京市第六医院为二级甲等公立医院，杭州市西溪医院为三级乙等公立医院，均满足“二级及以上公立”→ 两笔均无标记。',
                 'A public grade-2A hospital and a public grade-3B hospital both meet PUBLIC_GRADE2_PLUS: both clean.')
    a = P('芦海', '110102', '1970-10-20', 'M')
    b = P('俞静', '330106', '1981-01-17', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-15 11:05', pa, 'OUTPATIENT', '2型糖尿病', 'E11.9', [out('北京市第六医院', '2026-11-11', '315.80', a)], [])
    s.claim('2026-11-15 11:35', pb, 'OUTPATIENT', '慢性乙型病毒性肝炎', 'B18.1',
            [out('杭州市西溪医院', '2026-11-12', '688.00', b)], [])

    s = Scenario('eligible-near-miss-unknown-public-hospitals',
                 '义乌市中心医院、昆山市第一人民医院是真实的公立医院，但不在本公司医院名录中。名录里查不到的医院只能报告为“未核实”，不能判为不符合'
                 '要求 → 两笔均不判 INELIGIBLE_HOSPITAL，无标记。',
                 'Two real public hospitals missing from the insurer\'s directory: an unknown hospital is reported as '
                 'unverified, not called ineligible, so neither claim carries INELIGIBLE_HOSPITAL: both clean.')
    a = P('骆建平', '330782', '1975-04-25', 'M')
    b = P('顾佳', '320583', '1992-11-08', 'F')
    pa = s.pol(policy(a))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-16 10:30', pa, 'INPATIENT', '腹股沟疝', 'K40.9',
            [inp('义乌市中心医院', '2026-11-02', '2026-11-06', '11280.00', a, item_names=SURG)], [])
    s.claim('2026-11-16 11:10', pb, 'OUTPATIENT', '急性膀胱炎', 'N30.0',
            [out('昆山市第一人民医院', '2026-11-13', '236.40', b)], [])

    s = Scenario('eligible-near-miss-community-and-vip-under-any',
                 '医院要求为 ANY 的保单：社区卫生服务中心和公立医院的特需医疗中心都可以 → 两笔均无标记。',
                 'Under ANY, a community centre and the VIP centre of a public hospital are both acceptable: both clean.')
    a = P('庾明', '310104', '1955-09-09', 'M')
    b = P('冀晓梅', '510107', '1984-06-30', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    pb = s.pol(policy(b, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-17 09:15', pa, 'OUTPATIENT', '原发性高血压', 'I10',
            [out('上海市徐汇区枫林街道社区卫生服务中心', '2026-11-13', '96.40', a)], [])
    s.claim('2026-11-17 09:45', pb, 'INPATIENT', '子宫内膜息肉', 'N84.0',
            [inp('四川大学华西医院特需医疗中心', '2026-11-05', '2026-11-07', '18900.00', b, insurance='自费',
                 item_names=['床位费', '护理费', '检查费', '化验费', '手术费', '麻醉费', '西药费'])], [])

    s = Scenario('eligible-near-miss-more-unknown-hospitals',
                 '慈溪市人民医院、佛山市顺德区第一人民医院也是名录外的真实公立医院：报告为“未核实”，不判 INELIGIBLE_HOSPITAL → 无标记。',
                 'Two more real public hospitals absent from the directory: unverified, not ineligible: clean.')
    a = P('岑海波', '330203', '1967-02-12', 'M')
    b = P('梁嘉豪', '440106', '1999-07-17', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-18 15:20', pa, 'INPATIENT', '慢性阻塞性肺病伴急性加重', 'J44.1',
            [inp('慈溪市人民医院', '2026-11-03', '2026-11-12', '16720.00', a)], [])
    s.claim('2026-11-18 15:50', pb, 'OUTPATIENT', '急性胃肠炎', 'K52.9',
            [out('佛山市顺德区第一人民医院', '2026-11-15', '226.00', b)], [])
