package org.emrqc.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackDiffTest {
    private static final PackArchive CORE = AdminPacks.core();

    private static final PackDiff.SettingChange LIMIT_24_TO_12 = new PackDiff.SettingChange("params.limitHours", 24, 12, "CN-GD", "CN-GD");

    @Test
    void limitHoursEditInGuangdong() {
        PackArchive after = OverlayEditor.of(CORE).param("CN-GD", "TIM-ATT-ROUND", "limitHours", 12).archive();
        PackDiff d = PackDiff.between(CORE, after);
        assertEquals("core@2026.11.0", d.before());
        assertEquals(List.of(new PackDiff.FileChange("regions/CN-GD.yaml", "changed", true, 1, 1, """
                --- a/regions/CN-GD.yaml
                +++ b/regions/CN-GD.yaml
                @@ -12,7 +12,7 @@
                   - TIM-POSTOP-DAYS
                 rules:
                   TIM-ATT-ROUND:
                -    params: {limitHours: 24}
                +    params: {limitHours: 12}
                     points: 5
                   TIM-SENIOR-ROUND:
                     params: {limitHours: 72}
                """, false)), d.files());
        assertEquals(List.of(new PackDiff.RegionChanges("CN-GD", "changed",
                List.of(new PackDiff.RuleChange("TIM-ATT-ROUND", "changed", List.of(LIMIT_24_TO_12))), List.of(), List.of())), d.regions());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void theEditReachesTheRegionsBelow() {
        PackArchive withHospital = OverlayEditor.of(CORE).addRegion("CN-GD-H001", "CN-GD", "Hospital 001", null)
                .points("CN-GD-H001", "TIM-FPN-8H", 3).archive();
        PackArchive after = OverlayEditor.of(withHospital).param("CN-GD", "TIM-ATT-ROUND", "limitHours", 12).archive();
        PackDiff d = PackDiff.between(withHospital, after);
        PackDiff.RuleChange change = new PackDiff.RuleChange("TIM-ATT-ROUND", "changed", List.of(LIMIT_24_TO_12));
        assertEquals(List.of(
                new PackDiff.RegionChanges("CN-GD", "changed", List.of(change), List.of(), List.of()),
                new PackDiff.RegionChanges("CN-GD-H001", "changed", List.of(change), List.of(), List.of())), d.regions());
    }

    @Test
    void newHospitalRegionIsComparedWithWhatItInheritedBefore() {
        PackArchive after = OverlayEditor.of(CORE).addRegion("CN-GD-H001", "CN-GD", "Hospital 001", null)
                .disable("CN-GD-H001", "TIM-SENIOR-ROUND").archive();
        PackDiff d = PackDiff.between(CORE, after);
        assertEquals(List.of("pack.yaml", "regions/CN-GD-H001.yaml"), d.files().stream().map(PackDiff.FileChange::path).toList());
        assertEquals(List.of("changed", "added"), d.files().stream().map(PackDiff.FileChange::change).toList());
        assertEquals(List.of(new PackDiff.RegionChanges("CN-GD-H001", "added", List.of(new PackDiff.RuleChange("TIM-SENIOR-ROUND", "disabled",
                List.of(new PackDiff.SettingChange("enabled", true, false, "CN-GD", "CN-GD-H001 (disabled)")))), List.of(), List.of())), d.regions());
        assertTrue(d.files().get(1).diff().startsWith("--- /dev/null\n+++ b/regions/CN-GD-H001.yaml\n@@ -0,0 +1,6 @@\n+# CN-GD-H001"), d.files().get(1).diff());
    }

    @Test
    void knowledgeBinaryAndBoundedDiffs() {
        StringBuilder many = new StringBuilder("code,unit\n");
        for (int i = 0; i < 1000; i++) many.append("X").append(i).append(",mg\n");
        PackArchive after = CORE.with("knowledge/analyte-units.csv", CORE.text("knowledge/analyte-units.csv") + "2823-3,Potassium,mmol/L\n")
                .with("docs/table.xlsx", new byte[] {'P', 'K', 3, 4, 0, (byte) 0xff}).with("notes/big.txt", many.toString());
        PackDiff d = PackDiff.between(CORE, after);
        PackDiff.FileChange units = d.files().get(1);
        assertEquals("knowledge/analyte-units.csv", units.path());
        assertEquals(1, units.linesAdded());
        assertEquals(0, units.linesRemoved());
        assertEquals(new PackDiff.FileChange("docs/table.xlsx", "added", false, 0, 0, null, false), d.files().get(0));
        PackDiff.FileChange big = d.files().get(2);
        assertTrue(big.truncated());
        assertEquals(1001, big.linesAdded());
        assertEquals(PackDiff.MAX_DIFF_LINES + 1, big.diff().split("\n").length);
        assertEquals(List.of(new PackDiff.TableChange("analyte-units", 0, 0)).size(), 1);
        for (PackDiff.RegionChanges r : d.regions()) {
            PackDiff.TableChange t = r.knowledge().get(0);
            assertEquals("analyte-units", t.table());
            assertEquals(t.rowsBefore() + 1, t.rowsAfter());
        }
        assertEquals(5, d.regions().size());
    }
}
