"""Helpers that write scenario folders in the format of scenarios/flags/README.md.

They only lay out files: a receipt is made internally consistent (items, 合计(大写), payments, 住院天数) unless a
scenario overrides a field by hand. Expected flags are never computed here: every claim carries the list written
by hand in its group file.
"""
import copy
import datetime as dt
import io
import json
import os
import random
import shutil
import zipfile
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'flags-blind')
SH = dt.timezone(dt.timedelta(hours=8))
CENT = Decimal('0.01')

# hospital -> (province code of its e-receipt 票据代码, 医疗机构类型)
HOSPITALS = {
    # public, grade 2 and above
    '北京协和医院': ('11', '综合医院'), '北京大学第一医院': ('11', '综合医院'), '北京大学第三医院': ('11', '综合医院'),
    '北医三院': ('11', '综合医院'), '首都医科大学附属北京天坛医院': ('11', '综合医院'),
    '首都医科大学附属北京朝阳医院': ('11', '综合医院'), '中日友好医院': ('11', '综合医院'), '北京积水潭医院': ('11', '综合医院'),
    '中国医学科学院肿瘤医院': ('11', '专科医院'), '首都医科大学附属北京儿童医院': ('11', '专科医院'),
    '北京市第六医院': ('11', '综合医院'), '北京市垂杨柳医院': ('11', '综合医院'), '首都医科大学附属复兴医院': ('11', '综合医院'),
    '复旦大学附属中山医院': ('31', '综合医院'), '复旦大学附属华山医院': ('31', '综合医院'),
    '上海交通大学医学院附属瑞金医院': ('31', '综合医院'), '瑞金医院': ('31', '综合医院'),
    '上海交通大学医学院附属仁济医院': ('31', '综合医院'), '复旦大学附属肿瘤医院': ('31', '专科医院'),
    '上海市第六人民医院': ('31', '综合医院'), '复旦大学附属儿科医院': ('31', '专科医院'),
    '浙江大学医学院附属第一医院': ('33', '综合医院'), '浙大一院': ('33', '综合医院'),
    '浙江大学医学院附属第二医院': ('33', '综合医院'), '浙江大学医学院附属邵逸夫医院': ('33', '综合医院'),
    '杭州市第一人民医院': ('33', '综合医院'), '浙江省人民医院': ('33', '综合医院'), '杭州市西溪医院': ('33', '综合医院'),
    '浙江萧山医院': ('33', '综合医院'), '浙江省肿瘤医院': ('33', '专科医院'),
    '中山大学附属第一医院': ('44', '综合医院'), '中山一院': ('44', '综合医院'), '广东省人民医院': ('44', '综合医院'),
    '南方医科大学南方医院': ('44', '综合医院'), '中山大学肿瘤防治中心': ('44', '专科医院'), '深圳市人民医院': ('44', '综合医院'),
    '南方科技大学医院': ('44', '综合医院'),
    '四川大学华西医院': ('51', '综合医院'), '华西医院': ('51', '综合医院'), '四川省人民医院': ('51', '综合医院'),
    '华中科技大学同济医学院附属同济医院': ('42', '综合医院'), '华中科技大学同济医学院附属协和医院': ('42', '综合医院'),
    '武汉协和医院': ('42', '综合医院'), '武汉大学人民医院': ('42', '综合医院'),
    '江苏省人民医院': ('32', '综合医院'), '南京鼓楼医院': ('32', '综合医院'), '苏州大学附属第一医院': ('32', '综合医院'),
    '山东大学齐鲁医院': ('37', '综合医院'), '齐鲁医院': ('37', '综合医院'), '山东省立医院': ('37', '综合医院'),
    '青岛大学附属医院': ('37', '综合医院'),
    '西安交通大学第一附属医院': ('61', '综合医院'), '交大一附院': ('61', '综合医院'), '空军军医大学西京医院': ('61', '综合医院'),
    '西京医院': ('61', '综合医院'),
    '郑州大学第一附属医院': ('41', '综合医院'), '中南大学湘雅医院': ('43', '综合医院'), '湘雅医院': ('43', '综合医院'),
    '中南大学湘雅二医院': ('43', '综合医院'),
    '重庆医科大学附属第一医院': ('50', '综合医院'), '陆军军医大学第一附属医院': ('50', '综合医院'),
    '厦门大学附属第一医院': ('35', '综合医院'), '福建医科大学附属协和医院': ('35', '综合医院'),
    '中国医科大学附属第一医院': ('21', '综合医院'), '天津医科大学总医院': ('12', '综合医院'), '安徽省立医院': ('34', '综合医院'),
    '昆明医科大学第一附属医院': ('53', '综合医院'), '河北医科大学第二医院': ('13', '综合医院'),
    '南昌大学第一附属医院': ('36', '综合医院'),
    # private, grade 1, or a special department
    '北京和睦家医院': ('11', '综合医院'), '北京美中宜和妇儿医院': ('11', '专科医院'), '上海嘉会国际医院': ('31', '综合医院'),
    '上海和睦家医院': ('31', '综合医院'), '杭州树兰医院': ('33', '综合医院'), '树兰(杭州)医院': ('33', '综合医院'),
    '河北燕达医院': ('13', '综合医院'), '武汉亚心总医院': ('42', '专科医院'), '卓正医疗深圳福田诊所': ('44', '诊所'),
    '上海爱尔眼科医院': ('31', '专科医院'), '西安高新医院': ('61', '综合医院'), '四川锦欣妇女儿童医院': ('51', '专科医院'),
    '深圳恒生医院': ('44', '综合医院'),
    '杭州市上城区湖滨街道社区卫生服务中心': ('33', '社区卫生服务中心'),
    '上海市徐汇区枫林街道社区卫生服务中心': ('31', '社区卫生服务中心'),
    '成都市武侯区玉林社区卫生服务中心': ('51', '社区卫生服务中心'),
    '北京市朝阳区潘家园社区卫生服务中心': ('11', '社区卫生服务中心'),
    '北京协和医院国际医疗部': ('11', '综合医院'), '复旦大学附属华山医院特需医疗科': ('31', '综合医院'),
    '中山大学附属第一医院国际医疗中心': ('44', '综合医院'), '四川大学华西医院特需医疗中心': ('51', '综合医院'),
    '上海交通大学医学院附属瑞金医院国际医疗中心': ('31', '综合医院'),
    # public hospitals that the insurer's directory does not list
    '义乌市中心医院': ('33', '综合医院'), '昆山市第一人民医院': ('32', '综合医院'), '慈溪市人民医院': ('33', '综合医院'),
    '张家港市第一人民医院': ('32', '综合医院'), '佛山市顺德区第一人民医院': ('44', '综合医院'),
}

