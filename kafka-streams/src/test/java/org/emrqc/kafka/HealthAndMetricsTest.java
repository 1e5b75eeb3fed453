package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.llm.FixedDelayEndpoint;
import org.emrqc.extractor.llm.LlmConfig;
import org.emrqc.extractor.llm.LlmExtractor;
import org.emrqc.extractor.llm.LlmMetrics;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.kafka.bench.NoteRecords;
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
    void countsFindingsByRuleAndDefectClassAsWrittenInTheBundles() throws Exception {
        PipelineMetrics metrics = new PipelineMetrics();
        Map<String, Integer> expected = new TreeMap<>();
        int issues = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(QcTopology.build(Pipelines.checkers(1024 * 1024), "US", metrics), props("findings-metrics"))) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.RECORDS, new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(Topics.FINDINGS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            in.pipeInput("a".getBytes(StandardCharsets.UTF_8), Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json"));
            in.pipeInput("b".getBytes(StandardCharsets.UTF_8), Pipelines.sample("cn/cn-inpatient-appendicitis-late-admission-record.json"));
            in.pipeInput("c".getBytes(StandardCharsets.UTF_8), Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json"));
            ObjectMapper json = new ObjectMapper();
            for (byte[] bundle : out.readValuesToList()) {
                for (JsonNode e : json.readTree(bundle).path("entry")) {
                    JsonNode r = e.path("resource");
                    if (!"DetectedIssue".equals(r.path("resourceType").asText())) continue;
                    String rule = null, cls = null;
                    for (JsonNode c : r.path("code").path("coding")) {
                        if (c.path("system").asText().endsWith("/qc-rule")) rule = c.path("code").asText();
                        if (c.path("system").asText().endsWith("/qc-defect-class")) cls = c.path("code").asText();
                    }
                    expected.merge("emrqc_findings_total{rule=\"" + rule + "\",class=\"" + cls + "\"}", 1, Integer::sum);
                    issues++;
                }
            }
        }
        assertTrue(issues > 3, "the samples should have findings: " + issues);
        assertTrue(expected.keySet().stream().map(k -> k.substring(k.indexOf("class="))).distinct().count() >= 2, expected.toString());
        assertTrue(expected.containsValue(3) || expected.containsValue(2), "a rule firing in several records counts each: " + expected);
        String text = metrics.prometheus(null, null);
        List<String> lines = text.lines().filter(l -> l.startsWith("emrqc_findings_total{")).toList();
        List<String> want = expected.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
        assertEquals(want, lines); // exactly the DetectedIssues written, sorted by rule
        assertTrue(text.contains("# TYPE emrqc_findings_total counter\n"), text);
    }

    @Test
    void countsRulesNotEvaluatedByRule() {
        PipelineMetrics metrics = new PipelineMetrics();
        org.emrqc.model.RecordResult a = new org.emrqc.model.RecordResult("a", "Patient/p1", List.of(), 100, "甲", false, "core@1", "CN",
                List.of(org.emrqc.model.RuleNotice.notEvaluated("TIM-ATT-ROUND", "NullPointerException"),
                        org.emrqc.model.RuleNotice.cannotVerify("TIM-ADM-24H", "dated without a time", "仅有日期")));
        org.emrqc.model.RecordResult b = new org.emrqc.model.RecordResult("b", "Patient/p2", List.of(), 100, "甲", false, "core@1", "CN",
                List.of(org.emrqc.model.RuleNotice.notEvaluated("TIM-ATT-ROUND", "NullPointerException")));
        metrics.findings(List.of(a, b));
        String text = metrics.prometheus(null, null);
        // rules that could not verify something are information, not failures: not counted
        assertEquals(List.of("emrqc_rules_not_evaluated_total{rule=\"TIM-ATT-ROUND\"} 2"),
                text.lines().filter(l -> l.startsWith("emrqc_rules_not_evaluated_total{")).toList());
        assertTrue(text.contains("# TYPE emrqc_rules_not_evaluated_total counter\n"), text);
        assertEquals(2, metrics.notEvaluated("TIM-ATT-ROUND"));
    }

    @Test
    void llmLatencyTokensCacheHitsAndDegradedDocuments() throws Exception {
        LlmMetrics llm = new LlmMetrics();
        PipelineMetrics metrics = new PipelineMetrics().llm(() -> llm);
        try (FixedDelayEndpoint endpoint = new FixedDelayEndpoint(Duration.ofMillis(300))) {
            LlmExtractor x = new LlmExtractor(LlmConfig.defaults(endpoint.baseUrl(), "fixed").withRetries(0, Duration.ZERO).withPseudonymize(false),
                    new OfflineExtractor(), null, null, llm);
            NarrativeStage stage = new NarrativeStage(x, TsvTerminology.shipped());
            CheckerRegistry checkers = new CheckerRegistry(Pipelines.pack(), stage::apply, ZoneOffset.UTC, 1024 * 1024);
            try (TopologyTestDriver driver = new TopologyTestDriver(QcTopology.build(checkers, "CN", metrics), props("llm-metrics"))) {
                TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.RECORDS, new ByteArraySerializer(), new ByteArraySerializer());
                in.pipeInput("a".getBytes(StandardCharsets.UTF_8), NoteRecords.record(0)); // one document, one chunk: a call of about 300 ms
                in.pipeInput("a".getBytes(StandardCharsets.UTF_8), NoteRecords.record(0)); // the same text: from the cache
                endpoint.close();
                in.pipeInput("b".getBytes(StandardCharsets.UTF_8), NoteRecords.record(1)); // endpoint gone: refused at once, degraded
            }
        }
        String text = metrics.prometheus(null, null);
        for (String line : List.of(
                "emrqc_llm_documents_total 3", "emrqc_llm_chunks_total 3", "emrqc_llm_cache_hits_total 1", "emrqc_llm_calls_total 2",
                "emrqc_llm_retries_total 0", "emrqc_llm_failures_total 1", "emrqc_llm_degraded_documents_total 1",
                "emrqc_llm_tokens_total{type=\"prompt\"} 1", "emrqc_llm_tokens_total{type=\"completion\"} 1",
                // the refused call at once, the answered one after at least 300 ms (later buckets depend on the machine's load)
                "emrqc_llm_call_seconds_bucket{le=\"0.25\"} 1", "emrqc_llm_call_seconds_bucket{le=\"120.0\"} 2",
                "emrqc_llm_call_seconds_bucket{le=\"+Inf\"} 2", "emrqc_llm_call_seconds_count 2",
                "# TYPE emrqc_llm_call_seconds histogram")) {
            assertTrue(text.contains(line + "\n"), line + " in\n" + text);
        }
        assertEquals(3, metrics.recordsIn());
        assertEquals(3, metrics.findingsOut()); // a degraded document still gives findings
        assertTrue(llm.callSeconds() >= 0.3 && llm.callSeconds() < 10, "call time " + llm.callSeconds());
        assertTrue(!new PipelineMetrics().prometheus(null, null).contains("emrqc_llm_"), "no LLM metrics without an LLM");
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\\b\\\"c\\nd", PipelineMetrics.label("a\\b\"c\nd"));
    }

    private static Properties props(String app) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return p;
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
