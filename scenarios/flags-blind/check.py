#!/usr/bin/env python3
"""Checks the blind anomaly-flag scenario set (scenarios/flags-blind).

Usage: python3 scenarios/flags-blind/check.py [FOLDER]   (default: the folder holding this script)

A copy of scenarios/flags/check.py (whose convention-free helpers it imports) with the same structure and
label checks, adapted to this set's conventions
(README.md): hospitals are classed from the insurer's directory as eligible, ineligible or unknown, and an unknown
hospital is never INELIGIBLE_HOSPITAL; the receipt layout family follows the document type; ID numbers carry a
valid check character; the set's size targets are checked.

Structure checks (always errors):
  - every file that should be JSON parses; policies.jsonl has one policy per line;
  - claim.json has the contract Claim fields, its claimId matches its folder and its policy exists;
  - every document named in claim.json has either a file of that name or a <name>.json receipt
    description beside claim.json (not both), and no stray files are left over;
  - receipt descriptions carry every contract receipt field, a valid documentType and render keys;
  - expected.json lists exactly the claims of the scenario, with contract flag codes only;
  - nights are sorted and unique, and each claim's submittedAt (Asia/Shanghai) falls on one of them;
  - a 票据代码+票据号码 pair is never reused across scenarios.

Label checks: the per-claim and cross-claim conditions of the contract are recomputed from the data
under the conventions written in README.md, and any difference from expected.json is reported.
Two things cannot be computed from the data and are checked more loosely:
  - INELIGIBLE_HOSPITAL: every hospital printed in the set must be in one of the ELIGIBLE, INELIGIBLE or UNKNOWN
    lists below (taken from the directory, knowledge-base/src/main/resources/kb/hospitals.yaml); only INELIGIBLE
    ones are flagged, and only under PUBLIC_GRADE2_PLUS;
  - PROMPT_INJECTION_SUSPECTED: injected text is recognised by a short keyword list.
"""
import datetime as dt
import json
import os
import sys
from decimal import Decimal

# The helpers that do not depend on either set's conventions come from the first set's checker.
sys.dont_write_bytecode = True  # leave no __pycache__ in the scenario folders
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'flags'))
from check import d, is_injury, local_day, mask, treatment_dates, words  # noqa: E402

CODES = ['UNREADABLE_DOCUMENT', 'LOW_CONFIDENCE_EXTRACTION', 'DUPLICATE_RECEIPT', 'RECEIPT_TOTAL_MISMATCH',
         'PAYMENT_SPLIT_MISMATCH', 'CLAIMED_AMOUNT_MISMATCH', 'PAYER_MISMATCH', 'DATE_INCONSISTENT',
         'OUTSIDE_POLICY_PERIOD', 'WAITING_PERIOD', 'EXCLUDED_CONDITION', 'INELIGIBLE_HOSPITAL',
         'SPLIT_HOSPITALIZATION', 'OVERLAPPING_STAYS', 'HIGH_FREQUENCY', 'DOCUMENT_TAMPERING_SUSPECTED',
         'PROMPT_INJECTION_SUSPECTED']
PRODUCT_LINES = ['CRITICAL_ILLNESS', 'CANCER', 'MILLION_MEDICAL', 'CANCER_MEDICAL', 'HIGH_END_MEDICAL',
                 'OUTPATIENT_MEDICAL', 'HOSPITAL_CASH', 'TERM_LIFE', 'WHOLE_LIFE', 'ACCIDENT', 'DISABILITY_INCOME',
                 'LONG_TERM_CARE', 'PREMIUM_WAIVER', 'SENIOR_MEDICAL', 'CHRONIC_MEDICAL']
RECEIPT_FIELDS = ['invoiceCode', 'invoiceNumber', 'checkCode', 'payerName', 'payerIdMasked', 'issueDate',
                  'hospitalName', 'hospitalType', 'insuranceType', 'visitDate', 'admissionDate', 'dischargeDate',
                  'hospitalDays', 'items', 'totalAmount', 'totalAmountInWords', 'fundPayment', 'otherPayment',
                  'personalAccountPayment', 'personalCashPayment', 'selfPayPortion', 'selfExpense']
