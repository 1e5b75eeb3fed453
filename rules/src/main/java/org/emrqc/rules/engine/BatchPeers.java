package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Localized;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.SectionFact;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;

/**
 * The sections a batch of records shares with each record it holds, for the checks that compare a record with other
 * patients' records (copied-across-patients: the same 拟诊讨论 for different patients of one department). Only the
 * sections those rules ask for are kept: the document kinds and section codes of the enabled rules of that template,
 * from records whose sections have been found (the structuring stage, or its section detection alone).
 * Thread-safe: records may be added from several threads.
 */
public final class BatchPeers {
    /** The template whose rules read peers. */
    public static final String TEMPLATE = "copied-across-patients";
    /** No batch: a record checked alone (a Kafka message, a $qc call). */
    public static final BatchPeers NONE = new BatchPeers(Set.of(), Set.of());

    private final Set<String> kinds;
    private final Set<String> codes;
    private final java.util.concurrent.atomic.AtomicLong added = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, List<PeerSection>> byRecord = new ConcurrentHashMap<>();
    /** Each kept record's identity keys (id, resident ID number, name with birth date), keyed like byRecord. */
    private final Map<String, Set<String>> identities = new ConcurrentHashMap<>();

    private BatchPeers(Set<String> kinds, Set<String> codes) {
        this.kinds = kinds;
        this.codes = codes;
    }

    /** An empty batch collecting what the enabled rules of the set need; NONE-like (collects nothing) when no rule needs peers. */
    public static BatchPeers forRules(EffectiveRuleSet set) {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (EffectiveRule r : set.rules().values()) {
            if (!r.enabled() || !TEMPLATE.equals(r.definition().template())) continue;
            kinds.addAll(strings(r.params().get("kinds")));
            for (String c : strings(r.params().get("sections"))) for (String alt : c.split("\\|")) codes.add(alt);
        }
        return new BatchPeers(kinds, codes);
    }

    /** True when some enabled rule compares records with their batch. */
    public boolean wanted() { return !kinds.isEmpty(); }

    /** Keeps the wanted sections of one record (its documents' kinds are derived here from the set's tables). */
    public void add(PatientRecord record, EffectiveRuleSet set) {
        if (!wanted() || record.getPatient() == null) return;
        Localized who = label(record);
        List<PeerSection> out = new ArrayList<>();
        for (DocumentFact d : record.facts(DocumentFact.class)) {
            if (d.getKind() == null) DocumentClassifier.classify(d, set.knowledge());
            if (!kinds.contains(d.getKind()) || d.getNarrative() == null) continue;
            EncounterFact stay = d.getEncounterId() == null ? null : record.encounter(d.getEncounterId());
            String dept = stay == null ? null : stay.getDepartmentCode() != null ? stay.getDepartmentCode() : stay.getDepartment();
            for (SectionFact s : record.facts(SectionFact.class)) {
                if (!d.getResourceType().equals(s.getResourceType()) || !d.getId().equals(s.getId())) continue;
                if (s.isEmpty() || s.isBoilerplate() || s.getCode() == null || !codes.contains(s.getCode())) continue;
                SectionFact whole = CopyAcross.whole(d, s);
                out.add(new PeerSection(who, dept, ClinicalNames.document(d), d.getCompletedAt(), d.getCompletedLatest(), s.getCode(), whole.getContent()));
            }
        }
        if (out.isEmpty()) return;
        // two files of one patient (a stay exported twice, another stay) carry different resource ids
        String key = record.getPatient().getId() + "#" + added.incrementAndGet();
        identities.put(key, identity(record));
        byRecord.put(key, out);
    }

    /** The sections of other patients' records in the batch, from stays of the record's departments when both are known. */
    public List<PeerSection> forRecord(PatientRecord record) {
        if (byRecord.isEmpty()) return List.of();
        Set<String> self = identity(record);
        Set<String> depts = new LinkedHashSet<>();
        for (EncounterFact e : record.facts(EncounterFact.class)) {
            String d = e.getDepartmentCode() != null ? e.getDepartmentCode() : e.getDepartment();
            if (d != null) depts.add(d);
        }
        List<PeerSection> out = new ArrayList<>();
        for (Map.Entry<String, List<PeerSection>> e : byRecord.entrySet()) {
            if (!java.util.Collections.disjoint(identities.get(e.getKey()), self)) continue;
            for (PeerSection p : e.getValue()) if (p.department() == null || depts.isEmpty() || depts.contains(p.department())) out.add(p);
        }
        return out;
    }

    /**
     * What tells a patient across files: the Patient id, the resident ID number, the name with the birth date (names
     * are often masked, 李*芳, so a name alone is not enough).
     */
    static Set<String> identity(PatientRecord r) {
        Set<String> keys = new java.util.HashSet<>();
        if (r.getPatient() == null) return keys;
        org.emrqc.model.PatientFact p = r.getPatient();
        if (p.getId() != null) keys.add("id:" + p.getId());
        if (p.getNationalId() != null && !p.getNationalId().isBlank()) keys.add("nid:" + p.getNationalId().strip().toUpperCase(java.util.Locale.ROOT));
        if (p.getName() != null && !p.getName().isBlank() && p.getBirthDate() != null) keys.add("nb:" + p.getName().replaceAll("\\s+", "") + "|" + p.getBirthDate());
        return keys;
    }

    /** How many records have sections kept. */
    public int records() { return byRecord.size(); }

    private static Localized label(PatientRecord r) {
        String name = r.getPatient().getName();
        String ref = r.getPatientRef();
        return name == null ? Localized.of(ref) : new Localized(name + " (" + ref + ")", name + "（" + ref + "）");
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof java.util.Collection<?> c) for (Object o : c) { if (o != null) out.add(o.toString()); }
        else if (v != null) out.add(v.toString());
        return out;
    }
}
