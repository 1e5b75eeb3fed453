package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check over the shared Synthea sample (when present): every file is checked without errors. */
class SyntheaEndToEndTest {
    static final Path SYNTHEA = Path.of("..", "..", "shared", "data", "synthea");

    @Test
    void everySyntheaFileIsCheckedWithoutErrors(@TempDir Path out) throws Exception {
        assumeTrue(Files.isDirectory(SYNTHEA), "../shared/data/synthea is not present");
        long inputs;
        try (Stream<Path> s = Files.list(SYNTHEA)) {
            inputs = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        CliRun r = CliRun.of("check", "--region", "US", "--out", out.toString(), SYNTHEA.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("error:"), r.err());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(inputs, s.filter(p -> p.toString().endsWith(".qc.json")).count());
        }
        assertTrue(r.out().contains("Checked " + inputs + " files"), r.out());
    }
}
