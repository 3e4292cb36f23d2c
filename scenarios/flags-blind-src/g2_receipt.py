"""Group 2: the receipt itself (RECEIPT_TOTAL_MISMATCH, PAYMENT_SPLIT_MISMATCH, CLAIMED_AMOUNT_MISMATCH,
PAYER_MISMATCH, DATE_INCONSISTENT). Expected flags are written by hand on every claim."""
from lib import Scenario, Person as P, person_x, policy, out, inp, items

RTM, PSM, CAM, PAY, DATE = 'RECEIPT_TOTAL_MISMATCH', 'PAYMENT_SPLIT_MISMATCH', 'CLAIMED_AMOUNT_MISMATCH', \
    'PAYER_MISMATCH', 'DATE_INCONSISTENT'
SURG = ['床位费', '护理费', '检查费', '化验费', '手术费', '麻醉费', '西药费', '卫生材料费']


def build():
    # ---------------------------------------------------------------- receipt total
    s = Scenario('total-items-100-short',
                 '白晓峰门诊票据合计 860.00，而项目（西药费 412.30 + 检查费 210.00 + 治疗费 137.70）只有 760.00 → RECEIPT_TOTAL_MISMATCH。'
                 '支付构成与合计一致，申请金额等于合计。',
                 'Items add up to 760.00 against a total of 860.00: RECEIPT_TOTAL_MISMATCH; the payments and the claim '
                 'agree with the total.')
    a = P('白晓峰', '110102', '1983-02-14', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-17 09:20', pa, 'OUTPATIENT', '膝关节骨关节炎', 'M17.9',
            [out('北京积水潭医院', '2026-11-05', '860.00', a, items=items('西药费', '412.30', '检查费', '210.00', '治疗费',
                                                                     '137.70'))], [RTM])

    s = Scenario('total-words-thousands-wrong',
                 '俞海燕住院票据合计(小写) 8650.40，合计(大写) 印成“玖仟陆佰伍拾元肆角整” → RECEIPT_TOTAL_MISMATCH。',
                 'The capital form reads 9,650.40 against 8,650.40: RECEIPT_TOTAL_MISMATCH.')
    a = P('俞海燕', '330102', '1979-06-30', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-17 14:05', pa, 'INPATIENT', '急性胰腺炎', 'K85.9',
            [inp('浙江大学医学院附属第二医院', '2026-10-20', '2026-10-27', '8650.40', a,
                 totalAmountInWords='玖仟陆佰伍拾元肆角整')], [RTM])

    s = Scenario('total-words-drop-fen',
                 '潘启明门诊票据合计 1234.56，大写印成“壹仟贰佰叁拾肆元伍角整”，少了陆分 → RECEIPT_TOTAL_MISMATCH（差 0.06，'
                 '超过 0.01 容差）。',
                 'The capital form drops the 6 fen (1,234.50 against 1,234.56): RECEIPT_TOTAL_MISMATCH.')
    a = P('潘启明', '350203', '1971-09-17', 'M')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-17 18:30', pa, 'OUTPATIENT', '2型糖尿病', 'E11.9',
            [out('福建医科大学附属协和医院', '2026-11-06', '1234.56', a, totalAmountInWords='壹仟贰佰叁拾肆元伍角整')], [RTM])

    s = Scenario('total-items-over-inpatient',
                 '崔海波住院票据合计 15620.00，项目之和 15920.00（多 300.00）→ RECEIPT_TOTAL_MISMATCH。',
                 'Inpatient items add up to 300.00 more than the total: RECEIPT_TOTAL_MISMATCH.')
    a = P('崔海波', '120101', '1968-04-03', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-18 08:50', pa, 'INPATIENT', '不稳定型心绞痛', 'I20.0',
            [inp('天津医科大学总医院', '2026-10-15', '2026-10-22', '15620.00', a,
                 items=items('床位费', '560.00', '护理费', '420.00', '检查费', '3260.00', '化验费', '1880.00',
                             '治疗费', '4150.00', '西药费', '3980.00', '卫生材料费', '1670.00'))], [RTM])

    s = Scenario('total-words-wan-digit',
                 '任晓雯住院票据合计 23415.00，大写印“叁万叁仟肆佰壹拾伍元整”（万位错）→ RECEIPT_TOTAL_MISMATCH。',
                 'The ten-thousands digit of the capital form is wrong (33,415 against 23,415): RECEIPT_TOTAL_MISMATCH.')
    a = P('任晓雯', '610113', '1985-11-02', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-18 11:10', pa, 'INPATIENT', '卵巢囊肿', 'N83.2',
            [inp('西安交通大学第一附属医院', '2026-10-12', '2026-10-17', '23415.00', a, item_names=SURG,
                 totalAmountInWords='叁万叁仟肆佰壹拾伍元整')], [RTM])

    s = Scenario('total-items-50-fen-short',
                 '汤立群门诊票据合计 642.80，项目之和 642.30（差 0.50）→ RECEIPT_TOTAL_MISMATCH。',
                 'Items 0.50 short of the total: RECEIPT_TOTAL_MISMATCH.')
    a = P('汤立群', '430104', '1962-07-27', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-18 15:40', pa, 'OUTPATIENT', '前列腺增生', 'N40',
            [out('中南大学湘雅医院', '2026-11-07', '642.80', a,
                 items=items('西药费', '388.60', '检查费', '156.00', '化验费', '97.70'))], [RTM])

    s = Scenario('total-items-10-fen-short',
                 '康宁门诊票据合计 318.90，项目之和 318.80（差 0.10，刚超过 0.01 容差）→ RECEIPT_TOTAL_MISMATCH。',
                 'Items 0.10 short of the total, just beyond the one-cent tolerance: RECEIPT_TOTAL_MISMATCH.')
    a = P('康宁', '320102', '1990-03-03', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-18 20:15', pa, 'OUTPATIENT', '阴道炎', 'N76.0',
            [out('江苏省人民医院', '2026-11-09', '318.90', a,
                 items=items('西药费', '126.40', '化验费', '142.40', '治疗费', '50.00'))], [RTM])

    s = Scenario('total-near-miss-one-cent',
                 '黎嘉欣门诊票据合计 456.78，项目之和 456.77（差 0.01，舍入误差，在容差内）→ 无标记。',
                 'Items one cent short of the total (rounding, within tolerance): clean.')
    a = P('黎嘉欣', '440106', '1997-10-09', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-19 09:00', pa, 'OUTPATIENT', '急性中耳炎', 'H66.9',
            [out('中山大学附属第一医院', '2026-11-10', '456.78', a,
                 items=items('西药费', '203.45', '检查费', '180.00', '治疗费', '73.32'))], [])

    s = Scenario('total-near-miss-decimal-exact',
                 '钱文斌门诊票据项目 0.10 + 0.20 + 300.00 = 300.30，与合计一致（十进制精确，二进制浮点会出错）→ 无标记。',
                 '0.10 + 0.20 + 300.00 = 300.30 exactly in decimal: clean.')
    a = P('钱文斌', '330106', '1982-12-19', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-19 12:25', pa, 'OUTPATIENT', '慢性鼻炎', 'J31.0',
            [out('杭州市第一人民医院', '2026-11-11', '300.30', a,
                 items=items('卫生材料费', '0.10', '诊察费', '0.20', '西药费', '300.00'))], [])

    s = Scenario('total-near-miss-words-with-zeros',
                 '严国华住院票据合计 10005.05，大写“壹万零伍元零伍分”写法正确 → 无标记。',
                 'A total of 10,005.05 correctly written 壹万零伍元零伍分: clean.')
    a = P('严国华', '320508', '1960-05-16', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-19 16:50', pa, 'INPATIENT', '社区获得性肺炎', 'J18.9',
            [inp('苏州大学附属第一医院', '2026-10-21', '2026-10-28', '10005.05', a)], [])

    s = Scenario('total-raised-items-words-and-payments-disagree',
                 '邱凤英门诊票据合计(小写)为 1880.00，但项目之和、合计(大写)“壹仟贰佰捌拾元整”和四项支付之和都是 1280.00 → '
                 'RECEIPT_TOTAL_MISMATCH + PAYMENT_SPLIT_MISMATCH；申请金额等于合计 1880.00，不判申请金额不符。',
                 'The numeric total reads 1,880.00 while items, capital form and payments all say 1,280.00: '
                 'RECEIPT_TOTAL_MISMATCH and PAYMENT_SPLIT_MISMATCH; the claim equals the numeric total.')
    a = P('邱凤英', '360102', '1974-08-12', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-19 19:35', pa, 'OUTPATIENT', '慢性胆囊炎', 'K81.1',
            [out('南昌大学第一附属医院', '2026-11-12', '1880.00', a,
                 items=items('西药费', '612.00', '检查费', '468.00', '化验费', '200.00'),
                 totalAmountInWords='壹仟贰佰捌拾元整', fundPayment='768.00', otherPayment='0.00',
                 personalAccountPayment='64.00', personalCashPayment='448.00', selfPayPortion='380.00',
                 selfExpense='132.00')], [RTM, PSM])

    s = Scenario('total-words-transposed',
                 '尹志伟住院票据合计 3526.00，大写印“叁仟伍佰陆拾贰元整”（数字颠倒）→ RECEIPT_TOTAL_MISMATCH。',
                 'Capital form with two digits swapped (3,562 against 3,526): RECEIPT_TOTAL_MISMATCH.')
    a = P('尹志伟', '500103', '1993-02-22', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-20 10:15', pa, 'INPATIENT', '急性胃肠炎', 'K52.9',
            [inp('重庆医科大学附属第一医院', '2026-11-02', '2026-11-05', '3526.00', a, totalAmountInWords='叁仟伍佰陆拾贰元整')],
            [RTM])

    # ---------------------------------------------------------------- payment split
    s = Scenario('paysplit-cash-200-short',
                 '黎明门诊票据合计 1560.00；统筹 936.00 + 其他 0 + 个人账户 78.00 + 个人现金 346.00 = 1360.00 → PAYMENT_SPLIT_MISMATCH。',
                 'The four payments add up to 1,360.00 against 1,560.00: PAYMENT_SPLIT_MISMATCH.')
    a = P('黎明', '440305', '1988-01-08', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-20 14:40', pa, 'OUTPATIENT', '痔疮', 'K64.9',
            [out('深圳市人民医院', '2026-11-11', '1560.00', a, fundPayment='936.00', personalAccountPayment='78.00',
                 personalCashPayment='346.00', selfPayPortion='300.00', selfExpense='124.00')], [PSM])

    s = Scenario('paysplit-other-payment-on-top',
                 '孟庆华住院票据合计 24300.00；统筹 15795.00 + 其他(大病保险) 2000.00 + 个人账户 500.00 + 个人现金 8005.00 = 26300.00，'
                 '多出 2000.00 → PAYMENT_SPLIT_MISMATCH。',
                 'A 2,000.00 other payment printed on top of an already complete split (26,300 against 24,300): '
                 'PAYMENT_SPLIT_MISMATCH.')
    a = P('孟庆华', '370102', '1963-10-27', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-20 18:55', pa, 'INPATIENT', '脑梗死', 'I63.9',
            [inp('山东大学齐鲁医院', '2026-10-10', '2026-10-21', '24300.00', a, fundPayment='15795.00',
                 otherPayment='2000.00', personalAccountPayment='500.00', personalCashPayment='8005.00',
                 selfPayPortion='6200.00', selfExpense='2305.00')], [PSM])

    s = Scenario('paysplit-cash-digits-swapped',
                 '程慧住院票据合计 12846.50；个人现金应为 3853.94，印成 3583.94，四项之和 12576.50 → PAYMENT_SPLIT_MISMATCH。',
                 'Personal cash printed 3,583.94 instead of 3,853.94: the split is 270.00 short, PAYMENT_SPLIT_MISMATCH.')
    a = P('程慧', '340104', '1986-06-25', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-21 09:30', pa, 'INPATIENT', '急性阑尾炎', 'K35.8',
            [inp('安徽省立医院', '2026-10-24', '2026-10-29', '12846.50', a, item_names=SURG, fundPayment='8350.23',
                 personalAccountPayment='642.33', personalCashPayment='3583.94', selfPayPortion='2950.00',
                 selfExpense='1276.27')], [PSM])

    s = Scenario('paysplit-10-fen-over',
                 '贺立伟门诊票据合计 688.80；统筹 413.28 + 个人账户 34.44 + 个人现金 241.18 = 688.90（差 0.10）→ PAYMENT_SPLIT_MISMATCH。',
                 'Payments 0.10 over the total, beyond the one-cent tolerance: PAYMENT_SPLIT_MISMATCH.')
    a = P('贺立伟', '420102', '1992-04-14', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-21 13:45', pa, 'OUTPATIENT', '慢性前列腺炎', 'N41.1',
            [out('华中科技大学同济医学院附属协和医院', '2026-11-13', '688.80', a, fundPayment='413.28',
                 personalAccountPayment='34.44', personalCashPayment='241.18', selfPayPortion='200.00',
                 selfExpense='75.62')], [PSM])

    s = Scenario('paysplit-near-miss-one-cent',
                 '雷佳门诊票据合计 512.35；四项支付之和 512.36（差 0.01，在容差内）→ 无标记。',
                 'Payments one cent over the total (within tolerance): clean.')
    a = P('雷佳', '510104', '1995-07-07', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-21 17:20', pa, 'OUTPATIENT', '慢性胃炎', 'K29.5',
            [out('四川大学华西医院', '2026-11-14', '512.35', a, fundPayment='307.41', personalAccountPayment='25.62',
                 personalCashPayment='179.33', selfPayPortion='150.00', selfExpense='54.95')], [])

    s = Scenario('paysplit-near-miss-serious-illness-insurance',
                 '毛建军住院票据有“其他支付”（大病保险）8500.00：统筹 34068.00 + 其他 8500.00 + 个人账户 1200.00 + 个人现金 13012.00 = '
                 '56780.00 与合计一致 → 无标记。',
                 'A non-zero other payment (serious-illness insurance) in a split that adds up: clean.')
    a = P('毛建军', '410105', '1957-03-30', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-22 10:05', pa, 'INPATIENT', '慢性心力衰竭', 'I50.9',
            [inp('郑州大学第一附属医院', '2026-10-08', '2026-10-26', '56780.00', a, fundPayment='34068.00',
                 otherPayment='8500.00', personalAccountPayment='1200.00', personalCashPayment='13012.00',
                 selfPayPortion='10400.00', selfExpense='3812.00')], [])

    s = Scenario('paysplit-near-miss-self-pay-lines',
                 '葛晓琳门诊票据四项支付之和等于合计；个人自付/个人自费两行与个人现金对不上，但它们不属于合同里的支付构成检查 → 无标记。',
                 'The four payments add up; the 个人自付/个人自费 lines do not match the cash payment, but they are not '
                 'part of the contract\'s split check: clean.')
    a = P('葛晓琳', '310106', '1984-09-05', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-22 13:30', pa, 'OUTPATIENT', '乳腺增生', 'N60.1',
            [out('复旦大学附属中山医院', '2026-11-15', '932.00', a, fundPayment='596.48', personalAccountPayment='35.52',
                 personalCashPayment='300.00', selfPayPortion='120.00', selfExpense='45.00')], [])

    s = Scenario('paysplit-fund-above-total',
                 '向东门诊票据合计 3200.00，统筹支付印成 3520.00，个人支付为 0 → 四项之和 3520.00 → PAYMENT_SPLIT_MISMATCH。',
                 'The fund payment alone (3,520.00) exceeds the total (3,200.00): PAYMENT_SPLIT_MISMATCH.')
    a = P('向东', '430104', '1978-12-01', 'M')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-22 16:40', pa, 'OUTPATIENT', '类风湿关节炎', 'M06.9',
            [out('中南大学湘雅二医院', '2026-11-16', '3200.00', a, fundPayment='3520.00', personalAccountPayment='0.00',
                 personalCashPayment='0.00', selfPayPortion='0.00', selfExpense='0.00')], [PSM])

    s = Scenario('paysplit-and-claimed-follow-payments',
                 '苗晓燕门诊票据合计 2045.60，四项支付之和 2145.60 → PAYMENT_SPLIT_MISMATCH；申请金额 2145.60 与票据合计不符 → '
                 'CLAIMED_AMOUNT_MISMATCH。',
                 'Payments add up to 2,145.60 against a total of 2,045.60 (PAYMENT_SPLIT_MISMATCH) and the claim asks '
                 '2,145.60 (CLAIMED_AMOUNT_MISMATCH).')
    a = P('苗晓燕', '130102', '1983-05-11', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-22 20:05', pa, 'OUTPATIENT', '甲状腺功能亢进症', 'E05.9',
            [out('河北医科大学第二医院', '2026-11-14', '2045.60', a, fundPayment='1227.36', personalAccountPayment='102.28',
                 personalCashPayment='815.96', selfPayPortion='700.00', selfExpense='218.24')], [PSM, CAM],
            claimed='2145.60')

    s = Scenario('paysplit-second-of-two',
                 '邵卫东两张门诊票据，第一张一致；第二张合计 745.00，四项之和 705.00 → PAYMENT_SPLIT_MISMATCH。',
                 'The second of two receipts has a split 40.00 short: PAYMENT_SPLIT_MISMATCH.')
    a = P('邵卫东', '320102', '1975-08-19', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-23 09:15', pa, 'OUTPATIENT', '腰椎管狭窄', 'M48.0',
            [out('南京鼓楼医院', '2026-11-03', '280.00', a),
             out('南京鼓楼医院', '2026-11-17', '745.00', a, fundPayment='447.00', personalAccountPayment='37.25',
                 personalCashPayment='220.75', selfPayPortion='180.00', selfExpense='78.00')], [PSM])

    s = Scenario('paysplit-resident-insurance-short',
                 '吕桂兰（城乡居民医保，无个人账户）住院票据合计 4380.00，统筹 2190.00 + 个人现金 2090.00 = 4280.00 → PAYMENT_SPLIT_MISMATCH。',
                 'Resident insurance, no personal account; fund + cash is 100.00 short: PAYMENT_SPLIT_MISMATCH.')
    a = P('吕桂兰', '360102', '1955-02-09', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-23 12:50', pa, 'INPATIENT', '肺部感染', 'J18.9',
            [inp('南昌大学第一附属医院', '2026-11-01', '2026-11-06', '4380.00', a, insurance='城乡居民基本医疗保险',
                 fundPayment='2190.00', personalAccountPayment='0.00', personalCashPayment='2090.00',
                 selfPayPortion='1700.00', selfExpense='490.00')], [PSM])

    # ---------------------------------------------------------------- claimed amount
    s = Scenario('claimed-padded-1000',
                 '庞立门诊票据合计 1368.00，申请 2368.00 → CLAIMED_AMOUNT_MISMATCH。',
                 'The claim asks 1,000.00 more than the receipt: CLAIMED_AMOUNT_MISMATCH.')
    a = P('庞立', '210102', '1981-10-30', 'M')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-23 16:35', pa, 'OUTPATIENT', '慢性鼻窦炎', 'J32.9',
            [out('中国医科大学附属第一医院', '2026-11-16', '1368.00', a)], [CAM], claimed='2368.00')

    s = Scenario('claimed-less-than-receipt',
                 '夏梦门诊票据合计 2356.00，申请 2000.00（少于票据）→ CLAIMED_AMOUNT_MISMATCH（约定：多或少都判）。',
                 'The claim asks less than the receipt: CLAIMED_AMOUNT_MISMATCH (either direction is flagged).')
    a = P('夏梦', '330102', '1996-01-26', 'F')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-23 20:20', pa, 'OUTPATIENT', '多囊卵巢综合征', 'E28.2',
            [out('浙江大学医学院附属邵逸夫医院', '2026-11-17', '2356.00', a)], [CAM], claimed='2000.00')

    s = Scenario('claimed-only-first-of-two',
                 '聂晓光两张门诊票据 386.00 + 542.50 = 928.50，申请只写 386.00 → CLAIMED_AMOUNT_MISMATCH（比较的是全部票据之和）。',
                 'Two receipts (928.50) but the claim asks only the first (386.00): CLAIMED_AMOUNT_MISMATCH.')
    a = P('聂晓光', '410105', '1969-07-03', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-24 09:40', pa, 'OUTPATIENT', '高血压病', 'I10',
            [out('郑州大学第一附属医院', '2026-11-10', '386.00', a), out('郑州大学第一附属医院', '2026-11-18', '542.50', a)],
            [CAM], claimed='386.00')

    s = Scenario('claimed-10-fen-over',
                 '祝红霞门诊票据合计 745.30，申请 745.40（差 0.10）→ CLAIMED_AMOUNT_MISMATCH。',
                 'The claim is 0.10 over the receipt, beyond the one-cent tolerance: CLAIMED_AMOUNT_MISMATCH.')
    a = P('祝红霞', '530102', '1987-04-23', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-24 13:05', pa, 'OUTPATIENT', '过敏性皮炎', 'L23.9',
            [out('昆明医科大学第一附属医院', '2026-11-19', '745.30', a)], [CAM], claimed='745.40')

    s = Scenario('claimed-near-miss-one-cent',
                 '武晨门诊票据合计 578.66，申请 578.65（差 0.01，在容差内）→ 无标记。',
                 'The claim is one cent under the receipt (within tolerance): clean.')
    a = P('武晨', '120101', '1994-11-14', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-24 16:45', pa, 'OUTPATIENT', '急性腰扭伤', 'S33.5',
            [out('天津医科大学总医院', '2026-11-20', '578.66', a)], [], claimed='578.65')

    s = Scenario('claimed-near-miss-decimal-sum',
                 '温静两张门诊票据 100.10 + 200.20 = 300.30，申请 300.30（十进制精确）→ 无标记。',
                 'Two receipts of 100.10 and 200.20 sum to exactly 300.30, the claimed amount: clean.')
    a = P('温静', '440106', '1992-02-29', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-24 19:10', pa, 'OUTPATIENT', '急性膀胱炎', 'N30.0',
            [out('南方医科大学南方医院', '2026-11-18', '100.10', a), out('南方医科大学南方医院', '2026-11-21', '200.20', a)], [])

    s = Scenario('claimed-hospital-cash-allowance',
                 '邢玉珍（住院津贴险）住院 5 天，按每天 300 元申请 1500.00，所附票据合计 12340.00 → CLAIMED_AMOUNT_MISMATCH（合同只与票据之和比较，'
                 '津贴险也不例外）。',
                 'A hospital-cash claim asks 5 days x 300.00 = 1,500.00 against a 12,340.00 receipt: '
                 'CLAIMED_AMOUNT_MISMATCH (the contract compares with the receipts only, for this product too).')
    a = P('邢玉珍', '370202', '1965-06-08', 'F')
    pa = s.pol(policy(a, 'HOSPITAL_CASH', req='ANY'))
    s.claim('2026-11-25 09:20', pa, 'INPATIENT', '急性支气管炎', 'J20.9',
            [inp('青岛大学附属医院', '2026-11-05', '2026-11-10', '12340.00', a)], [CAM], claimed='1500.00')

    s = Scenario('claimed-three-receipts-digits-swapped',
                 '舒畅三张门诊票据 210.00 + 356.50 + 98.20 = 664.70，申请写成 646.70 → CLAIMED_AMOUNT_MISMATCH。',
                 'Three receipts total 664.70; the claim asks 646.70: CLAIMED_AMOUNT_MISMATCH.')
    a = P('舒畅', '420106', '1998-09-28', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-25 12:40', pa, 'OUTPATIENT', '消化性溃疡', 'K27.9',
            [out('武汉大学人民医院', '2026-10-28', '210.00', a), out('武汉大学人民医院', '2026-11-04', '356.50', a),
             out('武汉大学人民医院', '2026-11-18', '98.20', a)], [CAM], claimed='646.70')

    s = Scenario('claimed-decimal-shift',
                 '谭永康住院票据合计 4568.00，申请 45680.00（小数点错位）→ CLAIMED_AMOUNT_MISMATCH。',
                 'The claim asks ten times the receipt: CLAIMED_AMOUNT_MISMATCH.')
    a = P('谭永康', '500103', '1976-11-06', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-25 17:55', pa, 'INPATIENT', '急性胆囊炎', 'K81.0',
            [inp('陆军军医大学第一附属医院', '2026-11-08', '2026-11-12', '4568.00', a)], [CAM], claimed='45680.00')

    # ---------------------------------------------------------------- payer
    s = Scenario('payer-near-homophone',
                 '被保险人王丽，票据交款人印“王莉”（身份证号掩码相同）→ PAYER_MISMATCH（姓名须完全一致，由理赔员确认是否医院录错）。',
                 'The receipt names 王莉 for the insured 王丽 (same masked ID): PAYER_MISMATCH; the adjuster confirms '
                 'whether the hospital mistyped the name.')
    a = P('王丽', '330102', '1990-01-01', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    r = out('杭州市第一人民医院', '2026-11-12', '276.40', a, payerName='王莉')
    s.claim('2026-11-26 09:10', pa, 'OUTPATIENT', '急性胃炎', 'K29.1', [r], [PAY])

    s = Scenario('payer-same-name-other-person',
                 '被保险人张伟（110105 开头）；票据交款人也叫张伟，但身份证号掩码（110108…）是另一人 → PAYER_MISMATCH。',
                 'Same name, but the masked ID number on the receipt belongs to another 张伟: PAYER_MISMATCH.')
    a = P('张伟', '110105', '1985-03-12', 'M')
    other = P('张伟', '110108', '1987-09-30', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-26 11:35', pa, 'OUTPATIENT', '急性结膜炎', 'H10.3',
            [out('北京大学第一医院', '2026-11-20', '188.00', other)], [PAY])

    s = Scenario('payer-father-for-child',
                 '被保险人为 8 岁的李子墨，票据交款人为父亲李建国 → PAYER_MISMATCH（约定：父母代付也标记，由理赔员核实监护关系）。',
                 'An 8-year-old insured; the receipt is made out to her father: PAYER_MISMATCH (a parent paying is '
                 'flagged; the adjuster confirms guardianship).')
    a = P('李子墨', '510107', '2018-06-15', 'F')
    f = P('李建国', '510107', '1986-02-03', 'M')
    pa = s.pol(policy(a, 'HIGH_END_MEDICAL', req='ANY'))
    s.claim('2026-11-26 14:20', pa, 'INPATIENT', '支气管肺炎', 'J18.0',
            [inp('四川大学华西医院', '2026-11-09', '2026-11-14', '7640.00', f, insurance='城乡居民基本医疗保险')], [PAY])

    s = Scenario('payer-husband-name',
                 '被保险人刘芳，门诊票据交款人为丈夫赵明 → PAYER_MISMATCH。',
                 'The receipt is made out to the insured\'s husband: PAYER_MISMATCH.')
    a = P('刘芳', '440305', '1989-12-07', 'F')
    h = P('赵明', '440305', '1987-05-19', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-26 18:00', pa, 'OUTPATIENT', '急性乳腺炎', 'N61',
            [out('深圳市人民医院', '2026-11-21', '634.00', h)], [PAY])

    s = Scenario('payer-masked-id-last-digits-differ',
                 '被保险人周敏；票据交款人同名同出生日期，但掩码后四位不同 → PAYER_MISMATCH（姓名和身份证号都要一致）。',
                 'Same name and birth date, different last four ID characters: PAYER_MISMATCH.')
    a = P('周敏', '320102', '1991-08-08', 'F')
    twin = P('周敏', '320102', '1991-08-08', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-27 09:45', pa, 'OUTPATIENT', '焦虑状态', 'F41.9',
            [out('南京鼓楼医院', '2026-11-19', '420.60', twin)], [PAY])

    s = Scenario('payer-variant-character',
                 '被保险人陈晨，票据交款人印“陈辰” → PAYER_MISMATCH。',
                 '陈辰 on the receipt for the insured 陈晨: PAYER_MISMATCH.')
    a = P('陈晨', '310115', '1993-03-18', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-27 13:15', pa, 'OUTPATIENT', '急性扁桃体炎', 'J03.9',
            [out('上海交通大学医学院附属仁济医院', '2026-11-22', '356.00', a, payerName='陈辰')], [PAY])

    s = Scenario('payer-mother-on-second-receipt',
                 '被保险人胡静怡两张门诊票据，第一张交款人为本人；第二张交款人为母亲胡秀英 → PAYER_MISMATCH。',
                 'The second of two receipts is made out to the insured\'s mother: PAYER_MISMATCH.')
    a = P('胡静怡', '370202', '2000-10-16', 'F')
    m = P('胡秀英', '370202', '1972-04-29', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-27 17:30', pa, 'OUTPATIENT', '痤疮', 'L70.0',
            [out('青岛大学附属医院', '2026-11-06', '215.00', a), out('青岛大学附属医院', '2026-11-20', '268.50', m)], [PAY])

    s = Scenario('payer-near-miss-id-ending-x',
                 '被保险人邵雪梅的身份证号末位为校验码 X，票据交款人姓名和掩码（…X 结尾）与之完全一致 → 无标记。',
                 'An ID number ending in the check character X, printed the same on the receipt: clean.')
    a = person_x('邵雪梅', '330106', '1984-07-21', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-27 20:40', pa, 'OUTPATIENT', '慢性荨麻疹', 'L50.8',
            [out('浙江大学医学院附属第一医院', '2026-11-23', '298.80', a)], [])

    # ---------------------------------------------------------------- dates on the receipt
    s = Scenario('date-issue-day-before-visit',
                 '俞斌门诊票据开票日期 11-08 早于就诊日期 11-09 → DATE_INCONSISTENT。',
                 'Issued the day before the visit: DATE_INCONSISTENT.')
    a = P('俞斌', '330102', '1980-04-09', 'M')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-17 10:40', pa, 'OUTPATIENT', '急性胃肠炎', 'K52.9',
            [out('浙江省人民医院', '2026-11-09', '342.00', a, issue='2026-11-08')], [DATE])

    s = Scenario('date-issue-before-discharge',
                 '龚丽娟住院票据开票日期 10-20 早于出院日期 10-25 → DATE_INCONSISTENT。',
                 'An inpatient receipt issued five days before discharge: DATE_INCONSISTENT.')
    a = P('龚丽娟', '420102', '1971-12-22', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-18 10:20', pa, 'INPATIENT', '子宫腺肌病', 'N80.0',
            [inp('华中科技大学同济医学院附属同济医院', '2026-10-18', '2026-10-25', '21360.00', a, item_names=SURG,
                 issue='2026-10-20')], [DATE])

    s = Scenario('date-hospital-days-count-both-ends',
                 '段海涛住院 11-03 入院、11-10 出院，应为 7 天；票面住院天数 8（头尾都算）→ DATE_INCONSISTENT。',
                 '住院天数 8 for 11-03 to 11-10 (both ends counted): DATE_INCONSISTENT.')
    a = P('段海涛', '610113', '1967-09-01', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-19 11:30', pa, 'INPATIENT', '高血压性心脏病', 'I11.9',
            [inp('空军军医大学西京医院', '2026-11-03', '2026-11-10', '14280.50', a, hospitalDays=8)], [DATE])

    s = Scenario('date-hospital-days-far-off',
                 '郝建平住院 10-14 至 10-26 应为 12 天，票面 3 天 → DATE_INCONSISTENT。',
                 '住院天数 3 for a 12-night stay: DATE_INCONSISTENT.')
    a = P('郝建平', '130102', '1959-01-17', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-20 11:50', pa, 'INPATIENT', '慢性阻塞性肺病伴急性加重', 'J44.1',
            [inp('河北医科大学第二医院', '2026-10-14', '2026-10-26', '19850.00', a, hospitalDays=3)], [DATE])

    s = Scenario('date-near-miss-day-surgery',
                 '鲍晓宇日间手术：入院出院同为 11-12，住院天数 0，开票同日 → 无标记。',
                 'Day surgery admitted and discharged on 11-12, 住院天数 0: clean.')
    a = P('鲍晓宇', '310104', '1988-05-27', 'M')
    pa = s.pol(policy(a))
    s.claim('2026-11-21 11:00', pa, 'INPATIENT', '结肠息肉', 'K63.5',
            [inp('复旦大学附属中山医院', '2026-11-12', '2026-11-12', '6820.00', a,
                 item_names=['检查费', '化验费', '治疗费', '手术费', '麻醉费', '西药费', '卫生材料费'])], [])

    s = Scenario('date-near-miss-issued-week-after-discharge',
                 '柳红住院 10-28 出院，11-04 才结算开票（晚于出院）→ 无标记。',
                 'The receipt is issued a week after discharge, which is allowed: clean.')
    a = P('柳红', '430104', '1973-03-05', 'F')
    pa = s.pol(policy(a))
    s.claim('2026-11-22 11:15', pa, 'INPATIENT', '腰椎间盘突出症', 'M51.2',
            [inp('中南大学湘雅医院', '2026-10-19', '2026-10-28', '17650.00', a, issue='2026-11-04')], [])

    s = Scenario('date-second-receipt-issued-before-visit',
                 '符晓两张门诊票据，第二张就诊 11-14、开票 11-13 → DATE_INCONSISTENT。',
                 'The second of two receipts is issued the day before its visit: DATE_INCONSISTENT.')
    a = P('符晓', '440106', '1990-08-31', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-23 11:25', pa, 'OUTPATIENT', '慢性盆腔炎', 'N73.1',
            [out('广东省人民医院', '2026-11-07', '265.00', a),
             out('广东省人民医院', '2026-11-14', '432.60', a, issue='2026-11-13')], [DATE])

    s = Scenario('date-issue-before-discharge-and-days-wrong',
                 '季国强住院 10-22 至 10-31（9 天），票面住院天数 10，开票 10-30 早于出院 → DATE_INCONSISTENT（一个标记）。',
                 'Both date faults on one receipt (住院天数 10 for 9 nights, issued before discharge): one '
                 'DATE_INCONSISTENT flag.')
    a = P('季国强', '320508', '1964-10-10', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-24 11:35', pa, 'INPATIENT', '脑出血', 'I61.9',
            [inp('苏州大学附属第一医院', '2026-10-22', '2026-10-31', '42300.00', a, hospitalDays=10, issue='2026-10-30')],
            [DATE])

    s = Scenario('date-near-miss-stay-across-month-end',
                 '金淑华住院 10-20 至 11-04，跨月 15 天，票面 15 → 无标记。',
                 'A stay across the month end, 15 nights, printed 15: clean.')
    a = P('金淑华', '210102', '1956-12-12', 'F')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-25 11:05', pa, 'INPATIENT', '股骨颈骨折', 'S72.0',
            [inp('中国医科大学附属第一医院', '2026-10-20', '2026-11-04', '48900.00', a, item_names=SURG)], [])

    s = Scenario('date-issued-previous-month',
                 '聂欣门诊就诊 11-01，票据开票日期 10-31（上月）→ DATE_INCONSISTENT。',
                 'Visit on 11-01, receipt issued 10-31: DATE_INCONSISTENT.')
    a = P('聂欣', '350203', '1997-01-09', 'F')
    pa = s.pol(policy(a, 'OUTPATIENT_MEDICAL'))
    s.claim('2026-11-26 11:20', pa, 'OUTPATIENT', '急性上呼吸道感染', 'J06.9',
            [out('厦门大学附属第一医院', '2026-11-01', '158.50', a, issue='2026-10-31')], [DATE])

    s = Scenario('date-discharge-before-admission',
                 '汪德胜住院票据入院 10-20、出院 10-14（日期颠倒），住院天数印 6，与日期不符 → DATE_INCONSISTENT。',
                 'Discharge printed before admission (10-20 / 10-14) with 住院天数 6: DATE_INCONSISTENT.')
    a = P('汪德胜', '340104', '1961-05-28', 'M')
    pa = s.pol(policy(a, 'SENIOR_MEDICAL'))
    s.claim('2026-11-27 11:10', pa, 'INPATIENT', '2型糖尿病伴周围神经病变', 'E11.4',
            [inp('安徽省立医院', '2026-10-20', '2026-10-14', '11260.00', a, hospitalDays=6, issue='2026-10-20')], [DATE])