OUT_ITEMS = ['西药费', '检查费', '化验费', '治疗费', '中成药费', '诊察费', '卫生材料费', '中草药费']
IN_ITEMS = ['床位费', '护理费', '诊察费', '检查费', '化验费', '治疗费', '西药费', '卫生材料费', '中成药费', '其他费']
SURGERY_ITEMS = ['床位费', '护理费', '检查费', '化验费', '手术费', '麻醉费', '治疗费', '西药费', '卫生材料费']

_ids = set()
_keys = set()
_rng = random.Random(20261130)
_counters = {'claim': 1000, 'policy': 810000, 'family_in': 0, 'family_out': 0}
DIG = '零壹贰叁肆伍陆柒捌玖'


def money(x):
    return Decimal(str(x)).quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(x):
    return f'{money(x):.2f}'


def capital(amount):
    """合计(大写) of an amount, in the usual form of Chinese receipts."""
    a = money(amount)
    yuan = int(a)
    jiao = int((a * 10) % 10)
    fen = int((a * 100) % 10)

    def group(n, leading):
        out, zero = '', False
        for i, unit in enumerate(['仟', '佰', '拾', '']):
            dgt = n // (10 ** (3 - i)) % 10
            if dgt == 0:
                if out or leading:
                    zero = True
            else:
                if zero:
                    out += '零'
                    zero = False
                out += DIG[dgt] + unit
        return out
    s = ''
    if yuan:
        wan, rest = divmod(yuan, 10000)
        if wan:
            s += group(wan, False) + '万'
        if rest:
            s += ('零' if wan and rest < 1000 else '') + group(rest, False)
        s += '元'
    if jiao == 0 and fen == 0:
        return s + '整'
    if fen == 0:
        return s + DIG[jiao] + '角整'
    if jiao == 0:
        return s + ('零' if yuan else '') + DIG[fen] + '分'
    return s + DIG[jiao] + '角' + DIG[fen] + '分'


