package org.emrqc.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emrqc.model.Proportion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's findings judged by verdicts and by a corpus's listed defects: exact counts, precision and intervals. */
class FindingsEvaluationTest {
    @TempDir Path dir;

    private static String issue(String id, String rule, String patient, String implicated, String quote) {
        String span = quote == null ? "" : """
                , "evidence": [{"detail": [{"reference": "%s"}], "extension": [{"url": "https://emrqc.org/fhir/StructureDefinition/qc-evidence-span",
                  "extension": [{"url": "document", "valueReference": {"reference": "%s"}}, {"url": "quote", "valueString": "%s"}]}]}]
                """.formatted(implicated, implicated, quote);
        return """
                {"resource": {"resourceType": "DetectedIssue", "id": "%s", "code": {"coding": [{"system": "https://emrqc.org/fhir/CodeSystem/qc-rule", "code": "%s"}]},
                 "patient": {"reference": "%s"}, "implicated": [{"reference": "%s"}], "detail": "消息"%s}}
                """.formatted(id, rule, patient, implicated, span);
    }

    private void bundle(String name, String source, String... entries) throws IOException {
        Files.writeString(dir.resolve(name), """
                {"resourceType": "Bundle", "type": "collection", "identifier": {"system": "https://emrqc.org/fhir/sid/input", "value": "%s"}, "entry": [%s]}
                """.formatted(source, String.join(",", entries)), StandardCharsets.UTF_8);
    }

    @Test
    void precisionPerRuleWithWilsonIntervalsFromVerdictsByIdAndByRecordRuleQuote() throws IOException {
        bundle("a.qc.json", "corpus/records/01-a.json",
                issue("F1", "CNS-ID-AGE", "Patient/p1", "Composition/rnd1", "58岁"),
                issue("F2", "TIM-ATT-ROUND", "Patient/p1", "Encounter/enc1", null));
        bundle("b.qc.json", "corpus/records/02-b.json",
                issue("F3", "CNS-ID-AGE", "Patient/p2", "Composition/adm1", "45岁"),
                issue("F4", "CNS-ID-AGE", "Patient/p2", "Composition/fpn1", "46岁"),
                issue("F5", "CNS-ID-AGE", "Patient/p2", "Composition/dis1", "47岁"));
        Path csv = dir.resolve("v.csv");
        Files.writeString(csv, "finding_id,record,rule,quote,verdict\nF1,,,,true\n,02-b,CNS-ID-AGE,45岁,yes\n,02-b,CNS-ID-AGE,46岁,1\n,Patient/p2,CNS-ID-AGE,47岁,false\n,02-b,UNR-CC-LENGTH,,false\n");
        FindingsRun run = FindingsRun.read(dir);
        FindingsEvaluation.Report r = FindingsEvaluation.evaluate(run, Verdicts.read(csv), null, DefectKinds.core());
        assertEquals(2, r.records());
        FindingsEvaluation.RuleLine age = r.rules().get(0);
        assertEquals(new FindingsEvaluation.RuleLine("CNS-ID-AGE", 4, 2, 3, 1, 0), age);
        assertEquals("0.75 [0.30, 0.95]", age.precision().describe());
        assertEquals(new FindingsEvaluation.RuleLine("TIM-ATT-ROUND", 1, 1, 0, 0, 1), r.rules().get(1));
        assertEquals(3, r.confirmed());
        assertEquals(1, r.dismissed());
        assertEquals(1, r.unjudged());
        assertEquals(List.of(csv + ": line 6"), r.unmatchedVerdicts());
        assertTrue(r.table().lines().reduce((a, b) -> b).orElseThrow().startsWith("{\"records\": 2, \"findings\": 5, \"precision\": 0.7500"));
    }

    @Test
    void goldDefectsGiveVerdictsAndRecallPerKind() throws IOException {
        bundle("a.qc.json", "x/01-a.json",
                issue("F1", "CNS-ID-AGE", "Patient/p1", "Composition/rnd1", "58岁"),
                issue("F2", "TIM-ATT-ROUND", "Patient/p1", "Encounter/enc1", null));
        Path gold = dir.resolve("defects.yaml");
        Files.writeString(gold, """
                records:
                  - file: records/01-a.json
                    defects:
                      - {kind: identity-age, document: Composition/rnd1, quote: "58岁", other: {document: Composition/adm1, quote: "45岁"}}
                      - {kind: laterality-text, document: Composition/op1, quote: "右侧卵巢"}
                  - file: records/03-clean.json
                    clean: true
                    defects: []
                """);
        FindingsRun run = FindingsRun.read(dir);
        GoldDefects g = GoldDefects.read(gold);
        List<Verdict> v = g.verdicts(run, DefectKinds.core());
        assertEquals(List.of(true, false), v.stream().map(Verdict::confirmed).toList());
        FindingsEvaluation.Report r = FindingsEvaluation.evaluate(run, v, g, DefectKinds.core());
        assertEquals(List.of(new FindingsEvaluation.KindLine("identity-age", 1, 1), new FindingsEvaluation.KindLine("laterality-text", 1, 0)), r.kinds());
        assertEquals(List.of("03-clean (no output)"), r.notEvaluated());
        assertEquals(new Proportion(1, 2), r.precision());
    }

    @Test
    void malformedVerdictsNameTheFileAndLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "record,rule,verdict\n01-a,CNS-ID-AGE,perhaps\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Verdicts.read(csv));
        assertEquals(csv + ": line 2: verdict 'perhaps' is not true/false (1/0, yes/no, confirmed/dismissed, tp/fp)", e.getMessage());
    }
}
