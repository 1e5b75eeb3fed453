package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.console.ingest.RecordIds;
import org.emrqc.console.store.AuditRow;
import org.emrqc.console.store.FindingRow;
import org.emrqc.console.store.QcRecord;
import org.emrqc.kafka.Topics;
import org.junit.jupiter.api.Test;

/**
 * The findings consumer on a real in-process KRaft broker: the same findings message delivered twice gives one
 * record with one row per finding, and the record's FHIR is read back from the input topic by the emrqc-input header.
 */
@QuarkusTest
@TestProfile(KafkaIngestIT.WithKafka.class)
class KafkaIngestIT {
    public static class WithKafka implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestDatabase.class), new TestResourceEntry(LocalKafka.class));
        }
    }

    @Inject
    QcEngine engine;

    @Test
    void redeliveredFindingsNeverDuplicate() throws Exception {
        byte[] input = Api.sample(Api.LATE, "kafka-1");
        Properties p = new Properties();
        p.put("bootstrap.servers", LocalKafka.bootstrap);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            RecordMetadata in = producer.send(new ProducerRecord<>(Topics.RECORDS, "p1".getBytes(StandardCharsets.UTF_8), input)).get();
            String inputRef = in.topic() + "/" + in.partition() + "/" + in.offset();
            QcEngine.Checked checked = engine.check(inputRef, input, "CN-GD");
            byte[] findings = engine.json(checked.bundle()).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2; i++) {
                ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Topics.FINDINGS, "p1".getBytes(StandardCharsets.UTF_8), findings);
                out.headers().add(Topics.HEADER_INPUT, inputRef.getBytes(StandardCharsets.UTF_8));
                producer.send(out).get();
            }
            String recordId = RecordIds.recordId(RecordIds.recordKey("Patient/p1", inputRef));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && auditCount(recordId) < 2) Thread.sleep(200);

            assertEquals(2, auditCount(recordId), "both deliveries were processed");
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(1, QcRecord.count("id", recordId));
                assertEquals(4, FindingRow.count("recordId", recordId));
                QcRecord r = QcRecord.findById(recordId);
                assertEquals("丙", r.grade);
                assertEquals("普通外科", r.department);
                assertEquals("Patient/p1|" + inputRef, r.recordKey);
                assertTrue(r.fhir != null && "Bundle".equals(r.fhir.get("resourceType").asText()), "the FHIR as received is kept");
                assertEquals(List.of("record.ingest", "record.recheck"),
                        AuditRow.<AuditRow>list("entityId = ?1 order by id", recordId).stream().map(a -> a.action).toList());
            });
            Api.anonymous().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'emrqc-console' }.data.findingsConsumer", equalTo("running"))
                    .body("checks.find { it.name == 'emrqc-console' }.data.findingsStored", equalTo(2));
        }
    }

    /** Activating a version in the console writes its archive to emrqc.packs.v1, where the stream processors read it. */
    @Test
    void activationPublishesThePackToTheControlTopic() throws Exception {
        Api.as("admin").contentType("application/json").body(java.util.Map.of("from", "2026.11.0")).post("/api/v1/admin/packs/core/drafts")
                .then().statusCode(201).body("version", equalTo("2026.11.1"));
        Api.as("admin").contentType("application/json").body(java.util.Map.of("points", 7))
                .put("/api/v1/admin/packs/core/versions/2026.11.1/regions/CN-GD/rules/TIM-ATT-ROUND").then().statusCode(200);
        Api.as("admin").contentType("application/json").body(java.util.Map.of()).post("/api/v1/admin/packs/core/versions/2026.11.1/publish")
                .then().statusCode(200);
        Api.as("admin").contentType("application/json").body(java.util.Map.of()).post("/api/v1/admin/packs/core/versions/2026.11.1/activate")
                .then().statusCode(200).body("kafka.topic", equalTo(Topics.PACKS)).body("serving", equalTo("core@2026.11.1"));
        String sha = Api.as("admin").get("/api/v1/admin/packs/core/versions/2026.11.1").then().extract().path("sha256");
        Properties p = new Properties();
        p.put("bootstrap.servers", LocalKafka.bootstrap);
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> c = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            c.assign(List.of(new org.apache.kafka.common.TopicPartition(Topics.PACKS, 0)));
            c.seekToBeginning(c.assignment());
            org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> got = null;
            long deadline = System.currentTimeMillis() + 30_000;
            // the topic may also hold versions other tests published: read up to this test's own activation
            while (System.currentTimeMillis() < deadline
                    && (got == null || !"2026.11.1".equals(new String(got.headers().lastHeader(Topics.HEADER_PACK_VERSION).value(), StandardCharsets.UTF_8)))) {
                for (var r : c.poll(java.time.Duration.ofMillis(500))) got = r;
            }
            assertTrue(got != null, "a message on " + Topics.PACKS);
            assertEquals("core", new String(got.key(), StandardCharsets.UTF_8));
            assertEquals("2026.11.1", new String(got.headers().lastHeader(Topics.HEADER_PACK_VERSION).value(), StandardCharsets.UTF_8));
            assertEquals(sha, new String(got.headers().lastHeader(Topics.HEADER_PACK_SHA256).value(), StandardCharsets.UTF_8));
            assertEquals("admin", new String(got.headers().lastHeader(Topics.HEADER_ACTIVATED_BY).value(), StandardCharsets.UTF_8));
            // what a stream processor's PackWatcher does with it: unpack, load
            try (org.emrqc.kafka.PackZip.Unpacked u = org.emrqc.kafka.PackZip.unpack(got.value())) {
                assertEquals("core@2026.11.1", u.load().label());
            }
        }
        assertEquals("core@2026.11.1", engine.packLabel());
    }

    @Test
    void aVersionActivatedElsewhereReachesThisConsoleThroughTheControlTopic() throws Exception {
        // what `bin/emrqc pack activate` (or another console instance) publishes: the core pack as version 2099.4.0
        java.nio.file.Path copy = java.nio.file.Files.createTempDirectory("emrqc-pack-elsewhere");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("..", "rule-packs", "core"))) {
            java.nio.file.Path core = java.nio.file.Path.of("..", "rule-packs", "core");
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Path to = copy.resolve(core.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) java.nio.file.Files.createDirectories(to);
                else java.nio.file.Files.copy(f, to);
            }
        }
        java.nio.file.Path yaml = copy.resolve("pack.yaml");
        java.nio.file.Files.writeString(yaml, java.nio.file.Files.readString(yaml).replaceFirst("(?m)^version: .*$", "version: 2099.4.0"));
        byte[] zip = org.emrqc.kafka.PackZip.zip(copy);
        org.emrqc.kafka.PackPublisher.publish(LocalKafka.bootstrap, "core", "2099.4.0", zip, "another-console");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!engine.packLabel().equals("core@2099.4.0") && System.currentTimeMillis() < deadline) Thread.sleep(200);
        assertEquals("core@2099.4.0", engine.packLabel());
        // a check now runs on it
        Api.as("reviewer").contentType("application/fhir+json").body(Api.sample(Api.LATE, "elsewhere"))
                .post("/api/v1/records/$qc").then().statusCode(200)
                .body("meta.tag.find { it.system == 'https://emrqc.org/fhir/CodeSystem/qc-rule-pack' }.code", equalTo("core@2099.4.0"));
    }

    private static long auditCount(String recordId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditRow.count("entity = 'record' and entityId = ?1 and action in ('record.ingest', 'record.recheck')", recordId));
    }
}
