package org.emrqc.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker in this JVM (Kafka's own test kit, wrapped here because it is internal API),
 * configured for exactly-once on one broker.
 */
final class LocalKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    LocalKafka() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrap() { return cluster.bootstrapServers(); }

    void createTopics(List<String> names, int partitions) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1).configs(Map.of("max.message.bytes", "16777216"))).toList()).all().get();
        }
    }

    @Override
    public void close() throws Exception { cluster.close(); }
}
