package org.emrqc.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.emrqc.model.ConsentFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.PractitionerFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bundle type is read the same way; a single resource is one input; several patients make several records. */
class BundleTypesTest {
    private static final String ENTRIES = """
            [{"fullUrl": "http://example.org/fhir/Composition/c1",
              "resource": {"resourceType": "Composition", "id": "c1", "status": "final", "type": {"text": "出院记录"},
                           "subject": {"reference": "Patient/p1"}, "date": "2024-02-01T10:00:00Z", "title": "出院记录",
                           "author": [{"reference": "PractitionerRole/r1"}]}},
             {"fullUrl": "http://example.org/fhir/Patient/p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "male"}},
             {"fullUrl": "http://example.org/fhir/PractitionerRole/r1",
              "resource": {"resourceType": "PractitionerRole", "id": "r1", "practitioner": {"reference": "Practitioner/d1"},
                           "code": [{"text": "主治医师"}]}},
             {"fullUrl": "http://example.org/fhir/Consent/k1",
              "resource": {"resourceType": "Consent", "id": "k1", "status": "active", "scope": {"coding": [{"code": "treatment"}]},
                           "category": [{"text": "手术知情同意书"}], "patient": {"reference": "http://example.org/fhir/Patient/p1"},
                           "dateTime": "2024-01-30T08:00:00Z"}}]""";

    private static List<PatientRecord> records(String json) {
        ParsedInput in = new FhirInputReader().parse("test", json.getBytes(StandardCharsets.UTF_8));
        assertTrue(in.ok(), in.problems().toString());
        return new RecordAssembler(ZoneOffset.UTC).assemble(in.source(), in.entries());
    }

    @ParameterizedTest
    @ValueSource(strings = {"document", "collection", "searchset", "batch", "transaction"})
    void everyBundleTypeGivesTheSameRecord(String type) {
        List<PatientRecord> rs = records("{\"resourceType\": \"Bundle\", \"type\": \"" + type + "\", \"entry\": " + ENTRIES + "}");
        assertEquals(1, rs.size());
        PatientRecord r = rs.get(0);
        assertEquals("Patient/p1", r.getPatientRef());
        DocumentFact d = r.facts(DocumentFact.class).get(0);
        assertEquals("Composition/c1", d.getRef());
        assertEquals(List.of("d1"), d.getAuthorIds(), "author through PractitionerRole resolves to the Practitioner");
        assertEquals("p1", r.facts(ConsentFact.class).get(0).getPatientId(), "absolute reference resolves");
        assertEquals("主治医师", r.facts(PractitionerFact.class).get(0).getTitles().get(0).getDisplay());
    }

    @Test
    void observationAndProcedureNotesAreKept() {
        String json = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p"}},
                  {"resource": {"resourceType": "Procedure", "id": "pr", "status": "completed", "subject": {"reference": "Patient/p"},
                                "code": {"text": "胃镜"}, "note": [{"text": "检查顺利"}, {"text": "患者无不适"}]}},
                  {"resource": {"resourceType": "Observation", "id": "o", "status": "final", "subject": {"reference": "Patient/p"},
                                "code": {"text": "x"}, "note": [{"text": "specimen hemolysed"}]}}]}""";
        PatientRecord r = records(json).get(0);
        assertEquals("检查顺利\n患者无不适", r.facts(org.emrqc.model.ProcedureFact.class).get(0).getNote());
        assertEquals("specimen hemolysed", r.facts(org.emrqc.model.ObservationFact.class).get(0).getNote());
    }

    @Test
    void singleResourceIsOneRecord() {
        List<PatientRecord> rs = records("{\"resourceType\": \"Patient\", \"id\": \"solo\", \"birthDate\": \"1970\"}");
        assertEquals("Patient/solo", rs.get(0).getPatientRef());
        assertEquals(1970, rs.get(0).getPatient().getBirthDate().getYear());
    }

    @Test
    void searchsetWithTwoPatientsGivesTwoRecords() {
        String json = """
                {"resourceType": "Bundle", "type": "searchset", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "a"}},
                  {"resource": {"resourceType": "Patient", "id": "b"}},
                  {"resource": {"resourceType": "Condition", "id": "c", "subject": {"reference": "Patient/b"}, "code": {"text": "x"}}},
                  {"resource": {"resourceType": "Practitioner", "id": "d"}}]}""";
        List<PatientRecord> rs = records(json);
        assertEquals(List.of("Patient/a", "Patient/b"), rs.stream().map(PatientRecord::getPatientRef).toList());
        assertEquals(2, rs.get(0).getFacts().size(), "patient a and the shared practitioner");
        assertEquals(3, rs.get(1).getFacts().size(), "patient b, its condition and the shared practitioner");
    }
}
