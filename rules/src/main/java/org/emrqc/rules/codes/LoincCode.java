package org.emrqc.rules.codes;

import java.util.regex.Pattern;

/**
 * Structural validity of LOINC codes: one to seven digits, a hyphen and one check digit,
 * where the check digit is computed with the mod-10 algorithm documented by LOINC
 * (starting from the rightmost digit of the code part, every other digit is doubled; the
 * digits of the doubled values and the undoubled digits are summed; the check digit is
 * {@code (10 - sum mod 10) mod 10}).
 *
 * <p>This checks the form of a code only; it does not tell whether the code exists in,
 * or is active in, any LOINC release.
 */
public final class LoincCode {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{1,7}-[0-9]");

    private LoincCode() {
    }

    /** Returns {@code true} when {@code code} is a well-formed LOINC code (see {@link #problem}). */
    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /**
     * Returns {@code null} when {@code code} is a well-formed LOINC code with a correct check
     * digit, otherwise a short English reason, for example
     * {@code "check digit 5 does not match the mod-10 digit 6"}.
     */
    public static String problem(String code) {
        if (code == null || code.isEmpty()) {
            return "empty";
        }
        if (!FORMAT.matcher(code).matches()) {
            return "not 1\u20137 digits, a hyphen and a check digit";
        }
        int hyphen = code.indexOf('-');
        int given = code.charAt(hyphen + 1) - '0';
        int expected = checkDigit(code.substring(0, hyphen));
        if (given != expected) {
            return "check digit " + given + " does not match the mod-10 digit " + expected;
        }
        return null;
    }

    /**
     * Computes the LOINC mod-10 check digit of the code part (the digits before the hyphen).
     *
     * @throws IllegalArgumentException if {@code digits} is empty or contains a non-digit
     */
    public static int checkDigit(String digits) {
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException("not a string of digits: " + digits);
        }
        int sum = 0;
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            char ch = digits.charAt(n - 1 - i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException("not a string of digits: " + digits);
            }
            int digit = ch - '0';
            if (i % 2 == 0) {
                // Rightmost digit and every second one to its left: doubled, then the digits
                // of the product are added (a product is at most 18, so at most two digits).
                int doubled = digit * 2;
                sum += doubled / 10 + doubled % 10;
            } else {
                sum += digit;
            }
        }
        return (10 - sum % 10) % 10;
    }
}
