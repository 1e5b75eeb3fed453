package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** bin/emrqc rules lists the effective rules of a region and where each setting comes from. */
class RulesCommandTest {
    @Test
    void guangdongShowsItsOverridesAndTheirOrigin() {
        CliRun r = CliRun.of("rules", "--region", "CN-GD");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Pack core@2026.11.0, region CN-GD: CN-GD → CN → base\n"), r.out());
        assertTrue(r.out().contains("    params: kinds=[superior-round, senior-round]  limitHours=24 [CN-GD]  waivedBy=[admission-discharge-24h, admission-death-24h]\n"), r.out());
        assertTrue(r.out().contains("enabled yes [CN]  severity high [CN-GD]  points 10  veto yes [CN-GD]"), r.out());
    }

    @Test
    void regionWithoutOverlaySaysWhatItUses() {
        CliRun r = CliRun.of("rules", "--region", "US-MA");
        assertTrue(r.out().contains("(US-MA has no overlay of its own; it uses US)"), r.out());
    }
}
