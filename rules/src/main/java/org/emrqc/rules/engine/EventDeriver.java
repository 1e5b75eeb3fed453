package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.EncounterLocation;
import org.emrqc.model.EventFact;
import org.emrqc.model.Fact;
import org.emrqc.model.Localized;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.OrderFact;
import org.emrqc.model.PatientFact;
import org.emrqc.model.ProcedureFact;

/**
 * Derives the events that require a document or a consent, once per record before the session runs:
 * <ul>
 * <li>an order (ServiceRequest) of a known act kind — consultation (timed from the request), transfusion, rescue,
 *     critical-illness notice …;</li>
 * <li>a procedure: an operation when it is surgical, an implant when it has a focal device, and the act kind its
 *     name or code has (抢救 timed from its end);</li>
 * <li>a transfer: each ward in a stay's location history after the first that is not the ward before it (beds and
 *     rooms are not wards);</li>
 * <li>a death during the stay (Patient.deceasedDateTime, else the end of a stay whose disposition is death);</li>
 * <li>a critical value (an Observation the laboratory flagged HH, LL or AA), timed from its report;</li>
 * <li>an order of an antibacterial or antineoplastic drug (the pack's drug-classes), timed from when it was written;</li>
 * <li>a report of an examination the national indicators follow (CT/MRI, pathology, culture), timed from its issue
 *     (else its effective time).</li>
 * </ul>
 * Events take the source's time at its precision; an order or observation without an encounter is given the stay
 * that certainly covers it. Nothing is derived from a voided resource.
 */
final class EventDeriver {
    private EventDeriver() { }

    static List<EventFact> derive(List<Fact> facts, org.emrqc.rules.pack.Knowledge kb) {
        List<EventFact> out = new ArrayList<>();
        List<EncounterFact> stays = new ArrayList<>();
        PatientFact patient = null;
        for (Fact f : facts) {
            if (f instanceof EncounterFact e) stays.add(e);
            else if (f instanceof PatientFact p && patient == null) patient = p;
        }
        for (Fact f : facts) {
            if (f instanceof OrderFact o) order(o, kb, out, stays);
            else if (f instanceof ProcedureFact p) procedure(p, kb, out, stays);
            else if (f instanceof ObservationFact o && o.isCritical() && o.getComponentIndex() < 0) criticalValue(o, out, stays);
            else if (f instanceof org.emrqc.model.DiagnosticReportFact r) report(r, out, stays);
            else if (f instanceof org.emrqc.model.MedicationFact m) medication(m, out, stays);
        }
        for (EncounterFact e : stays) {
            transfers(e, out);
            death(e, patient, out);
        }
        return out;
    }

    private static void order(OrderFact o, org.emrqc.rules.pack.Knowledge kb, List<EventFact> out, List<EncounterFact> stays) {
        if (o.isVoided() || "proposal".equals(o.getIntent()) || "plan".equals(o.getIntent())) return;
        String kind = o.getKind();
        if (kind == null) return;
        boolean requested = "consultation".equals(kind);
        Long at = requested && o.getAuthoredOn() != null ? o.getAuthoredOn() : o.getTime();
        Long latest = requested && o.getAuthoredOn() != null ? o.getAuthoredOnLatest() : o.getTimeLatest();
        EventFact e = new EventFact(o, kind, at, latest, Localized.of(o.getLabel()));
        // 急会诊 / 急请…会诊 in the order's text is as urgent as a stat priority
        String text = o.getLabel();
        e.setUrgent(o.isUrgent() || requested && text != null && (text.contains("急会诊") || text.contains("急请") || text.contains("紧急会诊")));
        add(e, out, stays);
    }

    private static void procedure(ProcedureFact p, org.emrqc.rules.pack.Knowledge kb, List<EventFact> out, List<EncounterFact> stays) {
        if (p.isVoided() || "not-done".equals(p.getStatus()) || "preparation".equals(p.getStatus())) return;
        Localized label = Localized.of(p.getLabel());
        if (p.isSurgical()) add(new EventFact(p, "operation", p.getStart(), p.getStartLatest(), label), out, stays);
        if (!p.getImplants().isEmpty()) {
            add(new EventFact(p, "implant", p.getStart(), p.getStartLatest(), Localized.of(String.join("、", p.getImplants()))), out, stays);
        }
        String kind = ActClassifier.classify(p, kb, p.getCategoryText());
        if (kind == null || "operation".equals(kind)) return;
        boolean fromEnd = "rescue".equals(kind) && p.getEnd() != null;
        add(new EventFact(p, kind, fromEnd ? p.getEnd() : p.getStart(), fromEnd ? p.getEndLatest() : p.getStartLatest(), label), out, stays);
    }

