package org.emrqc.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for a short time, that a password matched a stored bcrypt hash. The key is a SHA-256 of username,
 * password and the stored hash, so a changed password (new hash) is checked afresh; nothing reversible is kept.
 */
final class VerifiedPasswords {
    private final int capacity;
    private final long ttlNanos;
    private final Map<String, Long> verifiedAt;

    VerifiedPasswords(int capacity, Duration ttl) {
        this.capacity = capacity;
        this.ttlNanos = ttl.toNanos();
        this.verifiedAt = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) { return size() > VerifiedPasswords.this.capacity; }
        };
    }

    boolean matches(String username, String password, String hash) {
        String key = key(username, password, hash);
        long now = System.nanoTime();
        synchronized (verifiedAt) {
            Long at = verifiedAt.get(key);
            if (at != null && now - at < ttlNanos) return true;
        }
        if (!Passwords.matches(password, hash)) return false;
        synchronized (verifiedAt) {
            verifiedAt.put(key, now);
        }
        return true;
    }

    private static String key(String username, String password, String hash) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String s : new String[] {username, password, hash}) {
                d.update(s.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
