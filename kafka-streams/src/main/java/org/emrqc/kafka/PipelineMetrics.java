package org.emrqc.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.emrqc.extractor.llm.LlmMetrics;
import org.emrqc.model.Finding;
import org.emrqc.model.RecordResult;

/**
 * Counters of the pipeline: records in, findings out, dead letters by stage, time spent per stage (read and
 * parse, narrative structuring, rules, writing), findings (DetectedIssues) by rule and defect class, and the LLM
 * extractor's counters when one is attached; rendered in the Prometheus text format.
 *
 * <p>Labels stay bounded: stages and defect classes are fixed sets; rule ids come from the rule pack (a few
 * hundred at most) and are capped at {@link #MAX_RULES} label values, further rules counting under
 * {@code rule="other"}. No label ever holds a patient, record or resource id.
 */
public final class PipelineMetrics {
    /** Sum, count and max of a stage's durations. */
    static final class Timer {
        final LongAdder nanos = new LongAdder();
        final LongAdder count = new LongAdder();
        volatile long max;

        void record(long n) {
            nanos.add(n);
            count.increment();
            if (n > max) max = n;
        }
    }

    private final LongAdder in = new LongAdder();
    private final LongAdder findings = new LongAdder();
    private final LongAdder structuredIn = new LongAdder();
    private final LongAdder structuredOut = new LongAdder();

    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();
    /** Distinct rule ids counted before further rules go to "other" (rule packs have a few hundred rules). */
    static final int MAX_RULES = 2000;
    /** Findings by "rule\u0000class". */
    private final Map<String, LongAdder> byRule = new ConcurrentHashMap<>();
    /** Rules not evaluated for a record (the rule failed on it and was skipped), by rule. */
    private final Map<String, LongAdder> notEvaluated = new ConcurrentHashMap<>();
    private volatile Supplier<LlmMetrics> llm;

    /** Adds the LLM extractor's counters to the exposition (the supplier may return null: no LLM in use). */
    public PipelineMetrics llm(Supplier<LlmMetrics> source) {
        this.llm = source;
        return this;
    }

    /** Counts the DetectedIssues of a findings bundle, by rule and defect class. */
    void findings(java.util.List<RecordResult> results) {
        for (RecordResult r : results) {
            for (Finding f : r.findings()) {
                String rule = f.ruleId() == null ? "unknown" : f.ruleId();
                String cls = f.defectClass() == null ? "unknown" : f.defectClass().code();
                String key = rule + '\u0000' + cls;
                LongAdder a = byRule.get(key);
                if (a == null) {
                    if (byRule.size() >= MAX_RULES) key = "other" + '\u0000' + cls;
                    a = byRule.computeIfAbsent(key, k -> new LongAdder());
                }
                a.increment();
            }
            for (org.emrqc.model.RuleNotice n : r.notEvaluated()) {
                String rule = n.ruleId();
                LongAdder a = notEvaluated.get(rule);
                if (a == null) {
                    if (notEvaluated.size() >= MAX_RULES) rule = "other";
                    a = notEvaluated.computeIfAbsent(rule, k -> new LongAdder());
                }
                a.increment();
            }
        }
    }

    /** Records for which a rule was not evaluated (it failed on the record and was skipped). */
    public long notEvaluated(String rule) { LongAdder a = notEvaluated.get(rule); return a == null ? 0 : a.sum(); }

    void received() { in.increment(); }
    void findings() { findings.increment(); }
    void structuredIn() { structuredIn.increment(); }
    void structuredWritten() { structuredOut.increment(); }
    void deadLetter(String stage) { deadLetters.computeIfAbsent(stage, s -> new LongAdder()).increment(); }
    void time(String stage, long nanos) { stages.computeIfAbsent(stage, s -> new Timer()).record(nanos); }

    public long recordsIn() { return in.sum(); }
    public long findingsOut() { return findings.sum(); }
    public long structuredOut() { return structuredOut.sum(); }
    public long deadLetters(String stage) { LongAdder a = deadLetters.get(stage); return a == null ? 0 : a.sum(); }
    public long stageCount(String stage) { Timer t = stages.get(stage); return t == null ? 0 : t.count.sum(); }
    public long findingsOf(String rule, String defectClass) { LongAdder a = byRule.get(rule + '\u0000' + defectClass); return a == null ? 0 : a.sum(); }

