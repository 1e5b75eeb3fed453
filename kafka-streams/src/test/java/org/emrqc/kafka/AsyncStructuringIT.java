package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emrqc.extractor.Extraction;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.llm.FixedDelayEndpoint;
import org.emrqc.extractor.llm.LlmConfig;
import org.emrqc.extractor.llm.LlmExtractor;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.kafka.bench.NoteRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asynchronous structuring stage on a real broker with a model endpoint that answers after 300 ms: several
 * calls are in flight at once (up to the configured 8), every good record gets exactly one findings message,
 * bad ones are dead letters of the structuring stage, and per key the findings come out in input order.
 */
class AsyncStructuringIT {
    @TempDir
    Path state;

    @Test
    void slowModelCallsRunConcurrentlyAndEveryRecordEndsUpOnceInKeyOrder() throws Exception {
        try (LocalKafka kafka = new LocalKafka(); FixedDelayEndpoint endpoint = new FixedDelayEndpoint(Duration.ofMillis(300))) {
            kafka.createTopics(Topics.ALL, 2);
            LlmExtractor llm = new LlmExtractor(LlmConfig.defaults(endpoint.baseUrl(), "fixed").withMaxConcurrency(8).withCache(0, null),
                    new OfflineExtractor(), new SectionDetector()::detect);
            NarrativeStage stage = new NarrativeStage(llm, TsvTerminology.shipped());
            PipelineMetrics metrics = new PipelineMetrics();
            StructuringWorker worker = new StructuringWorker(stage, llm.provenance(),
                    StructuringWorker.Settings.of(kafka.bootstrap(), "emrqc-async-it", "it-0", 8, 8 * 1024 * 1024, ZoneOffset.UTC), metrics);
            int good = 0;
            int bad = 0;
            try (PipelineRunner runner = new PipelineRunner(Pipelines.checkers(8 * 1024 * 1024), "CN",
                    StreamsSettings.of(kafka.bootstrap(), "emrqc-async-it", state.toString(), 8 * 1024 * 1024), worker, metrics)) {
                runner.start();
                assertTrue(runner.awaitRunning(Duration.ofSeconds(60)), runner.stateText());
                Properties pp = new Properties();
                pp.put("bootstrap.servers", kafka.bootstrap());
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < 44; i++) {
                        boolean isBad = i % 11 == 5;
                        byte[] value = isBad ? "{not fhir".getBytes(StandardCharsets.UTF_8) : NoteRecords.record(i);
                        if (isBad) bad++;
                        else good++;
                        producer.send(new ProducerRecord<>(Topics.RECORDS, ("key-" + i % 5).getBytes(StandardCharsets.UTF_8), value));
                    }
                    producer.flush();
                }
                List<ConsumerRecord<byte[], byte[]>> findings = PipelineIT.readCommitted(kafka, Topics.FINDINGS, good);
                List<ConsumerRecord<byte[], byte[]>> dead = PipelineIT.readCommitted(kafka, Topics.DEAD_LETTERS, bad);
                List<ConsumerRecord<byte[], byte[]>> structured = PipelineIT.readCommitted(kafka, Topics.STRUCTURED, good);
                assertEquals(good, findings.size(), "one findings message per good record");
                assertEquals(bad, dead.size(), "one dead letter per bad record");
                assertEquals(good, structured.size(), "one structured record per good record");
                for (var r : dead) assertEquals("parse", new String(r.headers().lastHeader(Topics.HEADER_ERROR_STAGE).value(), StandardCharsets.UTF_8));

                // per key, findings follow the input order (their input offsets increase)
                Map<String, List<Long>> offsets = new HashMap<>();
                for (var r : findings) {
                    String[] input = new String(r.headers().lastHeader(Topics.HEADER_INPUT).value(), StandardCharsets.UTF_8).split("/");
                    assertEquals(Topics.RECORDS, input[0], "findings name the original input message");
                    offsets.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add(Long.parseLong(input[2]));
                }
                assertEquals(5, offsets.size());
                offsets.forEach((key, list) -> {
                    for (int i = 1; i < list.size(); i++) assertTrue(list.get(i) > list.get(i - 1), key + " in input order: " + list);
                });

                // the extractions came from the model (not the offline fallback)
                for (var r : structured) {
                    StructuredRecord s = StructuredRecord.decode(r.value());
                    assertEquals("llm/extract-v1 model=fixed", s.extractor());
                    assertEquals(1, s.extractions().size());
                    Extraction x = s.extractions().values().iterator().next();
                    assertEquals("llm/extract-v1", x.backend());
                    assertFalse(x.degraded());
                }
                assertTrue(endpoint.calls() >= good, "at least one call per note: " + endpoint.calls());
                assertTrue(endpoint.maxInFlight() > 1 && endpoint.maxInFlight() <= 8, "calls overlapped, within the limit of 8: " + endpoint.maxInFlight());
                assertEquals(good, metrics.structuredOut());
                assertEquals(good, metrics.findingsOut());
            }
        }
    }
}
