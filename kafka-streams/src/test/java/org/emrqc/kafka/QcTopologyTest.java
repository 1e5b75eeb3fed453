package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import org.emrqc.fhir.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's topology without a broker: findings out, bad input to the dead-letter topic with its reason. */
class QcTopologyTest {
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> records;
    private TestOutputTopic<byte[], byte[]> findings;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "emrqc-topology-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(QcTopology.build(Pipelines.checkers(1024 * 1024), "US"), p);
        records = driver.createInputTopic(Topics.RECORDS, new ByteArraySerializer(), new ByteArraySerializer());
        findings = driver.createOutputTopic(Topics.FINDINGS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() { driver.close(); }

    private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<DetectedIssue> issues(byte[] json) {
        Bundle b = FhirContexts.r4().newJsonParser().parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(DetectedIssue.class::isInstance)
                .map(DetectedIssue.class::cast).toList();
    }

    @Test
    void recordWithRegionHeaderGivesItsFindingsUnderTheSameKey() throws Exception {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.HEADER_REGION, b("CN-GD"));
        records.pipeInput(new TestRecord<>(b("p1"), Pipelines.sample("cn/cn-inpatient-appendicitis-late-admission-record.json"), h));
        TestRecord<byte[], byte[]> out = findings.readRecord();
        assertEquals("p1", new String(out.key(), StandardCharsets.UTF_8));
        assertEquals("CN-GD", header(out, Topics.HEADER_REGION));
        assertEquals("emrqc.records.v1/0/0", header(out, Topics.HEADER_INPUT));
        Bundle bundle = FhirContexts.r4().newJsonParser().parseResource(Bundle.class, new String(out.value(), StandardCharsets.UTF_8));
        assertEquals("emrqc.records.v1/0/0", bundle.getMeta().getTag("https://emrqc.org/fhir/CodeSystem/qc-input", "emrqc.records.v1/0/0").getCode());
        DetectedIssue adm = issues(out.value()).stream().filter(d -> d.getCode().getCodingFirstRep().getCode().equals("TIM-ADM-24H")).findFirst().orElseThrow();
        assertEquals(DetectedIssue.DetectedIssueSeverity.HIGH, adm.getSeverity());
        assertEquals("Composition/adm1", adm.getImplicatedFirstRep().getReference());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void withoutHeaderTheDefaultRegionApplies() throws Exception {
        records.pipeInput(b("x"), Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json"));
        TestRecord<byte[], byte[]> out = findings.readRecord();
        assertEquals("US", header(out, Topics.HEADER_REGION));
        assertEquals(List.of("UNR-ALLERGY-RX", "UNR-VITALS-RANGE"),
                issues(out.value()).stream().map(d -> d.getCode().getCodingFirstRep().getCode()).sorted().toList());
    }

    @Test
    void withoutHeaderTheRecordsOwnOrganizationAddressGivesTheRegion() throws Exception {
        String cn = new String(Pipelines.sample("cn/cn-inpatient-appendicitis-late-admission-record.json"), StandardCharsets.UTF_8);
        // the hospital in Guangdong manages the patient: CN-GD's rules apply (the late admission record is a veto there)
        String withHospital = cn.replaceFirst("\"entry\": \\[", "\"entry\": [{\"resource\": {\"resourceType\": \"Organization\", \"id\": \"h1\", "
                + "\"name\": \"某医院\", \"address\": [{\"state\": \"广东省\", \"country\": \"中国\"}]}},");
        records.pipeInput(b("p1"), b(withHospital));
        TestRecord<byte[], byte[]> out = findings.readRecord();
        assertEquals("CN-GD", header(out, Topics.HEADER_REGION));
        DetectedIssue adm = issues(out.value()).stream().filter(d -> d.getCode().getCodingFirstRep().getCode().equals("TIM-ADM-24H")).findFirst().orElseThrow();
        assertEquals(DetectedIssue.DetectedIssueSeverity.HIGH, adm.getSeverity());
    }

    @Test
    void republishingGivesTheSameFindingIds() throws Exception {
        byte[] rec = Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json");
        records.pipeInput(b("x"), rec);
        records.pipeInput(b("x"), rec);
        List<String> first = issues(findings.readRecord().value()).stream().map(d -> d.getIdentifierFirstRep().getValue()).sorted().toList();
        List<String> second = issues(findings.readRecord().value()).stream().map(d -> d.getIdentifierFirstRep().getValue()).sorted().toList();
        assertEquals(first, second);
    }

    @Test
    void notJsonGoesToTheDeadLetterTopicWithItsReasonAndOriginalBytes() {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.HEADER_SOURCE_SYSTEM, b("his-1"));
        byte[] bad = b("{\"resourceType\": \"Patient\", \"id\": ");
        records.pipeInput(new TestRecord<>(b("k"), bad, h));
        TestRecord<byte[], byte[]> dl = deadLetters.readRecord();
        assertArrayEquals(bad, dl.value());
        assertEquals("k", new String(dl.key(), StandardCharsets.UTF_8));
        assertEquals("parse", header(dl, Topics.HEADER_ERROR_STAGE));
        assertEquals("emrqc.records.v1/0/0: line 1, column 35: invalid JSON: Unexpected end-of-input within/between Object entries",
                header(dl, Topics.HEADER_ERROR_REASON));
        assertEquals("his-1", header(dl, Topics.HEADER_SOURCE_SYSTEM), "the original headers are kept");
        assertTrue(findings.isEmpty());
    }

    @Test
    void unknownResourceTypeAndOversizeAndEmptyMessagesAreDeadLetters() {
        records.pipeInput(b("a"), b("{\"resourceType\": \"Patiant\"}"));
        records.pipeInput(b("b"), new byte[2 * 1024 * 1024]);
        records.pipeInput(b("c"), new byte[0]);
        List<TestRecord<byte[], byte[]>> dls = deadLetters.readRecordsToList();
        assertEquals(3, dls.size());
        assertEquals("emrqc.records.v1/0/0: line 1, Patiant.resourceType: unknown resourceType (not a FHIR R4 resource type)", header(dls.get(0), Topics.HEADER_ERROR_REASON));
        assertEquals("message too large (2097152 bytes; the limit is 1048576)", header(dls.get(1), Topics.HEADER_ERROR_REASON));
        assertEquals("read", header(dls.get(1), Topics.HEADER_ERROR_STAGE));
        assertEquals("empty message: no FHIR JSON", header(dls.get(2), Topics.HEADER_ERROR_REASON));
        assertTrue(findings.isEmpty());
    }

    @Test
    void goodRecordsAfterBadOnesAreStillProcessed() throws Exception {
        records.pipeInput(b("bad"), b("not json at all"));
        records.pipeInput(b("good"), Pipelines.sample("us/us-outpatient-visit-resources.ndjson"));
        // an NDJSON message is not a FHIR JSON document: dead letter; the next good one goes through
        records.pipeInput(b("good2"), Pipelines.sample("cn/cn-inpatient-appendicitis-complete.json"));
        assertEquals(2, deadLetters.readRecordsToList().size());
        TestRecord<byte[], byte[]> out = findings.readRecord();
        assertEquals("good2", new String(out.key(), StandardCharsets.UTF_8));
    }
}
