package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot swap against a real KRaft broker: a new pack version published to emrqc.packs.v1 while the stream runs
 * at full speed is put in force without losing, duplicating or half-evaluating a record; a bad archive is
 * refused while the version in force keeps serving.
 */
class PackSwapIT {
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    @TempDir
    Path dir;

    private static void createTopics(LocalKafka kafka) throws Exception {
        kafka.createTopics(List.of(Topics.RECORDS, Topics.STRUCTURED, Topics.FINDINGS, Topics.DEAD_LETTERS), 2);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(Topics.PACKS, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact", "max.message.bytes", "16777216")))).all().get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalKafka kafka) {
        Properties pp = new Properties();
        pp.put("bootstrap.servers", kafka.bootstrap());
        pp.put("linger.ms", 5);
        return new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private PipelineRunner runner(LocalKafka kafka, CheckerRegistry checkers, String app, List<String> log) {
        PipelineRunner runner = new PipelineRunner(checkers, "CN", StreamsSettings.of(kafka.bootstrap(), app, dir.resolve(app).toString(), MAX_BYTES, 2), null, new PipelineMetrics());
        PackWatcher watcher = new PackWatcher(kafka.bootstrap(), checkers, List.of("CN")).log(line -> {
            System.err.println("emrqc packs: " + line);
            synchronized (log) {
                log.add(line);
            }
        });
        return runner.watchPacks(watcher);
    }

    @Test
    void aVersionActivatedMidStreamLosesDuplicatesAndHalfEvaluatesNothing() throws Exception {
        int n = 600;
        RulePack old = Pipelines.pack();
        Path next = PackVersions.nextVersion(dir.resolve("next"), "2099.1.0");
        byte[] archive = PackZip.zip(next);
        byte[] cn = Pipelines.sample("cn/cn-inpatient-appendicitis-late-admission-record.json");
        byte[] us = Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json");
        try (LocalKafka kafka = new LocalKafka()) {
            createTopics(kafka);
            LocalKafkaView view = new LocalKafkaView(kafka.bootstrap());
            CheckerRegistry checkers = Pipelines.checkers(MAX_BYTES);
            List<String> log = new ArrayList<>();
            AtomicInteger sent = new AtomicInteger();
            AtomicReference<Throwable> producerFailure = new AtomicReference<>();
            try (PipelineRunner runner = runner(kafka, checkers, "emrqc-swap-it", log)) {
                runner.start();
                assertTrue(runner.awaitRunning(Duration.ofSeconds(60)), runner.stateText());
                // the records: two thirds at once (a backlog the stream works through at full speed), the last
                // third once the new version is in force, so both versions certainly check some records
                Thread producing = new Thread(() -> {
                    try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
                        for (int i = 0; i < n; i++) {
                            if (i == 2 * n / 3) {
                                producer.flush();
                                long deadline = System.currentTimeMillis() + 120_000;
                                while (runner.packWatcher().swaps() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
                            }
                            producer.send(new ProducerRecord<>(Topics.RECORDS, ("key-" + i).getBytes(StandardCharsets.UTF_8), i % 2 == 0 ? cn : us));
                            sent.incrementAndGet();
                        }
                        producer.flush();
                    } catch (Throwable e) {
                        producerFailure.set(e);
                    }
                }, "it-producer");
                producing.start();
                // mid-stream: once some findings are committed, activate the new version
                int committed = 0;
                long deadline = System.currentTimeMillis() + 120_000;
                while (committed < n / 6 && System.currentTimeMillis() < deadline) committed = view.readCommittedNow(Topics.FINDINGS);
                long t0 = System.nanoTime();
                PackPublisher.Published pub = PackPublisher.publish(kafka.bootstrap(), "core", "2099.1.0", archive, "PackSwapIT");
                assertEquals(PackZip.sha256(archive), pub.sha256());
                producing.join(180_000);
                assertEquals(null, producerFailure.get());
                System.err.println("published core@2099.1.0 after " + committed + " committed findings; swap seen "
                        + (runner.packWatcher().swaps() > 0 ? "yes" : "no") + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");

                List<ConsumerRecord<byte[], byte[]>> findings = view.readCommitted(Topics.FINDINGS, n);
                assertEquals(n, findings.size(), "exactly one findings message per record");
                Set<String> keys = new HashSet<>();
                for (var r : findings) keys.add(new String(r.key(), StandardCharsets.UTF_8));
                assertEquals(n, keys.size(), "none lost, none duplicated");
                assertEquals(0, view.readCommittedNow(Topics.DEAD_LETTERS));

                // each message wholly on one version; per partition, no old version after the first new one
                Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = new TreeMap<>();
                for (var r : findings) byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
                int olds = 0;
                int news = 0;
                for (var e : byPartition.entrySet()) {
                    List<ConsumerRecord<byte[], byte[]>> rs = new ArrayList<>(e.getValue());
                    rs.sort(Comparator.comparingLong(ConsumerRecord::offset));
                    boolean sawNew = false;
                    for (var r : rs) {
                        Set<String> labels = CheckerRegistrySwapTest.labels(r.value(), header(r, Topics.HEADER_RULE_PACK));
                        assertEquals(1, labels.size(), "one version per message (header, bundle tag, every DetectedIssue): " + labels);
                        String label = labels.iterator().next();
                        if (label.equals("core@2099.1.0")) {
                            sawNew = true;
                            news++;
                        } else {
                            assertEquals(old.label(), label);
                            assertFalse(sawNew, "partition " + e.getKey() + ": an old-version message at offset " + r.offset() + " after a new one");
                            olds++;
                        }
                    }
                }
                System.err.println("findings: " + olds + " on " + old.label() + ", " + news + " on core@2099.1.0; partitions " + byPartition.keySet());
                assertTrue(olds > 0 && news > 0, olds + " old, " + news + " new");
                assertEquals(1, runner.packWatcher().swaps());
                assertEquals(0, runner.packWatcher().rejected());
                String metrics = runner.prometheus();
                assertTrue(metrics.contains("emrqc_active_pack_info{pack=\"core@2099.1.0\"} 1"), metrics);
                assertTrue(metrics.contains("emrqc_pack_swaps_total 1"), metrics);
                assertTrue(runner.stateText().contains("core@2099.1.0"), runner.stateText());
            }
        }
    }

    @Test
    void badArchivesAreRefusedWhileTheActiveVersionKeepsServingAndARestartFallsBackPastThem() throws Exception {
        RulePack old = Pipelines.pack();
        byte[] broken = PackZip.zip(PackVersions.brokenVersion(dir.resolve("broken"), "2099.2.0"));
        byte[] good = PackZip.zip(PackVersions.nextVersion(dir.resolve("good"), "2099.3.0"));
        byte[] us = Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json");
        try (LocalKafka kafka = new LocalKafka()) {
            createTopics(kafka);
            LocalKafkaView view = new LocalKafkaView(kafka.bootstrap());
            CheckerRegistry checkers = Pipelines.checkers(MAX_BYTES);
            List<String> log = new ArrayList<>();
            try (PipelineRunner runner = runner(kafka, checkers, "emrqc-reject-it", log)) {
                runner.start();
                assertTrue(runner.awaitRunning(Duration.ofSeconds(60)), runner.stateText());
                PackPublisher.publish(kafka.bootstrap(), "core", "2099.9.9", "not a zip".getBytes(StandardCharsets.UTF_8), "PackSwapIT");
                PackPublisher.publish(kafka.bootstrap(), "core", "2099.2.0", broken, "PackSwapIT");
                long deadline = System.currentTimeMillis() + 60_000;
                while (runner.packWatcher().rejected() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(50);
                assertEquals(2, runner.packWatcher().rejected());
                assertEquals(old.label(), checkers.packLabel());
                synchronized (log) {
                    List<String> rejections = log.stream().filter(l -> l.startsWith("rejected")).toList();
                    assertEquals(2, rejections.size(), log.toString());
                    for (String l : rejections) assertFalse(l.contains("\n"), "one line: " + l);
                    assertTrue(rejections.get(1).contains("patient-field-missing"), rejections.get(1));
                }
                try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
                    for (int i = 0; i < 20; i++) producer.send(new ProducerRecord<>(Topics.RECORDS, ("key-" + i).getBytes(StandardCharsets.UTF_8), us));
                }
                List<ConsumerRecord<byte[], byte[]>> findings = view.readCommitted(Topics.FINDINGS, 20);
                assertEquals(20, findings.size());
                for (var r : findings) assertEquals(Set.of(old.label()), CheckerRegistrySwapTest.labels(r.value(), header(r, Topics.HEADER_RULE_PACK)));
                String metrics = runner.prometheus();
                assertTrue(metrics.contains("emrqc_active_pack_info{pack=\"" + old.label() + "\"} 1"), metrics);
                assertTrue(metrics.contains("emrqc_pack_archives_rejected_total 2"), metrics);
                assertTrue(metrics.contains("emrqc_pack_swaps_total 0"), metrics);
                assertTrue(runner.ready(), runner.stateText());

                // a good version, then a broken one: the running watcher swaps to the good one and keeps it
                PackPublisher.publish(kafka.bootstrap(), "core", "2099.3.0", good, "PackSwapIT");
                PackPublisher.publish(kafka.bootstrap(), "core", "2099.2.0", broken, "PackSwapIT");
                deadline = System.currentTimeMillis() + 60_000;
                while (runner.packWatcher().rejected() + runner.packWatcher().swaps() < 4 && System.currentTimeMillis() < deadline) Thread.sleep(50);
                assertEquals("core@2099.3.0", checkers.packLabel());
                assertEquals(1, runner.packWatcher().swaps());
                assertEquals(3, runner.packWatcher().rejected());
            }
            // a processor starting now catches up before its first record: the last archive is bad, the one before is in force
            CheckerRegistry fresh = Pipelines.checkers(MAX_BYTES);
            try (PackWatcher w = new PackWatcher(kafka.bootstrap(), fresh, List.of("CN"))) {
                assertTrue(w.catchUp(Duration.ofSeconds(60)));
                assertEquals("core@2099.3.0", fresh.packLabel());
                assertEquals(1, w.rejected());
                assertEquals(1, w.swaps());
            }
        }
    }
}
