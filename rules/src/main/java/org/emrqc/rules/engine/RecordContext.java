package org.emrqc.rules.engine;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.DiagnosticReportFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Fact;
import org.emrqc.model.MentionFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientFact;

/**
 * The global {@code ctx}: the time the record is checked "as of" (for "in the future" and "still open"
 * rules), the record's patient (null when the input has no Patient), the zone its times are shown in, and the
 * record's facts by kind — for templates whose check is a Java function over a whole record (the text checks):
 * reading the lists here costs nothing per rule, where a {@code collect} in each rule would keep a network memory of
 * every document and observation for every rule instance.
 */
public final class RecordContext {
    private static final List<String> AGE_CODES = List.of("30525-0", "21612-7", "29553-5");

    private final long now;
    private final PatientFact patient;
    private final ZoneId zone;
    private final List<Fact> facts;
    private final Map<Object, List<?>> lists = new HashMap<>();
    private List<PeerSection> peers = List.of();

    public RecordContext(long now, PatientFact patient) { this(now, patient, ZoneOffset.UTC); }

    public RecordContext(long now, PatientFact patient, ZoneId zone) { this(now, patient, zone, List.of()); }

    public RecordContext(long now, PatientFact patient, ZoneId zone, List<Fact> facts) {
        this.now = now;
        this.patient = patient;
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.facts = facts == null ? List.of() : facts;
    }

    /** Sections of other patients' records checked in the same batch (empty for a record checked alone). */
    public List<PeerSection> getPeers() { return peers; }
    RecordContext withPeers(List<PeerSection> peers) {
        this.peers = peers == null ? List.of() : peers;
        return this;
    }

    public long getNow() { return now; }
    public PatientFact getPatient() { return patient; }
    public ZoneId getZone() { return zone; }

    /** The calendar day of an instant in the record's zone, or null. */
    public java.time.LocalDate day(Long t) {
        return t == null ? null : java.time.Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
    }

    /**
     * True when two times known at their precision (each in [t, tLatest]) certainly fall on the same calendar day:
     * both are known to the day or better and their days are equal.
     */
    public boolean sameDay(Long a, Long aLatest, Long b, Long bLatest) {
        if (a == null || b == null) return false;
        java.time.LocalDate a0 = day(a);
        java.time.LocalDate b0 = day(b);
        return a0.equals(day(aLatest == null ? a : aLatest)) && b0.equals(day(bLatest == null ? b : bLatest)) && a0.equals(b0);
    }

    /** The record's facts of a type, in record order (computed once per record). */
    @SuppressWarnings("unchecked")
    public <T> List<T> of(Class<T> type) {
        return (List<T>) lists.computeIfAbsent(type, k -> {
            List<T> out = new ArrayList<>();
            for (Fact f : facts) if (type.isInstance(f)) out.add(type.cast(f));
            return out;
        });
    }

    public List<DocumentFact> getDocuments() { return of(DocumentFact.class); }
    public List<EncounterFact> getEncounters() { return of(EncounterFact.class); }
    public List<ConditionFact> getConditions() { return of(ConditionFact.class); }

    /** The document a fact belongs to (a mention or section: its document) as a list of zero or one, for messages. */
    public List<DocumentFact> documentsOf(Fact f) {
        if (f == null) return List.of();
        for (DocumentFact d : getDocuments()) {
            if (d.getId().equals(f.getId()) && d.getResourceType().equals(f.getResourceType())) return List.of(d);
        }
        return List.of();
    }

    /**
     * Whether any document is dated (or signed) earlier than its stay's admission: the cheap test before
     * the text check that decides at the data's precision whether it was written before admission.
     */
    public boolean anyDocumentBeforeAdmission() {
        Map<String, Long> starts = new HashMap<>();
        for (EncounterFact e : getEncounters()) if (e.getStart() != null) starts.put(e.getId(), e.getStart());
        if (starts.isEmpty()) return false;
        for (DocumentFact d : getDocuments()) {
            Long start = d.getEncounterId() == null ? null : starts.get(d.getEncounterId());
            Long t = d.getDate() != null ? d.getDate() : d.getSignedAt();
            if (start != null && t != null && t < start) return true;
        }
        return false;
    }

    /** Documents and diagnostic reports: the notes a text check may read. */
    @SuppressWarnings("unchecked")
    public List<Fact> getNotes() {
        return (List<Fact>) lists.computeIfAbsent("notes", k -> {
            List<Fact> out = new ArrayList<>();
            for (Fact f : facts) if (f instanceof DocumentFact || f instanceof DiagnosticReportFact) out.add(f);
            return out;
        });
    }

    /** Age observations with a value (LOINC 30525-0, 21612-7, 29553-5). */
    @SuppressWarnings("unchecked")
    public List<ObservationFact> getAgeObservations() {
        List<ObservationFact> all = of(ObservationFact.class);
        return (List<ObservationFact>) lists.computeIfAbsent("age", k -> {
            List<ObservationFact> out = new ArrayList<>();
            for (ObservationFact o : all) if (o.getValue() != null && o.getLoinc() != null && AGE_CODES.contains(o.getLoinc())) out.add(o);
            return out;
        });
    }

    /** Statements read by pattern with an attribute (age, laterality, diagnosis-item …), in record order. */
    public List<MentionFact> statements(String attribute) { return statements(attribute, null); }

    /** Statements with an attribute in a section (null: any section). */
    @SuppressWarnings("unchecked")
    public List<MentionFact> statements(String attribute, String section) {
        List<MentionFact> all = of(MentionFact.class);
        return (List<MentionFact>) lists.computeIfAbsent("statement\u0000" + attribute + "\u0000" + section, k -> {
            List<MentionFact> out = new ArrayList<>();
            for (MentionFact m : all) {
                if ("statement".equals(m.getKind()) && attribute.equals(m.getAttribute()) && (section == null || section.equals(m.getSection()))) out.add(m);
            }
            return out;
        });
    }
}
