package org.emrqc.extractor.statements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;

/**
 * Statements read by pattern from a document's text, whatever extractor (offline or a model) read the rest: each a
 * {@link MentionFact} of kind "statement" with an attribute, the value normalized, and the exact span of the value
 * as written. The attributes:
 * <ul>
 * <li>age ("45"), sex (female, male), marital-status (married, unmarried, divorced, widowed) — {@link IdentityReader},
 *     {@link MaritalReader};</li>
 * <li>obstetric-history ("G2P1"), menopause (menopausal, menstruating, "lmp:2019-01-02") — {@link ReproductiveReader};</li>
 * <li>operation-date ("2019-01-02") — {@link OperationDateReader}; admission-date ("2019-01-02") —
 *     {@link AdmissionDateReader}; consultation-time ("2019-01-02T14:35", or a date) — {@link ConsultationTimeReader};</li>
 * <li>diagnosis-item (the item as written without its number; its order in {@link MentionFact#getValue()}) —
 *     {@link DiagnosisListReader};</li>
 * <li>allergy-statement ("drug:denied", "food:青霉素" …) — {@link AllergyStatementReader};</li>
 * <li>laterality ("left:附件", with laterality and body site set) — {@link LateralityReader};</li>
 * <li>template-control (marker, prompt, placeholder, blank) — {@link TemplateControlReader}.</li>
 * </ul>
 * Each statement carries the section it is in: the code and the header as written of the innermost headed block
 * (一般项目, 婚育史, 药物过敏史 …), else of the extraction's section. Chinese text only; other languages give none.
 */
public final class StatementReader {
    /** The backend name statements carry: read by pattern, whatever extractor ran. */
    public static final String BACKEND = "pattern";

    /** Statements of one document; {@code sections} are the extraction's (may be empty). Thread-safe. */
    public List<MentionFact> read(NarrativeDocument doc, List<SectionFact> sections, Terminology terminology) {
        List<MentionFact> out = new ArrayList<>();
        if (doc.text() == null || doc.text().isBlank() || !"zh".equals(doc.language())) return out;
        Source s = new Source(doc, terminology);
        List<Found> found = new ArrayList<>();
        IdentityReader.read(s, found);
        MaritalReader.read(s, found);
        ReproductiveReader.read(s, found);
        OperationDateReader.read(s, found);
        AdmissionDateReader.read(s, found);
        ConsultationTimeReader.read(s, found);
        DiagnosisListReader.read(s, found);
        AllergyStatementReader.read(s, found);
        LateralityReader.read(s, found);
        TemplateControlReader.read(s, found);
        found.sort(Comparator.comparingInt((Found f) -> f.start).thenComparing(f -> f.attribute));
        for (Found f : found) {
            int start = f.start;
            while (start < f.end && Character.isWhitespace(s.text.charAt(start))) start++;
            if (start != f.start) f = f.movedTo(start);
            if (f.start < 0 || f.end > s.text.length() || f.end <= f.start) continue;
            MentionFact m = new MentionFact(doc.resourceType(), doc.id(), "statement", s.text.substring(f.start, f.end), f.start, f.end);
            m.setPatientId(doc.patientId());
            m.setEncounterId(doc.encounterId());
            m.setAttribute(f.attribute);
            m.setNormalized(f.normalized);
            m.setLaterality(f.laterality);
            m.setBodySite(f.bodySite);
            m.setValue(f.order);
            m.setNegated(f.negated);
            m.setHistorical(f.historical);
            m.getCodes().addAll(f.codes);
            m.setBackend(BACKEND);
            Blocks.Block b = s.blocks.at(f.start);
            SectionFact sf = sections == null ? null : SectionDetector.at(sections, f.start);
            if (b != null) {
                m.setSection(b.code());
                m.setSectionTitle(b.title());
            } else if (sf != null) {
                m.setSection(sf.getCode());
                m.setSectionTitle(sf.getTitle());
            }
            if (f.section != null) m.setSection(f.section);
            out.add(m);
        }
        return out;
    }
}
