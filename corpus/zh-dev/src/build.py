#!/usr/bin/env python3
# emrqc zh-dev corpus: writes records/*.json and defects.yaml from the chart sources, and runs the author's own
# consistency checks (quotes, timing arithmetic, copy ratios, vital ranges, chief-complaint length). These checks
# are the corpus author's tooling; they do not use emrqc's rules.
# Copyright (C) the emrqc authors. GPL-3.0-or-later.
import datetime
import difflib
import importlib
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from lib import DEFECT_KINDS, parse_t  # noqa: E402

MODULES = ["charts_surgery", "charts_twins", "charts_women", "charts_medicine", "charts_medicine2",
           "charts_children", "charts_special"]

PROGRESS_WORDS = ("病程", "查房")


def load():
    recs = []
    for m in MODULES:
        try:
            mod = importlib.import_module(m)
        except ModuleNotFoundError as e:
            if e.name == m:
                continue
            raise
        for f in mod.CHARTS:
            out = f()
            recs.extend(out if isinstance(out, list) else [out])
    recs.sort(key=lambda r: r.num)
    return recs


def planted(r, kind):
    return any(d["kind"] == kind for d in r.defects)


def hours(a, b):
    return (parse_t(b) - parse_t(a)).total_seconds() / 3600


def check(r):
    warn = []
    ids = {d["id"] for d in r.docs}
    for d in r.defects:
        for doc, quote in [(d["document"], d["quote"])] + ([(d["other"]["document"], d["other"]["quote"])] if "other" in d else []):
            typ, _, i = doc.partition("/")
            if typ == "Encounter":
                if i != r.eid:
                    warn.append("unknown encounter " + doc)
                continue
            if i not in ids:
                warn.append("unknown document " + doc)
                continue
            if quote not in r.narrative(i):
                warn.append("quote not in %s: %r" % (doc, quote))
    # chief complaint length
    for d in r.docs:
        for (t, x) in d["sections"]:
            if t == "主诉" and x and len(x) > 20 and not planted(r, "cc-too-long"):
                warn.append("chief complaint over 20 characters: " + x)
    # vital ranges
    for d in r.docs:
        text = r.narrative(d["id"])
        for m in re.finditer(r"T[:：\s]*(\d+(?:\.\d)?)℃", text):
            if not 34 <= float(m.group(1)) <= 42 and not planted(r, "vital-implausible"):
                warn.append("%s temperature %s" % (d["id"], m.group(0)))
        for m in re.finditer(r"(?:P|心率|脉搏)[:：\s]*(\d+)次/分", text):
            if not 30 <= int(m.group(1)) <= 220 and not planted(r, "vital-implausible"):
                warn.append("%s pulse %s" % (d["id"], m.group(0)))
        for m in re.finditer(r"BP[:：\s]*(\d+)/(\d+)mmHg", text):
            s, dia = int(m.group(1)), int(m.group(2))
            if not (60 <= s <= 250 and 30 <= dia <= 150 and s > dia + 10) and not planted(r, "vital-implausible"):
                warn.append("%s blood pressure %s" % (d["id"], m.group(0)))
    # copy ratio of consecutive progress notes
    prog = [d for d in r.docs if any(w in d["title"] for w in PROGRESS_WORDS) and d["title"] != "首次病程记录"]
    for a, b in zip(prog, prog[1:]):
        ta = "\n".join(x for (_, x) in a["sections"] if x)
        tb = "\n".join(x for (_, x) in b["sections"] if x)
        if not ta or not tb:
            continue
        ratio = difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
        if ratio >= 0.5 and not (planted(r, "near-copy") or planted(r, "duplicate-same-day")):
            warn.append("consecutive notes %s/%s similar %.2f" % (a["id"], b["id"], ratio))
    # timing: warn only where a delay is decidable from the precision the record is sent with
    enc_minute = r.precision in ("minute", "mixed")
    doc_minute = r.precision == "minute"

    def span(t, minute):
        d = parse_t(t)
        if minute and len(t) > 10:
            return d, d
        d0 = d.replace(hour=0, minute=0)
        return d0, d0 + datetime.timedelta(hours=23, minutes=59)

    def late(ref, ref_minute, t, limit):
        """(decidably late, possibly late)"""
        r0, r1 = span(ref, ref_minute)
        t0, t1 = span(t, doc_minute)
        return (t0 - r1).total_seconds() / 3600 > limit, (t1 - r0).total_seconds() / 3600 > limit

    dated = [d for d in r.docs if d["date"]]
    for d in dated:
        a0, _ = span(r.admit, enc_minute)
        _, t1 = span(d["date"], doc_minute)
        if t1 < a0 and not planted(r, "document-before-admission"):
            warn.append("%s before admission" % d["id"])
    limits = {"admission-record": (24, "late-admission-record"), "first-progress-note": (8, "late-first-progress-note")}
    for d in dated:
        if d["kind"] in limits:
            lim, kind = limits[d["kind"]]
            sure, maybe = late(r.admit, enc_minute, d["date"], lim)
            if sure and not planted(r, kind):
                warn.append("%s decidably late" % d["id"])
            if maybe and not sure:
                print("   (%s: %s late only if the unknown times say so)" % (r.file, d["id"]))
    if r.discharge and hours(r.admit, r.discharge) > 48:
        rounds = [d for d in dated if d["kind"] in ("superior-round", "senior-round") or any(w in d["title"] for w in ("主治", "主任医师查房", "上级医师"))]
        rounds.sort(key=lambda d: parse_t(d["date"]))
        if not rounds or late(r.admit, enc_minute, rounds[0]["date"], 48)[0]:
            if not planted(r, "missing-attending-round") and not planted(r, "document-before-admission"):
                warn.append("no superior round within 48 h")
    procs = [x for x in r.extra if x["resourceType"] == "Procedure"]
    for d in dated:
        if d["kind"] == "operative-note" and procs:
            end = procs[0].get("performedPeriod", {}).get("end") or procs[0].get("performedDateTime")
            end = end[:16].replace("T", " ") if len(end) > 10 else end
            if late(end, doc_minute, d["date"], 24)[0] and not planted(r, "late-operative-note"):
                warn.append("%s decidably late after the operation" % d["id"])
        if d["kind"] == "discharge-record" and r.discharge:
            if late(r.discharge, enc_minute, d["date"], 24)[0]:
                warn.append("%s decidably late after discharge" % d["id"])
    kinds = {d["kind"] for d in r.docs}
    if "first-progress-note" not in kinds and not planted(r, "missing-first-progress-note"):
        warn.append("no first progress note")
    if not kinds & {"discharge-record", "death-record"} and not any("出院" in d["title"] for d in r.docs) \
            and not planted(r, "missing-discharge-record"):
        warn.append("no discharge record")
    return warn


