package org.emrqc.extractor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.emrqc.extractor.llm.LlmExtractor;
import org.emrqc.extractor.statements.StatementReader;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.RecordTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.DiagnosticReportFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Fact;
import org.emrqc.model.MentionFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.PractitionerFact;
import org.emrqc.model.ProcedureFact;
import org.emrqc.model.SectionFact;

/**
 * The structuring stage of a record: every document, report, and Observation or Procedure note with text goes
 * through the extractor; the sections and mentions found join the record's facts, so narrative and structured
 * facts meet in one rule session. Terminology = the record's own coded resources + the configured tables.
 *
 * <p>Three steps, usable apart: {@link #documents} finds the narratives of a record, {@link #extract} runs the
 * extractor on one of them, {@link #attach} adds an extraction's facts to the record. {@link #apply} does all
 * three in the calling thread (the inline stage); the pipeline's asynchronous structuring stage runs
 * {@link #extract} for many documents at once and ships the extractions to the rule stage on a topic.
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

    /** What one record's documents are extracted with: its terminology and the names to pseudonymize. */
    public record Context(Terminology terminology, List<String> names) { }

    /** Extracts every narrative of the record and adds the facts found (the inline stage). */
    public void apply(PatientRecord record) {
        List<NarrativeDocument> docs = documents(record);
        if (docs.isEmpty()) return;
        Context context = context(record);
        for (NarrativeDocument doc : docs) attach(record, doc, extract(doc, context));
    }

    private static final org.emrqc.extractor.sections.SectionDetector SECTIONS = new org.emrqc.extractor.sections.SectionDetector();

    /**
     * Adds only the sections of the record's narratives (headers by pattern, no mentions): what a batch keeps to
     * compare records with each other, at a fraction of the cost of a full extraction.
     */
    public static void addSections(PatientRecord record) {
        for (NarrativeDocument doc : documents(record)) {
            if (!"DocumentReference".equals(doc.resourceType()) && !"Composition".equals(doc.resourceType())) continue;
            for (SectionFact s : SECTIONS.detect(doc)) record.add(s);
        }
    }

    /** The record's narratives, in fact order: documents, reports, and notes of Observations and Procedures. */
    public static List<NarrativeDocument> documents(PatientRecord record) {
        List<NarrativeDocument> docs = new ArrayList<>();
        String patient = record.getPatient() == null ? null : record.getPatient().getId();
        for (Fact f : record.getFacts()) {
            String text = f instanceof DocumentFact d ? d.getNarrative()
                    : f instanceof DiagnosticReportFact r ? r.getNarrative()
                    : f instanceof ObservationFact o && !o.isComponent() ? o.getNote()
                    : f instanceof ProcedureFact p ? p.getNote() : null;
            if (text == null || text.isBlank()) continue;
            docs.add(new NarrativeDocument(f.getResourceType(), f.getId(), f.getPatientId() != null ? f.getPatientId() : patient,
                    f.getEncounterId(), Languages.detect(text), text));
        }
        return docs;
    }

    /** The terminology (record's codes + tables) and person names (patient, practitioners) of a record. */
    public Context context(PatientRecord record) {
        Terminology terminology = DictionaryTerminology.combine(List.of(RecordTerminology.of(record), tables));
        List<String> names = new ArrayList<>();
        if (record.getPatient() != null && record.getPatient().getName() != null) names.add(record.getPatient().getName());
        for (PractitionerFact p : record.facts(PractitionerFact.class)) if (p.getName() != null) names.add(p.getName());
        return new Context(terminology, names);
    }

    /**
     * Runs the extractor on one document, then reads the statements by pattern (age, sex, marital status,
     * diagnosis lists, allergy statements, template controls …) so that every backend gets the same ones;
     * thread-safe (the extractor bounds its own calls to a model).
     */
    public Extraction extract(NarrativeDocument doc, Context context) {
        // a remote model gets the record's names to pseudonymize before the text leaves the process
        Extraction x = extractor instanceof LlmExtractor llm
                ? llm.extract(doc, context.terminology(), context.names()) : extractor.extract(doc, context.terminology());
        return withStatements(doc, x, context.terminology());
    }

    /** The extraction with the document's statements read by pattern added (none twice), in offset order. */
    static Extraction withStatements(NarrativeDocument doc, Extraction x, Terminology terminology) {
        List<MentionFact> statements = STATEMENTS.read(doc, x.sections(), terminology);
        if (statements.isEmpty()) return x;
        List<MentionFact> all = new ArrayList<>(x.mentions());
        for (MentionFact s : statements) {
            boolean known = false;
            for (MentionFact m : x.mentions()) {
                known |= "statement".equals(m.getKind()) && java.util.Objects.equals(m.getAttribute(), s.getAttribute())
                        && m.getStart() == s.getStart() && m.getEnd() == s.getEnd();
            }
            if (!known) all.add(s);
        }
        all.sort(java.util.Comparator.comparingInt(MentionFact::getStart));
        return new Extraction(x.sections(), all, x.ungrounded(), x.backend(), x.degraded());
    }

    private static final StatementReader STATEMENTS = new StatementReader();

    /** Every document of the record extracted, keyed by its reference (Type/id), in document order. */
    public Map<String, Extraction> extractAll(PatientRecord record) {
        Map<String, Extraction> out = new LinkedHashMap<>();
        List<NarrativeDocument> docs = documents(record);
        if (docs.isEmpty()) return out;
        Context context = context(record);
        for (NarrativeDocument doc : docs) out.put(doc.ref(), extract(doc, context));
        return out;
    }

    /** Adds the sections and mentions of one document's extraction to the record, and counts them. */
    public void attach(PatientRecord record, NarrativeDocument doc, Extraction x) {
        documents.incrementAndGet();
        characters.addAndGet(doc.text().length());
        ungrounded.addAndGet(x.ungrounded());
        if (x.degraded()) degraded.incrementAndGet();
        mentions.addAndGet(x.mentions().size());
        addFacts(record, doc, x);
    }

    private static void addFacts(PatientRecord record, NarrativeDocument doc, Extraction x) {
        for (SectionFact s : x.sections()) record.add(s);
        for (MentionFact m : x.mentions()) {
            if (m.getPatientId() == null) m.setPatientId(doc.patientId());
            if (m.getEncounterId() == null) m.setEncounterId(doc.encounterId());
            record.add(m);
        }
    }

    /**
     * Adds extractions made elsewhere (by the asynchronous structuring stage) to the record, matched to its
     * documents by reference; returns the references of documents that had none.
     */
    public static List<String> attachAll(PatientRecord record, Map<String, Extraction> extractions) {
        List<String> missing = new ArrayList<>();
        for (NarrativeDocument doc : documents(record)) {
            Extraction x = extractions.get(doc.ref());
            if (x == null) missing.add(doc.ref());
            else addFacts(record, doc, x);
        }
        return missing;
    }

    public String extractorName() { return extractor.name(); }

    public NarrativeExtractor extractor() { return extractor; }

    /** Counters since start: documents, characters, mentions, ungrounded (dropped) mentions, degraded documents. */
    public long[] counters() {
        return new long[]{documents.get(), characters.get(), mentions.get(), ungrounded.get(), degraded.get()};
    }
}
