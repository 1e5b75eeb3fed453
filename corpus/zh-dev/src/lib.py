# emrqc zh-dev corpus: authoring helpers.
# Copyright (C) the emrqc authors. GPL-3.0-or-later.
#
# Every chart of the corpus is written as a small Python function that calls these helpers; build.py turns the
# charts into FHIR R4 collection Bundles (records/*.json) and the gold list (defects.yaml). The texts are the
# project's own writing; no real patient is described.
import datetime as _dt
import html
import re
import textwrap

KIND_SYSTEM = "urn:emrqc:document-kind"
KIND_DISPLAY = {
    "admission-record": "入院记录",
    "first-progress-note": "首次病程记录",
    "superior-round": "上级医师查房记录",
    "senior-round": "主任医师查房记录",
    "progress-note": "日常病程记录",
    "operative-note": "手术记录",
    "postop-first-note": "术后首次病程记录",
    "discharge-record": "出院记录",
    "death-record": "死亡记录",
}
DEFECT_KINDS = [
    "identity-age", "identity-sex", "identity-marital", "identity-obstetric", "identity-menopause",
    "laterality-text", "allergy-text", "diagnosis-fpn-admission", "principal-dx-symptom", "date-op-mismatch",
    "document-before-admission", "template-unfilled", "blank-duplicate", "duplicate-same-day", "near-copy",
    "cc-too-long", "cc-no-duration", "cc-diagnosis", "vital-implausible", "symptom-conflict", "history-conflict",
    "late-admission-record", "late-first-progress-note", "missing-attending-round", "late-operative-note",
    "missing-first-progress-note", "missing-discharge-record", "section-missing", "section-empty",
]
MARITAL = {
    "已婚": ("M", "Married"),
    "未婚": ("S", "Never Married"),
    "丧偶": ("W", "Widowed"),
    "离婚": ("D", "Divorced"),
}


def clean(text):
    """Dedents a triple-quoted text and drops blank first/last lines; inner lines keep their order."""
    if text is None:
        return None
    t = textwrap.dedent(text).strip("\n")
    return "\n".join(line.strip() for line in t.split("\n"))


def div(text):
    if not text:
        return '<div xmlns="http://www.w3.org/1999/xhtml"></div>'
    lines = [html.escape(line, quote=False) for line in text.split("\n")]
    return '<div xmlns="http://www.w3.org/1999/xhtml">' + "<br/>".join(lines) + "</div>"


def plain(xhtml):
    """Mirrors org.emrqc.fhir.Narratives.plainText."""
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", xhtml)
    s = re.sub(r"<[^>]+>", "", s)
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'") \
        .replace("&nbsp;", " ").replace("&amp;", "&")
    return s.strip()


def parse_t(t):
    if len(t) == 10:
        return _dt.datetime.strptime(t, "%Y-%m-%d")
    return _dt.datetime.strptime(t, "%Y-%m-%d %H:%M")


