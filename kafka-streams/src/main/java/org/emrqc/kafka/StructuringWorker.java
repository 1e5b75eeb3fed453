package org.emrqc.kafka;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emrqc.extractor.NarrativeStage;

/**
 * The asynchronous structuring stage: reads {@link Topics#RECORDS}, extracts every narrative of a batch of
 * messages at once (up to {@code concurrency} extractions in flight — an LLM server's parallel slots), and
 * writes one {@link StructuredRecord} (or dead letter) per input message to {@link Topics#STRUCTURED}, in input
 * order per partition, so per key.
 *
 * <p>Exactly once, as a transactional consume-process-produce loop: a batch's outputs and its input offsets are
 * committed in one Kafka transaction; a crash before the commit leaves no visible output and the batch is read
 * again. The transactional id is stable per instance ({@code <application>-structuring-<instance>}), so a
 * restarted instance aborts what its predecessor left open at once. A slow model call holds only its own
 * extraction slot, not the partition: throughput grows with {@code concurrency} until the server saturates.
 */
public final class StructuringWorker implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StructuringWorker.class);
    /**
     * @param concurrency extractions in flight at once (set the LLM extractor's own limit to the same number)
     * @param batch       messages taken per poll and committed per transaction
     */
    public record Settings(String bootstrap, String applicationId, String instanceId, int concurrency, int batch, long maxMessageBytes, ZoneId zone) {
        public Settings {
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
            if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
        }

        /** A batch of four messages per extraction slot keeps every slot busy while the last ones finish. */
        public static Settings of(String bootstrap, String applicationId, String instanceId, int concurrency, long maxMessageBytes, ZoneId zone) {
            return new Settings(bootstrap, applicationId, instanceId, concurrency, Math.max(8, 4 * concurrency), maxMessageBytes, zone);
        }

        public String groupId() { return applicationId + "-structuring"; }

        public String transactionalId() { return applicationId + "-structuring-" + instanceId; }
    }

    private enum State { CREATED, RUNNING, STOPPED, FAILED }

    private final Settings settings;
    private final PipelineMetrics metrics;
    private final ExecutorService parsing;
    private final ExecutorService documents;
    private final MessageStructuring structuring;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Thread loop;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.CREATED;
    private volatile boolean closing;
    private volatile Throwable failure;
    private volatile Runnable onFailure = () -> { };

    public StructuringWorker(NarrativeStage stage, String extractorLabel, Settings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.parsing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), named("emrqc-structuring-parse"));
        this.documents = Executors.newFixedThreadPool(settings.concurrency(), named("emrqc-structuring-extract"));
        this.structuring = new MessageStructuring(stage, extractorLabel, settings.zone(), settings.maxMessageBytes(), documents, metrics);
        this.consumer = new KafkaConsumer<>(KafkaConnection.apply(consumerSettings(settings)), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(KafkaConnection.apply(producerSettings(settings)), new ByteArraySerializer(), new ByteArraySerializer());
        this.loop = new Thread(this::run, "emrqc-structuring");
    }

    static Properties consumerSettings(Settings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        // offsets are committed inside the producer's transaction, never by the consumer
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // an HIS producing transactionally: never structure what it aborted
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, s.batch());
        // a batch waits for its slowest extraction (an LLM call with retries): stay in the group meanwhile
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int) Math.min(Integer.MAX_VALUE, s.maxMessageBytes() + 1024));
        return p;
    }

    static Properties producerSettings(Settings s) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, s.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // a structured record carries its input and the extractions: allow for both
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, s.maxMessageBytes() * 4));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }

    public void start() { loop.start(); }

    /** Running: the transactional producer is initialized and the consumer subscribed. */
    public boolean running() { return state == State.RUNNING; }

    public String state() { return state.name(); }

    public Throwable failure() { return failure; }

    /** Called once when the worker stops on an error (e.g. fenced by another instance with its transactional id). */
    public void onFailure(Runnable action) { this.onFailure = action; }

    /** Largest consumer lag over the input partitions this worker reads, or 0. */
    public double lag() {
        double max = 0;
        try {
            for (var e : consumer.metrics().entrySet()) {
                if ("records-lag-max".equals(e.getKey().name()) && e.getValue().metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                    max = Math.max(max, n.doubleValue());
                }
            }
        } catch (RuntimeException e) {
            return 0; // closed
        }
        return max;
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException { return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS); }

    private void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.RECORDS));
            state = State.RUNNING;
            while (!closing) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) process(batch);
            }
            state = State.STOPPED;
        } catch (WakeupException e) {
            state = closing ? State.STOPPED : State.FAILED;
        } catch (RuntimeException e) {
            failure = e;
            state = State.FAILED;
            LOG.atError().addKeyValue("stage", "structure").log("structuring stopped by {}: {}", e.getClass().getSimpleName(), e.getMessage());
        } finally {
            try {
                consumer.close(Duration.ofSeconds(10));
            } catch (RuntimeException ignored) {
                // closing anyway
            }
            try {
                producer.close(Duration.ofSeconds(10));
            } catch (RuntimeException ignored) {
                // closing anyway
            }
            stopped.countDown();
            if (state == State.FAILED) onFailure.run();
        }
    }

    /** Structures a batch, then writes its outputs and input offsets in one transaction. */
    private void process(ConsumerRecords<byte[], byte[]> batch) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<CompletableFuture<MessageCheck.Result>> results = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            metrics.received();
            String input = r.topic() + "/" + r.partition() + "/" + r.offset();
            records.add(r);
            results.add(CompletableFuture.supplyAsync(() -> structuring.structure(r.value(), r.headers(), input), parsing).thenCompose(f -> f));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        producer.beginTransaction();
        try {
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<byte[], byte[]> in = records.get(i);
                MessageCheck.Result out = results.get(i).join();
                String topic = out.deadLetter() ? Topics.DEAD_LETTERS : Topics.STRUCTURED;
                producer.send(new ProducerRecord<>(topic, null, in.timestamp(), in.key(), out.value(), out.headers()));
                offsets.put(new TopicPartition(in.topic(), in.partition()), new OffsetAndMetadata(in.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException | AuthorizationException e) {
            throw e; // another instance took over this transactional id, or we may not write: stop
        } catch (KafkaException e) {
            LOG.atWarn().addKeyValue("stage", "structure").log("transaction aborted ({}); the batch will be read again", e.getMessage());
            producer.abortTransaction();
            rewind(records);
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            MessageCheck.Result out = results.get(i).join();
            if (out.deadLetter()) metrics.deadLetter(DeadLetters.stage(out.headers()));
            else metrics.structuredWritten();
        }
    }

    /** After an aborted transaction: read the batch again from its first offset per partition still assigned. */
    private void rewind(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        first.forEach((tp, offset) -> {
            if (consumer.assignment().contains(tp)) consumer.seek(tp, offset);
        });
    }

    /**
     * Stops after the batch in progress (committing it), waiting up to 30 s; a batch still running then is
     * abandoned uncommitted (its transaction is aborted, and the next instance reads it again), never committed
     * half-extracted.
     */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            if (loop.isAlive()) {
                loop.join(Duration.ofSeconds(30).toMillis());
                if (loop.isAlive()) {
                    LOG.atWarn().addKeyValue("stage", "structure").log("the batch in progress did not finish within 30 s; abandoned uncommitted");
                    producer.close(Duration.ZERO); // the loop's next producer call fails: no commit
                    loop.join(Duration.ofSeconds(5).toMillis());
                }
            } else if (state == State.CREATED) {
                consumer.close(Duration.ZERO);
                producer.close(Duration.ZERO);
                stopped.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        parsing.shutdownNow();
        documents.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
