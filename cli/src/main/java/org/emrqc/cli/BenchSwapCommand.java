package org.emrqc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.PackZip;
import org.emrqc.model.PatientRecord;
import org.emrqc.rules.bench.SyntheticPack;
import org.emrqc.rules.bench.SyntheticRecords;
import org.emrqc.rules.check.RecordStage;
import org.emrqc.rules.engine.RecordEvaluator;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "swap", mixinStandardHelpOptions = true,
        description = {"Pack activation at scale: generates a pack of N rule instances (as 'bench rules'), writes and zips it, validates it as a stream "
                + "processor's watcher and 'pack activate' would (unpack, load, compile every region), then swaps a running CheckerRegistry to new "
                + "versions of it while threads check records without pause: activation time, checking throughput before/during/after, the longest "
                + "check, heap and metaspace after each swap (the replaced version must be collected).",
                "Fixtures are not run: the generated knowledge tables replace the ones the core fixtures rely on."})
final class BenchSwapCommand implements Callable<Integer> {
    @Option(names = "--instances", defaultValue = "80000", paramLabel = "N", description = "Rule instances (knowledge rows). Default: ${DEFAULT-VALUE}.")
    int instances;

    @Option(names = "--region", defaultValue = "CN", description = "The stream's default region. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--swaps", defaultValue = "3", description = "Versions to activate one after the other. Default: ${DEFAULT-VALUE}.")
    int swaps;

    @Option(names = "--threads", defaultValue = "1", description = "Threads checking records meanwhile. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--records", defaultValue = "2000", description = "Distinct records per thread. Default: ${DEFAULT-VALUE}.")
    int records;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of the before and after windows around each swap. Default: ${DEFAULT-VALUE}.")
    double seconds;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Per-thread checking counters; the swap reads them. */
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong outOfOrder = new AtomicLong();
    /** Set while heap is measured: the checking threads wait, so their garbage does not count. */
    private final AtomicBoolean paused = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger parked = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Integer call() throws Exception {
        if (instances < 10 || swaps < 1 || threads < 1) throw new UserError("--instances ≥ 10, --swaps ≥ 1, --threads ≥ 1");
        Path work = Files.createTempDirectory("emrqc-bench-swap");
        try {
            return run(work);
        } finally {
            deleteTree(work);
        }
    }