REQUIRED = ['invoiceCode', 'invoiceNumber', 'issueDate', 'hospitalName', 'totalAmount', 'payerName']
POLICY_FIELDS = ['policyNo', 'applicationId', 'productLine', 'insured', 'effectiveDate', 'expiryDate',
                 'waitingPeriodDays', 'sumInsured', 'deductible', 'hospitalRequirement', 'exclusions']
CLAIM_FIELDS = ['claimId', 'policyNo', 'claimType', 'diagnosis', 'claimedAmount', 'submittedAt', 'documents']
# Public hospitals of grade 2 or above, under their registered names or the aliases the directory lists.
ELIGIBLE = {
    '北京协和医院', '北京大学第一医院', '北京大学第三医院', '北医三院', '首都医科大学附属北京天坛医院',
    '首都医科大学附属北京朝阳医院', '中日友好医院', '北京积水潭医院', '中国医学科学院肿瘤医院', '首都医科大学附属北京儿童医院',
    '北京市第六医院', '北京市垂杨柳医院', '首都医科大学附属复兴医院', '复旦大学附属中山医院', '复旦大学附属华山医院',
    '上海交通大学医学院附属瑞金医院', '瑞金医院', '上海交通大学医学院附属仁济医院', '复旦大学附属肿瘤医院', '上海市第六人民医院',
    '复旦大学附属儿科医院', '浙江大学医学院附属第一医院', '浙大一院', '浙江大学医学院附属第二医院', '浙江大学医学院附属邵逸夫医院',
    '杭州市第一人民医院', '浙江省人民医院', '杭州市西溪医院', '浙江萧山医院', '浙江省肿瘤医院', '中山大学附属第一医院', '中山一院',
    '广东省人民医院', '南方医科大学南方医院', '中山大学肿瘤防治中心', '深圳市人民医院', '南方科技大学医院', '四川大学华西医院',
    '华西医院', '四川省人民医院', '华中科技大学同济医学院附属同济医院', '华中科技大学同济医学院附属协和医院', '武汉协和医院',
    '武汉大学人民医院', '江苏省人民医院', '南京鼓楼医院', '苏州大学附属第一医院', '山东大学齐鲁医院', '齐鲁医院', '山东省立医院',
    '青岛大学附属医院', '西安交通大学第一附属医院', '交大一附院', '空军军医大学西京医院', '西京医院', '郑州大学第一附属医院',
    '中南大学湘雅医院', '湘雅医院', '中南大学湘雅二医院', '重庆医科大学附属第一医院', '陆军军医大学第一附属医院',
    '厦门大学附属第一医院', '福建医科大学附属协和医院', '中国医科大学附属第一医院', '天津医科大学总医院', '安徽省立医院',
    '昆明医科大学第一附属医院', '河北医科大学第二医院', '南昌大学第一附属医院'}
# Private hospitals, grade-1 centres and clinics, and the special departments of public hospitals.
INELIGIBLE = {
    '北京和睦家医院', '北京美中宜和妇儿医院', '上海嘉会国际医院', '上海和睦家医院', '杭州树兰医院', '树兰(杭州)医院', '河北燕达医院',
    '武汉亚心总医院', '卓正医疗深圳福田诊所', '上海爱尔眼科医院', '西安高新医院', '四川锦欣妇女儿童医院', '深圳恒生医院',
    '杭州市上城区湖滨街道社区卫生服务中心', '上海市徐汇区枫林街道社区卫生服务中心', '成都市武侯区玉林社区卫生服务中心',
    '北京市朝阳区潘家园社区卫生服务中心', '北京协和医院国际医疗部', '复旦大学附属华山医院特需医疗科',
    '中山大学附属第一医院国际医疗中心', '四川大学华西医院特需医疗中心', '上海交通大学医学院附属瑞金医院国际医疗中心'}
# Real public hospitals the directory does not list: unverified, never called ineligible.
UNKNOWN = {'义乌市中心医院', '昆山市第一人民医院', '慈溪市人民医院', '张家港市第一人民医院', '佛山市顺德区第一人民医院'}
INJECTION_MARKERS = ['忽略', 'ignore', '系统提示', 'system:', 'you are', 'ai助手', 'ai审核', '审核模型', '大模型',
                     'assistant:', '理赔模型', 'claims model', 'as an ai', '审核程序']
