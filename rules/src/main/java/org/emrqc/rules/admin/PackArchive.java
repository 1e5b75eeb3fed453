package org.emrqc.rules.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackSource;

/**
 * A rule pack as a set of files (path relative to the pack root → bytes): what is uploaded, stored per version,
 * published to the pack topic and exported. Immutable: {@link #with} and {@link #without} return new archives.
 *
 * <p>{@link #zip()} is deterministic — entries sorted by path, one fixed timestamp, no directory entries, fixed
 * compression level — so the same files always give the same bytes and the same {@link #sha256()}.
 * {@link #read(byte[])} refuses absolute paths, {@code ..} segments, backslashes, duplicate entries and archives
 * over the {@link Limits}, counting the bytes actually inflated (never trusting the sizes an entry declares); its
 * errors name the entry. The byte arrays of {@link #files()} are shared: do not modify them.
 */
public final class PackArchive {
    /** Upper bounds for reading an uploaded archive. */
    public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
        /** 32 MiB per file, 256 MiB in all, 20,000 files: room for an 80,000-instance pack, not for a zip bomb. */
        public static final Limits DEFAULT = new Limits(32L << 20, 256L << 20, 20_000);
    }

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0, 0);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, byte[]> files;
    private final String describe;
    private volatile byte[] zip;

    private PackArchive(Map<String, byte[]> files, String describe) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.describe = describe;
    }

    /** An archive of the given files (paths are checked like zip entry names). */
    public static PackArchive of(Map<String, byte[]> files) {
        Map<String, byte[]> checked = new TreeMap<>();
        files.forEach((p, b) -> checked.put(safePath(p, "file"), b.clone()));
        return new PackArchive(checked, "pack archive");
    }

    /** Every regular file under a pack directory (hidden files and folders skipped). */
    public static PackArchive of(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = dir.relativize(f);
                boolean hidden = false;
                for (Path part : rel) hidden |= part.toString().startsWith(".");
                if (hidden) continue;
                out.put(rel.toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new PackException(dir + ": cannot read the pack directory: " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new PackException(dir + ": no files");
        return new PackArchive(out, dir.toString());
    }

    /**
     * The files a pack source holds, found from its {@code pack.yaml}: the manifest, templates, rule files,
     * regions, knowledge files, fixture files and the fixture records they name. Works for any source
     * (classpath, directory, synthetic); a listed file that is missing fails with the source's message.
     */
    public static PackArchive of(PackSource source) {
        Map<String, byte[]> out = new TreeMap<>();
        JsonNode manifest = tree(source, "pack.yaml", out);
        Set<String> paths = new LinkedHashSet<>();
        for (String list : List.of("templates", "rules", "regions")) manifest.path(list).forEach(n -> paths.add(n.asText()));
        manifest.path("knowledge").forEach(t -> {
            if (t.hasNonNull("file")) paths.add(t.get("file").asText());
        });
        for (String p : paths) out.put(p, source.read(p).getBytes(StandardCharsets.UTF_8));
        for (JsonNode f : manifest.path("fixtures")) {
            JsonNode doc = tree(source, f.asText(), out);
            for (JsonNode c : doc.path("cases")) {
                for (String kind : List.of("fires", "silent")) {
                    for (JsonNode e : c.path(kind)) {
                        String rec = "fixtures/" + e.path("file").asText();
                        if (!out.containsKey(rec)) out.put(rec, source.read(rec).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new PackArchive(out, source.describe());
    }

    private static JsonNode tree(PackSource source, String path, Map<String, byte[]> out) {
        String text = source.read(path);
        out.put(path, text.getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode n = YAML.readTree(text);
            return n == null ? YAML.createObjectNode() : n;
        } catch (IOException e) {
            throw new PackException(path + ": " + e.getMessage(), e);
        }
    }

    /** Reads an uploaded zip with the default limits. */
    public static PackArchive read(byte[] zip) { return read(zip, Limits.DEFAULT); }

    /**
     * Reads a zip safely. When every file sits in one top folder that holds {@code pack.yaml} (a zipped pack
     * directory), that folder is stripped.
     */
    public static PackArchive read(byte[] zip, Limits limits) {
        if (zip == null || zip.length == 0) throw new PackException("the archive is empty");
        Map<String, byte[]> out = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String raw = e.getName();
                if (++entries > limits.maxEntries()) throw new PackException("zip entry '" + raw + "': more than " + limits.maxEntries() + " entries");
                if (e.isDirectory()) {
                    safePath(raw.substring(0, raw.length() - 1), "zip entry");
                    continue;
                }
                String path = safePath(raw, "zip entry");
                byte[] bytes = readBounded(in, raw, limits.maxEntryBytes(), limits.maxTotalBytes() - total);
                total += bytes.length;
                if (out.put(path, bytes) != null) throw new PackException("zip entry '" + raw + "': duplicate entry");
            }
        } catch (ZipException ex) {
            throw new PackException("not a valid zip archive: " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new PackException("cannot read the archive: " + ex.getMessage(), ex);
        }
        if (out.isEmpty()) throw new PackException("the archive holds no files (is it a zip?)");
        return new PackArchive(stripTopFolder(out), "uploaded archive");
    }

    private static byte[] readBounded(InputStream in, String entry, long maxEntry, long remaining) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long n = 0;
        int r;
        while ((r = in.read(chunk)) > 0) {
            n += r;
            if (n > maxEntry) throw new PackException("zip entry '" + entry + "': larger than " + maxEntry + " bytes");
            if (n > remaining) throw new PackException("zip entry '" + entry + "': the archive inflates to more than the limit of all files together");
            buf.write(chunk, 0, r);
        }
        return buf.toByteArray();
    }

    private static Map<String, byte[]> stripTopFolder(Map<String, byte[]> files) {
        if (files.containsKey("pack.yaml")) return files;
        String top = null;
        for (String p : files.keySet()) {
            int slash = p.indexOf('/');
            if (slash < 0) return files;
            String t = p.substring(0, slash + 1);
            if (top == null) top = t;
            else if (!top.equals(t)) return files;
        }
        if (top == null || !files.containsKey(top + "pack.yaml")) return files;
        Map<String, byte[]> out = new TreeMap<>();
        for (var e : files.entrySet()) out.put(e.getKey().substring(top.length()), e.getValue());
        return out;
    }

    /** A relative path with forward slashes, no empty, "." or ".." segments; else a PackException naming it. */
    static String safePath(String name, String what) {
        String where = what + " '" + name + "'";
        if (name == null || name.isEmpty()) throw new PackException(what + " with an empty name");
        if (name.indexOf('\0') >= 0) throw new PackException(where + ": NUL in the name");
        if (name.indexOf('\\') >= 0) throw new PackException(where + ": backslash in the path (use /)");
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) throw new PackException(where + ": absolute path");
        for (String seg : name.split("/", -1)) {
            if (seg.equals("..")) throw new PackException(where + ": '..' would leave the pack");
            if (seg.isEmpty() || seg.equals(".")) throw new PackException(where + ": empty or '.' path segment");
        }
        return name;
    }

    /** The zip: entries in path order, fixed timestamps, deflate level 9; same files, same bytes. */
    public byte[] zip() {
        byte[] z = zip;
        if (z == null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(buf, StandardCharsets.UTF_8)) {
                out.setLevel(Deflater.BEST_COMPRESSION);
                for (var e : files.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTimeLocal(FIXED_TIME);
                    entry.setMethod(ZipEntry.DEFLATED);
                    out.putNextEntry(entry);
                    out.write(e.getValue());
                    out.closeEntry();
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing a zip in memory failed", e);
            }
            zip = z = buf.toByteArray();
        }
        return z.clone();
    }

    /** Hex SHA-256 of {@link #zip()}. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files by path, sorted. */
    public Map<String, byte[]> files() { return files; }

    public List<String> paths() { return new ArrayList<>(files.keySet()); }

    public boolean has(String path) { return files.containsKey(path); }

    /** A file as UTF-8 text, or null when absent. */
    public String text(String path) {
        byte[] b = files.get(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public long totalBytes() { return files.values().stream().mapToLong(b -> b.length).sum(); }

    /** The archive as a source for {@code PackLoader.load}. */
    public PackSource source() { return PackSource.memory(files, describe); }

    public String describe() { return describe; }

    /** A copy with one file added or replaced. */
    public PackArchive with(String path, byte[] content) {
        Map<String, byte[]> m = new TreeMap<>(files);
        m.put(safePath(path, "file"), content.clone());
        return new PackArchive(m, describe);
    }

    public PackArchive with(String path, String text) { return with(path, text.getBytes(StandardCharsets.UTF_8)); }

    /** A copy without a file (the same archive when it has no such file). */
    public PackArchive without(String path) {
        if (!files.containsKey(path)) return this;
        Map<String, byte[]> m = new TreeMap<>(files);
        m.remove(path);
        return new PackArchive(m, describe);
    }

    @Override public String toString() { return "PackArchive[" + files.size() + " files, " + describe + "]"; }
}
