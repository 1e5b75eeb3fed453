package org.emrqc.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.EncounterLocation;
import org.emrqc.model.EventFact;
import org.emrqc.model.Fact;
import org.emrqc.model.OrderFact;
import org.emrqc.model.ProcedureFact;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.Knowledge;
import org.junit.jupiter.api.Test;

/** Events come from orders, procedures and the stay's location history, each timed as its rule needs. */
class EventDeriverTest {
    private static final Knowledge KB = EffectiveRuleSet.of(TestPacks.core(), "CN").knowledge();

    private static long t(String s) { return Instant.parse(s).toEpochMilli(); }

    private static EncounterFact stay() {
        EncounterFact e = new EncounterFact("enc1");
        e.setClassCode("IMP");
        e.setStart(t("2025-03-01T00:00:00Z"));
        e.setEnd(t("2025-03-10T00:00:00Z"));
        return e;
    }

    private static List<EventFact> derive(Fact... facts) {
        List<Fact> list = new ArrayList<>(List.of(facts));
        FactEnricher.enrich(list, KB);
        return EventDeriver.derive(list, KB);
    }

    @Test
    void aTransferIsANewWardNotANewBedNorTheSameWardAgain() {
        EncounterFact e = stay();
        e.getLocations().add(new EncounterLocation(null, "普通外科病区", "wa", false, t("2025-03-01T00:00:00Z"), null, t("2025-03-04T00:00:00Z"), null));
        e.getLocations().add(new EncounterLocation(null, "12床", "bd", false, t("2025-03-02T00:00:00Z"), null, null, null));
        e.getLocations().add(new EncounterLocation(null, "普通外科病区", "wa", false, t("2025-03-03T00:00:00Z"), null, null, null));
        e.getLocations().add(new EncounterLocation("icu", "重症医学科", "wa", true, t("2025-03-04T00:00:00Z"), null, null, null));
        List<EventFact> events = derive(e);
        assertEquals(1, events.size(), events.toString());
        EventFact v = events.get(0);
        assertEquals("transfer-in", v.getKind());
        assertEquals("Encounter/enc1", v.getRef());
        assertEquals(t("2025-03-04T00:00:00Z"), v.getAt());
        assertEquals("转入重症医学科", v.getLabel().zh());
    }

    @Test
    void aConsultationIsTimedFromItsRequestAndAnOrderWithoutStayTakesTheStayThatCoversIt() {
        OrderFact o = new OrderFact("cons1");
        o.setText("请心内科会诊");
        o.setAuthoredOn(t("2025-03-02T01:00:00Z"));
        o.setOccurrence(t("2025-03-03T01:00:00Z"));
        o.setPriority("stat");
        List<EventFact> events = derive(stay(), o);
        assertEquals(1, events.size());
        assertEquals("consultation", events.get(0).getKind());
        assertEquals(t("2025-03-02T01:00:00Z"), events.get(0).getAt());
        assertEquals("enc1", events.get(0).getEncounterId());
        assertTrue(events.get(0).isUrgent());
    }

    @Test
    void preTransfusionTestsAreNotATransfusionAndARescueIsTimedFromItsEnd() {
        OrderFact tests = new OrderFact("tx0");
        tests.setText("输血前检查");
        tests.setAuthoredOn(t("2025-03-02T01:00:00Z"));
        OrderFact blood = new OrderFact("tx1");
        blood.setText("输注去白细胞悬浮红细胞 2U");
        blood.setAuthoredOn(t("2025-03-02T01:00:00Z"));
        ProcedureFact cpr = new ProcedureFact("resc1");
        cpr.setText("心肺复苏");
        cpr.setEncounterId("enc1");
        cpr.setStart(t("2025-03-03T02:00:00Z"));
        cpr.setEnd(t("2025-03-03T03:00:00Z"));
        List<EventFact> events = derive(stay(), tests, blood, cpr);
        assertEquals(List.of("transfusion@ServiceRequest/tx1", "rescue@Procedure/resc1"), events.stream().map(EventFact::toString).toList());
        assertEquals(t("2025-03-03T03:00:00Z"), events.get(1).getAt());
    }
}
