package org.emrqc.console.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.api.ProblemException;
import org.emrqc.fhir.FhirContexts;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.model.Finding;
import org.emrqc.model.RecordResult;
import org.hl7.fhir.r4.model.Bundle;

/** Turns a record submitted through the API, or a findings message from Kafka, into stored records and findings. */
@ApplicationScoped
public class RecordIngest {
    @Inject
    QcEngine engine;
    @Inject
    RecordStore store;
    @Inject
    ObjectMapper json;

    private final FindingsBundleReader reader = new FindingsBundleReader();

    /** Checks a FHIR body in this process and stores each patient record in it. */
    public List<RecordStore.Stored> submit(byte[] body, String region) {
        JsonNode fhir = tree(body);
        String source = "api/" + submissionId(fhir, body);
        QcEngine.Checked checked = engine.check(source, body, region);
        Map<String, Map<String, Object>> values = new HashMap<>();
        for (RecordResult r : checked.outcome().results()) for (Finding f : r.findings()) values.put(f.stableId(), f.values());
        RecordSummarizer summarizer = new RecordSummarizer(engine.zone(), engine.ruleSet(checked.region()));
        List<RecordStore.Stored> out = new ArrayList<>();
        for (CheckedRecord rec : reader.read(checked.bundle())) {
            CheckedRecord withValues = new CheckedRecord(rec.patientRef(), rec.score(), rec.grade(), rec.vetoed(), rec.packVersion(), rec.region(),
                    rec.findings().stream().map(d -> d.withValues(values.get(d.issueId()))).toList());
            String key = RecordIds.recordKey(rec.patientRef(), source);
            out.add(store.upsert(key, source, fhir, summarizer.summarize(checked.input(), rec.patientRef()), withValues,
                    Instant.ofEpochMilli(checked.checkedAt()), true));
        }
        return out;
    }

    /**
     * Stores one findings message. {@code input} is the emrqc-input header (topic/partition/offset of the record),
     * {@code inputBody} the record itself when it could be read back from its topic (else null).
     */
    public List<RecordStore.Stored> ingestFindings(byte[] findingsJson, String input, byte[] inputBody, long timestamp) {
        Bundle bundle = FhirContexts.r4().newJsonParser().parseResource(Bundle.class, new String(findingsJson, java.nio.charset.StandardCharsets.UTF_8));
        String source = input != null ? input : bundle.getIdentifier().getValue();
        if (source == null) throw new IllegalArgumentException("the findings message names no input (no emrqc-input header, no Bundle.identifier)");
        ParsedInput parsed = null;
        JsonNode fhir = null;
        if (inputBody != null) {
            try {
                parsed = engine.read(source, inputBody);
                fhir = tree(inputBody);
            } catch (ProblemException e) {
                parsed = null;
            }
        }
        List<RecordStore.Stored> out = new ArrayList<>();
        Instant checkedAt = bundle.hasTimestamp() ? bundle.getTimestamp().toInstant() : Instant.ofEpochMilli(timestamp);
        for (CheckedRecord rec : reader.read(bundle)) {
            RecordSummary summary = RecordSummary.EMPTY;
            if (parsed != null) {
                RecordSummarizer summarizer = new RecordSummarizer(engine.zone(), engine.ruleSet(rec.region()));
                summary = summarizer.summarize(parsed, rec.patientRef());
            }
            out.add(store.upsert(RecordIds.recordKey(rec.patientRef(), source), source, fhir, summary, rec, checkedAt, false));
        }
        return out;
    }

    private JsonNode tree(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The submitted Bundle's id (or identifier), else a digest of the body: resubmitting it replaces the same record. */
    private static String submissionId(JsonNode fhir, byte[] body) {
        if (fhir.hasNonNull("id")) return fhir.get("id").asText();
        JsonNode ident = fhir.get("identifier");
        if (ident != null && ident.isObject() && ident.hasNonNull("value")) return ident.get("value").asText();
        return "sha256-" + RecordIds.sha256Hex(new String(body, java.nio.charset.StandardCharsets.UTF_8), 12);
    }
}