class Rec:
    """One patient, one stay, one bundle."""

    def __init__(self, num, slug, department, precision, *, name, gender, birth=None, marital=None,
                 admit, discharge=None, phenomena=(), enc_end=True, disposition=None, deceased=None,
                 bundle_suffix=""):
        assert precision in ("minute", "day", "mixed")
        self.file = "records/%02d-%s.json" % (num, slug)
        self.num = num
        self.slug = slug
        self.department = department
        self.precision = precision
        self.name = name
        self.gender = gender
        self.birth = birth
        self.marital = marital
        self.admit = admit
        self.discharge = discharge
        self.enc_end = enc_end
        self.disposition = disposition
        self.deceased = deceased
        self.phenomena = list(phenomena)
        self.docs = []
        self.extra = []
        self.defects = []
        self.send_birth = True
        self.untyped = set()
        self.practitioners = {}
        self.authors = {}
        self.pid = "pat%02d" % num
        self.eid = "enc%02d" % num
        self.bundle_id = "zh-dev-%02d%s" % (num, bundle_suffix)

    # ---- times -------------------------------------------------------------------------------------------
    def _fhir(self, t, minute):
        d = parse_t(t)
        if minute and len(t) > 10:
            return d.strftime("%Y-%m-%dT%H:%M:00+08:00")
        return d.strftime("%Y-%m-%d")

    def enc_time(self, t):
        return self._fhir(t, self.precision in ("minute", "mixed"))

    def doc_time(self, t):
        return self._fhir(t, self.precision == "minute")

    def tx(self, t):
        """A document time as the narrative shows it (to the minute only in minute-precision records)."""
        d = parse_t(t)
        if self.precision == "minute" and len(t) > 10:
            return d.strftime("%Y-%m-%d %H:%M")
        return d.strftime("%Y-%m-%d")

    def tx_enc(self, t):
        d = parse_t(t)
        if self.precision in ("minute", "mixed") and len(t) > 10:
            return d.strftime("%Y-%m-%d %H:%M")
        return d.strftime("%Y-%m-%d")

    # ---- patient data in text ------------------------------------------------------------------------------
    @property
    def sex(self):
        return "男" if self.gender == "male" else "女"

    def age_years(self, at=None):
        b = _dt.datetime.strptime(self.birth, "%Y-%m-%d")
        a = parse_t(at or self.admit)
        return a.year - b.year - ((a.month, a.day) < (b.month, b.day))

    @property
    def age(self):
        """Age at admission as written in Chinese records: 岁 for adults, 岁/月 for small children."""
        y = self.age_years()
        if y >= 6:
            return "%d岁" % y
        b = _dt.datetime.strptime(self.birth, "%Y-%m-%d")
        a = parse_t(self.admit)
        months = (a.year - b.year) * 12 + a.month - b.month - (1 if a.day < b.day else 0)
        if months < 12:
            return "%d月" % months
        return "%d岁%d月" % (months // 12, months % 12) if months % 12 else "%d岁" % (months // 12)

    # ---- documents ----------------------------------------------------------------------------------------
    def doc(self, id, title, kind, date, sections):
        """sections: list of (title, text); text None = section left out, '' = present but empty."""
        secs = [(t, clean(x)) for (t, x) in sections if x is not None]
        self.docs.append(dict(id=id, title=title, kind=kind, date=date, sections=secs))
        return id

    def narrative(self, doc_id):
        for d in self.docs:
            if d["id"] == doc_id:
                parts = []
                for (t, x) in d["sections"]:
                    if t:
                        parts.append(t)
                    p = plain(div(x))
                    if p:
                        parts.append(p)
                return "\n".join(parts)
        raise KeyError(doc_id)

    def condition(self, id, text, category="encounter-diagnosis", onset=None):
        r = {"resourceType": "Condition", "id": id,
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
             "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": category}]}],
             "code": {"text": text},
             "subject": {"reference": "Patient/" + self.pid},
             "encounter": {"reference": "Encounter/" + self.eid}}
        if onset:
            r["recordedDate"] = self.doc_time(onset)
        self.extra.append(r)

    def procedure(self, id, text, start, end=None):
        r = {"resourceType": "Procedure", "id": id, "status": "completed", "code": {"text": text},
             "subject": {"reference": "Patient/" + self.pid}, "encounter": {"reference": "Encounter/" + self.eid}}
        if end:
            r["performedPeriod"] = {"start": self.doc_time(start), "end": self.doc_time(end)}
        else:
            r["performedDateTime"] = self.doc_time(start)
        self.extra.append(r)

    def allergy(self, id, text, recorded=None, category="medication"):
        r = {"resourceType": "AllergyIntolerance", "id": id,
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active"}]},
             "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed"}]},
             "category": [category], "code": {"text": text}, "patient": {"reference": "Patient/" + self.pid},
             "encounter": {"reference": "Encounter/" + self.eid}}
        if recorded:
            r["recordedDate"] = self.doc_time(recorded)
        self.extra.append(r)

    def medication(self, id, text, authored, dosage, status="completed"):
        self.extra.append({"resourceType": "MedicationRequest", "id": id, "status": status, "intent": "order",
                           "medicationCodeableConcept": {"text": text},
                           "subject": {"reference": "Patient/" + self.pid},
                           "encounter": {"reference": "Encounter/" + self.eid},
                           "authoredOn": self.doc_time(authored),
                           "dosageInstruction": [{"text": dosage}]})

    # ---- how the HIS sends it ----------------------------------------------------------------------------------
    def untype(self, *ids):
        """Sends these documents (or all with '*') without Composition.type: title only."""
        self.untyped.update(ids)

    def undate(self, *ids):
        """Sends these documents without Composition.date (the narrative may still show a time)."""
        for d in self.docs:
            if d["id"] in ids:
                d["date"] = None

    def retitle(self, id, title):
        """The HIS names this document differently; its heading follows."""
        for d in self.docs:
            if d["id"] == id:
                old = d["title"]
                d["title"] = title
                d["sections"] = [(title if t == old else t, x.replace("  " + old, "  " + title, 1) if x else x)
                                 for (t, x) in d["sections"]]

    def practitioner(self, id, name, role):
        self.practitioners[id] = (name, role)

    def author(self, practitioner_id, *doc_ids):
        for i in doc_ids:
            self.authors[i] = practitioner_id

    # ---- gold ---------------------------------------------------------------------------------------------
    def defect(self, kind, document, quote, note, other=None):
        assert kind in DEFECT_KINDS, kind
        d = {"kind": kind, "document": document, "quote": quote}
        if other:
            d["other"] = {"document": other[0], "quote": other[1]}
        d["note"] = note
        self.defects.append(d)

    # ---- output -------------------------------------------------------------------------------------------
    def bundle(self):
        pat = {"resourceType": "Patient", "id": self.pid,
               "identifier": [{"system": "urn:emrqc:zh-dev:inpatient-no", "value": "ZD%04d%02d" % (2000 + self.num * 7, self.num)}],
               "name": [{"text": self.name}], "gender": self.gender}
        if self.birth and self.send_birth:
            pat["birthDate"] = self.birth
        if self.deceased:
            pat["deceasedDateTime"] = self.enc_time(self.deceased)
        if self.marital:
            code, disp = MARITAL[self.marital]
            pat["maritalStatus"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": code, "display": disp}], "text": self.marital}
        enc = {"resourceType": "Encounter", "id": self.eid, "status": "finished",
               "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP", "display": "inpatient encounter"},
               "serviceType": {"text": self.department},
               "subject": {"reference": "Patient/" + self.pid},
               "period": {"start": self.enc_time(self.admit)}}
        if self.discharge and self.enc_end:
            enc["period"]["end"] = self.enc_time(self.discharge)
        if self.disposition:
            enc["hospitalization"] = {"dischargeDisposition": {"text": self.disposition}}
        entries = [pat, enc]
        for pid, (name, role) in self.practitioners.items():
            entries.append({"resourceType": "Practitioner", "id": pid, "name": [{"text": name}],
                            "qualification": [{"code": {"text": role}}]})
        for d in self.docs:
            c = {"resourceType": "Composition", "id": d["id"], "status": "final"}
            if d["kind"] and not ({"*", d["id"]} & self.untyped):
                c["type"] = {"coding": [{"system": KIND_SYSTEM, "code": d["kind"], "display": KIND_DISPLAY[d["kind"]]}], "text": d["title"]}
            c["subject"] = {"reference": "Patient/" + self.pid}
            c["encounter"] = {"reference": "Encounter/" + self.eid}
            if d["date"]:
                c["date"] = self.doc_time(d["date"])
            if d["id"] in self.authors:
                c["author"] = [{"reference": "Practitioner/" + self.authors[d["id"]]}]
            c["title"] = d["title"]
            c["section"] = [{"title": t, "text": {"status": "generated", "div": div(x)}} for (t, x) in d["sections"]]
            entries.append(c)
        entries.extend(self.extra)
        return {"resourceType": "Bundle", "id": self.bundle_id, "type": "collection",
                "entry": [{"resource": r} for r in entries]}

    def gold(self):
        g = {"file": self.file, "department": self.department, "precision": self.precision,
             "clean": not self.defects, "phenomena": self.phenomena, "defects": self.defects}
        return g