TEXT_ICD = {'甲状腺结节': 'E04', '慢性胃炎': 'K29'}  # diagnosis text without a code, as an adjuster reads it
MIN_SCENARIOS, MIN_CLAIMS, MIN_CLEAN_SHARE, MIN_PER_CODE = 110, 180, 0.40, 7
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
FAMILIES = {'INPATIENT_RECEIPT': ('B', 'D'), 'OUTPATIENT_RECEIPT': ('C', 'E')}
PLANNED = ('Z51.0', 'Z51.1')      # scheduled radiotherapy / chemotherapy admissions
TOL = Decimal('0.01')

errors, warnings = [], []


def err(where, msg):
    errors.append(f'{where}: {msg}')












def category(diag):
    code = diag.get('icd10')
    if code:
        return code.replace('.', '')[:3]
    for text, c in TEXT_ICD.items():
        if text in diag.get('text', ''):
            return c
    return None


def check_insured(where, ins):
    idn = ins.get('idNumber', '')
    if len(idn) != 18 or not idn[:17].isdigit():
        err(where, f'{ins.get("name")}: ID number {idn} has not 18 characters')
        return
    if '10X98765432'[sum(int(c) * w for c, w in zip(idn, ID_WEIGHTS)) % 11] != idn[17]:
        err(where, f'{ins.get("name")}: ID number {idn} has a wrong check character')
    if idn[6:14] != ins.get('birthDate', '').replace('-', ''):
        err(where, f'{ins.get("name")}: birth date differs from the ID number')
    if ('M' if int(idn[16]) % 2 else 'F') != ins.get('sex'):
        err(where, f'{ins.get("name")}: sex differs from the ID number')


def load_json(path, where):
    try:
        with open(path, encoding='utf-8') as fh:
            return json.load(fh)
    except Exception as e:  # noqa: BLE001 - report every parse problem
        err(where, f'invalid JSON in {os.path.basename(path)}: {e}')
        return None




def per_claim_flags(claim, policy, receipts, broken):
    """Flags that depend on this claim alone."""
    flags = set()
    ins = policy['insured']
    if broken:
        flags.add('UNREADABLE_DOCUMENT')
    total_known = True
    rsum = Decimal(0)
    for name, r in receipts.items():
        f = r['fields']
        render = r.get('render', {})
        if any(f.get(k) in (None, '') for k in REQUIRED):
            flags.add('LOW_CONFIDENCE_EXTRACTION')
        if f.get('totalAmount') is None:
            total_known = False
        else:
            tot = Decimal(f['totalAmount'])
            rsum += tot
            items = sum((Decimal(i['amount']) for i in f.get('items') or []), Decimal(0))
            if abs(items - tot) > TOL or (f.get('totalAmountInWords') and f['totalAmountInWords'] != words(tot)):
                flags.add('RECEIPT_TOTAL_MISMATCH')
            pays = sum(Decimal(f[k]) for k in ('fundPayment', 'otherPayment', 'personalAccountPayment',
                                                'personalCashPayment'))
            if abs(pays - tot) > TOL:
                flags.add('PAYMENT_SPLIT_MISMATCH')
        if f.get('payerName') and (f['payerName'] != ins['name'] or f.get('payerIdMasked') != mask(ins['idNumber'])):
            flags.add('PAYER_MISMATCH')
        last = f.get('dischargeDate') or f.get('visitDate')
        if f.get('issueDate') and last and d(f['issueDate']) < d(last):
            flags.add('DATE_INCONSISTENT')
        if f.get('admissionDate') and f.get('dischargeDate') and f.get('hospitalDays') is not None:
            if Decimal(str(f['hospitalDays'])) != (d(f['dischargeDate']) - d(f['admissionDate'])).days:
                flags.add('DATE_INCONSISTENT')
        eff, exp = d(policy['effectiveDate']), d(policy['expiryDate'])
        for t in treatment_dates(r):
            t = d(t)
            if t < eff or t > exp:
                flags.add('OUTSIDE_POLICY_PERIOD')
            elif policy['waitingPeriodDays'] and t < eff + dt.timedelta(days=policy['waitingPeriodDays']) \
                    and not is_injury(claim['diagnosis']):
                flags.add('WAITING_PERIOD')
        if policy['hospitalRequirement'] == 'PUBLIC_GRADE2_PLUS' and f.get('hospitalName') in INELIGIBLE:
            flags.add('INELIGIBLE_HOSPITAL')
        if render.get('tamper'):
            flags.add('DOCUMENT_TAMPERING_SUSPECTED')
        inj = (render.get('injectText') or '').lower()
        if inj and any(m in inj for m in INJECTION_MARKERS):
            flags.add('PROMPT_INJECTION_SUSPECTED')
    code = (claim['diagnosis'].get('icd10') or '').replace('.', '')
    cat = category(claim['diagnosis'])
    for ex in policy.get('exclusions', []):
        for pre in ex['icd10Prefixes']:
            pre = pre.replace('.', '')
            if (code and code.startswith(pre)) or (not code and cat and cat.startswith(pre[:3]) and len(pre) <= 3):
                flags.add('EXCLUDED_CONDITION')
    if total_known and not broken and abs(Decimal(claim['claimedAmount']) - rsum) > TOL:
        flags.add('CLAIMED_AMOUNT_MISMATCH')
    return flags


