package org.emrqc.console.ingest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.Coding;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.PractitionerFact;
import org.emrqc.model.ProcedureFact;
import org.emrqc.rules.engine.Indicators;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;

/**
 * Summarizes a record from its FHIR: patient name, encounter, department, attending doctor (the encounter's ATND
 * participant, else its first participant, else the author of the first document), stay, and the hours each
 * document of the 2021 national timeliness indicators took (入院记录 and 出院记录 from admission/discharge, 手术记录
 * from the end of the first surgical procedure, 病案首页 from discharge).
 */
public final class RecordSummarizer {
    /** Indicator → document kind, in the order the statistics show them. */
    public static final Map<String, String> INDICATORS = Map.of(
            "admission-record", "入院记录", "operative-note", "手术记录", "discharge-record", "出院记录", "front-sheet", "病案首页");
    public static final List<String> INDICATOR_ORDER = List.of("admission-record", "operative-note", "discharge-record", "front-sheet");

    private final RecordAssembler assembler;
    private final Knowledge knowledge;
    private final EffectiveRuleSet ruleSet;
    private final ZoneId zone;

    public RecordSummarizer(ZoneId zone, Knowledge knowledge) {
        this.assembler = new RecordAssembler(zone);
        this.knowledge = knowledge;
        this.ruleSet = null;
        this.zone = zone;
    }

    /** A summarizer that also places the record in the denominators of the region's national indicators. */
    public RecordSummarizer(ZoneId zone, EffectiveRuleSet ruleSet) {
        this.assembler = new RecordAssembler(zone);
        this.knowledge = ruleSet.knowledge();
        this.ruleSet = ruleSet;
        this.zone = zone;
    }

    public List<PatientRecord> records(ParsedInput input) { return assembler.assemble(input.source(), input.entries()); }

    public static PatientRecord forPatient(List<PatientRecord> records, String patientRef) {
        for (PatientRecord r : records) if (patientRef != null && patientRef.equals(r.getPatientRef())) return r;
        return records.size() == 1 ? records.get(0) : null;
    }

    public RecordSummary summarize(ParsedInput input, String patientRef) {
        PatientRecord record = forPatient(records(input), patientRef);
        if (record == null) return RecordSummary.EMPTY;
        EncounterFact enc = record.facts(EncounterFact.class).stream().filter(EncounterFact::isInpatient).findFirst()
                .orElse(record.facts(EncounterFact.class).stream().findFirst().orElse(null));
        String attendingRef = attendingRef(input, enc, record);
        String attending = attendingRef == null ? null : practitionerName(record, attendingRef);
        if (attending == null) attending = attendingDisplay(input, enc);
        Map<String, Double> timeliness = timeliness(record, enc);
        Map<String, Map<String, Object>> indicators = indicators(record);
        return new RecordSummary(record.getPatient() == null ? null : record.getPatient().getName(), enc == null ? null : enc.getRef(),
                enc == null ? null : enc.getDepartment(), attending != null ? attending : attendingRef, attendingRef,
                enc == null || enc.getStart() == null ? null : Instant.ofEpochMilli(enc.getStart()),
                enc == null || enc.getEnd() == null ? null : Instant.ofEpochMilli(enc.getEnd()), timeliness, indicators);
    }

