package org.emrqc.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientRecord;
import org.junit.jupiter.api.Test;

/** References resolve inside a bundle and resources become facts that keep their input ids. */
class FactMapperTest {
    private static final Path TX = Path.of("src/test/resources/inputs/transaction-with-urn-and-conditional-references.json");
    private static final String P = "aaaaaaaa-0000-4000-8000-000000000001";

    private PatientRecord record() {
        ParsedInput in = new FhirInputReader().read(TX).get(0);
        assertTrue(in.ok(), in.problems().toString());
        List<PatientRecord> records = new RecordAssembler(ZoneId.of("Asia/Shanghai")).assemble(in.source(), in.entries());
        assertEquals(1, records.size());
        return records.get(0);
    }

    @Test
    void urnUuidReferencesResolveToTheInputIds() {
        PatientRecord r = record();
        assertEquals("Patient/" + P, r.getPatientRef());
        EncounterFact e = r.facts(EncounterFact.class).get(0);
        assertEquals(P, e.getPatientId());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), e.getStart());
        assertEquals(48.0, e.getHours());
    }

    @Test
    void observationComponentsBecomeFactsOfTheSameResource() {
        List<ObservationFact> obs = record().facts(ObservationFact.class);
        assertEquals(3, obs.size());
        ObservationFact diastolic = obs.get(2);
        assertEquals("Observation/aaaaaaaa-0000-4000-8000-000000000003", diastolic.getRef());
        assertEquals("8462-4", diastolic.getLoinc());
        assertEquals(80.0, diastolic.getValue());
        assertEquals(1, diastolic.getComponentIndex());
        assertEquals("aaaaaaaa-0000-4000-8000-000000000002", diastolic.getEncounterId());
        // a local date-time is read in the record's zone (Asia/Shanghai here)
        assertEquals(Instant.parse("2024-01-01T01:00:00Z").toEpochMilli(), diastolic.getEffective());
    }

    @Test
    void medicationReferenceGivesCodesIngredientsAndDailyFrequency() {
        MedicationFact m = record().facts(MedicationFact.class).get(0);
        assertEquals("308182", m.getCode());
        assertEquals("723", m.getIngredients().get(0).getCode());
        assertEquals(500.0, m.getDose());
        assertEquals(3.0, m.getTimesPerDay());
        assertEquals(1500.0, m.getDailyDose());
    }

    @Test
    void compositionSigningTimeIsTheLegalAttestersTime() {
        DocumentFact d = record().facts(DocumentFact.class).get(0);
        assertEquals(Instant.parse("2024-01-02T01:30:00Z").toEpochMilli(), d.getSignedAt());
        assertEquals(d.getSignedAt(), d.getCompletedAt());
        assertEquals("入院记录", d.getTitle());
        assertEquals(2, d.getSections().size());
        assertEquals("患者3天前", d.getSections().get(1).getText());
        assertEquals(List.of("dr1"), d.getAuthorIds());
    }

    @Test
    void conditionalReferenceWithoutTargetStaysUnresolved() {
        ParsedInput in = new FhirInputReader().read(TX).get(0);
        ResourceIndex index = new ResourceIndex(in.entries());
        org.hl7.fhir.r4.model.Encounter e = (org.hl7.fhir.r4.model.Encounter) in.entries().get(1).resource();
        assertNull(index.resolve(e.getParticipantFirstRep().getIndividual()));
        assertNotNull(index.resolve(e.getSubject()));
    }
}
