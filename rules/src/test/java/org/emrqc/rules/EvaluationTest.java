package org.emrqc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Finding;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.rules.engine.RecordEvaluator;
import org.junit.jupiter.api.Test;

/** Records that lack data make rules not applicable, never crash; scores and stable ids behave. */
class EvaluationTest {
    private final RecordEvaluator evaluator = new RecordEvaluator();

    @Test
    void recordWithoutPatientOrEncountersIsNotAnError() {
        PatientRecord r = new PatientRecord("empty", null);
        ObservationFact o = new ObservationFact("o1");
        r.add(o);
        for (String region : List.of("base", "CN", "CN-GD", "CN-BJ", "US")) {
            RecordResult res = evaluator.evaluate(TestPacks.compiled(region), r, 0L, region);
            assertEquals(List.of(), res.findings(), region);
            assertEquals(100.0, res.score());
        }
    }

    @Test
    void patientWithoutSexAndBirthDateLosesPointsAndIdsAreStable() {
        PatientRecord r = new PatientRecord("p", new PatientFact("p1"));
        r.add(r.getPatient());
        RecordResult a = evaluator.evaluate(TestPacks.compiled("CN"), r, 0L, "CN");
        assertEquals(List.of("INC-PAT-SEX", "INC-PAT-BIRTHDATE"), a.findings().stream().map(Finding::ruleId).sorted((x, y) -> y.compareTo(x)).toList());
        assertEquals(96.0, a.score());
        assertEquals("甲", a.grade());
        RecordResult b = evaluator.evaluate(TestPacks.compiled("CN"), r, 99L, "CN");
        assertEquals(a.findings().get(0).stableId(), b.findings().get(0).stableId());
        assertEquals(List.of("Patient/p1"), a.findings().get(0).implicated());
    }

    @Test
    void vetoFindingSetsTheVetoGradeWhateverTheScore() {
        PatientRecord r = new PatientRecord("p", null);
        EncounterFact e = new EncounterFact("e1");
        e.setClassCode("IMP");
        e.setStatus("in-progress");
        e.setStart(0L);
        r.add(e);
        r.add(new org.emrqc.model.DocumentFact("Composition", "d1"));
        RecordResult res = evaluator.evaluate(TestPacks.compiled("CN"), r, 30 * 3_600_000L, "CN");
        Finding adm = res.findings().stream().filter(f -> f.ruleId().equals("INC-ADM-MISSING")).findFirst().orElseThrow();
        assertEquals(List.of("Encounter/e1"), adm.implicated());
        assertEquals(true, adm.veto());
        assertEquals("丙", res.grade());
        // the running stay is not discharged: the terminal-stage discharge rule does not apply
        assertEquals(0, res.findings().stream().filter(f -> f.ruleId().equals("INC-DISCH")).count());
        assertNotEquals(100.0, res.score());
    }
}
