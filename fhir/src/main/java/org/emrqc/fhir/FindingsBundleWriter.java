package org.emrqc.fhir;

import java.util.Date;
import java.util.List;
import org.emrqc.model.Finding;
import org.emrqc.model.RecordResult;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.emrqc.model.RuleNotice;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Writes the findings of one input as a FHIR R4 Bundle (type collection): one DetectedIssue per finding and one
 * MeasureReport per patient record with its score and grade. Ids are the findings' stable ids, so the same
 * input checked with the same pack version gives the same bundle.
 */
public final class FindingsBundleWriter {
    private final String language;

    /** @param language "zh" or "en": the language of DetectedIssue.detail (the other goes in an extension) */
    public FindingsBundleWriter(String language) { this.language = language; }

    /** @param source what the input is called in the bundle's identifier: a file name (never its folders), a message's topic/partition/offset */
    public Bundle bundle(String source, List<RecordResult> results, long checkedAt) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.COLLECTION);
        b.setTimestamp(new Date(checkedAt));
        b.getIdentifier().setSystem(QcCodeSystems.INPUT_ID).setValue(source);
        for (RecordResult r : results) {
            for (Finding f : r.findings()) {
                DetectedIssue di = issue(f, checkedAt, r);
                b.addEntry().setFullUrl("urn:uuid:" + uuid(f.stableId())).setResource(di);
            }
            MeasureReport m = score(r, checkedAt);
            b.addEntry().setFullUrl("urn:uuid:" + uuid("score|" + r.patientRef() + "|" + r.packVersion() + "|" + r.source())).setResource(m);
            if (!r.notices().isEmpty()) {
                OperationOutcome o = notices(r);
                b.addEntry().setFullUrl("urn:uuid:" + o.getIdPart()).setResource(o);
            }
        }
        return b;
    }

    /**
     * The rules that were not evaluated for a record (a warning each: the rule failed on this record's data and was
     * skipped, every other rule ran) and what could not be verified from its data (information): an OperationOutcome
     * whose issues name the rule in {@code details.coding} (the rule code system) and say why in the record's language.
     */
    OperationOutcome notices(RecordResult r) {
        OperationOutcome o = new OperationOutcome();
        o.setId(uuid("notices|" + r.patientRef() + "|" + r.packVersion() + "|" + r.source()));
        boolean zh = "zh".equals(language);
        for (RuleNotice n : r.notices()) {
            OperationOutcome.OperationOutcomeIssueComponent i = o.addIssue();
            boolean failed = n.kind() == RuleNotice.Kind.NOT_EVALUATED;
            i.setSeverity(failed ? OperationOutcome.IssueSeverity.WARNING : OperationOutcome.IssueSeverity.INFORMATION);
            i.setCode(failed ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.INFORMATIONAL);
            CodeableConcept details = new CodeableConcept();
            details.addCoding().setSystem(QcCodeSystems.RULE).setCode(n.ruleId());
            String text = failed
                    ? (zh ? "规则" + n.ruleId() + "未对本病历执行（规则出错，已跳过；其他规则的结果不受影响）：" + n.reason()
                          : "Rule " + n.ruleId() + " was not evaluated for this record (it failed and was skipped; every other rule ran): " + n.reason())
                    : (zh ? "规则" + n.ruleId() + "无法据现有数据判断：" + n.reason("zh") : "Rule " + n.ruleId() + " cannot be verified from the data: " + n.reason("en"));
            details.setText(text);
            i.setDetails(details);
            i.setDiagnostics(n.reason(zh ? "zh" : "en"));
        }
        narrative(o.getText(), zh ? "未执行或无法判断的规则：" + o.getIssue().size() + "条" : o.getIssue().size() + " rules not evaluated or not verifiable",
                String.join(zh ? "；" : "; ", o.getIssue().stream().map(i -> i.getDetails().getText()).toList()));
        return o;
    }

    public String json(Bundle b) {
        return FhirContexts.r4().newJsonParser().setPrettyPrint(true).encodeResourceToString(b);
    }

    DetectedIssue issue(Finding f, long checkedAt) { return issue(f, checkedAt, null); }

    /** @param r the finding's record, whose input may name resources by urn:uuid fullUrls; null: "Type/id" as found */
    DetectedIssue issue(Finding f, long checkedAt, RecordResult r) {
        java.util.function.UnaryOperator<String> ref = x -> r == null ? x : r.inputReference(x);
        DetectedIssue di = new DetectedIssue();
        di.setId(f.stableId());
        di.addIdentifier().setSystem(QcCodeSystems.FINDING_ID).setValue(f.stableId());
        di.setStatus(DetectedIssue.DetectedIssueStatus.PRELIMINARY);
        CodeableConcept code = new CodeableConcept();
        code.addCoding().setSystem(QcCodeSystems.RULE).setCode(f.ruleId()).setDisplay(f.title());
        code.addCoding().setSystem(QcCodeSystems.DEFECT_CLASS).setCode(f.defectClass().code())
                .setDisplay("zh".equals(language) ? f.defectClass().zh() : f.defectClass().en());
        code.setText(f.title());
        di.setCode(code);
        di.setSeverity(DetectedIssue.DetectedIssueSeverity.fromCode(f.severity().code()));
        if (f.patientRef() != null) di.setPatient(new Reference(ref.apply(f.patientRef())));
        di.setIdentified(new DateTimeType(new Date(checkedAt)));
        di.setAuthor(new Reference().setDisplay("emrqc rule engine, pack " + f.packVersion()));
        for (String x : f.implicated()) di.addImplicated(new Reference(ref.apply(x)));
        if (!f.evidence().isEmpty()) {
            DetectedIssue.DetectedIssueEvidenceComponent ev = di.addEvidence();
            for (String x : f.evidence()) ev.addDetail(new Reference(ref.apply(x)));
        }
        for (org.emrqc.model.EvidenceSpan s : f.spans()) {
            // narrative evidence: no core element holds a text span, so an extension on evidence carries it
            DetectedIssue.DetectedIssueEvidenceComponent ev = di.addEvidence();
            ev.addDetail(new Reference(ref.apply(s.documentRef())));
            org.hl7.fhir.r4.model.Extension x = ev.addExtension();
            x.setUrl(QcCodeSystems.EXT_EVIDENCE_SPAN);
            x.addExtension("document", new Reference(ref.apply(s.documentRef())));
            x.addExtension("start", new IntegerType(s.start()));
            x.addExtension("end", new IntegerType(s.end()));
            if (s.quote() != null && !s.quote().isEmpty()) x.addExtension("quote", new StringType(s.quote()));
            if (s.section() != null) x.addExtension("section", new org.hl7.fhir.r4.model.CodeType(s.section()));
            x.addExtension("confidence", new DecimalType(s.confidence()));
            x.addExtension("backend", new org.hl7.fhir.r4.model.CodeType(s.backend()));
            if (s.degraded()) x.addExtension("degraded", new BooleanType(true));
        }
        boolean zh = "zh".equals(language);
        di.setDetail(zh ? f.detailZh() : f.detailEn());
        narrative(di.getText(), f.ruleId() + " " + (f.title() == null ? "" : f.title()), di.getDetail());
        if (f.reference() != null) di.setReference(f.reference());
        if (f.encounterRef() != null) di.addExtension(QcCodeSystems.EXT_ENCOUNTER, new Reference(ref.apply(f.encounterRef())));
        di.addExtension(QcCodeSystems.EXT_POINTS, new DecimalType(f.points()));
        di.addExtension(QcCodeSystems.EXT_VETO, new BooleanType(f.veto()));
        di.addExtension(QcCodeSystems.EXT_PACK, new StringType(f.packVersion()));
        di.addExtension(QcCodeSystems.EXT_REGION, new StringType(f.region()));
        if (f.regulation() != null) di.addExtension(QcCodeSystems.EXT_REGULATION, new StringType(f.regulation()));
        if (f.fixHint() != null) di.addExtension(QcCodeSystems.EXT_FIX, new StringType(f.fixHint()));
        // the detail in the other language (core translation extension), for bilingual consoles
        String other = zh ? f.detailEn() : f.detailZh();
        if (other != null) {
            org.hl7.fhir.r4.model.Extension tr = di.getDetailElement().addExtension();
            tr.setUrl("http://hl7.org/fhir/StructureDefinition/translation");
            tr.addExtension("lang", new org.hl7.fhir.r4.model.CodeType(zh ? "en" : "zh-CN"));
            tr.addExtension("content", new StringType(other));
        }
        return di;
    }

    MeasureReport score(RecordResult r, long checkedAt) {
        MeasureReport m = new MeasureReport();
        m.setId(uuid("score|" + r.patientRef() + "|" + r.packVersion() + "|" + r.source()));
        m.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        m.setType(MeasureReport.MeasureReportType.INDIVIDUAL);
        m.setMeasure(QcCodeSystems.MEASURE_SCORE);
        if (r.patientRef() != null) m.setSubject(new Reference(r.inputReference(r.patientRef())));
        m.setDate(new Date(checkedAt));
        // the period the record covers (its stays); a record without a dated stay: the moment it was checked
        if (r.periodStart() != null) m.getPeriod().setStart(new Date(r.periodStart())).setEnd(new Date(r.periodEnd()));
        else m.getPeriod().setStart(new Date(checkedAt)).setEnd(new Date(checkedAt));
        MeasureReport.MeasureReportGroupComponent g = m.addGroup();
        g.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(QcCodeSystems.MEASURE_PARTS, QcCodeSystems.SCORE_GROUP, "Record quality score")));
        g.getMeasureScore().setValue(r.score()).setUnit("points");
        // the grade as the Measure's stratifier defines it: the record falls in the stratum of its grade
        MeasureReport.MeasureReportGroupStratifierComponent st = g.addStratifier();
        st.addCode().addCoding(new org.hl7.fhir.r4.model.Coding(QcCodeSystems.MEASURE_PARTS, QcCodeSystems.GRADE_STRATIFIER, "Grade"));
        st.addStratum().setValue(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(QcCodeSystems.GRADE, r.grade(), r.grade())))
                .getMeasureScore().setValue(r.score()).setUnit("points");
        g.addExtension(QcCodeSystems.EXT_FINDING_COUNT, new IntegerType(r.findings().size()));
        boolean zh = "zh".equals(language);
        narrative(m.getText(), (zh ? "病历质量评分：" : "Record quality score: ") + new DecimalType(r.score()).getValueAsString()
                        + (zh ? "分，" : " points, ") + (zh ? "等级" : "grade ") + r.grade(),
                zh ? r.findings().size() + "项问题" + (r.vetoed() ? "（含单项否决）" : "") : r.findings().size() + " findings" + (r.vetoed() ? " (a veto item among them)" : ""));
        m.addExtension(QcCodeSystems.EXT_VETOED, new BooleanType(r.vetoed()));
        m.addExtension(QcCodeSystems.EXT_PACK, new StringType(r.packVersion()));
        m.addExtension(QcCodeSystems.EXT_REGION, new StringType(r.region()));
        return m;
    }

    /** The grade a score MeasureReport carries: its stratum's value, else (bundles written before) its group's code. */
    public static String grade(MeasureReport m) {
        MeasureReport.MeasureReportGroupComponent g = m.getGroupFirstRep();
        for (MeasureReport.MeasureReportGroupStratifierComponent st : g.getStratifier()) {
            for (MeasureReport.StratifierGroupComponent s : st.getStratum()) {
                for (org.hl7.fhir.r4.model.Coding c : s.getValue().getCoding()) if (QcCodeSystems.GRADE.equals(c.getSystem())) return c.getCode();
            }
        }
        for (org.hl7.fhir.r4.model.Coding c : g.getCode().getCoding()) if (QcCodeSystems.GRADE.equals(c.getSystem())) return c.getCode();
        return null;
    }

    /** A short generated narrative: a bold heading and a line (dom-6: a resource should have narrative). */
    static void narrative(org.hl7.fhir.r4.model.Narrative n, String heading, String line) {
        n.setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>" + escape(heading) + "</b></p>"
                + (line == null || line.isEmpty() ? "" : "<p>" + escape(line) + "</p>") + "</div>");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A name-based UUID, so the same finding gets the same fullUrl in every run. */
    static String uuid(String key) {
        return java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
