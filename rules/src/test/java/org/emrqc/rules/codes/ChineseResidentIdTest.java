package org.emrqc.rules.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Uses synthetic numbers (address code 110101, made-up dates and sequences), not real people's. */
class ChineseResidentIdTest {

    /** Test-side ISO 7064 MOD 11-2, written independently of the production code. */
    private static String withCheck(String first17) {
        // Weight of position i (1-based from the right, the check character being position 1)
        // is 2^(i-1) mod 11.
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int positionFromRight = 18 - i;
            int weight = 1;
            for (int k = 1; k < positionFromRight; k++) {
                weight = weight * 2 % 11;
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int value = (12 - sum % 11) % 11; // value of the check character, 10 is written X
        return first17 + (value == 10 ? "X" : Integer.toString(value));
    }

    /**
     * Hand calculation for 11010119800101001: products with weights 7 9 10 5 8 4 2 1 6 3 7 9
     * 10 5 8 4 2 are 7 9 0 5 0 4 2 9 48 0 0 9 0 5 0 0 2, sum 100, 100 mod 11 = 1, "10X98765432"[1]
     * = '0'. With sequence 002 the sum is 102, mod 11 = 3, giving '9'; with 007 it is 112, mod 11
     * = 2, giving 'X'.
     */
    @Test
    void handCalculatedNumbers() {
        assertEquals("110101198001010010", withCheck("11010119800101001"));
        assertEquals("110101198001010029", withCheck("11010119800101002"));
        assertEquals("11010119800101007X", withCheck("11010119800101007"));
        assertEquals('0', ChineseResidentId.checkCharacter("11010119800101001"));
        assertEquals('9', ChineseResidentId.checkCharacter("11010119800101002"));
        assertEquals('X', ChineseResidentId.checkCharacter("11010119800101007"));
    }

    @Test
    void validNumbers() {
        for (String id : new String[] {"110101198001010010", "110101198001010029", "11010119800101007X",
            withCheck("11010120000229003"), withCheck("11010119991231004"), withCheck("11010119800101999")}) {
            assertNull(ChineseResidentId.problem(id), id);
            assertTrue(ChineseResidentId.isValid(id), id);
        }
    }

    @Test
    void sexAndBirthDate() {
        assertEquals("male", ChineseResidentId.sex("110101198001010010"));
        assertEquals("female", ChineseResidentId.sex("110101198001010029"));
        assertEquals("male", ChineseResidentId.sex("11010119800101007X"));
        assertEquals(LocalDate.of(1980, 1, 1), ChineseResidentId.birthDate("110101198001010010"));
        String leapDay = withCheck("11010120000229004");
        assertEquals("female", ChineseResidentId.sex(leapDay));
        assertEquals(LocalDate.of(2000, 2, 29), ChineseResidentId.birthDate(leapDay));
    }

    @Test
    void sexAndBirthDateDoNotNeedTheCheckCharacter() {
        assertEquals("male", ChineseResidentId.sex("110101198001010011"));
        assertEquals(LocalDate.of(1980, 1, 1), ChineseResidentId.birthDate("110101198001010011"));
    }

    @Test
    void unparseable() {
        assertNull(ChineseResidentId.sex(null));
        assertNull(ChineseResidentId.sex("11010119800101001"));
        assertNull(ChineseResidentId.sex("1101011980010100A0"));
        assertNull(ChineseResidentId.birthDate(null));
        assertNull(ChineseResidentId.birthDate("1101011980010100"));
        assertNull(ChineseResidentId.birthDate(withCheck("11010119800230001")));
    }

    @Test
    void problems() {
        assertEquals("empty", ChineseResidentId.problem(null));
        assertEquals("empty", ChineseResidentId.problem(""));
        assertEquals("not 18 characters", ChineseResidentId.problem("11010119800101001"));
        assertEquals("not 18 characters", ChineseResidentId.problem("1101011980010100100"));
        assertEquals("not 18 characters", ChineseResidentId.problem("110101800101001")); // old 15-digit form
        assertEquals("non-digit in the first 17 characters", ChineseResidentId.problem("11010119800101X010"));
        assertEquals("non-digit in the first 17 characters", ChineseResidentId.problem(" 10101198001010010"));
        assertEquals("invalid birth date 19800230", ChineseResidentId.problem(withCheck("11010119800230001")));
        assertEquals("invalid birth date 19801301", ChineseResidentId.problem(withCheck("11010119801301001")));
        assertEquals("invalid birth date 19000229", ChineseResidentId.problem(withCheck("11010119000229001")));
        assertEquals("check character 1 does not match the computed 0",
                ChineseResidentId.problem("110101198001010011"));
        assertEquals("check character x does not match the computed X",
                ChineseResidentId.problem("11010119800101007x"));
        assertEquals("check character A does not match the computed 0",
                ChineseResidentId.problem("11010119800101001A"));
        assertFalse(ChineseResidentId.isValid("110101198001010011"));
    }

    @Test
    void checkCharacterRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ChineseResidentId.checkCharacter("1101011980010100"));
        assertThrows(IllegalArgumentException.class, () -> ChineseResidentId.checkCharacter("1101011980010100A"));
        assertThrows(IllegalArgumentException.class, () -> ChineseResidentId.checkCharacter(null));
    }
}
