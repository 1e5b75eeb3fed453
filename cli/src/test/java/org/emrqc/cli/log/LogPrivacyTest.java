package org.emrqc.cli.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.llm.LlmConfig;
import org.emrqc.extractor.llm.LlmExtractor;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.PipelineMetrics;
import org.emrqc.kafka.QcTopology;
import org.emrqc.kafka.Topics;
import org.emrqc.rules.pack.PackLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Records with a distinctive patient name, identifiers and narrative go through the pipeline (with an LLM
 * endpoint that rejects every request and echoes it back, as validation errors of some servers do) while
 * every logger writes JSON at DEBUG: every line is one JSON object, the lines about a message carry its
 * position, and none of the patient's data appears.
 */
class LogPrivacyTest {
    static final String NAME = "Ouyang Zhiqiangtest", NAME_ZH = "欧阳测试者", MRN = "MRN77441DISTINCT", ID_NUMBER = "440106199001017777";
    static final String PATIENT_ID = "pt-secret-8812", DOC_ID = "doc-secret-5531", PHRASE = "purple elephant cough";

    static byte[] record(String birthDate) {
        String note = "姓名：" + NAME_ZH + "  病案号：" + MRN + "\n主诉：" + PHRASE + "，发热3天。\n现病史：患者" + NAME + "三天前受凉后出现发热，最高体温38.5℃。\n";
        String data = Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8));
        String json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"" + PATIENT_ID + "\",\"name\":[{\"text\":\"" + NAME + "\"},{\"text\":\"" + NAME_ZH + "\"}],"
                + "\"identifier\":[{\"system\":\"urn:mrn\",\"value\":\"" + MRN + "\"},{\"system\":\"urn:oid:2.16.156.10011.1.1\",\"value\":\"" + ID_NUMBER + "\"}],"
                + "\"gender\":\"female\",\"birthDate\":\"" + birthDate + "\"}},"
                + "{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"enc-secret-1\",\"status\":\"in-progress\","
                + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\"},"
                + "\"subject\":{\"reference\":\"Patient/" + PATIENT_ID + "\"},\"period\":{\"start\":\"2026-11-01T08:00:00+08:00\"}}},"
                + "{\"resource\":{\"resourceType\":\"DocumentReference\",\"id\":\"" + DOC_ID + "\",\"status\":\"current\","
                + "\"subject\":{\"reference\":\"Patient/" + PATIENT_ID + "\"},\"date\":\"2026-11-01T12:00:00+08:00\","
                + "\"content\":[{\"attachment\":{\"contentType\":\"text/plain; charset=utf-8\",\"title\":\"入院记录\",\"data\":\"" + data + "\"}}]}}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void noPatientDataInTheLogs() throws Exception {
        // an endpoint answering 400 with the request in the body (pydantic-style "input" echo)
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", e -> {
            byte[] req = e.getRequestBody().readAllBytes();
            byte[] body = ("{\"detail\":[{\"type\":\"value_error\",\"msg\":\"bad request\",\"input\":" + new String(req, StandardCharsets.UTF_8) + "}]}")
                    .getBytes(StandardCharsets.UTF_8);
            e.getResponseHeaders().set("Content-Type", "application/json");
            e.sendResponseHeaders(400, body.length);
            e.getResponseBody().write(body);
            e.close();
        });
        server.start();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LogFormat.Format format = LogFormat.format();
        try {
            LogFormat.format(LogFormat.Format.JSON);
            LogFormat.level("", Level.DEBUG);
            LogFormat.level("org.drools", Level.DEBUG);
            LogFormat.level("org.kie", Level.DEBUG);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LlmExtractor llm = new LlmExtractor(LlmConfig.defaults("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "echo")
                    .withRetries(0, Duration.ZERO).withPseudonymize(false).withCache(0, null), new OfflineExtractor(), null);
            NarrativeStage stage = new NarrativeStage(llm, TsvTerminology.shipped());
            CheckerRegistry checkers = new CheckerRegistry(PackLoader.loadBundled(), stage::apply, ZoneOffset.UTC, 1024 * 1024);
            PipelineMetrics metrics = new PipelineMetrics();
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "log-privacy");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            try (TopologyTestDriver driver = new TopologyTestDriver(QcTopology.build(checkers, "CN", metrics), p)) {
                TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.RECORDS, new ByteArraySerializer(), new ByteArraySerializer());
                byte[] key = PATIENT_ID.getBytes(StandardCharsets.UTF_8);
                in.pipeInput(key, record("1990-01-01"));                      // good: findings, LLM rejected → degraded
                in.pipeInput(key, record("born " + NAME + " " + MRN));        // an invalid value quoting the patient: dead letter
                in.pipeInput(key, ("{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"" + NAME + "\"}]").getBytes(StandardCharsets.UTF_8)); // truncated JSON
            }
            LoggerFactory.getLogger("org.emrqc.test").atInfo().addKeyValue("case", "end").log("done");
            assertEquals(3, metrics.recordsIn());
            assertEquals(1, metrics.findingsOut());
            assertEquals(1, llm.metrics().degradedDocuments());
        } finally {
            System.setErr(err);
            LogFormat.format(format);
            LogFormat.level("", Level.WARN);
            LogFormat.level("org.drools", Level.ERROR);
            LogFormat.level("org.kie", Level.ERROR);
            server.stop(0);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = log.lines().toList();
        JsonNode llmLine = null;
        for (String line : lines) {
            JsonNode n = json.readTree(line); // every line one JSON object
            assertTrue(n.isObject() && n.has("time") && n.has("level") && n.has("logger") && n.has("message"), line);
            if (n.path("logger").asText().endsWith("LlmExtractor") && n.path("level").asText().equals("WARN")) llmLine = n;
        }
        assertTrue(llmLine != null, "the LLM fallback is logged:\n" + log);
        assertEquals(Topics.RECORDS, llmLine.path("topic").asText(), llmLine.toString());
        assertEquals("0", llmLine.path("offset").asText(), llmLine.toString());
        assertEquals("check", llmLine.path("stage").asText(), llmLine.toString());
        assertTrue(llmLine.path("message").asText().contains("HTTP 400"), llmLine.toString());
        String data = Base64.getEncoder().encodeToString("主诉".getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(NAME, "Zhiqiangtest", NAME_ZH, MRN, ID_NUMBER, PATIENT_ID, DOC_ID, PHRASE, "发热3天", data.substring(0, 8))) {
            assertFalse(log.contains(secret), "'" + secret + "' in the log:\n" + log);
        }
    }

    @Test
    void jsonLinesEscapeAndCarryFields() throws Exception {
        String line = new EmrqcLogger("org.emrqc.x").json(Level.INFO, "a \"quoted\"\nline\t\u0001",
                List.of(new org.slf4j.event.KeyValuePair("stage", "rules")), new IllegalStateException("boom"));
        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, line);
        JsonNode n = new ObjectMapper().readTree(line);
        assertEquals("INFO", n.path("level").asText());
        assertEquals("org.emrqc.x", n.path("logger").asText());
        assertEquals("a \"quoted\"\nline\t\u0001", n.path("message").asText());
        assertEquals("rules", n.path("stage").asText());
        assertEquals("java.lang.IllegalStateException", n.path("error").asText());
        assertTrue(n.path("stack").asText().contains("boom"));
        assertEquals(LogFormat.Format.JSON, LogFormat.parse("JSON"));
    }
}