def cross_claim_flags(scn, claims):
    """claims: list of dicts with claim, policy, receipts, night. Returns {claimId: set(flags)}."""
    out = {c['claim']['claimId']: set() for c in claims}

    def known(c, other):
        return other['night'] <= c['night']
    # DUPLICATE_RECEIPT
    for c in claims:
        keys = [(r['fields'].get('invoiceCode'), r['fields'].get('invoiceNumber')) for r in c['receipts'].values()]
        keys = [k for k in keys if k[0] and k[1]]
        if len(keys) != len(set(keys)):
            out[c['claim']['claimId']].add('DUPLICATE_RECEIPT')
        for o in claims:
            if o is c or not known(c, o):
                continue
            okeys = {(r['fields'].get('invoiceCode'), r['fields'].get('invoiceNumber')) for r in o['receipts'].values()}
            if set(keys) & okeys:
                out[c['claim']['claimId']].add('DUPLICATE_RECEIPT')
    # stays, one per distinct receipt key
    stays = []
    for c in claims:
        for r in c['receipts'].values():
            f = r['fields']
            if f.get('admissionDate') and f.get('dischargeDate') and d(f['admissionDate']) <= d(f['dischargeDate']):
                stays.append({'c': c, 'adm': d(f['admissionDate']), 'dis': d(f['dischargeDate']),
                              'hosp': f.get('hospitalName'), 'key': (f.get('invoiceCode'), f.get('invoiceNumber')),
                              'who': c['policy']['insured']['idNumber']})
    for s in stays:
        for o in stays:
            if o is s or o['who'] != s['who'] or o['key'] == s['key'] or not known(s['c'], o['c']):
                continue
            cid = s['c']['claim']['claimId']
            if s['adm'] < o['dis'] and o['adm'] < s['dis']:
                out[cid].add('OVERLAPPING_STAYS')
            gap = (s['adm'] - o['dis']).days
            if 0 <= gap <= 15 and o['c'] is not s['c']:
                transfer = gap == 0 and s['hosp'] != o['hosp']
                planned = (s['c']['claim']['diagnosis'].get('icd10') or '').startswith(PLANNED)
                related = category(s['c']['claim']['diagnosis']) == category(o['c']['claim']['diagnosis']) \
                    and category(s['c']['claim']['diagnosis']) is not None
                if related and not transfer and not planned:
                    out[cid].add('SPLIT_HOSPITALIZATION')
    # HIGH_FREQUENCY: both readings (treatment date, submission day) and both windows must agree
    for c in claims:
        who = c['policy']['insured']['idNumber']
        seen = [o for o in claims if o['policy']['insured']['idNumber'] == who and known(c, o)]
        verdicts = set()
        for key in ('tdate', 'night'):
            mine = c[key]
            trailing = sum(1 for o in seen if mine - dt.timedelta(days=29) <= o[key] <= mine)
            best = max(sum(1 for o in seen if start <= o[key] <= start + dt.timedelta(days=29))
                       for start in (mine - dt.timedelta(days=k) for k in range(30)))
            verdicts.add(trailing > 4)
            verdicts.add(best > 4)
        if len(verdicts) > 1:
            warnings.append(f'{scn}: {c["claim"]["claimId"]}: HIGH_FREQUENCY depends on the reading of "30 days"')
        if True in verdicts and len(verdicts) == 1:
            out[c['claim']['claimId']].add('HIGH_FREQUENCY')
    return out


