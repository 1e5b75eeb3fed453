package org.emrqc.extractor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.RecordTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.DiagnosticReportFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Fact;
import org.emrqc.model.MentionFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.SectionFact;

/**
 * The structuring stage of a record: every document, report, and Observation or Procedure note with text goes through the
 * extractor; the sections and mentions found join the record's facts, so narrative and structured facts meet
 * in one rule session. Terminology = the record's own coded resources + the configured tables.
 */
public final class NarrativeStage {
    private final NarrativeExtractor extractor;
    private final Terminology tables;
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong characters = new AtomicLong();
    private final AtomicLong mentions = new AtomicLong();
    private final AtomicLong ungrounded = new AtomicLong();
    private final AtomicLong degraded = new AtomicLong();

    public NarrativeStage(NarrativeExtractor extractor, Terminology tables) {
        this.extractor = extractor;
        this.tables = tables;
    }

    public void apply(PatientRecord record) {
        List<NarrativeDocument> docs = new ArrayList<>();
        String patient = record.getPatient() == null ? null : record.getPatient().getId();
        for (Fact f : record.getFacts()) {
            String text = f instanceof DocumentFact d ? d.getNarrative()
                    : f instanceof DiagnosticReportFact r ? r.getNarrative()
                    : f instanceof org.emrqc.model.ObservationFact o && !o.isComponent() ? o.getNote()
                    : f instanceof org.emrqc.model.ProcedureFact p ? p.getNote() : null;
            if (text == null || text.isBlank()) continue;
            docs.add(new NarrativeDocument(f.getResourceType(), f.getId(), f.getPatientId() != null ? f.getPatientId() : patient,
                    f.getEncounterId(), Languages.detect(text), text));
        }
        if (docs.isEmpty()) return;
        Terminology terminology = DictionaryTerminology.combine(List.of(RecordTerminology.of(record), tables));
        List<String> names = new ArrayList<>();
        if (record.getPatient() != null && record.getPatient().getName() != null) names.add(record.getPatient().getName());
        for (org.emrqc.model.PractitionerFact p : record.facts(org.emrqc.model.PractitionerFact.class)) if (p.getName() != null) names.add(p.getName());
        for (NarrativeDocument doc : docs) {
            // a remote model gets the record's names to pseudonymize before the text leaves the process
            Extraction x = extractor instanceof org.emrqc.extractor.llm.LlmExtractor llm
                    ? llm.extract(doc, terminology, names) : extractor.extract(doc, terminology);
            documents.incrementAndGet();
            characters.addAndGet(doc.text().length());
            ungrounded.addAndGet(x.ungrounded());
            if (x.degraded()) degraded.incrementAndGet();
            for (SectionFact s : x.sections()) record.add(s);
            for (MentionFact m : x.mentions()) {
                if (m.getPatientId() == null) m.setPatientId(doc.patientId());
                if (m.getEncounterId() == null) m.setEncounterId(doc.encounterId());
                record.add(m);
                mentions.incrementAndGet();
            }
        }
    }

    public String extractorName() { return extractor.name(); }

    /** Counters since start: documents, characters, mentions, ungrounded (dropped) mentions, degraded documents. */
    public long[] counters() {
        return new long[]{documents.get(), characters.get(), mentions.get(), ungrounded.get(), degraded.get()};
    }
}
