package org.emrqc.rules.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnomedIdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "22298006", "44054006", "38341003", "73211009", "195967001", "387713003",
        "716186003", "10509002", "840539006", "999480561000087100"})
    void knownConceptIdsAreValid(String sctid) {
        assertNull(SnomedIdentifier.problem(sctid));
        assertTrue(SnomedIdentifier.isValid(sctid));
        assertTrue(SnomedIdentifier.isConceptId(sctid));
        assertTrue(independentVerhoeffValid(sctid), "independent Verhoeff check");
    }

    /**
     * Hand calculation for 2229800 (positions from the right, p row = position + 1):
     * c = d[0][p1[0]=1] = 1; d[1][p2[0]=5] = 6; d[6][p3[8]=2] = 9; d[9][p4[9]=0] = 9;
     * d[9][p5[2]=8] = 1; d[1][p6[2]=9] = 5; d[5][p7[2]=4] = 6; inv[6] = 6.
     */
    @Test
    void handCalculatedCheckDigit() {
        assertEquals(6, SnomedIdentifier.verhoeffCheckDigit("2229800"));
        // 99948056100008710: the running value ends at 0, and inv[0] = 0.
        assertEquals(0, SnomedIdentifier.verhoeffCheckDigit("99948056100008710"));
    }

    @Test
    void wrongCheckDigit() {
        assertEquals("check digit 7 does not match the Verhoeff digit 6",
                SnomedIdentifier.problem("22298007"));
        assertFalse(SnomedIdentifier.isValid("22298007"));
        assertFalse(SnomedIdentifier.isConceptId("22298007"));
        assertFalse(independentVerhoeffValid("22298007"), "independent Verhoeff check");
    }

    @Test
    void tooLongOrTooShort() {
        assertEquals("not 6\u201318 digits", SnomedIdentifier.problem("1234567890123456789"));
        assertEquals("not 6\u201318 digits", SnomedIdentifier.problem("10002"));
    }

    @Test
    void leadingZero() {
        assertEquals("leading zero", SnomedIdentifier.problem("022298006"));
    }

    @Test
    void unknownPartition() {
        assertEquals("partition identifier 99 is not a concept/description/relationship partition",
                SnomedIdentifier.problem("1234990"));
        assertEquals("partition identifier 06 is not a concept/description/relationship partition",
                SnomedIdentifier.problem("1234060"));
    }

    @Test
    void nonDigitsAndEmpty() {
        assertEquals("empty", SnomedIdentifier.problem(null));
        assertEquals("empty", SnomedIdentifier.problem(""));
        assertEquals("contains characters other than digits", SnomedIdentifier.problem("22298O06"));
        assertEquals("contains characters other than digits", SnomedIdentifier.problem(" 22298006"));
    }

    @Test
    void descriptionAndRelationshipIdsAreValidButNotConcepts() {
        String description = "1234501" + SnomedIdentifier.verhoeffCheckDigit("1234501");
        String relationship = "1234502" + SnomedIdentifier.verhoeffCheckDigit("1234502");
        String extensionDescription = "12345678911" + SnomedIdentifier.verhoeffCheckDigit("12345678911");
        for (String id : new String[] {description, relationship, extensionDescription}) {
            assertTrue(SnomedIdentifier.isValid(id), id);
            assertFalse(SnomedIdentifier.isConceptId(id), id);
            assertTrue(independentVerhoeffValid(id), id);
        }
    }

    @Test
    void everySingleDigitErrorIsDetected() {
        String id = "387713003";
        for (int pos = 0; pos < id.length(); pos++) {
            for (char ch = '0'; ch <= '9'; ch++) {
                if (ch == id.charAt(pos) || (pos == 0 && ch == '0')) {
                    continue;
                }
                String changed = id.substring(0, pos) + ch + id.substring(pos + 1);
                assertFalse(SnomedIdentifier.isValid(changed), changed);
            }
        }
    }

    @Test
    void checkDigitRejectsNonDigits() {
        assertThrows(IllegalArgumentException.class, () -> SnomedIdentifier.verhoeffCheckDigit(""));
        assertThrows(IllegalArgumentException.class, () -> SnomedIdentifier.verhoeffCheckDigit("12a"));
    }

    /**
     * Verhoeff validation written separately from the production code: run over all digits,
     * including the check digit, using p[position mod 8]; the result must be 0.
     */
    private static boolean independentVerhoeffValid(String digits) {
        int[][] d = new int[10][10];
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                d[a][b] = dihedral(a, b);
            }
        }
        int[] p1 = {1, 5, 7, 6, 2, 8, 3, 0, 9, 4};
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            for (int k = 0; k < i % 8; k++) {
                digit = p1[digit];
            }
            c = d[c][digit];
        }
        return c == 0;
    }

    /** Multiplication in D5 reproducing the standard Verhoeff d table (0-4 rotations, 5-9 reflections). */
    private static int dihedral(int a, int b) {
        if (a < 5 && b < 5) {
            return (a + b) % 5;
        }
        if (a < 5) {
            return 5 + ((b - 5) + a) % 5;
        }
        if (b < 5) {
            return 5 + ((a - 5) - b + 5) % 5;
        }
        return ((a - 5) - (b - 5) + 5) % 5;
    }
}
