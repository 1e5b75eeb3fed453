package org.emrqc.extractor.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.emrqc.extractor.Extraction;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.NarrativeExtractor;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM backend against an in-process OpenAI-compatible stub (WireMock): no network, short timeouts. */
class LlmExtractorTest {
    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    static final String ZH = "主诉：发热、咳嗽3天。\n现病史：患者3天前受凉后出现发热，体温最高38.9℃，伴咳嗽，无胸痛。\n"
            + "既往史：高血压病史5年，口服阿司匹林100mg 每日一次。否认药物过敏史。";
    static final String EN = "Chief complaint: chest pain for 2 days.\nHPI: 62-year-old woman with chest pain radiating to the "
            + "left arm. Denies fever. History of hypertension. Takes metformin 500 mg PO BID. BP 150/90 mmHg.";

    static final Coding FEVER = new Coding(CodeSystems.SNOMED, "386661006", "Fever");
    static final Coding COUGH = new Coding(CodeSystems.SNOMED, "49727002", "Cough");
    static final Coding HTN_CN = new Coding(CodeSystems.ICD10_CN, "I10.x00", "高血压");
    static final Coding ASPIRIN = new Coding(CodeSystems.RXNORM, "1191", "aspirin");
    static final Coding CHEST_PAIN = new Coding(CodeSystems.SNOMED, "29857009", "Chest pain");
    static final Coding HTN = new Coding(CodeSystems.ICD10_CM, "I10", "Essential (primary) hypertension");
    static final Coding METFORMIN = new Coding(CodeSystems.RXNORM, "6809", "metformin");

    static final Terminology TERMS = new DictionaryTerminology(List.of(
            new Concept("发热", "symptom", List.of(FEVER), "test", null, Map.of()),
            new Concept("咳嗽", "symptom", List.of(COUGH), "test", null, Map.of()),
            new Concept("高血压", "diagnosis", List.of(HTN_CN), "test", null, Map.of()),
            new Concept("阿司匹林", "medication", List.of(ASPIRIN), "test", null, Map.of()),
            new Concept("chest pain", "symptom", List.of(CHEST_PAIN), "test", null, Map.of()),
            new Concept("fever", "symptom", List.of(FEVER), "test", null, Map.of()),
            new Concept("Hypertension (disorder)", "diagnosis", List.of(HTN), "test", null, Map.of()),
            new Concept("metformin", "medication", List.of(METFORMIN), "test", null, Map.of())));

    /** Stands in for the offline extractor: one symptom mention on the first 发热/fever. */
    static final class FakeOffline implements NarrativeExtractor {
        final AtomicInteger calls = new AtomicInteger();

        @Override public String name() { return "offline"; }

        @Override public Extraction extract(NarrativeDocument d, Terminology t) {
            calls.incrementAndGet();
            List<MentionFact> out = new ArrayList<>();
            for (String w : List.of("发热", "fever")) {
                int i = d.text().indexOf(w);
                if (i >= 0) out.add(new MentionFact(d.resourceType(), d.id(), "symptom", w, i, i + w.length()));
            }
            return new Extraction(List.of(), out, 0, "offline", false);
        }
    }

