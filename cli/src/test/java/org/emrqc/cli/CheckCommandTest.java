package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.fhir.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/emrqc check on the sample records: output files, exact findings, exit status, bad input, usage errors. */
class CheckCommandTest {
    static final Path SAMPLES = Path.of("..", "samples");
    @TempDir
    Path out;

    private static Bundle read(Path f) throws Exception {
        return FhirContexts.r4().newJsonParser().parseResource(Bundle.class, Files.readString(f));
    }

    private static List<DetectedIssue> issues(Bundle b) {
        List<DetectedIssue> l = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) if (e.getResource() instanceof DetectedIssue d) l.add(d);
        return l;
    }

    /** The two patients of the batch fixture, one per file: the second 拟诊讨论 repeats the first patient's word for word. */
    @Test
    void batchComparesRecordsAcrossFiles(@TempDir Path in) throws Exception {
        Bundle both = read(Path.of("..", "rule-packs", "core", "fixtures", "records", "batch", "two-patients-one-department-second-discussion-copies-first.json"));
        for (int i = 0; i < 2; i++) {
            Bundle one = new Bundle().setType(Bundle.BundleType.COLLECTION);
            both.getEntry().subList(3 * i, 3 * i + 3).forEach(e -> one.addEntry().setResource(e.getResource()));
            Files.writeString(in.resolve("patient-" + (i + 1) + ".json"), FhirContexts.r4().newJsonParser().encodeResourceToString(one));
        }
        CliRun r = CliRun.of("check", "--region", "CN", "--timezone", "Asia/Shanghai", "--as-of", "2026-01-01T00:00:00Z", "--out", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("batch of 2 records read for the checks across patients (2 with sections to compare)"), r.err());
        List<DetectedIssue> first = issues(read(out.resolve("patient-1.qc.json")));
        List<DetectedIssue> second = issues(read(out.resolve("patient-2.qc.json")));
        assertTrue(first.stream().noneMatch(d -> d.getCode().getCodingFirstRep().getCode().equals("UNR-COPY-PATIENTS")), "the earlier note is the source");
        DetectedIssue copy = second.stream().filter(d -> d.getCode().getCodingFirstRep().getCode().equals("UNR-COPY-PATIENTS")).findFirst().orElseThrow();
        assertEquals("Composition/fpn2", copy.getImplicatedFirstRep().getReference());
        assertEquals("首次病程记录的拟诊讨论与同批次另一患者张*华（Patient/p1）的首次病程记录（2025-03-01 14:00）内容雷同（相似度100%），疑为复制他人病历。",
                copy.getDetail());

        Path alone = out.resolve("alone");
        CliRun r2 = CliRun.of("check", "--region", "CN", "--timezone", "Asia/Shanghai", "--as-of", "2026-01-01T00:00:00Z", "--no-batch", "--out", alone.toString(), in.toString());
        assertEquals(0, r2.exit(), r2.err());
        assertFalse(r2.err().contains("batch of"), r2.err());
        assertTrue(issues(read(alone.resolve("patient-2.qc.json"))).stream().noneMatch(d -> d.getCode().getCodingFirstRep().getCode().equals("UNR-COPY-PATIENTS")));
    }

    @Test
    void chineseSamplesInGuangdong() throws Exception {
        CliRun r = CliRun.of("check", "--region", "CN-GD", "--timezone", "Asia/Shanghai", "--as-of", "2026-01-01T00:00:00Z", "--out", out.toString(), SAMPLES.resolve("cn").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Checked 2 files (2 records, 54 resources)"), r.out());
        assertTrue(r.out().contains("Findings: 4"), r.out());
        // both stays have an appendectomy with its documents and consent: in the operation and consent indicators' numerators
        assertTrue(r.out().contains("  14 手术相关记录完整率 2/2 (100.0%)\n"), r.out());
        assertTrue(r.out().contains("  25 不合理复制病历发生率 0/2 (0.0%) — an occurrence rate: lower is better\n"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("indicators.csv"));
        assertEquals("source,patient,indicator,number,name,in_numerator,why,refs,deciding_rules", rows.get(0));
        assertTrue(rows.stream().anyMatch(l -> l.endsWith(",\"MER-D&T-04\",14,\"手术相关记录完整率\",true,\"腹腔镜阑尾切除术（2025-03-04 09:00）\",\"Procedure/op1\",\"\"")),
                String.join("\n", rows));

        Bundle clean = read(out.resolve("cn-inpatient-appendicitis-complete.qc.json"));
        assertEquals(Bundle.BundleType.COLLECTION, clean.getType());
        assertEquals(List.of(), issues(clean));
        MeasureReport score = (MeasureReport) clean.getEntry().get(0).getResource();
        assertEquals(100.0, score.getGroupFirstRep().getMeasureScore().getValue().doubleValue());
        assertEquals("甲", org.emrqc.fhir.FindingsBundleWriter.grade(score));

        Bundle late = read(out.resolve("cn-inpatient-appendicitis-late-admission-record.qc.json"));
        List<DetectedIssue> found = issues(late);
        DetectedIssue adm = found.stream().filter(d -> d.getCode().getCoding().get(0).getCode().equals("TIM-ADM-24H")).findFirst().orElseThrow();
        assertEquals("untimely", adm.getCode().getCoding().get(1).getCode());
        assertEquals("https://emrqc.org/fhir/CodeSystem/qc-defect-class", adm.getCode().getCoding().get(1).getSystem());
        assertEquals(DetectedIssue.DetectedIssueSeverity.HIGH, adm.getSeverity());
        assertEquals("Patient/p1", adm.getPatient().getReference());
        assertEquals("Composition/adm1", adm.getImplicatedFirstRep().getReference());
        assertEquals("Encounter/enc1", adm.getEvidenceFirstRep().getDetailFirstRep().getReference());
        assertEquals("入院记录于入院后30小时完成（入院时间2025-03-01 08:00，完成时间2025-03-02 14:00），要求入院后24小时内完成。", adm.getDetail());
        assertEquals("docs/rules.md#tim-adm-24h", adm.getReference());
        assertEquals(true, ((org.hl7.fhir.r4.model.BooleanType) adm.getExtensionByUrl("https://emrqc.org/fhir/StructureDefinition/qc-veto").getValue()).getValue());
        assertEquals("core@2026.11.0", adm.getExtensionByUrl("https://emrqc.org/fhir/StructureDefinition/qc-rule-pack").getValue().primitiveValue());
        assertEquals(List.of("CNS-ALLERGY-TEXT", "TIM-ADM-24H", "UNR-ALLERGY-RX", "UNR-BP-RELATION"),
                found.stream().map(d -> d.getCode().getCoding().get(0).getCode()).sorted().toList());
        // the narrative finding carries its evidence span: the note's words, at their offsets
        DetectedIssue text = found.stream().filter(d -> d.getCode().getCoding().get(0).getCode().equals("CNS-ALLERGY-TEXT")).findFirst().orElseThrow();
        org.hl7.fhir.r4.model.Extension span = text.getEvidence().stream()
                .map(e -> e.getExtensionByUrl("https://emrqc.org/fhir/StructureDefinition/qc-evidence-span")).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        assertEquals("否认药物过敏史", span.getExtensionByUrl("quote").getValue().primitiveValue());
        assertEquals("Composition/adm1", ((org.hl7.fhir.r4.model.Reference) span.getExtensionByUrl("document").getValue()).getReference());
        assertEquals("past-history", span.getExtensionByUrl("section").getValue().primitiveValue());
        assertEquals(false, ((org.hl7.fhir.r4.model.BooleanType) text.getExtensionByUrl("https://emrqc.org/fhir/StructureDefinition/qc-veto").getValue()).getValue());
        MeasureReport lateScore = (MeasureReport) late.getEntry().get(late.getEntry().size() - 1).getResource();
        assertEquals(82.0, lateScore.getGroupFirstRep().getMeasureScore().getValue().doubleValue());
        assertEquals("丙", org.emrqc.fhir.FindingsBundleWriter.grade(lateScore));
    }

    @Test
    void sameRecordInNationalRegionIsNotAVeto() throws Exception {
        CliRun r = CliRun.of("check", "--region", "CN", "--out", out.toString(), SAMPLES.resolve("cn/cn-inpatient-appendicitis-late-admission-record.json").toString());
        assertEquals(0, r.exit(), r.err());
        Bundle late = read(out.resolve("cn-inpatient-appendicitis-late-admission-record.qc.json"));
        DetectedIssue adm = issues(late).stream().filter(d -> d.getCode().getCoding().get(0).getCode().equals("TIM-ADM-24H")).findFirst().orElseThrow();
        assertEquals(DetectedIssue.DetectedIssueSeverity.MODERATE, adm.getSeverity());
        MeasureReport score = (MeasureReport) late.getEntry().get(late.getEntry().size() - 1).getResource();
        assertEquals("乙", org.emrqc.fhir.FindingsBundleWriter.grade(score));
    }

    @Test
    void usSamplesIncludingNdjson() throws Exception {
        CliRun r = CliRun.of("check", "--region", "US-MA", "--out", out.toString(), SAMPLES.resolve("us").toString());
        assertEquals(0, r.exit(), r.err());
        Bundle nd = read(out.resolve("us-outpatient-visit-resources.qc.json"));
        assertEquals(List.of("ERR-ICD10-FORMAT Condition/dx1", "ERR-LOINC-CHECK Observation/glu1", "INC-PAT-SEX Patient/op1"),
                issues(nd).stream().map(d -> d.getCode().getCoding().get(0).getCode() + " " + d.getImplicatedFirstRep().getReference()).sorted().toList());
        Bundle stay = read(out.resolve("us-inpatient-chest-pain-allergy-and-vitals.qc.json"));
        DetectedIssue allergy = issues(stay).stream().filter(d -> d.getCode().getCoding().get(0).getCode().equals("UNR-ALLERGY-RX")).findFirst().orElseThrow();
        // the US sample names its resources by urn:uuid fullUrls: the findings reference them the same way
        assertEquals("urn:uuid:00000000-0000-4000-8000-000000000011", allergy.getImplicatedFirstRep().getReference());
        assertEquals("urn:uuid:00000000-0000-4000-8000-000000000009", allergy.getEvidenceFirstRep().getDetailFirstRep().getReference());
        assertEquals("US", allergy.getExtensionByUrl("https://emrqc.org/fhir/StructureDefinition/qc-region").getValue().primitiveValue().substring(0, 2));
    }

    @Test
    void badInputsAreReportedOneLineEachAndTheOthersAreWritten() throws Exception {
        Path in = Files.createDirectories(out.resolve("in"));
        Files.writeString(in.resolve("broken.json"), "{\"resourceType\": \"Patient\", \"id\": ");
        Files.writeString(in.resolve("bad-date.json"), "{\"resourceType\": \"Patient\", \"id\": \"x\",\n \"birthDate\": \"2020-02-31\"}");
        Files.copy(SAMPLES.resolve("cn/cn-inpatient-appendicitis-complete.json"), in.resolve("good.json"));
        Path results = out.resolve("results");
        CliRun r = CliRun.of("check", "--region", "CN", "--out", results.toString(), in.toString(), out.resolve("missing.json").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("error: " + in.resolve("broken.json") + ": line 1, column 35: invalid JSON: Unexpected end-of-input"), r.err());
        assertTrue(r.err().contains("error: " + in.resolve("bad-date.json") + ": line 2, Patient.birthDate: invalid value '2020-02-31'"), r.err());
        assertTrue(r.err().contains("error: " + out.resolve("missing.json") + ": no such file or folder"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertTrue(Files.exists(results.resolve("good.qc.json")));
        assertFalse(Files.exists(results.resolve("broken.qc.json")));
        assertTrue(r.out().contains("Inputs with errors: 3"), r.out());
    }

    @Test
    void usageErrorsExitWith2AndOneLine() {
        assertEquals(2, CliRun.of("check", "--region", "CN", SAMPLES.toString()).exit());
        CliRun bad = CliRun.of("check", "--out", out.toString(), "--as-of", "yesterday", SAMPLES.toString());
        assertEquals(2, bad.exit());
        assertEquals("emrqc: --as-of: 'yesterday' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z", bad.err().strip().lines().reduce((a, b) -> b).orElse(""));
        CliRun pack = CliRun.of("check", "--pack", out.toString(), "--out", out.toString(), SAMPLES.toString());
        assertEquals(2, pack.exit());
        assertTrue(pack.err().contains("not a rule pack (no pack.yaml)"), pack.err());
    }
}