    /** The indicators whose denominator the record is in, with why; empty without a rule set or on bad data. */
    private Map<String, Map<String, Object>> indicators(PatientRecord record) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (ruleSet == null) return out;
        try {
            for (Indicators.Membership m : Indicators.memberships(ruleSet, record, zone)) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("number", m.indicator().number());
                v.put("name", Map.of("zh", m.indicator().name().in("zh"), "en", m.indicator().name().in("en")));
                v.put("why", Map.of("zh", m.why().in("zh"), "en", m.why().in("en")));
                v.put("refs", m.refs());
                v.put("rules", m.indicator().rules());
                v.put("occurrence", m.indicator().occurrence());
                out.put(m.indicator().code(), v);
            }
        } catch (RuntimeException e) {
            // an indicator is statistics: a record the evaluator cannot place is left out of every denominator
            return new LinkedHashMap<>();
        }
        return out;
    }

    /** The document kind from the pack's document-types table (by type coding, else title), or null. */
    public String kindOf(DocumentFact d) {
        if (!knowledge.tables().containsKey("document-types")) return null;
        for (Coding c : d.getCodings()) {
            Row r = knowledge.row("document-types", Knowledge.systemName(c.getSystem()), c.getCode());
            if (r != null) return r.str("kind");
        }
        for (String title : new String[] {d.getTitle(), d.getText()}) {
            if (title == null || title.isBlank()) continue;
            Row r = knowledge.row("document-types", "title", title.strip());
            if (r != null) return r.str("kind");
        }
        return null;
    }

    private Map<String, Double> timeliness(PatientRecord record, EncounterFact enc) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (enc == null) return out;
        Map<String, DocumentFact> firstByKind = new LinkedHashMap<>();
        record.facts(DocumentFact.class).stream().filter(d -> d.getCompletedAt() != null)
                .sorted(Comparator.comparing(DocumentFact::getCompletedAt))
                .forEach(d -> {
                    String kind = kindOf(d);
                    if (kind != null) firstByKind.putIfAbsent(kind, d);
                });
        hours(out, "admission-record", enc.getStart(), firstByKind.get("admission-record"));
        hours(out, "discharge-record", enc.getEnd(), firstByKind.get("discharge-record"));
        hours(out, "front-sheet", enc.getEnd(), firstByKind.get("front-sheet"));
        Long surgeryEnd = record.facts(ProcedureFact.class).stream().filter(ProcedureFact::isSurgical)
                .map(p -> p.getEnd() != null ? p.getEnd() : p.getStart()).filter(t -> t != null).min(Long::compare).orElse(null);
        hours(out, "operative-note", surgeryEnd, firstByKind.get("operative-note"));
        return out;
    }

    private static void hours(Map<String, Double> out, String indicator, Long anchor, DocumentFact doc) {
        if (anchor == null || doc == null) return;
        out.put(indicator, Math.round((doc.getCompletedAt() - anchor) / 36_000d) / 100d);
    }

    private static String attendingRef(ParsedInput input, EncounterFact enc, PatientRecord record) {
        Encounter encounter = enc == null ? null : encounter(input, enc.getId());
        if (encounter != null) {
            Reference first = null;
            for (Encounter.EncounterParticipantComponent p : encounter.getParticipant()) {
                if (!p.hasIndividual()) continue;
                if (first == null) first = p.getIndividual();
                boolean atnd = p.getType().stream().flatMap(t -> t.getCoding().stream()).anyMatch(c -> "ATND".equals(c.getCode()));
                if (atnd) return refOf(p.getIndividual());
            }
            if (first != null) return refOf(first);
        }
        // an author given by display only has no id: no reference then (not "Practitioner/null")
        return record.facts(DocumentFact.class).stream().filter(d -> !d.getAuthorIds().isEmpty() && d.getAuthorIds().get(0) != null)
                .sorted(Comparator.comparing(d -> d.getDate() == null ? Long.MAX_VALUE : d.getDate()))
                .map(d -> "Practitioner/" + d.getAuthorIds().get(0)).findFirst().orElse(null);
    }

    private static String attendingDisplay(ParsedInput input, EncounterFact enc) {
        Encounter encounter = enc == null ? null : encounter(input, enc.getId());
        if (encounter == null) return null;
        return encounter.getParticipant().stream().filter(p -> p.hasIndividual() && p.getIndividual().hasDisplay())
                .map(p -> p.getIndividual().getDisplay()).findFirst().orElse(null);
    }

    private static String refOf(Reference r) {
        if (r.getReference() == null) return null;
        String ref = r.getReference();
        int slash = ref.lastIndexOf('/', ref.lastIndexOf('/') - 1);
        return slash >= 0 && ref.contains("://") ? ref.substring(slash + 1) : ref;
    }

    /** The Encounter resource with this id (HAPI may have replaced a bundle entry's id by its fullUrl). */
    private static Encounter encounter(ParsedInput input, String id) {
        List<Encounter> all = input.entries().stream().filter(e -> e.resource() instanceof Encounter).map(e -> (Encounter) e.resource()).toList();
        if (all.size() == 1) return all.get(0);
        for (ParsedInput.Entry e : input.entries()) {
            if (!(e.resource() instanceof Encounter enc)) continue;
            if (id.equals(enc.getIdElement().getIdPart()) || (e.fullUrl() != null && e.fullUrl().endsWith("/" + id))) return enc;
        }
        return null;
    }

    private static String practitionerName(PatientRecord record, String ref) {
        for (PractitionerFact p : record.facts(PractitionerFact.class)) {
            if (ref.equals(p.getRef()) && p.getName() != null) return p.getName();
        }
        return null;
    }
}
