package org.emrqc.kafka;

import java.nio.file.Path;

/**
 * The configuration of a local single-node KRaft broker (broker and controller in one process on 127.0.0.1),
 * set for exactly-once on one broker: used by `bin/emrqc broker` and by the tests that run a broker process.
 */
public final class LocalBrokerConfig {
    private LocalBrokerConfig() { }

    /** server.properties text: clients on {@code port}, the controller on {@code port + 1}, logs in {@code logDir}. */
    public static String properties(int port, Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + (port + 1),
                "log.dirs=" + logDir.toAbsolutePath(),
                // one broker: replication factor 1 everywhere, including the transaction log exactly-once needs
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=33554432",
                "auto.create.topics.enable=false",
                "");
    }

    /**
     * An emrqc topic as the local broker has it (one replica): the control topic compacted on one partition with room
     * for large pack archives, every other topic with {@code partitions} partitions and room for large records.
     */
    public static org.apache.kafka.clients.admin.NewTopic topic(String name, int partitions) {
        if (name.equals(Topics.PACKS)) {
            return new org.apache.kafka.clients.admin.NewTopic(name, 1, (short) 1)
                    .configs(java.util.Map.of("cleanup.policy", "compact", "max.message.bytes", "67108864"));
        }
        return new org.apache.kafka.clients.admin.NewTopic(name, partitions, (short) 1).configs(java.util.Map.of("max.message.bytes", "33554432"));
    }
}