    private int run(Path work) throws Exception {
        long t0 = System.nanoTime();
        SyntheticPack source = new SyntheticPack(PackSource.classpath("emrqc/packs/core"), instances);
        Path folder = work.resolve("pack");
        String baseVersion = write(source, folder);
        double generateS = (System.nanoTime() - t0) / 1e9;
        long z0 = System.nanoTime();
        byte[] zip = PackZip.zip(folder);
        double zipS = (System.nanoTime() - z0) / 1e9;
        System.out.printf(Locale.ROOT, "pack: %d generated instances, core templates and rules, %d regions; folder written in %.2f s, zipped in %.2f s: %.1f MB (sha256 %s)%n",
                instances, 5, generateS, zipS, zip.length / 1048576.0, PackZip.sha256(zip).substring(0, 12));

        // validation as the watcher and 'pack activate' do it (without fixtures); in a method of its own, so
        // nothing of it stays reachable from this frame afterwards
        long heap0 = Heap.usedAfterGc();
        Validation v = validate(zip);
        long validatedHeap = v.heapWithAllRegions() - heap0;
        double loadS = v.loadSeconds();
        double validateS = v.seconds();
        System.out.printf(Locale.ROOT, "validate: unpack + load %.2f s, compile every region %.2f s (%s); total %.2f s; retained heap with all regions compiled %.1f MB%n",
                loadS, validateS - loadS, String.join(", ", v.perRegion()), validateS, validatedHeap / 1048576.0);

        List<List<PatientRecord>> recordsPerThread = new ArrayList<>();
        for (int i = 0; i < threads; i++) recordsPerThread.add(SyntheticRecords.generate(source, records, 7 + i, 0.02));
        // the running registry on version 1, threads checking records through it
        long heapBefore = Heap.usedAfterGc();
        CheckerRegistry registry = new CheckerRegistry(load(zip), RecordStage.NONE, ZoneOffset.UTC, 16L * 1024 * 1024);
        registry.forRegion(region);
        long heapRunning = Heap.usedAfterGc() - heapBefore;
        long meta0 = metaspace();
        System.out.printf(Locale.ROOT, "running: %s compiled for %s, retained heap (pack + compiled region) %.1f MB, metaspace %.1f MB, %d classes loaded%n",
                registry.packLabel(), region, heapRunning / 1048576.0, meta0 / 1048576.0, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());

        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            List<PatientRecord> recs = recordsPerThread.get(i);
            Thread t = new Thread(() -> check(registry, recs), "bench-check-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        sleep(seconds); // warm-up
        List<String> json = new ArrayList<>();
        for (int s = 1; s <= swaps; s++) {
            String version = baseVersion + "-swap" + s;
            rewriteVersion(folder, baseVersion, version);
            byte[] next = PackZip.zip(folder);
            double before = rate(seconds);
            maxNanos.set(0);
            long c0 = checked.get();
            long w0 = System.nanoTime();
            RulePack pack = load(next);
            double unpackLoadS = (System.nanoTime() - w0) / 1e9;
            registry.swap(pack, region);
            pack = null; // only the registry holds versions
            double activateS = (System.nanoTime() - w0) / 1e9;
            double during = (checked.get() - c0) / activateS;
            double maxMsDuring = maxNanos.get() / 1e6;
            double after = rate(seconds);
            paused.set(true);
            while (parked.get() < threads) Thread.onSpinWait();
            long heap = Heap.usedAfterGc() - heapBefore;
            long meta = metaspace();
            int retired = registry.retiredAlive();
            paused.set(false);
            System.out.printf(Locale.ROOT, "swap %d -> %s: activation %.2f s (unpack + load %.2f s, compile %s %.2f s); checking %.0f records/s before, %.0f during, %.0f after; "
                            + "longest check during %.1f ms; after GC: retained heap (pack + compiled region) %.1f MB, metaspace %.1f MB, %d classes loaded, %d unloaded, replaced versions alive %d%n",
                    s, registry.packLabel(), activateS, unpackLoadS, region, activateS - unpackLoadS, before, during, after, maxMsDuring, heap / 1048576.0,
                    meta / 1048576.0, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount(), retired);
            json.add(String.format(Locale.ROOT, "{\"activation_seconds\": %.2f, \"unpack_load_seconds\": %.2f, \"records_per_second_before\": %.0f, \"during\": %.0f, \"after\": %.0f, "
                    + "\"longest_check_ms\": %.1f, \"retained_heap_mb\": %.1f, \"metaspace_mb\": %.1f, \"replaced_alive\": %d}", activateS, unpackLoadS, before, during, after,
                    maxMsDuring, heap / 1048576.0, meta / 1048576.0, retired));
        }
        stop.set(true);
        for (Thread t : workers) t.join(10_000);
        System.out.printf(Locale.ROOT, "checked %d records on %d thread(s); records on an older version after a newer one (per thread): %d%n", checked.get(), threads, outOfOrder.get());
        System.out.printf(Locale.ROOT, "{\"instances\": %d, \"archive_mb\": %.1f, \"validate_seconds\": %.2f, \"load_seconds\": %.2f, \"validated_heap_mb\": %.1f, \"running_heap_mb\": %.1f, \"region\": \"%s\", \"swaps\": [%s]}%n",
                instances, zip.length / 1048576.0, validateS, loadS, validatedHeap / 1048576.0, heapRunning / 1048576.0, region, String.join(", ", json));
        return outOfOrder.get() == 0 ? 0 : 1;
    }

    private record Validation(double loadSeconds, double seconds, List<String> perRegion, long heapWithAllRegions) { }

    private static Validation validate(byte[] zip) {
        long v0 = System.nanoTime();
        List<String> perRegion = new ArrayList<>();
        try (PackZip.Unpacked u = PackZip.unpack(zip)) {
            RulePack p = u.load();
            double loadS = (System.nanoTime() - v0) / 1e9;
            RuleBaseCache cache = new RuleBaseCache();
            for (String r : p.regions().keySet()) {
                long r0 = System.nanoTime();
                int rules = cache.get(p, r).ruleSet().enabled().size();
                perRegion.add(String.format(Locale.ROOT, "%s %d rules %.2f s", r, rules, (System.nanoTime() - r0) / 1e9));
            }
            double total = (System.nanoTime() - v0) / 1e9;
            long heap = Heap.usedAfterGc();
            if (cache.size() != p.regions().size()) throw new IllegalStateException("not every region compiled");
            return new Validation(loadS, total, perRegion, heap);
        }
    }

    private static RulePack load(byte[] zip) {
        try (PackZip.Unpacked u = PackZip.unpack(zip)) {
            return u.load();
        }
    }

    private void check(CheckerRegistry registry, List<PatientRecord> recs) {
        RecordEvaluator evaluator = new RecordEvaluator();
        long now = 1_800_000_000_000L;
        long lastGeneration = 0;
        for (long n = 0; !stop.get(); n++) {
            if (paused.get()) {
                parked.incrementAndGet();
                while (paused.get() && !stop.get()) sleep(0.001);
                parked.decrementAndGet();
            }
            long t = System.nanoTime();
            CheckerRegistry.Snapshot version = registry.snapshot(); // one version per record, as MessageCheck does
            if (version.generation() < lastGeneration) outOfOrder.incrementAndGet();
            lastGeneration = version.generation();
            evaluator.evaluate(version.forRegion(region).base(), recs.get((int) (n % recs.size())), now, region);
            long d = System.nanoTime() - t;
            checked.incrementAndGet();
            if (d > maxNanos.get()) maxNanos.set(d);
        }
    }

    private double rate(double s) {
        long c0 = checked.get();
        long t0 = System.nanoTime();
        sleep(s);
        return (checked.get() - c0) / ((System.nanoTime() - t0) / 1e9);
    }

    private static void sleep(double s) {
        try {
            Thread.sleep((long) (s * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long metaspace() {
        Heap.usedAfterGc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getName().equals("Metaspace")) return p.getUsage().getUsed();
        return -1;
    }

    /** Writes the files pack.yaml names (fixtures left out: see the description); returns the version. */
    private static String write(SyntheticPack source, Path folder) throws IOException {
        String manifest = source.read("pack.yaml");
        JsonNode m = YAML.readTree(manifest);
        Set<String> files = new LinkedHashSet<>();
        for (String list : List.of("templates", "rules", "regions")) m.path(list).forEach(n -> files.add(n.asText()));
        m.path("knowledge").forEach(n -> files.add(n.path("file").asText()));
        for (String f : files) {
            Path t = folder.resolve(f);
            Files.createDirectories(t.getParent());
            Files.writeString(t, source.read(f), StandardCharsets.UTF_8);
        }
        // fixtures: none (the lists stay out of pack.yaml so the pack is self-contained)
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : manifest.split("\n", -1)) {
            if (line.startsWith("fixtures:")) {
                skipping = true;
                continue;
            }
            if (skipping && (line.startsWith("  ") || line.isBlank())) continue;
            skipping = false;
            kept.append(line).append('\n');
        }
        Files.writeString(folder.resolve("pack.yaml"), kept.toString().stripTrailing() + "\n", StandardCharsets.UTF_8);
        return m.path("version").asText();
    }

    private static void rewriteVersion(Path folder, String base, String version) throws IOException {
        Path f = folder.resolve("pack.yaml");
        String text = Files.readString(f, StandardCharsets.UTF_8).replaceFirst("(?m)^version: .*$", "version: " + version);
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
