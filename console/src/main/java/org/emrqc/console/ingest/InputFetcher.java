package org.emrqc.console.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one input record back from its topic by the emrqc-input header ("topic/partition/offset"), so the console
 * keeps the FHIR as received. Not thread-safe: used by the consumer thread only.
 */
final class InputFetcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    InputFetcher(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "16777216");
        consumer = new KafkaConsumer<>(org.emrqc.kafka.KafkaConnection.apply(p), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The value at topic/partition/offset, or null when the header is malformed or the record is gone. */
    byte[] fetch(String input) {
        String[] parts = parse(input);
        if (parts == null) return null;
        TopicPartition tp = new TopicPartition(parts[0], Integer.parseInt(parts[1]));
        long offset = Long.parseLong(parts[2]);
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() == offset) return r.value();
                if (r.offset() > offset) return null;
            }
        }
        return null;
    }

    /** "emrqc.records.v1/0/42" → [topic, partition, offset]; topic names have no '/'. */
    static String[] parse(String input) {
        if (input == null) return null;
        String[] parts = input.split("/");
        if (parts.length != 3) return null;
        try {
            Integer.parseInt(parts[1]);
            Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
        return parts;
    }

    @Override
    public void close() { consumer.close(Duration.ofSeconds(5)); }
}
