package org.emrqc.extractor.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Valid model answers by key: a least-recently-used map in memory, and optionally a directory
 * ({@code <dir>/<first two hex digits>/<key>.json}, written atomically) that survives restarts and can be
 * shared by processes. Answers are stored as received, i.e. pseudonymized when pseudonymization is on: the
 * directory holds no more personal data than was sent. Thread-safe; directory errors are logged once and
 * otherwise ignored (the cache is an optimisation).
 */
final class ResponseCache {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

    private final int capacity;
    private final Path dir;
    private final Map<String, String> memory;
    private volatile boolean dirFailed;

    ResponseCache(int capacity, Path dir) {
        this.capacity = capacity;
        this.dir = dir;
        this.memory = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > ResponseCache.this.capacity;
            }
        };
    }

    /** sha256 of the parts, each followed by a NUL, as 64 hex digits. */
    static String key(String... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                d.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String get(String key) {
        if (capacity > 0) {
            synchronized (memory) {
                String v = memory.get(key);
                if (v != null) return v;
            }
        }
        if (dir == null || dirFailed) return null;
        Path f = file(key);
        try {
            if (!Files.isRegularFile(f)) return null;
            String v = Files.readString(f, StandardCharsets.UTF_8);
            remember(key, v);
            return v;
        } catch (IOException e) {
            failed("read", e);
            return null;
        }
    }

    void put(String key, String value) {
        remember(key, value);
        if (dir == null || dirFailed) return;
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), key.substring(0, 8), ".tmp");
            Files.writeString(tmp, value, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            failed("write", e);
        }
    }

    private void remember(String key, String value) {
        if (capacity <= 0) return;
        synchronized (memory) {
            memory.put(key, value);
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    private void failed(String what, IOException e) {
        if (!dirFailed) {
            dirFailed = true;
            LOG.warn("LLM cache directory {} unusable ({} failed: {}); caching in memory only", dir, what, e.toString());
        }
    }
}
