package org.emrqc.rules.codes;

import static org.emrqc.rules.codes.Icd10Code.CM;
import static org.emrqc.rules.codes.Icd10Code.CN;
import static org.emrqc.rules.codes.Icd10Code.WHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Icd10CodeTest {

    @Test
    void systemUris() {
        assertEquals("http://hl7.org/fhir/sid/icd-10", WHO);
        assertEquals("http://hl7.org/fhir/sid/icd-10-cm", CM);
        assertEquals("urn:emrqc:icd-10-cn", CN);
        assertTrue(Icd10Code.isIcd10System(WHO));
        assertTrue(Icd10Code.isIcd10System(CN));
        assertFalse(Icd10Code.isIcd10System("http://snomed.info/sct"));
        assertFalse(Icd10Code.isIcd10System(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E11", "E11.9", "E119", "I10", "J18.9", "U07.1", "S72.00",
        "A17.0\u2020", "G01*", "G01.1*"})
    void whoValid(String code) {
        assertNull(Icd10Code.problem(code, WHO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E1", "E11.", "E11.900", "E1190", "E11.X", "E11.9\u2020*", "I10.x00x002",
        "S72.001A", "E1A", "EE11"})
    void whoInvalid(String code) {
        assertEquals("not a well-formed WHO ICD-10 code", Icd10Code.problem(code, WHO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E11", "E11.9", "E11.65", "S72.001A", "U07.1", "C7A.010", "M1A.0110",
        "Z3A.01", "T36.0X1A"})
    void cmValid(String code) {
        assertNull(Icd10Code.problem(code, CM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E11.", "E11.90000", "EA1.9", "E119", "T36.0x1A", "E11.9*"})
    void cmInvalid(String code) {
        assertEquals("not a well-formed ICD-10-CM code", Icd10Code.problem(code, CM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I10.x00x002", "E11.900", "K35.800x001", "J18.900", "I10", "I10.X00X002",
        "E11.9", "A18.300+", "K93.0*", "C34.900x001"})
    void cnValid(String code) {
        assertNull(Icd10Code.problem(code, CN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I10.x00x02", "E11.90000", "E11.", "E119", "K35.800y001", "E1A.900",
        "K35.800x0011"})
    void cnInvalid(String code) {
        assertEquals("not a well-formed Chinese clinical/insurance edition ICD-10 code",
                Icd10Code.problem(code, CN));
    }

    @Test
    void generalProblems() {
        assertEquals("empty", Icd10Code.problem("", WHO));
        assertEquals("empty", Icd10Code.problem(null, CM));
        assertEquals("contains whitespace", Icd10Code.problem("E11 .9", WHO));
        assertEquals("contains whitespace", Icd10Code.problem("E11.9 ", CN));
        assertEquals("contains whitespace", Icd10Code.problem("E11.9\u00a0", CN));
        assertEquals("first character e is not an upper-case letter A\u2013Z", Icd10Code.problem("e11.9", WHO));
        assertEquals("first character 1 is not an upper-case letter A\u2013Z", Icd10Code.problem("111.9", CM));
        assertEquals("no ICD-10 code system given", Icd10Code.problem("E11.9", null));
        assertEquals("unknown ICD-10 code system http://snomed.info/sct",
                Icd10Code.problem("E11.9", "http://snomed.info/sct"));
    }

    @Test
    void externalCause() {
        assertTrue(Icd10Code.isExternalCause("V89.2"));
        assertTrue(Icd10Code.isExternalCause("W19"));
        assertTrue(Icd10Code.isExternalCause("X59.9"));
        assertTrue(Icd10Code.isExternalCause("Y83.1"));
        assertTrue(Icd10Code.isExternalCause("w19"));
        assertFalse(Icd10Code.isExternalCause("S72.0"));
        assertFalse(Icd10Code.isExternalCause("T36.0X1A"));
        assertFalse(Icd10Code.isExternalCause("Vx"));
        assertFalse(Icd10Code.isExternalCause("V"));
        assertFalse(Icd10Code.isExternalCause(""));
        assertFalse(Icd10Code.isExternalCause(null));
    }

    @Test
    void morphology() {
        assertTrue(Icd10Code.isMorphology("M8140/3"));
        assertTrue(Icd10Code.isMorphology("8140/3"));
        assertTrue(Icd10Code.isMorphology("M8000/0"));
        assertTrue(Icd10Code.isMorphology("M9590/9"));
        assertFalse(Icd10Code.isMorphology("M8140"));
        assertFalse(Icd10Code.isMorphology("M814/3"));
        assertFalse(Icd10Code.isMorphology("M8140/33"));
        assertFalse(Icd10Code.isMorphology("m8140/3"));
        assertFalse(Icd10Code.isMorphology("C34.9"));
        assertFalse(Icd10Code.isMorphology(null));
    }

    @Test
    void category() {
        assertEquals("E11", Icd10Code.category("E11.9"));
        assertEquals("E11", Icd10Code.category("e119"));
        assertEquals("I10", Icd10Code.category("I10.x00x002"));
        assertEquals("C7A", Icd10Code.category("C7A.010"));
        assertEquals("I10", Icd10Code.category("I10"));
        assertNull(Icd10Code.category("E1"));
        assertNull(Icd10Code.category(null));
    }
}
