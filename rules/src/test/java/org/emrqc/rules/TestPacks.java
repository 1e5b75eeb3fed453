package org.emrqc.rules;

import java.nio.file.Path;
import org.emrqc.rules.engine.CompiledRuleBase;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;

/** The core pack from the source tree, loaded once and compiled once per region for all tests. */
public final class TestPacks {
    public static final Path CORE_DIR = Path.of("..", "rule-packs", "core");
    private static RulePack core;
    private static final RuleBaseCache CACHE = new RuleBaseCache();

    private TestPacks() { }

    public static synchronized RulePack core() {
        if (core == null) core = PackLoader.load(PackSource.directory(CORE_DIR));
        return core;
    }

    public static CompiledRuleBase compiled(String region) { return CACHE.get(core(), region); }
}
