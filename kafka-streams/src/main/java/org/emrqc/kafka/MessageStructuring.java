package org.emrqc.kafka;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.emrqc.extractor.Extraction;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.InputProblem;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.PatientRecord;

/**
 * What the asynchronous structuring stage makes of one input message: a {@link StructuredRecord} (the record as
 * received plus the extraction of every narrative in it), or a dead letter for input that cannot be read. The
 * documents of a message are extracted at once on the documents executor, so a message with many notes does
 * not wait for them one after another.
 */
final class MessageStructuring {
    private final NarrativeStage stage;
    private final String extractorLabel;
    private final FhirInputReader reader;
    private final RecordAssembler assembler;
    private final long maxBytes;
    private final Executor documents;
    private final PipelineMetrics metrics;

    MessageStructuring(NarrativeStage stage, String extractorLabel, ZoneId zone, long maxBytes, Executor documents, PipelineMetrics metrics) {
        this.stage = stage;
        this.extractorLabel = extractorLabel;
        this.reader = new FhirInputReader(maxBytes);
        this.assembler = new RecordAssembler(zone);
        this.maxBytes = maxBytes;
        this.documents = documents;
        this.metrics = metrics;
    }

    /** One document to extract, with its record's context. */
    private record Job(NarrativeDocument doc, NarrativeStage.Context context) { }

    /** @param input "topic/partition/offset" of the message */
    CompletableFuture<MessageCheck.Result> structure(byte[] value, Headers in, String input) {
        long t0 = System.nanoTime();
        try {
            if (value == null || value.length == 0) return done(DeadLetters.of(value, in, input, "read", "empty message: no FHIR JSON", null));
            if (value.length > maxBytes) {
                return done(DeadLetters.of(value, in, input, "read", "message too large (" + value.length + " bytes; the limit is " + maxBytes + ")", null));
            }
            ParsedInput parsed = reader.parse(input, value);
            if (!parsed.ok()) {
                String reasons = parsed.problems().stream().filter(InputProblem::fatal).map(InputProblem::toString).collect(Collectors.joining("; "));
                return done(DeadLetters.of(value, in, input, "parse", reasons, null));
            }
            List<Job> jobs = new ArrayList<>();
            for (PatientRecord r : assembler.assemble(input, parsed.entries())) {
                List<NarrativeDocument> docs = NarrativeStage.documents(r);
                if (docs.isEmpty()) continue;
                NarrativeStage.Context context = stage.context(r);
                for (NarrativeDocument d : docs) jobs.add(new Job(d, context));
            }
            List<CompletableFuture<Extraction>> futures = new ArrayList<>();
            for (Job j : jobs) {
                java.util.function.Supplier<Extraction> work = () -> stage.extract(j.doc(), j.context());
                // the input position (never the content) on any line the extraction logs, on its own thread
                LogContext.putInput(input, "structure");
                try {
                    work = LogContext.carrying(work);
                } finally {
                    LogContext.clear();
                }
                futures.add(CompletableFuture.supplyAsync(work, documents));
            }
            return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((ok, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    return DeadLetters.of(value, in, input, "structure", "extraction failed: " + DeadLetters.message(cause), cause);
                }
                Map<String, Extraction> extractions = new LinkedHashMap<>();
                for (int i = 0; i < jobs.size(); i++) extractions.put(jobs.get(i).doc().ref(), futures.get(i).join());
                byte[] out = new StructuredRecord(input, extractorLabel, value, extractions).encode();
                metrics.time("structure", System.nanoTime() - t0);
                return new MessageCheck.Result(out, headers(in, input), false);
            });
        } catch (RuntimeException e) {
            return done(DeadLetters.of(value, in, input, "structure", DeadLetters.message(e), e));
        }
    }

    private static Headers headers(Headers in, String input) {
        Headers h = new RecordHeaders(in == null ? new Header[0] : in.toArray());
        h.remove(Topics.HEADER_CONTENT_TYPE);
        h.remove(Topics.HEADER_INPUT);
        h.add(Topics.HEADER_CONTENT_TYPE, Topics.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        h.add(Topics.HEADER_INPUT, input.getBytes(StandardCharsets.UTF_8));
        return h;
    }

    private static CompletableFuture<MessageCheck.Result> done(MessageCheck.Result r) {
        return CompletableFuture.completedFuture(r);
    }
}
