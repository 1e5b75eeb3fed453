package org.emrqc.rules.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoincCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "8480-6", "8462-4", "2345-7", "8867-4", "29463-7", "39156-5", "2823-3", "718-7",
        "4548-4", "33914-3", "85354-9", "8310-5", "59408-5", "2708-6"})
    void knownCodesAreValid(String code) {
        assertNull(LoincCode.problem(code));
        assertTrue(LoincCode.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8480-5", "8462-0", "2345-1"})
    void wrongCheckDigitsAreInvalid(String code) {
        assertFalse(LoincCode.isValid(code));
    }

    @Test
    void wrongCheckDigitReason() {
        assertEquals("check digit 5 does not match the mod-10 digit 6", LoincCode.problem("8480-5"));
        assertEquals("check digit 1 does not match the mod-10 digit 7", LoincCode.problem("2345-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12345678-1", "8480", "8480-", "-6", "8480-66", " 8480-6", "8480\u20136"})
    void malformedCodes(String code) {
        assertEquals("not 1\u20137 digits, a hyphen and a check digit", LoincCode.problem(code));
    }

    @Test
    void emptyCode() {
        assertEquals("empty", LoincCode.problem(null));
        assertEquals("empty", LoincCode.problem(""));
    }

    /**
     * Hand calculation for 8480: from the right, 0 doubled = 0, 8 kept, 4 doubled = 8,
     * 8 kept; 0 + 8 + 8 + 8 = 24; (10 - 4) mod 10 = 6. For 85354: 4 doubled = 8, 5, 3 doubled
     * = 6, 5, 8 doubled = 16 (1 + 6 = 7); 8 + 5 + 6 + 5 + 7 = 31; check 9. For 2708: 8 doubled
     * = 16 (7), 0, 7 doubled = 14 (5), 2; 14; check 6.
     */
    @Test
    void checkDigitByHand() {
        assertEquals(6, LoincCode.checkDigit("8480"));
        assertEquals(9, LoincCode.checkDigit("85354"));
        assertEquals(6, LoincCode.checkDigit("2708"));
        assertEquals(0, LoincCode.checkDigit("0"));
        assertThrows(IllegalArgumentException.class, () -> LoincCode.checkDigit("84a0"));
        assertThrows(IllegalArgumentException.class, () -> LoincCode.checkDigit(""));
    }
}
