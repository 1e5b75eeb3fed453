package org.emrqc.kafka;

import java.util.List;

/** Topic and header names, defined once; deployment manifests use the same names. */
public final class Topics {
    /** Input: a FHIR R4 JSON Bundle or resource per message; key = patient or encounter id. */
    public static final String RECORDS = "emrqc.records.v1";
    /** Output: the FHIR Bundle of DetectedIssue findings (as `check` writes it) per input message, same key. */
    public static final String FINDINGS = "emrqc.findings.v1";
    /** Dead letters: the original bytes and headers plus the error headers below. */
    public static final String DEAD_LETTERS = "emrqc.records.dlq.v1";

    /**
     * Intermediate: a record with the extractions of its narratives, written by the asynchronous structuring
     * stage and read by the rule stage; same key and partitioning as the input, one message per input message.
     */
    public static final String STRUCTURED = "emrqc.records.structured.v1";

    /**
     * Control: the rule pack versions to run. Compacted; key = pack id; value = the pack archive (a zip of the pack
     * folder); headers {@link #HEADER_PACK_VERSION}, {@link #HEADER_PACK_SHA256}, {@link #HEADER_ACTIVATED_BY},
     * {@link #HEADER_ACTIVATED_AT}. The last message of a pack id is its active version; every stream processor
     * swaps to it while running (see {@link PackWatcher}).
     */
    public static final String PACKS = "emrqc.packs.v1";

    public static final List<String> ALL = List.of(RECORDS, STRUCTURED, FINDINGS, DEAD_LETTERS, PACKS);

    /** Content type of a message on {@link #STRUCTURED} (see {@link StructuredRecord}). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/vnd.emrqc.structured-record.v1+json";

    /** Optional input headers. */
    public static final String HEADER_REGION = "emrqc-region";
    public static final String HEADER_SOURCE_SYSTEM = "emrqc-source-system";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    /** Headers added to a dead letter. */
    public static final String HEADER_ERROR_STAGE = "emrqc-error-stage";
    public static final String HEADER_ERROR_REASON = "emrqc-error-reason";
    public static final String HEADER_ERROR_CLASS = "emrqc-error-class";
    public static final String HEADER_ERROR_TIME = "emrqc-error-time";
    public static final String HEADER_INPUT = "emrqc-input";

    /** Header of a findings message: the label (id@version) of the rule pack version that made its findings. */
    public static final String HEADER_RULE_PACK = "emrqc-rule-pack";

    /** Headers of a message on {@link #PACKS}. */
    public static final String HEADER_PACK_VERSION = "emrqc-pack-version";
    public static final String HEADER_PACK_SHA256 = "emrqc-pack-sha256";
    public static final String HEADER_ACTIVATED_BY = "emrqc-activated-by";
    public static final String HEADER_ACTIVATED_AT = "emrqc-activated-at";

    private Topics() { }
}
