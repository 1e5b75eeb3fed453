package org.emrqc.rules.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class PackArchiveTest {

    /** A zip written the way an attacker or a careless tool would: entries as given, nothing checked. */
    static byte[] rawZip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buf)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void roundTripKeepsEveryFileAndTheBytes() {
        PackArchive a = AdminPacks.core();
        byte[] zip = a.zip();
        PackArchive back = PackArchive.read(zip);
        assertEquals(a.files().keySet(), back.files().keySet());
        for (String p : a.paths()) assertArrayEquals(a.files().get(p), back.files().get(p), p);
        assertArrayEquals(zip, back.zip(), "same files, same bytes");
        assertEquals(a.sha256(), back.sha256());
        assertEquals(64, a.sha256().length());
        RulePack p = PackLoader.load(back.source());
        assertEquals("core@2026.11.0", p.label());
        assertEquals(TestPacks.core().rules().keySet(), p.rules().keySet());
    }

    @Test
    void zipIsDeterministicWhateverTheOrderTheFilesCameIn() {
        Map<String, byte[]> one = new TreeMap<>();
        one.put("pack.yaml", b("id: x\n"));
        one.put("templates/a.drl", b("rule\n"));
        Map<String, byte[]> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(one);
        assertArrayEquals(PackArchive.of(one).zip(), PackArchive.of(reversed).zip());
        assertEquals(PackArchive.of(one).sha256(), PackArchive.of(reversed).sha256());
        assertNotEquals(PackArchive.of(one).sha256(), PackArchive.of(one).with("templates/a.drl", "rule 2\n").sha256());
    }

    @Test
    void archiveFromTheSourceHoldsWhatTheDirectoryHolds() {
        PackArchive fromSource = PackArchive.of(PackSource.directory(TestPacks.CORE_DIR));
        assertEquals(AdminPacks.core().files().keySet(), fromSource.files().keySet());
        assertEquals(AdminPacks.core().sha256(), fromSource.sha256());
    }

    @Test
    void oneTopFolderIsStripped() throws IOException {
        byte[] zip = rawZip(Map.of("core/pack.yaml", b("id: x\n"), "core/templates/a.drl", b("rule\n")));
        assertEquals(java.util.List.of("pack.yaml", "templates/a.drl"), PackArchive.read(zip).paths());
    }

    @Test
    void zipSlipIsRefusedNamingTheEntry() throws IOException {
        byte[] zip = rawZip(Map.of("pack.yaml", b("id: x\n"), "templates/../../etc/cron.d/evil", b("x")));
        PackException e = assertThrows(PackException.class, () -> PackArchive.read(zip));
        assertEquals("zip entry 'templates/../../etc/cron.d/evil': '..' would leave the pack", e.getMessage());
    }

    @Test
    void absolutePathsAndBackslashesAreRefused() throws IOException {
        assertEquals("zip entry '/etc/passwd': absolute path",
                assertThrows(PackException.class, () -> PackArchive.read(rawZip(Map.of("/etc/passwd", b("x"))))).getMessage());
        assertEquals("zip entry 'C:/x.yaml': absolute path",
                assertThrows(PackException.class, () -> PackArchive.read(rawZip(Map.of("C:/x.yaml", b("x"))))).getMessage());
        assertEquals("zip entry '..\\x.yaml': backslash in the path (use /)",
                assertThrows(PackException.class, () -> PackArchive.read(rawZip(Map.of("..\\x.yaml", b("x"))))).getMessage());
        assertThrows(PackException.class, () -> PackArchive.of(Map.of("../x", b("x"))));
        assertThrows(PackException.class, () -> AdminPacks.core().with("/abs", "x"));
    }

    @Test
    void sizeLimitsCountInflatedBytes() throws IOException {
        byte[] big = new byte[100_000]; // deflates to a few hundred bytes
        // entries in a fixed order (Map.of's order changes from run to run): knowledge/big.csv, then pack.yaml
        byte[] zip = rawZip(new java.util.TreeMap<>(Map.of("pack.yaml", b("id: x\n"), "knowledge/big.csv", big)));
        assertTrue(zip.length < 2_000);
        PackArchive.Limits small = new PackArchive.Limits(50_000, 1_000_000, 10);
        assertEquals("zip entry 'knowledge/big.csv': larger than 50000 bytes",
                assertThrows(PackException.class, () -> PackArchive.read(zip, small)).getMessage());
        PackArchive.Limits total = new PackArchive.Limits(200_000, 90_000, 10);
        assertEquals("zip entry 'knowledge/big.csv': the archive inflates to more than the limit of all files together",
                assertThrows(PackException.class, () -> PackArchive.read(zip, total)).getMessage());
        PackArchive.Limits few = new PackArchive.Limits(200_000, 1_000_000, 1);
        assertEquals("zip entry 'pack.yaml': more than 1 entries",
                assertThrows(PackException.class, () -> PackArchive.read(zip, few)).getMessage());
    }

    @Test
    void notAZip() {
        PackException e = assertThrows(PackException.class, () -> PackArchive.read(b("id: core\nversion: 1\n")));
        assertEquals("the archive holds no files (is it a zip?)", e.getMessage());
        assertThrows(PackException.class, () -> PackArchive.read(new byte[0]));
    }

    @Test
    void withAndWithoutLeaveTheOriginalAlone() {
        PackArchive a = AdminPacks.core();
        PackArchive b = a.with("regions/X.yaml", "region: X\n").without("regions/US.yaml");
        assertTrue(b.has("regions/X.yaml"));
        assertFalse(b.has("regions/US.yaml"));
        assertTrue(a.has("regions/US.yaml"));
        assertFalse(a.has("regions/X.yaml"));
        PackException e = assertThrows(PackException.class, () -> b.source().read("regions/US.yaml"));
        assertEquals("regions/US.yaml: file not found (in " + TestPacks.CORE_DIR + ")", e.getMessage());
    }
}