    FakeOffline offline;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(16));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() throws InterruptedException {
        // a call still in flight from the previous test (a retry, a thread of the concurrency test) must not land in
        // this test's request log: wait until the stub has been quiet for 150 ms (at most 3 s), then reset it
        int seen = -1;
        long until = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < until) {
            int now = server.getAllServeEvents().size();
            if (now == seen) break;
            seen = now;
            Thread.sleep(150);
        }
        server.resetAll();
        offline = new FakeOffline();
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    static LlmConfig config() {
        return LlmConfig.defaults(server.baseUrl() + "/v1", "qwen2.5-7b-instruct")
                .withTimeout(Duration.ofSeconds(5))
                .withRetries(2, Duration.ofMillis(5))
                .withBreaker(5, Duration.ofSeconds(30));
    }

    LlmExtractor extractor(LlmConfig c) {
        return new LlmExtractor(c, offline, null);
    }

    static NarrativeDocument zh(String text) {
        return new NarrativeDocument("DocumentReference", "adm-1", "p1", "e1", "zh", text);
    }

    static NarrativeDocument en(String text) {
        return new NarrativeDocument("DocumentReference", "hp-1", "p2", "e2", "en", text);
    }

    /** The three sections of {@link #ZH}, as a section detector would give them (content offsets). */
    static List<SectionFact> zhSections(NarrativeDocument d) {
        String t = d.text();
        List<SectionFact> out = new ArrayList<>();
        String[][] heads = {{"主诉", "chief-complaint"}, {"现病史", "hpi"}, {"既往史", "past-history"}};
        for (int i = 0; i < heads.length; i++) {
            int h = t.indexOf(heads[i][0] + "：");
            int s = h + heads[i][0].length() + 1;
            int e = i + 1 < heads.length ? t.lastIndexOf('\n', t.indexOf(heads[i + 1][0] + "：")) : t.length();
            out.add(new SectionFact(d.resourceType(), d.id(), heads[i][0], heads[i][1], s, e, t.substring(s, e), false, false));
        }
        return out;
    }

    /** An OpenAI chat completion whose message content is {@code content}. */
    static ResponseDefinitionBuilder completion(String content) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1767225600).put("model", "qwen2.5-7b-instruct");
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        r.putObject("usage").put("prompt_tokens", 1200).put("completion_tokens", 150).put("total_tokens", 1350);
        return okJson(r.toString());
    }

    /** {"mentions":[...]} from alternating keys and values per mention. */
    static String mentions(Object[]... ms) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("mentions");
        for (Object[] m : ms) {
            ObjectNode o = arr.addObject();
            for (int i = 0; i < m.length; i += 2) o.set((String) m[i], JSON.valueToTree(m[i + 1]));
        }
        return root.toString();
    }

    static Object[] m(Object... kv) { return kv; }

    static RequestPatternBuilder calls() { return postRequestedFor(urlEqualTo(PATH)); }

    static void assertFact(MentionFact f, String kind, String text, int start, int end) {
        assertEquals(kind, f.getKind(), f.toString());
        assertEquals(text, f.getText(), f.toString());
        assertEquals(start, f.getStart(), f.toString());
        assertEquals(end, f.getEnd(), f.toString());
    }

    static void assertGrounded(String text, Extraction x) {
        for (MentionFact f : x.mentions()) assertEquals(f.getText(), text.substring(f.getStart(), f.getEnd()), f.toString());
    }

    static String onlyRequestBody() {
        assertEquals(1, server.getAllServeEvents().size());
        return server.getAllServeEvents().get(0).getRequest().getBodyAsString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // happy paths

    @Test
    void chineseDocumentBySectionGivesExactFactsWithCodesFromCandidates() throws Exception {
        server.stubFor(post(PATH).withRequestBody(containing("发热、咳嗽3天")).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "发热", "start", 0, "duration", "3天", "candidate", 0),
                m("kind", "symptom", "quote", "咳嗽", "start", 3, "duration", "3天", "candidate", 1)))));
        server.stubFor(post(PATH).withRequestBody(containing("体温最高38.9")).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "发热", "start", 10, "candidate", 0),
                m("kind", "vital", "quote", "体温最高38.9℃", "start", 13, "value", 38.9, "unit", "℃"),
                m("kind", "symptom", "quote", "咳嗽", "start", 24, "candidate", 1),
                m("kind", "symptom", "quote", "胸痛", "start", 28, "negated", true)))));
        server.stubFor(post(PATH).withRequestBody(containing("阿司匹林100mg")).willReturn(completion(mentions(
                m("kind", "diagnosis", "quote", "高血压", "start", 0, "historical", true, "duration", "5年", "candidate", 0),
                m("kind", "medication", "quote", "阿司匹林", "start", 10, "dose", "100mg", "route", "口服", "frequency", "每日一次", "candidate", 1),
                m("kind", "allergy-denial", "quote", "否认药物过敏史", "start", 25)))));

        LlmExtractor x = new LlmExtractor(config(), offline, LlmExtractorTest::zhSections);
        Extraction r = x.extract(zh(ZH), TERMS);

        assertFalse(r.degraded());
        assertEquals("llm/extract-v1", r.backend());
        assertEquals("llm/extract-v1 model=qwen2.5-7b-instruct", x.provenance());
        assertEquals(0, r.ungrounded());
        assertEquals(3, r.sections().size());
        // the chief complaint's duration, read by the same pattern code as the offline backend
        List<MentionFact> st = r.mentions().stream().filter(m -> "statement".equals(m.getKind())).toList();
        assertEquals(1, st.size(), st.toString());
        assertFact(st.get(0), "statement", "3天", 8, 10);
        assertEquals("complaint-duration", st.get(0).getAttribute());
        assertEquals("3", st.get(0).getNormalized());
        List<MentionFact> f = r.mentions().stream().filter(m -> !"statement".equals(m.getKind())).toList();
        assertEquals(9, f.size(), f.toString());
        assertFact(f.get(0), "symptom", "发热", 3, 5);
        assertFact(f.get(1), "symptom", "咳嗽", 6, 8);
        assertFact(f.get(2), "symptom", "发热", 26, 28);
        assertFact(f.get(3), "vital", "体温最高38.9℃", 29, 38);
        assertFact(f.get(4), "symptom", "咳嗽", 40, 42);
        assertFact(f.get(5), "symptom", "胸痛", 44, 46);
        assertFact(f.get(6), "diagnosis", "高血压", 52, 55);
        assertFact(f.get(7), "medication", "阿司匹林", 62, 66);
        assertFact(f.get(8), "allergy-denial", "否认药物过敏史", 77, 84);
        assertGrounded(ZH, r);

        assertEquals("chief-complaint", f.get(0).getSection());
        assertEquals("3天", f.get(0).getDuration());
        assertEquals(3.0, f.get(0).getDurationDays());
        assertEquals(List.of(FEVER), f.get(0).getCodes());
        assertEquals(List.of(COUGH), f.get(1).getCodes());
        assertEquals("hpi", f.get(2).getSection());
        assertEquals(List.of(FEVER), f.get(2).getCodes());
        assertEquals(38.9, f.get(3).getValue());
        assertEquals("℃", f.get(3).getUnit());
        assertTrue(f.get(3).getCodes().isEmpty());
        assertTrue(f.get(5).isNegated());
        assertFalse(f.get(5).isAffirmed());
        // time frames by the same pattern code as the offline backend: 3天前 anchors the history of present illness
        assertNull(f.get(0).getTimeFrame(), "a chief complaint's duration is no time frame");
        for (int i = 2; i <= 5; i++) {
            if (i == 3) continue;
            assertEquals("ago:P3D", f.get(i).getTimeFrame(), f.get(i).toString());
            assertEquals("3天前", f.get(i).getTimeFrameText());
        }
        for (MentionFact m : f) assertFalse(m.isHypothetical(), m.toString());
        assertTrue(f.get(5).getCodes().isEmpty());
        assertEquals("past-history", f.get(6).getSection());
        assertTrue(f.get(6).isHistorical());
        assertEquals(5 * 365.0, f.get(6).getDurationDays());
        assertEquals(List.of(HTN_CN), f.get(6).getCodes());
        assertEquals("100mg", f.get(7).getDose());
        assertEquals("口服", f.get(7).getRoute());
        assertEquals("每日一次", f.get(7).getFrequency());
        assertEquals(List.of(ASPIRIN), f.get(7).getCodes());
        for (MentionFact m : f) {
            assertEquals("DocumentReference/adm-1", m.getRef());
            assertEquals("p1", m.getPatientId());
            assertEquals("e1", m.getEncounterId());
            assertEquals("llm/extract-v1", m.getBackend());
            assertFalse(m.isDegraded());
        }

        server.verify(3, calls());
        LlmMetrics mt = x.metrics();
        assertEquals(3, mt.calls());
        assertEquals(0, mt.retries());
        assertEquals(3 * 1200, mt.promptTokens());
        assertEquals(3 * 150, mt.completionTokens());
        assertEquals(9, mt.mentions());
        assertEquals(0, offline.calls.get());

        // what went over the wire: the model, temperature 0, the JSON schema, the Chinese prompt, numbered candidates
        JsonNode body = JSON.readTree(server.findAll(calls().withRequestBody(containing("阿司匹林100mg"))).get(0).getBodyAsString());
        assertEquals("qwen2.5-7b-instruct", body.get("model").asText());
        assertEquals(0.0, body.get("temperature").asDouble());
        assertEquals("json_schema", body.at("/response_format/type").asText());
        assertTrue(body.at("/response_format/json_schema/schema/properties/mentions").isObject());
        JsonNode messages = body.get("messages");
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals(6, messages.size()); // system, 2 few-shot pairs, user
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertTrue(user.contains("章节：既往史"), user);
        assertTrue(user.contains("0. 高血压 [diagnosis]\n1. 阿司匹林 [medication]"), user);
        assertTrue(user.contains("<<<\n高血压病史5年，口服阿司匹林100mg 每日一次。否认药物过敏史。\n>>>"), user);
    }

    @Test
    void englishDocumentByParagraphs() {
        server.stubFor(post(PATH).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "chest pain", "start", 17, "duration", "2 days", "candidate", 0),
                m("kind", "symptom", "quote", "chest pain", "start", 68, "candidate", 0),
                m("kind", "anatomy", "quote", "left arm", "start", 96, "laterality", "left"),
                m("kind", "symptom", "quote", "fever", "start", 113, "negated", true, "candidate", 1),
                m("kind", "diagnosis", "quote", "hypertension", "start", 131, "historical", true, "candidate", 2),
                m("kind", "medication", "quote", "metformin", "start", 151, "dose", "500 mg", "route", "PO", "frequency", "BID", "candidate", 3),
                m("kind", "vital", "quote", "BP 150/90 mmHg", "start", 176, "unit", "mmHg")))));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(en(EN), TERMS);

        assertFalse(r.degraded());
        List<MentionFact> f = r.mentions();
        assertEquals(8, f.size(), f.toString());
        assertFact(f.get(0), "symptom", "chest pain", 17, 27);
        assertFact(f.get(1), "symptom", "chest pain", 68, 78);
        assertFact(f.get(2), "anatomy", "left arm", 96, 104);
        assertFact(f.get(3), "symptom", "fever", 113, 118);
        assertFact(f.get(4), "diagnosis", "hypertension", 131, 143);
        assertFact(f.get(5), "medication", "metformin", 151, 160);
        // the model's "BP 150/90 mmHg" becomes one coded fact per value, as the offline extractor gives them
        assertFact(f.get(6), "vital", "150", 179, 182);
        assertFact(f.get(7), "vital", "90", 183, 185);
        assertGrounded(EN, r);
        assertEquals(2.0, f.get(0).getDurationDays());
        assertEquals(List.of(CHEST_PAIN), f.get(0).getCodes());
        assertEquals(List.of(CHEST_PAIN), f.get(1).getCodes());
        assertEquals("left", f.get(2).getLaterality());
        assertTrue(f.get(3).isNegated());
        assertEquals(List.of(FEVER), f.get(3).getCodes());
        assertEquals(List.of(HTN), f.get(4).getCodes());
        assertEquals(List.of(METFORMIN), f.get(5).getCodes());
        assertEquals("BID", f.get(5).getFrequency());
        assertEquals("8480-6", f.get(6).getLoinc());
        assertEquals(150.0, f.get(6).getValue());
        assertEquals("mm[Hg]", f.get(6).getUnit());
        assertEquals("8462-4", f.get(7).getLoinc());
        assertEquals(90.0, f.get(7).getValue());
        assertEquals("llm/extract-v1", f.get(7).getBackend());
        assertEquals("e2", f.get(7).getEncounterId());
        assertNull(f.get(0).getSection());

        String user = onlyRequestBody();
        assertTrue(user.contains("0. chest pain [symptom]\\n1. fever [symptom]\\n2. Hypertension (disorder) [diagnosis]\\n3. metformin [medication]"), user);
        assertTrue(user.contains("You extract clinical mentions"), user);
        assertFalse(user.contains("Authorization"));
        assertFalse(server.getAllServeEvents().get(0).getRequest().containsHeader("Authorization"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // resilience

    @Test
    void timeoutThenSuccessIsRetried() {
        server.stubFor(post(PATH).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(completion(mentions()).withFixedDelay(1500)).willSetStateTo("fast"));
        server.stubFor(post(PATH).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(completion(mentions(m("kind", "symptom", "quote", "fever", "candidate", 1)))));

        LlmExtractor x = extractor(config().withTimeout(Duration.ofMillis(300)));
        Extraction r = x.extract(en(EN), TERMS);

        assertFalse(r.degraded());
        assertEquals(1, r.mentions().size());
        assertFact(r.mentions().get(0), "symptom", "fever", 113, 118);
        assertEquals(2, x.metrics().calls());
        assertEquals(1, x.metrics().retries());
        assertEquals(1, x.metrics().failures());
        server.verify(2, calls());
    }

    @Test
    void rateLimitThenSuccessIsRetried() {
        server.stubFor(post(PATH).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")).willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(completion(mentions(m("kind", "diagnosis", "quote", "hypertension", "historical", true)))));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(en(EN), TERMS);

        assertFalse(r.degraded());
        assertFact(r.mentions().get(0), "diagnosis", "hypertension", 131, 143);
        assertEquals(1, x.metrics().retries());
        assertEquals(2, x.metrics().calls());
        server.verify(2, calls());
    }

    @Test
    void persistentServerErrorFallsBackAndMarksFactsDegraded() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"CUDA out of memory\"}}")));

        LlmExtractor x = extractor(config().withRetries(2, Duration.ofMillis(5)));
        Extraction r = x.extract(zh(ZH), TERMS);

        assertTrue(r.degraded());
        assertEquals("offline", r.backend());
        assertEquals(1, offline.calls.get());
        assertEquals(1, r.mentions().size());
        MentionFact f = r.mentions().get(0);
        assertFact(f, "symptom", "发热", 3, 5);
        assertTrue(f.isDegraded());
        assertEquals("offline", f.getBackend());
        server.verify(3, calls()); // first try + 2 retries
        assertEquals(2, x.metrics().retries());
        assertEquals(3, x.metrics().failures());
        assertEquals(1, x.metrics().degradedDocuments());
    }

    @Test
    void invalidJsonIsRetried() {
        server.stubFor(post(PATH).inScenario("json").whenScenarioStateIs(STARTED)
                .willReturn(completion("好的，以下是抽取结果：{\"mentions\": [{\"kind\": \"symptom\", \"quote\": \"发热\"")).willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("json").whenScenarioStateIs("ok")
                .willReturn(completion("```json\n" + mentions(m("kind", "symptom", "quote", "发热", "start", 3, "candidate", 0)) + "\n```")));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(zh(ZH), TERMS);

        assertFalse(r.degraded());
        assertEquals(1, r.mentions().size());
        assertFact(r.mentions().get(0), "symptom", "发热", 3, 5);
        assertEquals(List.of(FEVER), r.mentions().get(0).getCodes());
        assertEquals(1, x.metrics().retries());
        assertEquals(1, x.metrics().invalidResponses());
    }

    @Test
    void schemaViolationsAreRetriedThenFallBack() {
        server.stubFor(post(PATH).inScenario("schema").whenScenarioStateIs(STARTED)
                .willReturn(completion("{\"entities\":[{\"type\":\"symptom\",\"text\":\"发热\"}]}")).willSetStateTo("2"));
        server.stubFor(post(PATH).inScenario("schema").whenScenarioStateIs("2")
                .willReturn(completion(mentions(m("kind", "disease", "quote", "高血压")))).willSetStateTo("3"));
        server.stubFor(post(PATH).inScenario("schema").whenScenarioStateIs("3")
                .willReturn(completion(mentions(m("kind", "diagnosis", "quote", "高血压", "historical", true, "candidate", 2)))));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(zh(ZH), TERMS);
        assertFalse(r.degraded());
        assertFact(r.mentions().get(0), "diagnosis", "高血压", 52, 55);
        assertEquals(List.of(HTN_CN), r.mentions().get(0).getCodes());
        assertEquals(2, x.metrics().retries());
        assertEquals(2, x.metrics().invalidResponses());

        // always violating: after the retries, the fallback
        server.resetAll();
        server.stubFor(post(PATH).willReturn(completion("{\"mentions\":[{\"kind\":\"symptom\"}]}")));
        LlmExtractor y = extractor(config().withRetries(1, Duration.ofMillis(5)));
        Extraction d = y.extract(zh(ZH), TERMS);
        assertTrue(d.degraded());
        assertTrue(d.mentions().get(0).isDegraded());
        server.verify(2, calls());
    }

    @Test
    void hallucinatedQuoteIsDroppedAndCounted() {
        server.stubFor(post(PATH).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "发热", "start", 3, "candidate", 0),
                m("kind", "diagnosis", "quote", "社区获得性肺炎", "start", 20, "uncertain", true),
                m("kind", "diagnosis", "quote", "高血压", "start", 52, "candidate", 2)))));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(zh(ZH), TERMS);

        assertEquals(1, r.ungrounded());
        assertEquals(1, x.metrics().ungrounded());
        assertEquals(2, r.mentions().size());
        assertFact(r.mentions().get(0), "symptom", "发热", 3, 5);
        assertFact(r.mentions().get(1), "diagnosis", "高血压", 52, 55);
        assertGrounded(ZH, r);
    }

    @Test
    void wrongOffsetsAreRelocated() {
        String text = "Chest  pain on admission. Fever since Monday; fever again today. Left knee pain.";
        server.stubFor(post(PATH).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "chest pain", "start", 40),                     // case and two spaces differ
                m("kind", "symptom", "quote", "fever", "start", 0, "candidate", 0),          // only "fever" at 46 matches exactly
                m("kind", "symptom", "quote", "Fever", "start", 50),                          // nearest "Fever" is 26
                m("kind", "symptom", "quote", "knee pain", "start", 1000, "laterality", "left")))));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(en(text), TERMS);

        assertEquals(0, r.ungrounded());
        List<MentionFact> f = r.mentions();
        assertEquals(4, f.size(), f.toString());
        assertFact(f.get(0), "symptom", "Chest  pain", 0, 11);
        assertEquals(LlmExtractor.LOOSE_CONFIDENCE, f.get(0).getConfidence());
        assertFact(f.get(1), "symptom", "Fever", 26, 31);
        assertEquals(LlmExtractor.CONFIDENCE, f.get(1).getConfidence());
        assertFact(f.get(2), "symptom", "fever", 46, 51);
        assertEquals(List.of(FEVER), f.get(2).getCodes());
        assertFact(f.get(3), "symptom", "knee pain", 70, 79);
        assertEquals("left", f.get(3).getLaterality());
        assertGrounded(text, r);
    }

    @Test
    void repeatedQuoteWithoutOffsetsTakesEachOccurrence() {
        server.stubFor(post(PATH).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "chest pain"),
                m("kind", "symptom", "quote", "chest pain"),
                m("kind", "symptom", "quote", "chest pain")))));
        Extraction r = extractor(config()).extract(en(EN), TERMS);
        assertEquals(2, r.mentions().size(), r.mentions().toString()); // the third is a duplicate of an occurrence
        assertEquals(17, r.mentions().get(0).getStart());
        assertEquals(68, r.mentions().get(1).getStart());
    }

    @Test
    void codeIndexNotOfferedGivesNoCode() {
        server.stubFor(post(PATH).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "fever", "start", 113, "negated", true, "candidate", 7),
                m("kind", "diagnosis", "quote", "hypertension", "start", 131, "candidate", -1),
                m("kind", "medication", "quote", "metformin", "start", 151, "candidate", 3)))));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(en(EN), TERMS);

        assertEquals(3, r.mentions().size());
        assertTrue(r.mentions().get(0).getCodes().isEmpty());
        assertTrue(r.mentions().get(1).getCodes().isEmpty());
        assertEquals(List.of(METFORMIN), r.mentions().get(2).getCodes());
        assertEquals(1, x.metrics().codesDropped());
    }

    @Test
    void noCandidatesWithoutTerminologyMatches() {
        server.stubFor(post(PATH).willReturn(completion(mentions(m("kind", "symptom", "quote", "头晕", "candidate", 0)))));
        Extraction r = extractor(config()).extract(zh("患者头晕2天。"), TERMS);
        assertEquals(1, r.mentions().size());
        assertTrue(r.mentions().get(0).getCodes().isEmpty());
        assertTrue(onlyRequestBody().contains("候选术语（序号. 术语 [类型]）：\\n（无）"));
    }

    @Test
    void circuitBreakerOpensAfterConsecutiveFailuresAndRecovers() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withBody("overloaded")));
        LlmExtractor x = extractor(config().withRetries(0, Duration.ZERO).withBreaker(2, Duration.ofMillis(600)));

        assertTrue(x.extract(zh(ZH), TERMS).degraded());
        assertFalse(x.circuitOpen());
        assertTrue(x.extract(zh(ZH), TERMS).degraded());
        assertTrue(x.circuitOpen());
        for (int i = 0; i < 5; i++) {
            Extraction r = x.extract(zh(ZH), TERMS);
            assertTrue(r.degraded());
            assertTrue(r.mentions().get(0).isDegraded());
        }
        server.verify(2, calls()); // the last five went straight to the fallback
        assertEquals(7, offline.calls.get());
        assertEquals(5, x.metrics().breakerSkips());
        assertEquals(1, x.metrics().breakerOpened());

        // after the cool-down one probe goes through; success closes the breaker
        server.resetAll();
        server.stubFor(post(PATH).willReturn(completion(mentions(m("kind", "symptom", "quote", "发热", "start", 3)))));
        Thread.sleep(650);
        assertFalse(x.extract(zh(ZH), TERMS).degraded());
        assertFalse(x.circuitOpen());
        server.verify(1, calls());
    }

    @Test
    void rejectedRequestFallsBackWithoutRetryOrBreaker() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"This model's maximum context length is 4096 tokens\"}}")));
        LlmExtractor x = extractor(config().withBreaker(1, Duration.ofSeconds(30)));
        Extraction r = x.extract(zh(ZH), TERMS);
        assertTrue(r.degraded());
        assertFalse(x.circuitOpen());
        assertEquals(0, x.metrics().retries());
        assertEquals(1, x.metrics().failures());
        server.verify(1, calls());
    }

    @Test
    void jsonModeWhenTheServerRejectsTheSchema() {
        server.stubFor(post(PATH).withRequestBody(containing("\"json_schema\"")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"response_format type json_schema is not supported by this server\",\"code\":400}}")));
        server.stubFor(post(PATH).withRequestBody(containing("\"json_object\"")).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "fever", "negated", true)))));

        LlmExtractor x = extractor(config());
        Extraction r = x.extract(en(EN), TERMS);
        assertFalse(r.degraded());
        assertFact(r.mentions().get(0), "symptom", "fever", 113, 118);
        assertEquals(1, x.metrics().jsonModeFallbacks());
        assertEquals(0, x.metrics().retries());
        server.verify(2, calls());

        x.extract(en(EN.replace("Denies", "No")), TERMS);
        server.verify(3, calls());
        server.verify(1, calls().withRequestBody(containing("\"json_schema\"")));
    }

    // ---------------------------------------------------------------------------------------------------------
    // cache

    @Test
    void identicalChunksAreAnsweredFromTheCache(@TempDir Path dir) {
        server.stubFor(post(PATH).willReturn(completion(mentions(m("kind", "symptom", "quote", "fever", "start", 113, "negated", true)))));
        LlmExtractor x = extractor(config().withCache(100, dir));

        Extraction a = x.extract(en(EN), TERMS);
        Extraction b = x.extract(new NarrativeDocument("DocumentReference", "hp-2", "p3", null, "en", EN), TERMS);
        server.verify(1, calls());
        assertEquals(1, x.metrics().cacheHits());
        assertEquals(a.mentions().toString().replace("hp-1", "hp-2"), b.mentions().toString());
        assertEquals("DocumentReference/hp-2", b.mentions().get(0).getRef());

        // a new extractor on the same directory: still no call
        LlmExtractor y = extractor(config().withCache(100, dir));
        assertEquals(1, y.extract(en(EN), TERMS).mentions().size());
        server.verify(1, calls());
        assertEquals(1, y.metrics().cacheHits());

        // another prompt version is another key
        LlmExtractor z = extractor(config().withCache(100, dir).withPromptVersion("extract-test"));
        assertEquals(1, z.extract(en(EN), TERMS).mentions().size());
        server.verify(2, calls());
        assertTrue(onlyLastBody().contains("Test prompt"));
    }

    @Test
    void unknownPromptVersionFailsAtConstruction() {
        try {
            extractor(config().withPromptVersion("extract-v0"));
            throw new AssertionError("expected IllegalArgumentException");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("extract-v0"), e.getMessage());
        }
    }

    static String onlyLastBody() {
        return server.getAllServeEvents().get(0).getRequest().getBodyAsString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // privacy

    @Test
    void pseudonymizedBeforeSendingAndRestoredInResults() throws Exception {
        String text = "姓名：张三  性别：男  住院号：823456\n"
                + "患者张三，男，45岁，身份证号110101198003071234，电话13812345678，住址：广东省广州市天河区天河路100号。"
                + "2025年3月1日行阑尾切除术，术后发热2天，张三自述无腹痛。";
        String procedure = "2025年3月1日行阑尾切除术";
        int p = text.indexOf(procedure);
        int fever = text.indexOf("发热");
        server.stubFor(post(PATH).willReturn(completion(mentions(
                m("kind", "procedure", "quote", "[DATE_1]行阑尾切除术", "start", 60, "historical", true),
                m("kind", "symptom", "quote", "发热", "duration", "2天", "candidate", 0),
                m("kind", "symptom", "quote", "腹痛", "negated", true, "bodySite", "[NAME_1]的腹部")))));

        LlmConfig c = config().withPseudonymize(true);
        LlmExtractor x = new LlmExtractor(c, offline, null, d -> List.of("张三", "Dr. Li Wei"));
        Extraction r = x.extract(zh(text), TERMS);

        String body = onlyRequestBody();
        String sent = JSON.readTree(body).get("messages").get(5).get("content").asText();
        for (String secret : List.of("张三", "823456", "110101198003071234", "13812345678", "2025年3月1日", "天河路", "广州市")) {
            assertFalse(body.contains(secret), secret + " was sent: " + sent);
        }
        assertTrue(sent.contains("姓名：[NAME_1]"), sent);
        assertTrue(sent.contains("住院号：[ID_1]"), sent);
        assertTrue(sent.contains("[DATE_1]行阑尾切除术"), sent);
        assertTrue(sent.contains("0. 发热 [symptom]"), sent);

        List<MentionFact> f = r.mentions();
        assertEquals(3, f.size(), f.toString());
        assertFact(f.get(0), "procedure", procedure, p, p + procedure.length());
        assertFact(f.get(1), "symptom", "发热", fever, fever + 2);
        assertEquals(List.of(FEVER), f.get(1).getCodes());
        assertEquals("张三的腹部", f.get(2).getBodySite());
        assertGrounded(text, r);

        // another patient's note of the same shape pseudonymizes to the same text: answered from the cache,
        // restored with this patient's values
        String other = text.replace("张三", "王五").replace("823456", "700001").replace("2025年3月1日", "2024年12月30日")
                .replace("110101198003071234", "440106197001010012").replace("13812345678", "13900001111");
        Extraction o2 = x.extract(zh(other), TERMS, List.of("王五"));
        server.verify(1, calls());
        assertEquals(1, x.metrics().cacheHits());
        assertEquals("2024年12月30日行阑尾切除术", o2.mentions().get(0).getText());
        assertEquals("王五的腹部", o2.mentions().get(2).getBodySite());
        assertGrounded(other, o2);
    }

    @Test
    void apiKeyComesFromTheNamedVariableAndIsNeverShown() {
        server.stubFor(post(PATH).withHeader("Authorization", equalTo("Bearer sk-test-123")).willReturn(completion(mentions())));
        LlmConfig c = config().withApiKeyFromEnv("EMRQC_TEST_KEY", Map.of("EMRQC_TEST_KEY", "sk-test-123"));
        assertFalse(c.toString().contains("sk-test-123"));
        Extraction r = extractor(c).extract(en(EN), TERMS);
        assertFalse(r.degraded());
        try {
            config().withApiKeyFromEnv("EMRQC_MISSING_KEY", Map.of());
            throw new AssertionError("expected an error");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("EMRQC_MISSING_KEY"));
        }
    }

    @Test
    void pseudonymizationIsOnByDefaultForRemoteEndpoints() {
        assertTrue(LlmConfig.defaults("https://api.example.com/v1", "m").pseudonymize());
        assertFalse(LlmConfig.defaults("http://localhost:11434/v1", "m").pseudonymize());
        assertFalse(LlmConfig.defaults("http://127.0.0.1:8000/v1", "m").pseudonymize());
        assertEquals("http://localhost:11434/v1", LlmExtractor.apiBase("http://localhost:11434/"));
        assertEquals("http://h:8000/v1", LlmExtractor.apiBase("http://h:8000/v1/"));
    }

    @Test
    void longDocumentIsChunkedAndOffsetsMapBack() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) b.append("第").append(i).append("段：病情平稳，无特殊不适，继续当前治疗方案观察。\n\n");
        b.append("今日诉头痛，伴恶心。");
        String text = b.toString();
        server.stubFor(post(PATH).willReturn(completion(mentions())));
        server.stubFor(post(PATH).withRequestBody(containing("今日诉头痛")).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "头痛", "start", 3),
                m("kind", "symptom", "quote", "恶心", "start", 7)))));

        LlmExtractor x = extractor(config().withMaxChunkChars(300));
        Extraction r = x.extract(zh(text), TERMS);
        assertTrue(x.metrics().chunks() > 1);
        assertEquals(x.metrics().chunks(), x.metrics().calls());
        int h = text.indexOf("头痛");
        assertFact(r.mentions().get(0), "symptom", "头痛", h, h + 2);
        assertFact(r.mentions().get(1), "symptom", "恶心", h + 4, h + 6);
    }

    @Test
    void concurrentDocumentsShareTheLimit() throws Exception {
        server.stubFor(post(PATH).willReturn(completion(mentions(m("kind", "symptom", "quote", "fever"))).withFixedDelay(100)));
        LlmExtractor x = extractor(config().withMaxConcurrency(2).withCache(0, null));
        List<Thread> threads = new ArrayList<>();
        List<Extraction> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            String t = EN + " Note " + i + ".";
            threads.add(new Thread(() -> results.add(x.extract(en(t), TERMS))));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(6, results.size());
        results.forEach(r -> assertFalse(r.degraded()));
        assertTrue(ms >= 280, "6 calls of 100 ms, 2 at a time, took " + ms + " ms");
    }

    @Test
    void withTheSectionDetectorAndTheOfflineExtractorAsFallback() {
        String text = ZH + "\n家族史：父亲患高血压。";
        server.stubFor(post(PATH).willReturn(completion(mentions())));
        server.stubFor(post(PATH).withRequestBody(containing("父亲患高血压")).willReturn(completion(mentions(
                m("kind", "diagnosis", "quote", "高血压", "candidate", 0)))));
        OfflineExtractor offlineExtractor = new OfflineExtractor();
        SectionDetector detector = new SectionDetector();
        LlmExtractor x = new LlmExtractor(config(), offlineExtractor, detector::detect);

        Extraction r = x.extract(zh(text), TERMS);
        assertFalse(r.degraded());
        assertEquals(4, x.metrics().chunks()); // one per section
        MentionFact f = r.mentions().stream().filter(m -> !"statement".equals(m.getKind())).findFirst().orElseThrow();
        int at = text.lastIndexOf("高血压");
        assertFact(f, "diagnosis", "高血压", at, at + 3);
        assertEquals("family-history", f.getSection());
        assertTrue(f.isFamily()); // from the section
        assertEquals(List.of(HTN_CN), f.getCodes());

        server.resetAll();
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(502)));
        Extraction d = new LlmExtractor(config().withRetries(0, Duration.ZERO), offlineExtractor, detector::detect).extract(zh(text), TERMS);
        assertTrue(d.degraded());
        assertEquals("offline", d.backend());
        assertFalse(d.mentions().isEmpty());
        assertFalse(d.sections().isEmpty());
        for (MentionFact m : d.mentions()) {
            assertTrue(m.isDegraded());
            assertEquals("offline", m.getBackend());
        }
        assertGrounded(text, d);
    }

    @Test
    void modelMentionsGetTheSectionRolesAndTimeFramesOfThePatternCode() {
        String text = "现病史：2周前无明显诱因出现胸痛，休息后缓解。4天前再发胸痛。\n鉴别诊断：高血压性心脏病。\n诊疗计划：如出现发热，复查胸片。";
        server.stubFor(post(PATH).willReturn(completion(mentions())));
        server.stubFor(post(PATH).withRequestBody(containing("再发胸痛")).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "胸痛", "start", 13), m("kind", "symptom", "quote", "胸痛", "start", 29)))));
        server.stubFor(post(PATH).withRequestBody(containing("高血压性心脏病")).willReturn(completion(mentions(
                m("kind", "diagnosis", "quote", "高血压"), m("kind", "diagnosis", "quote", "高血压性心脏病")))));
        server.stubFor(post(PATH).withRequestBody(containing("复查胸片")).willReturn(completion(mentions(
                m("kind", "symptom", "quote", "发热", "candidate", 0)))));
        Extraction r = new LlmExtractor(config(), offline, new SectionDetector()::detect).extract(zh(text), TERMS);
        assertFalse(r.degraded());
        List<MentionFact> pain = r.mentions().stream().filter(m -> m.getText().equals("胸痛")).toList();
        assertEquals(2, pain.size(), r.mentions().toString());
        assertFact(pain.get(0), "symptom", "胸痛", 14, 16);
        assertEquals("ago:P14D", pain.get(0).getTimeFrame());
        assertEquals("2周前", pain.get(0).getTimeFrameText());
        assertEquals("ago:P4D", pain.get(1).getTimeFrame());
        assertTrue(pain.get(0).isAffirmed());
        for (MentionFact m : r.mentions()) {
            boolean laterSection = m.getStart() > text.indexOf("鉴别诊断");
            assertEquals(laterSection, m.isHypothetical(), m + " in " + m.getSection());
        }
    }

    @Test
    void emptyDocumentMakesNoCall() {
        Extraction r = extractor(config()).extract(zh("  \n "), TERMS);
        assertTrue(r.mentions().isEmpty());
        assertFalse(r.degraded());
        server.verify(0, calls());
    }
}
