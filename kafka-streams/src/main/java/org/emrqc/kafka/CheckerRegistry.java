package org.emrqc.kafka;

import java.lang.ref.WeakReference;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.emrqc.rules.check.RecordChecker;
import org.emrqc.rules.check.RecordStage;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.RulePack;

/**
 * The rule pack version in force and one RecordChecker per region on it, swappable while records are checked.
 *
 * <p>What is in force is an immutable {@link Snapshot} (pack, its own rule base cache, its region checkers).
 * A caller takes one snapshot per record ({@link #snapshot()}) and uses it for everything about that record,
 * so a record is evaluated wholly by one version. {@link #swap} compiles the new version's regions (the
 * default region and every region the current version has compiled) before it replaces the snapshot in one
 * atomic step; records already being checked finish on the version they started with. The replaced
 * snapshot is then only referenced by those records: its KieBases (and their generated classes) become
 * garbage once they finish — the compiler keeps no KieModule in the KIE repository — so at most the
 * versions still in use by a running record stay in memory ({@link #retiredAlive()} counts them).
 */
public final class CheckerRegistry {
    /** One pack version with its compiled regions. Immutable apart from compiling regions on first use. */
    public static final class Snapshot {
        private final RulePack pack;
        private final RecordStage stage;
        private final ZoneId zone;
        private final long maxBytes;
        private final long generation;
        private final RuleBaseCache cache = new RuleBaseCache();
        private final Map<String, RecordChecker> checkers = new ConcurrentHashMap<>();

        private Snapshot(RulePack pack, RecordStage stage, ZoneId zone, long maxBytes, long generation) {
            this.pack = pack;
            this.stage = stage;
            this.zone = zone;
            this.maxBytes = maxBytes;
            this.generation = generation;
        }

        /** The region's checker on this version (compiled on first use; later records reuse it). */
        public RecordChecker forRegion(String region) {
            return checkers.computeIfAbsent(region, r -> new RecordChecker(cache.get(pack, r), r, zone, maxBytes).withStage(stage));
        }

        public RulePack pack() { return pack; }

        /** "id@version", as findings carry it. */
        public String packLabel() { return pack.label(); }

        /** 1 for the version the registry started with, +1 per swap. */
        public long generation() { return generation; }

        /** The regions compiled so far on this version. */
        public Set<String> regions() { return Set.copyOf(checkers.keySet()); }
    }

    private final Function<RulePack, RecordStage> stageFor;
    private final ZoneId zone;
    private final long maxBytes;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final List<WeakReference<Snapshot>> retired = new ArrayList<>();

    /** @param stage the structuring stage for every version */
    public CheckerRegistry(RulePack pack, RecordStage stage, ZoneId zone, long maxBytes) {
        this(pack, p -> stage, zone, maxBytes);
    }

    /** @param stageFor the structuring stage of a pack version (its terminology may come from the pack) */
    public CheckerRegistry(RulePack pack, Function<RulePack, RecordStage> stageFor, ZoneId zone, long maxBytes) {
        this.stageFor = stageFor;
        this.zone = zone;
        this.maxBytes = maxBytes;
        current.set(new Snapshot(pack, stageFor.apply(pack), zone, maxBytes, 1));
    }

    /** The version in force: take it once per record and use it for the whole record. */
    public Snapshot snapshot() { return current.get(); }

    /** The region's checker on the version in force (for callers that check one thing at a time). */
    public RecordChecker forRegion(String region) { return snapshot().forRegion(region); }

    public long maxBytes() { return maxBytes; }

    public String packLabel() { return snapshot().packLabel(); }

    public RulePack pack() { return snapshot().pack(); }

    /**
     * Puts {@code next} in force: compiles it for the given regions and for every region the current version
     * has compiled (off the hot path: records keep being checked on the current version meanwhile), then
     * replaces the snapshot atomically. When a region does not compile, nothing changes and the exception
     * (a PackException naming the file) is thrown.
     *
     * @return the new snapshot
     */
    public synchronized Snapshot swap(RulePack next, Collection<String> regions) {
        Snapshot before = current.get();
        Snapshot after = new Snapshot(next, stageFor.apply(next), zone, maxBytes, before.generation + 1);
        Set<String> warm = new LinkedHashSet<>(regions);
        warm.addAll(before.regions());
        for (String r : warm) after.forRegion(r);
        current.set(after);
        retired.removeIf(w -> w.get() == null);
        retired.add(new WeakReference<>(before));
        return after;
    }

    public Snapshot swap(RulePack next, String... regions) { return swap(next, List.of(regions)); }

    /** Replaced versions not yet garbage collected (records still on them, or not collected yet). */
    public synchronized int retiredAlive() {
        retired.removeIf(w -> w.get() == null);
        return retired.size();
    }
}
