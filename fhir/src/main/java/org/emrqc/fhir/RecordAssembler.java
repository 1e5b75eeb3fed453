package org.emrqc.fhir;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.Fact;
import org.emrqc.model.PatientFact;
import org.emrqc.model.PatientRecord;

/**
 * Turns the resources of one input into patient records: facts are grouped by the patient they name; facts
 * that name no patient (practitioners, shared documents) go to every record; when the input holds exactly one
 * patient, facts without a subject belong to it.
 */
public final class RecordAssembler {
    private final FactMapper mapper;

    public RecordAssembler(ZoneId zone) { this.mapper = new FactMapper(zone); }

    public List<PatientRecord> assemble(String source, List<ParsedInput.Entry> entries) {
        ResourceIndex index = new ResourceIndex(entries);
        List<Fact> facts = mapper.map(index);
        Map<String, PatientFact> patients = new LinkedHashMap<>();
        for (Fact f : facts) if (f instanceof PatientFact p) patients.putIfAbsent(p.getId(), p);
        String only = patients.size() == 1 ? patients.keySet().iterator().next() : null;

        Map<String, PatientRecord> records = new LinkedHashMap<>();
        for (PatientFact p : patients.values()) records.put(p.getId(), new PatientRecord(source, p));
        List<Fact> shared = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof PatientFact p) {
                if (patients.get(p.getId()) == p) records.get(p.getId()).add(p);
                continue;
            }
            String pid = f.getPatientId();
            if (pid == null && only != null) {
                f.setPatientId(only);
                pid = only;
            }
            if (pid == null) {
                shared.add(f);
                continue;
            }
            records.computeIfAbsent(pid, k -> new PatientRecord(source, null)).add(f);
        }
        if (records.isEmpty()) records.put("", new PatientRecord(source, null));
        for (PatientRecord r : records.values()) shared.forEach(r::add);
        Map<String, String> urns = index.urnReferences();
        if (!urns.isEmpty()) for (PatientRecord r : records.values()) r.setInputReferences(urns);
        return new ArrayList<>(records.values());
    }
}
