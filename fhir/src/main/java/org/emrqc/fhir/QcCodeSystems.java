package org.emrqc.fhir;

/** The URIs of emrqc's own code systems and extensions in the findings it writes. */
public final class QcCodeSystems {
    public static final String BASE = "https://emrqc.org/fhir";
    public static final String RULE = BASE + "/CodeSystem/qc-rule";
    public static final String DEFECT_CLASS = BASE + "/CodeSystem/qc-defect-class";
    public static final String GRADE = BASE + "/CodeSystem/qc-grade";
    /** Identifier system of a finding's stable id. */
    public static final String FINDING_ID = BASE + "/sid/finding";
    /** Identifier system of a findings bundle: the input's name (a file name, never its folder). */
    public static final String INPUT_ID = BASE + "/sid/input";
    public static final String EXT_POINTS = BASE + "/StructureDefinition/qc-deduction";
    public static final String EXT_VETO = BASE + "/StructureDefinition/qc-veto";
    public static final String EXT_PACK = BASE + "/StructureDefinition/qc-rule-pack";
    public static final String EXT_REGION = BASE + "/StructureDefinition/qc-region";
    public static final String EXT_REGULATION = BASE + "/StructureDefinition/qc-regulation";
    public static final String EXT_FIX = BASE + "/StructureDefinition/qc-fix-hint";
    public static final String EXT_SOURCE = BASE + "/StructureDefinition/qc-source";
    /** Narrative evidence: document, start, end, quote, section, confidence, backend, degraded. */
    public static final String EXT_EVIDENCE_SPAN = BASE + "/StructureDefinition/qc-evidence-span";
    public static final String EXT_VETOED = BASE + "/StructureDefinition/qc-vetoed";
    public static final String MEASURE_SCORE = BASE + "/Measure/record-quality-score";
    /** The parts of the score Measure: its group and its grade stratifier. */
    public static final String MEASURE_PARTS = BASE + "/CodeSystem/qc-measure";
    public static final String SCORE_GROUP = "record-score";
    public static final String GRADE_STRATIFIER = "grade";
    /**
     * The stay a finding belongs to (R4 DetectedIssue has no encounter element). emrqc's own extension, defined in its
     * conformance package: the R5 cross-version extension needs a package most receivers do not load.
     */
    public static final String EXT_ENCOUNTER = BASE + "/StructureDefinition/qc-encounter";
    /** meta.tag systems of a findings bundle from the pipeline or $qc: the input message, the rule pack version. */
    public static final String TAG_INPUT = BASE + "/CodeSystem/qc-input";
    public static final String TAG_RULE_PACK = BASE + "/CodeSystem/qc-rule-pack";
    /** What findings carried before: read (the console's older messages), never written. */
    public static final String LEGACY_R5_ENCOUNTER = "http://hl7.org/fhir/5.0/StructureDefinition/extension-DetectedIssue.encounter";
    public static final String EXT_FINDING_COUNT = BASE + "/StructureDefinition/qc-finding-count";

    private QcCodeSystems() { }
}
