package org.emrqc.extractor.zh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cEHRNER JSON-lines format: one object a line,
 * {@code {"text": ..., "mention_data": [{"mention": ..., "label": ..., "offset": "12"}, ...]}}, where offset is a
 * char offset written as a string. Whitespace in the source texts appears as the placeholder 叒; texts are kept as
 * they are, so offsets stay valid.
 */
public final class CehrnerFormat {
    /** The seven cEHRNER labels. */
    public static final List<String> LABELS = List.of("疾病和诊断", "解剖部位", "手术", "药物", "症状", "影像检查", "实验室检验");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CehrnerFormat() { }

    /** Reads every non-blank line of a file. */
    public static List<AnnotatedText> read(Path file) throws IOException {
        List<AnnotatedText> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    out.add(parseLine(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /**
     * Parses one line. The mention must equal the text at its offset; an absent or null mention_data means no
     * mentions.
     *
     * @throws IllegalArgumentException when the line is not such an object or a mention does not match its text
     */
    public static AnnotatedText parseLine(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        JsonNode textNode = root.get("text");
        if (textNode == null || !textNode.isTextual()) throw new IllegalArgumentException("no \"text\" string");
        String text = textNode.asText();
        List<NerSpan> spans = new ArrayList<>();
        JsonNode mentions = root.get("mention_data");
        if (mentions != null && !mentions.isNull()) {
            if (!mentions.isArray()) throw new IllegalArgumentException("\"mention_data\" is not an array");
            for (JsonNode m : mentions) {
                String mention = m.path("mention").asText(null);
                String label = m.path("label").asText(null);
                JsonNode off = m.get("offset");
                if (mention == null || label == null || off == null || off.isNull()) {
                    throw new IllegalArgumentException("a mention needs mention, label and offset: " + m);
                }
                int offset;
                try {
                    offset = off.isNumber() ? off.asInt() : Integer.parseInt(off.asText().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("offset is not an integer: " + m);
                }
                if (mention.isEmpty()) throw new IllegalArgumentException("empty mention: " + m);
                if (offset < 0 || offset + mention.length() > text.length()
                        || !text.regionMatches(offset, mention, 0, mention.length())) {
                    throw new IllegalArgumentException("mention '" + mention + "' is not at offset " + offset + " of the text");
                }
                spans.add(new NerSpan(offset, offset + mention.length(), label));
            }
        }
        return new AnnotatedText(text, spans);
    }

    /** One line (without the newline) for a text and its spans. */
    public static String toLine(AnnotatedText doc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", doc.text());
        ArrayNode arr = root.putArray("mention_data");
        for (NerSpan s : doc.spans()) {
            ObjectNode m = arr.addObject();
            m.put("mention", s.mention(doc.text()));
            m.put("label", s.label());
            m.put("offset", Integer.toString(s.start()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one line per text (UTF-8, "\n" line ends). */
    public static void write(Path file, List<AnnotatedText> docs) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AnnotatedText d : docs) {
                w.write(toLine(d));
                w.write('\n');
            }
        }
    }
}
