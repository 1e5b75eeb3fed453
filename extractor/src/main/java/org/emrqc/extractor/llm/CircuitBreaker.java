package org.emrqc.extractor.llm;

import java.util.function.LongSupplier;

/**
 * Skips an endpoint that keeps failing. Closed: calls go through. After {@code threshold} consecutive
 * failures it opens for {@code openNanos}: no calls. Then it lets one probe call through (half-open): success
 * closes it, failure opens it again for another period. Thread-safe.
 */
final class CircuitBreaker {
    private final int threshold;
    private final long openNanos;
    private final LongSupplier clock;
    private int consecutiveFailures;
    private long openUntil;
    private boolean probing;

    CircuitBreaker(int threshold, long openNanos, LongSupplier clock) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.clock = clock;
    }

    /** True when a call may be made now (closed, or the one probe of a half-open breaker: the caller must report back). */
    synchronized boolean tryAcquire() {
        if (consecutiveFailures < threshold) return true;
        if (clock.getAsLong() - openUntil < 0 || probing) return false;
        probing = true;
        return true;
    }

    /** True while open (no probe allowed yet, or a probe in flight); does not take the probe. */
    synchronized boolean isOpen() {
        return consecutiveFailures >= threshold && (clock.getAsLong() - openUntil < 0 || probing);
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        probing = false;
    }

    /** Records a failed call; true when this failure opened (or re-opened) the breaker. */
    synchronized boolean onFailure() {
        boolean wasProbe = probing;
        probing = false;
        consecutiveFailures++;
        if (consecutiveFailures == threshold || (wasProbe && consecutiveFailures > threshold)) {
            openUntil = clock.getAsLong() + openNanos;
            return true;
        }
        if (consecutiveFailures > threshold) openUntil = clock.getAsLong() + openNanos;
        return false;
    }

    /** A call was allowed but ended without a verdict on the endpoint (e.g. interrupted): free the probe. */
    synchronized void onAbandon() {
        probing = false;
    }

    synchronized int consecutiveFailures() { return consecutiveFailures; }
}
