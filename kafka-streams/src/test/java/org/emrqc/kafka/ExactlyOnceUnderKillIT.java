package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under faults: the stream processor runs in its own JVM and is killed with SIGKILL mid-stream;
 * a new one resumes from the committed state; a read_committed consumer sees exactly one findings message per
 * good input and one dead letter per bad input — none lost, none duplicated.
 */
class ExactlyOnceUnderKillIT {
    @TempDir
    Path dir;

    private Process startProcessor(String bootstrap, Path state, Path log, String structuring) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", cp, StreamProcessMain.class.getName(), bootstrap, state.toString(), "emrqc-kill-test", structuring);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    /** inline: structuring inside the stream task; async: the transactional structuring stage in front of it. */
    @ParameterizedTest
    @ValueSource(strings = {"inline", "async"})
    void sigkillMidStreamLosesAndDuplicatesNothing(String structuring) throws Exception {
        try (LocalKafka kafka = new LocalKafka()) {
            kafka.createTopics(Topics.ALL, 2);
            byte[] cn = Files.readAllBytes(Pipelines.SAMPLES.resolve("cn/cn-inpatient-appendicitis-late-admission-record.json"));
            byte[] us = Files.readAllBytes(Pipelines.SAMPLES.resolve("us/us-inpatient-chest-pain-allergy-and-vitals.json"));
            int good = 0;
            int bad = 0;
            Properties pp = new Properties();
            pp.put("bootstrap.servers", kafka.bootstrap());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 300; i++) {
                    boolean isBad = i % 10 == 5;
                    byte[] value = isBad ? ("{\"resourceType\": \"Nope\", \"n\": " + i + "}").getBytes(StandardCharsets.UTF_8) : i % 2 == 0 ? cn : us;
                    if (isBad) bad++;
                    else good++;
                    producer.send(new ProducerRecord<>(Topics.RECORDS, ("key-" + i).getBytes(StandardCharsets.UTF_8), value));
                }
                producer.flush();
            }
            Path state1 = Files.createDirectories(dir.resolve("state1"));
            Process first = startProcessor(kafka.bootstrap(), state1, dir.resolve("first.log"), structuring);
            // wait until the first processor has committed some but (very likely) not all findings, then SIGKILL it
            int committed = 0;
            long deadline = System.currentTimeMillis() + 120_000;
            while (committed < 20 && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
                committed = PipelineIT.readCommittedNow(kafka, Topics.FINDINGS);
            }
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, first.exitValue(), "killed with SIGKILL");
            System.err.println("killed the first processor (" + structuring + ") after " + committed + " committed findings of " + good);

            Process second = startProcessor(kafka.bootstrap(), Files.createDirectories(dir.resolve("state2")), dir.resolve("second.log"), structuring);
            try {
                List<ConsumerRecord<byte[], byte[]>> findings = PipelineIT.readCommitted(kafka, Topics.FINDINGS, good);
                List<ConsumerRecord<byte[], byte[]>> dead = PipelineIT.readCommitted(kafka, Topics.DEAD_LETTERS, bad);
                Set<String> keys = new HashSet<>();
                for (var r : findings) keys.add(new String(r.key(), StandardCharsets.UTF_8));
                assertEquals(good, keys.size(), "every good record has findings");
                assertEquals(good, findings.size(), "no findings message duplicated");
                assertEquals(bad, dead.size(), "every bad record is a dead letter, once");
                if (structuring.equals("async")) {
                    assertEquals(good, PipelineIT.readCommitted(kafka, Topics.STRUCTURED, good).size(), "one structured record per good record, none duplicated");
                }
            } finally {
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
                if (second.isAlive()) second.destroyForcibly();
            }
            assertTrue(new File(dir.resolve("second.log").toString()).exists());
        }
    }
}
