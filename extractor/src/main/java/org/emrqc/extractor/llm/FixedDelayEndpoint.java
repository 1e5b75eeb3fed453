package org.emrqc.extractor.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for an LLM server, for benchmarks and tests of the pipeline's structuring stage: an
 * OpenAI-compatible {@code POST /v1/chat/completions} on 127.0.0.1 that answers every call after a fixed delay
 * with a valid, empty extraction ({@code {"mentions": []}}), and serves any number of calls at once — so the
 * throughput measured is the caller's concurrency, not the server's. Counts calls and the most seen in flight.
 */
public final class FixedDelayEndpoint implements AutoCloseable {
    private static final byte[] ANSWER = ("{\"id\":\"chatcmpl-fixed\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"fixed-delay\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"mentions\\\": []}\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fixed-delay-endpoint");
        t.setDaemon(true);
        return t;
    });
    private final long delayMillis;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public FixedDelayEndpoint(Duration delay) throws IOException {
        this.delayMillis = delay.toMillis();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL to give the extractor: http://127.0.0.1:PORT/v1. */
    public String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    public long calls() { return calls.get(); }

    public int maxInFlight() { return maxInFlight.get(); }

    public void resetCounters() {
        calls.set(0);
        maxInFlight.set(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            if (!"POST".equals(ex.getRequestMethod()) || !ex.getRequestURI().getPath().endsWith("/chat/completions")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            calls.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(ANSWER);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
