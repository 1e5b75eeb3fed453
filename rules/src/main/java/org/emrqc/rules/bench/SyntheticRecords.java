package org.emrqc.rules.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.emrqc.model.AllergyFact;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.ProcedureFact;

/**
 * Patient records of about 150 facts (2 stays, 100 observations, conditions, orders, procedures, documents,
 * allergies) whose codes come from a {@link SyntheticPack}, so every template does its lookups. With
 * probability {@code defectRate} a fact carries a defect (implausible value, sex-restricted code, overdose, late
 * document); otherwise its lookups run and miss or pass.
 */
public final class SyntheticRecords {
    private static final long HOUR = 3_600_000L;

    private SyntheticRecords() { }

    public static List<PatientRecord> generate(SyntheticPack pack, int count, long seed, double defectRate) {
        Random rnd = new Random(seed);
        List<PatientRecord> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) out.add(record(pack, rnd, n, defectRate));
        return out;
    }

    private static PatientRecord record(SyntheticPack pack, Random rnd, int n, double defectRate) {
        PatientFact p = new PatientFact("p" + n);
        p.setGender(rnd.nextBoolean() ? "male" : "female");
        p.setBirthDate(LocalDate.of(1940 + rnd.nextInt(80), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
        PatientRecord r = new PatientRecord("synthetic-" + n, p);
        r.add(p);
        long t = 1_700_000_000_000L + rnd.nextInt(1_000_000) * 60_000L;
        int codes = pack.analyteCodes();
        for (int e = 0; e < 2; e++) {
            String eid = "e" + n + "-" + e;
            EncounterFact enc = new EncounterFact(eid);
            enc.setPatientId(p.getId());
            enc.setClassCode("IMP");
            enc.setStatus("finished");
            enc.setStart(t);
            enc.setEnd(t + (48 + rnd.nextInt(200)) * HOUR);
            r.add(enc);
            for (int i = 0; i < 50; i++) {
                ObservationFact o = new ObservationFact("o" + n + "-" + e + "-" + i);
                link(o, p, eid);
                int c = rnd.nextInt(codes);
                o.addCoding(new Coding(CodeSystems.LOINC, SyntheticPack.analyte(c), "analyte"));
                o.setStatus("final");
                o.setValue(rnd.nextDouble() < defectRate ? 5000.0 : 60.0 + rnd.nextInt(40));
                o.setUnitCode("mmol/L");
                o.setHasValue(true);
                o.setEffective(t + i * HOUR);
                r.add(o);
            }
            for (int i = 0; i < 7; i++) {
                ConditionFact c = new ConditionFact("c" + n + "-" + e + "-" + i);
                link(c, p, eid);
                int restricted = rnd.nextInt(Math.max(1, (int) (pack.instances() * 0.1)));
                c.addCoding(new Coding(CodeSystems.ICD10_CN, SyntheticPack.diagnosis(rnd.nextDouble() < defectRate ? restricted : 300_000 + restricted), "dx"));
                c.setOnset(t);
                c.setRecorded(t);
                c.setPrincipal(i == 0);
                r.add(c);
            }
            for (int i = 0; i < 8; i++) {
                MedicationFact m = new MedicationFact("MedicationRequest", "m" + n + "-" + e + "-" + i);
                link(m, p, eid);
                m.addCoding(new Coding(CodeSystems.RXNORM, SyntheticPack.drug(rnd.nextInt(Math.max(1, (int) (pack.instances() * 0.12)))), "drug"));
                m.setStatus("active");
                m.setHasDosage(true);
                m.setDose(rnd.nextDouble() < defectRate ? 20.0 : 0.1);
                m.setDoseUnit(null);
                m.setTimesPerDay(1.0 + rnd.nextInt(4));
                m.setAuthoredOn(t + i * HOUR);
                r.add(m);
            }
            for (int i = 0; i < 4; i++) {
                ProcedureFact pr = new ProcedureFact("pr" + n + "-" + e + "-" + i);
                link(pr, p, eid);
                pr.addCoding(new Coding(CodeSystems.SNOMED, "80146002", "procedure"));
                pr.setCategoryCode(i == 0 ? "387713003" : null);
                pr.setStatus("completed");
                pr.setStart(t + 20 * HOUR);
                pr.setEnd(t + 22 * HOUR);
                r.add(pr);
            }
            String[] kinds = {"admission-record", "first-progress-note", "superior-round", "operative-note", "discharge-record"};
            int[] onTime = {20, 7, 40, 30, 40};
            for (int i = 0; i < kinds.length; i++) {
                DocumentFact d = new DocumentFact("Composition", "d" + n + "-" + e + "-" + i);
                link(d, p, eid);
                d.addCoding(new Coding("urn:emrqc:document-kind", kinds[i], kinds[i]));
                d.setStatus("final");
                int hours = rnd.nextDouble() < defectRate ? onTime[i] + 30 : (i == 3 ? 23 : 1) + rnd.nextInt(onTime[i] - (i == 3 ? 23 : 1));
                d.setDate(t + hours * HOUR);
                d.getAuthorIds().add("dr1");
                r.add(d);
            }
            t += 400 * HOUR;
        }
        for (int i = 0; i < 3; i++) {
            AllergyFact a = new AllergyFact("a" + n + "-" + i);
            a.setPatientId(p.getId());
            a.addCoding(new Coding(CodeSystems.SNOMED, SyntheticPack.allergy(rnd.nextInt(Math.max(1, (int) (pack.instances() * 0.05)))), "allergy"));
            a.setClinicalStatus("active");
            r.add(a);
        }
        return r;
    }

    private static void link(org.emrqc.model.Fact f, PatientFact p, String encounter) {
        f.setPatientId(p.getId());
        f.setEncounterId(encounter);
    }
}
