"""Group 4: checks across claims (DUPLICATE_RECEIPT, SPLIT_HOSPITALIZATION, OVERLAPPING_STAYS, HIGH_FREQUENCY).
Expected flags are written by hand on every claim."""
from lib import Scenario, Person as P, policy, out, inp, same, reserve_key

DUP, SPLIT, OVL, HF = 'DUPLICATE_RECEIPT', 'SPLIT_HOSPITALIZATION', 'OVERLAPPING_STAYS', 'HIGH_FREQUENCY'
PAY, CAM, INEL = 'PAYER_MISMATCH', 'CLAIMED_AMOUNT_MISMATCH', 'INELIGIBLE_HOSPITAL'
SURG = ['床位费', '护理费', '检查费', '化验费', '手术费', '麻醉费', '西药费', '卫生材料费']


def build():
    # ---------------------------------------------------------------- duplicates
    s = Scenario('dup-same-night-same-insured',
                 '庄伟同一晚提交两笔理赔，用的是同一张门诊票据（同票据代码+号码）→ 两笔都 DUPLICATE_RECEIPT（同一夜处理）。',
                 'The same receipt in two claims processed the same night: both carry DUPLICATE_RECEIPT.')
    a = P('庄伟', '330106', '1983-03-23', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    r = out('浙江大学医学院附属第二医院', '2026-11-03', '536.00', a)
    s.claim('2026-11-05 09:00', pa, 'OUTPATIENT', '急性胃炎', 'K29.1', [r], [DUP])
    s.claim('2026-11-05 20:00', pa, 'OUTPATIENT', '胃痛', 'R10.1', [same(r)], [DUP])

    s = Scenario('dup-across-nights',
                 '詹丽 11-06 的理赔已处理（无标记）；11-09 她再次提交同一张票据 → 只有后一笔 DUPLICATE_RECEIPT（前一晚的结果不回改）。',
                 'The same receipt on a later night: only the later claim is flagged; the earlier result is not revised.')
    a = P('詹丽', '440106', '1987-08-04', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    r = out('中山大学附属第一医院', '2026-11-04', '742.30', a)
    s.claim('2026-11-06 14:20', pa, 'OUTPATIENT', '慢性盆腔炎', 'N73.1', [r], [])
    s.claim('2026-11-09 10:45', pa, 'OUTPATIENT', '慢性盆腔炎', 'N73.1', [same(r)], [DUP])

    s = Scenario('dup-twice-in-one-claim-counted-twice',
                 '覃志一笔理赔里把同一张票据上传了两次，申请金额 856.00 = 428.00×2（两份都计入）→ DUPLICATE_RECEIPT；申请金额与票据之和一致，'
                 '不判金额不符。',
                 'One receipt uploaded twice in one claim, the claim asking twice its amount: DUPLICATE_RECEIPT; the '
                 'claimed amount equals the sum of the documents, so no amount flag.')
    a = P('覃志', '450103', '1991-12-03', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    r = out('南方医科大学南方医院', '2026-11-05', '428.00', a)
    s.claim('2026-11-07 16:30', pa, 'OUTPATIENT', '痛风', 'M10.9', [r, same(r)], [DUP])

    s = Scenario('dup-twice-in-one-claim-claimed-once',
                 '巫晓一笔理赔里同一张票据上传两次，申请金额 1260.00 只算一次 → DUPLICATE_RECEIPT；按约定两份文件都计入票据之和（2520.00），'
                 '与申请金额不符 → CLAIMED_AMOUNT_MISMATCH。',
                 'One receipt uploaded twice, the claim asking it once: DUPLICATE_RECEIPT, and by the convention that '
                 'every submitted document counts, CLAIMED_AMOUNT_MISMATCH.')
    a = P('巫晓', '500103', '1985-02-07', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    r = out('重庆医科大学附属第一医院', '2026-11-06', '1260.00', a)
    s.claim('2026-11-08 11:20', pa, 'OUTPATIENT', '子宫内膜异位症', 'N80.9', [r, same(r)], [DUP, CAM],
            claimed='1260.00')

    s = Scenario('dup-spouse-same-night',
                 '常志提交自己的门诊票据；同一晚妻子鲁燕（另一张保单）也用这张票据理赔，票据交款人是常志 → 两笔都 DUPLICATE_RECEIPT，鲁燕那笔另有 '
                 'PAYER_MISMATCH。',
                 'A husband\'s receipt claimed by him and by his wife the same night: both DUPLICATE_RECEIPT, and the '
                 'wife\'s claim also PAYER_MISMATCH.')
    a = P('常志', '320102', '1982-06-11', 'M')
    b = P('鲁燕', '320102', '1984-10-02', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL'))
    r = out('南京鼓楼医院', '2026-11-06', '865.50', a)
    s.claim('2026-11-09 09:10', pa, 'OUTPATIENT', '腰椎间盘突出症', 'M51.2', [r], [DUP])
    s.claim('2026-11-09 21:40', pb, 'OUTPATIENT', '腰痛', 'M54.5', [same(r)], [DUP, PAY])

    s = Scenario('dup-two-policies-one-insured',
                 '雍涛有百万医疗和中高端医疗两张保单。11-10 用百万医疗理赔一张住院票据（无标记）；11-12 用中高端医疗再理赔同一张票据 → '
                 'DUPLICATE_RECEIPT（同一人跨保单也算）。同一张票据是同一次住院，不是重叠住院。',
                 'The same inpatient receipt claimed under two policies of one insured, on two nights: the later claim is '
                 'DUPLICATE_RECEIPT; one receipt twice is one stay, not an overlap.')
    a = P('雍涛', '610113', '1976-05-15', 'M')
    pa = s.pol(policy(a))
    pb = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    r = inp('西安交通大学第一附属医院', '2026-10-20', '2026-10-28', '26740.00', a)
    s.claim('2026-11-10 10:00', pa, 'INPATIENT', '急性胰腺炎', 'K85.9', [r], [])
    s.claim('2026-11-12 10:30', pb, 'INPATIENT', '急性胰腺炎', 'K85.9', [same(r)], [DUP])

    s = Scenario('dup-near-miss-same-number-other-code',
                 '封晓两张票据号码相同但票据代码不同（不同票据批次）→ 不是重复票据，两笔均无标记。',
                 'The same invoice number under a different invoice code is another receipt: both clean.')
    a = P('封晓', '330102', '1993-05-25', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    k1 = reserve_key('33060126', '0052718840')
    k2 = reserve_key('33050126', '0052718840')
    s.claim('2026-11-10 15:15', pa, 'OUTPATIENT', '急性咽炎', 'J02.9',
            [out('杭州市第一人民医院', '2026-11-02', '168.00', a, key=k1)], [])
    s.claim('2026-11-13 15:40', pa, 'OUTPATIENT', '过敏性鼻炎', 'J30.4',
            [out('浙江省人民医院', '2026-11-11', '256.80', a, key=k2)], [])

    s = Scenario('dup-near-miss-consecutive-numbers',
                 '毕红同一天在同一医院先后两次缴费，两张票据代码相同、号码连续 → 不是重复票据，两笔均无标记。',
                 'Two payments the same day give consecutive invoice numbers under one code: not duplicates, both clean.')
    a = P('毕红', '420106', '1989-09-19', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    k1 = reserve_key('42060126', '0031046627')
    k2 = reserve_key('42060126', '0031046628')
    s.claim('2026-11-11 10:05', pa, 'OUTPATIENT', '尿路感染', 'N39.0',
            [out('华中科技大学同济医学院附属同济医院', '2026-11-09', '156.00', a, key=k1)], [])
    s.claim('2026-11-14 10:25', pa, 'OUTPATIENT', '尿路感染', 'N39.0',
            [out('华中科技大学同济医学院附属同济医院', '2026-11-09', '389.40', a, key=k2)], [])

    s = Scenario('dup-timezone-midnight-split',
                 '伏明第一笔提交于北京时间 11-09 23:50（UTC 15:50）→ 属 11-09 夜；第二笔同一票据提交于北京时间 11-10 00:10（UTC 仍是 11-09 '
                 '16:10）→ 属 11-10 夜。按北京时间分夜：第一笔无标记，第二笔 DUPLICATE_RECEIPT。',
                 'Submitted 20 minutes apart across Beijing midnight: the first belongs to the 11-09 night (clean), the '
                 'second to the 11-10 night although its UTC date is still 11-09 (DUPLICATE_RECEIPT on it only).')
    a = P('伏明', '370102', '1980-01-29', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    r = out('山东大学齐鲁医院', '2026-11-07', '612.00', a)
    s.claim('2026-11-09 23:50', pa, 'OUTPATIENT', '慢性阻塞性肺病', 'J44.9', [r], [])
    s.claim('2026-11-10 00:10', pa, 'OUTPATIENT', '慢性阻塞性肺病', 'J44.9', [same(r)], [DUP])

    s = Scenario('dup-timezone-early-morning-same-night',
                 '迟雪 11-11 夜提交一张票据（无标记）。另一张票据先于北京时间 11-12 07:00（UTC 11-11 23:00）提交，又于 11-12 20:00 重复提交；'
                 '两者都属 11-12 夜 → 两笔都 DUPLICATE_RECEIPT。',
                 'A claim sent at 07:00 Beijing time on 11-12 carries the UTC date 11-11 but belongs to the 11-12 night, '
                 'the same night as its duplicate: both flagged. An unrelated claim on the 11-11 night stays clean.')
    a = P('迟雪', '210102', '1992-04-08', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    r = out('中国医科大学附属第一医院', '2026-11-10', '438.60', a)
    s.claim('2026-11-11 19:30', pa, 'OUTPATIENT', '甲状腺功能减退', 'E03.9',
            [out('中国医科大学附属第一医院', '2026-10-20', '226.00', a)], [])
    s.claim('2026-11-12 07:00', pa, 'OUTPATIENT', '甲状腺功能减退', 'E03.9', [r], [DUP])
    s.claim('2026-11-12 20:00', pa, 'OUTPATIENT', '甲状腺功能减退', 'E03.9', [same(r)], [DUP])

    s = Scenario('dup-three-nights',
                 '晏秋同一张住院票据分三晚提交：第一晚无标记，第二、三晚都 DUPLICATE_RECEIPT。',
                 'One inpatient receipt submitted on three nights: the first is clean, the second and third are '
                 'DUPLICATE_RECEIPT.')
    a = P('晏秋', '430104', '1970-11-21', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    r = inp('中南大学湘雅二医院', '2026-10-26', '2026-11-02', '14520.00', a)
    s.claim('2026-11-13 09:30', pa, 'INPATIENT', '子宫脱垂', 'N81.9', [r], [])
    s.claim('2026-11-15 09:50', pa, 'INPATIENT', '子宫脱垂', 'N81.9', [same(r)], [DUP])
    s.claim('2026-11-17 10:10', pa, 'INPATIENT', '子宫脱垂', 'N81.9', [same(r)], [DUP])

    s = Scenario('dup-altered-amount',
                 '戈辉 11-14 理赔一张合计 2380.00 的门诊票据（无标记）；11-16 又提交票据代码、号码相同，但金额改成 3380.00 的票据（票面自洽）→ '
                 'DUPLICATE_RECEIPT（不论金额）。',
                 'The same invoice code and number later with the amount changed to 3,380.00: DUPLICATE_RECEIPT '
                 'whatever the amount.')
    a = P('戈辉', '350203', '1984-07-30', 'M')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    r = out('厦门大学附属第一医院', '2026-11-11', '2380.00', a)
    r2 = out('厦门大学附属第一医院', '2026-11-11', '3380.00', a,
             key=(r['fields']['invoiceCode'], r['fields']['invoiceNumber']), checkCode=r['fields']['checkCode'])
    s.claim('2026-11-14 13:40', pa, 'OUTPATIENT', '肛瘘', 'K60.3', [r], [])
    s.claim('2026-11-16 13:55', pa, 'OUTPATIENT', '肛瘘', 'K60.3', [r2], [DUP])

    s = Scenario('dup-spouse-across-nights',
                 '屠建 11-15 理赔自己的票据（无标记）；11-18 妻子阮琴用同一张票据理赔，交款人为屠建 → DUPLICATE_RECEIPT + PAYER_MISMATCH（只标后一笔）。',
                 'The wife claims her husband\'s receipt three nights later: DUPLICATE_RECEIPT and PAYER_MISMATCH on her '
                 'claim only.')
    a = P('屠建', '310106', '1979-12-14', 'M')
    b = P('阮琴', '310106', '1981-03-02', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL'))
    r = out('复旦大学附属华山医院', '2026-11-12', '958.00', a)
    s.claim('2026-11-15 18:10', pa, 'OUTPATIENT', '带状疱疹', 'B02.9', [r], [])
    s.claim('2026-11-18 18:30', pb, 'OUTPATIENT', '带状疱疹', 'B02.9', [same(r)], [DUP, PAY])

    # ---------------------------------------------------------------- split stays
    s = Scenario('split-pneumonia-8-days',
                 '葛建肺炎住院 10-12 至 10-20（J18.9），10-28 再次因肺炎（J18.0）入院，间隔 8 天、同一 ICD-10 三位类目 J18 → 第二次 '
                 'SPLIT_HOSPITALIZATION（只标再入院那笔）。',
                 'Readmitted 8 days after discharge in the same three-character category (J18): SPLIT_HOSPITALIZATION '
                 'on the readmission only.')
    a = P('葛建', '110108', '1961-04-04', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-02 10:20', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('北京大学第三医院', '2026-10-12', '2026-10-20', '13480.00', a)], [])
    s.claim('2026-11-06 10:40', pa, 'INPATIENT', '支气管肺炎', 'J18.0',
            [inp('北京大学第三医院', '2026-10-28', '2026-11-04', '11260.00', a)], [SPLIT])

    s = Scenario('split-exactly-15-days',
                 '蔺红心衰住院 10-01 至 10-09，10-24 再入院（间隔正好 15 天，I50）→ SPLIT_HOSPITALIZATION（15 天含边界）。',
                 'Readmitted exactly 15 days after discharge, same category I50: SPLIT_HOSPITALIZATION (15 days '
                 'inclusive).')
    a = P('蔺红', '410105', '1950-08-30', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-03 11:00', pa, 'INPATIENT', '慢性心力衰竭', 'I50.9',
            [inp('郑州大学第一附属医院', '2026-10-01', '2026-10-09', '16840.00', a)], [])
    s.claim('2026-11-05 11:20', pa, 'INPATIENT', '充血性心力衰竭', 'I50.0',
            [inp('郑州大学第一附属医院', '2026-10-24', '2026-10-31', '14630.00', a)], [SPLIT])

    s = Scenario('split-near-miss-16-days',
                 '苏宏慢阻肺住院 10-01 至 10-08，10-24 再入院（间隔 16 天）→ 超过 15 天，不是分解住院，两笔均无标记。',
                 'Readmitted 16 days after discharge: beyond 15 days, both clean.')
    a = P('苏宏', '320508', '1954-02-17', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-04 09:20', pa, 'INPATIENT', '慢性阻塞性肺病伴急性加重', 'J44.1',
            [inp('苏州大学附属第一医院', '2026-10-01', '2026-10-08', '12360.00', a)], [])
    s.claim('2026-11-06 09:40', pa, 'INPATIENT', '慢性阻塞性肺病伴急性加重', 'J44.1',
            [inp('苏州大学附属第一医院', '2026-10-24', '2026-11-01', '13870.00', a)], [])

    s = Scenario('split-near-miss-chemotherapy-cycles',
                 '樊丽乳腺癌术后按方案住院化疗（Z51.1），10-05 至 10-08、10-22 至 10-25，间隔 14 天 → 计划性化疗不是分解住院，两笔均无标记。',
                 'Scheduled chemotherapy cycles (Z51.1) 14 days apart are not split stays: both clean.')
    a = P('樊丽', '330106', '1972-09-09', 'F')
    pa = s.pol(policy(a, 'CANCER_MEDICAL', eff='2026-01-01', exp='2026-12-31', wait=90))
    s.claim('2026-11-05 14:10', pa, 'INPATIENT', '乳腺恶性肿瘤术后化疗', 'Z51.1',
            [inp('浙江省肿瘤医院', '2026-10-05', '2026-10-08', '9860.00', a)], [])
    s.claim('2026-11-07 14:30', pa, 'INPATIENT', '乳腺恶性肿瘤术后化疗', 'Z51.1',
            [inp('浙江省肿瘤医院', '2026-10-22', '2026-10-25', '10120.00', a)], [])

    s = Scenario('split-near-miss-radiotherapy',
                 '鞠建华鼻咽癌放疗（Z51.0）分两段住院：10-01 至 10-21、10-28 至 11-12，间隔 7 天 → 计划性放疗，不是分解住院，两笔均无标记。',
                 'Two scheduled radiotherapy admissions (Z51.0) 7 days apart: not split stays, both clean.')
    a = P('鞠建华', '440106', '1966-03-18', 'M')
    pa = s.pol(policy(a, 'CANCER_MEDICAL', eff='2026-01-01', exp='2026-12-31', wait=90))
    s.claim('2026-11-06 15:00', pa, 'INPATIENT', '鼻咽恶性肿瘤放疗', 'Z51.0',
            [inp('中山大学肿瘤防治中心', '2026-10-01', '2026-10-21', '42600.00', a)], [])
    s.claim('2026-11-14 15:20', pa, 'INPATIENT', '鼻咽恶性肿瘤放疗', 'Z51.0',
            [inp('中山大学肿瘤防治中心', '2026-10-28', '2026-11-12', '38950.00', a)], [])

    s = Scenario('split-near-miss-unrelated-diagnosis',
                 '童海肺炎出院 10-12，10-20 因摔倒股骨颈骨折入院：诊断无关（J18 与 S72）→ 不是分解住院，两笔均无标记。',
                 'A hip fracture 8 days after a pneumonia stay: unrelated diagnoses, both clean.')
    a = P('童海', '370202', '1948-12-25', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-07 16:10', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('青岛大学附属医院', '2026-10-05', '2026-10-12', '11420.00', a)], [])
    s.claim('2026-11-09 16:40', pa, 'INPATIENT', '股骨颈骨折', 'S72.0',
            [inp('青岛大学附属医院', '2026-10-20', '2026-11-02', '52360.00', a, item_names=SURG)], [])

    s = Scenario('split-near-miss-same-day-transfer',
                 '牛振宇脑梗死先在浙江萧山医院住院 10-10 至 10-15，当天转入浙大二院 10-15 至 10-28 → 同日转院，不是分解住院，也不是重叠，两笔均无标记。',
                 'A stroke patient transferred the day of discharge to another hospital: a transfer, neither a split '
                 'stay nor an overlap; both clean.')
    a = P('牛振宇', '330102', '1957-07-07', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-03 18:20', pa, 'INPATIENT', '脑梗死', 'I63.9',
            [inp('浙江萧山医院', '2026-10-10', '2026-10-15', '15680.00', a)], [])
    s.claim('2026-11-04 18:40', pa, 'INPATIENT', '脑梗死', 'I63.9',
            [inp('浙江大学医学院附属第二医院', '2026-10-15', '2026-10-28', '48720.00', a)], [])

    s = Scenario('split-both-stays-same-night',
                 '巩丽两次肠梗阻住院（K56.7 10-20 至 10-26；K56.6 11-02 至 11-08，间隔 7 天）同一晚提交 → 只标再入院 SPLIT_HOSPITALIZATION。',
                 'Both stays of a split arrive the same night: the flag goes on the readmission only.')
    a = P('巩丽', '130102', '1968-10-13', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-10 09:10', pa, 'INPATIENT', '肠梗阻', 'K56.7',
            [inp('河北医科大学第二医院', '2026-10-20', '2026-10-26', '12680.00', a)], [])
    s.claim('2026-11-10 09:30', pa, 'INPATIENT', '粘连性肠梗阻', 'K56.6',
            [inp('河北医科大学第二医院', '2026-11-02', '2026-11-08', '13940.00', a)], [SPLIT])

    s = Scenario('split-same-day-same-hospital',
                 '艾国庆糖尿病酮症在同一医院 10-10 至 10-18 住院，出院当天又办理入院 10-18 至 10-25（E11）→ 同院同日“出院再入院”是分解住院 → '
                 'SPLIT_HOSPITALIZATION（同日转院的例外只适用于另一家医院）。',
                 'Discharged and readmitted the same day at the same hospital for the same category: '
                 'SPLIT_HOSPITALIZATION (the same-day transfer exception is for another hospital).')
    a = P('艾国庆', '360102', '1959-10-01', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-11 10:00', pa, 'INPATIENT', '2型糖尿病伴酮症', 'E11.1',
            [inp('南昌大学第一附属医院', '2026-10-10', '2026-10-18', '9680.00', a)], [])
    s.claim('2026-11-12 10:15', pa, 'INPATIENT', '2型糖尿病伴酮症', 'E11.1',
            [inp('南昌大学第一附属医院', '2026-10-18', '2026-10-25', '8870.00', a)], [SPLIT])

    s = Scenario('split-across-two-policies',
                 '钟秀英的第一次肺炎住院用百万医疗理赔，8 天后再入院用中高端医疗理赔。被保险人按身份证号识别 → 再入院 SPLIT_HOSPITALIZATION。',
                 'The first stay under one policy, the readmission under another policy of the same insured (same ID): '
                 'SPLIT_HOSPITALIZATION.')
    a = P('钟秀英', '440305', '1960-06-06', 'F')
    pa = s.pol(policy(a))
    pb = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-12 14:10', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('深圳市人民医院', '2026-10-05', '2026-10-12', '12850.00', a)], [])
    s.claim('2026-11-14 14:30', pb, 'INPATIENT', '肺炎', 'J18.9',
            [inp('深圳市人民医院', '2026-10-20', '2026-10-27', '11930.00', a)], [SPLIT])

    s = Scenario('split-gallstone-conservative-then-surgery',
                 '郜明胆囊结石先保守治疗住院 10-08 至 10-13（K80.1），10-22 再入院手术（K80.0），间隔 9 天 → SPLIT_HOSPITALIZATION。',
                 'Gallstones treated conservatively, then readmitted 9 days later for surgery (same category K80): '
                 'SPLIT_HOSPITALIZATION.')
    a = P('郜明', '410105', '1973-12-08', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-13 11:30', pa, 'INPATIENT', '胆囊结石伴慢性胆囊炎', 'K80.1',
            [inp('郑州大学第一附属医院', '2026-10-08', '2026-10-13', '7640.00', a)], [])
    s.claim('2026-11-16 11:50', pa, 'INPATIENT', '胆囊结石伴急性胆囊炎', 'K80.0',
            [inp('郑州大学第一附属医院', '2026-10-22', '2026-10-28', '26380.00', a, item_names=SURG)], [SPLIT])

    s = Scenario('split-near-miss-same-name-other-person',
                 '两位同名“李强”（身份证号不同，不同人），一人肺炎 10-05 至 10-12 住院，另一人 10-18 因肺炎入院 → 不同被保险人，不是分解住院，两笔均无标记。',
                 'Two different people called 李强 (different ID numbers): one is discharged, the other admitted 6 days '
                 'later for the same category: not a split stay, both clean.')
    a = P('李强', '510107', '1975-03-15', 'M')
    b = P('李强', '500103', '1981-09-02', 'M')
    pa = s.pol(policy(a))
    pb = s.pol(policy(b))
    s.claim('2026-11-14 16:00', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('四川大学华西医院', '2026-10-05', '2026-10-12', '10780.00', a)], [])
    s.claim('2026-11-15 16:20', pb, 'INPATIENT', '肺炎', 'J18.9',
            [inp('重庆医科大学附属第一医院', '2026-10-18', '2026-10-25', '11640.00', b)], [])

    s = Scenario('split-stroke-subcodes',
                 '卓建平脑梗死住院 10-03 至 10-16（I63.9），10-26 又以 I63.4 入院，间隔 10 天、同属 I63 → SPLIT_HOSPITALIZATION。',
                 'Readmitted after 10 days with I63.4 after I63.9: same category I63, SPLIT_HOSPITALIZATION.')
    a = P('卓建平', '350203', '1955-05-05', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-15 09:20', pa, 'INPATIENT', '脑梗死', 'I63.9',
            [inp('厦门大学附属第一医院', '2026-10-03', '2026-10-16', '28460.00', a)], [])
    s.claim('2026-11-18 09:40', pa, 'INPATIENT', '脑动脉栓塞引起的脑梗死', 'I63.4',
            [inp('厦门大学附属第一医院', '2026-10-26', '2026-11-06', '24870.00', a)], [SPLIT])

    s = Scenario('split-copd-12-days-other-hospital',
                 '蒯国良慢阻肺急性加重在武汉协和住院 10-02 至 10-10，10-22 在武汉大学人民医院再入院（间隔 12 天，J44）→ '
                 'SPLIT_HOSPITALIZATION（换医院不影响）。',
                 'Readmitted at another hospital 12 days after discharge, same category J44: SPLIT_HOSPITALIZATION.')
    a = P('蒯国良', '420102', '1952-01-23', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-16 10:30', pa, 'INPATIENT', '慢性阻塞性肺病伴急性加重', 'J44.1',
            [inp('武汉协和医院', '2026-10-02', '2026-10-10', '13260.00', a)], [])
    s.claim('2026-11-18 10:50', pa, 'INPATIENT', '慢性阻塞性肺病伴急性下呼吸道感染', 'J44.0',
            [inp('武汉大学人民医院', '2026-10-22', '2026-10-31', '14870.00', a)], [SPLIT])

    s = Scenario('split-three-stays',
                 '廖美华三次尿路感染住院（N39.0）：10-01 至 10-06；10-10 至 10-15（间隔 4 天）；10-25 至 10-30（距上次出院 10 天）。第二、三次 '
                 '都 SPLIT_HOSPITALIZATION。',
                 'Three stays for the same category, each readmission within 15 days of the previous discharge: the '
                 'second and third are SPLIT_HOSPITALIZATION.')
    a = P('廖美华', '530102', '1958-08-08', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-17 09:00', pa, 'INPATIENT', '尿路感染', 'N39.0',
            [inp('昆明医科大学第一附属医院', '2026-10-01', '2026-10-06', '6840.00', a)], [])
    s.claim('2026-11-18 09:20', pa, 'INPATIENT', '尿路感染', 'N39.0',
            [inp('昆明医科大学第一附属医院', '2026-10-10', '2026-10-15', '7120.00', a)], [SPLIT])
    s.claim('2026-11-19 09:40', pa, 'INPATIENT', '尿路感染', 'N39.0',
            [inp('昆明医科大学第一附属医院', '2026-10-25', '2026-10-30', '6980.00', a)], [SPLIT])

    s = Scenario('split-near-miss-outpatient-follow-up',
                 '邬倩肺炎住院 10-10 至 10-17，10-24 门诊复查同一诊断 → 门诊不是再入院，两笔均无标记。',
                 'An outpatient follow-up a week after discharge is not a readmission: both clean.')
    a = P('邬倩', '310115', '1988-02-20', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-19 14:00', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('上海交通大学医学院附属仁济医院', '2026-10-10', '2026-10-17', '15260.00', a)], [])
    s.claim('2026-11-20 14:20', pa, 'OUTPATIENT', '肺炎', 'J18.9',
            [out('上海交通大学医学院附属仁济医院', '2026-10-24', '386.00', a)], [])

    # ---------------------------------------------------------------- overlapping stays
    s = Scenario('overlap-same-night',
                 '施国栋两笔住院理赔同一晚提交：肺炎 10-10 至 10-18 在中山医院，阑尾炎 10-14 至 10-20 在瑞金医院，住院期间重叠 → 两笔都 '
                 'OVERLAPPING_STAYS（诊断无关，不涉及分解住院）。',
                 'Two stays at two hospitals that share nights, processed the same night: both OVERLAPPING_STAYS '
                 '(unrelated diagnoses).')
    a = P('施国栋', '310104', '1977-04-27', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-02 20:10', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('复旦大学附属中山医院', '2026-10-10', '2026-10-18', '12460.00', a)], [OVL])
    s.claim('2026-11-02 20:40', pa, 'INPATIENT', '急性阑尾炎', 'K35.8',
            [inp('上海交通大学医学院附属瑞金医院', '2026-10-14', '2026-10-20', '16780.00', a, item_names=SURG)], [OVL])

    s = Scenario('overlap-across-nights',
                 '柴永心梗住院 10-05 至 10-15（11-02 已处理，无标记）；11-05 又提交 10-12 至 10-16 的肾结石住院 → 只标后一笔 OVERLAPPING_STAYS。',
                 'An overlapping stay submitted on a later night: only the later claim is flagged.')
    a = P('柴永', '610113', '1964-11-11', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-02 11:10', pa, 'INPATIENT', '急性心肌梗死', 'I21.9',
            [inp('空军军医大学西京医院', '2026-10-05', '2026-10-15', '58630.00', a)], [])
    s.claim('2026-11-05 11:30', pa, 'INPATIENT', '肾结石', 'N20.0',
            [inp('西安交通大学第一附属医院', '2026-10-12', '2026-10-16', '13240.00', a)], [OVL])

    s = Scenario('overlap-within-one-claim',
                 '岳鹏一笔理赔附两张住院票据：10-03 至 10-10 天坛医院、10-08 至 10-14 朝阳医院，同一人同时住两家医院 → OVERLAPPING_STAYS。',
                 'Two inpatient receipts in one claim whose stays overlap: OVERLAPPING_STAYS.')
    a = P('岳鹏', '110105', '1969-06-21', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-06 15:40', pa, 'INPATIENT', '脑梗死', 'I63.9',
            [inp('首都医科大学附属北京天坛医院', '2026-10-03', '2026-10-10', '21480.00', a),
             inp('首都医科大学附属北京朝阳医院', '2026-10-08', '2026-10-14', '9870.00', a)], [OVL])

    s = Scenario('overlap-near-miss-touching-day',
                 '甄立股骨颈骨折在积水潭医院 10-05 至 10-12，出院当天因肺炎转入朝阳医院 10-12 至 10-20 → 当天衔接不算重叠；诊断无关也不是分解住院'
                 ' → 两笔均无标记。',
                 'One stay ends the day the next begins at another hospital: touching is not an overlap, and the '
                 'diagnoses are unrelated: both clean.')
    a = P('甄立', '110102', '1949-09-30', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-07 10:20', pa, 'INPATIENT', '股骨颈骨折', 'S72.0',
            [inp('北京积水潭医院', '2026-10-05', '2026-10-12', '46200.00', a, item_names=SURG)], [])
    s.claim('2026-11-08 10:40', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('首都医科大学附属北京朝阳医院', '2026-10-12', '2026-10-20', '13680.00', a)], [])

    s = Scenario('overlap-near-miss-outpatient-during-stay',
                 '褚红住院 10-10 至 10-20 期间，10-15 有一张口腔科门诊票据（另一医院）→ 门诊不构成住院重叠，两笔均无标记。',
                 'An outpatient receipt dated during a stay is not an overlapping stay: both clean.')
    a = P('褚红', '320102', '1980-02-28', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-09 13:00', pa, 'INPATIENT', '急性胆囊炎', 'K81.0',
            [inp('江苏省人民医院', '2026-10-10', '2026-10-20', '15860.00', a)], [])
    s.claim('2026-11-09 13:20', pa, 'OUTPATIENT', '急性牙髓炎', 'K04.0',
            [out('南京鼓楼医院', '2026-10-15', '460.00', a)], [])

    s = Scenario('overlap-near-miss-same-name-different-people',
                 '两位同名“王芳”（不同身份证号）同期住院 → 不同被保险人，不是重叠住院，两笔均无标记。',
                 'Two different people named 王芳 in hospital at the same time: not an overlap, both clean.')
    a = P('王芳', '330102', '1983-11-05', 'F')
    b = P('王芳', '420106', '1986-07-13', 'F')
    pa = s.pol(policy(a))
    pb = s.pol(policy(b))
    s.claim('2026-11-10 16:30', pa, 'INPATIENT', '急性胰腺炎', 'K85.9',
            [inp('浙江大学医学院附属第一医院', '2026-10-11', '2026-10-19', '18260.00', a)], [])
    s.claim('2026-11-10 16:50', pb, 'INPATIENT', '子宫平滑肌瘤', 'D25.9',
            [inp('华中科技大学同济医学院附属同济医院', '2026-10-14', '2026-10-20', '22640.00', b, item_names=SURG)], [])

    s = Scenario('overlap-two-policies-one-insured',
                 '郑丽萍用百万医疗理赔 10-03 至 10-12 的阑尾炎住院（11-11 处理）；11-13 用中高端医疗理赔 10-10 至 10-16 的肾结石住院，同一身份证号，'
                 '住院重叠 → 后一笔 OVERLAPPING_STAYS。',
                 'Overlapping stays claimed under two policies of the same insured, on two nights: the later claim is '
                 'OVERLAPPING_STAYS.')
    a = P('郑丽萍', '440106', '1985-05-19', 'F')
    pa = s.pol(policy(a))
    pb = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-11 11:00', pa, 'INPATIENT', '急性阑尾炎', 'K35.8',
            [inp('广东省人民医院', '2026-10-03', '2026-10-12', '17460.00', a, item_names=SURG)], [])
    s.claim('2026-11-13 11:20', pb, 'INPATIENT', '肾结石', 'N20.0',
            [inp('南方医科大学南方医院', '2026-10-10', '2026-10-16', '12380.00', a)], [OVL])

    s = Scenario('overlap-nested-stay',
                 '汤建明脑出血住院 10-01 至 10-20（11-12 已处理）；11-15 提交 10-05 至 10-08 在另一医院的胆结石住院，完全落在前一次住院之内 → '
                 '后一笔 OVERLAPPING_STAYS。',
                 'A short stay entirely inside a longer one at another hospital, submitted later: OVERLAPPING_STAYS on '
                 'the later claim.')
    a = P('汤建明', '430104', '1962-04-16', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-12 15:30', pa, 'INPATIENT', '脑出血', 'I61.9',
            [inp('中南大学湘雅医院', '2026-10-01', '2026-10-20', '68420.00', a)], [])
    s.claim('2026-11-15 15:50', pa, 'INPATIENT', '胆囊结石', 'K80.2',
            [inp('中南大学湘雅二医院', '2026-10-05', '2026-10-08', '8960.00', a)], [OVL])

    s = Scenario('overlap-one-night-same-night',
                 '焦丽娜 10-10 至 10-15 因扁桃体周围脓肿住院，10-14 在另一医院因卵巢囊肿入院至 10-18，两段共有 10-14 这一夜；同一晚提交 → 两笔都 '
                 'OVERLAPPING_STAYS。',
                 'Two stays sharing one night, processed the same night: both OVERLAPPING_STAYS.')
    a = P('焦丽娜', '370102', '1991-01-01', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-16 19:00', pa, 'INPATIENT', '扁桃体周围脓肿', 'J36',
            [inp('山东省立医院', '2026-10-10', '2026-10-15', '6980.00', a)], [OVL])
    s.claim('2026-11-16 19:20', pa, 'INPATIENT', '卵巢囊肿', 'N83.2',
            [inp('山东大学齐鲁医院', '2026-10-14', '2026-10-18', '15260.00', a, item_names=SURG)], [OVL])

    s = Scenario('overlap-and-private-hospital',
                 '侯振东 10-06 至 10-16 在交大一附院（西安交通大学第一附属医院的简称）因肺炎住院（已处理）；后来提交 10-12 至 10-15 在民营西安高新医院的痔疮手术住院 → '
                 'OVERLAPPING_STAYS + INELIGIBLE_HOSPITAL（保单要求二级及以上公立医院）。',
                 'A later claim for a stay at a private hospital that overlaps an earlier stay: OVERLAPPING_STAYS and '
                 'INELIGIBLE_HOSPITAL.')
    a = P('侯振东', '610113', '1975-07-25', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-17 10:00', pa, 'INPATIENT', '肺炎', 'J18.9',
            [inp('交大一附院', '2026-10-06', '2026-10-16', '14380.00', a)], [])
    s.claim('2026-11-19 10:20', pa, 'INPATIENT', '混合痔', 'K64.8',
            [inp('西安高新医院', '2026-10-12', '2026-10-15', '16800.00', a, insurance='自费', item_names=SURG)],
            [OVL, INEL])

    s = Scenario('overlap-timezone-midnight',
                 '卜海燕第一笔住院理赔提交于北京时间 11-20 23:30（属 11-20 夜，无标记）；第二笔重叠住院提交于北京时间 11-21 00:20（UTC 仍是 11-20）'
                 '→ 属 11-21 夜，只标第二笔 OVERLAPPING_STAYS。',
                 'Two overlapping stays submitted either side of Beijing midnight: they belong to two nights, so only '
                 'the second is flagged, although both carry the UTC date 11-20.')
    a = P('卜海燕', '510104', '1983-09-14', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-20 23:30', pa, 'INPATIENT', '急性肾盂肾炎', 'N10',
            [inp('四川大学华西医院', '2026-10-20', '2026-10-27', '9860.00', a)], [])
    s.claim('2026-11-21 00:20', pa, 'INPATIENT', '腰椎间盘突出症', 'M51.2',
            [inp('四川省人民医院', '2026-10-24', '2026-10-31', '18760.00', a)], [OVL])

    # ---------------------------------------------------------------- high frequency
    s = Scenario('hf-fifth-claim',
                 '钮晓婷 10-20、10-24、10-28、11-01 四次门诊，11-02 当晚提交四笔理赔（不多于 4 笔，无标记）；11-05 第五次门诊、11-06 提交 → '
                 '30 天内第 5 笔 → HIGH_FREQUENCY（就诊日期和提交日期都在同一 30 天内）。',
                 'Four claims on one night, then a fifth on a later night, all within 30 days by both treatment and '
                 'submission dates: the fifth is HIGH_FREQUENCY.')
    a = P('钮晓婷', '330106', '1990-12-12', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    for i, (v, amt) in enumerate([('2026-10-20', '186.00'), ('2026-10-24', '212.40'), ('2026-10-28', '168.00'),
                                  ('2026-11-01', '244.60')]):
        s.claim(f'2026-11-02 {9 + i:02d}:15', pa, 'OUTPATIENT', '慢性荨麻疹', 'L50.8',
                [out('浙江大学医学院附属第一医院', v, amt, a)], [])
    s.claim('2026-11-06 10:00', pa, 'OUTPATIENT', '慢性荨麻疹', 'L50.8',
            [out('浙江大学医学院附属第一医院', '2026-11-05', '198.80', a)], [HF])

    s = Scenario('hf-fifth-and-sixth-on-own-nights',
                 '翟鹏六次门诊，每次就诊后次日提交：11-01、11-04、11-06、11-08 就诊的四笔无标记；11-11、11-14 就诊的第 5、6 笔各在自己的夜里处理，'
                 '都在 30 天内 → 都 HIGH_FREQUENCY。',
                 'Six claims in 15 days, each on its own night: the fifth and sixth are HIGH_FREQUENCY.')
    a = P('翟鹏', '320102', '1986-05-06', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    visits = [('2026-11-01', '2026-11-03', '236.00', []), ('2026-11-04', '2026-11-05', '158.50', []),
              ('2026-11-06', '2026-11-07', '312.00', []), ('2026-11-08', '2026-11-09', '189.20', []),
              ('2026-11-11', '2026-11-12', '264.00', [HF]), ('2026-11-14', '2026-11-15', '208.80', [HF])]
    for v, sub, amt, exp in visits:
        s.claim(f'{sub} 18:30', pa, 'OUTPATIENT', '痛风性关节炎', 'M10.0', [out('江苏省人民医院', v, amt, a)], exp)

    s = Scenario('hf-near-miss-exactly-four',
                 '邰静 30 天内 4 次门诊理赔（不多于 4）→ 四笔均无标记。',
                 'Exactly four claims within 30 days: not more than 4, all clean.')
    a = P('邰静', '440106', '1994-03-08', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    for v, sub, amt in [('2026-11-02', '2026-11-03', '142.00'), ('2026-11-07', '2026-11-08', '238.50'),
                        ('2026-11-13', '2026-11-14', '176.00'), ('2026-11-20', '2026-11-21', '205.40')]:
        s.claim(f'{sub} 12:00', pa, 'OUTPATIENT', '过敏性鼻炎', 'J30.4', [out('中山大学附属第一医院', v, amt, a)], [])

    s = Scenario('hf-near-miss-five-spread-over-32-days',
                 '季红 5 次门诊，就诊 10-01、10-09、10-17、10-25、11-02，各次日提交。首尾相距 32 天，任一 30 天窗口（按就诊或提交日期）最多 4 笔 → '
                 '五笔均无标记。',
                 'Five claims 8 days apart spanning 32 days: no 30-day window (by treatment or submission date) holds '
                 'more than 4; all clean.')
    a = P('季红', '310106', '1978-10-24', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    for v, sub, amt in [('2026-10-01', '2026-10-02', '226.00'), ('2026-10-09', '2026-10-10', '198.40'),
                        ('2026-10-17', '2026-10-18', '254.00'), ('2026-10-25', '2026-10-26', '187.60'),
                        ('2026-11-02', '2026-11-03', '232.80')]:
        s.claim(f'{sub} 10:30', pa, 'OUTPATIENT', '慢性胃炎', 'K29.5',
                [out('复旦大学附属中山医院', v, amt, a)], [])

    s = Scenario('hf-across-two-policies',
                 '苍雪有门诊医疗险和中高端医疗险，两张保单交替理赔：11-03 前四笔无标记；第 5 笔（11-10 提交）30 天内同一身份证号第 5 笔 → '
                 'HIGH_FREQUENCY。',
                 'Claims alternating between two policies of one insured: counted together by ID number, the fifth is '
                 'HIGH_FREQUENCY.')
    a = P('苍雪', '110108', '1991-07-28', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    pb = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    plan = [(pa, '2026-10-22', '2026-11-03 09:00', '168.00', []), (pb, '2026-10-26', '2026-11-03 09:20', '412.00', []),
            (pa, '2026-10-29', '2026-11-03 09:40', '196.50', []), (pb, '2026-11-01', '2026-11-03 10:00', '356.00', []),
            (pa, '2026-11-08', '2026-11-10 09:00', '224.00', [HF])]
    for p, v, at, amt, exp in plan:
        s.claim(at, p, 'OUTPATIENT', '特应性皮炎', 'L20.9', [out('北京大学第一医院', v, amt, a)], exp)

    s = Scenario('hf-near-miss-same-name',
                 '两位同名“刘洋”（不同身份证号）30 天内分别 3 笔和 2 笔理赔，合计 5 笔但属于两个人 → 全部无标记。',
                 'Two different people called 刘洋 with 3 and 2 claims: five claims of two insureds, all clean.')
    a = P('刘洋', '210102', '1995-01-19', 'M')
    b = P('刘洋', '120101', '1993-06-03', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    pb = s.pol(policy(b, 'OUTPATIENT_MEDICAL'))
    plan = [(pa, a, '中国医科大学附属第一医院', '2026-11-02', '2026-11-04', '188.00'),
            (pb, b, '天津医科大学总医院', '2026-11-03', '2026-11-04', '246.00'),
            (pa, a, '中国医科大学附属第一医院', '2026-11-06', '2026-11-07', '152.60'),
            (pb, b, '天津医科大学总医院', '2026-11-08', '2026-11-09', '208.00'),
            (pa, a, '中国医科大学附属第一医院', '2026-11-10', '2026-11-11', '174.50')]
    for p, who, h, v, sub, amt in plan:
        s.claim(f'{sub} 15:00', p, 'OUTPATIENT', '急性胃肠炎', 'K52.9', [out(h, v, amt, who)], [])

    s = Scenario('hf-mixed-inpatient-and-outpatient',
                 '郏凤兰 30 天内 3 次门诊、1 次住院（10 月 20 日至 24 日），均于 11-04 提交（无标记）；11-08 提交第 5 笔门诊 → HIGH_FREQUENCY。',
                 'Outpatient and inpatient claims count alike: the fifth claim within 30 days is HIGH_FREQUENCY.')
    a = P('郏凤兰', '340104', '1960-03-10', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-04 09:00', pa, 'OUTPATIENT', '慢性心功能不全', 'I50.9', [out('安徽省立医院', '2026-10-14', '326.00', a)], [])
    s.claim('2026-11-04 09:10', pa, 'INPATIENT', '慢性心功能不全急性加重', 'I50.9',
            [inp('安徽省立医院', '2026-10-20', '2026-10-24', '9860.00', a)], [])
    s.claim('2026-11-04 09:20', pa, 'OUTPATIENT', '慢性心功能不全', 'I50.9', [out('安徽省立医院', '2026-10-28', '284.00', a)], [])
    s.claim('2026-11-04 09:30', pa, 'OUTPATIENT', '慢性心功能不全', 'I50.9', [out('安徽省立医院', '2026-11-02', '298.50', a)], [])
    s.claim('2026-11-08 09:00', pa, 'OUTPATIENT', '慢性心功能不全', 'I50.9', [out('安徽省立医院', '2026-11-06', '312.40', a)], [HF])

    s = Scenario('hf-fifth-claim-reuses-receipt',
                 '段晓丽前 4 笔门诊理赔（11-06 提交）无标记；11-09 第 5 笔理赔再次提交第 4 笔的票据 → HIGH_FREQUENCY + DUPLICATE_RECEIPT。',
                 'The fifth claim within 30 days reuses the fourth claim\'s receipt: HIGH_FREQUENCY and '
                 'DUPLICATE_RECEIPT.')
    a = P('段晓丽', '500103', '1989-10-05', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    last = None
    for i, (v, amt) in enumerate([('2026-10-22', '176.00'), ('2026-10-27', '228.40'), ('2026-10-31', '196.00'),
                                  ('2026-11-04', '268.00')]):
        last = out('陆军军医大学第一附属医院', v, amt, a)
        s.claim(f'2026-11-06 {14 + i:02d}:00', pa, 'OUTPATIENT', '慢性咽炎', 'J31.2', [last], [])
    s.claim('2026-11-09 14:00', pa, 'OUTPATIENT', '慢性咽炎', 'J31.2', [same(last)], ['DUPLICATE_RECEIPT', HF])

    s = Scenario('hf-four-then-two',
                 '侯晓峰四笔门诊理赔 11-12 同一晚提交（无标记）；11-14、11-16 各提交一笔，都是 30 天内第 5、6 笔 → 都 HIGH_FREQUENCY。',
                 'Four claims on one night, then one on each of two later nights: both later claims are HIGH_FREQUENCY.')
    a = P('侯晓峰', '420106', '1983-08-19', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    for i, (v, amt) in enumerate([('2026-10-30', '208.00'), ('2026-11-03', '164.50'), ('2026-11-06', '232.00'),
                                  ('2026-11-10', '186.40')]):
        s.claim(f'2026-11-12 {10 + i:02d}:30', pa, 'OUTPATIENT', '慢性前列腺炎', 'N41.1',
                [out('华中科技大学同济医学院附属协和医院', v, amt, a)], [])
    s.claim('2026-11-14 10:30', pa, 'OUTPATIENT', '慢性前列腺炎', 'N41.1',
            [out('华中科技大学同济医学院附属协和医院', '2026-11-13', '216.00', a)], [HF])
    s.claim('2026-11-16 10:30', pa, 'OUTPATIENT', '慢性前列腺炎', 'N41.1',
            [out('华中科技大学同济医学院附属协和医院', '2026-11-15', '198.00', a)], [HF])

    s = Scenario('hf-toddler',
                 '3 岁的邵子轩反复呼吸道感染，30 天内 5 次儿科门诊；前 4 笔 11-09 之前各自提交（无标记），第 5 笔 11-13 提交 → HIGH_FREQUENCY。'
                 '票据交款人为孩子本人（与被保险人一致）。',
                 'A toddler with five outpatient claims within 30 days: the fifth is HIGH_FREQUENCY. The receipts name '
                 'the child, so no payer flag.')
    a = P('邵子轩', '110105', '2023-05-20', 'M')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    for v, sub, amt, exp in [('2026-10-19', '2026-10-20', '286.00', []), ('2026-10-26', '2026-10-27', '342.50', []),
                             ('2026-11-01', '2026-11-02', '258.00', []), ('2026-11-07', '2026-11-08', '316.00', []),
                             ('2026-11-12', '2026-11-13', '298.60', [HF])]:
        s.claim(f'{sub} 21:00', pa, 'OUTPATIENT', '急性上呼吸道感染', 'J06.9',
                [out('首都医科大学附属北京儿童医院', v, amt, a, insurance='城乡居民基本医疗保险')], exp)
