package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly once across a broker crash: the broker is SIGKILLed mid-stream and restarted on the same data. */
class ExactlyOnceAcrossBrokerRestartIT {
    @TempDir
    Path dir;

    @Test
    void brokerKilledAndRestartedMidStreamLosesAndDuplicatesNothing() throws Exception {
        try (BrokerProcess broker = new BrokerProcess(dir)) {
            broker.start();
            Properties ap = new Properties();
            ap.put("bootstrap.servers", broker.bootstrap());
            try (Admin admin = Admin.create(ap)) {
                admin.createTopics(Topics.ALL.stream().map(t -> new NewTopic(t, 2, (short) 1).configs(Map.of("max.message.bytes", "16777216"))).toList()).all().get();
            }
            byte[] us = Files.readAllBytes(Pipelines.SAMPLES.resolve("us/us-inpatient-chest-pain-allergy-and-vitals.json"));
            int good = 0;
            int bad = 0;
            Properties pp = new Properties();
            pp.put("bootstrap.servers", broker.bootstrap());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 300; i++) {
                    boolean isBad = i % 10 == 7;
                    if (isBad) bad++;
                    else good++;
                    producer.send(new ProducerRecord<>(Topics.RECORDS, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                            isBad ? "{]".getBytes(StandardCharsets.UTF_8) : us));
                }
                producer.flush();
            }
            Properties settings = StreamsSettings.of(broker.bootstrap(), "emrqc-restart-test", Files.createDirectories(dir.resolve("state")).toString(), 8 * 1024 * 1024);
            try (PipelineRunner runner = new PipelineRunner(Pipelines.checkers(8 * 1024 * 1024), "US", settings)) {
                runner.start();
                LocalKafkaView view = new LocalKafkaView(broker.bootstrap());
                int committed = 0;
                long deadline = System.currentTimeMillis() + 120_000;
                while (committed < 20 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(250);
                    committed = view.readCommittedNow(Topics.FINDINGS);
                }
                broker.kill();
                System.err.println("killed the broker after " + committed + " committed findings of " + good);
                Thread.sleep(3000);
                broker.start();
                List<ConsumerRecord<byte[], byte[]>> findings = view.readCommitted(Topics.FINDINGS, good);
                List<ConsumerRecord<byte[], byte[]>> dead = view.readCommitted(Topics.DEAD_LETTERS, bad);
                Set<String> keys = new HashSet<>();
                for (var r : findings) keys.add(new String(r.key(), StandardCharsets.UTF_8));
                assertEquals(good, keys.size(), "every good record has findings");
                assertEquals(good, findings.size(), "no findings message duplicated");
                assertEquals(bad, dead.size(), "every bad record is a dead letter, once");
            }
        }
    }
}
