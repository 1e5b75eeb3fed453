package org.emrqc.extractor.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer the model must give, {@code {"mentions":[{kind, quote, start?, negated?, uncertain?, historical?,
 * family?, laterality?, bodySite?, value?, unit?, dose?, route?, frequency?, duration?, candidate?}]}}: as a
 * JSON schema for structured output, and a parser that checks an answer against it. Structure is strict (an
 * object with a {@code mentions} array of objects, each with a known {@code kind} and a non-blank
 * {@code quote}: anything else is a schema violation); optional fields are read leniently (a number written
 * as a string is still a number; an unreadable optional value is ignored).
 */
final class MentionSchema {
    static final List<String> KINDS = List.of("diagnosis", "symptom", "medication", "procedure", "lab", "imaging",
            "vital", "allergy", "allergy-denial", "anatomy");
    static final List<String> LATERALITIES = List.of("left", "right", "bilateral");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");

    /** One mention as the model gave it (quote and strings still pseudonymized). */
    record LlmMention(String kind, String quote, Integer start, boolean negated, boolean uncertain, boolean historical,
                      boolean family, String laterality, String bodySite, Double value, String unit, String dose,
                      String route, String frequency, String duration, Integer candidate) { }

    /** The answer was not JSON, or not of the required shape. */
    static final class InvalidResponseException extends Exception {
        private final boolean notJson;

        InvalidResponseException(boolean notJson, String message) {
            super(message, null, false, false);
            this.notJson = notJson;
        }

        boolean notJson() { return notJson; }
    }

    private MentionSchema() { }

    static ResponseFormat responseFormat() {
        JsonObjectSchema mention = JsonObjectSchema.builder()
                .addProperty("kind", JsonEnumSchema.builder().enumValues(KINDS).build())
                .addProperty("quote", JsonStringSchema.builder().description("exact text from the document").build())
                .addProperty("start", nullable(new JsonIntegerSchema()))
                .addProperty("negated", new JsonBooleanSchema())
                .addProperty("uncertain", new JsonBooleanSchema())
                .addProperty("historical", new JsonBooleanSchema())
                .addProperty("family", new JsonBooleanSchema())
                .addProperty("laterality", nullable(JsonEnumSchema.builder().enumValues(LATERALITIES).build()))
                .addProperty("bodySite", nullable(new JsonStringSchema()))
                .addProperty("value", nullable(new JsonNumberSchema()))
                .addProperty("unit", nullable(new JsonStringSchema()))
                .addProperty("dose", nullable(new JsonStringSchema()))
                .addProperty("route", nullable(new JsonStringSchema()))
                .addProperty("frequency", nullable(new JsonStringSchema()))
                .addProperty("duration", nullable(new JsonStringSchema()))
                .addProperty("candidate", nullable(new JsonIntegerSchema()))
                .required("kind", "quote")
                .additionalProperties(false)
                .build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty("mentions", JsonArraySchema.builder().items(mention).build())
                .required("mentions")
                .additionalProperties(false)
                .build();
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("emrqc_mentions").rootElement(root).build())
                .build();
    }

    private static JsonSchemaElement nullable(JsonSchemaElement e) {
        return JsonAnyOfSchema.builder().anyOf(e, new JsonNullSchema()).build();
    }

    /**
     * Parses an answer. Tolerates a {@code <think>} block, Markdown code fences and text around the JSON
     * object.
     */
    static List<LlmMention> parse(String content) throws InvalidResponseException {
        if (content == null || content.isBlank()) throw new InvalidResponseException(true, "empty answer");
        String s = THINK.matcher(content).replaceAll("");
        int open = s.indexOf('{'), close = s.lastIndexOf('}');
        if (open < 0 || close < open) throw new InvalidResponseException(true, "no JSON object in the answer");
        JsonNode root;
        try {
            root = JSON.readTree(s.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException(true, "invalid JSON at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) throw new InvalidResponseException(false, "the answer is not a JSON object");
        JsonNode mentions = root.get("mentions");
        if (mentions == null || !mentions.isArray()) throw new InvalidResponseException(false, "no \"mentions\" array");
        List<LlmMention> out = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            JsonNode m = mentions.get(i);
            if (!m.isObject()) throw new InvalidResponseException(false, "mentions[" + i + "] is not an object");
            JsonNode kindNode = m.get("kind");
            String kind = kindNode != null && kindNode.isTextual() ? kindNode.asText().strip().toLowerCase(Locale.ROOT).replace('_', '-') : null;
            if (kind == null || !KINDS.contains(kind)) {
                throw new InvalidResponseException(false, "mentions[" + i + "].kind " + (kindNode == null ? "is missing" : "is not one of " + KINDS));
            }
            JsonNode quoteNode = m.get("quote");
            if (quoteNode == null || !quoteNode.isTextual() || quoteNode.asText().isBlank()) {
                throw new InvalidResponseException(false, "mentions[" + i + "].quote is missing or blank");
            }
            Integer candidate = integer(m.get("candidate"));
            out.add(new LlmMention(kind, quoteNode.asText(), integer(m.get("start")), bool(m.get("negated")), bool(m.get("uncertain")),
                    bool(m.get("historical")), bool(m.get("family")), laterality(m.get("laterality")), string(m.get("bodySite")),
                    number(m.get("value")), string(m.get("unit")), string(m.get("dose")), string(m.get("route")),
                    string(m.get("frequency")), string(m.get("duration")), candidate != null && candidate < 0 ? null : candidate));
        }
        return out;
    }

    private static String string(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) return null;
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean bool(JsonNode n) {
        if (n == null || n.isNull()) return false;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isNumber()) return n.intValue() != 0;
        String s = n.asText().strip().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("yes") || s.equals("是");
    }

    private static Integer integer(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) return n.canConvertToInt() ? n.intValue() : null;
        if (n.isNumber()) return (int) Math.round(n.doubleValue());
        if (n.isTextual()) {
            String s = n.asText().strip();
            return s.matches("[-+]?\\d{1,9}") ? Integer.valueOf(s) : null;
        }
        return null;
    }

    private static Double number(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return n.doubleValue();
        if (n.isTextual()) {
            Matcher m = NUMBER.matcher(n.asText());
            if (m.find()) return Double.valueOf(m.group());
        }
        return null;
    }

    private static String laterality(JsonNode n) {
        String s = string(n);
        if (s == null) return null;
        s = s.toLowerCase(Locale.ROOT);
        if (s.equals("left") || s.equals("l") || s.startsWith("左")) return "left";
        if (s.equals("right") || s.equals("r") || s.startsWith("右")) return "right";
        if (s.equals("bilateral") || s.equals("both") || s.startsWith("双") || s.startsWith("两")) return "bilateral";
        return null;
    }
}
