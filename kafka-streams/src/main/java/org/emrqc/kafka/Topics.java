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

    public static final List<String> ALL = List.of(RECORDS, STRUCTURED, FINDINGS, DEAD_LETTERS);

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

    private Topics() { }
}
