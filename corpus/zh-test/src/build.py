# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes corpus/zh-test/records/*.json and defects.yaml from the charts, and runs the author's own arithmetic
(quotes present, decidable delays, vital ranges, near-copies, chief-complaint length and duration, missing
documents, ages and sexes stated in the text). These checks are the corpus author's, not emrqc's rules.
Usage: python3 corpus/zh-test/src/build.py [--dump]"""
import difflib
import json
import os
import re
import sys
from datetime import timedelta

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from lib import age_at, earliest, latest  # noqa: E402
import charts_a  # noqa: E402
import charts_b  # noqa: E402
import charts_c  # noqa: E402
import charts_d  # noqa: E402
import charts_e  # noqa: E402
import charts_f  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
CHARTS = []
for m in (charts_a, charts_b, charts_c, charts_d, charts_e, charts_f):
    CHARTS += [getattr(m, n) for n in sorted(dir(m)) if re.fullmatch(r"chart\d\d", n)]

KINDS = ["identity-age", "identity-sex", "identity-marital", "identity-obstetric", "identity-menopause",
         "laterality-text", "allergy-text", "diagnosis-fpn-admission", "principal-dx-symptom", "date-op-mismatch",
         "document-before-admission", "template-unfilled", "blank-duplicate", "duplicate-same-day", "near-copy",
         "cc-too-long", "cc-no-duration", "cc-diagnosis", "vital-implausible", "symptom-conflict", "history-conflict",
         "late-admission-record", "late-first-progress-note", "missing-attending-round", "late-operative-note",
         "missing-first-progress-note", "missing-discharge-record", "section-missing", "section-empty"]


SEVERE = {5, 13, 17}


def is_adm(d):
    return d.kind == "admission-record" or (d.title.endswith("入院记录") and "24小时" not in d.title)


def is_fpn(d):
    return d.kind == "first-progress-note" or (d.title in ("首次病程记录", "首次病程") )


def is_round(d):
    return d.kind in ("superior-round", "senior-round") or ("查房" in d.title and ("主治" in d.title or "主任" in d.title))


def is_opnote(d):
    return d.kind == "operative-note" or d.title in ("手术记录",) or d.title.endswith("介入治疗记录")


def is_discharge(d):
    return d.kind == "discharge-record" or d.title in ("出院记录", "出院小结")


def is_note(d):
    return d.kind in ("progress-note", "superior-round", "senior-round") or "病程" in d.title or "查房" in d.title


def nonblank(d):
    return any(s.strip() for _, s in d.sections)


def planted(c, kind, doc=None):
    for x in c.defects:
        if x["kind"] == kind and (doc is None or x["document"] in ("Composition/" + doc, doc)):
            return True
    return False


def check(c, problems):
    P = lambda msg: problems.append("%s: %s" % (c.file, msg))
    kinds = [d["kind"] for d in c.defects]
    for d in c.defects:
        if d["kind"] not in KINDS:
            P("unknown kind " + d["kind"])
        for ref, q in [(d["document"], d["quote"])] + ([(d["other"]["document"], d["other"]["quote"])] if "other" in d else []):
            if ref.startswith("Encounter/"):
                if q != "":
                    P("encounter pointer with a quote")
                continue
            doc = c.get(ref.split("/", 1)[1])
            if q not in doc.narrative():
                P("quote not in %s: %s" % (ref, q))
    start, end = c.enc["start"], c.enc["end"]
    docs = [d for d in c.docs if d.date]
    # admission record
    adms = [d for d in docs if is_adm(d) and nonblank(d)]
    for d in adms[:1]:
        late = earliest(d.date) - latest(start) > timedelta(hours=24)
        if late != planted(c, "late-admission-record", d.id):
            P("late-admission-record decidable=%s planted=%s" % (late, not late))
    # first progress note
    fpns = [d for d in docs if is_fpn(d) and nonblank(d)]
    if not fpns and "missing-first-progress-note" not in kinds:
        P("no first progress note")
    for d in fpns[:1]:
        late = earliest(d.date) - latest(start) > timedelta(hours=8)
        if late != planted(c, "late-first-progress-note", d.id):
            P("late-first-progress-note decidable=%s" % late)
        before = latest(d.date) < earliest(start)
        if before != planted(c, "document-before-admission", d.id):
            P("fpn before admission decidable=%s" % before)
    for d in docs:
        if is_round(d) and latest(d.date) < earliest(start) and not planted(c, "document-before-admission", d.id):
            P("round before admission not planted: " + d.id)
    # attending round within 48 h
    if end and earliest(end) - latest(start) > timedelta(hours=48):
        possible = [d for d in docs if is_round(d) and latest(d.date) >= earliest(start)
                    and earliest(d.date) - latest(start) <= timedelta(hours=48)]
        missing = not possible
        if missing != ("missing-attending-round" in kinds):
            P("missing-attending-round decidable=%s" % missing)
    # operative note
    ops = [d for d in docs if is_opnote(d)]
    for (ps, pe), d in zip(c.procedures_surgical(), ops):
        late = earliest(d.date) - latest(pe) > timedelta(hours=24)
        if late != planted(c, "late-operative-note", d.id):
            P("late-operative-note decidable=%s (%s)" % (late, d.id))
    # discharge
    if end and not [d for d in c.docs if is_discharge(d) and nonblank(d)] and "missing-discharge-record" not in kinds:
        P("no discharge record")
    # chief complaint
    for d in c.docs:
        if is_adm(d) and d.section("主诉"):
            cc = d.section("主诉")
            if len(cc) > 20 and "cc-too-long" not in kinds:
                P("cc too long: " + cc)
            if not re.search(r"(\d+|半|数|十|两)\+?\s*(余)?(天|日|周|月|年|小时|h|分钟)", cc) and "cc-no-duration" not in kinds:
                P("cc without duration: " + cc)
    # vitals
    for d in c.docs:
        n = d.narrative()
        for m in re.finditer(r"(?:\bT|体温)[：: ]*(\d+(?:\.\d+)?)℃", n):
            v = float(m.group(1))
            if not 34 <= v <= 43 and not planted(c, "vital-implausible", d.id):
                P("temperature %s in %s" % (v, d.id))
        for m in re.finditer(r"(?<![A-Za-z胎])(?:P|HR|脉搏|心率)[：: ]*(\d+)次/分", n):
            v = int(m.group(1))
            if not 20 <= v <= 250 and not planted(c, "vital-implausible", d.id):
                P("pulse %s in %s" % (v, d.id))
        for m in re.finditer(r"(?<![A-Za-z])(?:R|呼吸)[：: ]*(\d+)次/分", n):
            v = int(m.group(1))
            if not 4 <= v <= 60 and not planted(c, "vital-implausible", d.id):
                P("resp %s in %s" % (v, d.id))
        for m in re.finditer(r"(?:BP|血压)[：: ]*(\d+)/(\d+)mmHg", n):
            s_, d_ = int(m.group(1)), int(m.group(2))
            if not (50 <= s_ <= 280 and 20 <= d_ <= 160 and s_ > d_) and not planted(c, "vital-implausible", d.id):
                P("bp %s/%s in %s" % (s_, d_, d.id))
    # near-copies among consecutive notes
    notes = sorted([d for d in docs if is_note(d) and not is_fpn(d) and nonblank(d)], key=lambda d: earliest(d.date))
    for a, b in zip(notes, notes[1:]):
        r = difflib.SequenceMatcher(None, a.narrative(), b.narrative(), autojunk=False).ratio()
        if r >= 0.5 and not (planted(c, "near-copy", b.id) or planted(c, "duplicate-same-day", b.id)):
            P("notes %s and %s are %.0f%% alike" % (a.id, b.id, 100 * r))
        if r < 0.9 and (planted(c, "near-copy", b.id) or planted(c, "duplicate-same-day", b.id)):
            P("planted copy %s only %.0f%% alike" % (b.id, 100 * r))
    # progress-note frequency (not a gold kind: keep every chart within 3 days, 2 for the severely ill)
    limit = 2 if c.num in SEVERE else 3
    days = sorted({earliest(d.date).date() for d in docs if is_note(d) and nonblank(d)} | {earliest(start).date()})
    if end:
        days_end = earliest(end).date()
        for x, y in zip(days, days[1:] + [days_end]):
            if (y - x).days > limit:
                P("no progress note between %s and %s" % (x, y))
    # FPN vs admission diagnoses
    if c.dx_adm is not None and c.dx_fpn is not None and (c.dx_adm != c.dx_fpn) != ("diagnosis-fpn-admission" in kinds):
        P("diagnosis lists differ=%s" % (c.dx_adm != c.dx_fpn))
    # ages and sexes in the text
    if c.pat["birth"]:
        age = age_at(c.pat["birth"], start)
        for d in c.docs:
            for m in re.finditer(r"(?:年龄[：:]\s*|[男女]性?[，,、]\s*|患者[^，。；\d]{0,6}?)(\d+)岁", d.narrative()):
                if int(m.group(1)) != age and not planted(c, "identity-age", d.id):
                    P("age %s (want %d) in %s: %s" % (m.group(1), age, d.id, m.group(0)))
    sex = {"male": "男", "female": "女"}[c.pat["gender"]]
    other = "女" if sex == "男" else "男"
    for d in c.docs:
        for m in re.finditer(r"(?:患者|性别[：:]\s*|患儿|[，,])%s(?=[，,性])" % other, d.narrative()):
            if not planted(c, "identity-sex", d.id):
                P("sex %s in %s" % (m.group(0), d.id))
    if c.clean != (not c.defects):
        P("clean flag")


def q(s):
    return json.dumps(s, ensure_ascii=False)


def to_yaml(out):
    """The layout of corpus/zh-dev/defects.yaml: block lists, flow list of phenomena, double-quoted texts."""
    lines = ["records:"]
    for r in out["records"]:
        lines.append("  - file: " + r["file"])
        lines.append("    department: " + r["department"])
        lines.append("    precision: " + r["precision"])
        lines.append("    clean: " + ("true" if r["clean"] else "false"))
        lines.append("    phenomena: [" + ", ".join(r["phenomena"]) + "]")
        if not r["defects"]:
            lines.append("    defects: []")
            continue
        lines.append("    defects:")
        for d in r["defects"]:
            lines.append("      - kind: " + d["kind"])
            lines.append("        document: " + d["document"])
            lines.append("        quote: " + q(d["quote"]))
            if "other" in d:
                lines.append("        other:")
                lines.append("          document: " + d["other"]["document"])
                lines.append("          quote: " + q(d["other"]["quote"]))
            lines.append("        note: " + q(d["note"]))
    text = "\n".join(lines) + "\n"
    assert yaml.safe_load(text) == out, "YAML round trip"
    return text


def main():
    dump = "--dump" in sys.argv
    problems = []
    out = {"records": []}
    os.makedirs(os.path.join(ROOT, "records"), exist_ok=True)
    for f in os.listdir(os.path.join(ROOT, "records")):
        os.remove(os.path.join(ROOT, "records", f))
    for fn in CHARTS:
        c = fn()
        c.clean = not c.defects
        check(c, problems)
        with open(os.path.join(ROOT, c.file), "w", encoding="utf-8") as fh:
            json.dump(c.bundle(), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        out["records"].append({"file": c.file, "department": c.department, "precision": c.precision,
                               "clean": c.clean, "phenomena": c.phenomena, "defects": c.defects})
        if dump:
            print("=" * 30, c.file, c.pat, c.enc)
            for d in c.docs:
                print("-" * 10, d.id, d.title, d.kind, d.date, len(d.narrative()))
                print(d.narrative())
    header = ("# Gold list of the zh-test corpus (held out): every defect a QC reviewer would raise in each record.\n"
              "# Generated by src/build.py from the chart sources; GPL-3.0-or-later. See README.md.\n")
    with open(os.path.join(ROOT, "defects.yaml"), "w", encoding="utf-8") as fh:
        fh.write(header)
        fh.write(to_yaml(out))
    counts = {}
    for r in out["records"]:
        for d in r["defects"]:
            counts[d["kind"]] = counts.get(d["kind"], 0) + 1
    print("records %d, clean %d, defects %d" % (len(out["records"]), sum(r["clean"] for r in out["records"]), sum(counts.values())),
          file=sys.stderr)
    missing = [k for k in KINDS if k not in counts]
    if missing:
        print("kinds not planted: %s" % missing, file=sys.stderr)
    for p in problems:
        print("PROBLEM " + p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
