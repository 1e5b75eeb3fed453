package org.emrqc.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reprocesses the input messages of a time range with a chosen pack (and region default) into separate output
 * and dead-letter topics, leaving the live topics alone: the basis of shadow mode. Writes in one transaction.
 */
public final class Replay {
    /** Counts of what a replay did. */
    public record Summary(int messages, int findings, int deadLetters) { }

    private Replay() { }

    public static Summary run(String bootstrap, long fromMillis, long toMillis, MessageCheck check, String outTopic, String deadLetterTopic) {
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("isolation.level", "read_committed");
        c.put("enable.auto.commit", "false");
        c.put("max.partition.fetch.bytes", 64 * 1024 * 1024);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("transactional.id", "emrqc-replay-" + UUID.randomUUID());
        p.put("max.request.size", 64 * 1024 * 1024);
        int messages = 0;
        int findings = 0;
        int dead = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaConnection.apply(c), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaConnection.apply(p), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.RECORDS)) parts.add(new TopicPartition(info.topic(), info.partition()));
            consumer.assign(parts);
            Map<TopicPartition, Long> query = new HashMap<>();
            parts.forEach(tp -> query.put(tp, fromMillis));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            List<TopicPartition> active = new ArrayList<>();
            for (TopicPartition tp : parts) {
                OffsetAndTimestamp s = starts.get(tp);
                if (s == null) continue;
                consumer.seek(tp, s.offset());
                active.add(tp);
            }
            consumer.pause(parts);
            consumer.resume(active);
            producer.initTransactions();
            producer.beginTransaction();
            while (!active.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.timestamp() > toMillis || r.offset() >= ends.get(tp) - 1) {
                        consumer.pause(List.of(tp));
                        active.remove(tp);
                        if (r.timestamp() > toMillis) continue;
                    }
                    messages++;
                    MessageCheck.Result res = check.check(r.value(), r.headers(), r.timestamp(), r.topic() + "/" + r.partition() + "/" + r.offset());
                    if (res.deadLetter()) dead++;
                    else findings++;
                    producer.send(new ProducerRecord<>(res.deadLetter() ? deadLetterTopic : outTopic, null, r.timestamp(), r.key(), res.value(), res.headers()));
                }
                for (TopicPartition tp : new ArrayList<>(active)) {
                    if (consumer.position(tp) >= ends.get(tp)) active.remove(tp);
                }
            }
            producer.commitTransaction();
        }
        return new Summary(messages, findings, dead);
    }
}
