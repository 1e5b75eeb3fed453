package org.emrqc.kafka;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/**
 * The one topology of the pipeline, from a pure builder: every test level (TopologyTestDriver unit tests and
 * real-broker integration tests) and the `stream` command use it.
 *
 * <pre>
 * emrqc.records.v1 ──▶ check (read FHIR, structure narrative, rules) ──▶ emrqc.findings.v1
 *                                  └── any failure, with stage and reason ──▶ emrqc.records.dlq.v1
 * </pre>
 *
 * With the asynchronous structuring stage ({@link StructuringWorker}) in front, the same topology reads
 * {@link Topics#STRUCTURED} instead: its messages bring the extractions, and the check only attaches them.
 */
public final class QcTopology {
    static final String SOURCE = "records";
    static final String CHECK = "check";
    static final String FINDINGS_SINK = "findings";
    static final String DEAD_LETTER_SINK = "dead-letters";

    private QcTopology() { }

    public static Topology build(CheckerRegistry checkers, String defaultRegion) {
        return build(checkers, defaultRegion, new PipelineMetrics());
    }

    public static Topology build(CheckerRegistry checkers, String defaultRegion, PipelineMetrics metrics) {
        return build(checkers, defaultRegion, metrics, Topics.RECORDS);
    }

    /** @param source {@link Topics#RECORDS} (structuring inline) or {@link Topics#STRUCTURED} (structured upstream) */
    public static Topology build(CheckerRegistry checkers, String defaultRegion, PipelineMetrics metrics, String source) {
        if (!source.equals(Topics.RECORDS) && !source.equals(Topics.STRUCTURED)) throw new IllegalArgumentException("source must be " + Topics.RECORDS + " or " + Topics.STRUCTURED);
        Topology t = new Topology();
        t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), source);
        t.addProcessor(CHECK, () -> new QcProcessor(checkers, defaultRegion, metrics), SOURCE);
        t.addSink(FINDINGS_SINK, Topics.FINDINGS, new ByteArraySerializer(), new ByteArraySerializer(), CHECK);
        t.addSink(DEAD_LETTER_SINK, Topics.DEAD_LETTERS, new ByteArraySerializer(), new ByteArraySerializer(), CHECK);
        return t;
    }
}
