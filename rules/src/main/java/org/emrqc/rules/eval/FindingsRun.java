package org.emrqc.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The findings of a run of {@code bin/emrqc check}: every {@code *.qc.json} findings bundle of a folder, read as
 * emrqc writes them (DetectedIssue with the rule code, implicated resources and evidence-span extensions; a
 * MeasureReport per record; an OperationOutcome naming the rules not evaluated for a record).
 */
public final class FindingsRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE_SYSTEM = "https://emrqc.org/fhir/CodeSystem/qc-rule";
    private static final String SPAN = "https://emrqc.org/fhir/StructureDefinition/qc-evidence-span";

    private final List<RunFinding> findings = new ArrayList<>();
    private final Set<String> records = new LinkedHashSet<>();
    /** "record: rule" for each rule not evaluated for a record. */
    private final List<String> notEvaluated = new ArrayList<>();

    public List<RunFinding> findings() { return findings; }
    /** The records of the run (input names), checked or not. */
    public Set<String> records() { return records; }
    public List<String> notEvaluated() { return notEvaluated; }

    /** Reads every *.qc.json of a folder (or one file). Errors name the file. */
    public static FindingsRun read(Path path) {
        FindingsRun run = new FindingsRun();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().endsWith(".qc.json")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage());
            }
        } else {
            files.add(path);
        }
        for (Path f : files) run.add(f);
        return run;
    }

    /** The record a name stands for: its file name without folder and extension (.json, .ndjson, .qc.json). */
    public static String recordName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        for (String ext : new String[]{".qc.json", ".ndjson", ".jsonl", ".json"}) if (n.endsWith(ext)) return n.substring(0, n.length() - ext.length());
        return n;
    }

    private void add(Path file) {
        JsonNode b;
        try {
            b = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a findings bundle (" + e.getMessage() + ")");
        }
        String source = b.path("identifier").path("value").asText(file.getFileName().toString());
        String record = recordName(source);
        records.add(record);
        for (JsonNode e : b.path("entry")) {
            JsonNode r = e.path("resource");
            switch (r.path("resourceType").asText()) {
                case "DetectedIssue" -> findings.add(finding(record, r));
                case "OperationOutcome" -> {
                    for (JsonNode i : r.path("issue")) {
                        if (!"exception".equals(i.path("code").asText())) continue;
                        for (JsonNode c : i.path("details").path("coding")) {
                            if (RULE_SYSTEM.equals(c.path("system").asText())) notEvaluated.add(record + ": " + c.path("code").asText());
                        }
                    }
                }
                default -> { }
            }
        }
    }

    private static RunFinding finding(String record, JsonNode di) {
        String rule = null;
        for (JsonNode c : di.path("code").path("coding")) if (RULE_SYSTEM.equals(c.path("system").asText())) rule = c.path("code").asText();
        List<String> implicated = new ArrayList<>();
        for (JsonNode i : di.path("implicated")) implicated.add(i.path("reference").asText());
        List<String> docs = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        for (JsonNode ev : di.path("evidence")) {
            for (JsonNode d : ev.path("detail")) {
                String ref = d.path("reference").asText("");
                if (!ref.isEmpty() && !implicated.contains(ref) && !docs.contains(ref)) docs.add(ref);
            }
            for (JsonNode x : ev.path("extension")) {
                if (!SPAN.equals(x.path("url").asText())) continue;
                for (JsonNode part : x.path("extension")) {
                    String doc = part.path("valueReference").path("reference").asText("");
                    if ("document".equals(part.path("url").asText()) && !docs.contains(doc)) docs.add(doc);
                    if ("quote".equals(part.path("url").asText())) quotes.add(part.path("valueString").asText());
                }
            }
        }
        return new RunFinding(record, di.path("patient").path("reference").asText(null), rule, di.path("id").asText(),
                List.copyOf(implicated), List.copyOf(docs), List.copyOf(quotes), di.path("detail").asText(""));
    }
}
