package org.emrqc.extractor.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.emrqc.extractor.llm.Chunker.Chunk;
import org.emrqc.extractor.llm.MentionSchema.InvalidResponseException;
import org.emrqc.extractor.llm.MentionSchema.LlmMention;
import org.emrqc.model.SectionFact;
import org.junit.jupiter.api.Test;

/** Grounding, chunking, the answer schema, prompts, the breaker and the cache, without HTTP. */
class LlmPartsTest {

    @Test
    void groundingExactNearestAndLoose() {
        String t = "发热3天，体温 38.5 ℃，今日仍发热（夜间）。";
        Set<Long> none = new HashSet<>();
        assertArrayEquals(new int[] {0, 2}, Grounder.locate(t, 0, t.length(), "发热", -1, none));
        assertArrayEquals(new int[] {18, 20}, Grounder.locate(t, 0, t.length(), "发热", 14, none));
        assertArrayEquals(new int[] {5, 14}, Grounder.locate(t, 0, t.length(), "体温38.5℃", -1, none));
        assertArrayEquals(new int[] {20, 24}, Grounder.locate(t, 0, t.length(), "(夜间)", -1, none));
        assertNull(Grounder.locate(t, 0, t.length(), "咳嗽", -1, none));
        assertNull(Grounder.locate(t, 3, t.length(), "发热3天", -1, none)); // outside the chunk
        Set<Long> taken = new HashSet<>(Set.of(Grounder.key(0, 2)));
        assertArrayEquals(new int[] {18, 20}, Grounder.locate(t, 0, t.length(), "发热", -1, taken));
        assertArrayEquals(new int[] {0, 10}, Grounder.locate("Chest Pain x2d", 0, 14, "chest pain", -1, none));
    }

    @Test
    void chunksBySectionsAndGaps() {
        String t = "入院记录\n姓名：某\n主诉：头痛2天。\n现病史：患者2天前出现头痛。\n体格检查：\n";
        int cc = t.indexOf("头痛2天"), hpi = t.indexOf("患者2天前"), pe = t.indexOf("体格检查：") + 5;
        List<SectionFact> secs = List.of(
                new SectionFact("D", "1", "主诉", "chief-complaint", cc, t.indexOf("\n", cc), "头痛2天。", false, false),
                new SectionFact("D", "1", "现病史", "hpi", hpi, t.indexOf("\n", hpi), "患者2天前出现头痛。", false, false),
                new SectionFact("D", "1", "体格检查", "physical-exam", pe, t.length(), "", true, false));
        List<Chunk> c = Chunker.chunk(t, secs, 1000);
        assertEquals(3, c.size(), c.toString());
        assertEquals("入院记录\n姓名：某", t.substring(c.get(0).start(), c.get(0).end()));
        assertNull(c.get(0).section());
        assertEquals("头痛2天。", t.substring(c.get(1).start(), c.get(1).end()));
        assertEquals("hpi", c.get(2).section().getCode());
    }

    @Test
    void longTextIsCutAtParagraphsThenSentences() {
        String para = "病情平稳，无特殊不适。".repeat(10); // 110 chars
        String t = para + "\n\n" + para + "\n\n" + para;
        List<Chunk> c = Chunker.chunk(t, null, 250);
        assertEquals(2, c.size());
        assertEquals(para + "\n\n" + para, t.substring(c.get(0).start(), c.get(0).end()));
        String two = para + para;
        List<Chunk> s = Chunker.chunk(two, null, 200);
        assertEquals(2, s.size());
        assertTrue(two.substring(s.get(0).start(), s.get(0).end()).endsWith("。"));
        assertEquals(two.length(), s.get(1).end());
        for (Chunk k : s) assertTrue(k.length() <= 200);
    }

    @Test
    void answerParsing() throws Exception {
        List<LlmMention> ms = MentionSchema.parse("<think>hmm</think>\n```json\n{\"mentions\":[{\"kind\":\"Allergy_Denial\",\"quote\":\"否认过敏史\"},"
                + "{\"kind\":\"vital\",\"quote\":\"T 38.5℃\",\"value\":\"38.5\",\"start\":\"4\",\"negated\":\"false\",\"laterality\":\"左侧\",\"candidate\":null}]}\n```");
        assertEquals(2, ms.size());
        assertEquals("allergy-denial", ms.get(0).kind());
        assertEquals(38.5, ms.get(1).value());
        assertEquals(4, ms.get(1).start());
        assertEquals("left", ms.get(1).laterality());
        assertNull(ms.get(1).candidate());
        assertFalse(ms.get(1).negated());
        assertTrue(assertThrows(InvalidResponseException.class, () -> MentionSchema.parse("sorry")).notJson());
        assertFalse(assertThrows(InvalidResponseException.class, () -> MentionSchema.parse("[{\"kind\":\"lab\"}]")).notJson());
        assertThrows(InvalidResponseException.class, () -> MentionSchema.parse("{\"mentions\":[{\"kind\":\"lab\",\"quote\":\" \"}]}"));
        assertThrows(InvalidResponseException.class, () -> MentionSchema.parse("{\"mentions\":{}}"));
        assertEquals(List.of(), MentionSchema.parse("{\"mentions\":[]}"));
    }