def similarity_report(r):
    prog = [d for d in r.docs if any(w in d["title"] for w in PROGRESS_WORDS) and d["title"] != "首次病程记录"]
    out = []
    for a, b in zip(prog, prog[1:]):
        ta = "\n".join(x for (_, x) in a["sections"] if x)
        tb = "\n".join(x for (_, x) in b["sections"] if x)
        if ta and tb:
            out.append("%s/%s %.2f" % (a["id"], b["id"], difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()))
    return out


def q(s):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def gold_yaml(recs):
    out = ["records:"]
    for r in recs:
        g = r.gold()
        out.append("  - file: %s" % g["file"])
        out.append("    department: %s" % g["department"])
        out.append("    precision: %s" % g["precision"])
        out.append("    clean: %s" % ("true" if g["clean"] else "false"))
        out.append("    phenomena: [%s]" % ", ".join(g["phenomena"]))
        if not g["defects"]:
            out.append("    defects: []")
            continue
        out.append("    defects:")
        for d in g["defects"]:
            out.append("      - kind: %s" % d["kind"])
            out.append("        document: %s" % d["document"])
            out.append("        quote: %s" % q(d["quote"]))
            if "other" in d:
                out.append("        other: {document: %s, quote: %s}" % (d["other"]["document"], q(d["other"]["quote"])))
            out.append("        note: %s" % q(d["note"]))
    return "\n".join(out) + "\n"


def main():
    recs = load()
    os.makedirs(os.path.join(ROOT, "records"), exist_ok=True)
    problems = 0
    seen = set()
    for r in recs:
        assert r.num not in seen, r.num
        seen.add(r.num)
        w = check(r)
        for x in w:
            print("%s: %s" % (r.file, x))
        problems += len(w)
        with open(os.path.join(ROOT, r.file), "w", encoding="utf-8") as f:
            json.dump(r.bundle(), f, ensure_ascii=False, indent=1)
            f.write("\n")
        if "-v" in sys.argv:
            adm_len = [len(r.narrative(d["id"])) for d in r.docs if d["kind"] == "admission-record"]
            print("%s admission-record chars %s; %s" % (r.file, adm_len, ", ".join(similarity_report(r))))
    # remove records no longer produced
    produced = {os.path.basename(r.file) for r in recs}
    for name in os.listdir(os.path.join(ROOT, "records")):
        if name.endswith(".json") and name not in produced:
            os.remove(os.path.join(ROOT, "records", name))
    gold = {"records": [r.gold() for r in recs]}
    with open(os.path.join(ROOT, "defects.yaml"), "w", encoding="utf-8") as f:
        f.write("# Gold list of the zh-dev corpus: every defect a QC reviewer would raise in each record.\n")
        f.write("# Generated by src/build.py from the chart sources; GPL-3.0-or-later. See README.md.\n")
        f.write(gold_yaml(recs))
    assert yaml.safe_load(open(os.path.join(ROOT, "defects.yaml"), encoding="utf-8")) == gold
    counts = {k: 0 for k in DEFECT_KINDS}
    recs_per_kind = {k: set() for k in DEFECT_KINDS}
    for r in recs:
        for d in r.defects:
            counts[d["kind"]] += 1
            recs_per_kind[d["kind"]].add(r.num)
    print("records %d, clean %d, defects %d, problems %d" % (len(recs), sum(1 for r in recs if not r.defects),
                                                            sum(counts.values()), problems))
    if "-v" in sys.argv or "-k" in sys.argv:
        for k in DEFECT_KINDS:
            print("  %-28s %2d in %d records" % (k, counts[k], len(recs_per_kind[k])))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
