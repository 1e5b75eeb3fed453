package org.emrqc.extractor.terminology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.AllergyFact;
import org.emrqc.model.CodedFact;
import org.emrqc.model.Coding;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.Fact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.ProcedureFact;

/**
 * The terms of a record's own coded resources (conditions, medications, allergies, procedures, lab tests), each
 * with the codes the record gives it: narrative mentions of them normalize to the record's codes.
 */
public final class RecordTerminology {
    private RecordTerminology() { }

    public static Terminology of(PatientRecord record) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        for (Fact f : record.getFacts()) {
            String kind = kind(f);
            if (kind == null) continue;
            CodedFact c = (CodedFact) f;
            List<String> terms = new ArrayList<>();
            if (c.getText() != null) terms.add(c.getText());
            for (Coding k : c.getCodings()) if (k.getDisplay() != null) terms.add(k.getDisplay());
            for (Coding k : f instanceof MedicationFact m ? m.getIngredients() : List.<Coding>of()) {
                if (k.getDisplay() != null) concepts.putIfAbsent("medication|" + k.getDisplay(), new Concept(k.getDisplay(), "medication", List.of(k), "record", null, Map.of()));
            }
            for (String t : terms) {
                String key = kind + "|" + DictionaryTerminology.normalize(t);
                concepts.putIfAbsent(key, new Concept(t, kind, List.copyOf(c.getCodings()), "record", null, Map.of()));
            }
        }
        return new DictionaryTerminology(concepts.values());
    }

    private static String kind(Fact f) {
        if (f instanceof ConditionFact) return "diagnosis";
        if (f instanceof MedicationFact) return "medication";
        if (f instanceof AllergyFact a) return a.isNoKnownAllergy() ? null : "allergy";
        if (f instanceof ProcedureFact) return "procedure";
        if (f instanceof ObservationFact o) return "laboratory".equals(o.getCategory()) && !o.isComponent() ? "lab" : null;
        return null;
    }
}
