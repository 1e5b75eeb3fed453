# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers to write the zh-test charts as FHIR R4 bundles (the conventions of corpus/zh-dev/README.md)."""
import html
import re
from datetime import datetime, timedelta

KIND_SYSTEM = "urn:emrqc:document-kind"
MARITAL = {"M": ("Married", "已婚"), "S": ("Never Married", "未婚"), "W": ("Widowed", "丧偶"), "D": ("Divorced", "离异")}


def iso(ts):
    """'2024-03-18 09:40' -> minute-precision ISO with +08:00; '2024-03-18' stays a date."""
    if ts is None:
        return None
    if len(ts) == 10:
        return ts
    return ts.replace(" ", "T") + ":00+08:00"


def earliest(ts):
    if len(ts) == 10:
        return datetime.strptime(ts, "%Y-%m-%d")
    return datetime.strptime(ts, "%Y-%m-%d %H:%M")


def latest(ts):
    if len(ts) == 10:
        return datetime.strptime(ts, "%Y-%m-%d") + timedelta(hours=23, minutes=59)
    return datetime.strptime(ts, "%Y-%m-%d %H:%M")


def div(text):
    lines = text.strip("\n").split("\n")
    return '<div xmlns="http://www.w3.org/1999/xhtml">' + "<br/>".join(html.escape(l, quote=False) for l in lines) + "</div>"


class Doc:
    def __init__(self, did, title, kind, date, sections):
        self.id = did
        self.title = title
        self.kind = kind
        self.date = date
        self.sections = [(t, s.strip("\n")) for t, s in sections]

    def narrative(self):
        return "\n".join(t + "\n" + s for t, s in self.sections)

    def section(self, title):
        for t, s in self.sections:
            if t == title:
                return s
        return None


class Chart:
    def __init__(self, num, slug, department, precision, phenomena):
        self.num = num
        self.slug = slug
        self.department = department
        self.precision = precision
        self.phenomena = phenomena
        self.pat = None
        self.enc = None
        self.docs = []
        self.extra = []  # other resources
        self.defects = []
        self.procedures = []  # (start, end)
        self.dx_adm = None
        self.dx_fpn = None

    @property
    def file(self):
        return "records/%02d-%s.json" % (self.num, self.slug)

    def patient(self, name, gender, birth, marital=None, deceased=None):
        self.pat = dict(name=name, gender=gender, birth=birth, marital=marital)

    def encounter(self, start, end):
        self.enc = dict(start=start, end=end)

    def doc(self, did, title, kind, date, sections):
        d = Doc(did, title, kind, date, sections)
        self.docs.append(d)
        return d

    def get(self, did):
        for d in self.docs:
            if d.id == did:
                return d
        raise KeyError(did)

    def condition(self, cid, text):
        self.extra.append({"resourceType": "Condition", "id": cid,
                           "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                           "code": {"text": text}, "subject": {"reference": "Patient/pat1"},
                           "encounter": {"reference": "Encounter/enc1"}})

    def procedures_surgical(self):
        return [(s, e) for s, e, surg in self.procedures if surg]

    def procedure(self, pid, text, start, end=None, surgical=True):
        r = {"resourceType": "Procedure", "id": pid, "status": "completed", "code": {"text": text},
             "subject": {"reference": "Patient/pat1"}, "encounter": {"reference": "Encounter/enc1"}}
        if end:
            r["performedPeriod"] = {"start": iso(start), "end": iso(end)}
            self.procedures.append((start, end, surgical))
        else:
            r["performedDateTime"] = iso(start)
            self.procedures.append((start, start, surgical))
        self.extra.append(r)

    def allergy(self, aid, text, category="medication"):
        self.extra.append({"resourceType": "AllergyIntolerance", "id": aid,
                           "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active"}]},
                           "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed"}]},
                           "category": [category], "code": {"text": text}, "patient": {"reference": "Patient/pat1"}})

    def medication(self, mid, text, authored, dosage):
        self.extra.append({"resourceType": "MedicationRequest", "id": mid, "status": "completed", "intent": "order",
                           "medicationCodeableConcept": {"text": text}, "subject": {"reference": "Patient/pat1"},
                           "encounter": {"reference": "Encounter/enc1"}, "authoredOn": iso(authored),
                           "dosageInstruction": [{"text": dosage}]})

    def defect(self, kind, document, quote, note, other=None):
        ref = document if document.startswith("Encounter/") else "Composition/" + document
        d = {"kind": kind, "document": ref, "quote": quote}
        if other:
            d["other"] = {"document": "Composition/" + other[0], "quote": other[1]}
        d["note"] = note
        self.defects.append(d)

    # ---- FHIR ----
    def bundle(self):
        entries = []
        p = self.pat
        pr = {"resourceType": "Patient", "id": "pat1", "name": [{"text": p["name"]}], "gender": p["gender"]}
        if p["birth"]:
            pr["birthDate"] = p["birth"]
        if p["marital"]:
            code = p["marital"]
            pr["maritalStatus"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": code,
                                               "display": MARITAL[code][0]}], "text": MARITAL[code][1]}
        entries.append(pr)
        period = {"start": iso(self.enc["start"])}
        if self.enc["end"]:
            period["end"] = iso(self.enc["end"])
        entries.append({"resourceType": "Encounter", "id": "enc1", "status": "finished",
                        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP", "display": "inpatient encounter"},
                        "serviceType": {"text": self.department}, "subject": {"reference": "Patient/pat1"}, "period": period})
        for d in self.docs:
            c = {"resourceType": "Composition", "id": d.id, "status": "final"}
            if d.kind:
                c["type"] = {"coding": [{"system": KIND_SYSTEM, "code": d.kind}], "text": d.title}
            c["subject"] = {"reference": "Patient/pat1"}
            c["encounter"] = {"reference": "Encounter/enc1"}
            if d.date:
                c["date"] = iso(d.date)
            c["title"] = d.title
            c["section"] = [{"title": t, "text": {"status": "generated", "div": div(s)}} for t, s in d.sections]
            entries.append(c)
        entries.extend(self.extra)
        return {"resourceType": "Bundle", "id": "zh-test-%02d" % self.num, "type": "collection",
                "entry": [{"resource": r} for r in entries]}


def dx_lines(items, sep="\n"):
    return sep.join("%d.%s" % (i + 1, x) for i, x in enumerate(items))


def age_at(birth, when):
    b = datetime.strptime(birth, "%Y-%m-%d")
    w = earliest(when)
    return w.year - b.year - ((w.month, w.day) < (b.month, b.day))