class Person:
    def __init__(self, name, region, birth, sex, seq=None):
        self.name, self.birth, self.sex = name, birth, sex
        if seq is None:
            while True:
                two = _rng.randrange(10, 99)
                last = _rng.choice([1, 3, 5, 7, 9] if sex == 'M' else [0, 2, 4, 6, 8])
                body = f'{region}{birth.replace("-", "")}{two:02d}{last}'
                if body not in {i[:17] for i in _ids}:
                    break
        else:
            body = f'{region}{birth.replace("-", "")}{seq}'
            assert (int(seq[-1]) % 2 == 1) == (sex == 'M'), (name, seq)
        weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        check = '10X98765432'[sum(int(c) * w for c, w in zip(body, weights)) % 11]
        self.id = body + check
        assert self.id not in _ids, name
        _ids.add(self.id)

    @property
    def masked(self):
        return self.id[:6] + '*' * 8 + self.id[-4:]

    def insured(self):
        return {'name': self.name, 'idNumber': self.id, 'sex': self.sex, 'birthDate': self.birth}


def policy(person, line='MILLION_MEDICAL', eff='2026-01-01', exp='2026-12-31', wait=30, req='PUBLIC_GRADE2_PLUS',
           exclusions=(), sum_insured=None, deductible=None):
    _counters['policy'] += 1
    n = _counters['policy']
    defaults = {'MILLION_MEDICAL': ('3000000.00', '10000.00'), 'HIGH_END_MEDICAL': ('4000000.00', '0.00'),
                'OUTPATIENT_MEDICAL': ('20000.00', '100.00'), 'CANCER_MEDICAL': ('2000000.00', '0.00'),
                'SENIOR_MEDICAL': ('1000000.00', '10000.00'), 'CHRONIC_MEDICAL': ('1000000.00', '20000.00'),
                'ACCIDENT': ('50000.00', '100.00'), 'HOSPITAL_CASH': ('36500.00', '0.00')}
    si, de = defaults.get(line, ('1000000.00', '0.00'))
    return {'policyNo': f'P-{n}', 'applicationId': f'A-2026-{n + 100000}', 'productLine': line,
            'insured': person.insured(), 'effectiveDate': eff, 'expiryDate': exp, 'waitingPeriodDays': wait,
            'sumInsured': sum_insured or si, 'deductible': deductible or de, 'hospitalRequirement': req,
            'exclusions': [{'clause': c, 'icd10Prefixes': list(p)} for c, p in exclusions],
            '_person': person}


def _split(total, names, rnd):
    """Split a total into len(names) positive amounts that add up exactly."""
    cents = int(money(total) * 100)
    k = len(names)
    weights = [rnd.uniform(0.5, 3.0) for _ in range(k)]
    parts = [max(1, int(cents * w / sum(weights))) for w in weights]
    parts[-1] = cents - sum(parts[:-1])
    assert parts[-1] > 0
    return [{'name': n, 'amount': f'{Decimal(p) / 100:.2f}'} for n, p in zip(names, parts)]


def new_key(prov, year='26'):
    while True:
        code = f'{prov}0601{year}' if _rng.random() < 0.7 else f'{prov}0501{year}'
        number = f'{_rng.randrange(10 ** 7, 10 ** 9):010d}'
        if (code, number) not in _keys:
            _keys.add((code, number))
            return code, number


def reserve_key(code, number):
    assert (code, number) not in _keys, (code, number)
    _keys.add((code, number))
    return code, number


