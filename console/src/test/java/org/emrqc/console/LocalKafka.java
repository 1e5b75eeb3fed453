package org.emrqc.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.emrqc.kafka.Topics;

/**
 * A real single-node KRaft broker in the test JVM (Kafka's own test kit, internal API, wrapped here) with the
 * pipeline's topics; hands its address to the console as emrqc.console.kafka.bootstrap.
 */
public class LocalKafka implements QuarkusTestResourceLifecycleManager {
    static volatile String bootstrap;
    private KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            bootstrap = cluster.bootstrapServers();
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrap);
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic(Topics.RECORDS, 1, (short) 1), new NewTopic(Topics.FINDINGS, 1, (short) 1),
                        // the control topic as deployed: compacted, with room for pack archives over 1 MB (the core pack's fixtures)
                        org.emrqc.kafka.LocalBrokerConfig.topic(Topics.PACKS, 1))).all().get();
            }
            return Map.of("emrqc.console.kafka.bootstrap", bootstrap);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka broker: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        try {
            if (cluster != null) cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
