package org.emrqc.console.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.fhir.QcCodeSystems;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a findings Bundle as FindingsBundleWriter writes it (on emrqc.findings.v1 and from {@code check}): one
 * MeasureReport per patient record and the DetectedIssues whose patient is that record's patient.
 */
public final class FindingsBundleReader {
    private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    public List<CheckedRecord> read(Bundle bundle) {
        Map<String, List<CheckedRecord.IssueData>> issuesByPatient = new LinkedHashMap<>();
        List<MeasureReport> scores = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r instanceof DetectedIssue di) {
                issuesByPatient.computeIfAbsent(refOrEmpty(di.getPatient()), k -> new ArrayList<>()).add(issue(di));
            } else if (r instanceof MeasureReport m) {
                scores.add(m);
            }
        }
        if (scores.isEmpty()) throw new IllegalArgumentException("the findings bundle has no MeasureReport (score and grade)");
        List<CheckedRecord> out = new ArrayList<>();
        for (MeasureReport m : scores) {
            String patient = refOrEmpty(m.getSubject());
            MeasureReport.MeasureReportGroupComponent g = m.getGroupFirstRep();
            String grade = org.emrqc.fhir.FindingsBundleWriter.grade(m);
            double score = g.getMeasureScore().hasValue() ? g.getMeasureScore().getValue().doubleValue() : 0;
            out.add(new CheckedRecord(patient.isEmpty() ? null : patient, score, grade, bool(m.getExtensionByUrl(QcCodeSystems.EXT_VETOED)),
                    string(m.getExtensionByUrl(QcCodeSystems.EXT_PACK)), string(m.getExtensionByUrl(QcCodeSystems.EXT_REGION)),
                    issuesByPatient.getOrDefault(patient, List.of())));
        }
        return out;
    }

    CheckedRecord.IssueData issue(DetectedIssue di) {
        String ruleId = null;
        String defectClass = null;
        for (Coding c : di.getCode().getCoding()) {
            if (QcCodeSystems.RULE.equals(c.getSystem())) ruleId = c.getCode();
            if (QcCodeSystems.DEFECT_CLASS.equals(c.getSystem())) defectClass = c.getCode();
        }
        if (ruleId == null) throw new IllegalArgumentException("DetectedIssue/" + di.getIdPart() + " has no rule code (" + QcCodeSystems.RULE + ")");
        String region = string(di.getExtensionByUrl(QcCodeSystems.EXT_REGION));
        String detail = di.getDetail();
        String other = null;
        String otherLang = null;
        Extension tr = di.getDetailElement().getExtensionByUrl(TRANSLATION);
        if (tr != null) {
            otherLang = string(tr.getExtensionByUrl("lang"));
            other = string(tr.getExtensionByUrl("content"));
        }
        boolean otherIsEn = "en".equals(otherLang);
        List<String> implicated = new ArrayList<>();
        for (Reference ref : di.getImplicated()) implicated.add(ref.getReference());
        List<String> evidence = new ArrayList<>();
        List<Map<String, Object>> spans = new ArrayList<>();
        for (DetectedIssue.DetectedIssueEvidenceComponent ev : di.getEvidence()) {
            Extension span = ev.getExtensionByUrl(QcCodeSystems.EXT_EVIDENCE_SPAN);
            if (span != null) {
                spans.add(span(span));
            } else {
                for (Reference ref : ev.getDetail()) evidence.add(ref.getReference());
            }
        }
        Extension enc = di.getExtensionByUrl(QcCodeSystems.EXT_ENCOUNTER);
        // findings written before the conformance package carry the R5 cross-version extension
        if (enc == null) enc = di.getExtensionByUrl(QcCodeSystems.LEGACY_R5_ENCOUNTER);
        String issueId = di.getIdPart();
        return new CheckedRecord.IssueData(issueId, ruleId, di.getCode().getText(), defectClass,
                di.hasSeverity() ? di.getSeverity().toCode() : "moderate", decimal(di.getExtensionByUrl(QcCodeSystems.EXT_POINTS)),
                bool(di.getExtensionByUrl(QcCodeSystems.EXT_VETO)),
                otherIsEn ? other : detail, otherIsEn ? detail : other,
                string(di.getExtensionByUrl(QcCodeSystems.EXT_FIX)), string(di.getExtensionByUrl(QcCodeSystems.EXT_REGULATION)),
                di.getReference(), enc == null ? null : ((Reference) enc.getValue()).getReference(),
                implicated, evidence, spans, region, string(di.getExtensionByUrl(QcCodeSystems.EXT_PACK)), null);
    }

    private static Map<String, Object> span(Extension x) {
        Map<String, Object> m = new LinkedHashMap<>();
        Extension doc = x.getExtensionByUrl("document");
        m.put("document", doc == null ? null : ((Reference) doc.getValue()).getReference());
        m.put("start", intOf(x.getExtensionByUrl("start")));
        m.put("end", intOf(x.getExtensionByUrl("end")));
        m.put("quote", string(x.getExtensionByUrl("quote")));
        m.put("section", string(x.getExtensionByUrl("section")));
        m.put("confidence", decimal(x.getExtensionByUrl("confidence")));
        m.put("backend", string(x.getExtensionByUrl("backend")));
        m.put("degraded", bool(x.getExtensionByUrl("degraded")));
        return m;
    }

    private static String refOrEmpty(Reference r) { return r == null || r.getReference() == null ? "" : r.getReference(); }

    private static String string(Extension x) {
        if (x == null || x.getValue() == null) return null;
        return x.getValue() instanceof PrimitiveType<?> p ? p.getValueAsString() : null;
    }

    private static boolean bool(Extension x) { return x != null && x.getValue() instanceof BooleanType b && Boolean.TRUE.equals(b.getValue()); }

    private static double decimal(Extension x) { return x != null && x.getValue() instanceof DecimalType d && d.getValue() != null ? d.getValue().doubleValue() : 0; }

    private static Integer intOf(Extension x) {
        String s = string(x);
        return s == null ? null : Integer.valueOf(s);
    }
}
