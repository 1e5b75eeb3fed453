package org.emrqc.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.emrqc.model.ConsentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.EncounterLocation;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.OrderFact;
import org.emrqc.model.PatientRecord;
import org.junit.jupiter.api.Test;

/** Orders that are not drugs, a stay's location history, critical values and consents become facts. */
class OrdersLocationsMappingTest {
    private static final Path FILE = Path.of("src/test/resources/inputs/stay-with-transfer-orders-critical-value-and-consent.json");

    private PatientRecord record() {
        ParsedInput in = new FhirInputReader().read(FILE).get(0);
        assertTrue(in.ok(), in.problems().toString());
        List<PatientRecord> records = new RecordAssembler(ZoneId.of("Asia/Shanghai")).assemble(in.source(), in.entries());
        assertEquals(1, records.size());
        return records.get(0);
    }

    private static long at(String instant) { return Instant.parse(instant).toEpochMilli(); }

    @Test
    void serviceRequestKeepsItsNameCategoryPriorityAndTimesAtTheirPrecision() {
        OrderFact o = record().facts(OrderFact.class).get(0);
        assertEquals("ServiceRequest/cons1", o.getRef());
        assertEquals("请神经内科急会诊", o.getText());
        assertEquals("会诊", o.getCategoryText());
        assertEquals("stat", o.getPriority());
        assertTrue(o.isUrgent());
        assertEquals("enc1", o.getEncounterId());
        // authoredOn is a date: it stands for the whole day in the record's zone
        assertEquals(at("2025-03-01T16:00:00Z"), o.getAuthoredOn());
        assertEquals(at("2025-03-02T15:59:59.999Z"), o.getAuthoredOnLatest());
        assertEquals(at("2025-03-02T03:00:00Z"), o.getTime());
        assertNull(o.getKind(), "the kind is the pack's to set");
    }

    @Test
    void locationHistoryKeepsWardsBedsAndTheIcuByItsLocationResource() {
        EncounterFact e = record().facts(EncounterFact.class).get(0);
        List<EncounterLocation> l = e.getLocations();
        assertEquals(3, l.size());
        assertEquals("心内科病区", l.get(0).name());
        assertTrue(l.get(0).isWard());
        assertFalse(l.get(0).icu());
        assertEquals("3床", l.get(1).name());
        assertFalse(l.get(1).isWard(), "a bed is not a ward");
        EncounterLocation icu = l.get(2);
        assertEquals("icu", icu.locationId());
        assertEquals("综合ICU", icu.name());
        assertEquals("wa", icu.physicalType());
        assertTrue(icu.icu());
        assertEquals(at("2025-03-03T16:00:00Z"), icu.start());
        assertEquals(at("2025-03-04T15:59:59.999Z"), icu.startLatest());
    }

    @Test
    void criticalInterpretationAndConsentCategory() {
        PatientRecord r = record();
        ObservationFact k = r.facts(ObservationFact.class).get(0);
        assertTrue(k.isCritical());
        ConsentFact c = r.facts(ConsentFact.class).get(0);
        assertEquals("输血治疗知情同意书", c.getText());
        assertEquals(at("2025-03-02T16:00:00Z"), c.getDateTime());
    }
}
