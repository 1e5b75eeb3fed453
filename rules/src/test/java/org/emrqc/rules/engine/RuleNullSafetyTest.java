package org.emrqc.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.model.RuleNotice;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

/**
 * Every template is null-safe: every rule of the core pack (all enabled at once, in a test region under CN-GD) runs
 * over every fixture record — and the hm-editor and development-corpus records when present — as it is, with each
 * optional element removed in turn (each top-level element of each resource type: document type, date, author,
 * attester, sections, status, subject, encounter, encounter period start and end, class, codes, values …), and with
 * every date and time cut to year, month, day and minute precision (the removals once per record shape: fixtures
 * that differ only in values share them). No rule may fail on any of them: the engine's safety net (a failing rule is
 * skipped and reported) must never be needed.
 */
class RuleNullSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE_TIME = Pattern.compile("^(\\d{4})(-\\d{2})?(-\\d{2})?(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$");
    /** Elements of type instant: FHIR requires them to the second, so they keep their precision. */
    private static final java.util.Set<String> INSTANTS = java.util.Set.of("issued", "lastUpdated", "timestamp", "recorded");

    /** The core pack with a region TEST-ALL under CN-GD that enables every rule. */
    static RulePack packWithEveryRuleEnabled() {
        PackArchive core = PackArchive.of(TestPacks.CORE_DIR);
        Map<String, byte[]> files = new TreeMap<>(core.files());
        StringBuilder overlay = new StringBuilder("region: TEST-ALL\nparent: CN-GD\nname: {en: every rule, zh: 全部规则}\nlanguage: zh\nenable:\n");
        for (String id : TestPacks.core().rules().keySet()) overlay.append("  - ").append(id).append('\n');
        files.put("regions/TEST-ALL.yaml", overlay.toString().getBytes(StandardCharsets.UTF_8));
        String pack = new String(files.get("pack.yaml"), StandardCharsets.UTF_8).replace("  - regions/CN-BJ.yaml\n", "  - regions/CN-BJ.yaml\n  - regions/TEST-ALL.yaml\n");
        files.put("pack.yaml", pack.getBytes(StandardCharsets.UTF_8));
        return PackLoader.load(PackArchive.of(files).source());
    }

    /** A record as JSON text, named by what was changed. */
    record Variant(String file, String change, String json) { }

    @Test
    void noRuleFailsOnAnyRecordWithAnyElementRemovedOrAnyPrecision() throws IOException {
        RulePack pack = packWithEveryRuleEnabled();
        EffectiveRuleSet set = EffectiveRuleSet.of(pack, "TEST-ALL");
        assertEquals(pack.rules().size(), set.enabled().size(), "every rule enabled in TEST-ALL");
        CompiledRuleBase base = new RuleBaseCache().get(pack, "TEST-ALL");
        NarrativeStage stage = new NarrativeStage(new OfflineExtractor(), TsvTerminology.shipped());
        FhirInputReader reader = new FhirInputReader();

        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestPacks.CORE_DIR.resolve("fixtures/records"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(inputs::add);
        }
        int fixtures = inputs.size();
        java.util.Set<Path> large = new java.util.HashSet<>();
        for (Path extra : List.of(Path.of("..", "..", "shared", "data", "hm-editor", "fhir"), Path.of("..", "corpus", "zh-dev", "records"))) {
            if (!Files.isDirectory(extra)) continue;
            try (Stream<Path> s = Files.list(extra)) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> {
                    inputs.add(p);
                    large.add(p);
                });
            }
        }
        assertTrue(fixtures > 250, "fixture records found: " + fixtures);

        Map<String, String> failures = Collections.synchronizedMap(new TreeMap<>());
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();
        java.util.Set<String> shapesSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        inputs.parallelStream().forEach(file -> {
            List<Variant> variants;
            try {
                variants = variants(file, large.contains(file) ? KEY_ELEMENTS : null, shapesSeen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (Variant v : variants) {
                ParsedInput in = reader.parse(v.file() + " [" + v.change() + "]", v.json().getBytes(StandardCharsets.UTF_8));
                if (!in.ok()) {
                    unreadable.incrementAndGet(); // an input that cannot be read is reported as such, not checked
                    continue;
                }
                for (PatientRecord r : new RecordAssembler(ZoneId.of("Asia/Shanghai")).assemble(in.source(), in.entries())) {
                    try {
                        stage.apply(r);
                        RecordResult res = new RecordEvaluator().evaluate(base, r, FixtureRunner.AS_OF, "TEST-ALL");
                        for (RuleNotice n : res.notEvaluated()) failures.putIfAbsent(n.ruleId() + " on " + v.file() + " [" + v.change() + "]", n.reason());
                    } catch (RuntimeException e) {
                        failures.putIfAbsent("record failed: " + v.file() + " [" + v.change() + "]", e.toString());
                    }
                    checked.incrementAndGet();
                }
            }
        });
        StringBuilder sb = new StringBuilder();
        failures.entrySet().stream().limit(30).forEach(e -> sb.append("\n  ").append(e.getKey()).append(": ").append(e.getValue()));
        System.out.println("RuleNullSafetyTest: " + checked + " record variants of " + inputs.size() + " inputs (" + shapesSeen.size() + " shapes)");
        assertEquals(0, failures.size(), failures.size() + " rule failures on " + checked + " record variants:" + sb);
        assertTrue(checked.get() > fixtures * 10, "record variants checked: " + checked + " (unreadable: " + unreadable + ")");
    }

    /**
     * For the large records (whole stays of the corpus and hm-editor), the elements rules read most; every element of
     * every resource type is removed in turn on the fixture records.
     */
    private static final java.util.Set<String> KEY_ELEMENTS = java.util.Set.of("type", "date", "title", "status", "subject", "encounter",
            "section", "section.text", "period", "period.start", "period.end", "class", "code", "code.coding", "birthDate", "gender",
            "performedPeriod", "performedDateTime", "effectiveDateTime", "valueQuantity", "author", "attester");

    /**
     * The record as is, without each element in turn (all, or only those named), and at each precision of its dates.
     * A record of a shape already seen (the same resource types with the same elements — fixtures that differ only in
     * their values, such as the 20 h and 30 h variants of one case) is checked as is and at each precision only: its
     * removals were checked on the first record of that shape.
     */
    static List<Variant> variants(Path file, java.util.Set<String> only, java.util.Set<String> shapesSeen) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        JsonNode root = JSON.readTree(text);
        List<Variant> out = new ArrayList<>();
        out.add(new Variant(name, "as is", text));
        Map<String, TreeSet<String>> elements = new LinkedHashMap<>();
        for (JsonNode r : resources(root)) {
            TreeSet<String> keys = elements.computeIfAbsent(r.path("resourceType").asText(), k -> new TreeSet<>());
            r.fieldNames().forEachRemaining(k -> {
                if (!k.equals("resourceType") && !k.equals("id")) keys.add(k);
            });
            if (r.path("period").isObject()) {
                keys.add("period.start");
                keys.add("period.end");
            }
            if (r.path("section").isArray()) keys.add("section.text");
            if (r.path("code").path("coding").isArray()) keys.add("code.coding");
        }
        boolean newShape = shapesSeen.add(new TreeMap<>(elements).toString());
        if (newShape) elements.forEach((type, keys) -> {
            for (String k : keys) {
                if (only != null && !only.contains(k)) continue;
                JsonNode copy = root.deepCopy();
                for (JsonNode r : resources(copy)) {
                    if (!type.equals(r.path("resourceType").asText())) continue;
                    remove((ObjectNode) r, k);
                }
                out.add(new Variant(name, "without " + type + "." + k, copy.toString()));
            }
        });
        for (String precision : List.of("year", "month", "day", "minute")) {
            JsonNode copy = root.deepCopy();
            cut(copy, precision, null);
            out.add(new Variant(name, "dates to the " + precision, copy.toString()));
        }
        return out;
    }

    private static void remove(ObjectNode r, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            r.remove(path);
            return;
        }
        String head = path.substring(0, dot);
        String tail = path.substring(dot + 1);
        JsonNode child = r.get(head);
        if (child instanceof ObjectNode o) remove(o, tail);
        else if (child instanceof ArrayNode a) for (JsonNode e : a) if (e instanceof ObjectNode o) remove(o, tail);
    }

    /** Every date and dateTime cut to a precision (instants keep theirs; FHIR requires seconds for them). */
    private static void cut(JsonNode node, String precision, String key) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            it.forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> f : fields) {
                if (f.getValue() instanceof TextNode t) {
                    String cut = INSTANTS.contains(f.getKey()) ? null : cut(t.asText(), precision);
                    if (cut != null) o.put(f.getKey(), cut);
                } else {
                    cut(f.getValue(), precision, f.getKey());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode e : a) cut(e, precision, key);
        }
    }

    static String cut(String value, String precision) {
        Matcher m = DATE_TIME.matcher(value);
        if (!m.matches() || value.length() < 4) return null;
        String year = m.group(1);
        String month = m.group(2) != null ? m.group(2) : "-01";
        String day = m.group(3) != null ? m.group(3) : "-01";
        return switch (precision) {
            case "year" -> year;
            case "month" -> year + month;
            case "day" -> year + month + day;
            default -> year + month + day + (m.group(4) != null ? m.group(4).substring(0, 6) + ":00" + zone(m.group(7)) : "T08:30:00+08:00");
        };
    }

    private static String zone(String z) { return z == null ? "+08:00" : z; }

    private static List<JsonNode> resources(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if ("Bundle".equals(root.path("resourceType").asText())) {
            for (JsonNode e : root.path("entry")) if (e.path("resource").isObject()) out.add(e.path("resource"));
        } else if (root.isObject()) {
            out.add(root);
        }
        return out;
    }
}
