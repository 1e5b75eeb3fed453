package org.emrqc.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emrqc.extractor.Extraction;
import org.emrqc.extractor.ExtractionJson;

/**
 * A message of {@link Topics#STRUCTURED}: the input record exactly as received (its FHIR JSON, as a string),
 * where it came from (topic/partition/offset of the input message), which extractor made the extractions,
 * and each narrative's extraction keyed by its document reference:
 *
 * <pre>
 * {"format": "emrqc.structured-record.v1", "input": "emrqc.records.v1/0/42", "extractor": "llm/extract-v1 model=…",
 *  "record": "{\"resourceType\":\"Bundle\",…}",
 *  "documents": [{"ref": "DocumentReference/d1", "backend": …, "degraded": false, "ungrounded": 0, "sections": […], "mentions": […]}]}
 * </pre>
 */
public record StructuredRecord(String input, String extractor, byte[] record, Map<String, Extraction> extractions) {
    public static final String FORMAT = "emrqc.structured-record.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] encode() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("input", input);
        o.put("extractor", extractor);
        o.put("record", new String(record, StandardCharsets.UTF_8));
        ArrayNode docs = o.putArray("documents");
        extractions.forEach((ref, x) -> {
            ObjectNode d = JSON.createObjectNode();
            d.put("ref", ref);
            d.setAll(ExtractionJson.write(x));
            docs.add(d);
        });
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a structured record", e);
        }
    }

    /** @throws IllegalArgumentException naming what is wrong when the bytes are not a structured record */
    public static StructuredRecord decode(byte[] value) {
        JsonNode o;
        try {
            o = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable: " + e.getMessage());
        }
        if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object");
        if (!FORMAT.equals(o.path("format").asText())) {
            throw new IllegalArgumentException("format is '" + o.path("format").asText() + "', expected '" + FORMAT + "'");
        }
        JsonNode record = o.get("record");
        if (record == null || !record.isTextual()) throw new IllegalArgumentException("'record' (the FHIR JSON as a string) is missing");
        Map<String, Extraction> extractions = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode d : o.path("documents")) {
            String ref = d.path("ref").asText(null);
            if (ref == null) throw new IllegalArgumentException("documents[" + i + "]: missing 'ref'");
            try {
                extractions.put(ref, ExtractionJson.read(d));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("documents[" + i + "] (" + ref + "): " + e.getMessage());
            }
            i++;
        }
        return new StructuredRecord(o.path("input").asText(null), o.path("extractor").asText(null),
                record.asText().getBytes(StandardCharsets.UTF_8), extractions);
    }
}
