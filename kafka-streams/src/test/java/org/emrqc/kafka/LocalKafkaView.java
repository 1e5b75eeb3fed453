package org.emrqc.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** read_committed views of a cluster's topics, for tests. */
final class LocalKafkaView {
    private final String bootstrap;

    LocalKafkaView(String bootstrap) { this.bootstrap = bootstrap; }

    private Properties props(String group) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", group + "-" + System.nanoTime());
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        p.put("max.partition.fetch.bytes", 16 * 1024 * 1024);
        return p;
    }

    /** How many committed messages the topic holds right now (a fresh consumer, 2 s). */
    int readCommittedNow(String topic) {
        int n = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props("peek"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 2000;
            while (System.currentTimeMillis() < end) n += c.poll(Duration.ofMillis(200)).count();
        }
        return n;
    }

    /** Reads until {@code expected} messages arrived and 3 s pass without more (so duplicates would show). */
    List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props("it-" + topic), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 150_000;
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline) {
                var batch = c.poll(Duration.ofMillis(500));
                batch.forEach(out::add);
                if (!batch.isEmpty()) quietSince = System.currentTimeMillis();
                if (out.size() >= expected && System.currentTimeMillis() - quietSince > 3000) break;
            }
        }
        return out;
    }
}