# ---- text helpers shared by charts (hospital templates fill these parts the same way) -------------------------

def vitals(T, P, R, BP):
    return "T %s℃  P %s次/分  R %s次/分  BP %smmHg" % (T, P, R, BP)


def pe_adult(T, P, R, BP, *, general=None, skin=None, lymph=None, head=None, neck=None, chest=None, lungs=None,
             heart=None, abdomen=None, spine=None, neuro=None, genital="未查。", weight=None):
    """The 体格检查 block most EMR templates produce: every system named, normal unless told otherwise."""
    lines = [vitals(T, P, R, BP) + ("  体重 %skg" % weight if weight else "")]
    lines.append("一般情况：" + (general or "发育正常，营养中等，神志清楚，自主体位，查体合作，对答切题。"))
    lines.append("皮肤黏膜：" + (skin or "全身皮肤黏膜无黄染，未见皮疹及出血点，无肝掌、蜘蛛痣。"))
    lines.append("淋巴结：" + (lymph or "全身浅表淋巴结未触及肿大。"))
    lines.append("头颅五官：" + (head or "头颅无畸形，眼睑无水肿，巩膜无黄染，双侧瞳孔等大等圆，直径约3mm，对光反射灵敏。耳鼻无异常分泌物，口唇无发绀，咽无充血，双侧扁桃体无肿大。"))
    lines.append("颈部：" + (neck or "颈软，无抵抗，颈静脉无怒张，气管居中，甲状腺未触及肿大。"))
    lines.append("胸部：" + (chest or "胸廓对称，无畸形，肋间隙无增宽或变窄，胸壁静脉无曲张，胸骨无压痛。"))
    lines.append("肺部：" + (lungs or "视诊呼吸运动两侧对称，节律规整；触诊语颤两侧对称，无胸膜摩擦感；叩诊双肺清音；听诊双肺呼吸音清，未闻及干湿性啰音及胸膜摩擦音。"))
    lines.append("心脏：" + (heart or "心前区无隆起，心尖搏动位于左侧第5肋间锁骨中线内0.5cm，未触及震颤，心浊音界不大，心率%s次/分，律齐，各瓣膜听诊区未闻及病理性杂音，无心包摩擦音。" % P))
    lines.append("腹部：" + (abdomen or "腹平坦，未见胃肠型及蠕动波，腹软，全腹无压痛及反跳痛，肝脾肋下未触及，Murphy征阴性，移动性浊音阴性，肠鸣音4次/分。"))
    lines.append("脊柱四肢：" + (spine or "脊柱生理弯曲存在，棘突无压痛及叩击痛，四肢关节无红肿，活动自如，双下肢无水肿，足背动脉搏动可。"))
    lines.append("神经系统：" + (neuro or "四肢肌力5级，肌张力正常，腹壁反射、膝腱反射正常引出，双侧Babinski征阴性，脑膜刺激征阴性。"))
    lines.append("肛门及外生殖器：" + genital)
    return "\n".join(lines)


