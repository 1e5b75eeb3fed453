package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Replay of a time range of the input topic into separate topics with another region default. */
class ReplayIT {
    @Test
    void replaysOnlyTheTimeRangeIntoSeparateTopics() throws Exception {
        try (LocalKafka kafka = new LocalKafka()) {
            kafka.createTopics(List.of(Topics.RECORDS, "replay.findings", "replay.dlq"), 2);
            byte[] cn = Files.readAllBytes(Pipelines.SAMPLES.resolve("cn/cn-inpatient-appendicitis-late-admission-record.json"));
            Properties pp = new Properties();
            pp.put("bootstrap.servers", kafka.bootstrap());
            long t0 = 1_700_000_000_000L;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
                // three messages before the range, four good and one bad inside it, two after it
                long[] times = {t0, t0 + 1, t0 + 2, t0 + 100, t0 + 101, t0 + 102, t0 + 103, t0 + 104, t0 + 500, t0 + 501};
                for (int i = 0; i < times.length; i++) {
                    byte[] value = i == 5 ? "not fhir".getBytes(StandardCharsets.UTF_8) : cn;
                    producer.send(new ProducerRecord<>(Topics.RECORDS, null, times[i], ("k" + i).getBytes(StandardCharsets.UTF_8), value));
                }
                producer.flush();
            }
            MessageCheck check = new MessageCheck(Pipelines.checkers(8 * 1024 * 1024), "CN-GD");
            Replay.Summary s = Replay.run(kafka.bootstrap(), t0 + 100, t0 + 104, check, "replay.findings", "replay.dlq");
            assertEquals(new Replay.Summary(5, 4, 1), s);
            List<ConsumerRecord<byte[], byte[]>> findings = PipelineIT.readCommitted(kafka, "replay.findings", 4);
            assertEquals(4, findings.size());
            for (var r : findings) assertEquals("CN-GD", new String(r.headers().lastHeader(Topics.HEADER_REGION).value(), StandardCharsets.UTF_8));
            assertEquals(1, PipelineIT.readCommitted(kafka, "replay.dlq", 1).size());
        }
    }
}
