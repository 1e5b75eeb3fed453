package org.emrqc.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;

/**
 * A rule pack as a zip archive (the value of a {@link Topics#PACKS} message): a deterministic zip of a pack
 * folder, and the safe way back into a folder (entries may not be absolute, hold "..", exceed the size
 * limits or be more than {@link #MAX_ENTRIES}; pack.yaml at the root or under one top folder).
 */
public final class PackZip {
    public static final int MAX_ENTRIES = 20_000;
    public static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;
    /** Every entry carries this time, so the same folder zips to the same bytes. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

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

    /** Unpacks an archive safely into a new temporary folder; PackException (naming the entry) when it is not a pack archive. */
    public static Unpacked unpack(byte[] zip) {
        if (zip == null || zip.length == 0) throw new PackException("pack archive: empty");
        Path dir;
        try {
            dir = Files.createTempDirectory("emrqc-pack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int entries = 0;
            long total = 0;
            byte[] buf = new byte[64 * 1024];
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    if (++entries > MAX_ENTRIES) throw new PackException("pack archive: more than " + MAX_ENTRIES + " entries");
                    Path target = target(dir, e.getName());
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) throw new PackException("pack archive: " + e.getName() + ": entry appears twice");
                    long size = 0;
                    try (OutputStream out = Files.newOutputStream(target)) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            size += n;
                            total += n;
                            if (size > MAX_ENTRY_BYTES) throw new PackException("pack archive: " + e.getName() + ": larger than " + MAX_ENTRY_BYTES + " bytes");
                            if (total > MAX_TOTAL_BYTES) throw new PackException("pack archive: more than " + MAX_TOTAL_BYTES + " bytes unpacked");
                            out.write(buf, 0, n);
                        }
                    }
                }
            }
            if (entries == 0) throw new PackException("pack archive: not a zip archive, or no entries");
            return new Unpacked(dir, packRoot(dir));
        } catch (IOException e) {
            deleteTree(dir);
            throw new PackException("pack archive: not a readable zip: " + e.getMessage());
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Where an entry goes under dir; refuses absolute names, "..", backslashes and drive letters. */
    private static Path target(Path dir, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":") || name.indexOf('\0') >= 0) {
            throw new PackException("pack archive: " + name + ": not a relative path");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) throw new PackException("pack archive: " + name + ": '..' in the path");
        }
        Path t = dir.resolve(name).normalize();
        if (!t.startsWith(dir) || t.equals(dir)) throw new PackException("pack archive: " + name + ": outside the archive");
        return t;
    }

    private static Path packRoot(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("pack.yaml"))) return dir;
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            // what macOS's archiver adds beside the folder
            children = s.filter(p -> !p.getFileName().toString().equals("__MACOSX") && !p.getFileName().toString().equals(".DS_Store")).toList();
        }
        if (children.size() == 1 && Files.isDirectory(children.get(0)) && Files.isRegularFile(children.get(0).resolve("pack.yaml"))) return children.get(0);
        throw new PackException("pack archive: no pack.yaml at its root or under one top folder");
    }

    /** A deterministic zip of a pack folder: regular files only, sorted by path, fixed times. */
    public static byte[] zip(Path folder) {
        if (!Files.isRegularFile(folder.resolve("pack.yaml"))) throw new PackException(folder + ": not a rule pack (no pack.yaml)");
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted(Comparator.naturalOrder())
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                ZipEntry e = new ZipEntry(name);
                e.setTimeLocal(FIXED_TIME);
                out.putNextEntry(e);
                try (InputStream in = Files.newInputStream(folder.resolve(name))) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
