package org.emrqc.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a pack archive to {@link Topics#PACKS}, which activates it in every stream processor watching the
 * topic. One transactional write: key = pack id, value = the archive, headers version, sha256, who and when.
 * Validate the pack first: the processors only load and compile it (see {@link PackWatcher}).
 */
public final class PackPublisher {
    /** Where the archive went. */
    public record Published(String packId, String version, String sha256, int bytes, int partition, long offset) { }

    private PackPublisher() { }

    public static Published publish(String bootstrap, String packId, String version, byte[] archive, String activatedBy) {
        String sha = PackZip.sha256(archive);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("transactional.id", "emrqc-pack-activate-" + UUID.randomUUID());
        p.put("max.request.size", Math.max(1024 * 1024, archive.length + 64 * 1024));
        p.put("max.block.ms", 30_000);
        p.put("delivery.timeout.ms", 60_000);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_PACK_VERSION, version.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_PACK_SHA256, sha.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ACTIVATED_BY, (activatedBy == null ? "unknown" : activatedBy).getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ACTIVATED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaConnection.apply(p), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            RecordMetadata m;
            try {
                m = producer.send(new ProducerRecord<>(Topics.PACKS, null, packId.getBytes(StandardCharsets.UTF_8), archive, headers)).get();
                producer.commitTransaction();
            } catch (ExecutionException e) {
                producer.abortTransaction();
                throw new IllegalStateException("cannot write to " + Topics.PACKS + ": " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing to " + Topics.PACKS, e);
            }
            return new Published(packId, version, sha, archive.length, m.partition(), m.offset());
        }
    }
}
