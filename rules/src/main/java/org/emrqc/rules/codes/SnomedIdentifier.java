package org.emrqc.rules.codes;

/**
 * Structural validity of SNOMED CT identifiers (SCTIDs) as defined in the SNOMED CT
 * Technical Implementation Guide: a string of 6 to 18 decimal digits without a leading
 * zero, whose second and third digits from the right are the partition identifier and
 * whose last digit is a Verhoeff check digit computed over all preceding digits.
 *
 * <p>This checks the form of an identifier only; it does not tell whether the identifier
 * exists in, or is active in, any SNOMED CT release.
 */
public final class SnomedIdentifier {

    /** Verhoeff multiplication table (the dihedral group D5). */
    private static final int[][] D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
        {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
        {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
        {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
    };

    /** Verhoeff permutation table: row {@code i} is the permutation applied at position {@code i mod 8}. */
    private static final int[][] P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
        {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
        {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
        {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
    };

    /** Verhoeff inverse table. */
    private static final int[] INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private SnomedIdentifier() {
    }

    /** Returns {@code true} when {@code sctid} is a structurally valid SCTID (see {@link #problem}). */
    public static boolean isValid(String sctid) {
        return problem(sctid) == null;
    }

    /**
     * Returns {@code null} when {@code sctid} is a structurally valid SCTID, otherwise a short
     * English reason, for example {@code "check digit 7 does not match the Verhoeff digit 6"}.
     * Checks are made in this order: empty, non-digit characters, length, leading zero,
     * partition identifier, check digit.
     */
    public static String problem(String sctid) {
        if (sctid == null || sctid.isEmpty()) {
            return "empty";
        }
        if (!allDigits(sctid)) {
            return "contains characters other than digits";
        }
        if (sctid.length() < 6 || sctid.length() > 18) {
            return "not 6\u201318 digits";
        }
        if (sctid.charAt(0) == '0') {
            return "leading zero";
        }
        String partition = partition(sctid);
        if (!isKnownPartition(partition)) {
            return "partition identifier " + partition
                    + " is not a concept/description/relationship partition";
        }
        int given = sctid.charAt(sctid.length() - 1) - '0';
        int expected = verhoeffCheckDigit(sctid.substring(0, sctid.length() - 1));
        if (given != expected) {
            return "check digit " + given + " does not match the Verhoeff digit " + expected;
        }
        return null;
    }

    /**
     * Returns {@code true} when {@code sctid} is valid and identifies a concept, i.e. its
     * partition identifier is {@code 00} (short format) or {@code 10} (long format, extension).
     */
    public static boolean isConceptId(String sctid) {
        if (!isValid(sctid)) {
            return false;
        }
        String partition = partition(sctid);
        return partition.equals("00") || partition.equals("10");
    }

    /**
     * Computes the Verhoeff check digit for a non-empty string of decimal digits.
     *
     * @throws IllegalArgumentException if {@code digits} is empty or contains a non-digit
     */
    public static int verhoeffCheckDigit(String digits) {
        if (digits == null || digits.isEmpty() || !allDigits(digits)) {
            throw new IllegalArgumentException("not a string of digits: " + digits);
        }
        int c = 0;
        int n = digits.length();
        // Positions are counted from the right; the (future) check digit takes position 0.
        for (int i = 0; i < n; i++) {
            int digit = digits.charAt(n - 1 - i) - '0';
            c = D[c][P[(i + 1) % 8][digit]];
        }
        return INV[c];
    }

    /** The second and third digits from the right (caller guarantees length >= 3). */
    private static String partition(String sctid) {
        int n = sctid.length();
        return sctid.substring(n - 3, n - 1);
    }

    private static boolean isKnownPartition(String partition) {
        switch (partition) {
            case "00": case "01": case "02": case "03": case "04": case "05":
            case "10": case "11": case "12": case "13": case "14": case "15":
                return true;
            default:
                return false;
        }
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
