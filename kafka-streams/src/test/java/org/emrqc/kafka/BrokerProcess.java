package org.emrqc.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft broker in its own JVM (Kafka's server from the Maven jars), that tests can kill and restart. */
final class BrokerProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    BrokerProcess(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        Files.writeString(dir.resolve("server.properties"), LocalBrokerConfig.properties(port, dir.resolve("logs")));
        int rc = kafka.tools.StorageTool$.MODULE$.execute(new String[]{"format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString()}, System.err);
        if (rc != 0) throw new IOException("cannot format broker storage: " + rc);
    }

    private static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            try (ServerSocket s2 = new ServerSocket(p + 1)) {
                return p;
            } catch (IOException taken) {
                // the controller port next to it is taken: try another
            }
        }
        throw new IOException("no free pair of ports");
    }

    String bootstrap() { return "127.0.0.1:" + port; }

    void start() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", cp,
                "kafka.Kafka", dir.resolve("server.properties").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()));
        process = pb.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IOException("broker did not start; see " + dir.resolve("broker.log"));
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
