package org.emrqc.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Runs the topology: starts Kafka Streams, reports its state (ready = RUNNING), replaces a stream thread that
 * dies instead of stopping the application, and closes cleanly (committing its transaction) on close().
 */
public final class PipelineRunner implements AutoCloseable {
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PipelineMetrics metrics = new PipelineMetrics();

    public PipelineRunner(CheckerRegistry checkers, String defaultRegion, Properties settings) {
        streams = new KafkaStreams(QcTopology.build(checkers, defaultRegion, metrics), settings);
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        streams.setStateListener((now, before) -> {
            System.err.println("emrqc stream: " + before + " -> " + now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) stopped.countDown();
        });
    }

    public void start() { streams.start(); }

    /** Ready means the Streams client is RUNNING (not rebalancing, not starting, not in error). */
    public boolean ready() { return streams.state() == KafkaStreams.State.RUNNING; }

    public KafkaStreams.State state() { return streams.state(); }

    public PipelineMetrics metrics() { return metrics; }

    /** Largest consumer lag over this instance's input partitions (from the Kafka client metrics), or 0. */
    public double lag() {
        double max = 0;
        for (var e : streams.metrics().entrySet()) {
            if ("records-lag-max".equals(e.getKey().name()) && e.getValue().metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                max = Math.max(max, n.doubleValue());
            }
        }
        return max;
    }

    /** Prometheus text of the pipeline's metrics, lag and state. */
    public String prometheus() { return metrics.prometheus(this::lag, () -> streams.state().name()); }

    /** Waits until the client is RUNNING or the timeout passes; true when running. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready()) return true;
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) return false;
            Thread.sleep(50);
        }
        return ready();
    }

    /** Blocks until the client stops (close() from a shutdown hook, or a fatal error). */
    public void awaitStop() throws InterruptedException { stopped.await(); }

    public boolean awaitStop(Duration timeout) throws InterruptedException { return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS); }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
