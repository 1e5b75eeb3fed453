package org.emrqc.kafka;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.FindingsBundleWriter;
import org.emrqc.fhir.InputProblem;
import org.emrqc.fhir.QcCodeSystems;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.rules.check.FileOutcome;
import org.emrqc.rules.check.RecordChecker;
import org.emrqc.rules.check.RecordStage;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What becomes of one input message: its findings bundle (with headers), or a dead letter (the original bytes
 * and headers plus stage, reason, exception class and time). Shared by the stream processor and replay.
 */
public final class MessageCheck {
    /** The result: exactly one of findings or dead letter. */
    public record Result(byte[] value, Headers headers, boolean deadLetter) { }

    private final CheckerRegistry checkers;
    private final String defaultRegion;
    private final FhirInputReader reader;
    private final PipelineMetrics metrics;

    public MessageCheck(CheckerRegistry checkers, String defaultRegion) { this(checkers, defaultRegion, new PipelineMetrics()); }

    public MessageCheck(CheckerRegistry checkers, String defaultRegion, PipelineMetrics metrics) {
        this.checkers = checkers;
        this.defaultRegion = defaultRegion;
        this.reader = new FhirInputReader(checkers.maxBytes());
        this.metrics = metrics;
    }

    public PipelineMetrics metrics() { return metrics; }

    /**
     * Checks one message and counts it (records in, findings or dead letters by stage). A message of
     * {@link Topics#STRUCTURED} (content type {@link Topics#STRUCTURED_CONTENT_TYPE}) brings its record and the
     * extractions made by the structuring stage: the record is checked with those, and its findings and dead
     * letters name the original input message.
     */
    public Result check(byte[] value, Headers inHeaders, long timestamp, String input) {
        boolean structured = Topics.STRUCTURED_CONTENT_TYPE.equals(header(inHeaders, Topics.HEADER_CONTENT_TYPE, null));
        if (structured) metrics.structuredIn();
        else metrics.received();
        Result r = structured ? checkStructured(value, inHeaders, timestamp, input) : checkUncounted(value, inHeaders, timestamp, input, null);
        if (r.deadLetter()) metrics.deadLetter(DeadLetters.stage(r.headers()));
        else metrics.findings();
        return r;
    }

    private Result checkStructured(byte[] value, Headers inHeaders, long timestamp, String via) {
        StructuredRecord s;
        try {
            s = StructuredRecord.decode(value);
        } catch (IllegalArgumentException e) {
            return deadLetter(value, inHeaders, via, "read", "not a structured record: " + e.getMessage(), null);
        }
        Headers original = new RecordHeaders(inHeaders == null ? new Header[0] : inHeaders.toArray());
        original.remove(Topics.HEADER_CONTENT_TYPE);
        String input = s.input() != null ? s.input() : via;
        RecordStage attach = record -> NarrativeStage.attachAll(record, s.extractions());
        return checkUncounted(s.record(), original, timestamp, input, attach);
    }

    /**
     * @param input "topic/partition/offset" of the message, for messages and provenance
     * @param stage the stage to run instead of the checker's own (extractions made upstream), or null
     */
    private Result checkUncounted(byte[] value, Headers inHeaders, long timestamp, String input, RecordStage stage) {
        try {
            if (value == null || value.length == 0) return deadLetter(value, inHeaders, input, "read", "empty message: no FHIR JSON", null);
            if (value.length > checkers.maxBytes()) {
                return deadLetter(value, inHeaders, input, "read", "message too large (" + value.length + " bytes; the limit is " + checkers.maxBytes() + ")", null);
            }
            long t0 = System.nanoTime();
            ParsedInput parsed = reader.parse(input, value);
            metrics.time("parse", System.nanoTime() - t0);
            if (!parsed.ok()) return deadLetter(value, inHeaders, input, "parse", reasons(parsed.problems()), null);
            // the region: the message's header, else the record itself (its organization's address), else the default
            String region = header(inHeaders, Topics.HEADER_REGION, null);
            if (region == null) region = org.emrqc.fhir.RecordRegion.of(parsed.entries());
            if (region == null) region = defaultRegion;
            long asOf = timestamp > 0 ? timestamp : System.currentTimeMillis();
            // one pack version for the whole record: its checker, its writer's language and the label it carries
            CheckerRegistry.Snapshot version = checkers.snapshot();
            RecordChecker checker = version.forRegion(region);
            FileOutcome outcome = stage == null ? checker.check(parsed, asOf) : checker.check(parsed, asOf, stage);
            metrics.time("facts", outcome.parseNanos());
            metrics.time("narrative", outcome.structureNanos());
            metrics.time("rules", outcome.ruleNanos());
            if (outcome.failed()) return deadLetter(value, inHeaders, input, "rules", reasons(outcome.problems()), null);
            long w0 = System.nanoTime();
            FindingsBundleWriter writer = new FindingsBundleWriter(checker.base().ruleSet().language());
            Bundle bundle = writer.bundle(input, outcome.results(), asOf);
            bundle.getMeta().addTag(QcCodeSystems.TAG_INPUT, input, "topic/partition/offset of the input message");
            bundle.getMeta().addTag(QcCodeSystems.TAG_RULE_PACK, version.packLabel(), "rule pack version");
            Headers headers = new RecordHeaders();
            headers.add(Topics.HEADER_CONTENT_TYPE, "application/fhir+json".getBytes(StandardCharsets.UTF_8));
            headers.add(Topics.HEADER_REGION, region.getBytes(StandardCharsets.UTF_8));
            headers.add(Topics.HEADER_INPUT, input.getBytes(StandardCharsets.UTF_8));
            headers.add(Topics.HEADER_RULE_PACK, version.packLabel().getBytes(StandardCharsets.UTF_8));
            byte[] json = writer.json(bundle).getBytes(StandardCharsets.UTF_8);
            metrics.time("write", System.nanoTime() - w0);
            metrics.findings(outcome.results());
            return new Result(json, headers, false);
        } catch (RuntimeException e) {
            return deadLetter(value, inHeaders, input, "process", DeadLetters.message(e), e);
        }
    }

    private static String reasons(java.util.List<InputProblem> problems) {
        return problems.stream().filter(InputProblem::fatal).map(InputProblem::toString).collect(Collectors.joining("; "));
    }

    private static String header(Headers headers, String name, String fallback) {
        Header h = headers == null ? null : headers.lastHeader(name);
        if (h == null || h.value() == null || h.value().length == 0) return fallback;
        return new String(h.value(), StandardCharsets.UTF_8).strip();
    }

    private static Result deadLetter(byte[] value, Headers in, String input, String stage, String reason, Throwable error) {
        return DeadLetters.of(value, in, input, stage, reason, error);
    }
}
