package org.emrqc.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Runs the pipeline: starts Kafka Streams (and, when given, the asynchronous structuring stage in front of it),
 * reports its state (ready = Streams RUNNING and the structuring stage running), replaces a stream thread that
 * dies instead of stopping the application, and closes cleanly (committing its transactions) on close().
 */
public final class PipelineRunner implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PipelineRunner.class);
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PipelineMetrics metrics;
    private final StructuringWorker structuring;
    private final CheckerRegistry checkers;
    private PackWatcher packs;

    /** Structuring inline: the topology reads the input topic and extracts narratives itself. */
    public PipelineRunner(CheckerRegistry checkers, String defaultRegion, Properties settings) {
        this(checkers, defaultRegion, settings, null, new PipelineMetrics());
    }

    /**
     * @param structuring the asynchronous structuring stage (the topology then reads its output topic), or
     *                    null to structure inline
     * @param metrics     shared with the structuring stage
     */
    public PipelineRunner(CheckerRegistry checkers, String defaultRegion, Properties settings, StructuringWorker structuring, PipelineMetrics metrics) {
        this.metrics = metrics;
        this.structuring = structuring;
        this.checkers = checkers;
        streams = new KafkaStreams(QcTopology.build(checkers, defaultRegion, metrics, structuring == null ? Topics.RECORDS : Topics.STRUCTURED), settings);
        if (structuring != null) structuring.onFailure(stopped::countDown);
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        streams.setStateListener((now, before) -> {
            LOG.atInfo().addKeyValue("state", now).addKeyValue("previous", before).log("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) stopped.countDown();
        });
    }

    /**
     * Follows {@link Topics#PACKS}: before the stream starts, the watcher catches up with the topic (so the
     * version last activated is in force from the first record); then it swaps each new version in while the
     * stream runs. Call before {@link #start}.
     */
    public PipelineRunner watchPacks(PackWatcher watcher) {
        this.packs = watcher;
        return this;
    }

    public PackWatcher packWatcher() { return packs; }

    public void start() {
        if (packs != null) {
            packs.catchUp(Duration.ofSeconds(60));
            packs.start();
        }
        if (structuring != null) structuring.start();
        streams.start();
    }

    /**
     * Ready means the Streams client is RUNNING (not rebalancing, not starting, not in error) and the
     * structuring stage, if any, is running.
     */
    public boolean ready() { return streams.state() == KafkaStreams.State.RUNNING && (structuring == null || structuring.running()); }

    /** The state for /ready and logs: the Streams state, and the structuring stage's when there is one. */
    public String stateText() {
        String text = structuring == null ? streams.state().name() : streams.state().name() + ", structuring " + structuring.state();
        text += ", pack " + checkers.packLabel();
        if (packs != null && !packs.running()) text += " (pack watcher stopped)";
        return text;
    }

    public KafkaStreams.State state() { return streams.state(); }

    public PipelineMetrics metrics() { return metrics; }

    /** Largest consumer lag over this instance's input partitions (from the Kafka client metrics), or 0. */
    public double lag() {
        double max = structuring == null ? 0 : structuring.lag();
        for (var e : streams.metrics().entrySet()) {
            if ("records-lag-max".equals(e.getKey().name()) && e.getValue().metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                max = Math.max(max, n.doubleValue());
            }
        }
        return max;
    }

    /** Prometheus text of the pipeline's metrics, lag and state. */
    public String prometheus() {
        String text = metrics.prometheus(this::lag, () -> streams.state().name()) + PackWatcher.activePack(checkers);
        if (packs != null) text += packs.prometheus();
        if (structuring == null) return text;
        return text + "# HELP emrqc_structuring_running 1 when the asynchronous structuring stage is running\n# TYPE emrqc_structuring_running gauge\n"
                + "emrqc_structuring_running{state=\"" + structuring.state() + "\"} " + (structuring.running() ? 1 : 0) + "\n";
    }

    /** Waits until the client is RUNNING or the timeout passes; true when running. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready()) return true;
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) return false;
            if (structuring != null && structuring.failure() != null) return false;
            Thread.sleep(50);
        }
        return ready();
    }

    /** Blocks until the client stops (close() from a shutdown hook, or a fatal error). */
    public void awaitStop() throws InterruptedException { stopped.await(); }

    public boolean awaitStop(Duration timeout) throws InterruptedException { return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS); }

    @Override
    public void close() {
        if (packs != null) packs.close();
        if (structuring != null) structuring.close();
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
