package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against a real KRaft broker with exactly_once_v2: good and bad records interleaved; a
 * read_committed consumer sees exactly one findings message per good record and every bad one in the
 * dead-letter topic.
 */
class PipelineIT {
    @TempDir
    Path state;

    @Test
    void interleavedGoodAndBadRecordsEachEndUpExactlyOnce() throws Exception {
        try (LocalKafka kafka = new LocalKafka()) {
            kafka.createTopics(Topics.ALL, 2);
            Properties props = StreamsSettings.of(kafka.bootstrap(), "emrqc-it", state.toString(), 8 * 1024 * 1024);
            try (KafkaStreams streams = new KafkaStreams(QcTopology.build(Pipelines.checkers(8 * 1024 * 1024), "CN"), props)) {
                streams.start();
                int good = 0;
                int bad = 0;
                Properties pp = new Properties();
                pp.put("bootstrap.servers", kafka.bootstrap());
                pp.put("max.request.size", 16 * 1024 * 1024);
                byte[] cn = Files.readAllBytes(Pipelines.SAMPLES.resolve("cn/cn-inpatient-appendicitis-late-admission-record.json"));
                byte[] us = Files.readAllBytes(Pipelines.SAMPLES.resolve("us/us-inpatient-chest-pain-allergy-and-vitals.json"));
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < 30; i++) {
                        byte[] value = i % 7 == 3 ? "{not fhir".getBytes(StandardCharsets.UTF_8) : i % 2 == 0 ? cn : us;
                        if (i % 7 == 3) bad++;
                        else good++;
                        producer.send(new ProducerRecord<>(Topics.RECORDS, ("key-" + i).getBytes(StandardCharsets.UTF_8), value));
                    }
                    producer.flush();
                }
                List<ConsumerRecord<byte[], byte[]>> findings = readCommitted(kafka, Topics.FINDINGS, good);
                List<ConsumerRecord<byte[], byte[]>> dead = readCommitted(kafka, Topics.DEAD_LETTERS, bad);
                assertEquals(good, findings.size());
                assertEquals(bad, dead.size());
                Set<String> keys = new HashSet<>();
                for (var r : findings) keys.add(new String(r.key(), StandardCharsets.UTF_8));
                assertEquals(good, keys.size(), "one findings message per good record, none duplicated");
                for (var r : dead) assertEquals("parse", new String(r.headers().lastHeader(Topics.HEADER_ERROR_STAGE).value(), StandardCharsets.UTF_8));
            }
        }
    }

    static int readCommittedNow(LocalKafka kafka, String topic) { return new LocalKafkaView(kafka.bootstrap()).readCommittedNow(topic); }

    static List<ConsumerRecord<byte[], byte[]>> readCommitted(LocalKafka kafka, String topic, int expected) {
        return new LocalKafkaView(kafka.bootstrap()).readCommitted(topic, expected);
    }
}
