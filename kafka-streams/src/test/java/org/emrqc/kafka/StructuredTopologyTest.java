package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.fhir.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The same topology reading structured records (the asynchronous structuring stage's output) gives exactly the
 * findings that inline structuring gives — narrative findings and their evidence included — and names the
 * original input message; what the structuring stage cannot read is a dead letter with the original bytes.
 */
class StructuredTopologyTest {
    private static final long T = 1_790_000_000_000L;

    private static TopologyTestDriver driver(String source) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "emrqc-structured-topology-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(QcTopology.build(Pipelines.checkers(1024 * 1024), "CN", new PipelineMetrics(), source), p);
    }

    private static MessageStructuring structuring() {
        NarrativeStage stage = new NarrativeStage(new OfflineExtractor(), TsvTerminology.shipped());
        return new MessageStructuring(stage, "offline", ZoneOffset.UTC, 1024 * 1024, Runnable::run, new PipelineMetrics());
    }

    private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Each finding as rule | severity | stable id | implicated | evidence spans. */
    private static List<String> findings(byte[] json) {
        Bundle b = FhirContexts.r4().newJsonParser().parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(DetectedIssue.class::isInstance)
                .map(DetectedIssue.class::cast)
                .map(d -> d.getCode().getCodingFirstRep().getCode() + " | " + d.getSeverity() + " | " + d.getIdentifierFirstRep().getValue()
                        + " | " + d.getImplicated().stream().map(r -> r.getReference()).toList()
                        + " | " + d.getEvidence().stream().flatMap(e -> e.getExtension().stream()).map(x -> x.getExtension().stream()
                                .map(y -> y.getUrl() + "=" + y.getValue().primitiveValue()).toList().toString()).toList())
                .sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn/cn-inpatient-appendicitis-late-admission-record.json", "cn/cn-inpatient-appendicitis-complete.json",
            "us/us-inpatient-chest-pain-allergy-and-vitals.json",
            "../rule-packs/core/fixtures/records/narrative/note-penicillin-allergy-not-in-allergy-list.json",
            "../rule-packs/core/fixtures/records/narrative/left-knee-recorded-right-knee-in-notes.json",
            "../rule-packs/core/fixtures/records/narrative/us-note-lists-metformin-without-order.json"})
    void structuredUpstreamGivesTheFindingsOfInlineStructuring(String sample) throws Exception {
        byte[] record = Pipelines.sample(sample);
        List<String> inline;
        try (TopologyTestDriver d = driver(Topics.RECORDS)) {
            TestInputTopic<byte[], byte[]> in = d.createInputTopic(Topics.RECORDS, new ByteArraySerializer(), new ByteArraySerializer());
            in.pipeInput(new TestRecord<>(b("p1"), record, new RecordHeaders(), T));
            inline = findings(d.createOutputTopic(Topics.FINDINGS, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readValue());
        }
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.HEADER_SOURCE_SYSTEM, b("his-1"));
        MessageCheck.Result structured = structuring().structure(record, h, "emrqc.records.v1/1/7").join();
        assertFalse(structured.deadLetter());
        assertEquals(Topics.STRUCTURED_CONTENT_TYPE, new String(structured.headers().lastHeader(Topics.HEADER_CONTENT_TYPE).value(), StandardCharsets.UTF_8));
        try (TopologyTestDriver d = driver(Topics.STRUCTURED)) {
            TestInputTopic<byte[], byte[]> in = d.createInputTopic(Topics.STRUCTURED, new ByteArraySerializer(), new ByteArraySerializer());
            in.pipeInput(new TestRecord<>(b("p1"), structured.value(), structured.headers(), T));
            TestRecord<byte[], byte[]> out = d.createOutputTopic(Topics.FINDINGS, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecord();
            assertEquals(inline, findings(out.value()));
            assertEquals("emrqc.records.v1/1/7", header(out, Topics.HEADER_INPUT), "findings name the original input message");
            assertEquals("his-1", new String(structured.headers().lastHeader(Topics.HEADER_SOURCE_SYSTEM).value(), StandardCharsets.UTF_8));
        }
        if (!sample.contains("complete") && !sample.contains("us")) {
            assertTrue(inline.stream().anyMatch(f -> f.contains("quote=")), "narrative findings with evidence spans are compared too: " + inline);
        }
    }

    @Test
    void unreadableInputIsADeadLetterOfTheStructuringStageWithItsOriginalBytes() {
        byte[] bad = b("{\"resourceType\": \"Patient\", \"id\": ");
        MessageCheck.Result r = structuring().structure(bad, new RecordHeaders(), "emrqc.records.v1/0/3").join();
        assertTrue(r.deadLetter());
        assertArrayEquals(bad, r.value());
        assertEquals("parse", new String(r.headers().lastHeader(Topics.HEADER_ERROR_STAGE).value(), StandardCharsets.UTF_8));
        assertEquals("emrqc.records.v1/0/3", new String(r.headers().lastHeader(Topics.HEADER_INPUT).value(), StandardCharsets.UTF_8));
    }

    @Test
    void aStructuredMessageThatIsNotOneIsADeadLetterOfTheRuleStage() {
        try (TopologyTestDriver d = driver(Topics.STRUCTURED)) {
            RecordHeaders h = new RecordHeaders();
            h.add(Topics.HEADER_CONTENT_TYPE, b(Topics.STRUCTURED_CONTENT_TYPE));
            d.createInputTopic(Topics.STRUCTURED, new ByteArraySerializer(), new ByteArraySerializer())
                    .pipeInput(new TestRecord<>(b("k"), b("{\"format\": \"something-else\"}"), h, T));
            TestRecord<byte[], byte[]> dl = d.createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecord();
            assertEquals("read", header(dl, Topics.HEADER_ERROR_STAGE));
            assertEquals("not a structured record: format is 'something-else', expected 'emrqc.structured-record.v1'", header(dl, Topics.HEADER_ERROR_REASON));
            assertEquals("emrqc.records.structured.v1/0/0", header(dl, Topics.HEADER_INPUT));
        }
    }
}
