package org.emrqc.kafka;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The stream processor: each message goes through {@link MessageCheck}; findings go to
 * {@link QcTopology#FINDINGS_SINK}, anything that went wrong to {@link QcTopology#DEAD_LETTER_SINK}. The stream
 * never stops for one record.
 */
final class QcProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private final MessageCheck check;
    private ProcessorContext<byte[], byte[]> context;

    QcProcessor(CheckerRegistry checkers, String defaultRegion, PipelineMetrics metrics) { this.check = new MessageCheck(checkers, defaultRegion, metrics); }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) { this.context = context; }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata m = context.recordMetadata().orElse(null);
        String input = m == null ? "unknown" : m.topic() + "/" + m.partition() + "/" + m.offset();
        // where the message came from, for any line logged while it is checked (never its content)
        LogContext.put(m == null ? null : m.topic(), m == null ? -1 : m.partition(), m == null ? -1 : m.offset(), "check");
        MessageCheck.Result r;
        try {
            r = check.check(record.value(), record.headers(), record.timestamp(), input);
        } finally {
            LogContext.clear();
        }
        context.forward(new Record<>(record.key(), r.value(), record.timestamp(), r.headers()),
                r.deadLetter() ? QcTopology.DEAD_LETTER_SINK : QcTopology.FINDINGS_SINK);
    }
}
