package org.emrqc.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.FindingsBundleWriter;
import org.emrqc.fhir.InputProblem;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.rules.check.FileOutcome;
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

    /** Checks one message and counts it (records in, findings or dead letters by stage). */
    public Result check(byte[] value, Headers inHeaders, long timestamp, String input) {
        metrics.received();
        Result r = checkUncounted(value, inHeaders, timestamp, input);
        if (r.deadLetter()) {
            Header stage = r.headers().lastHeader(Topics.HEADER_ERROR_STAGE);
            metrics.deadLetter(stage == null ? "unknown" : new String(stage.value(), StandardCharsets.UTF_8));
        } else {
            metrics.findings();
        }
        return r;
    }

    /** @param input "topic/partition/offset" of the message, for messages and provenance */
    private Result checkUncounted(byte[] value, Headers inHeaders, long timestamp, String input) {
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
            FileOutcome outcome = checkers.forRegion(region).check(parsed, asOf);
            metrics.time("facts", outcome.parseNanos());
            metrics.time("narrative", outcome.structureNanos());
            metrics.time("rules", outcome.ruleNanos());
            if (outcome.failed()) return deadLetter(value, inHeaders, input, "rules", reasons(outcome.problems()), null);
            long w0 = System.nanoTime();
            FindingsBundleWriter writer = new FindingsBundleWriter(checkers.forRegion(region).base().ruleSet().language());
            Bundle bundle = writer.bundle(input, outcome.results(), asOf);
            bundle.getMeta().addTag("urn:emrqc:input", input, "topic/partition/offset of the input message");
            bundle.getMeta().addTag("urn:emrqc:rule-pack", checkers.packLabel(), "rule pack version");
            Headers headers = new RecordHeaders();
            headers.add(Topics.HEADER_CONTENT_TYPE, "application/fhir+json".getBytes(StandardCharsets.UTF_8));
            headers.add(Topics.HEADER_REGION, region.getBytes(StandardCharsets.UTF_8));
            headers.add(Topics.HEADER_INPUT, input.getBytes(StandardCharsets.UTF_8));
            byte[] json = writer.json(bundle).getBytes(StandardCharsets.UTF_8);
            metrics.time("write", System.nanoTime() - w0);
            return new Result(json, headers, false);
        } catch (RuntimeException e) {
            return deadLetter(value, inHeaders, input, "process", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
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
        Headers headers = new RecordHeaders(in == null ? new Header[0] : in.toArray());
        headers.add(Topics.HEADER_ERROR_STAGE, stage.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_CLASS, (error == null ? "InputProblem" : error.getClass().getName()).getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_INPUT, input.getBytes(StandardCharsets.UTF_8));
        return new Result(value, headers, true);
    }
}
