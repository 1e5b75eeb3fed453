package org.emrqc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.emrqc.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Reads emrqc.findings.v1 with read_committed and writes each message value to its own file in DIR (topic-partition-offset.json); exits after --idle-timeout seconds without new messages.")
final class ConsumeCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
    String bootstrap;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--idle-timeout", defaultValue = "10", paramLabel = "SECONDS", description = "Default: ${DEFAULT-VALUE}.")
    int idleTimeout;

    @Option(names = "--topic", defaultValue = Topics.FINDINGS, description = "Default: ${DEFAULT-VALUE} (the dead-letter topic is " + Topics.DEAD_LETTERS + ").")
    String topic;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "emrqc-consume-" + System.nanoTime());
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("max.partition.fetch.bytes", 64 * 1024 * 1024);
        int n = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(org.emrqc.kafka.KafkaConnection.apply(p), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long lastMessage = System.currentTimeMillis();
            while (System.currentTimeMillis() - lastMessage < idleTimeout * 1000L) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    Files.write(out.resolve(r.topic() + "-" + r.partition() + "-" + r.offset() + ".json"), r.value());
                    n++;
                    lastMessage = System.currentTimeMillis();
                }
            }
        }
        System.out.println("Wrote " + n + " messages from " + topic + " to " + out);
        return 0;
    }
}
