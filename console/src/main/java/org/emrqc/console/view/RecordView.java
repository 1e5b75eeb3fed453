package org.emrqc.console.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.console.ingest.RecordSummarizer;
import org.emrqc.console.store.FindingRow;
import org.emrqc.console.store.QcRecord;
import org.emrqc.console.store.UserAccount;
import org.emrqc.console.store.VerdictRow;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.model.AllergyFact;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.DiagnosticReportFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.ProcedureFact;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;

/**
 * The record view: summary, narrative documents (the text evidence spans index), structured facts, and each
 * finding's explanation (rule text, parameters with the region that set each, regulation, evidence, fix hint, verdicts).
 */
@ApplicationScoped
public class RecordView {
    @Inject
    QcEngine engine;
    @Inject
    ObjectMapper json;

    public Map<String, Object> of(QcRecord r, String locale) {
        Map<String, Object> out = WorklistItems.summary(r);
        out.put("recordKey", r.recordKey);
        out.put("encounterRef", r.encounterRef);
        out.put("attendingRef", r.attendingRef);
        out.put("attendingUsername", r.attendingUsername);
        out.put("packVersion", r.packVersion);
        out.put("vetoed", r.vetoed);
        out.put("source", r.source);
        out.put("receivedAt", r.receivedAt);
        out.put("admittedAt", r.admittedAt);
        out.put("dischargedAt", r.dischargedAt);
        out.put("timeliness", r.timeliness);
        PatientRecord record = parse(r);
        out.put("documents", record == null ? List.of() : documents(record));
        out.put("facts", record == null ? Map.of() : facts(record));
        List<FindingRow> findings = FindingRow.list("recordId = ?1 order by severity, ruleId", r.id);
        List<Map<String, Object>> fs = new ArrayList<>();
        for (FindingRow f : findings) fs.add(finding(f, locale));
        out.put("findings", fs);
        out.put("indicators", indicators(r, findings));
        return out;
    }

    /** The national indicators whose denominator the record is in, each with its numerator as the findings now stand. */
    private static List<Map<String, Object>> indicators(QcRecord r, List<FindingRow> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (r.indicators == null) return out;
        r.indicators.forEach((code, v) -> {
            @SuppressWarnings("unchecked")
            List<String> rules = (List<String>) v.getOrDefault("rules", List.of());
            boolean occurrence = Boolean.TRUE.equals(v.get("occurrence"));
            List<String> deciding = findings.stream().filter(f -> !"dismissed".equals(f.status) && rules.contains(f.ruleId))
                    .map(f -> f.ruleId).distinct().toList();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("code", code);
            m.put("number", v.get("number"));
            m.put("name", v.get("name"));
            m.put("occurrence", occurrence);
            m.put("inNumerator", occurrence != deciding.isEmpty());
            m.put("why", v.get("why"));
            m.put("refs", v.get("refs"));
            m.put("deciding", deciding);
            out.add(m);
        });
        return out;
    }

    private PatientRecord parse(QcRecord r) {
        if (r.fhir == null) return null;
        try {
            ParsedInput input = engine.read(r.source, json.writeValueAsString(r.fhir).getBytes(StandardCharsets.UTF_8));
            return RecordSummarizer.forPatient(new RecordSummarizer(engine.zone(), engine.ruleSet(r.region).knowledge()).records(input), r.patientRef);
        } catch (Exception e) {
            return null;
        }
    }

