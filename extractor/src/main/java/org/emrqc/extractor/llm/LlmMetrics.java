package org.emrqc.extractor.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one {@link LlmExtractor} (thread-safe, monotonic):
 * <ul>
 *   <li>{@code documents}: documents given to the extractor; {@code chunks}: chunks they were cut into;</li>
 *   <li>{@code calls}: HTTP requests sent; {@code retries}: of those, repeats after a failed attempt;</li>
 *   <li>{@code failures}: failed attempts (timeout, 429, 5xx, other HTTP errors, connection errors, invalid
 *       JSON, schema violations); {@code invalidResponses}: the part of them that was invalid JSON or violated
 *       the schema;</li>
 *   <li>{@code cacheHits}: chunks answered from the cache without a call;</li>
 *   <li>{@code mentions}: mentions emitted; {@code ungrounded}: model mentions dropped because their quote is
 *       not in the text; {@code codesDropped}: candidate indexes the model gave that were not offered;</li>
 *   <li>{@code degradedDocuments}: documents handed to the fallback extractor; {@code breakerOpened}: times the
 *       circuit breaker opened; {@code breakerSkips}: documents sent to the fallback without a call because
 *       the breaker was open;</li>
 *   <li>{@code jsonModeFallbacks}: times the endpoint rejected {@code json_schema} and JSON mode was used
 *       instead;</li>
 *   <li>{@code promptTokens}, {@code completionTokens}: as reported by the endpoint (0 when it reports none).</li>
 * </ul>
 */
public final class LlmMetrics {
    final AtomicLong documents = new AtomicLong();
    final AtomicLong chunks = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong invalidResponses = new AtomicLong();
    final AtomicLong cacheHits = new AtomicLong();
    final AtomicLong mentions = new AtomicLong();
    final AtomicLong ungrounded = new AtomicLong();
    final AtomicLong codesDropped = new AtomicLong();
    final AtomicLong degradedDocuments = new AtomicLong();
    final AtomicLong breakerOpened = new AtomicLong();
    final AtomicLong breakerSkips = new AtomicLong();
    final AtomicLong jsonModeFallbacks = new AtomicLong();
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();

    public long documents() { return documents.get(); }
    public long chunks() { return chunks.get(); }
    public long calls() { return calls.get(); }
    public long retries() { return retries.get(); }
    public long failures() { return failures.get(); }
    public long invalidResponses() { return invalidResponses.get(); }
    public long cacheHits() { return cacheHits.get(); }
    public long mentions() { return mentions.get(); }
    public long ungrounded() { return ungrounded.get(); }
    public long codesDropped() { return codesDropped.get(); }
    public long degradedDocuments() { return degradedDocuments.get(); }
    public long breakerOpened() { return breakerOpened.get(); }
    public long breakerSkips() { return breakerSkips.get(); }
    public long jsonModeFallbacks() { return jsonModeFallbacks.get(); }
    public long promptTokens() { return promptTokens.get(); }
    public long completionTokens() { return completionTokens.get(); }

    /** All counters by name, in a fixed order (for a summary line or a JSON report). */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("documents", documents());
        m.put("chunks", chunks());
        m.put("calls", calls());
        m.put("retries", retries());
        m.put("failures", failures());
        m.put("invalidResponses", invalidResponses());
        m.put("cacheHits", cacheHits());
        m.put("mentions", mentions());
        m.put("ungrounded", ungrounded());
        m.put("codesDropped", codesDropped());
        m.put("degradedDocuments", degradedDocuments());
        m.put("breakerOpened", breakerOpened());
        m.put("breakerSkips", breakerSkips());
        m.put("jsonModeFallbacks", jsonModeFallbacks());
        m.put("promptTokens", promptTokens());
        m.put("completionTokens", completionTokens());
        return m;
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder("{");
        snapshot().forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return b.append('}').toString();
    }
}