    @Test
    void durations() {
        assertEquals(3.0, LlmExtractor.durationDays("3天", "zh"));
        assertEquals(14.0, LlmExtractor.durationDays("2周", "zh"));
        assertEquals(60.0, LlmExtractor.durationDays("2个月余", "zh"));
        assertEquals(182.5, LlmExtractor.durationDays("半年", "zh"));
        assertEquals(0.25, LlmExtractor.durationDays("6 hours", "en"));
        assertEquals(14.0, LlmExtractor.durationDays("2 weeks", "zh"));
        assertEquals(3.0, LlmExtractor.durationDays("3天", "en"));
        assertNull(LlmExtractor.durationDays("long", "en"));
        assertNull(LlmExtractor.durationDays(null, "en"));
    }

    /** The few-shot answers of every shipped prompt quote their example text exactly, at the offsets they claim. */
    @Test
    void shippedPromptExamplesAreGrounded() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String lang : List.of("zh", "en")) {
            PromptTemplate p = PromptTemplate.load(LlmConfig.DEFAULT_PROMPT_VERSION, lang);
            assertEquals(lang, p.language());
            assertEquals(2, p.examples().size());
            for (String[] e : p.examples()) {
                String user = e[0];
                String text = user.substring(user.indexOf("<<<\n") + 4, user.lastIndexOf("\n>>>"));
                List<LlmMention> ms = MentionSchema.parse(e[1]);
                assertFalse(ms.isEmpty());
                for (LlmMention m : ms) {
                    assertEquals(m.quote(), text.substring(m.start(), m.start() + m.quote().length()), lang + " " + m);
                    int candidates = (int) user.lines().filter(l -> l.matches("\\d+\\. .*")).count();
                    if (m.candidate() != null) assertTrue(m.candidate() < candidates, m.toString());
                }
                assertTrue(json.readTree(e[1]).get("mentions").isArray());
            }
        }
        assertEquals("en", PromptTemplate.load("extract-v1", "fr").language());
        assertEquals("zh", PromptTemplate.load("extract-v1", "zh-CN").language());
    }

    @Test
    void promptFill() {
        assertEquals("a {x} b {{y}} c", PromptTemplate.fill("a {{x}} b {{y}} c", java.util.Map.of("x", "{x}")));
    }

    @Test
    void breakerOpensProbesAndCloses() {
        AtomicLong now = new AtomicLong();
        CircuitBreaker b = new CircuitBreaker(2, 100, now::get);
        assertTrue(b.tryAcquire());
        assertFalse(b.onFailure());
        assertTrue(b.onFailure());
        assertTrue(b.isOpen());
        assertFalse(b.tryAcquire());
        now.set(100);
        assertFalse(b.isOpen());
        assertTrue(b.tryAcquire()); // the probe
        assertFalse(b.tryAcquire()); // only one
        assertTrue(b.onFailure()); // probe failed: open again
        assertFalse(b.tryAcquire());
        now.set(250);
        assertTrue(b.tryAcquire());
        b.onSuccess();
        assertFalse(b.isOpen());
        assertTrue(b.tryAcquire());
        assertTrue(b.tryAcquire());
    }

    @Test
    void lruCache() {
        ResponseCache c = new ResponseCache(2, null);
        c.put("a", "1");
        c.put("b", "2");
        assertEquals("1", c.get("a"));
        c.put("c", "3");
        assertNull(c.get("b"));
        assertEquals("1", c.get("a"));
        assertEquals(64, ResponseCache.key("m", "v", "t").length());
        assertFalse(ResponseCache.key("m", "v1", "t").equals(ResponseCache.key("m", "v2", "t")));
        assertFalse(ResponseCache.key("ab", "c").equals(ResponseCache.key("a", "bc")));
    }
}
