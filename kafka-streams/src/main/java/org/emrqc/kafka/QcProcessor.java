package org.emrqc.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.FindingsBundleWriter;
import org.emrqc.fhir.InputProblem;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.rules.check.FileOutcome;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Checks one message: reads the FHIR JSON, structures and evaluates its records with the region's rule base and
 * forwards the findings bundle to {@link QcTopology#FINDINGS_SINK}. Anything that goes wrong — oversize, not
 * JSON, not FHIR, a rule failure, an unexpected exception — sends the original message with the reason to
 * {@link QcTopology#DEAD_LETTER_SINK}; the stream never stops for one record.
 */
final class QcProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private final CheckerRegistry checkers;
    private final String defaultRegion;
    private final FhirInputReader reader;
    private ProcessorContext<byte[], byte[]> context;

    QcProcessor(CheckerRegistry checkers, String defaultRegion) {
        this.checkers = checkers;
        this.defaultRegion = defaultRegion;
        this.reader = new FhirInputReader(checkers.maxBytes());
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) { this.context = context; }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String input = inputName();
        try {
            byte[] value = record.value();
            if (value == null || value.length == 0) {
                deadLetter(record, input, "read", "empty message: no FHIR JSON", null);
                return;
            }
            if (value.length > checkers.maxBytes()) {
                deadLetter(record, input, "read", "message too large (" + value.length + " bytes; the limit is " + checkers.maxBytes() + ")", null);
                return;
            }
            ParsedInput parsed = reader.parse(input, value);
            if (!parsed.ok()) {
                deadLetter(record, input, "parse", parsed.problems().stream().filter(InputProblem::fatal).map(InputProblem::toString)
                        .collect(Collectors.joining("; ")), null);
                return;
            }
            String region = header(record.headers(), Topics.HEADER_REGION, defaultRegion);
            long asOf = record.timestamp() > 0 ? record.timestamp() : System.currentTimeMillis();
            FileOutcome outcome = checkers.forRegion(region).check(parsed, asOf);
            if (outcome.failed()) {
                deadLetter(record, input, "rules", outcome.problems().stream().filter(InputProblem::fatal).map(InputProblem::toString)
                        .collect(Collectors.joining("; ")), null);
                return;
            }
            String lang = checkers.forRegion(region).base().ruleSet().language();
            FindingsBundleWriter writer = new FindingsBundleWriter(lang);
            Bundle bundle = writer.bundle(input, outcome.results(), asOf);
            bundle.getMeta().addTag("urn:emrqc:input", input, "topic/partition/offset of the input message");
            bundle.getMeta().addTag("urn:emrqc:rule-pack", checkers.packLabel(), "rule pack version");
            Headers headers = new RecordHeaders();
            headers.add(Topics.HEADER_CONTENT_TYPE, "application/fhir+json".getBytes(StandardCharsets.UTF_8));
            headers.add(Topics.HEADER_REGION, region.getBytes(StandardCharsets.UTF_8));
            headers.add(Topics.HEADER_INPUT, input.getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(record.key(), writer.json(bundle).getBytes(StandardCharsets.UTF_8), record.timestamp(), headers),
                    QcTopology.FINDINGS_SINK);
        } catch (RuntimeException e) {
            deadLetter(record, input, "process", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private String inputName() {
        RecordMetadata m = context.recordMetadata().orElse(null);
        return m == null ? "unknown" : m.topic() + "/" + m.partition() + "/" + m.offset();
    }

    private static String header(Headers headers, String name, String fallback) {
        Header h = headers.lastHeader(name);
        if (h == null || h.value() == null || h.value().length == 0) return fallback;
        return new String(h.value(), StandardCharsets.UTF_8).strip();
    }

    private void deadLetter(Record<byte[], byte[]> record, String input, String stage, String reason, Throwable error) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(Topics.HEADER_ERROR_STAGE, stage.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_CLASS, (error == null ? "InputProblem" : error.getClass().getName()).getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_INPUT, input.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), QcTopology.DEAD_LETTER_SINK);
    }
}
