package org.emrqc.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counters of the pipeline: records in, findings out, dead letters by stage, and time spent per stage (read and
 * parse, narrative structuring, rules, writing), rendered in the Prometheus text format.
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
}