def receipt(kind, hosp, total, payer, *, visit=None, adm=None, dis=None, issue=None, family=None,
            insurance='职工基本医疗保险', items=None, item_names=None, key=None, inject=None, tamper=None,
            other='0.00', **override):
    """kind: 'out' or 'in'. payer: the Person who paid (usually the insured)."""
    prov, htype = HOSPITALS[hosp]
    if kind == 'out':
        doc_type = 'OUTPATIENT_RECEIPT'
        _counters['family_out'] += 1
        family = family or ('C' if _counters['family_out'] % 2 else 'E')
        issue = issue or visit
    else:
        doc_type = 'INPATIENT_RECEIPT'
        _counters['family_in'] += 1
        family = family or ('B' if _counters['family_in'] % 2 else 'D')
        issue = issue or dis
    year = (issue or visit or adm or '2026')[2:4]
    code, number = key or new_key(prov, year)
    rnd = random.Random(code + number)
    tot = money(total)
    if items is None:
        if item_names is None:
            pool = OUT_ITEMS if kind == 'out' else IN_ITEMS
            n = rnd.randint(2, 4) if kind == 'out' else rnd.randint(5, 8)
            item_names = pool[:n] if kind == 'in' else rnd.sample(pool[:5], n)
        items = _split(tot, item_names, rnd)
    other = money(other)
    if insurance == '自费':
        fund, account = Decimal('0.00'), Decimal('0.00')
    elif insurance == '城乡居民基本医疗保险':
        fund, account = money(tot * Decimal(str(rnd.uniform(0.4, 0.55)))), Decimal('0.00')
    else:
        fund = money(tot * Decimal(str(rnd.uniform(0.5, 0.7))))
        account = money(tot * Decimal(str(rnd.uniform(0.02, 0.08))))
    cash = tot - fund - account - other
    assert cash >= 0, (hosp, total)
    personal = account + cash
    self_expense = money(personal * Decimal(str(rnd.uniform(0.1, 0.35)))) if insurance != '自费' else tot
    self_pay = personal - self_expense if insurance != '自费' else Decimal('0.00')
    days = None
    if kind == 'in':
        days = (dt.date.fromisoformat(dis) - dt.date.fromisoformat(adm)).days
    fields = {
        'invoiceCode': code, 'invoiceNumber': number,
        'checkCode': f'{rnd.randrange(16 ** 6):06x}',
        'payerName': payer.name, 'payerIdMasked': payer.masked, 'issueDate': issue,
        'hospitalName': hosp, 'hospitalType': htype, 'insuranceType': insurance,
        'visitDate': visit if kind == 'out' else None,
        'admissionDate': adm if kind == 'in' else None, 'dischargeDate': dis if kind == 'in' else None,
        'hospitalDays': days,
        'items': items, 'totalAmount': fmt(tot), 'totalAmountInWords': capital(tot),
        'fundPayment': fmt(fund), 'otherPayment': fmt(other), 'personalAccountPayment': fmt(account),
        'personalCashPayment': fmt(cash), 'selfPayPortion': fmt(self_pay), 'selfExpense': fmt(self_expense)}
    for k, v in override.items():
        assert k in fields, k
        fields[k] = v
    render = {'family': family}
    if inject:
        render['injectText'] = inject
    if tamper:
        render['tamper'] = tamper
    return {'documentType': doc_type, 'fields': fields, 'render': render}


def out(hosp, visit, total, payer, **kw):
    return receipt('out', hosp, total, payer, visit=visit, **kw)


def inp(hosp, adm, dis, total, payer, **kw):
    return receipt('in', hosp, total, payer, adm=adm, dis=dis, **kw)


def same(r, **override):
    """The same paper receipt again (a duplicate), optionally with fields altered."""
    r2 = copy.deepcopy(r)
    for k, v in override.items():
        assert k in r2['fields'], k
        r2['fields'][k] = v
    return r2


class Broken:
    def __init__(self, data, what):
        self.data, self.what = data, what


def broken_zero():
    return Broken(b'', 'zero bytes')


def broken_truncated_pdf():
    return Broken(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa',
                  'PDF cut off inside its second object')


def broken_random(ext, n=4096, seed=1):
    rnd = random.Random(seed)
    data = bytes(rnd.randrange(256) for _ in range(n))
    if ext == 'jpg':
        data = b'\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01' + data
    return Broken(data, 'random bytes')


def broken_html():
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>502 Bad Gateway</title></head>'
            '<body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>\n')
    return Broken(html.encode(), 'an HTML error page saved under the receipt name')


def broken_png_header():
    return Broken(b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x04', 'PNG signature and a cut IHDR chunk only')


def broken_text_as_pdf():
    text = '门诊收费票据\n交款人：见附件\n合计：请见原件\n'
    return Broken(text.encode('utf-8'), 'plain UTF-8 text saved as .pdf')


def broken_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('[Content_Types].xml', date_time=(2026, 11, 3, 21, 40, 0)), '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/'
                   'xml"/></Types>')
        z.writestr(zipfile.ZipInfo('word/document.xml', date_time=(2026, 11, 3, 21, 40, 0)), '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
                   'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>门诊收费票据（扫描件见邮件）'
                   '</w:t></w:r></w:p></w:body></w:document>')
    return Broken(buf.getvalue(), 'a Word document (unsupported type)')


def broken_blank_pdf():
    objs = ['<< /Type /Catalog /Pages 2 0 R >>',
            '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>',
            '<< /Length 0 >>\nstream\n\nendstream']
    out_ = b'%PDF-1.4\n'
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out_))
        out_ += f'{i} 0 obj\n{o}\nendobj\n'.encode()
    xref = len(out_)
    out_ += f'xref\n0 {len(objs) + 1}\n0000000000 65535 f \n'.encode()
    for off in offsets:
        out_ += f'{off:010d} 00000 n \n'.encode()
    out_ += f'trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    return Broken(out_, 'a valid PDF whose only page is blank (no text, no image)')


