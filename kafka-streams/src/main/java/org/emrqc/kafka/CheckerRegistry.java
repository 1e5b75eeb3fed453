package org.emrqc.kafka;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.emrqc.rules.check.RecordChecker;
import org.emrqc.rules.check.RecordStage;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.RulePack;

/** One RecordChecker per region (each on the region's compiled rule base), built on first use and shared. */
public final class CheckerRegistry {
    private final RulePack pack;
    private final RecordStage stage;
    private final ZoneId zone;
    private final long maxBytes;
    private final RuleBaseCache cache = new RuleBaseCache();
    private final Map<String, RecordChecker> checkers = new ConcurrentHashMap<>();

    public CheckerRegistry(RulePack pack, RecordStage stage, ZoneId zone, long maxBytes) {
        this.pack = pack;
        this.stage = stage;
        this.zone = zone;
        this.maxBytes = maxBytes;
    }

    public RecordChecker forRegion(String region) {
        return checkers.computeIfAbsent(region, r -> new RecordChecker(cache.get(pack, r), r, zone, maxBytes).withStage(stage));
    }

    public long maxBytes() { return maxBytes; }

    public String packLabel() { return pack.label(); }
}
