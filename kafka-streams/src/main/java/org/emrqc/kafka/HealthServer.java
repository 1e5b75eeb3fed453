package org.emrqc.kafka;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A small HTTP endpoint for orchestrators: /live (the process answers), /ready (200 only while the Streams
 * client is RUNNING, else 503 with its state), /metrics (Prometheus text).
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    public HealthServer(String host, int port, Supplier<Boolean> ready, Supplier<String> state, Supplier<String> metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/live", e -> respond(e, 200, "alive\n", "text/plain"));
        server.createContext("/ready", e -> {
            boolean ok = ready.get();
            respond(e, ok ? 200 : 503, state.get() + "\n", "text/plain");
        });
        server.createContext("/metrics", e -> respond(e, 200, metrics.get(), "text/plain; version=0.0.4"));
        server.start();
    }

    public int port() { return server.getAddress().getPort(); }

    private static void respond(HttpExchange e, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, b.length);
        try (OutputStream os = e.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public void close() { server.stop(0); }
}
