package org.emrqc.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a pack's files come from: a directory, or the classpath (the packs shipped in emrqc-rule-packs). */
public interface PackSource {
    /** The text of a file of the pack, by its path relative to the pack root. */
    String read(String path);

    /** Where the pack is, for messages. */
    String describe();

    static PackSource directory(Path root) {
        return new PackSource() {
            @Override public String read(String path) {
                try {
                    return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    throw new PackException(root.resolve(path) + ": file not found");
                } catch (IOException e) {
                    throw new PackException(root.resolve(path) + ": cannot read: " + e.getMessage());
                }
            }
            @Override public String describe() { return root.toString(); }
        };
    }

    /**
     * A pack held in memory (an uploaded archive, a draft): file paths relative to the pack root, as in a zip.
     * The map is copied; missing files are reported as {@code path: file not found (in describe)}.
     */
    static PackSource memory(java.util.Map<String, byte[]> files, String describe) {
        java.util.Map<String, byte[]> copy = java.util.Map.copyOf(files);
        return new PackSource() {
            @Override public String read(String path) {
                byte[] b = copy.get(path);
                if (b == null) throw new PackException(path + ": file not found (in " + describe + ")");
                return new String(b, StandardCharsets.UTF_8);
            }
            @Override public String describe() { return describe; }
        };
    }

    static PackSource classpath(String prefix) {
        return new PackSource() {
            @Override public String read(String path) {
                String name = prefix + "/" + path;
                try (InputStream in = PackSource.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) throw new PackException("classpath:" + name + ": file not found");
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new PackException("classpath:" + name + ": cannot read: " + e.getMessage());
                }
            }
            @Override public String describe() { return "classpath:" + prefix; }
        };
    }
}
