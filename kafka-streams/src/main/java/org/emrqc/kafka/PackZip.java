package org.emrqc.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;

/**
 * A rule pack as a zip archive (the value of a {@link Topics#PACKS} message), as {@link PackArchive} reads and
 * writes it, unpacked into a folder for the stream processor's pack watcher.
 */
public final class PackZip {

    private PackZip() { }

    /** A pack archive unpacked into a temporary folder, deleted on close. */
    public static final class Unpacked implements AutoCloseable {
        private final Path dir;
        private final Path root;

        private Unpacked(Path dir, Path root) {
            this.dir = dir;
            this.root = root;
        }

        /** The folder holding pack.yaml. */
        public Path root() { return root; }

        /** Loads the pack (PackException naming the file and line when it is not a valid pack). */
        public RulePack load() { return PackLoader.load(PackSource.directory(root)); }

        @Override
        public void close() { deleteTree(dir); }
    }

    /**
     * Unpacks an archive into a new temporary folder; PackException (naming the entry) when it is not a pack
     * archive. Reading is {@link PackArchive#read(byte[])}'s: no absolute paths, no "..", no duplicates, size
     * and entry limits, one top folder holding pack.yaml stripped.
     */
    public static Unpacked unpack(byte[] zip) {
        PackArchive archive = PackArchive.read(zip);
        if (!archive.has("pack.yaml")) throw new PackException("pack archive: no pack.yaml at its root or under one top folder");
        Path dir;
        try {
            dir = Files.createTempDirectory("emrqc-pack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Map.Entry<String, byte[]> f : archive.files().entrySet()) {
                Path target = dir.resolve(f.getKey()).normalize();
                if (!target.startsWith(dir)) throw new PackException("pack archive: " + f.getKey() + ": outside the archive");
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            return new Unpacked(dir, dir);
        } catch (IOException e) {
            deleteTree(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** A deterministic zip of a pack folder ({@link PackArchive#zip()}: sorted entries, fixed times). */
    public static byte[] zip(Path folder) {
        if (!Files.isRegularFile(folder.resolve("pack.yaml"))) throw new PackException(folder + ": not a rule pack (no pack.yaml)");
        return PackArchive.of(folder).zip();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("emrqc: cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