def stay_days(r):
    a = parse_t(r.admit).date()
    d = parse_t(r.discharge).date()
    return max((d - a).days, 1)


def adm(r, id, date, *, cc, hpi, past, personal, marital, family, pe, special, aux, dx, signer,
        menses=None, occupation="职员", birthplace="江苏省南京市", informant="患者本人，陈述可靠", nation="汉族",
        title="入院记录", kind="admission-record", general=None, extra_after_general=None):
    """An 入院记录 in the usual order. Pass None to leave a section out, '' to leave it empty."""
    if general is None:
        general = ("姓名：%s  性别：%s  年龄：%s  民族：%s\n婚姻：%s  职业：%s  出生地：%s\n入院时间：%s  记录时间：%s\n病史陈述者：%s"
                   % (r.name, r.sex, r.age, nation, r.marital or "已婚", occupation, birthplace,
                      r.tx_enc(r.admit), r.tx(date), informant))
    sections = [("一般项目", general), ("主诉", cc), ("现病史", hpi), ("既往史", past), ("个人史", personal),
                ("婚育史", marital), ("月经史", menses), ("家族史", family), ("体格检查", pe), ("专科情况", special),
                ("辅助检查", aux), ("初步诊断", dx + "\n\n医师签名：" + signer + "\n" + r.tx(date) if dx else dx)]
    return r.doc(id, title, kind, date, sections)


def fpn(r, id, date, *, features, discussion, dx, plan, signer, title="首次病程记录", kind="first-progress-note",
        single=False):
    """首次病程记录: 病例特点, 拟诊讨论 (诊断依据, 鉴别诊断), 初步诊断, 诊疗计划."""
    head = r.tx(date) + "  首次病程记录"
    if single:
        body = "\n".join([head, "一、病例特点", clean(features), "二、拟诊讨论", clean(discussion), "三、初步诊断",
                          clean(dx), "四、诊疗计划", clean(plan), "", "医师签名：" + signer])
        return r.doc(id, title, kind, date, [(title, body)])
    return r.doc(id, title, kind, date, [
        ("病例特点", head + "\n" + clean(features)), ("拟诊讨论", discussion), ("初步诊断", dx),
        ("诊疗计划", clean(plan) + "\n\n医师签名：" + signer)])


def note(r, id, title, kind, date, text, signer, section=None):
    """A progress note or round: one section whose text starts with the time and ends with the signature."""
    body = r.tx(date) + "  " + (section or title) + "\n" + clean(text) + "\n医师签名：" + signer
    return r.doc(id, title, kind, date, [(section or title, body)])


def discharge(r, id, date, *, adm_state, adm_dx, course, dis_dx, dis_state, advice, signer, title="出院记录",
              kind="discharge-record"):
    general = "姓名：%s  性别：%s  年龄：%s  科室：%s\n入院日期：%s  出院日期：%s  住院天数：%d天" % (
        r.name, r.sex, r.age, r.department, r.tx_enc(r.admit)[:10], r.tx_enc(r.discharge)[:10], stay_days(r))
    return r.doc(id, title, kind, date, [
        ("一般项目", general), ("入院情况", adm_state), ("入院诊断", adm_dx), ("诊疗经过", course),
        ("出院诊断", dis_dx), ("出院情况", dis_state),
        ("出院医嘱", clean(advice) + "\n\n医师签名：" + signer + "\n" + r.tx(date) if advice else advice)])


def opnote(r, id, date, *, op_date, pre_dx, intra_dx, name, team, anesthesia, course, findings, signer,
           title="手术记录", kind="operative-note", extra=None):
    secs = [("手术日期", op_date), ("术前诊断", pre_dx), ("术中诊断", intra_dx), ("手术名称", name),
            ("手术者及助手", team), ("麻醉方式", anesthesia), ("手术经过", course), ("术中所见", findings)]
    if extra:
        secs += extra
    secs.append(("记录", "记录者：%s\n记录时间：%s" % (signer, r.tx(date))))
    return r.doc(id, title, kind, date, secs)
