package org.emrqc.console.ingest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.emrqc.console.config.ConsoleConfig;
import org.emrqc.kafka.Topics;
import org.jboss.logging.Logger;

/**
 * Reads emrqc.findings.v1 on its own thread (read_committed) and stores each message (RecordIngest: upsert by
 * finding id). Offsets are committed only after the message's database transaction committed, so a crash means
 * redelivery, and redelivery an update, never a duplicate. A message that cannot be stored is logged and skipped.
 */
@ApplicationScoped
public class FindingsConsumer {
    private static final Logger LOG = Logger.getLogger(FindingsConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    @Inject
    ConsoleConfig config;
    @Inject
    RecordIngest ingest;

    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile String failure;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    void onStart(@Observes StartupEvent ev) {
        config.kafka().bootstrap().ifPresent(this::start);
    }

    void onStop(@Observes ShutdownEvent ev) { stop(); }

    public boolean configured() { return config.kafka().bootstrap().isPresent(); }

    /** Running: the thread is alive and has not failed. */
    public boolean running() { return thread != null && thread.isAlive() && failure == null; }

    public String failure() { return failure; }

    public long storedMessages() { return stored.get(); }

    public long skippedMessages() { return skipped.get(); }

    synchronized void start(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.kafka().group());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "16777216");
        consumer = new KafkaConsumer<>(org.emrqc.kafka.KafkaConnection.apply(p), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(() -> run(bootstrap), "emrqc-findings-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("reading %s from %s (group %s)", Topics.FINDINGS, bootstrap, config.kafka().group());
    }

    private void run(String bootstrap) {
        try (InputFetcher fetcher = config.kafka().fetchInput() ? new InputFetcher(bootstrap) : null) {
            consumer.subscribe(List.of(Topics.FINDINGS));
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                Map<TopicPartition, Long> again = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (!again.isEmpty() || !handle(r, fetcher)) {
                        // the database is unavailable: read this message and the rest of the batch, on every
                        // partition, again later
                        again.putIfAbsent(tp, r.offset());
                        continue;
                    }
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                }
                if (!done.isEmpty()) consumer.commitSync(done);
                again.forEach(consumer::seek);
                boolean retry = !again.isEmpty();
                if (retry) sleep(RETRY_DELAY);
            }
        } catch (WakeupException e) {
            if (!stopping) failure = "consumer woken up unexpectedly";
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("the findings consumer stopped", e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing the consumer", e);
            }
        }
    }

    /**
     * Stores one message; the database transaction commits inside RecordIngest before the offset is committed.
     * @return false when it should be tried again (the database failed); a message that cannot be read is skipped
     */
    private boolean handle(ConsumerRecord<byte[], byte[]> r, InputFetcher fetcher) {
        String at = r.topic() + "/" + r.partition() + "/" + r.offset();
        try {
            String input = header(r, Topics.HEADER_INPUT);
            byte[] inputBody = fetcher == null || input == null ? null : fetcher.fetch(input);
            ingest.ingestFindings(r.value(), input, inputBody, r.timestamp());
            stored.incrementAndGet();
            return true;
        } catch (IllegalArgumentException | ca.uhn.fhir.parser.DataFormatException | ClassCastException e) {
            skipped.incrementAndGet();
            LOG.warnf("skipped findings message %s (not a findings bundle): %s", at, errorClass(e));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("could not store findings message %s, retrying in %d s: %s", at, RETRY_DELAY.toSeconds(), errorClass(e));
            return false;
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    synchronized void stop() {
        stopping = true;
        if (consumer != null) consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What failed, without the exception's message: HAPI's parse errors quote values of the bundle and the
     * database's quote keys (the record key is a patient or encounter id). The class chain and any SQLState.
     */
    static String errorClass(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            if (!b.isEmpty()) b.append(" <- ");
            b.append(t.getClass().getSimpleName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) b.append(" (SQLState ").append(sql.getSQLState()).append(')');
        }
        return b.toString();
    }
}
