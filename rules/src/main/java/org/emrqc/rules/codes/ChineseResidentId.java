package org.emrqc.rules.codes;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Validity of 18-character citizen identification numbers of the People's Republic of China
 * (GB 11643-1999): a six-digit address code, an eight-digit birth date {@code YYYYMMDD}, a
 * three-digit sequence code whose last digit is odd for males and even for females, and a
 * check character computed with ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * check characters {@code 10X98765432} indexed by the weighted sum mod 11).
 *
 * <p>The address code is not checked against the administrative-division list, and birth
 * dates in the future are not rejected (that would make the result depend on the clock).
 */
public final class ChineseResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private ChineseResidentId() {
    }

    /** Returns {@code true} when {@code id} is a valid 18-character number (see {@link #problem}). */
    public static boolean isValid(String id) {
        return problem(id) == null;
    }

    /**
     * Returns {@code null} when {@code id} is valid, otherwise a short English reason, for
     * example {@code "check character 1 does not match the computed 0"}. A lower-case
     * {@code x} is reported as a problem: the standard prescribes an upper-case {@code X}.
     */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "empty";
        }
        if (id.length() != 18) {
            return "not 18 characters";
        }
        if (!firstSeventeenAreDigits(id)) {
            return "non-digit in the first 17 characters";
        }
        if (parseBirthDate(id) == null) {
            return "invalid birth date " + id.substring(6, 14);
        }
        char given = id.charAt(17);
        char expected = checkCharacter(id.substring(0, 17));
        if (given != expected) {
            return "check character " + given + " does not match the computed " + expected;
        }
        return null;
    }

    /**
     * Returns {@code "male"} when the 17th digit is odd, {@code "female"} when it is even, or
     * {@code null} when {@code id} is not 18 characters with 17 leading digits. The check
     * character and the birth date are not required to be valid.
     */
    public static String sex(String id) {
        if (id == null || id.length() != 18 || !firstSeventeenAreDigits(id)) {
            return null;
        }
        return (id.charAt(16) - '0') % 2 == 1 ? "male" : "female";
    }

    /**
     * Returns the birth date encoded at positions 7–14, or {@code null} when {@code id} is not
     * 18 characters with 17 leading digits or the date does not exist. The check character is
     * not required to be valid.
     */
    public static LocalDate birthDate(String id) {
        if (id == null || id.length() != 18 || !firstSeventeenAreDigits(id)) {
            return null;
        }
        return parseBirthDate(id);
    }

    /**
     * Computes the ISO 7064 MOD 11-2 check character for the first 17 digits.
     *
     * @throws IllegalArgumentException if {@code first17} is not exactly 17 digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !firstSeventeenAreDigits(first17)) {
            throw new IllegalArgumentException("not 17 digits: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static LocalDate parseBirthDate(String id) {
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean firstSeventeenAreDigits(String s) {
        for (int i = 0; i < 17; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
