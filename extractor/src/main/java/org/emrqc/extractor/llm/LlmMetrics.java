package org.emrqc.extractor.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

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
 *   <li>{@code promptTokens}, {@code completionTokens}: as reported by the endpoint (0 when it reports none);</li>
 *   <li>the duration of each HTTP call (answered or failed), as a histogram with the fixed buckets
 *       {@link #CALL_BUCKETS} (seconds): {@link #callBuckets()}, {@link #callSeconds()}.</li>
 * </ul>
 * One instance may be shared by several extractors (e.g. one per rule-pack version), so counts add up.
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

    /** Upper bounds (seconds) of the call-duration histogram's buckets; a last bucket (+Inf) takes the rest. */
    public static final double[] CALL_BUCKETS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
    private final AtomicLongArray callBuckets = new AtomicLongArray(CALL_BUCKETS.length + 1);
    private final LongAdder callNanos = new LongAdder();

    /** One HTTP call took this long (answered or not). */
    void callTook(long nanos) {
        double s = nanos / 1e9;
        int i = 0;
        while (i < CALL_BUCKETS.length && s > CALL_BUCKETS[i]) i++;
        callBuckets.incrementAndGet(i);
        callNanos.add(nanos);
    }

    /** Calls per bucket (not cumulative): index i counts calls in (CALL_BUCKETS[i-1], CALL_BUCKETS[i]], the last those above the last bound. */
    public long[] callBuckets() {
        long[] out = new long[callBuckets.length()];
        for (int i = 0; i < out.length; i++) out[i] = callBuckets.get(i);
        return out;
    }

    /** Total time of all calls, in seconds. */
    public double callSeconds() { return callNanos.sum() / 1e9; }

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