    /** Prometheus text exposition; lag and state come from the running Streams client when given. */
    public String prometheus(Supplier<Double> lag, Supplier<String> state) {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP emrqc_records_in_total Messages read from ").append(Topics.RECORDS).append('\n');
        sb.append("# TYPE emrqc_records_in_total counter\nemrqc_records_in_total ").append(in.sum()).append('\n');
        sb.append("# HELP emrqc_findings_out_total Findings messages written to ").append(Topics.FINDINGS).append('\n');
        sb.append("# TYPE emrqc_findings_out_total counter\nemrqc_findings_out_total ").append(findings.sum()).append('\n');
        sb.append("# HELP emrqc_structured_out_total Structured records written to ").append(Topics.STRUCTURED).append('\n');
        sb.append("# TYPE emrqc_structured_out_total counter\nemrqc_structured_out_total ").append(structuredOut.sum()).append('\n');
        sb.append("# HELP emrqc_structured_in_total Structured records the rule stage read from ").append(Topics.STRUCTURED).append('\n');
        sb.append("# TYPE emrqc_structured_in_total counter\nemrqc_structured_in_total ").append(structuredIn.sum()).append('\n');
        sb.append("# HELP emrqc_dead_letters_total Messages written to ").append(Topics.DEAD_LETTERS).append(", by stage\n");
        sb.append("# TYPE emrqc_dead_letters_total counter\n");
        deadLetters.forEach((s, n) -> sb.append("emrqc_dead_letters_total{stage=\"").append(s).append("\"} ").append(n.sum()).append('\n'));
        sb.append("# HELP emrqc_stage_seconds Time per message in each stage\n# TYPE emrqc_stage_seconds summary\n");
        stages.forEach((s, t) -> {
            sb.append(String.format(Locale.ROOT, "emrqc_stage_seconds_sum{stage=\"%s\"} %.6f%n", s, t.nanos.sum() / 1e9));
            sb.append("emrqc_stage_seconds_count{stage=\"").append(s).append("\"} ").append(t.count.sum()).append('\n');
            sb.append(String.format(Locale.ROOT, "emrqc_stage_seconds_max{stage=\"%s\"} %.6f%n", s, t.max / 1e9));
        });
        sb.append("# HELP emrqc_findings_total Findings (DetectedIssues) written to ").append(Topics.FINDINGS).append(", by rule and defect class\n");
        sb.append("# TYPE emrqc_findings_total counter\n");
        new java.util.TreeMap<>(byRule).forEach((k, n) -> {
            int cut = k.indexOf('\u0000');
            sb.append("emrqc_findings_total{rule=\"").append(label(k.substring(0, cut))).append("\",class=\"").append(label(k.substring(cut + 1)))
                    .append("\"} ").append(n.sum()).append('\n');
        });
        sb.append("# HELP emrqc_rules_not_evaluated_total Records for which a rule was not evaluated (it failed on the record and was skipped; the record's other rules ran)\n");
        sb.append("# TYPE emrqc_rules_not_evaluated_total counter\n");
        new java.util.TreeMap<>(notEvaluated).forEach((rule, n) ->
                sb.append("emrqc_rules_not_evaluated_total{rule=\"").append(label(rule)).append("\"} ").append(n.sum()).append('\n'));
        LlmMetrics m = llm == null ? null : llm.get();
        if (m != null) llm(sb, m);
        if (lag != null) {
            sb.append("# HELP emrqc_consumer_lag_max Largest consumer lag over the partitions this instance reads\n");
            sb.append("# TYPE emrqc_consumer_lag_max gauge\n").append(String.format(Locale.ROOT, "emrqc_consumer_lag_max %.0f%n", lag.get()));
        }
        if (state != null) {
            sb.append("# HELP emrqc_streams_running 1 when the Kafka Streams client is RUNNING\n# TYPE emrqc_streams_running gauge\n");
            sb.append("emrqc_streams_running{state=\"").append(state.get()).append("\"} ").append("RUNNING".equals(state.get()) ? 1 : 0).append('\n');
        }
        return sb.toString();
    }

    private static void llm(StringBuilder sb, LlmMetrics m) {
        counter(sb, "emrqc_llm_documents_total", "Documents given to the LLM extractor", m.documents());
        counter(sb, "emrqc_llm_chunks_total", "Chunks the documents were cut into (each answered from the cache or by a call)", m.chunks());
        counter(sb, "emrqc_llm_cache_hits_total", "Chunks answered from the response cache without a call", m.cacheHits());
        counter(sb, "emrqc_llm_calls_total", "HTTP calls to the model endpoint, retries included", m.calls());
        counter(sb, "emrqc_llm_retries_total", "Calls that repeated a failed attempt", m.retries());
        counter(sb, "emrqc_llm_failures_total", "Failed attempts (timeouts, HTTP errors, connection errors, invalid answers)", m.failures());
        counter(sb, "emrqc_llm_invalid_responses_total", "Answers that were not JSON or violated the schema", m.invalidResponses());
        counter(sb, "emrqc_llm_degraded_documents_total", "Documents handed to the offline extractor because the endpoint failed (facts marked degraded)", m.degradedDocuments());
        counter(sb, "emrqc_llm_breaker_opened_total", "Times the circuit breaker opened", m.breakerOpened());
        counter(sb, "emrqc_llm_mentions_total", "Mentions the LLM extractor emitted", m.mentions());
        counter(sb, "emrqc_llm_ungrounded_total", "Model mentions dropped because their quote is not in the text", m.ungrounded());
        sb.append("# HELP emrqc_llm_tokens_total Tokens as reported by the endpoint (TokenUsage), by type\n# TYPE emrqc_llm_tokens_total counter\n");
        sb.append("emrqc_llm_tokens_total{type=\"prompt\"} ").append(m.promptTokens()).append('\n');
        sb.append("emrqc_llm_tokens_total{type=\"completion\"} ").append(m.completionTokens()).append('\n');
        sb.append("# HELP emrqc_llm_call_seconds Duration of each HTTP call to the model endpoint\n# TYPE emrqc_llm_call_seconds histogram\n");
        long[] buckets = m.callBuckets();
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i];
            String le = i < LlmMetrics.CALL_BUCKETS.length ? bound(LlmMetrics.CALL_BUCKETS[i]) : "+Inf";
            sb.append("emrqc_llm_call_seconds_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "emrqc_llm_call_seconds_sum %.6f%n", m.callSeconds()));
        sb.append("emrqc_llm_call_seconds_count ").append(cumulative).append('\n');
    }

    private static void counter(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static String bound(double b) {
        return b == Math.rint(b) ? String.valueOf((long) b) + ".0" : String.valueOf(b);
    }

    /** A label value escaped for the text format (backslash, double quote, line feed). */
    static String label(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
