package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pack archives: deterministic zips of a folder, and a safe way back (no zip slip, one top folder allowed). */
class PackZipTest {
    @TempDir
    Path dir;

    private static byte[] zip(String... nameThenText) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameThenText[i]));
                z.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    @Test
    void theSameFolderZipsToTheSameBytesAndUnpacksToTheSamePack() throws Exception {
        byte[] a = PackZip.zip(PackVersions.CORE);
        Thread.sleep(1100);
        byte[] b = PackZip.zip(PackVersions.CORE);
        assertArrayEquals(a, b, "sorted entries, fixed times");
        assertEquals(PackZip.sha256(a), PackZip.sha256(b));
        try (PackZip.Unpacked u = PackZip.unpack(a)) {
            RulePack p = u.load();
            assertEquals(Pipelines.pack().label(), p.label());
            assertEquals(Pipelines.pack().rules().keySet(), p.rules().keySet());
            assertArrayEquals(a, PackZip.zip(u.root()), "unpack then zip gives the archive back");
        }
    }

    @Test
    void packYamlUnderOneTopFolderIsFound() throws Exception {
        Path copy = PackVersions.copy(dir.resolve("core"), "2099.3.0", java.util.Map.of());
        byte[] flat = PackZip.zip(copy);
        // the same files under a top folder "core-2099/"
        Path outer = Files.createDirectories(dir.resolve("outer"));
        try (PackZip.Unpacked u = PackZip.unpack(flat)) {
            Files.move(u.root(), outer.resolve("core-2099"));
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b); var files = Files.walk(outer)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(outer.relativize(p).toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        Path root;
        try (PackZip.Unpacked u = PackZip.unpack(b.toByteArray())) {
            root = u.root();
            assertTrue(Files.isRegularFile(root.resolve("pack.yaml")), "the top folder is stripped");
            assertEquals("core@2099.3.0", u.load().label());
        }
        assertFalse(Files.exists(root), "the temporary folder is deleted on close");
    }

    @Test
    void entriesOutsideTheFolderAreRefusedWithTheirName() throws Exception {
        for (String bad : new String[] {"../evil.txt", "/etc/evil", "a/../../evil", "C:/evil", "a\\..\\evil"}) {
            PackException e = assertThrows(PackException.class, () -> PackZip.unpack(zip("pack.yaml", "id: x", bad, "x")), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "evil.txt")));
    }

    @Test
    void notAZipOrNoPackYamlIsAPackException() throws Exception {
        assertThrows(PackException.class, () -> PackZip.unpack("not a zip at all".getBytes(StandardCharsets.UTF_8)));
        assertThrows(PackException.class, () -> PackZip.unpack(new byte[0]));
        PackException e = assertThrows(PackException.class, () -> PackZip.unpack(zip("a/pack.yaml", "id: x", "b/pack.yaml", "id: y")));
        assertTrue(e.getMessage().contains("no pack.yaml"), e.getMessage());
        PackException dup = assertThrows(PackException.class, () -> PackZip.unpack(zip("pack.yaml", "a", "./pack.yaml", "b")));
        assertTrue(dup.getMessage().contains("pack.yaml"), dup.getMessage());
    }
}