    private static void criticalValue(ObservationFact o, List<EventFact> out, List<EncounterFact> stays) {
        Long at = o.getIssued() != null ? o.getIssued() : o.getEffective();
        Long latest = o.getIssued() != null ? o.getIssued() : o.getEffectiveLatest();
        String value = o.getValue() != null ? FindingFactory.format(o.getValue()) + (o.getUnit() != null ? " " + o.getUnit() : "")
                : o.getValueText() != null ? o.getValueText() : "";
        String name = o.getLabel();
        add(new EventFact(o, "critical-value", at, latest, Localized.of(value.isEmpty() ? name : name + " " + value)), out, stays);
    }

    /** The examinations whose reports are events (the other kinds are acts that orders and procedures carry). */
    static final java.util.Set<String> REPORTED_KINDS = java.util.Set.of("ct-mri", "pathology", "culture");

    private static void report(org.emrqc.model.DiagnosticReportFact r, List<EventFact> out, List<EncounterFact> stays) {
        if (r.isVoided() || r.getKind() == null || !REPORTED_KINDS.contains(r.getKind())) return;
        if ("registered".equals(r.getStatus()) || "partial".equals(r.getStatus()) || "preliminary".equals(r.getStatus())) return;
        Long at = r.getIssued() != null ? r.getIssued() : r.getEffective();
        Long latest = r.getIssued() != null ? r.getIssuedLatest() : r.getEffectiveLatest();
        add(new EventFact(r, r.getKind(), at, latest, Localized.of(r.getLabel())), out, stays);
    }

    /** An order of an antibacterial (抗菌药物) or antineoplastic drug (化疗), timed from when it was written. */
    private static void medication(org.emrqc.model.MedicationFact m, List<EventFact> out, List<EncounterFact> stays) {
        if (!m.isRequest() || m.isVoided() || "proposal".equals(m.getIntent()) || "plan".equals(m.getIntent())) return;
        Localized label = Localized.of(m.getLabel());
        if (m.getDrugClasses().contains("antibacterial")) add(new EventFact(m, "antibiotic", m.getAuthoredOn(), m.getAuthoredOnLatest(), label), out, stays);
        if (m.getDrugClasses().contains("antineoplastic")) add(new EventFact(m, "chemotherapy", m.getAuthoredOn(), m.getAuthoredOnLatest(), label), out, stays);
    }

    /** A transfer for each ward of the history that differs from the ward before it, timed from its start. */
    private static void transfers(EncounterFact e, List<EventFact> out) {
        List<EncounterLocation> wards = new ArrayList<>();
        for (EncounterLocation l : e.getLocations()) if (l.isWard()) wards.add(l);
        if (wards.size() < 2) return;
        if (wards.stream().allMatch(l -> l.start() != null)) wards.sort(Comparator.comparing(EncounterLocation::start));
        for (int i = 1; i < wards.size(); i++) {
            EncounterLocation to = wards.get(i);
            if (to.sameWard(wards.get(i - 1)) || to.start() == null) continue;
            String name = to.label() == null ? "" : to.label();
            out.add(new EventFact(e, "transfer-in", to.start(), to.startLatest(), new Localized("transfer to " + name, "转入" + name)));
        }
    }

    private static void death(EncounterFact e, PatientFact patient, List<EventFact> out) {
        Long at = null;
        Long latest = null;
        if (patient != null && patient.getDeceasedAt() != null && e.mayCover(patient.getDeceasedAt(), patient.getDeceasedAtLatest())) {
            at = patient.getDeceasedAt();
            latest = patient.getDeceasedAtLatest();
        } else if (e.isDiedDuringStay() && e.getEnd() != null) {
            at = e.getEnd();
            latest = e.getEndLatest();
        }
        if (at != null) out.add(new EventFact(e, "death", at, latest, new Localized("death", "死亡")));
    }

    /** Adds the event, giving an event without a stay the one stay that certainly covers it. */
    private static void add(EventFact e, List<EventFact> out, List<EncounterFact> stays) {
        if (e.getAt() == null) return;
        if (e.getEncounterId() == null) {
            EncounterFact only = null;
            for (EncounterFact s : stays) {
                if (s.covers(e.getAt()) && s.covers(e.getAtLatest())) {
                    if (only != null) return;
                    only = s;
                }
            }
            if (only == null) return;
            e.setEncounterId(only.getId());
        }
        out.add(e);
    }
}
