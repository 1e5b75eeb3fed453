package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** eval-extract --synthea on the shared Synthea sample (when present): the English targets hold. */
class EvalExtractSyntheaTest {
    @Test
    void recallAndNormalizationOfCodedConditionsAndMedications() {
        assumeTrue(Files.isDirectory(SyntheaEndToEndTest.SYNTHEA), "../shared/data/synthea is not present");
        CliRun r = CliRun.of("eval-extract", "--synthea", SyntheaEndToEndTest.SYNTHEA.toString(), "--resamples", "100");
        assertEquals(0, r.exit(), r.err());
        String json = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(json.startsWith("{\"notes\": 1760"), json);
        double recall = Double.parseDouble(json.replaceAll(".*\"all_recall\": ([0-9.]+).*", "$1"));
        double norm = Double.parseDouble(json.replaceAll(".*\"all_normalization\": ([0-9.]+).*", "$1"));
        assertTrue(recall >= 0.95, json);
        assertTrue(norm >= 0.95, json);
    }
}
