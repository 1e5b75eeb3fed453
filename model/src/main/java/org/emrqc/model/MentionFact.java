package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A fact extracted from narrative: what was mentioned (kind and text), where (the document it is in, and the
 * character offsets into that document's source text, which slice it to exactly {@link #getText()}), how
 * (negated, uncertain, historical, family history), related values (dose, value and unit, duration,
 * laterality) and its normalized codes. Its resourceType and id are the document's, so findings on it implicate
 * the document; {@link #getStart()}/{@link #getEnd()} give the evidence span.
 */
public final class MentionFact extends Fact {
    /** diagnosis, symptom, medication, procedure, lab, imaging, vital, allergy, allergy-denial, anatomy, statement. */
    private final String kind;
    private final String text;
    private final int start;
    private final int end;
    private final List<Coding> codes = new ArrayList<>();
    private final List<CodeCandidate> candidates = new ArrayList<>();
    private String section;
    private String sectionTitle;
    private String documentKind;
    private boolean negated;
    private boolean uncertain;
    private boolean historical;
    private boolean family;
    private boolean hypothetical;
    private String timeFrame;
    private String timeFrameText;
    private String attribute;
    private String normalized;
    private String laterality;
    private String bodySite;
    private Double value;
    private String unit;
    private String duration;
    private Double durationDays;
    private String dose;
    private String route;
    private String frequency;
    private double confidence = 1.0;
    private String backend = "offline";
    private boolean degraded;

    public MentionFact(String documentType, String documentId, String kind, String text, int start, int end) {
        super(documentType, documentId);
        this.kind = kind;
        this.text = text;
        this.start = start;
        this.end = end;
    }

    public String getKind() { return kind; }
    /** The quoted text: exactly source.substring(start, end). */
    public String getText() { return text; }
    public int getStart() { return start; }
    public int getEnd() { return end; }
    /** The codes the mention was normalized to (chosen among the candidates). */
    public List<Coding> getCodes() { return codes; }
    /** The top terminology candidates considered, best first, with their scores. */
    public List<CodeCandidate> getCandidates() { return candidates; }
    /** The LOINC code among the codes (vital signs and lab values), or null. */
    public String getLoinc() { return code(CodeSystems.LOINC); }
    public String code(String system) { return first(codes, system) == null ? null : first(codes, system).getCode(); }

    /** The normalized section the mention is in (chief-complaint, hpi, past-history, allergies, ...), or null. */
    public String getSection() { return section; }
    public void setSection(String section) { this.section = section; }
    /** The header of the section or field the mention is in, as written (初步诊断, 入院诊断, 婚育史 ...), or null. */
    public String getSectionTitle() { return sectionTitle; }
    public void setSectionTitle(String sectionTitle) { this.sectionTitle = sectionTitle; }
    /** The kind of the document it is in (admission-record, progress-note ...), set by the rule engine. */
    public String getDocumentKind() { return documentKind; }
    public void setDocumentKind(String documentKind) { this.documentKind = documentKind; }
    public boolean isNegated() { return negated; }
    public void setNegated(boolean negated) { this.negated = negated; }
    public boolean isUncertain() { return uncertain; }
    public void setUncertain(boolean uncertain) { this.uncertain = uncertain; }
    public boolean isHistorical() { return historical; }
    public void setHistorical(boolean historical) { this.historical = historical; }
    public boolean isFamily() { return family; }
    public void setFamily(boolean family) { this.family = family; }
    /**
     * True when the mention is not a statement about this patient's state: it names a disease considered in a
     * differential diagnosis, a plan or the basis of a diagnosis, or it sits in a template prompt left as written
     * ("承认或否认", "有/无").
     */
    public boolean isHypothetical() { return hypothetical; }
    public void setHypothetical(boolean hypothetical) { this.hypothetical = hypothetical; }
    /** True when asserted about the patient: not negated, uncertain, family history or hypothetical. */
    public boolean isAffirmed() { return !negated && !uncertain && !family && !hypothetical; }
    /**
     * The time frame the mention is anchored to, normalized (for example "ago:P14D" for 2周前, "admission" for
     * 入院时, "now" for 目前, "date:2017-01" for 2017年1月, "postop" for 术后), or null when the text gives none.
     * Two statements contradict each other only within one time frame.
     */
    public String getTimeFrame() { return timeFrame; }
    public void setTimeFrame(String timeFrame) { this.timeFrame = timeFrame; }
    /** The time frame as written (2周前, 入院时 ...), or null. */
    public String getTimeFrameText() { return timeFrameText; }
    public void setTimeFrameText(String timeFrameText) { this.timeFrameText = timeFrameText; }
    /**
     * For statements read by pattern (kind "statement"): what is stated (age, sex, marital-status, gravida, para,
     * menopause, operation-date, diagnosis-item, allergy-statement, laterality, template-control ...); null for
     * other mentions.
     */
    public String getAttribute() { return attribute; }
    public void setAttribute(String attribute) { this.attribute = attribute; }
    /** The stated value normalized (45, female, married, 2019-01-02 ...), for comparing statements; or null. */
    public String getNormalized() { return normalized; }
    public void setNormalized(String normalized) { this.normalized = normalized; }
    /** left, right, bilateral, or null. */
    public String getLaterality() { return laterality; }
    public void setLaterality(String laterality) { this.laterality = laterality; }
    public String getBodySite() { return bodySite; }
    public void setBodySite(String bodySite) { this.bodySite = bodySite; }
    public Double getValue() { return value; }
    public void setValue(Double value) { this.value = value; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    /** A duration as written (3天, 2 weeks), and in days. */
    public String getDuration() { return duration; }
    public void setDuration(String duration) { this.duration = duration; }
    public Double getDurationDays() { return durationDays; }
    public void setDurationDays(Double durationDays) { this.durationDays = durationDays; }
    public String getDose() { return dose; }
    public void setDose(String dose) { this.dose = dose; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    /** 0..1: how sure the extractor is (dictionary matches 1.0 when exact). */
    public double getConfidence() { return confidence; }
    public void setConfidence(double confidence) { this.confidence = confidence; }
    /** offline or llm. */
    public String getBackend() { return backend; }
    public void setBackend(String backend) { this.backend = backend; }
    /** True when the LLM backend failed and the offline backend produced this fact instead. */
    public boolean isDegraded() { return degraded; }
    public void setDegraded(boolean degraded) { this.degraded = degraded; }

    @Override public String toString() { return kind + "'" + text + "'@" + getRef() + "[" + start + "," + end + ")" + (negated ? " neg" : ""); }
}
