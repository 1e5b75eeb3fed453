package org.emrqc.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.emrqc.console.config.LogFormat;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.junit.jupiter.api.Test;

/** emrqc.console.log-format=json: the console's log handlers write one JSON object per line. */
@QuarkusTest
@TestProfile(JsonLogFormatTest.Json.class)
class JsonLogFormatTest {
    public static class Json implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() { return Map.of("emrqc.console.log-format", "json"); }

        @Override
        public List<TestResourceEntry> testResources() { return List.of(new TestResourceEntry(PostgresTestDatabase.class)); }
    }

    @Test
    void everyHandlerFormatsJsonLines() throws Exception {
        List<Handler> handlers = LogFormat.handlers();
        assertTrue(handlers.stream().anyMatch(h -> h.getFormatter() instanceof JsonFormatter), "a JSON handler among " + handlers);
        Handler h = handlers.stream().filter(x -> x.getFormatter() instanceof JsonFormatter).findFirst().orElseThrow();
        LogRecord r = new LogRecord(org.jboss.logmanager.Level.WARN, "findings message emrqc.findings.v1/0/7 skipped");
        r.setLoggerName("org.emrqc.console.ingest.FindingsConsumer");
        String line = h.getFormatter().format(r);
        assertEquals(1, line.strip().lines().count(), "one line: " + line);
        JsonNode n = new ObjectMapper().readTree(line);
        assertEquals("WARN", n.path("level").asText());
        assertEquals("org.emrqc.console.ingest.FindingsConsumer", n.path("loggerName").asText());
        assertEquals("findings message emrqc.findings.v1/0/7 skipped", n.path("message").asText());
    }
}
