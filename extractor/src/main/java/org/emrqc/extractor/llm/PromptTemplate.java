package org.emrqc.extractor.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A versioned prompt for one language, read from the classpath resource
 * {@code emrqc/prompts/<version>.<language>.txt} (falling back to English). The file is split by lines
 * {@code ### system}, {@code ### example-user}, {@code ### example-assistant} (few-shot pairs, any number) and
 * {@code ### user}; lines before the first marker are comments. The user part may use {@code {{section}}},
 * {@code {{candidates}}} and {@code {{text}}}. A prompt change that changes behaviour gets a new version (a
 * new file): the version is part of every cache key and of each fact's provenance.
 */
public final class PromptTemplate {
    private final String version;
    private final String language;
    private final String system;
    private final List<String[]> examples;
    private final String user;

    private PromptTemplate(String version, String language, String system, List<String[]> examples, String user) {
        this.version = version;
        this.language = language;
        this.system = system;
        this.examples = examples;
        this.user = user;
    }

    public String version() { return version; }
    /** The language of the file actually used (en when the requested one has none). */
    public String language() { return language; }

    /** The few-shot pairs: {user text, assistant answer}. */
    List<String[]> examples() { return examples; }

    /**
     * Loads {@code version} for {@code language} ("zh", "en"; regional tags such as "zh-CN" use their first
     * part), or the English file when there is none for the language.
     *
     * @throws IllegalArgumentException when neither exists or the file is malformed
     */
    public static PromptTemplate load(String version, String language) {
        String lang = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
        String text = resource(version, lang);
        if (text == null && !lang.equals("en")) {
            lang = "en";
            text = resource(version, lang);
        }
        if (text == null) throw new IllegalArgumentException("no prompt emrqc/prompts/" + version + "." + lang + ".txt on the classpath");
        return parse(version, lang, text);
    }

    private static String resource(String version, String lang) {
        String path = "emrqc/prompts/" + version + "." + lang + ".txt";
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage());
        }
    }

    static PromptTemplate parse(String version, String language, String text) {
        String system = null, user = null, pendingExample = null;
        List<String[]> examples = new ArrayList<>();
        String part = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text.replace("\r\n", "\n") + "\n### end").split("\n", -1)) {
            if (line.startsWith("### ")) {
                String content = body.toString().strip();
                if (part != null) {
                    switch (part) {
                        case "system" -> system = content;
                        case "user" -> user = content;
                        case "example-user" -> pendingExample = content;
                        case "example-assistant" -> {
                            if (pendingExample == null) throw new IllegalArgumentException(version + "." + language + ": example-assistant without example-user");
                            examples.add(new String[] {pendingExample, content});
                            pendingExample = null;
                        }
                        default -> throw new IllegalArgumentException(version + "." + language + ": unknown part ### " + part);
                    }
                }
                part = line.substring(4).strip();
                body.setLength(0);
            } else if (part != null) {
                body.append(line).append('\n');
            }
        }
        if (system == null || user == null) throw new IllegalArgumentException(version + "." + language + ": needs ### system and ### user");
        if (!user.contains("{{text}}")) throw new IllegalArgumentException(version + "." + language + ": the user part has no {{text}}");
        return new PromptTemplate(version, language, system, List.copyOf(examples), user);
    }

    /** The messages for one chunk: system, the few-shot pairs, then the user message with the values filled in. */
    public List<ChatMessage> render(Map<String, String> values) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system));
        for (String[] e : examples) {
            messages.add(UserMessage.from(e[0]));
            messages.add(AiMessage.from(e[1]));
        }
        messages.add(UserMessage.from(fill(user, values)));
        return messages;
    }

    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) break;
            int close = template.indexOf("}}", open + 2);
            if (close < 0) break;
            String key = template.substring(open + 2, close);
            out.append(template, i, open);
            if (values.containsKey(key)) {
                out.append(values.get(key));
            } else {
                out.append(template, open, close + 2);
            }
            i = close + 2;
        }
        out.append(template, i, template.length());
        return out.toString();
    }
}
