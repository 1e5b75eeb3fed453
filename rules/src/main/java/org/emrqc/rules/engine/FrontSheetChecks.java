package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.FrontSheetFact;
import org.emrqc.model.Localized;
import org.emrqc.model.PatientFact;

/**
 * What the front-sheet templates judge on a stay's {@link FrontSheetFact}: the required fields it leaves empty, and
 * the fields that contradict the rest of the record. A field the feed may simply not carry (入院病情, the incision and
 * healing grade) is judged only where the feed fills it for some entries of the stay: one left empty among filled
 * ones is a defect, a feed that never sends it is not.
 */
public final class FrontSheetChecks {
    private FrontSheetChecks() { }

    /** The fields left empty, in the order asked, named as the front sheet names them; empty when none. */
    public static List<Localized> missing(FrontSheetFact fs, List<?> conditions, List<String> fields) {
        List<Localized> out = new ArrayList<>();
        for (String field : fields) {
            switch (field) {
                case "principal-diagnosis" -> {
                    boolean principal = fs.getDiagnoses().stream().anyMatch(d -> d.rank() != null && d.rank() == 1 && !"AD".equals(d.use()));
                    for (Object o : conditions) {
                        if (o instanceof ConditionFact c && c.isPrincipal() && fs.getId().equals(c.getEncounterId())) principal = true;
                    }
                    if (!principal) out.add(new Localized("principal diagnosis", "主要诊断"));
                }
                case "admission-route" -> { if (!fs.hasAdmitSource()) out.add(new Localized("admission route", "入院途径")); }
                case "discharge-disposition" -> { if (!fs.hasDisposition()) out.add(new Localized("discharge disposition", "离院方式")); }
                case "destination" -> {
                    if (fs.isTransferDisposition() && !fs.isDestination()) out.add(new Localized("receiving institution", "拟接收医疗机构名称"));
                }
                case "payer" -> { if (fs.getPayer() == null) out.add(new Localized("payer", "医疗付费方式")); }
                case "autopsy" -> { if (fs.isDeathDisposition() && fs.getAutopsy() == null) out.add(new Localized("autopsy", "尸检")); }
                case "admission-condition" -> {
                    List<FrontSheetFact.Diagnosis> discharge = fs.getDiagnoses().stream().filter(d -> !"AD".equals(d.use())).toList();
                    if (discharge.stream().anyMatch(d -> d.admissionCondition() != null)) {
                        for (FrontSheetFact.Diagnosis d : discharge) {
                            if (d.admissionCondition() == null) out.add(new Localized("condition on admission (" + d.label() + ")", "入院病情（" + d.label() + "）"));
                        }
                    }
                }
                case "incision" -> {
                    List<FrontSheetFact.Operation> ops = fs.getOperations().stream().filter(FrontSheetFact.Operation::surgical).toList();
                    if (ops.stream().anyMatch(o -> o.incisionClass() != null || o.healingGrade() != null)) {
                        for (FrontSheetFact.Operation o : ops) {
                            if (o.incisionClass() == null || o.healingGrade() == null) {
                                out.add(new Localized("incision and healing grade (" + o.label() + ")", "切口愈合等级（" + o.label() + "）"));
                            }
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown front-sheet field '" + field + "'");
            }
        }
        return out;
    }

    /** Joins names with 、 in Chinese and ", " in English. */
    public static Localized join(List<Localized> names) {
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        for (Localized n : names) {
            en.add(n.in("en"));
            zh.add(n.in("zh"));
        }
        return new Localized(String.join(", ", en), String.join("、", zh));
    }

    /** What in the front sheet contradicts the record for the check named, or null. */
    public static Localized conflict(FrontSheetFact fs, EncounterFact stay, PatientFact patient, String check) {
        return conflict(fs, stay, patient, check, null);
    }

    /** As above; {@code ctx} gives the record's documents and events for the checks that compare with them. */
    public static Localized conflict(FrontSheetFact fs, EncounterFact stay, PatientFact patient, String check, RecordContext ctx) {
        switch (check) {
            case "transfusion" -> {
                if (!Boolean.FALSE.equals(fs.getTransfusion()) || ctx == null) return null;
                Localized given = transfusionGiven(fs.getEncounterId(), ctx);
                if (given == null) return null;
                return new Localized("the transfusion field says none, but during the stay: " + given.en(), "输血项目填写为\"无\"，但本次住院有" + given.zh());
            }
            case "death-disposition" -> {
                if (!fs.hasDisposition()) return null;
                boolean diedInStay = patient != null && patient.getDeceasedAt() != null && stay != null && stay.getStart() != null
                        && stay.getEnd() != null && !(patient.getDeceasedAtLatest() < stay.getStart()) && !(patient.getDeceasedAt() > stay.getEndLatest());
                String shown = fs.getDispositionText() != null ? fs.getDispositionText() : fs.getDisposition();
                if (diedInStay && !fs.isDeathDisposition()) {
                    return new Localized("the patient died during the stay but the discharge disposition is \"" + shown + "\"",
                            "患者于住院期间死亡，离院方式却为\"" + shown + "\"");
                }
                if (fs.isDeathDisposition() && patient != null && Boolean.FALSE.equals(patient.getDeceased())) {
                    return new Localized("the discharge disposition is death but the patient is recorded as alive", "离院方式为死亡，患者信息却记为未死亡");
                }
                return null;
            }
            case "autopsy" -> {
                if (Boolean.TRUE.equals(fs.getAutopsy()) && fs.hasDisposition() && !fs.isDeathDisposition()) {
                    String shown = fs.getDispositionText() != null ? fs.getDispositionText() : fs.getDisposition();
                    return new Localized("an autopsy is recorded but the discharge disposition is \"" + shown + "\"", "填写了尸检，离院方式却为\"" + shown + "\"");
                }
                return null;
            }
            case "principal-procedure" -> {
                List<String> principal = fs.getOperations().stream().filter(o -> o.rank() != null && o.rank() == 1).map(FrontSheetFact.Operation::label).toList();
                if (principal.size() > 1) {
                    return new Localized("more than one principal procedure: " + String.join(", ", principal), "主要手术填写了多个：" + String.join("、", principal));
                }
                // the feed ranks the operations but none is the principal one
                List<String> ranked = fs.getOperations().stream().filter(o -> o.rank() != null).map(FrontSheetFact.Operation::label).toList();
                if (principal.isEmpty() && !ranked.isEmpty()) {
                    return new Localized("no principal procedure among the ranked procedures " + String.join(", ", ranked),
                            "未填写主要手术（已填写其他手术：" + String.join("、", ranked) + "）");
                }
                return null;
            }
            default -> throw new IllegalArgumentException("unknown front-sheet check '" + check + "'");
        }
    }

    /**
     * What shows that blood was given during the stay, or null: a final 输血记录, a transfusion procedure that was done,
     * a transfusion order that was completed (an order still active, 备血 or 交叉配血 prove nothing).
     */
    static Localized transfusionGiven(String stayId, RecordContext ctx) {
        for (org.emrqc.model.DocumentFact d : ctx.getDocuments()) {
            if (stayId.equals(d.getEncounterId()) && "transfusion-record".equals(d.getKind()) && d.isFinal()) {
                Localized name = ClinicalNames.document(d);
                String when = d.getDate() == null ? "" : new ShownTime(d.getDate(), d.getDateLatest()).format(ctx.getZone());
                return new Localized(name.en() + (when.isEmpty() ? "" : " (" + when + ")"), name.zh() + (when.isEmpty() ? "" : "（" + when + "）"));
            }
        }
        java.util.Map<String, org.emrqc.model.Fact> byRef = new java.util.HashMap<>();
        for (org.emrqc.model.Fact f : ctx.of(org.emrqc.model.Fact.class)) if (!(f instanceof org.emrqc.model.EventFact)) byRef.putIfAbsent(f.getRef(), f);
        for (org.emrqc.model.EventFact e : ctx.of(org.emrqc.model.EventFact.class)) {
            if (!"transfusion".equals(e.getKind()) || !stayId.equals(e.getEncounterId())) continue;
            org.emrqc.model.Fact src = byRef.get(e.getRef());
            boolean done = src instanceof org.emrqc.model.ProcedureFact p && ("completed".equals(p.getStatus()) || "in-progress".equals(p.getStatus()))
                    || src instanceof org.emrqc.model.OrderFact o && "completed".equals(o.getStatus());
            if (done) return e.getLabel();
        }
        return null;
    }
}
