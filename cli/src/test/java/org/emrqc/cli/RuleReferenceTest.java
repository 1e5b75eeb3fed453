package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is what `bin/emrqc rules --markdown` prints for the shipped pack: the docs stay true. */
class RuleReferenceTest {
    @Test
    void docsRulesMdIsUpToDate() throws Exception {
        CliRun r = CliRun.of("rules", "--markdown");
        assertEquals(0, r.exit(), r.err());
        String committed = Files.readString(Path.of("..", "docs", "rules.md"));
        assertEquals(committed, r.out(), "docs/rules.md is stale: regenerate it with bin/emrqc rules --markdown > docs/rules.md");
    }
}
