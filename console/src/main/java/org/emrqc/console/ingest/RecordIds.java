package org.emrqc.console.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids that are safe in URLs. A record's key is "patient ref|source" (source: topic/partition/offset of the input,
 * or api/bundle id); its id is "r" + 20 hex digits of the key's SHA-256. A finding's id is the DetectedIssue id
 * plus 8 hex digits of its record key, because two records may hold the same resources and so the same issue ids.
 */
public final class RecordIds {
    private RecordIds() { }

    public static String recordKey(String patientRef, String source) { return (patientRef == null ? "Patient/?" : patientRef) + "|" + source; }

    public static String recordId(String recordKey) { return "r" + sha256Hex(recordKey, 10); }

    public static String findingId(String issueId, String recordKey) { return issueId + "." + sha256Hex(recordKey, 4); }

    static String sha256Hex(String s, int bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
