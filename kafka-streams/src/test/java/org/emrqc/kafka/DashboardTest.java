package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.extractor.llm.LlmMetrics;
import org.emrqc.rules.check.RecordStage;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/emrqc-dashboard.json asks only for metrics the stream processor exports: every metric name in
 * every panel's PromQL is one of the /metrics exposition's (a histogram's or summary's with its _bucket, _sum,
 * _count or _max suffix), and every panel has a query.
 */
class DashboardTest {
    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "emrqc-dashboard.json");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\w+) (\\w+)$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("\\bemrqc_[a-z0-9_]+");

    /** Name → type of everything /metrics can show (all parts present: LLM attached, lag, state, pack watcher, async stage). */
    static Map<String, String> exported() throws Exception {
        StringBuilder text = new StringBuilder(new PipelineMetrics().llm(LlmMetrics::new).prometheus(() -> 0.0, () -> "RUNNING"));
        CheckerRegistry registry = new CheckerRegistry(Pipelines.pack(), RecordStage.NONE, ZoneOffset.UTC, 1024);
        text.append(PackWatcher.activePack(registry));
        try (PackWatcher w = new PackWatcher("127.0.0.1:1", registry, List.of("CN"))) {
            text.append(w.prometheus());
        }
        // PipelineRunner adds the async stage's gauge (needs a Streams client); read it from its source
        String runner = Files.readString(Path.of("src", "main", "java", "org", "emrqc", "kafka", "PipelineRunner.java"));
        Matcher r = Pattern.compile("# TYPE (\\w+) (\\w+)").matcher(runner);
        while (r.find()) text.append("# TYPE ").append(r.group(1)).append(' ').append(r.group(2)).append('\n');
        Map<String, String> types = new HashMap<>();
        Matcher m = TYPE.matcher(text);
        while (m.find()) types.put(m.group(1), m.group(2));
        return types;
    }

    @Test
    void everyPanelQueriesOnlyExportedMetrics() throws Exception {
        Map<String, String> types = exported();
        assertTrue(types.containsKey("emrqc_findings_total") && types.containsKey("emrqc_llm_call_seconds")
                && types.containsKey("emrqc_structuring_running") && types.containsKey("emrqc_pack_swaps_total"), types.toString());
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> unknown = new ArrayList<>();
        TreeSet<String> used = new TreeSet<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        });
        int queried = 0;
        for (JsonNode p : panels) {
            if ("row".equals(p.path("type").asText())) continue;
            queried++;
            assertFalse(p.path("targets").isEmpty(), "panel without a query: " + p.path("title").asText());
            for (JsonNode t : p.path("targets")) {
                String expr = t.path("expr").asText();
                assertTrue(NAME.matcher(expr).find(), p.path("title").asText() + ": no emrqc metric in " + expr);
                Matcher m = NAME.matcher(expr);
                while (m.find()) {
                    used.add(m.group());
                    if (!exportedName(m.group(), types)) unknown.add(p.path("title").asText() + ": " + m.group());
                }
            }
        }
        String templating = dashboard.path("templating").toString();
        Matcher m = NAME.matcher(templating);
        while (m.find()) if (!exportedName(m.group(), types)) unknown.add("templating: " + m.group());
        assertTrue(unknown.isEmpty(), "not exported: " + unknown + "; exported: " + new TreeSet<>(types.keySet()));
        assertTrue(queried >= 12, "panels: " + queried);
        for (String needed : List.of("emrqc_records_in_total", "emrqc_findings_total", "emrqc_dead_letters_total", "emrqc_consumer_lag_max",
                "emrqc_stage_seconds_sum", "emrqc_llm_call_seconds_bucket", "emrqc_llm_tokens_total", "emrqc_llm_cache_hits_total",
                "emrqc_active_pack_info", "emrqc_streams_running")) {
            assertTrue(used.contains(needed), "the dashboard should show " + needed);
        }
    }

    private static boolean exportedName(String name, Map<String, String> types) {
        if (types.containsKey(name)) return true;
        for (String suffix : List.of("_bucket", "_sum", "_count", "_max")) {
            if (!name.endsWith(suffix)) continue;
            String type = types.get(name.substring(0, name.length() - suffix.length()));
            if ("histogram".equals(type) && !suffix.equals("_max")) return true;
            if ("summary".equals(type)) return true;
        }
        return false;
    }
}
