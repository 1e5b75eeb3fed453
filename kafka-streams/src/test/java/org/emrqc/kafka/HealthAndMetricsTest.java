package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Counters per outcome and stage, the Prometheus text, and readiness that follows the Streams state. */
class HealthAndMetricsTest {
    @Test
    void countsRecordsFindingsAndDeadLettersByStage() throws Exception {
        PipelineMetrics metrics = new PipelineMetrics();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(QcTopology.build(Pipelines.checkers(1024 * 1024), "US", metrics), p)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.RECORDS, new ByteArraySerializer(), new ByteArraySerializer());
            in.pipeInput("a".getBytes(StandardCharsets.UTF_8), Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json"));
            in.pipeInput("b".getBytes(StandardCharsets.UTF_8), "nope".getBytes(StandardCharsets.UTF_8));
            in.pipeInput("c".getBytes(StandardCharsets.UTF_8), new byte[0]);
        }
        assertEquals(3, metrics.recordsIn());
        assertEquals(1, metrics.findingsOut());
        assertEquals(1, metrics.deadLetters("parse"));
        assertEquals(1, metrics.deadLetters("read"));
        assertEquals(2, metrics.stageCount("parse"));
        assertEquals(1, metrics.stageCount("rules"));
        String text = metrics.prometheus(() -> 7.0, () -> "RUNNING");
        assertTrue(text.contains("emrqc_records_in_total 3\n"), text);
        assertTrue(text.contains("emrqc_dead_letters_total{stage=\"parse\"} 1\n"), text);
        assertTrue(text.contains("emrqc_stage_seconds_count{stage=\"rules\"} 1\n"), text);
        assertTrue(text.contains("emrqc_consumer_lag_max 7\n"), text);
        assertTrue(text.contains("emrqc_streams_running{state=\"RUNNING\"} 1\n"), text);
    }

    @Test
    void readinessFollowsTheStreamsState() throws Exception {
        AtomicBoolean running = new AtomicBoolean(false);
        try (HealthServer h = new HealthServer("127.0.0.1", 0, running::get, () -> running.get() ? "RUNNING" : "REBALANCING", () -> "m 1\n")) {
            HttpClient c = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + h.port());
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(base.resolve("/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode());
            assertEquals("REBALANCING\n", r.body());
            running.set(true);
            assertEquals(200, c.send(HttpRequest.newBuilder(base.resolve("/ready")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, c.send(HttpRequest.newBuilder(base.resolve("/live")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals("m 1\n", c.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