def bj(local):
    """'YYYY-MM-DD HH:MM' Beijing time -> (submittedAt in UTC, night)."""
    t = dt.datetime.strptime(local, '%Y-%m-%d %H:%M').replace(tzinfo=SH)
    return t.astimezone(dt.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'), t.date().isoformat()


class Scenario:
    all = []

    def __init__(self, slug, zh, en):
        self.slug, self.zh, self.en = slug, zh, en
        self.policies, self.claims = [], []
        Scenario.all.append(self)

    def pol(self, p):
        self.policies.append(p)
        return p

    def claim(self, at, pol, ctype, diag, icd, docs, expect, claimed=None):
        """at: Beijing time of submission; docs: list of receipts or Broken files; expect: flags, by hand."""
        assert pol in self.policies
        submitted, night = bj(at)
        _counters['claim'] += 1
        cid = f'C-{night.replace("-", "")}-{_counters["claim"]:04d}'
        names = []
        for i, doc in enumerate(docs, 1):
            if isinstance(doc, Broken):
                names.append(doc.name if hasattr(doc, 'name') else f'receipt-{i}.pdf')
            else:
                names.append(f'receipt-{i}.pdf')
        if claimed is None:
            claimed = fmt(sum(Decimal(d['fields']['totalAmount']) for d in docs if not isinstance(d, Broken)))
        diagnosis = {'text': diag}
        if icd:
            diagnosis['icd10'] = icd
        c = {'claimId': cid, 'policyNo': pol['policyNo'], 'claimType': ctype, 'diagnosis': diagnosis,
             'claimedAmount': claimed, 'submittedAt': submitted, 'documents': names}
        self.claims.append((c, docs, sorted(expect), night))
        return cid

    def write(self, number):
        folder = os.path.join(ROOT, f'S{number:03d}-{self.slug}')
        if os.path.exists(folder):
            shutil.rmtree(folder)
        os.makedirs(os.path.join(folder, 'claims'))
        with open(os.path.join(folder, 'policies.jsonl'), 'w', encoding='utf-8') as fh:
            for p in self.policies:
                fh.write(json.dumps({k: v for k, v in p.items() if not k.startswith('_')}, ensure_ascii=False) + '\n')
        expected, nights = {}, set()
        for c, docs, exp, night in self.claims:
            cdir = os.path.join(folder, 'claims', c['claimId'])
            os.makedirs(cdir)
            with open(os.path.join(cdir, 'claim.json'), 'w', encoding='utf-8') as fh:
                json.dump(c, fh, ensure_ascii=False, indent=2)
                fh.write('\n')
            for name, doc in zip(c['documents'], docs):
                if isinstance(doc, Broken):
                    with open(os.path.join(cdir, name), 'wb') as fh:
                        fh.write(doc.data)
                else:
                    with open(os.path.join(cdir, name + '.json'), 'w', encoding='utf-8') as fh:
                        json.dump(doc, fh, ensure_ascii=False, indent=2)
                        fh.write('\n')
            expected[c['claimId']] = exp
            nights.add(night)
        with open(os.path.join(folder, 'expected.json'), 'w', encoding='utf-8') as fh:
            json.dump({'description': f'{self.zh} {self.en}', 'nights': sorted(nights), 'expected': expected},
                      fh, ensure_ascii=False, indent=2)
            fh.write('\n')


def named(broken, name):
    broken.name = name
    return broken


def items(*pairs):
    """Hand-written 项目 lines: items('西药费', '412.30', '检查费', '210.00', ...)."""
    return [{'name': pairs[i], 'amount': pairs[i + 1]} for i in range(0, len(pairs), 2)]


def person_x(name, region, birth, sex):
    """A person whose ID number ends in the check character X."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    for two in range(10, 99):
        for last in ([1, 3, 5, 7, 9] if sex == 'M' else [0, 2, 4, 6, 8]):
            body = f'{region}{birth.replace("-", "")}{two:02d}{last}'
            if '10X98765432'[sum(int(c) * w for c, w in zip(body, weights)) % 11] == 'X' and \
                    body + 'X' not in _ids:
                return Person(name, region, birth, sex, seq=f'{two:02d}{last}')
    raise ValueError(name)