def check_scenario(base, scn, used_keys):
    where = scn
    exp = load_json(os.path.join(base, 'expected.json'), where)
    if exp is None:
        return 0, 0
    for k in ('description', 'nights', 'expected'):
        if k not in exp:
            err(where, f'expected.json lacks {k}')
    nights = exp.get('nights', [])
    if nights != sorted(set(nights)):
        err(where, 'nights are not sorted and unique')
    policies = {}
    try:
        with open(os.path.join(base, 'policies.jsonl'), encoding='utf-8') as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    p = json.loads(line)
                except Exception as e:  # noqa: BLE001
                    err(where, f'policies.jsonl line {n}: {e}')
                    continue
                for k in POLICY_FIELDS:
                    if k not in p:
                        err(where, f'policy line {n} lacks {k}')
                if p.get('productLine') not in PRODUCT_LINES:
                    err(where, f'policy {p.get("policyNo")}: unknown productLine')
                if p.get('hospitalRequirement') not in ('ANY', 'PUBLIC_GRADE2_PLUS'):
                    err(where, f'policy {p.get("policyNo")}: bad hospitalRequirement')
                if p.get('policyNo') in policies:
                    err(where, f'policy {p.get("policyNo")} appears twice')
                check_insured(where, p.get('insured', {}))
                policies[p['policyNo']] = p
    except FileNotFoundError:
        err(where, 'policies.jsonl missing')
    claims_dir = os.path.join(base, 'claims')
    claims = []
    for cid in sorted(os.listdir(claims_dir)) if os.path.isdir(claims_dir) else []:
        cdir = os.path.join(claims_dir, cid)
        cw = f'{scn}/{cid}'
        claim = load_json(os.path.join(cdir, 'claim.json'), cw)
        if claim is None:
            continue
        for k in CLAIM_FIELDS:
            if k not in claim:
                err(cw, f'claim.json lacks {k}')
        if claim.get('claimId') != cid:
            err(cw, 'claimId differs from its folder')
        if claim.get('claimType') not in ('OUTPATIENT', 'INPATIENT'):
            err(cw, 'bad claimType')
        policy = policies.get(claim.get('policyNo'))
        if policy is None:
            err(cw, f'policy {claim.get("policyNo")} not in policies.jsonl')
            continue
        night = local_day(claim['submittedAt'])
        if cid[2:10] != night.strftime('%Y%m%d'):
            err(cw, f'claimId does not carry its night {night}')
        if night.isoformat() not in nights:
            err(cw, f'submittedAt falls on {night}, not one of the nights')
        receipts, broken = {}, []
        expected_files = {'claim.json'}
        for doc in claim['documents']:
            has_file = os.path.isfile(os.path.join(cdir, doc))
            has_json = os.path.isfile(os.path.join(cdir, doc + '.json'))
            if has_file == has_json:
                err(cw, f'{doc}: needs exactly one of the file or {doc}.json')
            if has_file:
                broken.append(doc)
                expected_files.add(doc)
            if has_json:
                expected_files.add(doc + '.json')
                r = load_json(os.path.join(cdir, doc + '.json'), cw)
                if r is None:
                    continue
                if r.get('documentType') not in ('OUTPATIENT_RECEIPT', 'INPATIENT_RECEIPT', 'OTHER'):
                    err(cw, f'{doc}: bad documentType')
                missing = [k for k in RECEIPT_FIELDS if k not in r.get('fields', {})]
                if missing:
                    err(cw, f'{doc}: fields missing {missing}')
                render = r.get('render', {})
                if render.get('family') not in FAMILIES.get(r.get('documentType'), ()):
                    err(cw, f'{doc}: render.family {render.get("family")} does not suit {r.get("documentType")}')
                if not doc.endswith('.pdf') and render.get('tamper'):
                    err(cw, f'{doc}: tampering is described for PDFs only')
                if render.get('tamper') not in (None, 'HIDDEN_TEXT', 'TEXT_LAYER_MISMATCH'):
                    err(cw, f'{doc}: render.tamper')
                f = r.get('fields', {})
                h = f.get('hospitalName')
                if h and h not in ELIGIBLE | INELIGIBLE | UNKNOWN:
                    err(cw, f'{doc}: hospital {h} is in none of the ELIGIBLE, INELIGIBLE, UNKNOWN lists')
                pm = f.get('payerIdMasked')
                if pm and not (len(pm) == 18 and pm[:6].isdigit() and pm[6:14] == '*' * 8 and pm[14:17].isdigit()
                               and (pm[17].isdigit() or pm[17] == 'X')):
                    err(cw, f'{doc}: payerIdMasked {pm} is not a masked ID number')
                if f.get('invoiceCode') and (len(f['invoiceCode']) != 8 or not f['invoiceCode'].isdigit()):
                    err(cw, f'{doc}: invoiceCode is not 8 digits')
                if f.get('invoiceNumber') and (len(f['invoiceNumber']) != 10 or not f['invoiceNumber'].isdigit()):
                    err(cw, f'{doc}: invoiceNumber is not 10 digits')
                for k in ('issueDate', 'visitDate', 'admissionDate', 'dischargeDate'):
                    if f.get(k) and d(f[k]) > night:
                        err(cw, f'{doc}: {k} after the claim was submitted')
                if f.get('invoiceCode') and f.get('invoiceNumber'):
                    used_keys.setdefault((f['invoiceCode'], f['invoiceNumber']), set()).add(scn)
                receipts[doc] = r
        stray = set(os.listdir(cdir)) - expected_files
        if stray:
            err(cw, f'files not named in claim.json: {sorted(stray)}')
        tds = [d(t) for r in receipts.values() for t in treatment_dates(r)]
        claims.append({'claim': claim, 'policy': policy, 'receipts': receipts, 'broken': broken, 'night': night,
                       'tdate': min(tds) if tds else night})
    ids = {c['claim']['claimId'] for c in claims}
    got = exp.get('expected', {})
    if set(got) != ids:
        err(where, f'expected.json claims differ from claims/: missing {sorted(ids - set(got))}, '
                   f'unknown {sorted(set(got) - ids)}')
    used_nights = {c['night'].isoformat() for c in claims}
    if set(nights) - used_nights:
        err(where, f'nights without claims: {sorted(set(nights) - used_nights)}')
    for cid, codes in got.items():
        for code in codes:
            if code not in CODES:
                err(f'{scn}/{cid}', f'{code} is not a contract flag code')
    cross = cross_claim_flags(scn, claims)
    for c in claims:
        cid = c['claim']['claimId']
        computed = per_claim_flags(c['claim'], c['policy'], c['receipts'], c['broken']) | cross[cid]
        labelled = set(got.get(cid, []))
        if computed != labelled:
            err(f'{scn}/{cid}', f'labels {sorted(labelled)} but the data gives {sorted(computed)}')
    return len(claims), sum(1 for c in claims if not got.get(c['claim']['claimId']))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    scns = sorted(e for e in os.listdir(root) if os.path.isdir(os.path.join(root, e)) and e[:1] == 'S')
    used_keys, n_claims, n_clean = {}, 0, 0
    counts = {c: 0 for c in CODES}
    for scn in scns:
        a, b = check_scenario(os.path.join(root, scn), scn, used_keys)
        n_claims += a
        n_clean += b
        exp = load_json(os.path.join(root, scn, 'expected.json'), scn) or {}
        for codes in exp.get('expected', {}).values():
            for code in codes:
                if code in counts:
                    counts[code] += 1
    for key, where in used_keys.items():
        if len(where) > 1:
            err('set', f'receipt {key[0]}/{key[1]} reused across scenarios {sorted(where)}')
    for code, n in counts.items():
        if n < MIN_PER_CODE:
            err('set', f'{code} expected on only {n} claims')
    if len(scns) < MIN_SCENARIOS or n_claims < MIN_CLAIMS or n_clean < MIN_CLEAN_SHARE * n_claims:
        err('set', f'below the size targets ({MIN_SCENARIOS} scenarios, {MIN_CLAIMS} claims, '
                   f'{MIN_CLEAN_SHARE:.0%} clean)')
    seen_ids = {}
    for scn in scns:
        for cid in os.listdir(os.path.join(root, scn, 'claims')):
            seen_ids.setdefault(cid, []).append(scn)
    for cid, where in seen_ids.items():
        if len(where) > 1:
            err('set', f'claim {cid} in several scenarios {where}')
    print(f'{len(scns)} scenarios, {n_claims} claims, {n_clean} clean '
          f'({100 * n_clean / max(n_claims, 1):.1f}%)')
    for code in CODES:
        print(f'  {code:30s} {counts[code]}')
    for w in warnings:
        print('WARNING', w)
    for e in errors:
        print('ERROR', e)
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