    private List<Map<String, Object>> documents(PatientRecord record) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DocumentFact d : record.facts(DocumentFact.class)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ref", d.getRef());
            m.put("title", d.getTitle() != null ? d.getTitle() : d.getText());
            m.put("date", time(d.getDate()));
            m.put("signedAt", time(d.getSignedAt()));
            m.put("text", d.getNarrative() == null ? "" : d.getNarrative());
            out.add(m);
        }
        for (DiagnosticReportFact d : record.facts(DiagnosticReportFact.class)) {
            if (d.getNarrative() == null) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ref", d.getRef());
            m.put("title", d.getText());
            m.put("date", null);
            m.put("signedAt", null);
            m.put("text", d.getNarrative());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> facts(PatientRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (record.getPatient() != null) {
            out.put("patient", map("ref", record.getPatientRef(), "name", record.getPatient().getName(),
                    "gender", record.getPatient().getGender(), "birthDate", String.valueOf(record.getPatient().getBirthDate())));
        }
        out.put("encounters", record.facts(EncounterFact.class).stream().map(e -> map("ref", e.getRef(), "class", e.getClassCode(),
                "status", e.getStatus(), "department", e.getDepartment(), "start", time(e.getStart()), "end", time(e.getEnd()))).toList());
        out.put("conditions", record.facts(ConditionFact.class).stream().map(c -> map("ref", c.getRef(), "system", c.getSystem(),
                "code", c.getCode(), "text", c.getLabel(), "clinicalStatus", c.getClinicalStatus(), "principal", c.isPrincipal())).toList());
        out.put("medications", record.facts(MedicationFact.class).stream().map(m -> map("ref", m.getRef(), "code", m.getCode(),
                "text", m.getLabel(), "dose", m.getDose(), "doseUnit", m.getDoseUnit(), "route", m.getRoute(),
                "timesPerDay", m.getTimesPerDay(), "status", m.getStatus())).toList());
        out.put("observations", record.facts(ObservationFact.class).stream().map(o -> map("ref", o.getRef(), "code", o.getCode(),
                "text", o.getLabel(), "value", o.getValue(), "valueText", o.getValueText(), "unit", o.getUnit(), "effective", time(o.getEffective()))).toList());
        out.put("procedures", record.facts(ProcedureFact.class).stream().map(p -> map("ref", p.getRef(), "code", p.getCode(),
                "text", p.getLabel(), "start", time(p.getStart()), "end", time(p.getEnd()), "surgical", p.isSurgical())).toList());
        out.put("allergies", record.facts(AllergyFact.class).stream().map(a -> map("ref", a.getRef(), "code", a.getCode(),
                "text", a.getLabel(), "clinicalStatus", a.getClinicalStatus(), "noKnownAllergy", a.isNoKnownAllergy())).toList());
        return out;
    }

    Map<String, Object> finding(FindingRow f, String locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id);
        m.put("issueId", f.issueId);
        m.put("ruleId", f.ruleId);
        m.put("title", f.title);
        m.put("defectClass", f.defectClass);
        m.put("severity", f.severity);
        m.put("points", f.points);
        m.put("veto", f.veto);
        m.put("detail", "en".equals(locale) ? (f.detailEn != null ? f.detailEn : f.detailZh) : (f.detailZh != null ? f.detailZh : f.detailEn));
        m.put("detailEn", f.detailEn);
        m.put("detailZh", f.detailZh);
        m.put("fixHint", f.fixHint);
        m.put("regulation", f.regulation);
        m.put("reference", f.reference);
        m.put("region", f.region);
        m.put("packVersion", f.packVersion);
        m.put("parameters", parameters(f));
        m.put("values", f.values);
        m.put("spans", f.evidenceSpans == null ? List.of() : f.evidenceSpans);
        m.put("implicated", f.implicated == null ? List.of() : f.implicated);
        m.put("evidence", f.evidence == null ? List.of() : f.evidence);
        m.put("status", f.status);
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (VerdictRow v : VerdictRow.<VerdictRow>list("findingId = ?1 order by at, id", f.id)) {
            UserAccount u = UserAccount.findById(v.userId);
            verdicts.add(map("verdict", v.verdict, "reason", v.reason, "by", u == null ? null : u.username, "at", v.at));
        }
        m.put("verdicts", verdicts);
        return m;
    }

    /** The rule's parameters in the finding's region, each with the region (or "pack") that set it. */
    private Map<String, Object> parameters(FindingRow f) {
        Map<String, Object> out = new LinkedHashMap<>();
        EffectiveRuleSet rules;
        try {
            rules = engine.ruleSet(f.region);
        } catch (RuntimeException e) {
            return out;
        }
        EffectiveRule rule = rules.rules().get(f.ruleId);
        if (rule == null) return out;
        rule.params().forEach((k, v) -> out.put(k, map("value", v, "origin", rule.origins().getOrDefault("params." + k, "pack"))));
        out.put("severity", map("value", rule.severity().code(), "origin", rule.origins().getOrDefault("severity", "pack")));
        out.put("points", map("value", rule.points(), "origin", rule.origins().getOrDefault("points", "pack")));
        out.put("veto", map("value", rule.veto(), "origin", rule.origins().getOrDefault("veto", "pack")));
        return out;
    }

    static Instant time(Long t) { return t == null ? null : Instant.ofEpochMilli(t); }

    /** A map that keeps null values and order (Map.of refuses nulls). */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
