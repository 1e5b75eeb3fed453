package org.emrqc.cli;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.emrqc.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Runs a local single-node Kafka broker (KRaft, from the Maven Central jars; no Docker) on 127.0.0.1 in the foreground, for development, demos and tests. Formats DIR on first use, creates the emrqc topics, and stops on Ctrl-C or SIGTERM.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port; the controller uses the next one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder for the broker's logs and metadata.")
    Path data;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of the emrqc topics. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Override
    public Integer call() throws Exception {
        if (port <= 0 || port >= 65535) throw new UserError("--port must be between 1 and 65534");
        Files.createDirectories(data);
        Path props = data.resolve("server.properties");
        Files.writeString(props, org.emrqc.kafka.LocalBrokerConfig.properties(port, data.resolve("logs")), StandardCharsets.UTF_8);
        if (!Files.exists(data.resolve("logs").resolve("meta.properties"))) {
            int rc = kafka.tools.StorageTool$.MODULE$.execute(new String[]{"format", "--standalone", "-t", Uuid.randomUuid().toString(),
                    "-c", props.toString()}, System.err);
            if (rc != 0) throw new UserError("--data " + data + ": cannot format the broker's storage (exit " + rc + ")");
        }
        Thread topics = new Thread(this::createTopicsWhenUp, "emrqc-broker-topics");
        topics.setDaemon(true);
        topics.start();
        System.err.println("emrqc broker: 127.0.0.1:" + port + " (KRaft, data " + data + ")");
        kafka.Kafka.main(new String[]{props.toString()});
        return 0;
    }

    private void createTopicsWhenUp() {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", "127.0.0.1:" + port);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> org.emrqc.kafka.LocalBrokerConfig.topic(t, partitions)).toList();
            if (!missing.isEmpty()) admin.createTopics(missing).all().get();
            System.err.println("emrqc broker: ready; topics " + Topics.ALL);
        } catch (Exception e) {
            System.err.println("emrqc broker: cannot create topics: " + e.getMessage());
        }
    }
}
