package org.emrqc.extractor.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CehrnerFormatTest {
    @Test
    void parsesOffsetsAsCharOffsetsAndKeepsThePlaceholder() {
        String line = "{\"text\": \"叒叒患者腹痛，予头孢呋辛。\", \"mention_data\": [{\"mention\": \"腹痛\", \"label\": \"症状\", \"offset\": \"4\"},"
                + " {\"mention\": \"头孢呋辛\", \"label\": \"药物\", \"offset\": \"8\"}]}";
        AnnotatedText d = CehrnerFormat.parseLine(line);
        assertEquals("叒叒患者腹痛，予头孢呋辛。", d.text());
        assertEquals(List.of(new NerSpan(4, 6, "症状"), new NerSpan(8, 12, "药物")), d.spans());
        assertEquals("头孢呋辛", d.spans().get(1).mention(d.text()));
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        List<AnnotatedText> docs = TinyCorpus.sentences();
        Path f = dir.resolve("x.json");
        CehrnerFormat.write(f, docs);
        assertEquals(docs, CehrnerFormat.read(f));
        String first = Files.readAllLines(f).get(0);
        assertTrue(first.contains("\"mention\":\"腹痛\",\"label\":\"症状\",\"offset\":\"7\""), first);
    }

    @Test
    void writesSpansInOrderWithStringOffsets() {
        AnnotatedText d = new AnnotatedText("腹痛叒头晕", List.of(new NerSpan(3, 5, "症状"), new NerSpan(0, 2, "症状")));
        assertEquals("{\"text\":\"腹痛叒头晕\",\"mention_data\":[{\"mention\":\"腹痛\",\"label\":\"症状\",\"offset\":\"0\"},"
                + "{\"mention\":\"头晕\",\"label\":\"症状\",\"offset\":\"3\"}]}", CehrnerFormat.toLine(d));
    }

    @Test
    void acceptsNumericOffsetsAndMissingMentions() {
        assertEquals(List.of(new NerSpan(1, 3, "症状")),
                CehrnerFormat.parseLine("{\"text\":\"有腹痛\",\"mention_data\":[{\"mention\":\"腹痛\",\"label\":\"症状\",\"offset\":1}]}").spans());
        assertEquals(List.of(), CehrnerFormat.parseLine("{\"text\":\"无\"}").spans());
    }

    @Test
    void rejectsAMentionNotAtItsOffset(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CehrnerFormat.parseLine(
                "{\"text\":\"有腹痛\",\"mention_data\":[{\"mention\":\"腹痛\",\"label\":\"症状\",\"offset\":\"0\"}]}"));
        assertTrue(e.getMessage().contains("not at offset 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CehrnerFormat.parseLine("[1]"));
        assertThrows(IllegalArgumentException.class, () -> CehrnerFormat.parseLine("{\"text\":"));
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"text\":\"a\"}\n\n{\"text\":\"有腹痛\",\"mention_data\":[{\"mention\":\"腹\",\"label\":\"x\",\"offset\":\"9\"}]}\n");
        IllegalArgumentException fe = assertThrows(IllegalArgumentException.class, () -> CehrnerFormat.read(f));
        assertTrue(fe.getMessage().contains("bad.json:3:"), fe.getMessage());
    }
}
