package org.emrqc.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.emrqc.rules.pack.RulePack;

/**
 * Follows {@link Topics#PACKS} and puts each new archive of the running pack (message key = the pack id) in
 * force with {@link CheckerRegistry#swap}, while the stream keeps running.
 *
 * <p>It reads every partition from the beginning, read_committed, without a consumer group (each instance
 * reads the whole topic). {@link #catchUp} reads up to the end before the stream starts and puts the last
 * loadable archive in force, so a restarted processor continues on the version that was active; then the
 * thread started by {@link #start} applies each archive that arrives. An archive that does not unpack, load
 * or compile (or whose sha256 or version header disagrees with it) is logged in one line, counted and
 * ignored: the version in force keeps serving.
 */
public final class PackWatcher implements AutoCloseable {
    private final CheckerRegistry registry;
    private final String packId;
    private final List<String> regions;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean started;
    private volatile boolean assigned;
    private volatile String activeSha;
    private volatile String lastRejection;
    private volatile long lastSwapMillis;
    private volatile Throwable failure;
    private final Object filesLock = new Object();
    private PackZip.Unpacked activeFiles;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PackWatcher.class);
    /** Where the one-line reports go; null: the SLF4J logger (rejections at WARN, the rest at INFO). */
    private Consumer<String> log;

    /**
     * @param regions the regions to compile before a swap (the stream's default region); the regions the
     *                version in force has compiled are compiled too
     */
    public PackWatcher(String bootstrap, CheckerRegistry registry, Collection<String> regions) {
        this.registry = registry;
        this.packId = registry.pack().id();
        this.regions = List.copyOf(regions);
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("isolation.level", "read_committed");
        c.put("enable.auto.commit", "false");
        c.put("client.id", "emrqc-pack-watcher-" + Long.toHexString(System.nanoTime()));
        c.put("max.partition.fetch.bytes", 128 * 1024 * 1024);
        c.put("fetch.max.bytes", 128 * 1024 * 1024);
        consumer = new KafkaConsumer<>(KafkaConnection.apply(c), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "emrqc-pack-watcher");
        thread.setDaemon(true);
    }

    /**
     * Where the one-line reports go (default: the SLF4J logger org.emrqc.kafka.PackWatcher, with the archive's
     * topic, partition, offset and the pack as MDC fields while one is applied).
     */
    public PackWatcher log(Consumer<String> sink) {
        this.log = sink;
        return this;
    }

    /**
     * Reads the topic up to its current end and puts the last archive of the pack that loads and compiles in
     * force (older ones are tried when the last is bad). Returns false when the topic could not be read in time
     * (the thread keeps trying).
     */
    public boolean catchUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!assign(timeout)) {
            info("topic " + Topics.PACKS + " not found; starting on " + registry.packLabel() + ", the watcher thread goes on looking");
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
        while (System.nanoTime() < deadline && !reachedEnd(ends)) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (ends.get(new TopicPartition(r.topic(), r.partition())) <= r.offset()) continue; // arrived after: the thread applies it
                if (!packId.equals(key(r))) continue;
                mine.add(r);
                if (mine.size() > 8) mine.remove(0);
            }
        }
        boolean done = reachedEnd(ends);
        // the newest first; fall back to older ones while the newest are bad
        for (int i = mine.size() - 1; i >= 0; i--) {
            if (apply(mine.get(i))) break;
        }
        // what arrived after the end offsets is read again by the thread
        ends.forEach((tp, end) -> {
            if (consumer.position(tp) > end) consumer.seek(tp, end);
        });
        if (!done) info("did not reach the end of " + Topics.PACKS + " in " + timeout.toSeconds() + " s; the watcher thread goes on reading");
        return done;
    }

    private boolean reachedEnd(Map<TopicPartition, Long> ends) {
        for (var e : ends.entrySet()) if (consumer.position(e.getKey()) < e.getValue()) return false;
        return true;
    }

    private boolean assign(Duration timeout) {
        if (assigned) return true;
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(Topics.PACKS, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            infos = List.of();
        }
        if (infos == null || infos.isEmpty()) return false;
        List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        assigned = true;
        return true;
    }

    /** Starts following the topic (after {@link #catchUp}). */
    public void start() {
        started = true;
        thread.start();
    }

    private void run() {
        boolean warned = false;
        try {
            while (!closed) {
                if (!assigned) {
                    if (!assign(Duration.ofSeconds(5))) {
                        if (!warned) info("topic " + Topics.PACKS + " not found; pack " + registry.packLabel() + " stays in force until it appears");
                        warned = true;
                        sleep(5000);
                        continue;
                    }
                    info("following " + Topics.PACKS + " for pack " + packId);
                }
                List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (packId.equals(key(r))) mine.add(r);
                }
                // of several archives in one batch only the last matters (or the last one that is good)
                for (int i = mine.size() - 1; i >= 0; i--) {
                    if (apply(mine.get(i))) break;
                }
            }
        } catch (WakeupException e) {
            if (!closed) failure = e;
        } catch (RuntimeException | Error e) {
            failure = e;
            warn("the watcher stopped: " + e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            closeFiles();
        }
    }

    /** Puts one archive in force; false (logged, counted) when it is rejected. Already in force: true. */
    private boolean apply(ConsumerRecord<byte[], byte[]> r) {
        org.slf4j.MDC.put("topic", r.topic());
        org.slf4j.MDC.put("partition", String.valueOf(r.partition()));
        org.slf4j.MDC.put("offset", String.valueOf(r.offset()));
        org.slf4j.MDC.put("pack", registry.packLabel());
        try {
            return applyRecord(r);
        } finally {
            for (String k : new String[] {"topic", "partition", "offset", "pack"}) org.slf4j.MDC.remove(k);
        }
    }

    private boolean applyRecord(ConsumerRecord<byte[], byte[]> r) {
        String where = r.topic() + "/" + r.partition() + "/" + r.offset();
        String version = header(r, Topics.HEADER_PACK_VERSION);
        if (r.value() == null) {
            reject(where, version, "a tombstone (no archive)");
            return false;
        }
        String sha = PackZip.sha256(r.value());
        if (sha.equals(activeSha)) return true;
        String declared = header(r, Topics.HEADER_PACK_SHA256);
        if (declared != null && !declared.equalsIgnoreCase(sha)) {
            reject(where, version, "sha256 " + sha + " differs from the header's " + declared);
            return false;
        }
        long t0 = System.nanoTime();
        PackZip.Unpacked files = null;
        try {
            files = PackZip.unpack(r.value());
            RulePack next = files.load();
            if (!next.id().equals(packId)) throw new IllegalArgumentException("the archive holds pack '" + next.id() + "', not '" + packId + "'");
            if (version != null && !version.equals(next.version())) {
                throw new IllegalArgumentException("the archive holds version " + next.version() + ", the header says " + version);
            }
            String before = registry.packLabel();
            CheckerRegistry.Snapshot now = registry.swap(next, regions);
            PackZip.Unpacked previous;
            synchronized (filesLock) {
                previous = activeFiles;
                activeFiles = files;
            }
            if (previous != null) previous.close();
            activeSha = sha;
            swaps.incrementAndGet();
            lastSwapMillis = (System.nanoTime() - t0) / 1_000_000;
            info(before + " -> " + now.packLabel() + " from " + where + " (sha256 " + sha.substring(0, 12) + ", activated by "
                    + header(r, Topics.HEADER_ACTIVATED_BY) + " at " + header(r, Topics.HEADER_ACTIVATED_AT) + "; regions " + now.regions()
                    + " compiled, " + lastSwapMillis + " ms)");
            return true;
        } catch (RuntimeException e) {
            if (files != null) files.close();
            reject(where, version, oneLine(e));
            return false;
        }
    }

    private void info(String line) {
        if (log != null) log.accept(line);
        else LOG.info(line);
    }

    private void warn(String line) {
        if (log != null) log.accept(line);
        else LOG.warn(line);
    }

    private void reject(String where, String version, String reason) {
        rejected.incrementAndGet();
        lastRejection = where + ": " + reason;
        warn("rejected the archive at " + where + " (pack " + packId + ", version " + version + "): " + reason + "; " + registry.packLabel() + " stays in force");
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String[] lines = m.strip().split("\n");
        String first = lines[0].strip();
        if (lines.length > 1) first += " " + lines[1].strip() + (lines.length > 2 ? " (+" + (lines.length - 2) + " more lines)" : "");
        return first;
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) { return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8); }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public long swaps() { return swaps.get(); }

    public long rejected() { return rejected.get(); }

    /** The last rejection ("topic/partition/offset: reason"), or null. */
    public String lastRejection() { return lastRejection; }

    /** True while the thread follows the topic. */
    public boolean running() { return thread.isAlive() && failure == null; }

    public Throwable failure() { return failure; }

    /** Prometheus text: the version in force, swaps, rejected archives, replaced versions still in memory. */
    public String prometheus() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP emrqc_pack_swaps_total Pack versions put in force from ").append(Topics.PACKS).append('\n');
        sb.append("# TYPE emrqc_pack_swaps_total counter\nemrqc_pack_swaps_total ").append(swaps.get()).append('\n');
        sb.append("# HELP emrqc_pack_archives_rejected_total Archives from ").append(Topics.PACKS).append(" that did not load or compile (the version in force kept serving)\n");
        sb.append("# TYPE emrqc_pack_archives_rejected_total counter\nemrqc_pack_archives_rejected_total ").append(rejected.get()).append('\n');
        sb.append("# HELP emrqc_pack_last_swap_seconds Time to unpack, load and compile the last version put in force\n");
        sb.append("# TYPE emrqc_pack_last_swap_seconds gauge\n").append(String.format(Locale.ROOT, "emrqc_pack_last_swap_seconds %.3f%n", lastSwapMillis / 1000.0));
        sb.append("# HELP emrqc_pack_watcher_running 1 while the pack watcher follows ").append(Topics.PACKS).append('\n');
        sb.append("# TYPE emrqc_pack_watcher_running gauge\nemrqc_pack_watcher_running ").append(running() ? 1 : 0).append('\n');
        return sb.toString();
    }

    /** Prometheus text of the version in force of a registry (with or without a watcher). */
    public static String activePack(CheckerRegistry registry) {
        String label = registry.packLabel().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "# HELP emrqc_active_pack_info The rule pack version in force\n# TYPE emrqc_active_pack_info gauge\n"
                + "emrqc_active_pack_info{pack=\"" + label + "\"} 1\n"
                + "# HELP emrqc_pack_retired_versions Replaced pack versions still in memory (records still on them, or not yet collected)\n"
                + "# TYPE emrqc_pack_retired_versions gauge\nemrqc_pack_retired_versions " + registry.retiredAlive() + "\n";
    }

    private void closeFiles() {
        PackZip.Unpacked files;
        synchronized (filesLock) {
            files = activeFiles;
            activeFiles = null;
        }
        if (files != null) files.close();
    }

    @Override
    public void close() {
        synchronized (filesLock) {
            if (closed) return;
            closed = true;
        }
        if (started) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(Duration.ofSeconds(5));
            closeFiles();
        }
    }
}
